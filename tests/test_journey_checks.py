"""check_journey_structure: one message per problem, hidden answers stay hidden, and the real
student flow of module 3 (clicks in the builder → mi_mapa.json → a fresh kernel) passes."""

from __future__ import annotations

import shutil
from pathlib import Path

import nbformat
import pytest

from cjcourse.grading.checks import CheckFailed, answer_hash
from cjcourse.grading.journey_checks import check_journey_structure, pain_stage_names
from cjcourse.i18n import set_language
from cjcourse.journey import (
    Card,
    JourneyMap,
    Opportunity,
    PainPoint,
    Persona,
    Stage,
    Touchpoint,
)

STAGES = ["descubrimiento", "clase de prueba", "alta", "primer mes", "renovación"]
PAINS = answer_hash(["alta", "renovación"], salt="t_p5")
MODULE = Path(__file__).resolve().parent.parent / "course" / "module3_mapping"


def sara(
    emotions=(1, 2, -2, 1, -1),
    names=STAGES,
    pains=("alta", "renovación"),
    touch=True,
    persona="Sara",
) -> JourneyMap:
    stages = []
    for name, emotion in zip(names, emotions, strict=True):
        stages.append(
            Stage(
                name,
                emotion=emotion,
                touchpoints=[Touchpoint(f"Contacto en {name}", channel="web")] if touch else [],
                pain_points=[PainPoint(f"Problema en {name}", severity=2)] if name in pains else [],
            )
        )
    return JourneyMap(persona=Persona(persona), stage_model="custom", stages=stages)


def grade(value, **kwargs) -> None:
    """Put ``value`` where the check looks (this module's globals, like a notebook's) and check."""
    globals()["mi_mapa"] = value
    try:
        check_journey_structure("mi_mapa", stages=STAGES, pain_stages=PAINS, salt="t_p5", **kwargs)
    finally:
        globals().pop("mi_mapa", None)


def failure(value, **kwargs) -> str:
    with pytest.raises(CheckFailed) as info:
        grade(value, **kwargs)
    return str(info.value)


# ---------------------------------------------------------------- passing


def test_a_good_map_passes_with_one_check_line_and_returns_none(capsys):
    globals()["mi_mapa"] = sara()
    try:
        result = check_journey_structure("mi_mapa", stages=STAGES, pain_stages=PAINS, salt="t_p5")
    finally:
        globals().pop("mi_mapa")
    assert result is None  # a number would be read by nbgrader as partial credit
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 1 and out[0].startswith("✔") and "5 etapas" in out[0]


def test_names_are_compared_without_case_or_accents():
    grade(
        sara(
            names=["Descubrimiento", "Clase de Prueba", "ALTA", "primer mes", "renovacion"],
            pains=("ALTA", "renovacion"),
        )
    )


def test_a_valid_dict_is_accepted_like_a_map():
    grade(sara().to_dict())


def test_extra_cards_do_not_count_against_the_student():
    m = sara().add_card(
        "alta", "opportunities", Opportunity("Matrícula anunciada en la web", owner="Equipo web")
    )
    grade(m.add_card("alta", "thoughts", Card("«¿Cuarenta euros más?»")))


def test_adjacent_pain_stages_compare_with_the_nearest_stage_without_pain():
    m = sara(emotions=(1, 2, -2, -1, 0), pains=("alta", "primer mes", "renovación"))
    globals()["mi_mapa"] = m
    try:
        check_journey_structure(
            "mi_mapa",
            stages=STAGES,
            pain_stages=answer_hash(["alta", "primer mes", "renovación"], salt="s"),
            salt="s",
        )
    finally:
        globals().pop("mi_mapa")


def test_without_the_dip_rule_pain_points_are_not_required(capsys):
    globals()["mi_mapa"] = sara(pains=(), emotions=(0, 0, 0, 0, 0))
    try:
        check_journey_structure("mi_mapa", stages=STAGES, dip_at_pain=False)
    finally:
        globals().pop("mi_mapa")
    assert "etapas en orden" in capsys.readouterr().out


# ---------------------------------------------------------------- failing, one reason each


def test_missing_variable():
    with pytest.raises(CheckFailed, match="No encuentro la variable `otro_mapa`"):
        check_journey_structure("otro_mapa", stages=STAGES)


def test_none_says_how_to_answer():
    assert "constructor.journey" in failure(None)


def test_wrong_type_is_named_in_words():
    assert "un texto" in failure("mi_mapa.json")


def test_an_invalid_dict_says_what_is_wrong():
    data = sara().to_dict()
    data["stages"][0]["touchpoints"][0]["channel"] = "paloma mensajera"
    assert "paloma mensajera" in failure(data)


def test_the_untouched_builder_map_is_reported_as_not_built_yet():
    assert "Todavía no has construido tu mapa" in failure(JourneyMap.from_stage_model())


def test_missing_stages_are_named_with_the_expected_order():
    msg = failure(JourneyMap.from_stage_model().set_emotion(0, 1))
    assert "«descubrimiento»" in msg and "en este orden" in msg


def test_extra_stage():
    m = sara().add_stage("lealtad")
    assert "«lealtad»" in failure(m) and "no usa" in failure(m)


def test_stages_out_of_order_name_the_first_wrong_position():
    m = sara().move_stage(4, 1)
    msg = failure(m)
    assert "posición 2" in msg and "«clase de prueba»" in msg and "Mover antes" in msg


def test_persona_is_required():
    assert "Falta la persona" in failure(sara(persona=""))


def test_every_stage_needs_a_touchpoint():
    m = sara().remove_card("primer mes", "touchpoints", 0)
    msg = failure(m)
    assert "«primer mes»" in msg and "puntos de contacto" in msg
    assert "«alta»" not in msg


def test_min_touchpoints_is_configurable():
    assert "menos de 2" in failure(sara(), min_touchpoints=2)


def test_every_emotion_must_be_recorded():
    m = sara().set_emotion("alta", None)
    assert "Falta la emoción" in failure(m) and "«alta»" in failure(m)


def test_no_pain_points_at_all():
    assert "ningún punto de dolor" in failure(sara(pains=()))


def test_pain_points_in_the_wrong_stages_do_not_reveal_the_right_ones():
    msg = failure(sara(pains=("clase de prueba", "renovación"), emotions=(1, -2, 1, 1, -1)))
    assert "«clase de prueba», «renovación»" in msg  # what the student wrote
    assert "«alta»" not in msg  # never the answer
    assert "Pista" not in msg  # no hint given in this call


def test_hint_is_appended_to_a_wrong_answer():
    msg = failure(sara(pains=("alta",)), hint="sección 3.1")
    assert msg.endswith("Pista: sección 3.1")


def test_curve_bottoming_out_where_there_is_no_pain():
    msg = failure(sara(emotions=(1, -2, 1, 1, -1)))
    assert "toca fondo (-2) en «clase de prueba»" in msg


def test_curve_not_dipping_at_a_pain_point():
    msg = failure(sara(emotions=(1, 2, -2, -1, 0)))
    assert "En «renovación» hay un punto de dolor" in msg and "«primer mes» (-1)" in msg


def test_messages_exist_in_english_too():
    set_language("en")
    try:
        assert "has no persona" in failure(sara(persona=""))
    finally:
        set_language(None)


def test_pain_stage_names_keep_map_order():
    assert pain_stage_names(sara()) == ["alta", "renovación"]


# ---------------------------------------------------------------- the module 3 exercise files


def test_no_student_map_is_left_in_the_course_sources():
    """nbgrader autograde copies the source folder's files over the submission: a stray
    mi_mapa.json here would replace every student's map with this one."""
    assert not (MODULE / "mi_mapa.json").exists()


def _student_copy(folder: Path) -> Path:
    """The release version of the exercises (solutions cleared as nbgrader does) in ``folder``."""
    from nbgrader.preprocessors import ClearOutput, ClearSolutions

    from cjcourse.grading.nbgrader_setup import CODE_STUB, TEXT_STUB

    for extra in MODULE.iterdir():
        if extra.suffix != ".ipynb":
            shutil.copy(extra, folder / extra.name)
    nb = nbformat.read(MODULE / "02_ejercicios.ipynb", as_version=4)
    nb, _ = ClearSolutions(code_stub={"python": CODE_STUB}, text_stub=TEXT_STUB).preprocess(nb, {})
    nb, _ = ClearOutput().preprocess(nb, {})
    path = folder / "02_ejercicios.ipynb"
    nbformat.write(nb, path)
    return path


def _click_saras_map(folder: Path, monkeypatch) -> None:
    """Build the map of question 5 with the builder's widgets only, as a student would."""
    from cjcourse.widgets import JourneyMapBuilder

    monkeypatch.chdir(folder)  # the kernel's folder: where the notebook lives
    b = JourneyMapBuilder(path="mi_mapa.json", autosave=True, render="none")

    def card(lane: str, text: str, **fields) -> None:
        b.lane.value = lane
        b.card_text.value = text
        for name, value in fields.items():
            getattr(b, name).value = value
        b.add_card_button.click()

    b.persona_name.value = "Sara Gil"
    for i, name in enumerate(STAGES):
        b.stage.value = i
        b.new_stage_name.value = name
        b.rename_button.click()
    b.stage.value = 5  # «lealtad», left over from the course's six stages
    b.remove_stage_button.click()
    plan = [
        ("Folleto en el buzón", "correo postal", 1, None),
        ("Reserva de la clase de prueba en la web", "web", 2, None),
        ("Formulario en papel en recepción", "tienda física", -2, "Matrícula sorpresa de 40 €"),
        ("App de reservas de clases", "app", 1, None),
        ("Teléfono de recepción", "teléfono", -1, "Cambiar de cuota solo por teléfono"),
    ]
    for i, (touchpoint, channel, emotion, pain) in enumerate(plan):
        b.stage.value = i
        card("touchpoints", touchpoint, channel=channel)
        b.emotion.value = emotion
        if pain:
            card("pain_points", pain, severity=3)
    monkeypatch.undo()
    assert b.status_kind == "ok" and "guardado automático" in b.status


def _run(path: Path) -> dict[str, str]:
    """Execute ``path`` in a fresh kernel in its folder; text output of each graded cell."""
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    out = {}
    for cell in nb.cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade"):
            out[meta["grade_id"]] = "".join(
                o.get("text", "") + o.get("evalue", "") for o in cell.outputs
            )
    return out


@pytest.mark.course
def test_a_map_built_by_clicking_survives_a_fresh_kernel(tmp_path, monkeypatch):
    """The real student flow: clicks → mi_mapa.json → autograde re-executes from scratch."""
    notebook = _student_copy(tmp_path)
    _click_saras_map(tmp_path, monkeypatch)
    assert (tmp_path / "mi_mapa.json").is_file()
    out = _run(notebook)
    assert out["m3_p5"].startswith("✔"), out["m3_p5"]
    assert "Todavía no has respondido" in out["m3_p1"]  # the rest is still blank


@pytest.mark.course
def test_without_the_map_file_question_5_earns_nothing(tmp_path):
    out = _run(_student_copy(tmp_path))
    assert "Todavía no has construido tu mapa" in out["m3_p5"]
    assert not (tmp_path / "mi_mapa.json").exists()  # opening the builder writes nothing
