"""The journey-map chart: what it draws (read from the spec, no browser) and its offline exports."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from cjcourse.charts import PALETTE
from cjcourse.charts.journey import EXPORT_FORMATS, journey_chart, journey_chart_data, save_chart
from cjcourse.journey import JourneyError, JourneyMap, PainPoint, Touchpoint, describe
from cjcourse.maps import load_example_map


def _layers(spec: dict) -> list[dict]:
    return [layer for panel in spec["vconcat"] for layer in panel["layer"]]


def _rows(spec: dict) -> list[dict]:
    return spec["datasets"][spec["data"]["name"]]


def test_chart_has_an_emotion_panel_above_the_lanes_with_stages_in_order():
    j = load_example_map("tienda_online")
    spec = journey_chart(j).to_dict()
    assert len(spec["vconcat"]) == 2
    top, bottom = spec["vconcat"]
    line = next(layer for layer in top["layer"] if layer["mark"]["type"] == "line")
    assert line["encoding"]["x"]["sort"] == [s.name for s in j.stages]
    assert line["encoding"]["y"]["scale"]["domain"] == [-2, 2]
    assert {layer["mark"]["type"] for layer in bottom["layer"]} == {"rect", "text"}


def test_every_stage_and_lane_gets_a_cell_and_every_emotion_a_point():
    j = load_example_map("hotel")
    data = journey_chart_data(j)
    lanes = {c["carril"] for c in data["cells"]}
    assert {
        "acciones",
        "puntos de contacto",
        "pensamientos",
        "puntos de dolor",
        "oportunidades",
        "momentos de la verdad",
    } <= lanes
    assert len(data["cells"]) == len(j.stages) * len(lanes)
    assert len(data["emotions"]) == 12  # as-is and to-be in six stages
    rows = _rows(journey_chart(j).to_dict())
    assert len(rows) == len(data["cells"]) + len(data["emotions"])


def test_pain_points_are_highlighted_in_colour_and_in_words():
    j = JourneyMap.from_stage_model("phases3").add_card(
        1, "pain_points", PainPoint("Envío caro", severity=3)
    )
    cells = [r for r in _rows(journey_chart(j).to_dict()) if r["capa"] == "c"]
    pain = [r for r in cells if r["dolor"]]
    assert len(pain) == 1 and pain[0]["etapa"] == "compra y experiencia"
    assert pain[0]["texto"].startswith("⚠ DOLOR (alta):")
    assert pain[0]["fondo"] == PALETTE[5]
    assert {r["fondo"] for r in cells if not r["dolor"]} == {"#F2F2F2"}


def test_curves_differ_by_line_style_and_shape_not_only_colour():
    spec = journey_chart(load_example_map("hotel")).to_dict()
    layers = _layers(spec)
    line = next(layer for layer in layers if layer["mark"]["type"] == "line")
    point = next(layer for layer in layers if layer["mark"]["type"] == "point")
    assert line["encoding"]["color"]["scale"]["range"] == [PALETTE[0], PALETTE[1]]
    assert line["encoding"]["strokeDash"]["scale"]["range"] == [[1, 0], [6, 4]]
    assert point["encoding"]["shape"]["scale"]["range"] == ["circle", "diamond"]


def test_chart_carries_the_text_summary_as_its_accessible_description():
    j = load_example_map("cuenta_bancaria")
    spec = journey_chart(j).to_dict()
    assert spec["description"] == describe(j)
    assert spec["title"] == "Mapa del viaje del cliente: Apertura de una cuenta bancaria online"


def test_emotion_scale_of_the_map_sets_the_axis():
    j = JourneyMap(emotion_scale=(1, 5)).add_stage("única").set_emotion(0, 4)
    layers = _layers(journey_chart(j).to_dict())
    line = next(layer for layer in layers if layer["mark"]["type"] == "line")
    assert line["encoding"]["y"]["scale"]["domain"] == [1, 5]


def test_empty_and_emotionless_maps_still_draw():
    for j in (JourneyMap(), JourneyMap.from_stage_model("aida")):
        spec = journey_chart(j).to_dict()
        json.dumps(spec)


def test_long_cells_are_cut_with_a_count_but_the_tooltip_keeps_every_card():
    j = JourneyMap.from_stage_model("aida")
    for i in range(7):
        j = j.add_card(
            0, "touchpoints", Touchpoint(f"Punto de contacto número {i} " * 3, channel="web")
        )
    cell = next(
        c
        for c in journey_chart_data(j)["cells"]
        if c["carril"] == "puntos de contacto" and c["etapa"] == "atención"
    )
    assert cell["texto"].endswith("… y 3 más")
    assert cell["completo"].count("[web]") == 7


def test_exports_are_valid_png_svg_pdf_and_offline_html(tmp_path):
    chart = journey_chart(load_example_map("tienda_online"))
    paths = {fmt: save_chart(chart, tmp_path / f"mapa.{fmt}") for fmt in EXPORT_FORMATS}
    assert paths["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert paths["pdf"].read_bytes()[:5] == b"%PDF-"
    root = ET.fromstring(paths["svg"].read_text(encoding="utf-8"))
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    page = paths["html"].read_text(encoding="utf-8")
    assert "<html" in page and "vega" in page
    assert "cdn.jsdelivr.net" not in page  # the JavaScript is inlined: it opens without internet
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


def test_unknown_export_format_is_explained(tmp_path):
    with pytest.raises(JourneyError, match="No sé exportar al formato «gif»"):
        save_chart(journey_chart(JourneyMap()), tmp_path / "mapa.gif")
