"""Shared fixtures: a tiny synthetic course, so package tests don't depend on course content."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from cjcourse.grading.checks import answer_hash

REPO = Path(__file__).resolve().parent.parent
COURSE = REPO / "course"


def nbgrader_meta(grade_id: str, *, grade=False, solution=False, locked=False, points=None):
    meta = {
        "grade": grade,
        "solution": solution,
        "locked": locked,
        "grade_id": grade_id,
        "schema_version": 3,
        "task": False,
    }
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta}


def make_notebook(cells: list[tuple[str, str, dict | None]]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.metadata["language_info"] = {"name": "python"}
    for kind, source, meta in cells:
        new = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
        nb.cells.append(new(source, metadata=meta or {}))
    return nb


def demo_exercises(right: str = "b") -> nbformat.NotebookNode:
    expected = answer_hash(right, salt="d_p1")
    return make_notebook(
        [
            ("markdown", "# Ejercicios de prueba", nbgrader_meta("d_titulo", locked=True)),
            (
                "code",
                "from cjcourse.grading.checks import check_choice",
                nbgrader_meta("d_imports", locked=True),
            ),
            (
                "code",
                f'respuesta_1 = None\n### BEGIN SOLUTION\nrespuesta_1 = "{right}"\n### END SOLUTION',
                nbgrader_meta("d_p1_respuesta", solution=True),
            ),
            (
                "code",
                "# Comprobación de la pregunta 1 (no modifiques esta celda)\n"
                f'check_choice("respuesta_1", options=["a", "b", "c"], expected="{expected}", salt="d_p1")',
                nbgrader_meta("d_p1", grade=True, locked=True, points=2),
            ),
            (
                "markdown",
                "Respuesta modelo.\n\n**Rúbrica**: 1 punto si…",
                nbgrader_meta("d_p2_abierta", grade=True, solution=True, points=1),
            ),
        ]
    )


def write_demo_course(root: Path, right: str = "b") -> Path:
    """course/module1_demo with a lesson and an exercise notebook; returns the course folder."""
    module = root / "course" / "module1_demo"
    module.mkdir(parents=True, exist_ok=True)
    nbformat.write(
        make_notebook([("markdown", "# Módulo de prueba", None), ("code", "x = 1", None)]),
        module / "01_leccion.ipynb",
    )
    nbformat.write(demo_exercises(right), module / "02_ejercicios.ipynb")
    (module / "datos.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return root / "course"


@pytest.fixture
def demo_course(tmp_path: Path) -> Path:
    return write_demo_course(tmp_path / "src")


@pytest.fixture(scope="session")
def built_demo(tmp_path_factory) -> tuple[Path, Path]:
    """A demo course and a workspace prepared from it once per session (building costs seconds)."""
    from cjcourse.workspace import prepare_workspace

    root = tmp_path_factory.mktemp("built")
    course = write_demo_course(root / "src")
    ws = root / "ws"
    prepare_workspace(ws, course)
    return course, ws


@pytest.fixture
def fresh_workspace(built_demo, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the session's prepared workspace that a test may change freely."""
    course, ws = built_demo
    copy = tmp_path / "ws"
    shutil.copytree(ws, copy)
    return course, copy


def pytest_collection_modifyitems(config, items):
    """Browser tests run last: Playwright's sync API keeps an asyncio loop running in the main
    thread while its session lives, and in-process code that calls ``asyncio.run`` afterwards
    (the instructor sandbox tests) would fail with "cannot be called from a running event loop".
    """
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)
