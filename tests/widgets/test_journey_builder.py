"""JourneyMapBuilder driven without a browser: set values, click buttons, read ``builder.journey``."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET

import ipywidgets as widgets
import nbformat
import pytest

from cjcourse.formats import from_mermaid, mermaid_subset, read_csv
from cjcourse.i18n import LANGUAGES
from cjcourse.journey import JourneyMap, load_journey, save_journey
from cjcourse.maps import load_example_map
from cjcourse.widgets import JourneyMapBuilder


@pytest.fixture
def builder() -> JourneyMapBuilder:
    return JourneyMapBuilder(render="none")


def _descendants(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _descendants(child)


def add_card(b: JourneyMapBuilder, lane: str, text: str, **fields) -> None:
    b.lane.value = lane
    b.card_text.value = text
    for name, value in fields.items():
        getattr(b, name).value = value
    b.add_card_button.click()


# ---------------------------------------------------------------- state and labels


def test_starts_with_the_course_stages_and_exposes_the_model(builder):
    assert isinstance(builder.journey, JourneyMap)
    assert [s.name for s in builder.journey.stages][:2] == ["conciencia", "consideración"]
    assert builder.chart_spec["vconcat"] and builder.chart is not None
    assert builder.summary.startswith("Mapa del viaje del cliente")


def test_every_control_has_a_spanish_label_from_the_catalogue(builder):
    spanish = set(LANGUAGES["es"].values())
    controls = [
        w
        for w in _descendants(builder)
        if isinstance(w, widgets.Button | widgets.ValueWidget) and not isinstance(w, widgets.HTML)
    ]
    assert len(controls) > 30
    unlabelled = [type(w).__name__ for w in controls if w.description not in spanish]
    assert unlabelled == []
    accordion = next(w for w in _descendants(builder) if isinstance(w, widgets.Accordion))
    assert all(title in spanish for title in accordion.titles)


def test_no_two_controls_share_a_layout(builder):
    """Hiding one control (``layout.display = "none"``) must not hide another."""
    layouts = [w.layout for w in _descendants(builder)]
    assert len({id(layout) for layout in layouts}) == len(layouts)
    builder.lane.value = "touchpoints"
    visible = [w for w in _descendants(builder) if w.layout.display != "none"]
    for control in (builder.stage, builder.new_stage_name, builder.emotion, builder.card_text):
        assert control in visible


def test_status_is_said_in_words_and_symbols_not_only_colour(builder):
    builder.new_stage_name.value = "  "
    builder.add_stage_button.click()
    assert builder.status_kind == "error"
    assert builder.status.startswith("✖ Error:") and "nombre para la etapa" in builder.status
    assert 'role="status"' in builder.status_html.value
    builder.new_stage_name.value = "recomendación"
    builder.add_stage_button.click()
    assert builder.status == "✔ Correcto: etapa «recomendación» añadida."


# ---------------------------------------------------------------- stages


def test_add_rename_reorder_and_remove_stages_with_buttons(builder):
    builder.stage.value = 5  # lealtad
    builder.new_stage_name.value = "recomendación"
    builder.add_stage_button.click()
    assert [s.name for s in builder.journey.stages][-2:] == ["lealtad", "recomendación"]
    assert builder.stage.value == 6

    builder.new_stage_name.value = "defensa de la marca"
    builder.rename_button.click()
    assert builder.journey.stages[6].name == "defensa de la marca"

    builder.move_up_button.click()
    assert [s.name for s in builder.journey.stages][-2:] == ["defensa de la marca", "lealtad"]
    assert builder.stage.value == 5

    builder.stage.value = 0
    builder.remove_stage_button.click()
    assert builder.journey.stages[0].name == "consideración"
    assert len(builder.journey.stages) == 6
    assert builder.journey.stage_model == "custom"


def test_stage_index_is_kept_inside_the_map(builder):
    builder.stage_index = 42
    assert builder.stage_index == 5 and builder.stage.value == 5
    builder.stage_index = -3
    assert builder.stage_index == 0


def test_duplicate_stage_name_is_refused_and_the_map_kept(builder):
    before = builder.journey
    builder.new_stage_name.value = "Compra"
    builder.add_stage_button.click()
    assert builder.journey is before
    assert "repetida" in builder.status


def test_pick_a_stage_model(builder):
    builder.model.value = "aida"
    assert "atribuido a E. St. Elmo Lewis" in builder.model_source.value
    builder.apply_model_button.click()
    assert [s.name for s in builder.journey.stages] == ["atención", "interés", "deseo", "acción"]
    assert builder.journey.stage_model == "aida"
    assert builder.stage.options[0][0] == "1. atención"


# ---------------------------------------------------------------- cards and emotions


def test_add_touchpoints_pain_points_and_linked_opportunities(builder):
    builder.stage.value = 3  # compra
    add_card(builder, "touchpoints", "Formulario de pago", channel="web", evidence="medido")
    add_card(builder, "pain_points", "El pago falla", severity=3)
    assert builder.addresses.options[-1] == ("El pago falla", "El pago falla")
    add_card(
        builder, "opportunities", "Añadir Bizum", owner="Equipo de pagos", addresses="El pago falla"
    )
    add_card(builder, "moments", "Ve el precio final", moment="FMOT")
    add_card(builder, "blueprint", "Pasarela de pago", blueprint_lane="procesos de soporte")
    add_card(builder, "actions", "Rellena el formulario")
    add_card(builder, "thoughts", "«Espero que funcione»")
    stage = builder.journey.stage("compra")
    assert stage.touchpoints[0].channel == "web" and stage.touchpoints[0].evidence == "medido"
    assert stage.pain_points[0].severity == 3
    assert stage.opportunities[0].owner == "Equipo de pagos"
    assert stage.opportunities[0].addresses == "El pago falla"
    assert stage.moments[0].kind == "FMOT"
    assert stage.blueprint[0].lane == "procesos de soporte"
    assert stage.actions[0].text == "Rellena el formulario" and stage.thoughts
    assert builder.card_text.value == ""  # ready for the next card
    assert len(builder.cards.options) == 7


def test_lane_shows_only_the_fields_it_needs(builder):
    builder.lane.value = "pain_points"
    assert builder.severity.layout.display == "" and builder.channel.layout.display == "none"
    builder.lane.value = "opportunities"
    assert builder.owner.layout.display == "" and builder.addresses.layout.display == ""


def test_empty_card_text_is_refused(builder):
    before = builder.journey
    add_card(builder, "touchpoints", "   ")
    assert builder.journey is before and builder.status_kind == "error"


def test_remove_a_card(builder):
    add_card(builder, "touchpoints", "Anuncio", channel="redes sociales")
    add_card(builder, "touchpoints", "Buscador", channel="buscador")
    builder.cards.value = ("touchpoints", 0)
    builder.remove_card_button.click()
    assert [tp.text for tp in builder.journey.stages[0].touchpoints] == ["Buscador"]
    builder.cards.value = None
    builder.remove_card_button.click()
    assert "elige primero" in builder.status


def test_emotion_sliders_set_the_current_and_desired_curves(builder):
    builder.stage.value = 2
    builder.emotion.value = -1.5
    assert builder.journey.stages[2].emotion == -1.5
    assert builder.emotion_recorded.value is True
    builder.emotion_to_be.value = 1
    assert builder.journey.stages[2].emotion_to_be == 1.0
    builder.emotion_recorded.value = False
    assert builder.journey.stages[2].emotion is None
    builder.stage.value = 0
    assert builder.emotion_recorded.value is False  # controls follow the chosen stage
    builder.stage.value = 2
    assert builder.to_be_recorded.value is True and builder.emotion_to_be.value == 1.0


def test_sliders_follow_the_declared_scale():
    b = JourneyMapBuilder(JourneyMap(emotion_scale=(1, 5)).add_stage("única"), render="none")
    assert (b.emotion.min, b.emotion.max) == (1, 5)
    b.emotion.value = 5
    assert b.journey.stages[0].emotion == 5


def test_persona_scenario_and_title_fields(builder):
    builder.persona_name.value = "Lucía"
    builder.persona_goals.value = "Comprar rápido\n\nSin sorpresas\n"
    builder.scenario.value = "Compra unas zapatillas"
    builder.title_text.value = "Mi mapa"
    j = builder.journey
    assert j.persona.name == "Lucía" and j.persona.goals == ("Comprar rápido", "Sin sorpresas")
    assert j.scenario == "Compra unas zapatillas" and j.title == "Mi mapa"


def test_setting_the_journey_updates_every_control(builder):
    builder.journey = load_example_map("hotel")
    assert builder.persona_name.value == "Carmen Ruiz"
    assert builder.stage.options[0][0] == "1. conciencia"
    assert builder.emotion.value == 1.0


def test_chart_is_rebuilt_after_each_edit(builder):
    before = builder.chart_spec
    add_card(builder, "pain_points", "Envío caro", severity=3)
    rows = builder.chart_spec["datasets"][builder.chart_spec["data"]["name"]]
    assert builder.chart_spec != before
    assert any(r.get("dolor") and "Envío caro" in r["texto"] for r in rows)
    assert "Envío caro" in builder.summary and "Envío caro" in builder.summary_view.value


# ---------------------------------------------------------------- review


def test_review_button_lists_gaps_in_spanish(builder):
    builder.review_button.click()
    codes = [g.code for g in builder.gaps]
    assert codes[0] == "no_persona" and "missing_emotion" in codes
    assert "Falta la persona" in builder.review_box.value
    assert builder.status.startswith("⚠ Encuentro")


def test_review_of_a_complete_map_says_so():
    b = JourneyMapBuilder(load_example_map("tienda_online"), render="none")
    b.review_button.click()
    assert b.gaps == [] and "No encuentro huecos" in b.review_box.value


# ---------------------------------------------------------------- files


def test_save_and_load_with_buttons(tmp_path):
    path = tmp_path / "mapa.json"
    b = JourneyMapBuilder(load_example_map("hotel"), render="none")
    b.path_text.value = str(path)
    b.save_button.click()
    assert load_journey(path) == load_example_map("hotel")
    other = JourneyMapBuilder(render="none")
    other.path_text.value = str(path)
    other.load_button.click()
    assert other.journey == load_example_map("hotel")
    assert other.status.startswith("✔")


def test_builder_opens_an_existing_file_given_as_path(tmp_path):
    path = tmp_path / "mapa.json"
    save_journey(load_example_map("cuenta_bancaria"), path)
    b = JourneyMapBuilder(path=str(path), render="none")
    assert b.journey.persona.name == "Javier Ortega"


@pytest.mark.parametrize("damage", ["truncate", "garbage", "bad_field"])
def test_a_broken_file_never_replaces_the_map_in_memory(tmp_path, damage):
    path = tmp_path / "mapa.json"
    save_journey(load_example_map("hotel"), path)
    text = path.read_text(encoding="utf-8")
    if damage == "truncate":
        path.write_text(text[: len(text) // 3], encoding="utf-8")
    elif damage == "garbage":
        path.write_bytes(os.urandom(64))
    else:
        data = json.loads(text)
        data["stages"][2]["touchpoints"][0]["channel"] = "paloma mensajera"
        path.write_text(json.dumps(data), encoding="utf-8")
    b = JourneyMapBuilder(load_example_map("tienda_online"), render="none")
    before = b.journey
    b.path_text.value = str(path)
    b.load_button.click()
    assert b.journey is before
    assert b.status_kind == "error" and b.status.startswith("✖ Error:")
    assert "sigue abierto y sin cambios" in b.status
    if damage == "bad_field":
        assert "stages[2].touchpoints[0].channel" in b.status


def test_autosave_writes_after_each_edit(tmp_path):
    path = tmp_path / "auto.json"
    b = JourneyMapBuilder(path=str(path), autosave=True, render="none")
    assert not path.exists()  # opening is not an edit
    add_card(b, "touchpoints", "Anuncio", channel="redes sociales")
    assert load_journey(path) == b.journey
    assert b.status.startswith("✔ Correcto: tarjeta añadida")
    assert f"(guardado automático en {path})" in b.status


def test_a_failed_autosave_keeps_the_previous_save_whole(tmp_path, monkeypatch):
    path = tmp_path / "auto.json"
    b = JourneyMapBuilder(path=str(path), autosave=True, render="none")
    add_card(b, "touchpoints", "Anuncio", channel="redes sociales")
    saved = path.read_bytes()

    def disk_full(*args, **kwargs):
        raise OSError(28, "No queda espacio en el disco")

    monkeypatch.setattr(os, "fsync", disk_full)
    add_card(b, "touchpoints", "Buscador", channel="buscador")
    monkeypatch.undo()
    assert path.read_bytes() == saved  # the last good save, whole
    assert [p.name for p in tmp_path.iterdir()] == ["auto.json"]  # no half-written temp file
    assert b.status_kind == "error" and "El último guardado sigue intacto" in b.status
    assert len(b.journey.stages[0].touchpoints) == 2  # the edit itself is kept in memory


def test_save_without_a_path_asks_for_one(builder):
    builder.save_button.click()
    assert "escribe primero el nombre del archivo" in builder.status


def test_export_buttons_write_valid_files(tmp_path):
    b = JourneyMapBuilder(
        load_example_map("hotel"), path=str(tmp_path / "hotel.json"), render="none"
    )
    b.export_format.value = "svg"
    b.export_button.click()
    svg = tmp_path / "hotel.svg"
    assert ET.fromstring(svg.read_text(encoding="utf-8")).tag.endswith("svg")
    b.export_format.value = "pdf"
    b.export_button.click()
    assert (tmp_path / "hotel.pdf").read_bytes()[:5] == b"%PDF-"
    assert b.status.startswith("✔")
    for fmt in ("mermaid", "csv", "ojf"):
        b.export_format.value = fmt
        b.export_button.click()
    assert from_mermaid((tmp_path / "hotel.mmd").read_text(encoding="utf-8")) == mermaid_subset(
        b.journey
    )
    assert read_csv(tmp_path / "hotel.csv", template=b.journey) == b.journey
    assert json.loads((tmp_path / "hotel.ojf.json").read_text(encoding="utf-8"))["journey"]["title"]
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_an_empty_custom_map_can_be_built_from_scratch():
    b = JourneyMapBuilder(JourneyMap.from_stage_model("custom"), render="none")
    assert b.stage.options == () and b.stage.value is None
    b.emotion.value = 1  # no stage yet: ignored, no error
    add_card(b, "touchpoints", "Anuncio")
    assert b.status_kind == "error" and "no tiene etapas" in b.status
    b.new_stage_name.value = "descubrimiento"
    b.add_stage_button.click()
    add_card(b, "touchpoints", "Anuncio", channel="publicidad")
    b.remove_stage_button.click()
    assert b.journey.stages == ()
    b.remove_stage_button.click()
    assert "no tiene etapas" in b.status


# ---------------------------------------------------------------- display, headless


def test_svg_render_shows_the_chart_without_javascript():
    b = JourneyMapBuilder(load_example_map("hotel"))
    assert "<svg" in b.chart_view.value and "<script" not in b.chart_view.value
    assert b.chart_view.value.startswith('<figure role="img" aria-label="Gráfico del mapa')
    assert 'tabindex="0"' in b.chart_view.value.split(">", 1)[0]  # wide maps: keyboard scroll
    b.render = "none"
    assert b.chart_view.value == ""


def test_runs_headless_in_a_kernel_like_nbgrader_autograde():
    """Executed by nbclient as nbgrader does: no browser, no hang, no error."""
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "from cjcourse.widgets import JourneyMapBuilder\nbuilder = JourneyMapBuilder()\nbuilder"
        ),
        nbformat.v4.new_code_cell(
            "builder.new_stage_name.value = 'recomendación'\n"
            "builder.add_stage_button.click()\n"
            "builder.emotion.value = 2\n"
            "assert builder.journey.stages[1].name == 'recomendación'\n"
            "assert builder.journey.stages[1].emotion == 2\n"
            "print(len(builder.journey.stages))"
        ),
    ]
    NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    assert nb.cells[1].outputs[0]["text"].strip() == "7"
    assert "application/vnd.jupyter.widget-view+json" in nb.cells[0].outputs[0]["data"]


def test_autosave_never_overwrites_a_damaged_map_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    damaged = b'{"format": "cjcourse-journey", "schema_ver'  # a save cut short
    (tmp_path / "mi_mapa.json").write_bytes(damaged)
    builder = JourneyMapBuilder(path="mi_mapa.json", autosave=True, render="none")
    assert builder.status_kind == "error"
    builder.add_stage("nueva etapa")  # the first edit autosaves
    kept = list(tmp_path.glob("mi_mapa.dañado-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == damaged
    assert "dañado" in builder.status
    saved = load_journey(tmp_path / "mi_mapa.json")
    assert "nueva etapa" in [stage.name for stage in saved.stages]


def test_autosave_to_a_new_path_keeps_the_map_already_there(tmp_path):
    other = JourneyMap.from_stage_model("aida")
    save_journey(other, tmp_path / "otro.json")
    before = (tmp_path / "otro.json").read_bytes()
    builder = JourneyMapBuilder(render="none")
    builder.path = str(tmp_path / "otro.json")  # the student types an existing file name
    builder.autosave = True
    builder.add_stage("x")
    kept = list(tmp_path.glob("otro.anterior-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == before
    # later edits write to the same file without making more copies
    builder.add_stage("y")
    assert len(list(tmp_path.glob("otro.*-*.json"))) == 1
