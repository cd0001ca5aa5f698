"""Discovering course notebooks and cells, shared by the course tests."""

from __future__ import annotations

from pathlib import Path

import nbformat

from cjcourse.course import list_modules

COURSE = Path(__file__).resolve().parents[2] / "course"
MODULES = list_modules(COURSE)
NOTEBOOKS = [nb for m in MODULES for nb in m.notebooks]
GRADED_MODULES = [m for m in MODULES if m.has_exercises]


def nbgrader(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def is_autograded_answer(cell) -> bool:
    meta = nbgrader(cell)
    return cell.cell_type == "code" and meta.get("solution") and not meta.get("grade")


def is_test(cell) -> bool:
    meta = nbgrader(cell)
    return cell.cell_type == "code" and meta.get("grade") and not meta.get("solution")


def read(path: Path):
    return nbformat.read(path, as_version=4)


def rel(path: Path) -> str:
    return path.relative_to(COURSE).as_posix()
