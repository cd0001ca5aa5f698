"""Retention charts: the cohort heatmap (every cell written as a %) and the retention curve.

Data in (:func:`cjcourse.metrics.retention_cohorts` output), ``alt.Chart`` out; nothing is
displayed. The heatmap uses a single-hue sequential scheme (readable by colour-blind readers)
and writes the percentage in every cell.

>>> import pandas as pd
>>> cohorts = pd.DataFrame({"cohort": pd.to_datetime(["2026-01-01", "2026-01-01", "2026-02-01"]),
...     "period": [0, 1, 0], "customers": [4, 1, 2], "cohort_size": [4, 4, 2],
...     "retention": [1.0, 0.25, 1.0]})
>>> retention_curve_data(cohorts)
   period  customers  cohort_size  retention
0       0          6            6       1.00
1       1          1            4       0.25
>>> spec = retention_chart(cohorts, period="M").to_dict()
>>> [c["layer"][0]["mark"]["type"] for c in spec["hconcat"]]
['rect', 'line']
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cjcourse.charts import PALETTE
from cjcourse.i18n import t

__all__ = ["cohort_label", "retention_chart", "retention_curve_data"]


def cohort_label(start: pd.Timestamp, period: str) -> str:
    """'2026-01' for a month, '2026-01-05' (its Monday) for a week, the date for a day."""
    return start.strftime("%Y-%m") if period == "M" else start.strftime("%Y-%m-%d")


def _index(start: pd.Series, period: str) -> pd.Series:
    start = pd.to_datetime(start)
    if period == "M":
        return start.dt.year * 12 + start.dt.month
    days = (start - pd.Timestamp("1970-01-05")).dt.days
    return days // 7 if period == "W" else days


def retention_curve_data(cohorts: pd.DataFrame, period: str = "M") -> pd.DataFrame:
    """Average retention *n* periods after the first one, weighted by cohort size.

    Only cohorts old enough to reach period *n* inside the data count for it (a young cohort is
    not a lost one).
    """
    if cohorts.empty:
        return pd.DataFrame(columns=["period", "customers", "cohort_size", "retention"])
    idx = _index(cohorts["cohort"], period)
    last = int((idx + cohorts["period"]).max())
    horizon = last - idx  # how many periods after its first one each row's cohort can be seen
    first = cohorts["period"] == 0
    rows = []
    for n in range(int(cohorts["period"].max()) + 1):
        active = cohorts.loc[(cohorts["period"] == n) & (horizon >= n), "customers"].sum()
        size = cohorts.loc[first & (horizon >= n), "cohort_size"].sum()
        rows.append(
            {
                "period": n,
                "customers": int(active),
                "cohort_size": int(size),
                "retention": active / size if size else float("nan"),
            }
        )
    return pd.DataFrame(rows)


def retention_chart(
    cohorts: pd.DataFrame, *, period: str = "M", description: str = "", cell: int = 30
) -> alt.HConcatChart:
    """Cohort heatmap (rows: cohorts, columns: periods since the first) + the retention curve."""
    unit = t(f"widgets.retention.unit.{period}")
    rows = [
        {
            "cohorte": cohort_label(pd.Timestamp(r["cohort"]), period),
            "periodo": int(r["period"]),
            "clientes": int(r["customers"]),
            "tamano": int(r["cohort_size"]),
            "retencion": float(r["retention"]),
            "texto": f"{100 * r['retention']:.0f}",
        }
        for r in cohorts.to_dict("records")
    ]
    cohorts_order = list(dict.fromkeys(r["cohorte"] for r in rows))
    periods = sorted({r["periodo"] for r in rows})
    x = alt.X(
        field="periodo",
        type="ordinal",
        title=t("widgets.retention.axis_period", unit=unit),
        scale=alt.Scale(domain=periods),
        axis=alt.Axis(labelAngle=0),
    )
    y = alt.Y(
        field="cohorte",
        type="ordinal",
        sort=cohorts_order,
        title=t("widgets.retention.axis_cohort"),
    )
    tooltip = [
        alt.Tooltip(field="cohorte", type="ordinal", title=t("widgets.retention.col_cohort")),
        alt.Tooltip(field="periodo", type="ordinal", title=t("widgets.retention.col_period")),
        alt.Tooltip(field="clientes", type="quantitative", title=t("widgets.retention.col_active")),
        alt.Tooltip(field="tamano", type="quantitative", title=t("widgets.retention.col_size")),
        alt.Tooltip(
            field="retencion",
            type="quantitative",
            title=t("widgets.retention.col_retention"),
            format=".1%",
        ),
    ]
    rects = alt.Chart(
        mark=alt.MarkDef(type="rect"),
        encoding=alt.FacetedEncoding(
            x=x,
            y=y,
            color=alt.Color(
                field="retencion",
                type="quantitative",
                title=t("widgets.retention.col_retention"),
                scale=alt.Scale(scheme="blues", domain=[0, 1]),
                legend=alt.Legend(format=".0%", orient="bottom"),
            ),
            tooltip=tooltip,
        ),
    )
    texts = alt.Chart(
        mark=alt.MarkDef(type="text", fontSize=9),
        encoding=alt.FacetedEncoding(
            x=x,
            y=y,
            text=alt.Text(field="texto", type="nominal"),
            # dark text on light cells, white on dark ones: readable without colour vision
            color=alt.condition("datum.retencion > 0.55", alt.value("white"), alt.value("#1A1A1A")),
        ),
    )
    heat = alt.LayerChart(
        layer=[rects, texts],
        data=alt.InlineData(values=rows),
        width={"step": cell},
        height={"step": min(cell, 22)},
        title=t("widgets.retention.heat_title", unit=unit),
    )
    curve = retention_curve_data(cohorts, period)
    crow = [
        {
            "periodo": int(r["period"]),
            "retencion": None if pd.isna(r["retention"]) else float(r["retention"]),
            "texto": "" if pd.isna(r["retention"]) else f"{100 * r['retention']:.0f} %",
        }
        for r in curve.to_dict("records")
    ]
    cx = alt.X(
        field="periodo",
        type="quantitative",
        title=t("widgets.retention.axis_period", unit=unit),
        axis=alt.Axis(tickMinStep=1, format="d"),
    )
    cy = alt.Y(
        field="retencion",
        type="quantitative",
        title=t("widgets.retention.col_retention"),
        scale=alt.Scale(domain=[0, 1]),
        axis=alt.Axis(format=".0%"),
    )
    line = alt.Chart(
        mark=alt.MarkDef(type="line", color=PALETTE[0], strokeWidth=3, point=True),
        encoding=alt.FacetedEncoding(
            x=cx,
            y=cy,
            tooltip=[
                alt.Tooltip(
                    field="periodo", type="quantitative", title=t("widgets.retention.col_period")
                ),
                alt.Tooltip(
                    field="retencion",
                    type="quantitative",
                    title=t("widgets.retention.col_retention"),
                    format=".1%",
                ),
            ],
        ),
    )
    labels = alt.Chart(
        mark=alt.MarkDef(type="text", dy=-10, fontSize=10, color="#1A1A1A"),
        encoding=alt.FacetedEncoding(x=cx, y=cy, text=alt.Text(field="texto", type="nominal")),
    )
    curve_chart = alt.LayerChart(
        layer=[line, labels],
        data=alt.InlineData(values=crow),
        width=300,
        height=220,
        title=t("widgets.retention.curve_title"),
    )
    return alt.HConcatChart(hconcat=[heat, curve_chart], spacing=30, description=description)
