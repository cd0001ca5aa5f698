"""The in-notebook checks: right answers pass, wrong ones fail with a Spanish reason, no leaks."""

from __future__ import annotations

import pandas as pd
import pytest

from cjcourse.grading import checks
from cjcourse.grading.checks import CheckFailed, answer_hash, answer_hashes


def run(code: str, **namespace):
    """Run ``code`` as a notebook cell would: the checks look answers up in this namespace."""
    ns = {name: getattr(checks, name) for name in checks.__all__} | {"pd": pd} | namespace
    exec(code, ns)


CHOICE = (
    f'check_choice("r", options=["a", "b", "c"], expected="{answer_hash("b", salt="q")}", salt="q")'
)


def test_choice_right_answer_passes_case_and_spaces_ignored(capsys):
    run(CHOICE, r=" B ")
    assert capsys.readouterr().out.startswith("✔")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (None, "Todavía no has respondido `r`"),
        ("a", "no es la correcta"),
        ("z", "no es una de las opciones"),
        (2, "debe ser un texto entre comillas"),
    ],
)
def test_choice_failures_explain_the_problem(value, message):
    with pytest.raises(CheckFailed, match=message) as err:
        run(CHOICE, r=value)
    assert "«b»" not in str(err.value)


def test_missing_variable_is_explained_not_a_name_error():
    with pytest.raises(CheckFailed, match="No encuentro la variable `r`"):
        run(CHOICE)


def test_choices_need_exactly_the_right_set():
    code = f'check_choices("r", options="abcd", expected="{answer_hash(["a", "c"], salt="q")}", salt="q")'
    run(code, r=["c", "A"])
    with pytest.raises(CheckFailed, match="no es exacta"):
        run(code, r=["a"])
    with pytest.raises(CheckFailed, match="repetidas"):
        run(code, r=["a", "a"])
    with pytest.raises(CheckFailed, match="lista"):
        run(code, r="a, c")


def test_number_is_rounded_and_text_numbers_are_explained():
    code = f'check_number("r", expected="{answer_hash(70.0, salt="q")}", salt="q", unit="%")'
    run(code, r=70)
    run(code, r=70.4)
    with pytest.raises(CheckFailed, match="no es el valor esperado"):
        run(code, r=30)
    with pytest.raises(CheckFailed, match="sin comillas"):
        run(code, r="70")


STAGES = ["conciencia", "consideración", "decisión", "compra", "poscompra", "lealtad"]
RIGHT = {
    "Anuncio en Instagram": "conciencia",
    "Encuesta tras la entrega": "poscompra",
    "Programa de puntos": "lealtad",
}
MAPPING = (
    f'check_mapping("r", expected={answer_hashes(RIGHT, salt="q")!r}, salt="q", allowed={STAGES!r})'
)


def test_mapping_accepts_accents_missing_and_reports_wrong_items_by_name():
    run(
        MAPPING,
        r={
            "Anuncio en Instagram": "Conciencia",
            "Encuesta tras la entrega": "poscompra",
            "Programa de puntos": "lealtad",
        },
    )
    wrong = dict(RIGHT, **{"Programa de puntos": "compra"})
    with pytest.raises(CheckFailed, match="Has acertado 2 de 3") as err:
        run(MAPPING, r=wrong)
    assert "«Programa de puntos»" in str(err.value) and "lealtad" not in str(err.value)


def test_mapping_structure_errors():
    with pytest.raises(CheckFailed, match="quedan 1 sin responder"):
        run(MAPPING, r=dict(RIGHT, **{"Programa de puntos": None}))
    with pytest.raises(CheckFailed, match="faltan"):
        run(MAPPING, r={"Anuncio en Instagram": "conciencia"})
    with pytest.raises(CheckFailed, match="no son de la lista permitida"):
        run(MAPPING, r=dict(RIGHT, **{"Programa de puntos": "fidelización"}))


def test_table_is_checked_row_by_row():
    code = (
        f'check_table("t", key_col="situación", value_col="componente", '
        f'expected={answer_hashes({"x": "persona", "y": "emoción"}, salt="q")!r}, salt="q")'
    )
    run(code, t=pd.DataFrame({"situación": ["x", "y"], "componente": ["Persona", "emocion"]}))
    with pytest.raises(CheckFailed, match="Revisa: «y»"):
        run(code, t=pd.DataFrame({"situación": ["x", "y"], "componente": ["persona", "etapa"]}))
    with pytest.raises(CheckFailed, match="le falta la columna «componente»"):
        run(code, t=pd.DataFrame({"situación": ["x", "y"]}))
    with pytest.raises(CheckFailed, match="quedan 2 sin responder"):
        run(code, t=pd.DataFrame({"situación": ["x", "y"], "componente": [None, None]}))


def test_text_answer_needs_some_words():
    run('check_text("r", min_words=3)', r="uno dos tres")
    with pytest.raises(CheckFailed, match="al menos 3"):
        run('check_text("r", min_words=3)', r="uno")
