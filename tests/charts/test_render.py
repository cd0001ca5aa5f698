"""Charts as accessible offline pictures: the notebook renderer and the widgets' figure."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET

import altair as alt
import pandas as pd
import pytest

from cjcourse.charts import enable_offline
from cjcourse.charts.render import RENDERER, chart_description, svg_figure, to_svg
from cjcourse.i18n import t

DATA = pd.DataFrame({"etapa": ["conciencia", "compra"], "clientes": [120, 30]})


def bars(**properties) -> alt.Chart:
    chart = alt.Chart(DATA).mark_bar().encode(x="etapa:N", y="clientes:Q")
    return chart.properties(**properties) if properties else chart


@pytest.fixture
def offline():
    previous = alt.renderers.active
    enable_offline()
    yield
    alt.renderers.enable(previous)


def _bundle(chart) -> dict:
    bundle = chart._repr_mimebundle_()
    return bundle[0] if isinstance(bundle, tuple) else bundle


def _decoded_svg(img_html: str) -> str:
    data = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', img_html).group(1)
    return base64.b64decode(data).decode("utf-8")


def test_enable_offline_uses_the_accessible_renderer_and_is_idempotent(offline):
    assert enable_offline() == enable_offline() == RENDERER == alt.renderers.active


def test_a_notebook_chart_is_an_image_whose_alt_is_its_description(offline):
    html = _bundle(bars(description="120 clientes en conciencia, 30 en compra"))["text/html"]
    assert html.startswith("<img") and 'alt="120 clientes en conciencia, 30 en compra"' in html
    svg = _decoded_svg(html)
    root = ET.fromstring(svg)  # a whole, valid SVG document
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "conciencia" in svg
    assert "aria-label" not in svg  # no per-mark labels: the image has one name, its alt


def test_two_charts_are_two_independent_pictures(offline):
    first = _bundle(bars(title="Uno"))["text/html"]
    second = _bundle(bars(title="Dos"))["text/html"]
    assert 'alt="Uno"' in first and 'alt="Dos"' in second
    assert "<script" not in first + second  # nothing shared at page level (the old const spec)


def test_without_description_the_title_then_a_spanish_hint_is_the_alt(offline):
    layered = alt.layer(bars(), bars(title="Clientes por etapa"))
    assert 'alt="Clientes por etapa"' in _bundle(layered)["text/html"]
    hint = _bundle(bars())["text/html"]
    assert f'alt="{t("charts.default_alt")}"' in hint and "description" in hint


def test_description_escapes_html(offline):
    html = _bundle(bars(description='Ventas <b>"altas"</b>'))["text/html"]
    assert 'alt="Ventas &lt;b&gt;&quot;altas&quot;&lt;/b&gt;"' in html


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ({"description": "  Embudo  ", "title": "x"}, "Embudo"),
        ({"title": "Retención"}, "Retención"),
        ({"hconcat": [{"title": "A"}, {"title": "B"}, {"title": "A"}]}, "A; B"),
        ({"facet": {}, "spec": {"layer": [{"title": {"text": "Dentro"}}]}}, "Dentro"),
        ({"mark": "bar"}, ""),
    ],
)
def test_chart_description(spec, expected):
    assert chart_description(spec) == expected


def test_widget_figure_is_one_named_focusable_picture():
    spec = bars().to_dict()
    html = svg_figure(spec, 'Embudo "móvil"')
    assert html.startswith('<figure role="img" aria-label="Embudo &quot;móvil&quot;" tabindex="0"')
    assert 'aria-hidden="true"' in html.split(">", 2)[1]  # the drawing is hidden: one name only
    assert "overflow-x:auto" in html
    fixed = svg_figure(spec, "x", scroll=False)
    assert "tabindex" not in fixed and "overflow" not in fixed
    assert to_svg(spec).startswith('<svg aria-hidden="true" focusable="false" ')
