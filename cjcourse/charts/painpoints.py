"""Pain-point charts: the ranking of stages, and the journey map checked against the data.

Data in (:func:`cjcourse.metrics.pain_points` output, a :class:`~cjcourse.journey.JourneyMap`),
``alt.Chart`` out; nothing is displayed. The worst stage is marked with words ("⚠ mayor dolor")
as well as colour; the measured emotion is dashed with diamonds, the assumed one solid with dots.

>>> import pandas as pd
>>> res = pd.DataFrame({"stage": ["a", "b"], "customers": [10, 4], "dropoff": [None, 0.6],
...     "median_hours_from_previous": [None, 2.0], "satisfaction": [None, 0.4],
...     "responses": [0, 12], "pain_score": [0.0, 1.0], "rank": [2, 1]})
>>> spec = pain_chart(res).to_dict()
>>> [r["marca"] for r in spec["datasets"][spec["data"]["name"]]]
['', '⚠ mayor dolor']
"""

from __future__ import annotations

import math
from typing import Any

import altair as alt
import pandas as pd

from cjcourse.charts import PALETTE
from cjcourse.i18n import t
from cjcourse.journey import JourneyMap, emotion_word

__all__ = ["measured_emotion", "measured_map_chart", "measured_map_data", "pain_chart"]

_WORST = PALETTE[5]  # vermillion, always with the words "⚠ mayor dolor"
_OTHER = PALETTE[4]  # sky blue


def _pct(share: Any) -> str:
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "—"
    return f"{100 * share:.0f} %"


def _num(value: Any, digits: int = 1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    return f"{value:.{digits}f}".replace(".", ",")


def _hours(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if value < 1:
        return f"{value * 60:.0f} min"
    if value < 48:
        return f"{value:.1f} h".replace(".", ",")
    return f"{value / 24:.1f} d".replace(".", ",")


def _clean(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def pain_chart(result: pd.DataFrame, *, description: str = "", width: int = 360) -> alt.LayerChart:
    """Pain score per stage (journey order), each bar labelled with its drop-off, time and rank."""
    rows = []
    for rec in _clean(result):
        worst = rec["rank"] == 1
        rows.append(
            {
                "etapa": str(rec["stage"]),
                "dolor": float(rec["pain_score"]),
                "puesto": int(rec["rank"]),
                "abandono": rec["dropoff"],
                "horas": rec["median_hours_from_previous"],
                "satisfaccion": rec["satisfaction"],
                "respuestas": int(rec["responses"]),
                "color": _WORST if worst else _OTHER,
                "marca": t("widgets.pain.worst_mark") if worst else "",
                "etiqueta": (t("widgets.pain.worst_mark") + " · " if worst else "")
                + t(
                    "widgets.pain.bar_label",
                    rank=int(rec["rank"]),
                    dropoff=_pct(rec["dropoff"]),
                    hours=_hours(rec["median_hours_from_previous"]),
                    sat=_num(rec["satisfaction"], 2),
                ),
            }
        )
    stages = [r["etapa"] for r in rows]
    y = alt.Y(
        field="etapa", type="nominal", sort=stages, title=None, scale=alt.Scale(domain=stages)
    )
    x = alt.X(
        field="dolor",
        type="quantitative",
        title=t("widgets.pain.axis"),
        scale=alt.Scale(domain=[0, 2.8]),
        axis=alt.Axis(values=[0, 0.5, 1]),
    )
    tooltip = [
        alt.Tooltip(field="etapa", type="nominal", title=t("widgets.pain.col_stage")),
        alt.Tooltip(field="puesto", type="quantitative", title=t("widgets.pain.col_rank")),
        alt.Tooltip(
            field="abandono", type="quantitative", title=t("widgets.pain.col_dropoff"), format=".1%"
        ),
        alt.Tooltip(
            field="horas", type="quantitative", title=t("widgets.pain.col_hours"), format=".1f"
        ),
        alt.Tooltip(
            field="satisfaccion", type="quantitative", title=t("widgets.pain.col_sat"), format=".2f"
        ),
        alt.Tooltip(field="respuestas", type="quantitative", title=t("widgets.pain.col_responses")),
    ]
    bars = alt.Chart(
        mark=alt.MarkDef(type="bar"),
        encoding=alt.FacetedEncoding(
            x=x, y=y, color=alt.Color(field="color", type="nominal", scale=None), tooltip=tooltip
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
        height={"step": 30},
        title=t("widgets.pain.chart_title"),
        description=description,
    )


def measured_emotion(satisfaction: float | None, scale: tuple[int, int]) -> float | None:
    """A 0–1 satisfaction (mean of the rescaled survey answers) on the map's emotion scale.

    >>> measured_emotion(0.75, (-2, 2))
    1.0
    """
    if satisfaction is None or (isinstance(satisfaction, float) and math.isnan(satisfaction)):
        return None
    lo, hi = scale
    return lo + float(satisfaction) * (hi - lo)


def measured_map_data(journey: JourneyMap, result: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of :func:`measured_map_chart`: per stage the curves (``capa="e"``) and cells (``"c"``)."""
    by_stage = {str(r["stage"]): r for r in _clean(result)}
    scale = journey.emotion_scale
    assumed, measured = t("widgets.pain.assumed"), t("widgets.pain.measured")
    rows: list[dict[str, Any]] = []
    for order, stage in enumerate(journey.stages, 1):
        rec = by_stage.get(stage.name)
        value = measured_emotion(rec["satisfaction"], scale) if rec else None
        for curve, emotion in ((assumed, stage.emotion), (measured, value)):
            if emotion is not None:
                rows.append(
                    {
                        "capa": "e",
                        "etapa": stage.name,
                        "orden": order,
                        "curva": curve,
                        "emocion": float(emotion),
                        "palabras": emotion_word(emotion, scale),
                    }
                )
        dropoff = rec["dropoff"] if rec else None
        worst = bool(rec and rec["rank"] == 1)
        if rec is None:
            label = t("widgets.pain.no_data")
        else:
            label = t("widgets.pain.cell", dropoff=_pct(dropoff))
            if worst:
                label += "\n" + t("widgets.pain.worst_mark")
        rows.append(
            {
                "capa": "c",
                "etapa": stage.name,
                "orden": order,
                "abandono": dropoff,
                "texto": label,
                "peor": worst,
            }
        )
    return rows


def measured_map_chart(
    journey: JourneyMap, result: pd.DataFrame, *, description: str = "", stage_width: int = 130
) -> alt.VConcatChart:
    """The map's stages coloured by the measured drop-off, measured emotion beside the assumed one."""
    rows = measured_map_data(journey, result)
    stages = [s.name for s in journey.stages] or [t("widgets.none")]
    lo, hi = journey.emotion_scale
    assumed, measured = t("widgets.pain.assumed"), t("widgets.pain.measured")
    curves = [assumed, measured]
    x = alt.X(
        field="etapa",
        type="nominal",
        sort=stages,
        title=None,
        scale=alt.Scale(domain=stages),
        axis=alt.Axis(
            orient="top", labelAngle=0, labelFontWeight="bold", labelLimit=stage_width - 8
        ),
    )
    y = alt.Y(
        field="emocion",
        type="quantitative",
        title=t("widgets.pain.emotion_axis"),
        scale=alt.Scale(domain=[lo, hi], nice=False, padding=16),
        axis=alt.Axis(tickMinStep=1),
    )
    legend = alt.Legend(title=t("widgets.pain.curve"), orient="right")
    colour = alt.Color(
        field="curva",
        type="nominal",
        legend=legend,
        scale=alt.Scale(domain=curves, range=[PALETTE[0], _WORST]),
    )
    tooltip = [
        alt.Tooltip(field="etapa", type="nominal", title=t("widgets.pain.col_stage")),
        alt.Tooltip(field="curva", type="nominal", title=t("widgets.pain.curve")),
        alt.Tooltip(
            field="emocion", type="quantitative", title=t("widgets.pain.emotion_axis"), format=".1f"
        ),
        alt.Tooltip(field="palabras", type="nominal", title=t("widgets.pain.in_words")),
    ]
    lines = alt.Chart(
        mark=alt.MarkDef(type="line", strokeWidth=3),
        encoding=alt.FacetedEncoding(
            x=x,
            y=y,
            color=colour,
            strokeDash=alt.StrokeDash(
                field="curva",
                type="nominal",
                legend=legend,
                scale=alt.Scale(domain=curves, range=[[1, 0], [6, 4]]),
            ),
            tooltip=tooltip,
        ),
    )
    points = alt.Chart(
        mark=alt.MarkDef(type="point", filled=True, size=90),
        encoding=alt.FacetedEncoding(
            x=x,
            y=y,
            color=colour,
            shape=alt.Shape(
                field="curva",
                type="nominal",
                legend=legend,
                scale=alt.Scale(domain=curves, range=["circle", "diamond"]),
            ),
            tooltip=tooltip,
        ),
    )
    words = alt.Chart(
        mark=alt.MarkDef(type="text", dy=-14, fontSize=10, color="#1A1A1A"),
        encoding=alt.FacetedEncoding(x=x, y=y, text=alt.Text(field="palabras", type="nominal")),
        transform=[
            alt.FilterTransform(filter=alt.FieldEqualPredicate(field="curva", equal=measured))
        ],
    )
    emotion = alt.LayerChart(
        layer=[lines, points, words],
        transform=[alt.FilterTransform(filter=alt.FieldEqualPredicate(field="capa", equal="e"))],
        width={"step": stage_width},
        height=150,
    )
    x_cells = alt.X(
        field="etapa",
        type="nominal",
        sort=stages,
        title=None,
        axis=None,
        scale=alt.Scale(domain=stages),
    )
    rects = alt.Chart(
        mark=alt.MarkDef(type="rect", stroke="white", strokeWidth=2),
        encoding=alt.FacetedEncoding(
            x=x_cells,
            color=alt.Color(
                field="abandono",
                type="quantitative",
                title=t("widgets.pain.col_dropoff"),
                scale=alt.Scale(scheme="oranges", domain=[0, 1]),
                legend=alt.Legend(format=".0%", orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip(field="etapa", type="nominal", title=t("widgets.pain.col_stage")),
                alt.Tooltip(
                    field="abandono",
                    type="quantitative",
                    title=t("widgets.pain.col_dropoff"),
                    format=".1%",
                ),
            ],
        ),
    )
    texts = alt.Chart(
        mark=alt.MarkDef(
            type="text", fontSize=11, lineBreak="\n", color="#1A1A1A", fontWeight="bold"
        ),
        encoding=alt.FacetedEncoding(x=x_cells, text=alt.Text(field="texto", type="nominal")),
    )
    cells = alt.LayerChart(
        layer=[rects, texts],
        transform=[alt.FilterTransform(filter=alt.FieldEqualPredicate(field="capa", equal="c"))],
        width={"step": stage_width},
        height=46,
    )
    return alt.VConcatChart(
        vconcat=[emotion, cells],
        data=alt.InlineData(values=rows),
        spacing=6,
        resolve=alt.Resolve(scale=alt.ScaleResolveMap(x="shared", color="independent")),
        title=t("widgets.pain.map_title", title=journey.title or t("journey.summary.untitled")),
        description=description,
    )
