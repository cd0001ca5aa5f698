"""Student identity and the per-student checks (cjcourse.grading.student)."""

from __future__ import annotations

import numpy as np
import pytest

from cjcourse.grading.checks import CheckFailed
from cjcourse.grading.student import (
    DEMO_ID,
    ENV_VAR,
    OWN_ANSWERS,
    StudentIdError,
    canonical_id,
    check_own_answer,
    folder_student_id,
    own_answers,
    pain_point_answers,
    student_id,
)

GRADED = "/curso/instructor/autograded/{}/module5_metrics"


@pytest.fixture(autouse=True)
def _no_env(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)


def run_check(namespace: dict, call: str) -> str:
    """Run a check as a notebook cell would: the check reads the variables of ``namespace``."""
    namespace.setdefault("check_own_answer", check_own_answer)
    exec(call, namespace)  # the check looks names up in the globals of its caller


# --------------------------------------------------------------------------- identity


def test_canonical_id_ignores_case_accents_and_spaces():
    assert canonical_id("  Ana.García ") == canonical_id("ana.garcia") == "ana.garcia"


def test_folder_id_read_from_nbgrader_autograded_layout(tmp_path):
    folder = tmp_path / "instructor" / "autograded" / "Luis.Perez" / "module5_metrics"
    folder.mkdir(parents=True)
    assert folder_student_id(folder) == "luis.perez"
    assert folder_student_id(tmp_path) is None
    assert folder_student_id(tmp_path / "instructor" / "submitted" / "x" / "m") is None


def test_folder_id_defaults_to_the_current_folder(tmp_path, monkeypatch):
    folder = tmp_path / "autograded" / "ana" / "module5_metrics"
    folder.mkdir(parents=True)
    monkeypatch.chdir(folder)
    assert folder_student_id() == "ana"
    assert student_id(None) == "ana"


def test_environment_variable_wins_over_the_folder(monkeypatch):
    monkeypatch.setenv(ENV_VAR, " Marta ")
    assert folder_student_id(GRADED.format("luis")) == "marta"
    assert student_id("marta", path="/tmp") == "marta"
    with pytest.raises(StudentIdError):
        student_id("luis", path="/tmp")


def test_declared_id_is_used_outside_nbgrader():
    assert student_id("Ana.Garcia", path="/home/ana/curso/module5_metrics") == "ana.garcia"


def test_declared_id_must_match_the_graded_student():
    assert student_id("ANA.garcía", path=GRADED.format("ana.garcia")) == "ana.garcia"
    with pytest.raises(StudentIdError, match=r"«luis\.perez»") as err:
        student_id("ana.garcia", path=GRADED.format("luis.perez"))
    assert isinstance(err.value, CheckFailed)  # nbgrader gives the check cells zero


def test_nothing_declared_in_the_graded_folder_uses_the_folder():
    assert student_id(None, path=GRADED.format("erronea")) == "erronea"
    assert student_id("  ", path=GRADED.format("erronea")) == "erronea"


def test_nobody_known_falls_back_to_the_example_with_a_warning(capsys):
    assert student_id(None, path="/tmp") == DEMO_ID
    assert "mi_id" in capsys.readouterr().out
    assert student_id(None, path="/tmp", quiet=True) == DEMO_ID
    assert capsys.readouterr().out == ""


def test_declared_id_must_be_text():
    with pytest.raises(StudentIdError, match="texto entre comillas"):
        student_id(42, path="/tmp")


# --------------------------------------------------------------------------- expected answers


def test_two_students_get_different_shops_and_answers():
    ana, luis = own_answers("ana.garcia"), own_answers("Luis.Pérez")
    assert set(ana) == set(luis) == set(OWN_ANSWERS)
    assert ana != luis
    assert ana["abandono_paso_pct"] != luis["abandono_paso_pct"]
    assert ana["canal_peor"] != luis["canal_peor"]  # the hidden story picks the channel


def test_answers_are_consistent_with_the_funnel():
    a = pain_point_answers("ana.garcia")
    assert a["paso_mas_abandono"] != a["segundo_paso"]
    assert a["paso_anterior"] == "ver_producto" and a["paso_mas_abandono"] == "carrito"
    assert 0 < a["perdidos_canal"] < a["perdidos_total"]


# --------------------------------------------------------------------------- the check


@pytest.fixture
def graded_as_ana(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "ana.garcia")
    return pain_point_answers("ana.garcia")


def test_check_passes_with_own_answers(graded_as_ana, capsys):
    a = graded_as_ana
    ns = {
        "mi_id": None,
        "paso": a["paso_mas_abandono"],
        "tasa": round(a["abandono_paso_pct"]),  # what the widget shows
        "canal": a["canal_peor"].upper(),
        "perdidos": np.int64(a["perdidos_canal"]),  # a number read from a DataFrame
    }
    run_check(ns, 'check_own_answer("paso", answer="paso_mas_abandono")')
    run_check(ns, 'check_own_answer("tasa", answer="abandono_paso_pct", tolerance=0.5)')
    run_check(ns, 'check_own_answer("canal", answer="canal_peor")')
    run_check(ns, 'check_own_answer("perdidos", answer="perdidos_canal")')
    assert capsys.readouterr().out.count("✔") == 4


def test_check_accepts_the_transition_written_out(graded_as_ana):
    ns = {"paso": "ver_producto → carrito"}
    run_check(ns, 'check_own_answer("paso", answer="paso_mas_abandono")')


def test_check_fails_with_a_classmates_answers(graded_as_ana):
    luis = pain_point_answers("luis.perez")
    ns = {"canal": luis["canal_peor"], "perdidos": luis["perdidos_canal"]}
    with pytest.raises(CheckFailed, match=r"«ana\.garcia»") as err:
        run_check(ns, 'check_own_answer("canal", answer="canal_peor")')
    assert luis["canal_peor"] in str(err.value)  # the given value, never the expected one
    with pytest.raises(CheckFailed):
        run_check(ns, 'check_own_answer("perdidos", answer="perdidos_canal")')


def test_check_fails_when_the_notebook_declares_someone_else(graded_as_ana):
    a = graded_as_ana
    ns = {"mi_id": "luis.perez", "paso": a["paso_mas_abandono"]}
    with pytest.raises(StudentIdError, match=r"mi_id = «luis\.perez»"):
        run_check(ns, 'check_own_answer("paso", answer="paso_mas_abandono")')


def test_check_messages_for_typical_mistakes(graded_as_ana):
    a = graded_as_ana
    ns = {
        "vacia": None,
        "texto": "45",
        "proporcion": a["abandono_paso_pct"] / 100,
        "segundo": a["segundo_paso"],
        "desconocido": "tiktok",
    }
    with pytest.raises(CheckFailed, match="Todavía no has respondido"):
        run_check(ns, 'check_own_answer("vacia", answer="abandono_paso_pct")')
    with pytest.raises(CheckFailed, match="sin comillas"):
        run_check(ns, 'check_own_answer("texto", answer="abandono_paso_pct")')
    with pytest.raises(CheckFailed, match="proporción"):
        run_check(ns, 'check_own_answer("proporcion", answer="abandono_paso_pct")')
    with pytest.raises(CheckFailed, match="no es el paso del embudo con el mayor abandono"):
        run_check(ns, 'check_own_answer("segundo", answer="paso_mas_abandono")')
    with pytest.raises(CheckFailed, match="no es una de las opciones"):
        run_check(ns, 'check_own_answer("desconocido", answer="canal_peor")')
    with pytest.raises(CheckFailed, match="No encuentro la variable `nada`"):
        run_check(ns, 'check_own_answer("nada", answer="canal_peor")')


def test_unknown_answer_key_is_an_authoring_error():
    with pytest.raises(KeyError):
        run_check({}, 'check_own_answer("x", answer="no_existe")')
