"""The student workspace never loses work: edits survive, updates go beside, damage is reported."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
from pathlib import Path

import nbformat
import pytest

from cjcourse.errors import UserError
from cjcourse.workspace import STATE_DIR, prepare_workspace, pristine_module_dir
from tests.conftest import demo_exercises

TODAY = dt.date(2026, 11, 22)


def snapshot(folder: Path) -> dict[str, str]:
    """Every student-visible file with its hash (our .cjcourse bookkeeping excluded)."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and STATE_DIR not in p.parts
    }


def edit_answer(path: Path, text: str = 'respuesta_1 = "a"  # mi intento') -> bytes:
    nb = nbformat.read(path, as_version=4)
    answer = next(
        c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "d_p1_respuesta"
    )
    answer.source = text
    nbformat.write(nb, path)
    return path.read_bytes()


def test_first_run_gives_student_versions_without_solutions(built_demo):
    _course, ws = built_demo
    exercises = ws / "module1_demo" / "02_ejercicios.ipynb"
    assert exercises.exists() and (ws / "module1_demo" / "01_leccion.ipynb").exists()
    assert (ws / "module1_demo" / "datos.csv").read_text() == "a,b\n1,2\n"
    text = exercises.read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in text and 'respuesta_1 = \\"b\\"' not in text
    assert "respuesta_1 = None" in text and "check_choice" in text
    assert pristine_module_dir(ws, "module1_demo").is_dir()


def test_second_run_changes_nothing(fresh_workspace):
    course, ws = fresh_workspace
    before = snapshot(ws)
    report = prepare_workspace(ws, course, today=TODAY)
    assert report.added == [] and report.updated == [] and report.offered == []
    assert report.unchanged == len(before)
    assert snapshot(ws) == before


def test_edit_survives_a_course_update_and_the_update_goes_beside(fresh_workspace, tmp_path):
    course_orig, ws = fresh_workspace
    course = tmp_path / "course"
    shutil.copytree(course_orig, course)
    mine = ws / "module1_demo" / "02_ejercicios.ipynb"
    my_bytes = edit_answer(mine)
    # the course changes: both notebooks get a new version
    nbformat.write(demo_exercises(right="c"), course / "module1_demo" / "02_ejercicios.ipynb")
    lesson = course / "module1_demo" / "01_leccion.ipynb"
    lesson.write_text(lesson.read_text().replace("Módulo de prueba", "Módulo de prueba v2"))

    report = prepare_workspace(ws, course, today=TODAY)

    assert mine.read_bytes() == my_bytes, "the student's edited notebook must not change"
    beside = ws / "module1_demo" / "02_ejercicios_actualizado_20261122.ipynb"
    assert beside.exists() and report.offered == [
        (
            "module1_demo/02_ejercicios.ipynb",
            "module1_demo/02_ejercicios_actualizado_20261122.ipynb",
        )
    ]
    assert "Módulo de prueba v2" in (ws / "module1_demo" / "01_leccion.ipynb").read_text()
    assert report.updated == ["module1_demo/01_leccion.ipynb"]

    # a third run neither offers the same update again nor touches anything
    before = snapshot(ws)
    again = prepare_workspace(ws, course, today=TODAY)
    assert again.offered == [] and snapshot(ws) == before


def test_new_module_is_added_and_existing_work_kept(fresh_workspace, tmp_path):
    course_orig, ws = fresh_workspace
    course = tmp_path / "course"
    shutil.copytree(course_orig, course)
    my_bytes = edit_answer(ws / "module1_demo" / "02_ejercicios.ipynb")
    shutil.copytree(course / "module1_demo", course / "module2_demo")
    report = prepare_workspace(ws, course, today=TODAY)
    assert "module2_demo/02_ejercicios.ipynb" in report.added
    assert (ws / "module1_demo" / "02_ejercicios.ipynb").read_bytes() == my_bytes


def test_corrupted_notebook_is_left_alone_and_a_fresh_copy_is_offered(fresh_workspace):
    course, ws = fresh_workspace
    broken = ws / "module1_demo" / "02_ejercicios.ipynb"
    broken.write_bytes(b'{"cells": [ {"cell_type": "code", "sour')  # truncated save
    report = prepare_workspace(ws, course, today=TODAY)
    assert broken.read_bytes() == b'{"cells": [ {"cell_type": "code", "sour'
    ((damaged, fresh),) = report.corrupted
    assert damaged == "module1_demo/02_ejercicios.ipynb"
    assert nbformat.read(ws / fresh, as_version=4).cells  # the fresh copy is a valid notebook
    assert any("dañado" in line for line in report.lines())


def test_deleted_file_is_restored(fresh_workspace):
    course, ws = fresh_workspace
    (ws / "module1_demo" / "01_leccion.ipynb").unlink()
    report = prepare_workspace(ws, course, today=TODAY)
    assert report.added == ["module1_demo/01_leccion.ipynb"]


def test_damaged_manifest_is_kept_and_nothing_is_overwritten(fresh_workspace, tmp_path):
    course_orig, ws = fresh_workspace
    course = tmp_path / "course"
    shutil.copytree(course_orig, course)
    (ws / STATE_DIR / "manifest.json").write_text("{not json")
    nbformat.write(demo_exercises(right="c"), course / "module1_demo" / "02_ejercicios.ipynb")
    before = snapshot(ws)
    report = prepare_workspace(ws, course, today=TODAY)
    assert all(snapshot(ws)[k] == v for k, v in before.items()), "no existing file may change"
    assert list((ws / STATE_DIR).glob("manifest.json.dañado-*"))
    assert report.warnings and json.loads((ws / STATE_DIR / "manifest.json").read_text())["modules"]


def test_missing_parent_folder_is_explained(demo_course, tmp_path):
    with pytest.raises(UserError, match="no existe") as err:
        prepare_workspace(tmp_path / "no" / "existe", demo_course)
    assert "--workspace" in str(err.value)
    assert not (tmp_path / "no").exists()


def test_workspace_that_is_a_file_is_explained(demo_course, tmp_path):
    target = tmp_path / "archivo.txt"
    target.write_text("mis notas")
    with pytest.raises(UserError, match="es un archivo"):
        prepare_workspace(target, demo_course)
    assert target.read_text() == "mis notas"


def test_read_only_folder_is_explained(demo_course, tmp_path):
    if os.geteuid() == 0:
        target = Path("/proc/cjcourse-workspace")  # root ignores chmod; /proc refuses everyone
    else:
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o555)
        target = ro / "ws"
    with pytest.raises(UserError, match="No puedo escribir"):
        prepare_workspace(target, demo_course)


def test_a_second_start_on_the_same_workspace_waits_its_turn(fresh_workspace):
    import fcntl

    course, ws = fresh_workspace
    with (ws / STATE_DIR / "lock").open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        with pytest.raises(UserError, match="otro `cjcourse start`"):
            prepare_workspace(ws, course)


def test_empty_course_is_explained(tmp_path):
    (tmp_path / "course").mkdir()
    with pytest.raises(UserError, match="no tiene módulos"):
        prepare_workspace(tmp_path / "ws", tmp_path / "course")
