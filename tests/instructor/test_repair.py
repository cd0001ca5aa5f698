"""Repair carries answers into a fresh release copy, whatever students did to their notebooks.

Synthetic two-question notebooks: no nbgrader run, no kernel (the end-to-end test grades the
real module).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import nbformat
import pytest

from cjcourse.instructor.repair import read_submission, repair_student
from tests.conftest import make_notebook, nbgrader_meta

STUB = "respuesta_{n} = None\n"


def release_nb():
    cells = [
        ("markdown", "# Ejercicios", nbgrader_meta("t", locked=True)),
        (
            "code",
            "from cjcourse.grading.checks import check_choice",
            nbgrader_meta("imp", locked=True),
        ),
    ]
    for n in (1, 2):
        cells += [
            ("code", STUB.format(n=n), nbgrader_meta(f"p{n}_r", solution=True)),
            (
                "code",
                f"check_choice('respuesta_{n}')",
                nbgrader_meta(f"p{n}", grade=True, locked=True, points=1),
            ),
        ]
    cells.append(
        ("markdown", "Escribe aquí", nbgrader_meta("p3", grade=True, solution=True, points=2))
    )
    return make_notebook(cells)


def answered(nb=None, **answers):
    nb = copy.deepcopy(nb or release_nb())
    values = {
        "p1_r": 'respuesta_1 = "a"',
        "p2_r": 'respuesta_2 = "b"',
        "p3": "Mi viaje…",
        **answers,
    }
    for cell in nb.cells:
        gid = cell.metadata["nbgrader"]["grade_id"]
        if gid in values:
            cell.source = values[gid]
    return nb


def by_id(nb):
    return {c.metadata.get("nbgrader", {}).get("grade_id"): c for c in nb.cells}


@pytest.fixture
def dirs(tmp_path):
    release = tmp_path / "release"
    release.mkdir()
    nbformat.write(release_nb(), release / "02_ejercicios.ipynb")
    return tmp_path / "collected", release, tmp_path / "submitted"


def run(dirs, files: dict[str, object]):
    collected, release, dest = dirs
    collected.mkdir(exist_ok=True)
    for name, content in files.items():
        path = collected / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            nbformat.write(content, path)
    report = repair_student(collected, release, dest, "ana")
    return (
        nbformat.read(dest / "02_ejercicios.ipynb", as_version=4),
        {n.code for n in report.notes},
        report,
    )


def assert_fully_answered(nb):
    cells = by_id(nb)
    assert cells["p1_r"].source == 'respuesta_1 = "a"'
    assert cells["p2_r"].source == 'respuesta_2 = "b"'
    assert cells["p3"].source == "Mi viaje…"
    release = by_id(release_nb())
    for gid in ("t", "imp", "p1", "p2"):  # locked cells exactly as released
        assert cells[gid].source == release[gid].source
        assert cells[gid].metadata == release[gid].metadata


def test_an_untouched_submission_needs_no_repair(dirs):
    nb, _codes, report = run(dirs, {"02_ejercicios.ipynb": answered()})
    assert_fully_answered(nb)
    assert not report.repaired


def test_deleted_test_cell_is_restored(dirs):
    nb = answered()
    del nb.cells[3]
    fixed, codes, _ = run(dirs, {"02_ejercicios.ipynb": nb})
    assert_fully_answered(fixed)
    assert "deleted_cell" in codes


def test_edited_test_cell_is_restored(dirs):
    nb = answered()
    by_id(nb)["p1"].source = "pass"
    fixed, codes, _ = run(dirs, {"02_ejercicios.ipynb": nb})
    assert_fully_answered(fixed)
    assert "edited_locked" in codes


def test_duplicated_answer_takes_the_edited_copy(dirs):
    nb = answered()
    nb.cells.insert(2, copy.deepcopy(release_nb().cells[2]))  # the blank stub before the answer
    nb.cells.append(copy.deepcopy(by_id(nb)["p2"]))  # and a duplicated check at the end
    fixed, codes, _ = run(dirs, {"02_ejercicios.ipynb": nb})
    assert_fully_answered(fixed)
    assert "duplicated" in codes
    assert [c.metadata.get("nbgrader", {}).get("grade_id") for c in fixed.cells].count("p2") == 1


def test_retyped_answer_cell_keeps_its_content_as_code(dirs):
    nb = answered()
    old = by_id(nb)["p1_r"]
    nb.cells[2] = nbformat.v4.new_markdown_cell(old.source, metadata=old.metadata)
    fixed, codes, _ = run(dirs, {"02_ejercicios.ipynb": nb})
    assert_fully_answered(fixed)
    assert by_id(fixed)["p1_r"].cell_type == "code"
    assert "retyped" in codes


def test_reordered_cells_are_put_back_in_order(dirs):
    nb = answered()
    nb.cells = list(reversed(nb.cells))
    fixed, codes, _ = run(dirs, {"02_ejercicios.ipynb": nb})
    assert_fully_answered(fixed)
    assert [c.source for c in fixed.cells] == [c.source for c in answered().cells]
    assert "reordered" in codes


def test_answer_moved_to_another_notebook_is_found(dirs):
    nb = answered()
    moved = nb.cells.pop(4)  # p2_r
    other = nbformat.v4.new_notebook(cells=[moved])
    fixed, codes, _ = run(dirs, {"02_ejercicios.ipynb": nb, "borrador.ipynb": other})
    assert_fully_answered(fixed)
    assert "moved" in codes


def test_renamed_notebook_is_matched_by_its_cells(dirs):
    fixed, codes, _ = run(dirs, {"ejercicios_ana (1).ipynb": answered()})
    assert_fully_answered(fixed)
    assert "renamed" in codes


def test_extra_copy_the_most_complete_one_wins(dirs):
    files = {"02_ejercicios.ipynb": release_nb(), "02_ejercicios-Copy1.ipynb": answered()}
    fixed, codes, _ = run(dirs, files)
    assert_fully_answered(fixed)
    assert "extra_copy" in codes


def test_truncated_json_keeps_every_complete_cell(dirs):
    text = nbformat.writes(answered())
    cut = text[: text.index('"p3"') - 200]  # the file ends inside the last cells
    fixed, codes, _ = run(dirs, {"02_ejercicios.ipynb": cut.encode()})
    cells = by_id(fixed)
    assert cells["p1_r"].source == 'respuesta_1 = "a"'
    assert "invalid_json_salvaged" in codes


@pytest.mark.parametrize(
    ("content", "code"),
    [(b"", "empty_file"), (b"<<<<<<< HEAD\n", "invalid_json"), (b"[1, 2]", "not_a_notebook")],
)
def test_unreadable_file_gives_the_blank_copy_and_a_note(dirs, content, code):
    fixed, codes, report = run(dirs, {"02_ejercicios.ipynb": content})
    assert [c.source for c in fixed.cells] == [c.source for c in release_nb().cells]
    assert {code, "missing_notebook"} <= codes
    assert report.repaired


def test_students_own_cells_are_kept_after_the_cell_they_followed(dirs):
    nb = answered()
    nb.cells.insert(3, nbformat.v4.new_code_cell("ayuda = 'a'"))  # after p1_r
    nb.cells.insert(0, nbformat.v4.new_markdown_cell("mis notas"))
    fixed, codes, _ = run(dirs, {"02_ejercicios.ipynb": nb})
    sources = [c.source for c in fixed.cells]
    assert sources.index("ayuda = 'a'") == sources.index('respuesta_1 = "a"') + 1
    assert sources[0] == "mis notas"
    assert "nbgrader" not in fixed.cells[0].metadata
    assert "added_cells" in codes


def test_student_cannot_change_points_or_checksums(dirs):
    nb = answered()
    by_id(nb)["p1"].metadata["nbgrader"]["points"] = 100
    fixed, _, _ = run(dirs, {"02_ejercicios.ipynb": nb})
    assert by_id(fixed)["p1"].metadata["nbgrader"]["points"] == 1


def test_read_submission_never_raises(tmp_path):
    for name, data in {
        "a.ipynb": b"\xff\xfe\x00",
        "b.ipynb": b"null",
        "c.ipynb": json.dumps({"cells": "x"}).encode(),
    }.items():
        (tmp_path / name).write_bytes(data)
        assert read_submission(Path(tmp_path / name)).status in {"invalid", "not_notebook", "ok"}


def test_submissions_from_stock_nbgrader_collect_are_kept_then_repaired(tmp_path):
    from cjcourse.instructor.coursedir import InstructorCourse
    from cjcourse.instructor.repair import repair_module

    (tmp_path / "course").mkdir()
    course = InstructorCourse.open(tmp_path, tmp_path / "course")
    course.release("m1").mkdir(parents=True)
    nbformat.write(release_nb(), course.release("m1") / "02_ejercicios.ipynb")
    broken = answered()
    del broken.cells[3]
    stock = course.submitted() / "ana" / "m1"
    stock.mkdir(parents=True)
    nbformat.write(broken, stock / "02_ejercicios.ipynb")
    (report,) = repair_module(course, "m1")
    assert "deleted_cell" in {n.code for n in report.notes}
    kept = nbformat.read(course.collected("m1") / "ana" / "02_ejercicios.ipynb", as_version=4)
    assert len(kept.cells) == len(broken.cells)  # the original, untouched
    assert_fully_answered(nbformat.read(stock / "02_ejercicios.ipynb", as_version=4))
    assert (course.reports("m1") / "repairs.json").exists()
