"""Attribution chart: the conversions each model credits to each channel, side by side.

Data in (:func:`cjcourse.metrics.attribution_comparison` output: channels × models), ``alt.Chart``
out; nothing is displayed. Each model has its own colour *and* its own point shape (readable
without colour), and a grey bar per channel spans the range between the models: a long bar is a
channel whose value depends on the model you believe.

>>> import pandas as pd
>>> table = pd.DataFrame({"first_touch": [1.0, 0.0], "markov": [0.5, 0.5]},
...                      index=pd.Index(["sem", "email"], name="channel"))
>>> spec = attribution_chart(table).to_dict()
>>> [layer["mark"]["type"] for layer in spec["layer"]]
['bar', 'point', 'text']
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from cjcourse.charts import PALETTE
from cjcourse.i18n import t

__all__ = ["MODEL_SHAPES", "attribution_chart"]

MODEL_SHAPES = {
    "first_touch": "circle",
    "last_touch": "square",
    "linear": "triangle-up",
    "time_decay": "diamond",
    "position_based": "triangle-down",
    "markov": "cross",
}


def _model_name(model: str) -> str:
    return t(f"widgets.attr.model.{model}", default=model)


def attribution_chart(
    table: pd.DataFrame, *, description: str = "", width: int = 420
) -> alt.LayerChart:
    """Dot plot: one row per channel, one point per model, a grey bar for the range."""
    models = list(table.columns)
    names = [_model_name(m) for m in models]
    order = list(table.mean(axis=1).sort_values(ascending=False).index.astype(str))
    points = []
    ranges = []
    for channel, row in table.iterrows():
        for model, value in row.items():
            points.append(
                {
                    "canal": str(channel),
                    "modelo": _model_name(str(model)),
                    "conversiones": float(value),
                }
            )
        ranges.append(
            {
                "canal": str(channel),
                "minimo": float(row.min()),
                "maximo": float(row.max()),
                "texto": f"{row.min():,.0f} – {row.max():,.0f}".replace(",", "."),
            }
        )
    y = alt.Y(field="canal", type="nominal", sort=order, title=None)
    x_scale = alt.Scale(zero=True)
    bar = alt.Chart(
        mark=alt.MarkDef(type="bar", color="#DDDDDD", height=14),
        encoding=alt.FacetedEncoding(
            x=alt.X(
                field="minimo", type="quantitative", scale=x_scale, title=t("widgets.attr.axis")
            ),
            x2=alt.X2(field="maximo"),
            y=y,
            tooltip=[
                alt.Tooltip(field="canal", type="nominal", title=t("widgets.attr.col_channel")),
                alt.Tooltip(field="texto", type="nominal", title=t("widgets.attr.range")),
            ],
        ),
        data=alt.InlineData(values=ranges),
    )
    dots = alt.Chart(
        mark=alt.MarkDef(type="point", filled=True, size=90, opacity=0.9),
        encoding=alt.FacetedEncoding(
            x=alt.X(field="conversiones", type="quantitative", scale=x_scale),
            y=y,
            color=alt.Color(
                field="modelo",
                type="nominal",
                scale=alt.Scale(domain=names, range=(PALETTE * 2)[: len(names)]),
                legend=alt.Legend(title=t("widgets.attr.col_model"), orient="bottom", columns=3),
            ),
            shape=alt.Shape(
                field="modelo",
                type="nominal",
                scale=alt.Scale(
                    domain=names, range=[MODEL_SHAPES.get(m, "circle") for m in models]
                ),
                legend=alt.Legend(title=t("widgets.attr.col_model"), orient="bottom", columns=3),
            ),
            tooltip=[
                alt.Tooltip(field="canal", type="nominal", title=t("widgets.attr.col_channel")),
                alt.Tooltip(field="modelo", type="nominal", title=t("widgets.attr.col_model")),
                alt.Tooltip(
                    field="conversiones",
                    type="quantitative",
                    title=t("widgets.attr.col_conversions"),
                    format=",.1f",
                ),
            ],
        ),
        data=alt.InlineData(values=points),
    )
    labels = alt.Chart(
        mark=alt.MarkDef(type="text", align="left", dx=10, fontSize=10, color="#1A1A1A"),
        encoding=alt.FacetedEncoding(
            x=alt.X(field="maximo", type="quantitative", scale=x_scale),
            y=y,
            text=alt.Text(field="texto", type="nominal"),
        ),
        data=alt.InlineData(values=ranges),
    )
    return alt.LayerChart(
        layer=[bar, dots, labels],
        width=width,
        height={"step": 30},
        title=t("widgets.attr.chart_title"),
        description=description,
    )
