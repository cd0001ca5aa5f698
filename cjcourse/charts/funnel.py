"""Funnel chart: customers per step, drop-off in words, and the time it takes to convert.

Data in (the outputs of :func:`cjcourse.metrics.funnel` and :func:`cjcourse.metrics.funnel_times`),
``alt.Chart`` out; nothing is displayed. Colours are Okabe–Ito and every number is also written
as text beside its bar (a chart that is read without colour).

>>> import pandas as pd
>>> from cjcourse.metrics import funnel
>>> log = pd.DataFrame({"customer_id": [1, 1, 2], "event": ["visita", "compra", "visita"],
...     "timestamp": pd.to_datetime(["2026-01-01 10:00", "2026-01-01 11:00", "2026-01-02 09:00"])})
>>> spec = funnel_chart(funnel(log, ["visita", "compra"])).to_dict()
>>> [r["etiqueta"] for r in spec["datasets"][spec["data"]["name"]]]
['2 (100 %)', '1 (50 %) · abandona el 50 %']
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cjcourse.charts import PALETTE
from cjcourse.i18n import t

__all__ = ["funnel_chart", "funnel_chart_data"]


def _pct(share: float) -> str:
    if pd.isna(share):
        return "—"
    return f"{100 * share:.0f} %"


def _hours(hours: float) -> str:
    if pd.isna(hours):
        return "—"
    if hours * 60 < 1:
        return "< 1 min"
    if hours < 1:
        return f"{hours * 60:.0f} min"
    if hours < 48:
        return f"{hours:.1f} h".replace(".", ",")
    return f"{hours / 24:.1f} {t('widgets.days')}".replace(".", ",")


def funnel_chart_data(
    result: pd.DataFrame, times: pd.DataFrame | None = None, *, by: str | None = None
) -> pd.DataFrame:
    """The rows :func:`funnel_chart` draws (Spanish column names: they show in tooltips)."""
    rows = []
    med = {}
    if times is not None and len(times) and "hours_from_previous_p50" in times.columns:
        for rec in times.to_dict("records"):
            med[(rec.get(by) if by else None, int(rec["step_index"]))] = rec[
                "hours_from_previous_p50"
            ]
    for rec in result.to_dict("records"):
        i = int(rec["step_index"])
        group = str(rec[by]) if by else t("widgets.funnel.all")
        label = (
            f"{rec['customers']:,}".replace(",", ".") + f" ({_pct(rec['conversion_from_start'])})"
        )
        if i > 1 and not pd.isna(rec["dropoff"]):
            label += " · " + t("widgets.funnel.drops", pct=_pct(rec["dropoff"]))
        hours = med.get((rec[by] if by else None, i), float("nan"))
        rows.append(
            {
                "paso": f"{i}. {rec['step']}",
                "orden": i,
                "grupo": group,
                "clientes": int(rec["customers"]),
                "conversion": rec["conversion_from_start"],
                "abandono": rec["dropoff"] if i > 1 else None,
                "etiqueta": label,
                "horas": None if pd.isna(hours) else float(hours),
                "tiempo": _hours(hours) if i > 1 else "",
            }
        )
    return pd.DataFrame(rows)


def funnel_chart(
    result: pd.DataFrame,
    times: pd.DataFrame | None = None,
    *,
    by: str | None = None,
    description: str = "",
    width: int = 380,
) -> alt.HConcatChart | alt.LayerChart:
    """Horizontal funnel bars with labels (customers, % of the start, drop-off) + median times.

    Parameters
    ----------
    result : DataFrame
        Output of :func:`cjcourse.metrics.funnel` (with the ``by`` column when split).
    times : DataFrame, optional
        Output of :func:`cjcourse.metrics.funnel_times`; adds a panel with the median hours from
        the previous step.
    by : str, optional
        The split column (one colour per group, groups side by side inside each step).
    description : str
        Text alternative of the chart (screen readers; SVG ``aria-label``).
    """
    data = funnel_chart_data(result, times, by=by)
    steps: list[str] = list(dict.fromkeys(data["paso"])) if len(data) else []
    groups = list(dict.fromkeys(data["grupo"])) if len(data) else []
    rows = data.astype(object).where(data.notna(), None).to_dict("records")
    # Built with constructors over one inline dataset: chained ``encode``/``properties`` calls
    # copy and re-validate the chart at every step (10× slower for the same spec).
    y = alt.Y(
        field="paso",
        type="nominal",
        sort=steps,
        title=None,
        scale=alt.Scale(domain=steps),
        axis=alt.Axis(labelLimit=200),
    )
    colour = alt.Color(
        field="grupo",
        type="nominal",
        title=by or "",
        legend=alt.Legend(orient="bottom") if by else None,
        scale=alt.Scale(domain=groups, range=(PALETTE * 3)[: max(1, len(groups))]),
    )
    offset = {"yOffset": alt.YOffset(field="grupo", type="nominal", sort=groups)} if by else {}
    tooltip = [
        alt.Tooltip(field="paso", type="nominal", title=t("widgets.funnel.col_step")),
        alt.Tooltip(field="grupo", type="nominal", title=t("widgets.funnel.col_group")),
        alt.Tooltip(
            field="clientes",
            type="quantitative",
            title=t("widgets.funnel.col_customers"),
            format=",d",
        ),
        alt.Tooltip(
            field="conversion",
            type="quantitative",
            title=t("widgets.funnel.col_from_start"),
            format=".1%",
        ),
        alt.Tooltip(
            field="abandono",
            type="quantitative",
            title=t("widgets.funnel.col_dropoff"),
            format=".1%",
        ),
        alt.Tooltip(field="tiempo", type="nominal", title=t("widgets.funnel.col_time")),
    ]
    text_mark = alt.MarkDef(type="text", align="left", dx=4, fontSize=11, color="#1A1A1A")
    top_customers = max([int(r["clientes"]) for r in rows] or [1]) or 1
    x_customers = alt.X(
        field="clientes",
        type="quantitative",
        title=t("widgets.funnel.axis_customers"),
        # room on the right for the labels; short tick labels (1.2k) never collide
        scale=alt.Scale(domain=[0, top_customers * 1.6], nice=False),
        axis=alt.Axis(tickCount=4, format="~s"),
    )
    bars = alt.Chart(
        mark=alt.MarkDef(type="bar"),
        encoding=alt.FacetedEncoding(x=x_customers, y=y, color=colour, tooltip=tooltip, **offset),
    )
    labels = alt.Chart(
        mark=text_mark,
        encoding=alt.FacetedEncoding(
            x=x_customers, y=y, text=alt.Text(field="etiqueta", type="nominal"), **offset
        ),
    )
    height = {"step": 26 if not by else 14 * max(1, len(groups))}
    main = alt.LayerChart(
        layer=[bars, labels], width=width, height=height, title=t("widgets.funnel.chart_title")
    )
    data_top = alt.InlineData(values=rows)
    if times is None or not data["horas"].notna().any():
        main.data = data_top
        main.description = description
        return main
    y_time = alt.Y(
        field="paso",
        type="nominal",
        sort=steps,
        title=None,
        axis=None,
        scale=alt.Scale(domain=steps),
    )
    # minutes, hours or days: whichever unit makes the bars readable
    top = float(data["horas"].max())
    unit, factor = (
        ("minutes", 60.0) if top < 1 else ("days", 1 / 24) if top > 72 else ("hours", 1.0)
    )
    for row in rows:
        row["duracion"] = None if row["horas"] is None else row["horas"] * factor
    x_hours = alt.X(field="duracion", type="quantitative", title=t(f"widgets.funnel.axis_{unit}"))
    tbars = alt.Chart(
        mark=alt.MarkDef(type="bar", color=PALETTE[2]),
        encoding=alt.FacetedEncoding(
            x=x_hours, y=y_time, tooltip=tooltip, **({"color": colour} if by else {}), **offset
        ),
    )
    tlabels = alt.Chart(
        mark=text_mark,
        encoding=alt.FacetedEncoding(
            x=x_hours, y=y_time, text=alt.Text(field="tiempo", type="nominal"), **offset
        ),
    )
    side = alt.LayerChart(
        layer=[tbars, tlabels],
        transform=[alt.FilterTransform(filter="datum.orden > 1")],
        width=200,
        height=height,
        title=t("widgets.funnel.time_title"),
    )
    return alt.HConcatChart(
        hconcat=[main, side], data=data_top, spacing=40, description=description
    )
