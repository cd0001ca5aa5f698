"""The journey-map chart: an emotion curve above a grid of lanes × stages (altair, offline).

:func:`journey_chart` builds the chart and never displays it; :func:`journey_chart_data` is its
headless twin (the rows the chart draws); :func:`save_chart` writes PNG, SVG, PDF or offline
HTML through vl-convert. Colours come from the Okabe–Ito palette and every colour has a word or
a line style beside it: pain points say "⚠ DOLOR (alta)", the desired curve is dashed.

>>> from cjcourse.journey import JourneyMap, PainPoint
>>> j = JourneyMap.from_stage_model("phases3", title="Demo").set_emotion(0, 1)
>>> j = j.add_card(1, "pain_points", PainPoint("Envío caro", severity=3))
>>> spec = journey_chart(j).to_dict()
>>> spec["data"]["name"] in spec["datasets"]
True
>>> [c["texto"] for c in journey_chart_data(j)["cells"] if c["dolor"]]
['⚠ DOLOR (alta):\\nEnvío caro']
"""

from __future__ import annotations

import io
import os
import textwrap
from pathlib import Path
from typing import Any

import altair as alt

from cjcourse.charts import PALETTE
from cjcourse.i18n import t
from cjcourse.journey import (
    BLUEPRINT_LANES,
    JourneyError,
    JourneyMap,
    MomentOfTruth,
    Opportunity,
    PainPoint,
    Touchpoint,
    atomic_write_bytes,
    describe,
    emotion_word,
    severity_word,
)

__all__ = ["EXPORT_FORMATS", "journey_chart", "journey_chart_data", "save_chart"]

#: Formats :func:`save_chart` writes, all offline.
EXPORT_FORMATS = ("png", "svg", "pdf", "html")

_MAIN_LANES = ("actions", "touchpoints", "thoughts", "pain_points", "opportunities", "moments")
_AS_IS, _TO_BE = PALETTE[0], PALETTE[1]  # blue (solid line) and orange (dashed line)
_PAIN = PALETTE[5]  # vermillion, always with the words "⚠ DOLOR"
_CELL = "#F2F2F2"
_WRAP = 26  # characters per line in a cell
_MAX_CARDS = 4  # cards shown per cell; the rest are counted ("… y 3 más")
_MAX_LINES = 4  # lines per card; longer texts end in "…" (the tooltip has them whole)
_LINE_HEIGHT = 12


def _card_text(card: Any) -> str:
    text = card.text
    if isinstance(card, Touchpoint):
        text = f"{text} {t('journey.chart.channel_tag', channel=card.channel)}"
    elif isinstance(card, Opportunity) and card.owner:
        text = f"{text} {t('journey.chart.owner_tag', owner=card.owner)}"
    elif isinstance(card, MomentOfTruth):
        text = f"{card.kind}: {text}"
    return text


def _cell_text(cards: list[Any], pain: PainPoint | None) -> str:
    lines: list[str] = []
    if pain is not None:
        lines.append(t("journey.chart.pain_flag", severity=severity_word(pain.severity)) + ":")
    for card in cards[:_MAX_CARDS]:
        wrapped = textwrap.wrap(_card_text(card), _WRAP) or [""]
        if len(wrapped) > _MAX_LINES:
            wrapped = [*wrapped[: _MAX_LINES - 1], wrapped[_MAX_LINES - 1] + " …"]
        lines.append(("• " if len(cards) > 1 else "") + wrapped[0])
        lines.extend(("  " if len(cards) > 1 else "") + w for w in wrapped[1:])
    if len(cards) > _MAX_CARDS:
        lines.append(t("journey.chart.more", n=len(cards) - _MAX_CARDS))
    return "\n".join(lines)


def journey_chart_data(journey: JourneyMap) -> dict[str, list[dict[str, Any]]]:
    """The rows :func:`journey_chart` draws: ``cells`` (stage × lane) and ``emotions`` (curve points).

    Column names are Spanish because they show up in tooltips.
    """
    lane_keys: list[tuple[str, str | None]] = [(lane, None) for lane in _MAIN_LANES]
    used_blueprint = {c.lane for s in journey.stages for c in s.blueprint}
    lane_keys += [("blueprint", bl) for bl in BLUEPRINT_LANES if bl in used_blueprint]
    cells = []
    emotions = []
    scale = journey.emotion_scale
    for order, stage in enumerate(journey.stages, 1):
        for lane, sub in lane_keys:
            cards = list(getattr(stage, lane))
            if sub is not None:
                cards = [c for c in cards if c.lane == sub]
            worst = (
                max(cards, key=lambda p: p.severity) if lane == "pain_points" and cards else None
            )
            cells.append(
                {
                    "etapa": stage.name,
                    "orden": order,
                    "carril": sub or t(f"journey.lane.{lane}"),
                    "texto": _cell_text(cards, worst),
                    "completo": " | ".join(_card_text(c) for c in cards),
                    "n": len(cards),
                    "dolor": worst is not None,
                }
            )
        for curve, value in (
            (t("journey.chart.as_is"), stage.emotion),
            (t("journey.chart.to_be"), stage.emotion_to_be),
        ):
            if value is not None:
                emotions.append(
                    {
                        "etapa": stage.name,
                        "orden": order,
                        "curva": curve,
                        "emocion": value,
                        "palabras": emotion_word(value, scale),
                        "dolor": bool(stage.pain_points),
                    }
                )
    return {"cells": cells, "emotions": emotions}


def journey_chart(journey: JourneyMap, *, stage_width: int = 170) -> alt.VConcatChart:
    """The journey-map chart: emotion curve(s) on top, lanes of cards below, one column per stage.

    Parameters
    ----------
    journey : JourneyMap
    stage_width : int
        Width of one stage column, in pixels.
    """
    data = journey_chart_data(journey)
    stages = [s.name for s in journey.stages]
    domain = stages or [t("journey.chart.empty")]
    lo, hi = journey.emotion_scale
    s_stage = t("journey.chart.stage")
    as_is, to_be = t("journey.chart.as_is"), t("journey.chart.to_be")
    curves = [as_is, to_be]
    width = {"step": stage_width}
    # One inline dataset at the top: altair moves it to "datasets" and the layers only filter it,
    # so no copy of the rows is made per layer (this keeps a redraw well under 200 ms).
    rows = [{**r, "capa": "e"} for r in data["emotions"]]
    rows += [
        {
            **r,
            "capa": "c",
            "fondo": _PAIN if r["dolor"] else _CELL,
            "opacidad": 0.25 if r["dolor"] else 1.0,
        }
        for r in data["cells"]
    ]
    x_top = alt.X(
        "etapa",
        type="nominal",
        sort=stages,
        title=None,
        scale=alt.Scale(domain=domain),
        axis=alt.Axis(
            orient="top", labelAngle=0, labelFontWeight="bold", labelLimit=stage_width - 10
        ),
    )
    curve_legend = alt.Legend(title=t("journey.chart.curve"), orient="top", direction="horizontal")
    y_emotion = alt.Y(
        "emocion",
        type="quantitative",
        title=t("journey.chart.emotion"),
        scale=alt.Scale(domain=[lo, hi], nice=False, padding=24),
        axis=alt.Axis(tickMinStep=1),
    )
    emotion_tooltip = [
        alt.Tooltip("etapa", type="nominal", title=s_stage),
        alt.Tooltip("curva", type="nominal", title=t("journey.chart.curve")),
        alt.Tooltip("emocion", type="quantitative", title=t("journey.chart.emotion")),
        alt.Tooltip("palabras", type="nominal", title=t("journey.chart.in_words")),
    ]
    color = alt.Color(
        "curva",
        type="nominal",
        legend=curve_legend,
        scale=alt.Scale(domain=curves, range=[_AS_IS, _TO_BE]),
    )
    lines = (
        alt.Chart()
        .mark_line(strokeWidth=3)
        .encode(
            x=x_top,
            y=y_emotion,
            color=color,
            detail=alt.Detail("curva", type="nominal"),
            strokeDash=alt.StrokeDash(
                "curva",
                type="nominal",
                legend=curve_legend,
                scale=alt.Scale(domain=curves, range=[[1, 0], [6, 4]]),
            ),
            tooltip=emotion_tooltip,
        )
    )
    points = (
        alt.Chart()
        .mark_point(filled=True, size=90)
        .encode(
            x=x_top,
            y=y_emotion,
            color=color,
            tooltip=emotion_tooltip,
            shape=alt.Shape(
                "curva",
                type="nominal",
                legend=curve_legend,
                scale=alt.Scale(domain=curves, range=["circle", "diamond"]),
            ),
        )
    )
    labels = (
        alt.Chart()
        .mark_text(dy=-14, fontSize=11, color=_AS_IS)
        .encode(x=x_top, y=y_emotion, text=alt.Text("palabras", type="nominal"))
        .transform_filter(alt.FieldEqualPredicate(field="curva", equal=as_is))
    )
    middle = (
        alt.Chart()
        .mark_rule(color="#999999", strokeDash=[2, 2])
        .encode(y=alt.YDatum((lo + hi) / 2, type="quantitative"))
    )
    # Charts are built with their constructors, not chained ``.properties()`` calls: every chained
    # call copies and validates the whole chart, which tripled the redraw time.
    emotion_chart = alt.LayerChart(
        layer=[middle, lines, points, labels],
        transform=[alt.FilterTransform(filter=alt.FieldEqualPredicate(field="capa", equal="e"))],
        width=width,
        height=170,
    )

    n_lines = max((c["texto"].count("\n") + 1 for c in data["cells"]), default=1)
    lane_order = list(dict.fromkeys(c["carril"] for c in data["cells"]))
    x_cells = alt.X(
        "etapa", type="nominal", sort=stages, title=None, axis=None, scale=alt.Scale(domain=domain)
    )
    y_cells = alt.Y(
        "carril",
        type="nominal",
        sort=lane_order,
        title=None,
        axis=alt.Axis(labelFontWeight="bold", labelLimit=160),
    )
    rects = (
        alt.Chart()
        .mark_rect(stroke="white", strokeWidth=2)
        .encode(
            x=x_cells,
            y=y_cells,
            color=alt.Color("fondo", type="nominal", scale=None),
            opacity=alt.Opacity("opacidad", type="quantitative", scale=None),
            tooltip=[
                alt.Tooltip("etapa", type="nominal", title=s_stage),
                alt.Tooltip("carril", type="nominal", title=t("journey.chart.lane")),
                alt.Tooltip("completo", type="nominal", title=t("journey.chart.cards")),
            ],
        )
    )
    step = max(34, _LINE_HEIGHT * n_lines + 12)
    texts = (
        alt.Chart()
        .mark_text(
            align="left",
            baseline="top",
            dx=-stage_width / 2 + 6,
            dy=-step / 2 + 6,
            fontSize=10,
            lineHeight=_LINE_HEIGHT,
            lineBreak="\n",
            color="#1A1A1A",
        )
        .encode(x=x_cells, y=y_cells, text=alt.Text("texto", type="nominal"))
    )
    lanes_chart = alt.LayerChart(
        layer=[rects, texts],
        transform=[alt.FilterTransform(filter=alt.FieldEqualPredicate(field="capa", equal="c"))],
        width=width,
        height={"step": step},
    )
    return alt.VConcatChart(
        vconcat=[emotion_chart, lanes_chart],
        data=alt.InlineData(values=rows),
        spacing=8,
        resolve=alt.Resolve(scale=alt.ScaleResolveMap(x="shared")),
        title=t("journey.chart.title", title=journey.title or t("journey.summary.untitled")),
        description=describe(journey),
        config=alt.Config(view=alt.ViewConfig(stroke=None)),
    )


def save_chart(
    chart: alt.TopLevelMixin, path: str | os.PathLike[str], fmt: str | None = None
) -> Path:
    """Write ``chart`` to ``path`` as PNG, SVG, PDF or self-contained HTML, without internet.

    The format comes from ``fmt`` or the file extension. The file is written atomically, so an
    export that fails half way never leaves a broken file behind.
    """
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in EXPORT_FORMATS:
        raise JourneyError(
            t("journey.chart.bad_format", fmt=fmt, options=", ".join(EXPORT_FORMATS)),
            field="format",
        )
    try:
        import vl_convert  # noqa: F401
    except ImportError:  # pragma: no cover (installed with cjcourse)
        raise JourneyError(
            t("journey.chart.need_vl_convert", fmt=fmt.upper()), field="format"
        ) from None
    if fmt in ("png", "pdf"):
        buffer: io.IOBase = io.BytesIO()
        extra = {"scale_factor": 2} if fmt == "png" else {}
        chart.save(buffer, format=fmt, **extra)
        data = buffer.getvalue()
    else:
        buffer = io.StringIO()
        extra = {"inline": True} if fmt == "html" else {}
        chart.save(buffer, format=fmt, **extra)
        data = buffer.getvalue().encode("utf-8")
    return atomic_write_bytes(path, data)
