"""Journey-map domain objects: validation in Spanish, editing as new values, files, review."""

from __future__ import annotations

import dataclasses
import json
import os
import re
from pathlib import Path

import pytest

from cjcourse.journey import (
    SCHEMA_VERSION,
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
    atomic_write_text,
    describe,
    emotion_word,
    load_journey,
    migrate,
    review,
    save_journey,
)
from cjcourse.maps import list_example_maps, load_example_map


def small_map() -> JourneyMap:
    j = JourneyMap.from_stage_model(
        "phases3", title="Prueba", persona=Persona("Ana", "34 años", ("comprar",))
    )
    j = j.add_card(0, "touchpoints", Touchpoint("Anuncio", channel="redes sociales"))
    j = j.add_card(1, "pain_points", PainPoint("Envío caro", severity=3))
    j = j.add_card(
        1,
        "opportunities",
        Opportunity("Envío gratis desde 50 €", owner="ecommerce", addresses="Envío caro"),
    )
    return j.set_emotion(0, 1).set_emotion(1, -2).set_emotion(1, 1, to_be=True)


# ---------------------------------------------------------------- validation


def test_unknown_channel_names_the_field_and_suggests_the_closest():
    with pytest.raises(JourneyError) as info:
        Touchpoint("Visita", channel="tienda fisicaa")
    assert info.value.field == "channel"
    assert "¿Quisiste decir «tienda física»?" in str(info.value)


def test_vocabulary_ignores_case_and_accents():
    assert Touchpoint("x", channel="Tienda Fisica").channel == "tienda física"
    assert Touchpoint("x", channel="TELEFONO").channel == "teléfono"
    assert MomentOfTruth("x", kind="zmot").kind == "ZMOT"
    assert Card("x", evidence="Medido").evidence == "medido"


@pytest.mark.parametrize(
    ("make", "field", "words"),
    [
        (lambda: PainPoint("x", severity=5), "severity", "1 (baja), 2 (media) o 3 (alta)"),
        (lambda: PainPoint("x", severity=True), "severity", "severidad"),
        (lambda: Card("   "), "text", "está vacío"),
        (lambda: Card(3), "text", "debe ser un texto"),
        (lambda: Card("x", evidence="intuido"), "evidence", "nivel de evidencia"),
        (lambda: BlueprintCard("x", lane="cocina"), "lane", "plano de servicio"),
        (lambda: Stage(""), "name", "está vacío"),
        (lambda: Stage("a", emotion="mucha"), "emotion", "debe ser un número"),
        (lambda: Stage("a", emotion=float("nan")), "emotion", "debe ser un número"),
        (lambda: JourneyMap(emotion_scale=(2, -2)), "emotion_scale", "mínimo < máximo"),
        (lambda: JourneyMap(stage_model="aidaa"), "stage_model", "modelo de etapas"),
        (
            lambda: JourneyMap(stages=(Stage("a", emotion=3),)),
            "stages[0].emotion",
            "fuera de la escala",
        ),
        (
            lambda: JourneyMap(stages=(Stage("Compra"), Stage("compra"))),
            "stages[1].name",
            "repetida",
        ),
        (lambda: Stage("a", touchpoints=(Card("x"),)), "touchpoints[0]", "Touchpoint"),
    ],
)
def test_invalid_values_raise_spanish_errors_naming_the_field(make, field, words):
    with pytest.raises(JourneyError) as info:
        make()
    assert info.value.field == field
    assert str(info.value).startswith(f"{field}: ")
    assert words in str(info.value)


def test_journey_error_is_a_value_error():
    assert issubclass(JourneyError, ValueError)


def test_from_dict_reports_the_full_path_of_a_nested_problem():
    data = small_map().to_dict()
    data["stages"][1]["pain_points"][0]["severity"] = "alta"
    with pytest.raises(JourneyError) as info:
        JourneyMap.from_dict(data)
    assert info.value.field == "stages[1].pain_points[0].severity"


def test_from_dict_reports_unknown_and_missing_keys():
    data = small_map().to_dict()
    data["stages"][0]["touchpoints"][0]["canal"] = "web"
    with pytest.raises(
        JourneyError, match=r"stages\[0\]\.touchpoints\[0\]\.canal: este campo no existe"
    ):
        JourneyMap.from_dict(data)
    data = small_map().to_dict()
    del data["stages"][2]["name"]
    with pytest.raises(JourneyError, match=r"stages\[2\]\.name: falta este campo obligatorio"):
        JourneyMap.from_dict(data)


def test_from_dict_rejects_wrong_container_types():
    data = small_map().to_dict()
    data["stages"] = {"a": 1}
    with pytest.raises(JourneyError, match="stages: debe ser una lista"):
        JourneyMap.from_dict(data)


# ---------------------------------------------------------------- editing returns new values


def test_edits_return_new_maps_and_leave_the_old_one_alone():
    j = small_map()
    before = j.to_dict()
    k = (
        j.add_stage("recomendación")
        .rename_stage(0, "descubrimiento")
        .move_stage(3, 0)
        .remove_stage(1)
    )
    assert j.to_dict() == before
    assert [s.name for s in k.stages] == ["recomendación", "compra y experiencia", "lealtad"]
    assert k.stage_model == "custom"
    with pytest.raises(dataclasses.FrozenInstanceError):
        j.title = "otro"  # type: ignore[misc]


def test_cards_are_added_and_removed_by_lane():
    j = small_map().add_card("lealtad", "moments", MomentOfTruth("Reseña", kind="UMOT"))
    assert j.stage("lealtad").moments[0].kind == "UMOT"
    j = j.remove_card("lealtad", "moments", 0)
    assert j.stage("lealtad").moments == ()
    with pytest.raises(JourneyError, match="no existe esa tarjeta"):
        j.remove_card(0, "moments", 0)
    with pytest.raises(JourneyError, match="carril"):
        j.add_card(0, "feelings", Card("x"))


def test_stage_lookup_ignores_case_and_accents_and_explains_misses():
    j = small_map()
    assert j.stage_index("COMPRA Y EXPERIENCIA") == 1
    with pytest.raises(JourneyError, match="la etapa «compra»"):
        j.stage_index("compra")
    with pytest.raises(JourneyError, match="no existe la etapa número 7"):
        j.with_stage(7, Stage("x"))


def test_switching_stage_model_keeps_cards_by_position_and_never_drops_work():
    j = small_map()  # 3 phases, cards in stages 0 and 1
    aida = j.with_stage_model("aida")
    assert [s.name for s in aida.stages] == ["atención", "interés", "deseo", "acción"]
    assert aida.stages[1].pain_points == j.stages[1].pain_points
    assert aida.stage_model == "aida"
    crowded = JourneyMap.from_stage_model("course").add_card(5, "actions", Card("Repite compra"))
    shrunk = crowded.with_stage_model("phases3")
    assert [s.name for s in shrunk.stages][-1] == "lealtad (2)"  # kept: it had a card
    assert len(shrunk.stages) == 4 and shrunk.stage_model == "custom"


# ---------------------------------------------------------------- JSON and migrations


def test_json_round_trip_of_every_example_map():
    for name in list_example_maps():
        j = load_example_map(name)
        assert JourneyMap.from_json(j.to_json()) == j


def test_json_carries_format_and_schema_version():
    data = json.loads(small_map().to_json())
    assert data["format"] == "cjcourse.journey-map"
    assert data["schema_version"] == SCHEMA_VERSION == 2


V1 = {
    "version": 1,
    "title": "Mapa antiguo",
    "persona": "Marta, estudiante de 21 años",
    "stages": [
        {"name": "conciencia", "emotion": 1, "touchpoints": ["Instagram"], "pain_points": []},
        {
            "name": "compra",
            "emotion": -2,
            "touchpoints": ["web", "teléfono"],
            "pain_points": ["Pago lento"],
            "opportunities": ["Pago con Bizum"],
        },
    ],
}


def test_v1_files_migrate_to_the_current_schema():
    j = JourneyMap.from_dict(V1)
    assert j.persona == Persona(name="Marta", description="estudiante de 21 años")
    assert [s.name for s in j.stages] == ["conciencia", "compra"]
    assert j.stages[1].touchpoints[1] == Touchpoint("teléfono", channel="otro")
    assert j.stages[1].pain_points[0] == PainPoint("Pago lento", severity=2)
    assert j.stages[1].opportunities[0].text == "Pago con Bizum"
    assert j.stages[1].emotion == -2.0 and j.emotion_scale == (-2, 2)
    assert migrate(V1)["schema_version"] == SCHEMA_VERSION
    assert V1["version"] == 1  # the input is not modified


def test_v1_file_loads_from_disk_and_saves_as_v2(tmp_path):
    path = tmp_path / "viejo.json"
    path.write_text(json.dumps(V1), encoding="utf-8")
    j = load_journey(path)
    save_journey(j, path)
    assert json.loads(path.read_text(encoding="utf-8"))["schema_version"] == 2
    assert load_journey(path) == j


def test_invalid_v1_content_names_the_field():
    bad = json.loads(json.dumps(V1))
    bad["stages"][1]["touchpoints"] = "web"
    with pytest.raises(JourneyError, match=r"stages\[1\]\.touchpoints: debe ser una lista"):
        JourneyMap.from_dict(bad)


@pytest.mark.parametrize(
    ("data", "field", "words"),
    [
        ({"title": "x"}, "schema_version", "falta el número de versión"),
        (
            {"schema_version": 99, "format": "cjcourse.journey-map"},
            "schema_version",
            "Actualiza cjcourse",
        ),
        ({"schema_version": "2"}, "schema_version", "número entero"),
        ({"schema_version": 2, "format": "otra-cosa"}, "format", "no parece un mapa"),
        ([1, 2], "(documento)", "debe ser un objeto"),
    ],
)
def test_documents_without_a_known_version_are_refused(data, field, words):
    with pytest.raises(JourneyError) as info:
        JourneyMap.from_dict(data)
    assert info.value.field == field and words in str(info.value)


# ---------------------------------------------------------------- files: corrupted, truncated, atomic


def test_truncated_file_gives_a_spanish_message_and_the_map_in_memory_is_unchanged(tmp_path):
    j = small_map()
    snapshot = j.to_dict()
    path = tmp_path / "mapa.json"
    save_journey(j, path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(JourneyError) as info:
        j = load_journey(path)
    message = str(info.value)
    assert "no es un JSON válido" in message and "cortado o incompleto" in message
    assert "línea" in message and str(path) in message
    assert j.to_dict() == snapshot


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("", "está vacío"),
        (
            '{"schema_version": 2, "format": "cjcourse.journey-map", "stages": [}',
            "error de escritura",
        ),
        (b"\xff\xfe\x00binario", "no es texto UTF-8"),
    ],
)
def test_corrupted_files_are_explained(tmp_path, content, words):
    path = tmp_path / "roto.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(JourneyError, match=re.escape(words)):
        load_journey(path)


def test_missing_file_is_explained(tmp_path):
    with pytest.raises(JourneyError, match="No encuentro el archivo"):
        load_journey(tmp_path / "no_existe.json")


def _temp_files(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("broken", ["fsync", "replace", "write"])
def test_a_failed_save_keeps_the_previous_file_whole_and_leaves_no_temp_file(
    tmp_path, monkeypatch, broken
):
    path = tmp_path / "mapa.json"
    save_journey(small_map(), path)
    before = path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if broken == "write":
        real_fdopen = os.fdopen

        class HalfWriter:
            def __init__(self, fh):
                self.fh = fh

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.fh.close()

            def write(self, data):
                self.fh.write(data[: len(data) // 2])  # half the bytes reach the disk…
                raise OSError(28, "No space left on device")  # …then the disk is full

        monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: HalfWriter(real_fdopen(fd, *a, **k)))
    else:
        monkeypatch.setattr(os, broken, boom)
    with pytest.raises(OSError):
        save_journey(load_example_map("hotel"), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert load_journey(path) == small_map()
    assert _temp_files(tmp_path) == []


def test_atomic_write_keeps_permissions_and_creates_readable_files(tmp_path):
    path = tmp_path / "a.json"
    atomic_write_text(path, "uno")
    assert path.stat().st_mode & 0o644 == 0o644
    os.chmod(path, 0o640)
    atomic_write_text(path, "dos")
    assert path.read_text() == "dos" and path.stat().st_mode & 0o777 == 0o640


# ---------------------------------------------------------------- review and summary


def test_review_of_an_empty_course_map_lists_every_gap_in_spanish():
    gaps = review(JourneyMap.from_stage_model("course"))
    codes = [g.code for g in gaps]
    assert codes[0] == "no_persona"
    assert codes.count("stage_without_touchpoint") == 6
    assert codes.count("missing_emotion") == 6
    assert "La etapa «compra» no tiene ningún punto de contacto." in [g.message for g in gaps]


def test_review_pairs_pain_points_with_opportunities():
    stage = Stage(
        "compra",
        touchpoints=(Touchpoint("web"),),
        emotion=0,
        pain_points=(PainPoint("Pago lento"), PainPoint("Sin Bizum"), PainPoint("Envío caro")),
        opportunities=(
            Opportunity("Bizum", owner="pagos", addresses="sin bizum"),
            Opportunity("Pasarela nueva", owner="pagos"),
        ),
    )
    j = JourneyMap(persona=Persona("Ana"), stages=(stage,))
    gaps = review(j)
    assert [g.code for g in gaps] == ["pain_without_opportunity"]
    assert "«Envío caro»" in gaps[0].message and gaps[0].stage == "compra"


def test_review_flags_opportunities_without_owner():
    j = small_map().add_card(2, "opportunities", Opportunity("Club de clientes"))
    assert "opportunity_without_owner" in [g.code for g in review(j)]


def test_no_stages_and_no_persona():
    assert [g.code for g in review(JourneyMap())] == ["no_persona", "no_stages"]


def test_emotion_words_are_relative_to_the_scale():
    assert emotion_word(None) == "emoción sin registrar"
    assert emotion_word(-1) == "negativa"
    assert emotion_word(5, (1, 5)) == "muy positiva"
    assert emotion_word(3, (1, 5)) == "neutra"


def test_describe_says_in_words_what_the_chart_shows():
    text = describe(small_map())
    assert "Persona: Ana. 34 años" in text
    assert "emoción: -2 (muy negativa)" in text
    assert "Punto de dolor (severidad alta): Envío caro." in text
    assert "Oportunidad: Envío gratis desde 50 € (responsable: ecommerce)." in text
    assert "Emoción deseada: +1 (positiva)." in text


def test_describe_mentions_the_mckinsey_loyalty_loop():
    text = describe(JourneyMap.from_stage_model("mckinsey"))
    assert "bucle de lealtad" in text and "«momento de compra»" in text


# ---------------------------------------------------------------- example maps


def test_three_complete_spanish_example_maps():
    assert set(list_example_maps()) >= {"tienda_online", "cuenta_bancaria", "hotel"}
    for name in ("tienda_online", "cuenta_bancaria", "hotel"):
        j = load_example_map(name)
        assert j.persona.name and j.persona.goals and j.scenario and j.expectations
        assert [s.name for s in j.stages] == list(
            ("conciencia", "consideración", "decisión", "compra", "poscompra", "lealtad")
        )
        assert all(s.touchpoints and s.emotion is not None for s in j.stages)
        assert sum(len(s.pain_points) for s in j.stages) >= 4
        assert review(j) == [], (name, review(j))
        assert {m.kind for s in j.stages for m in s.moments} == {"ZMOT", "FMOT", "SMOT", "UMOT"}


def test_unknown_example_name_suggests_the_closest():
    with pytest.raises(JourneyError, match=re.escape("¿Quisiste decir «hotel»?")):
        load_example_map("hotle")


def test_public_api_is_pinned():
    import cjcourse.charts.journey
    import cjcourse.formats
    import cjcourse.journey
    import cjcourse.maps
    import cjcourse.stages

    assert set(cjcourse.journey.__all__) == {
        "BLUEPRINT_LANES",
        "CHANNELS",
        "DEFAULT_EMOTION_SCALE",
        "EVIDENCE_LEVELS",
        "FORMAT_NAME",
        "LANES",
        "MOMENTS_OF_TRUTH",
        "SCHEMA_VERSION",
        "SEVERITIES",
        "BlueprintCard",
        "Card",
        "Gap",
        "JourneyError",
        "JourneyMap",
        "MomentOfTruth",
        "Opportunity",
        "PainPoint",
        "Persona",
        "Stage",
        "Touchpoint",
        "atomic_write_bytes",
        "atomic_write_text",
        "describe",
        "emotion_word",
        "load_journey",
        "migrate",
        "review",
        "save_journey",
        "severity_word",
        "unanswered_pain_points",
    }
    assert set(cjcourse.stages.__all__) == {
        "CUSTOM",
        "DEFAULT_STAGE_MODEL",
        "STAGE_MODELS",
        "Loop",
        "StageModel",
        "get_stage_model",
        "match_stage_model",
        "stage_model_options",
    }
    assert set(cjcourse.formats.__all__) == {
        "CSV_COLUMNS",
        "from_csv",
        "from_mermaid",
        "mermaid_subset",
        "read_csv",
        "to_csv",
        "to_frame",
        "to_mermaid",
        "to_ojf",
        "write_csv",
    }
    assert set(cjcourse.charts.journey.__all__) == {
        "EXPORT_FORMATS",
        "journey_chart",
        "journey_chart_data",
        "save_chart",
    }
    assert set(cjcourse.maps.__all__) == {"list_example_maps", "load_example_map"}
    for module in (cjcourse.journey, cjcourse.stages, cjcourse.formats, cjcourse.charts.journey):
        assert all(hasattr(module, name) for name in module.__all__)
