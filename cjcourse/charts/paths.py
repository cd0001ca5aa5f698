"""Path charts: a Sankey-style flow of the journeys, and what customers do after one event.

Altair has no Sankey mark, so :func:`path_flow_chart` draws a readable approximation: one column
per step position, a bar per event at that position (its height = customers), and a line from
each source bar to each target bar whose width is the number of customers. Every bar carries its
name and number as text, so the chart reads without colour. Data in, ``alt.Chart`` out.

>>> import pandas as pd
>>> links = pd.DataFrame({"step": [1, 1], "source": ["1. visita", "1. visita"],
...     "target": ["2. compra", "2. carrito"], "customers": [5, 3]})
>>> data = path_flow_data(links)
>>> sorted((n["columna"], n["evento"], n["clientes"]) for n in data["nodes"])
[(1, 'visita', 8), (2, 'carrito', 3), (2, 'compra', 5)]
>>> spec = path_flow_chart(links).to_dict()
>>> spec["layer"][0]["mark"]["type"]
'line'
"""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from cjcourse.charts import PALETTE
from cjcourse.i18n import t

__all__ = ["next_actions_chart", "path_flow_chart", "path_flow_data"]

#: Okabe–Ito (with black) plus a grey: enough distinct colours for the shop's events.
_COLOURS = [*PALETTE, "#000000", "#999999"]
_GAP = 0.04  # vertical gap between two bars of a column, as a share of the tallest column


def _split(node: str) -> tuple[int, str]:
    pos, _, name = node.partition(". ")
    return int(pos), name


def path_flow_data(links: pd.DataFrame) -> dict[str, list[dict[str, Any]]]:
    """Node boxes (``nodes``) and link segments (``links``: two rows per link) for the chart."""
    size: dict[tuple[int, str], dict[str, int]] = {}
    for rec in links.to_dict("records"):
        for node, side in ((rec["source"], "out"), (rec["target"], "in")):
            key = _split(node)
            size.setdefault(key, {"in": 0, "out": 0})[side] += int(rec["customers"])
    columns: dict[int, list[tuple[str, int]]] = {}
    for (pos, name), io in size.items():
        columns.setdefault(pos, []).append((name, max(io["in"], io["out"])))
    tallest = max((sum(v for _, v in col) for col in columns.values()), default=1) or 1
    gap = _GAP * tallest
    nodes = []
    centre: dict[tuple[int, str], float] = {}
    for pos, col in sorted(columns.items()):
        y = 0.0
        for name, value in sorted(col, key=lambda nv: (-nv[1], nv[0])):
            nodes.append(
                {
                    "columna": pos,
                    "evento": name,
                    "clientes": value,
                    "y0": y,
                    "y1": y + value,
                    "etiqueta": f"{name} ({value:,})".replace(",", "."),
                }
            )
            centre[(pos, name)] = y + value / 2
            y += value + gap
    segs = []
    for i, rec in enumerate(links.to_dict("records")):
        (p0, s), (p1, e) = _split(rec["source"]), _split(rec["target"])
        for pos, name in ((p0, s), (p1, e)):
            segs.append(
                {
                    "enlace": i,
                    "columna": pos,
                    "y": centre[(pos, name)],
                    "origen": s,
                    "destino": e,
                    "clientes": int(rec["customers"]),
                    "texto": f"{s} → {e}",
                }
            )
    return {"nodes": nodes, "links": segs}


def path_flow_chart(
    links: pd.DataFrame, *, description: str = "", width: int = 640, height: int = 320
) -> alt.LayerChart:
    """Sankey-style flow of :func:`cjcourse.metrics.path_links` rows (``step, source, target,
    customers``)."""
    data = path_flow_data(links)
    events = sorted({n["evento"] for n in data["nodes"]})
    colour_scale = alt.Scale(domain=events or ["-"], range=(_COLOURS * 3)[: max(1, len(events))])
    x = alt.X(
        field="columna",
        type="quantitative",
        title=t("widgets.paths.axis_step"),
        axis=alt.Axis(tickMinStep=1, format="d", grid=False),
        scale=alt.Scale(nice=False, padding=40),
    )
    y_scale = alt.Scale(reverse=True, nice=False)
    link_tip = [
        alt.Tooltip(field="texto", type="nominal", title=t("widgets.paths.col_link")),
        alt.Tooltip(field="clientes", type="quantitative", title=t("widgets.paths.col_customers")),
    ]
    lines = alt.Chart(
        mark=alt.MarkDef(type="line", opacity=0.35, interpolate="monotone"),
        encoding=alt.FacetedEncoding(
            x=x,
            y=alt.Y(field="y", type="quantitative", axis=None, scale=y_scale),
            detail=alt.Detail(field="enlace", type="nominal"),
            color=alt.Color(field="origen", type="nominal", scale=colour_scale, legend=None),
            strokeWidth=alt.StrokeWidth(
                field="clientes", type="quantitative", scale=alt.Scale(range=[1, 30]), legend=None
            ),
            tooltip=link_tip,
        ),
        data=alt.InlineData(values=data["links"] or [{}]),
    )
    node_tip = [
        alt.Tooltip(field="evento", type="nominal", title=t("widgets.paths.col_event")),
        alt.Tooltip(field="columna", type="quantitative", title=t("widgets.paths.axis_step")),
        alt.Tooltip(field="clientes", type="quantitative", title=t("widgets.paths.col_customers")),
    ]
    bars = alt.Chart(
        mark=alt.MarkDef(type="bar", width=12),
        encoding=alt.FacetedEncoding(
            x=x,
            y=alt.Y(field="y0", type="quantitative", axis=None, scale=y_scale),
            y2=alt.Y2(field="y1"),
            color=alt.Color(
                field="evento",
                type="nominal",
                scale=colour_scale,
                legend=alt.Legend(title=t("widgets.paths.col_event"), orient="bottom"),
            ),
            tooltip=node_tip,
        ),
        data=alt.InlineData(values=data["nodes"] or [{}]),
    )
    labels = alt.Chart(
        mark=alt.MarkDef(type="text", align="left", dx=9, fontSize=10, color="#1A1A1A"),
        encoding=alt.FacetedEncoding(
            x=x,
            y=alt.Y(field="ymedio", type="quantitative", axis=None, scale=y_scale),
            text=alt.Text(field="etiqueta", type="nominal"),
        ),
        data=alt.InlineData(values=data["nodes"] or [{}]),
        transform=[
            alt.CalculateTransform(calculate="(datum.y0 + datum.y1) / 2", **{"as": "ymedio"})
        ],
    )
    return alt.LayerChart(
        layer=[lines, bars, labels],
        width=width,
        height=height,
        title=t("widgets.paths.chart_title"),
        description=description,
    )


def next_actions_chart(
    actions: pd.DataFrame, event: str, *, description: str = "", width: int = 300
) -> alt.LayerChart:
    """Bars of :func:`cjcourse.metrics.next_actions` (share of each next action, in words too)."""
    rows = [
        {
            "accion": str(r["action"]),
            "veces": int(r["count"]),
            "cuota": float(r["share"]),
            "etiqueta": f"{100 * r['share']:.0f} %",
        }
        for r in actions.to_dict("records")
    ]
    order = [r["accion"] for r in rows]
    y = alt.Y(field="accion", type="nominal", sort=order, title=None)
    x = alt.X(
        field="cuota",
        type="quantitative",
        title=t("widgets.paths.axis_share"),
        axis=alt.Axis(format=".0%"),
        scale=alt.Scale(domain=[0, 1]),
    )
    bars = alt.Chart(
        mark=alt.MarkDef(type="bar", color=PALETTE[0]),
        encoding=alt.FacetedEncoding(
            x=x,
            y=y,
            tooltip=[
                alt.Tooltip(field="accion", type="nominal", title=t("widgets.paths.col_action")),
                alt.Tooltip(field="veces", type="quantitative", title=t("widgets.paths.col_count")),
            ],
        ),
    )
    labels = alt.Chart(
        mark=alt.MarkDef(type="text", align="left", dx=4, fontSize=11, color="#1A1A1A"),
        encoding=alt.FacetedEncoding(x=x, y=y, text=alt.Text(field="etiqueta", type="nominal")),
    )
    return alt.LayerChart(
        layer=[bars, labels],
        data=alt.InlineData(values=rows),
        width=width,
        height={"step": 22},
        title=t("widgets.paths.next_title", event=event),
        description=description,
    )
