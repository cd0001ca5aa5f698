"""`cjcourse check`: per-question verdicts, nbgrader-compatible points, honest exit codes."""

from __future__ import annotations

import nbformat
import pytest

from cjcourse.cli import main
from cjcourse.grading.selfcheck import FAIL, MANUAL, MISSING, PASS, check_notebook


def set_answer(path, source):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "d_p1_respuesta":
            cell.source = source
    nbformat.write(nb, path)


def test_solution_passes_with_full_points(built_demo, capsys):
    course, _ = built_demo
    solved = course / "module1_demo" / "02_ejercicios.ipynb"
    before = solved.read_bytes()
    assert main(["check", str(solved)]) == 0
    out = capsys.readouterr().out
    assert "✔ Comprobación de la pregunta 1 [2/2 puntos]" in out
    assert "✎" in out and "2 de 2 puntos" in out
    assert solved.read_bytes() == before, "checking must never write to the notebook"


def test_blank_student_copy_fails_and_says_why(built_demo, capsys):
    _, ws = built_demo
    assert main(["check", str(ws / "module1_demo" / "02_ejercicios.ipynb")]) == 1
    out = capsys.readouterr().out
    assert (
        "✘ Comprobación de la pregunta 1 [0/2 puntos] — Todavía no has respondido `respuesta_1`"
        in out
    )
    assert "0 de 1 comprobaciones superadas" in out and "Aún quedan" in out


def test_wrong_answer_fails_right_answer_passes(fresh_workspace):
    _, ws = fresh_workspace
    nb = ws / "module1_demo" / "02_ejercicios.ipynb"
    set_answer(nb, 'respuesta_1 = "a"')
    report = check_notebook(nb)
    assert [r.status for r in report.results] == [FAIL, MANUAL] and not report.passed
    set_answer(nb, 'respuesta_1 = "b"')
    report = check_notebook(nb)
    assert [r.status for r in report.results] == [PASS, MANUAL]
    assert report.passed and report.score == report.max_score == 2


def test_edited_check_cell_is_restored_from_the_original(fresh_workspace):
    _, ws = fresh_workspace
    path = ws / "module1_demo" / "02_ejercicios.ipynb"
    nb = nbformat.read(path, as_version=4)
    check = next(c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "d_p1")
    check.source = "pass  # ¡aprobado!"
    nbformat.write(nb, path)
    report = check_notebook(path)
    assert report.results[0].status == FAIL and report.notes


def test_deleted_check_cell_is_reported_missing(fresh_workspace):
    _, ws = fresh_workspace
    path = ws / "module1_demo" / "02_ejercicios.ipynb"
    nb = nbformat.read(path, as_version=4)
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "d_p1"]
    nbformat.write(nb, path)
    set_answer(path, 'respuesta_1 = "b"')
    report = check_notebook(path)
    assert any(r.status == MISSING for r in report.results) and not report.passed


def test_lesson_without_checks_passes(built_demo, capsys):
    _, ws = built_demo
    assert main(["check", str(ws / "module1_demo" / "01_leccion.ipynb")]) == 0
    assert "no tiene preguntas" in capsys.readouterr().out


@pytest.mark.parametrize(("content", "message"), [(b"{trunc", "dañado"), (None, "No existe")])
def test_damaged_or_missing_notebook_exits_2_with_a_reason(tmp_path, capsys, content, message):
    path = tmp_path / "x.ipynb"
    if content is not None:
        path.write_bytes(content)
    assert main(["check", str(path)]) == 2
    assert message in capsys.readouterr().err


def test_english_messages(built_demo, capsys):
    _, ws = built_demo
    try:
        assert (
            main(["--lang", "en", "check", str(ws / "module1_demo" / "02_ejercicios.ipynb")]) == 1
        )
    finally:
        from cjcourse.i18n import set_language

        set_language(None)
    assert "Summary: 0 of 1 checks pass" in capsys.readouterr().out
