"""``SatisfactionExplorer``: NPS, CSAT or CES per stage, channel or device, with intervals.

The headless twins are :func:`cjcourse.metrics.nps_summary`, :func:`~cjcourse.metrics.csat_summary`
and :func:`~cjcourse.metrics.ces_summary`: ``explorer.result`` is the summary of the answers of
the chosen survey, plus a ``value`` column (the headline number: ``nps``, ``csat`` or ``mean``)
so that code reads every metric the same way. Fewer than 30 answers in a group is said in words
(the warning and the table), never only with a colour.

>>> from cjcourse.data import load_shop
>>> sx = SatisfactionExplorer(load_shop("pequeño", seed=1).surveys, metric="csat", render="none")
>>> sx.result["stage"].tolist()
['consideración', 'decisión', 'compra']
>>> bool((sx.result["value"] == sx.result["csat"]).all())
True
"""

from __future__ import annotations

import warnings
from typing import Any

import ipywidgets as widgets
import pandas as pd
import traitlets

from cjcourse.charts.satisfaction import VALUE_COLUMN, satisfaction_chart
from cjcourse.events import EventLogError, check_columns
from cjcourse.i18n import t
from cjcourse.metrics import SmallSampleWarning, ces_summary, csat_summary, nps_summary
from cjcourse.widgets._base import STYLE, MeasureExplorer, column_label, fmt_num, html_table

__all__ = ["SatisfactionExplorer"]

METRICS = ("nps", "csat", "ces")
BY_OPTIONS = ("stage", "channel", "device")
_SUMMARY = {"nps": nps_summary, "csat": csat_summary, "ces": ces_summary}


class SatisfactionExplorer(MeasureExplorer):
    """Metric and split → value with confidence interval per group, the answers and a reading.

    Parameters
    ----------
    surveys : DataFrame
        One row per answer: ``survey`` ("nps"/"csat"/"ces"), ``score`` and the columns to split
        by (``load_shop(...).surveys``).
    metric : {"nps", "csat", "ces"}
    by : {"stage", "channel", "device", None}

    Attributes
    ----------
    result : DataFrame
        The metric's summary (``n``, value, ``ci_low``, ``ci_high``, ``small_sample``…) + ``value``.
    answers : DataFrame
        The answers of the chosen survey.
    """

    metric = traitlets.Unicode("nps")
    by = traitlets.Unicode("stage", allow_none=True)
    _controls = ("metric", "by")
    _title_key = "widgets.sat.title"

    def __init__(
        self,
        surveys: pd.DataFrame,
        *,
        metric: str = "nps",
        by: str | None = "stage",
        survey_col: str = "survey",
        score_col: str = "score",
        render: str = "svg",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.answers = pd.DataFrame()
        self._survey_col, self._score_col = survey_col, score_col
        self._input_error = None
        self._surveys = surveys
        by_options: list[str] = []
        try:
            if not isinstance(surveys, pd.DataFrame):
                raise EventLogError(t("events.not_a_table", kind=type(surveys).__name__))
            check_columns(surveys, survey_col=survey_col, score_col=score_col)
            by_options = [c for c in BY_OPTIONS if c in surveys.columns]
            if by and by not in by_options and by in surveys.columns:
                by_options.append(by)
        except EventLogError as exc:
            self._input_error = str(exc)
        self.set_trait("metric", metric)
        self.set_trait("by", by)
        self.metric_control = widgets.ToggleButtons(
            options=[(t(f"widgets.sat.metric.{m}"), m) for m in METRICS],
            value=metric if metric in METRICS else "nps",
            description=t("widgets.sat.metric"),
            style=STYLE,
        )
        self.by_control = widgets.Dropdown(
            options=[(t("widgets.none"), None)] + [(column_label(c), c) for c in by_options],
            value=by if by in by_options else None,
            description=t("widgets.sat.by"),
            style=STYLE,
        )
        self._bind("metric", self.metric_control)
        self._bind("by", self.by_control)
        self._setup([self.metric_control, self.by_control], render)

    def _compute(self) -> None:
        metric, by = self.metric, self.by or None
        if metric not in METRICS:
            raise EventLogError(t("widgets.sat.bad_metric", metric=metric))
        sv = self._surveys
        if by:
            check_columns(sv, by=by)
        answers = sv[sv[self._survey_col].astype(str) == metric]
        if answers.empty:
            known = sorted(str(v) for v in pd.unique(sv[self._survey_col].dropna()))
            raise EventLogError(
                t(
                    "widgets.sat.no_answers",
                    name=t(f"widgets.sat.name.{metric}"),
                    metric=metric,
                    column=self._survey_col,
                    known=", ".join(repr(k) for k in known) or "—",
                )
            )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", SmallSampleWarning)  # said in words below
            summary = _SUMMARY[metric](answers, score_col=self._score_col, by=by)
        summary["value"] = summary[VALUE_COLUMN[metric]]
        self.answers = answers
        self.result = summary
        for rec in summary[summary["small_sample"]].to_dict("records"):
            group = rec[by] if by else t("widgets.sat.all")
            self.warnings.append(t("widgets.sat.small_warning", group=group, n=rec["n"]))
        self.reading = self._read(summary, metric, by)
        self.chart = satisfaction_chart(
            summary,
            answers,
            metric=metric,
            by=by,
            score_col=self._score_col,
            description=self.reading,
        )

    def _clear(self) -> None:
        self.answers = pd.DataFrame()

    def _value(self, value: float, metric: str) -> str:
        if metric == "nps":
            return f"{value:+.0f}".replace("+0", "0")
        if metric == "csat":
            return f"{fmt_num(value)} %"
        return f"{fmt_num(value, 2)} / 7"

    def _read(self, res: pd.DataFrame, metric: str, by: str | None) -> str:
        name = t(f"widgets.sat.name.{metric}")
        res = res.dropna(subset=["value"])
        if res.empty:
            return ""
        if not by or len(res) == 1:
            row = res.iloc[0]
            parts = []
            if by:
                parts.append(t("widgets.sat.read_one_group", by=column_label(by), group=row[by]))
            parts.append(
                t(
                    "widgets.sat.read_single",
                    name=name,
                    value=self._value(row["value"], metric),
                    low=self._value(row["ci_low"], metric),
                    high=self._value(row["ci_high"], metric),
                    n=fmt_num(int(row["n"])),
                )
            )
            if metric == "nps":
                parts.append(
                    t(
                        "widgets.sat.read_nps_mix",
                        prom=f"{fmt_num(row['pct_promoters'])} %",
                        det=f"{fmt_num(row['pct_detractors'])} %",
                    )
                )
            return " ".join(parts)
        best = res.loc[res["value"].idxmax()]
        worst = res.loc[res["value"].idxmin()]
        parts = [
            t(
                "widgets.sat.read_best",
                by=column_label(by),
                name=name,
                best=best[by],
                best_value=self._value(best["value"], metric),
                best_n=fmt_num(int(best["n"])),
                worst=worst[by],
                worst_value=self._value(worst["value"], metric),
                worst_n=fmt_num(int(worst["n"])),
            )
        ]
        overlap = best["ci_low"] <= worst["ci_high"]
        parts.append(t("widgets.sat.read_overlap" if overlap else "widgets.sat.read_clear"))
        return " ".join(parts)

    def _table_html(self) -> str:
        metric, by = self.metric, self.by or None
        res = self.result.copy()
        res["_group"] = res[by].astype(str) if by else t("widgets.sat.all")
        res["_ci"] = [
            f"{self._value(lo, metric)} – {self._value(hi, metric)}"
            for lo, hi in zip(res["ci_low"], res["ci_high"], strict=True)
        ]
        res["_sample"] = [
            t("widgets.sat.small") if s else t("widgets.sat.ok_sample") for s in res["small_sample"]
        ]
        cols = [
            ("_group", t("widgets.sat.col_group"), None),
            ("n", t("widgets.sat.col_n"), fmt_num),
            ("value", t("widgets.sat.col_value"), lambda v: self._value(v, metric)),
            ("_ci", t("widgets.sat.col_ci"), None),
            ("_sample", t("widgets.sat.col_sample"), None),
        ]
        return html_table(
            res, cols, caption=t("widgets.sat.caption", name=t(f"widgets.sat.name.{metric}"))
        )
