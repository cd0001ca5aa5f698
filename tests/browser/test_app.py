"""`cjcourse app` in the browser: no code shown, a small map built and exported, offline."""

from __future__ import annotations

import json
import re

import pytest

from cjcourse.i18n import t
from tests.browser.conftest import ARTIFACTS, add_stage, open_app, screenshot

expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect


def test_app_builds_and_exports_a_map_without_showing_code(page, app_server):
    url, app_dir = app_server
    open_app(page, url)
    assert page.locator(".jp-InputArea, .jp-CodeMirrorEditor, .cm-editor").count() == 0
    assert page.get_by_role("heading", name="Customer Journey: mapa y medición").count() == 1
    builder = page.locator(".jupyter-widgets.widget-tab").first

    # the persona's name (section «Mapa y persona»)
    builder.get_by_text("Mapa y persona", exact=True).click()
    persona = builder.get_by_label("Nombre de la persona")
    persona.fill("Lucía, estudiante")
    persona.press("Enter")
    # a new stage (section «Etapas»)
    builder.get_by_text("Etapas", exact=True).first.click()
    add_stage(page, builder, "recomendación")
    # export the map as Mermaid text and as an SVG chart (section «Archivo y exportación»)
    builder.get_by_text("Archivo y exportación", exact=True).click()
    fmt = builder.get_by_label("Formato")
    export = builder.get_by_role("button", name="Exportar")
    for value, name in (("ojf", "mi_mapa.ojf.json"), ("svg", "mi_mapa.svg")):
        fmt.select_option(label=t(f"builder.format.{value}", lang="es"))
        export.click()
        expect(builder.get_by_text(re.compile(r"exportado a .*" + re.escape(name)))).to_be_visible(
            timeout=30_000
        )
    screenshot(page, "app__mapa")

    ojf = json.loads((app_dir / "mi_mapa.ojf.json").read_text(encoding="utf-8"))
    text = json.dumps(ojf, ensure_ascii=False)
    assert "recomendación" in text and "Lucía, estudiante" in text
    svg = (app_dir / "mi_mapa.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith(("<svg", "<?xml")) and "recomendación" in svg
    saved = json.loads((app_dir / "mi_mapa.json").read_text(encoding="utf-8"))  # autosave
    assert "recomendación" in json.dumps(saved, ensure_ascii=False)

    remote = page.recorder.remote()
    assert not remote, f"requests left the machine: {remote[:5]}"


def test_app_measuring_tab_reacts_to_a_control(page, app_server):
    url, _ = app_server
    open_app(page, url)
    page.get_by_role("tab", name="Medición").click()
    funnel = page.locator(".widget-tab .widget-tab").first.locator(".jupyter-widgets").first
    reading = page.get_by_role("note").filter(has_text="Lectura").first
    reading.wait_for(timeout=20_000)
    before = reading.inner_text()
    select = page.locator(".widget-tab .widget-tab select").first
    options = [o.get_attribute("value") for o in select.locator("option").all()]
    select.select_option(next(o for o in options if o != select.input_value()))
    expect(page.get_by_role("note").filter(has_text="Lectura").first).not_to_have_text(
        before, timeout=20_000
    )
    funnel.screenshot(path=str(ARTIFACTS / "app__medicion.png"))
    assert not page.recorder.remote()
