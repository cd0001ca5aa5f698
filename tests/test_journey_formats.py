"""Round trips (property-based) of the native JSON, Mermaid ``journey`` text and the tidy CSV."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cjcourse.formats import (
    CSV_COLUMNS,
    from_csv,
    from_mermaid,
    mermaid_subset,
    read_csv,
    to_csv,
    to_frame,
    to_mermaid,
    to_ojf,
    write_csv,
)
from cjcourse.journey import (
    BLUEPRINT_LANES,
    CHANNELS,
    EVIDENCE_LEVELS,
    MOMENTS_OF_TRUTH,
    BlueprintCard,
    Card,
    JourneyError,
    JourneyMap,
    MomentOfTruth,
    Opportunity,
    PainPoint,
    Persona,
    Stage,
    Touchpoint,
    _fold,
    load_journey,
    save_journey,
)
from cjcourse.maps import list_example_maps, load_example_map
from cjcourse.stages import STAGE_MODELS

# ---------------------------------------------------------------- strategies

ANY_TEXT = st.text(st.characters(codec="utf-8"), min_size=1, max_size=30).filter(str.strip)
# Mermaid-safe words: Mermaid's own separators (: ; # ,) are included on purpose (they are escaped)
WORD = st.text(
    st.sampled_from("abcdefghijklmnñopqrstuvwxyzáéíóúüÁÉÑ0123456789¿?¡!.-()€«»:;#,'\""),
    min_size=1,
    max_size=8,
)
SAFE_TEXT = st.lists(WORD, min_size=1, max_size=4).map(" ".join)


@st.composite
def journeys(draw, text=ANY_TEXT):
    scale = draw(st.sampled_from([(-2, 2), (1, 5), (-3, 3), (0, 10)]))
    emotion = (
        st.none()
        | st.floats(scale[0], scale[1], allow_nan=False)
        | st.sampled_from([float(v) for v in range(scale[0], scale[1] + 1)])
    )
    evidence = st.sampled_from(EVIDENCE_LEVELS)
    small = lambda s: st.lists(s, max_size=3).map(tuple)  # noqa: E731
    names = draw(st.lists(text, max_size=6, unique_by=_fold))
    stages = []
    for name in names:
        stages.append(
            Stage(
                name=name,
                description=draw(st.just("") | text),
                actions=draw(small(st.builds(Card, text, evidence))),
                touchpoints=draw(
                    small(st.builds(Touchpoint, text, evidence, st.sampled_from(CHANNELS)))
                ),
                thoughts=draw(small(st.builds(Card, text, evidence))),
                emotion=draw(emotion),
                emotion_to_be=draw(emotion),
                pain_points=draw(
                    small(st.builds(PainPoint, text, evidence, st.sampled_from([1, 2, 3])))
                ),
                opportunities=draw(
                    small(
                        st.builds(
                            Opportunity, text, evidence, st.just("") | text, st.just("") | text
                        )
                    )
                ),
                moments=draw(
                    small(
                        st.builds(MomentOfTruth, text, evidence, st.sampled_from(MOMENTS_OF_TRUTH))
                    )
                ),
                blueprint=draw(
                    small(
                        st.builds(BlueprintCard, text, evidence, st.sampled_from(BLUEPRINT_LANES))
                    )
                ),
            )
        )
    return JourneyMap(
        title=draw(st.just("") | text),
        persona=Persona(
            draw(st.just("") | text),
            draw(st.just("") | text),
            tuple(draw(st.lists(text, max_size=2))),
        ),
        scenario=draw(st.just("") | text),
        expectations=tuple(draw(st.lists(text, max_size=2))),
        stage_model=draw(st.sampled_from(["custom", *STAGE_MODELS])),
        emotion_scale=scale,
        stages=tuple(stages),
    )


FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ---------------------------------------------------------------- JSON


@FAST
@given(journeys())
def test_json_round_trip(journey):
    assert JourneyMap.from_json(journey.to_json()) == journey
    assert JourneyMap.from_dict(json.loads(json.dumps(journey.to_dict()))) == journey


@settings(max_examples=15, deadline=None)
@given(journeys())
def test_json_file_round_trip(tmp_path_factory, journey):
    path = tmp_path_factory.mktemp("json") / "mapa.json"
    save_journey(journey, path)
    assert load_journey(path) == journey


# ---------------------------------------------------------------- CSV


@FAST
@given(journeys())
def test_csv_round_trip(journey):
    assert from_csv(to_csv(journey), template=journey) == journey


@settings(max_examples=25, deadline=None)
@given(journeys())
def test_csv_round_trip_with_semicolons_as_spanish_excel_writes(journey):
    assert from_csv(to_csv(journey, delimiter=";"), template=journey) == journey


@settings(max_examples=25, deadline=None)
@given(journeys())
def test_csv_has_one_row_per_stage_lane_card_plus_emotions(journey):
    rows = to_csv(journey).count("\n")  # a card text may hold line breaks, so count via the frame
    frame = to_frame(journey)
    cards = sum(s.card_count for s in journey.stages)
    extra = sum(1 + (s.emotion_to_be is not None) + bool(s.description) for s in journey.stages)
    assert len(frame) == cards + extra
    assert list(frame.columns) == list(CSV_COLUMNS)
    assert rows >= len(frame) + 1


def test_csv_rows_may_come_in_any_order():
    j = load_example_map("hotel")
    header, *rows = to_csv(j).splitlines()
    shuffled = "\r\n".join([header, *reversed(rows)]) + "\r\n"
    assert from_csv(shuffled, template=j) == j


def test_csv_file_with_bom_opens_in_excel_and_reads_back(tmp_path):
    j = load_example_map("cuenta_bancaria")
    path = write_csv(j, tmp_path / "mapa.csv")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert read_csv(path, template=j) == j


def test_csv_without_template_guesses_the_stage_model():
    j = load_example_map("tienda_online")
    back = from_csv(to_csv(j))
    assert back.stages == j.stages and back.stage_model == "course" and back.persona == Persona()


@pytest.mark.parametrize(
    ("csv_text", "words"),
    [
        ("etapa,carril\n1,acciones\n", "faltan las columnas: etapa_orden"),
        (
            "etapa_orden,etapa,carril,texto\n1,compra,puntos de contato,web\n",
            "¿Quisiste decir «puntos de contacto»?",
        ),
        ("etapa_orden,etapa,carril,valor\nuno,compra,emoción,1\n", "«uno» no es un número"),
        (
            "etapa_orden,etapa,carril,texto,canal\n1,compra,puntos de contacto,web,fax\n",
            "fila 2: channel",
        ),
        ("", "no tiene filas"),
    ],
)
def test_csv_errors_name_row_and_column_in_spanish(csv_text, words):
    with pytest.raises(JourneyError, match=re.escape(words)):
        from_csv(csv_text)


# ---------------------------------------------------------------- Mermaid


@FAST
@given(journeys(text=SAFE_TEXT))
def test_mermaid_round_trip_keeps_what_mermaid_can_hold(journey):
    text = to_mermaid(journey)
    assert from_mermaid(text) == mermaid_subset(journey)
    assert to_mermaid(from_mermaid(text)) == text


def test_mermaid_export_of_an_example_is_valid_journey_syntax():
    text = to_mermaid(load_example_map("tienda_online"))
    lines = text.splitlines()
    assert lines[0] == "journey" and lines[1].startswith("    title ")
    tasks = [
        line.strip()
        for line in lines
        if line.startswith("      ") and not line.strip().startswith("%%")
    ]
    for task in tasks:
        name, score, actors = task.split(":")
        assert name.strip() and 1 <= int(score) <= 5 and actors.strip()
    assert sum(1 for line in lines if line.strip().startswith("section ")) == 6


def test_mermaid_from_other_tools_reads_scores_and_actors():
    text = """journey
    title Mi día de trabajo
    section Ir al trabajo
      Hacer té: 5: Yo
      Subir escaleras: 3: Yo, web
      Trabajar: 1: Yo, Gato
    section Volver a casa
      Bajar escaleras: 5: Yo
    """
    j = from_mermaid(text)
    assert j.title == "Mi día de trabajo" and j.persona.name == "Yo"
    assert [s.name for s in j.stages] == ["Ir al trabajo", "Volver a casa"]
    assert j.stages[0].emotion == pytest.approx(0.0)  # mean score 3 → 0 on −2…+2
    assert j.stages[1].emotion == 2.0
    assert [tp.channel for tp in j.stages[0].touchpoints] == ["otro", "web", "otro"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("flowchart LR\n  a --> b\n", "debe ser «journey»"),
        ("journey\n  section A\n    Tarea: 7: Yo\n", "línea 3: la puntuación «7»"),
        ("journey\n  Tarea: 3: Yo\n", "antes de cualquier «section»"),
        ("journey\n  section A\n    sin dos puntos\n", "línea 3: no entiendo"),
    ],
)
def test_mermaid_errors_are_spanish_and_name_the_line(text, words):
    with pytest.raises(JourneyError, match=re.escape(words)):
        from_mermaid(text)


# ---------------------------------------------------------------- OpenJourney-style export


def test_ojf_export_is_plain_json_with_unique_ids():
    for name in list_example_maps():
        doc = to_ojf(load_example_map(name))
        json.dumps(doc)
        ids = [tp["id"] for s in doc["journey"]["stages"] for tp in s["touchpoints"]]
        assert len(ids) == len(set(ids))
        assert [s["order"] for s in doc["journey"]["stages"]] == [1, 2, 3, 4, 5, 6]
        assert doc["journey"]["stageModel"]["source"]
