"""Stage-model presets: stages and sources as in the course's reference sheet."""

from __future__ import annotations

import pytest

from cjcourse.i18n import LANGUAGES, t
from cjcourse.journey import JourneyError, JourneyMap
from cjcourse.stages import (
    CUSTOM,
    STAGE_MODELS,
    get_stage_model,
    match_stage_model,
    stage_model_options,
)

EXPECTED = {
    "course": ("conciencia", "consideración", "decisión", "compra", "poscompra", "lealtad"),
    "digital4": ("conocimiento", "compromiso", "transacción/cumplimiento", "retención"),
    "phases3": ("conciencia y consideración", "compra y experiencia", "lealtad"),
    "aida": ("atención", "interés", "deseo", "acción"),
    "mckinsey": (
        "consideración inicial",
        "evaluación activa",
        "momento de compra",
        "experiencia poscompra",
    ),
    "kotler5a": ("conocer", "atraer", "preguntar", "actuar", "recomendar"),
    "mot": ("ZMOT", "FMOT", "SMOT", "UMOT"),
}


def test_every_preset_of_the_issue_exists():
    assert set(STAGE_MODELS) == {*EXPECTED, "steps5"}


@pytest.mark.parametrize("key", sorted(EXPECTED))
def test_stages_match_the_reference_sheet(key):
    assert get_stage_model(key).stages == EXPECTED[key]


def test_seed_004_has_five_steps():
    assert len(get_stage_model("steps5").stages) == 5


@pytest.mark.parametrize(
    ("key", "fragment"),
    [
        ("aida", "atribuido a E. St. Elmo Lewis (1898)"),
        ("mckinsey", "Court et al., McKinsey Quarterly (2009)"),
        ("kotler5a", "Marketing 4.0 (2016)"),
        ("mot", "Carlzon, Moments of Truth (1987)"),
        ("course", "002"),
        ("digital4", "003"),
        ("steps5", "004"),
        ("phases3", "000"),
    ],
)
def test_presets_carry_their_source(key, fragment):
    assert fragment in get_stage_model(key).source


def test_moments_of_truth_are_dated_as_in_the_reference():
    description = get_stage_model("mot").description
    assert "Lecinski 2011" in description and "P&G, 2005" in description
    assert (
        description.index("ZMOT")
        < description.index("FMOT")
        < description.index("SMOT")
        < description.index("UMOT")
    )


def test_mckinsey_loyalty_loop_skips_active_evaluation():
    (loop,) = get_stage_model("mckinsey").loops
    assert (loop.from_stage, loop.to_stage) == ("experiencia poscompra", "momento de compra")
    assert loop.label == "bucle de lealtad"


def test_every_preset_has_name_description_and_source_in_both_languages():
    for key in STAGE_MODELS:
        for part in ("name", "description", "source"):
            assert f"journey.model.{key}.{part}" in LANGUAGES["es"]
            assert f"journey.model.{key}.{part}" in LANGUAGES["en"]
    assert get_stage_model("aida").source != t("journey.model.aida.source", lang="en")


def test_unknown_model_is_explained_in_spanish_with_a_suggestion():
    with pytest.raises(JourneyError, match="no conozco el modelo de etapas «adia»") as info:
        get_stage_model("adia")
    assert "¿Quisiste decir «aida»?" in str(info.value)


def test_options_for_the_switcher_end_with_custom_stages():
    options = stage_model_options()
    assert [key for _, key in options] == [*STAGE_MODELS, CUSTOM]
    assert options[-1][0] == "Etapas propias"


def test_match_stage_model_recognises_presets_only_when_exact():
    assert match_stage_model(EXPECTED["course"]) == "course"
    assert match_stage_model(EXPECTED["course"][:5]) == CUSTOM


@pytest.mark.parametrize("key", sorted(STAGE_MODELS))
def test_a_map_can_start_from_every_preset(key):
    journey = JourneyMap.from_stage_model(key)
    assert journey.stage_model == key
    assert tuple(s.name for s in journey.stages) == get_stage_model(key).stages


def test_custom_stages_start_empty():
    assert JourneyMap.from_stage_model(CUSTOM).stages == ()
