"""Satisfaction charts: the value of NPS / CSAT / CES per group with its interval, and the answers.

Data in (:func:`cjcourse.metrics.nps_summary` / ``csat_summary`` / ``ces_summary`` output plus the
answers), ``alt.Chart`` out; nothing is displayed. Small samples are marked with words
("⚠ muestra pequeña"), not only with colour; answer categories (detractores, pasivos,
promotores…) are named in the legend and the tooltip.

>>> import pandas as pd
>>> from cjcourse.metrics import nps_summary
>>> answers = pd.DataFrame({"score": [10, 9, 3, 8] * 10, "stage": ["a"] * 40})
>>> spec = satisfaction_chart(nps_summary(answers, by="stage"), answers, metric="nps",
...                           by="stage").to_dict()
>>> spec["hconcat"][0]["layer"][0]["mark"]["type"]
'rule'
>>> [r["etiqueta"] for r in spec["datasets"][spec["hconcat"][0]["data"]["name"]]]
['25 (IC -1 a 51) · n = 40']
"""

from __future__ import annotations

import altair as alt
import numpy as np
import pandas as pd

from cjcourse.charts import PALETTE
from cjcourse.i18n import t

__all__ = ["VALUE_COLUMN", "answer_category", "satisfaction_chart"]

#: Column of each summary that holds the headline value.
VALUE_COLUMN = {"nps": "nps", "csat": "csat", "ces": "mean"}
_SCALE = {"nps": (0, 10), "csat": (1, 5), "ces": (1, 7)}
_AXIS = {"nps": [-100, 100], "csat": [0, 100], "ces": [1, 7]}


def _fmt(value: float, metric: str) -> str:
    if value is None or pd.isna(value):
        return "—"
    if metric == "ces":
        return f"{value:.2f}".replace(".", ",")
    return f"{value:.0f}"


def answer_category(scores: pd.Series, metric: str) -> pd.Series:
    """Each answer's category in words (detractores/pasivos/promotores; satisfechos…)."""
    s = pd.to_numeric(scores, errors="coerce")
    if metric == "nps":
        keys = np.select([s <= 6, s <= 8], ["detractor", "passive"], "promoter")
    elif metric == "csat":
        keys = np.where(s >= 4, "satisfied", "unsatisfied")
    else:
        keys = np.where(s >= 5, "easy", "hard")
    return pd.Series([t(f"widgets.sat.cat.{k}") for k in keys], index=scores.index)


def _categories(metric: str) -> tuple[list[str], list[str]]:
    keys = {
        "nps": ["detractor", "passive", "promoter"],
        "csat": ["unsatisfied", "satisfied"],
        "ces": ["hard", "easy"],
    }[metric]
    colours = {
        3: [PALETTE[5], "#999999", PALETTE[2]],
        2: [PALETTE[5], PALETTE[2]],
    }[len(keys)]
    return [t(f"widgets.sat.cat.{k}") for k in keys], colours


def satisfaction_chart(
    summary: pd.DataFrame,
    answers: pd.DataFrame,
    *,
    metric: str = "nps",
    by: str | None = None,
    score_col: str = "score",
    description: str = "",
) -> alt.HConcatChart:
    """Value ± interval per group (with n and a small-sample flag in words) + answer counts."""
    value_col = VALUE_COLUMN[metric]
    name = t(f"widgets.sat.name.{metric}")
    rows = []
    for rec in summary.to_dict("records"):
        label = t(
            "widgets.sat.label",
            value=_fmt(rec[value_col], metric),
            low=_fmt(rec["ci_low"], metric),
            high=_fmt(rec["ci_high"], metric),
            n=rec["n"],
        )
        if rec["small_sample"]:
            label += " · " + t("widgets.sat.small")
        rows.append(
            {
                "grupo": str(rec[by]) if by else t("widgets.sat.all"),
                "valor": None if pd.isna(rec[value_col]) else float(rec[value_col]),
                "bajo": None if pd.isna(rec["ci_low"]) else float(rec["ci_low"]),
                "alto": None if pd.isna(rec["ci_high"]) else float(rec["ci_high"]),
                "n": int(rec["n"]),
                "pequena": bool(rec["small_sample"]),
                "etiqueta": label,
            }
        )
    groups = [r["grupo"] for r in rows]
    y = alt.Y(field="grupo", type="nominal", sort=groups, title=by or None)
    lo, hi = _AXIS[metric]
    x_scale = alt.Scale(domain=[lo, hi + (hi - lo) * 0.9])
    x = alt.X(
        field="valor",
        type="quantitative",
        title=name,
        scale=x_scale,
        axis=alt.Axis(values=[float(v) for v in np.linspace(lo, hi, 5)]),
    )
    tooltip = [
        alt.Tooltip(field="grupo", type="nominal", title=t("widgets.sat.col_group")),
        alt.Tooltip(field="valor", type="quantitative", title=name, format=".1f"),
        alt.Tooltip(field="bajo", type="quantitative", title="IC −", format=".1f"),
        alt.Tooltip(field="alto", type="quantitative", title="IC +", format=".1f"),
        alt.Tooltip(field="n", type="quantitative", title=t("widgets.sat.col_n")),
    ]
    rule = alt.Chart(
        mark=alt.MarkDef(type="rule", strokeWidth=3, color=PALETTE[0]),
        encoding=alt.FacetedEncoding(
            x=alt.X(field="bajo", type="quantitative", scale=x_scale, title=name),
            x2=alt.X2(field="alto"),
            y=y,
            tooltip=tooltip,
        ),
    )
    point = alt.Chart(
        mark=alt.MarkDef(type="point", filled=True, size=110),
        encoding=alt.FacetedEncoding(
            x=x,
            y=y,
            # a small sample is a hollow diamond in orange, and says so in words (label)
            shape=alt.Shape(
                field="pequena",
                type="nominal",
                scale=alt.Scale(domain=[False, True], range=["circle", "diamond"]),
                legend=None,
            ),
            color=alt.Color(
                field="pequena",
                type="nominal",
                scale=alt.Scale(domain=[False, True], range=[PALETTE[0], PALETTE[1]]),
                legend=None,
            ),
            tooltip=tooltip,
        ),
    )
    text = alt.Chart(
        mark=alt.MarkDef(type="text", align="left", dx=8, fontSize=11, color="#1A1A1A"),
        encoding=alt.FacetedEncoding(
            x=alt.X(field="alto", type="quantitative", scale=x_scale),
            y=y,
            text=alt.Text(field="etiqueta", type="nominal"),
        ),
    )
    values = alt.LayerChart(
        layer=[rule, point, text],
        data=alt.InlineData(values=rows),
        width=380,
        height={"step": 30},
        title=t("widgets.sat.value_title", name=name),
    )
    s_lo, s_hi = _SCALE[metric]
    scores = pd.to_numeric(answers[score_col], errors="coerce").dropna().astype(int)
    counts = scores.value_counts().reindex(range(s_lo, s_hi + 1), fill_value=0)
    cats = answer_category(pd.Series(counts.index, index=counts.index), metric)
    dist = [{"respuesta": int(k), "respuestas": int(v), "tipo": cats[k]} for k, v in counts.items()]
    domain, colours = _categories(metric)
    bars = alt.Chart(
        mark=alt.MarkDef(type="bar"),
        encoding=alt.FacetedEncoding(
            x=alt.X(
                field="respuesta",
                type="ordinal",
                title=t("widgets.sat.col_score"),
                axis=alt.Axis(labelAngle=0),
            ),
            y=alt.Y(field="respuestas", type="quantitative", title=t("widgets.sat.col_answers")),
            color=alt.Color(
                field="tipo",
                type="nominal",
                scale=alt.Scale(domain=domain, range=colours),
                legend=alt.Legend(title=t("widgets.sat.col_category"), orient="bottom"),
            ),
            tooltip=[
                alt.Tooltip(field="respuesta", type="ordinal", title=t("widgets.sat.col_score")),
                alt.Tooltip(field="tipo", type="nominal", title=t("widgets.sat.col_category")),
                alt.Tooltip(
                    field="respuestas", type="quantitative", title=t("widgets.sat.col_answers")
                ),
            ],
        ),
    )
    labels = alt.Chart(
        mark=alt.MarkDef(type="text", dy=-6, fontSize=10, color="#1A1A1A"),
        encoding=alt.FacetedEncoding(
            x=alt.X(field="respuesta", type="ordinal"),
            y=alt.Y(field="respuestas", type="quantitative"),
            text=alt.Text(field="respuestas", type="quantitative"),
        ),
    )
    distribution = alt.LayerChart(
        layer=[bars, labels],
        data=alt.InlineData(values=dist),
        width={"step": 26},
        height=200,
        title=t("widgets.sat.dist_title"),
    )
    return alt.HConcatChart(
        hconcat=[values, distribution],
        spacing=30,
        # the two panels colour different things: never merge their scales
        resolve=alt.Resolve(scale=alt.ScaleResolveMap(color="independent", shape="independent")),
        description=description,
    )
