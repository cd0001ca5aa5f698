"""Charts as accessible, offline SVG: in notebooks (an altair renderer) and inside widgets.

Vega's SVG gives every mark group an ARIA role without a name, so a screen reader meets dozens of
unnamed "graphics" nodes, and JupyterLab shows ``image/svg+xml`` as an ``<img>`` without ``alt``
(axe-core: ``svg-img-alt``, ``image-alt``). Here a chart is one named picture instead: its
``description`` (every cjcourse chart builder writes one; otherwise its title) becomes the text
alternative, Vega's ARIA output is switched off (``config.aria = false``) and the drawing is hidden
from assistive technology.

- :func:`svg_figure` — the HTML the widgets show: ``<figure role="img" aria-label=…>`` around the
  inline SVG; wide charts scroll sideways in it and it takes the keyboard focus, so they can be
  scrolled without a mouse.
- :func:`accessible_svg_renderer` — the altair renderer :func:`cjcourse.charts.enable_offline`
  turns on: ``text/html`` with an ``<img alt=…>`` of the SVG (an image, not inline SVG: several
  charts in one notebook cannot clash), plus ``text/plain`` for frontends without HTML.
"""

from __future__ import annotations

import base64
import copy
import html
from typing import Any

__all__ = ["RENDERER", "accessible_svg_renderer", "chart_description", "svg_figure", "to_svg"]

#: Name of the altair renderer registered by :func:`cjcourse.charts.enable_offline`.
RENDERER = "cjcourse"


def _without_aria(spec: dict) -> dict:
    spec = copy.copy(spec)
    config = dict(spec.get("config") or {})
    config["aria"] = False
    spec["config"] = config
    return spec


def _hide_from_assistive_tech(svg: str) -> str:
    """The picture is described once, by the figure or the image: the drawing itself is hidden."""
    return svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)


def chart_description(spec: dict, default: str = "") -> str:
    """The chart's text alternative: its ``description``, else its title, else ``default``.

    A layered, concatenated or faceted chart without its own is described by its parts'.

    >>> chart_description({"description": "Embudo por dispositivo", "title": "Embudo"})
    'Embudo por dispositivo'
    >>> chart_description({"layer": [{"mark": "rule"}, {"title": {"text": ["Curva", "de Ana"]}}]})
    'Curva de Ana'
    """
    description = spec.get("description")
    if isinstance(description, str) and description.strip():
        return description.strip()
    title = spec.get("title")
    if isinstance(title, dict):
        title = title.get("text")
    if isinstance(title, list):
        title = " ".join(str(part) for part in title)
    if isinstance(title, str) and title.strip():
        return title.strip()
    parts = [spec["spec"]] if isinstance(spec.get("spec"), dict) else []
    for key in ("layer", "hconcat", "vconcat", "concat"):
        parts += [part for part in spec.get(key) or [] if isinstance(part, dict)]
    found = [text for text in (chart_description(part) for part in parts) if text]
    return "; ".join(dict.fromkeys(found)) or default


def to_svg(spec: dict) -> str:
    """A Vega-Lite spec as SVG drawn offline by vl-convert, without Vega's ARIA nodes."""
    import vl_convert

    return _hide_from_assistive_tech(vl_convert.vegalite_to_svg(_without_aria(spec)))


def svg_figure(spec: dict, label: str, *, scroll: bool = True) -> str:
    """The chart as ``<figure role="img" aria-label=label>`` + inline SVG, for widgets' HTML.

    ``scroll``: wide charts scroll sideways inside the figure, which then takes the keyboard
    focus (``tabindex="0"``) so the arrow keys scroll it.
    """
    style = "margin:0;max-width:100%;overflow-x:auto" if scroll else "margin:0"
    focus = ' tabindex="0"' if scroll else ""
    return (
        f'<figure role="img" aria-label="{html.escape(label)}"{focus} style="{style}">'
        f"{to_svg(spec)}</figure>"
    )


def accessible_svg_renderer(spec: dict, **metadata: Any) -> dict[str, str]:
    """altair renderer: the chart as an SVG image with its description as ``alt`` text."""
    from altair.vegalite.v6.display import svg_renderer

    from cjcourse.i18n import t

    bundle = svg_renderer(_without_aria(spec), **metadata)
    svg = bundle["image/svg+xml"]
    alt = chart_description(spec, default=t("charts.default_alt"))
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return {
        "text/html": (
            f'<img class="cjcourse-chart" alt="{html.escape(alt)}" '
            f'src="data:image/svg+xml;base64,{data}" style="max-width:100%;height:auto">'
        ),
        "text/plain": f"<{alt}>",
    }
