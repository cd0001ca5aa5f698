"""``RetentionExplorer``: how many customers come back, week after week or month after month.

The headless twins are :func:`cjcourse.metrics.retention_cohorts` (``explorer.result``),
:func:`~cjcourse.metrics.retention_matrix` (``explorer.matrix``) and
:func:`~cjcourse.metrics.period_retention` (``explorer.periods``: retention and churn per
calendar period). A customer is active in a period if they have an event in it, so only the
days a customer was active matter: the widget reduces the log once to one row per customer and
active day (a few hundred thousand rows for a million events) and runs the metrics on that —
same numbers, a fraction of the work — and remembers each period's answer.

>>> from cjcourse.data import load_shop
>>> rx = RetentionExplorer(load_shop("pequeño", seed=1).events, render="none")
>>> rx.result.columns.tolist()
['cohort', 'period', 'customers', 'cohort_size', 'retention']
>>> rx.period = "M"
>>> rx.matrix.shape[1]                     # months 0, 1, 2 of a 90-day log
3
"""

from __future__ import annotations

from typing import Any

import ipywidgets as widgets
import pandas as pd
import traitlets

from cjcourse.charts.retention import cohort_label, retention_chart, retention_curve_data
from cjcourse.events import EventLogError
from cjcourse.i18n import t
from cjcourse.metrics import period_retention, retention_cohorts, retention_matrix
from cjcourse.widgets._base import STYLE, MeasureExplorer, fmt_num, fmt_pct, html_table, prepare

__all__ = ["RetentionExplorer", "active_days"]


def active_days(
    events: pd.DataFrame,
    *,
    customer_col: str = "customer_id",
    event_col: str = "event",
    timestamp_col: str = "timestamp",
) -> pd.DataFrame:
    """One row per customer and day with activity (what retention needs from a log).

    The metrics give the same cohorts and retention on this table as on the whole log, because a
    week or a month is active exactly when one of its days is.

    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1, 1, 1], "event": ["visita", "compra", "visita"],
    ...     "timestamp": pd.to_datetime(["2026-01-05 10:00", "2026-01-05 11:00", "2026-01-09 08:00"])})
    >>> active_days(log)["timestamp"].dt.day.tolist()
    [5, 9]
    """
    day = events[timestamp_col].dt.floor("D")
    out = pd.DataFrame(
        {customer_col: events[customer_col].to_numpy(), timestamp_col: day.to_numpy()}
    )
    out = out.drop_duplicates(ignore_index=True)
    out[event_col] = "activo"
    return out


class RetentionExplorer(MeasureExplorer):
    """Period (weeks or months) → cohort table, heatmap, retention curve, churn and a reading.

    Parameters
    ----------
    events : DataFrame (or any input of the metrics)
        Filter it first to measure something narrower (e.g. only purchases: repeat buyers).
    period : {"W", "M"}
        Weeks (starting on Monday) or calendar months (``"D"``, days, also works).

    Attributes
    ----------
    result : DataFrame
        :func:`cjcourse.metrics.retention_cohorts` output (long format).
    matrix : DataFrame
        :func:`cjcourse.metrics.retention_matrix` of the result (cohorts × periods).
    curve : DataFrame
        Mean retention *n* periods after the first, weighted by cohort size.
    periods : DataFrame
        :func:`cjcourse.metrics.period_retention` (start, end, new, lost, retention, churn).
    """

    period = traitlets.Unicode("W", help='"W" (weeks) or "M" (months).')
    _controls = ("period",)
    _title_key = "widgets.retention.title"

    def __init__(
        self,
        events: Any,
        *,
        period: str = "W",
        customer_col: str = "customer_id",
        event_col: str = "event",
        timestamp_col: str = "timestamp",
        render: str = "svg",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.matrix = pd.DataFrame()
        self.curve = pd.DataFrame()
        self.periods = pd.DataFrame()
        self._cols = {
            "customer_col": customer_col,
            "event_col": event_col,
            "timestamp_col": timestamp_col,
        }
        self._cache: dict[str, tuple[pd.DataFrame, pd.DataFrame]] = {}
        self._input_error = None
        self._days: pd.DataFrame | None = None
        try:
            df = prepare(events, **self._cols)
            self._days = active_days(df, **self._cols)
        except EventLogError as exc:
            self._input_error = str(exc)
        self.set_trait("period", period)
        self.period_control = widgets.ToggleButtons(
            options=[(t(f"widgets.retention.period.{p}"), p) for p in ("W", "M")],
            value=period if period in ("W", "M") else "W",
            description=t("widgets.retention.period"),
            style=STYLE,
        )
        self._bind("period", self.period_control)
        self._setup([self.period_control], render)

    def _compute(self) -> None:
        assert self._days is not None
        period = self.period
        if period not in self._cache:
            cohorts = retention_cohorts(self._days, period=period, **self._cols)
            periods = period_retention(self._days, period=period, **self._cols)
            self._cache[period] = (cohorts, periods)
        cohorts, periods = self._cache[period]
        self.result = cohorts.copy()
        self.periods = periods.copy()
        self.matrix = retention_matrix(self.result)
        self.curve = retention_curve_data(self.result, period)
        self.reading = self._read()
        self.chart = retention_chart(self.result, period=period, description=self.reading)

    def _clear(self) -> None:
        self.matrix = pd.DataFrame()
        self.curve = pd.DataFrame()
        self.periods = pd.DataFrame()

    def _read(self) -> str:
        p = self.period
        curve = self.curve.dropna(subset=["retention"])
        if len(curve) < 2 or self.result.empty:
            return t("widgets.retention.read_single")
        unit1 = t(f"widgets.retention.unit1.{p}")
        text = t(
            "widgets.retention.read_curve",
            n1=1,
            unit1=unit1,
            r1=fmt_pct(float(curve.loc[curve["period"] == 1, "retention"].iloc[0])),
        )
        target = {"W": 4, "M": 2, "D": 7}.get(p, 2)
        far = curve[
            (curve["period"] == target)
            & (curve["cohort_size"] >= 0.25 * curve["cohort_size"].iloc[0])
        ]
        if len(far):
            text += t(
                f"widgets.retention.read_after.{p}", n=target, r=fmt_pct(far["retention"].iloc[0])
            )
        parts = [text + "."]
        first = self.result[self.result["cohort"] == self.result["cohort"].min()]
        nxt = first[first["period"] == 1]
        if len(nxt):
            parts.append(
                t(
                    "widgets.retention.read_first",
                    cohort=cohort_label(pd.Timestamp(first["cohort"].iloc[0]), p),
                    size=fmt_num(int(first["cohort_size"].iloc[0])),
                    r=fmt_pct(float(nxt["retention"].iloc[0])),
                )
            )
        full = self.periods.dropna(subset=["churn"])
        if len(full) >= 2:  # the last period is usually cut short by the end of the data
            row = full.iloc[-2]
            parts.append(
                t(
                    "widgets.retention.read_churn",
                    start=cohort_label(pd.Timestamp(row["period_start"]), p),
                    churn=fmt_pct(float(row["churn"])),
                    retention=fmt_pct(float(row["retention"])),
                )
            )
        return " ".join(parts)

    def _table_html(self) -> str:
        shown = self.matrix.copy()
        shown.index = [cohort_label(pd.Timestamp(c), self.period) for c in shown.index]
        shown = shown.reset_index(names="_cohort")
        cols = [("_cohort", t("widgets.retention.col_cohort"), None)] + [
            (c, str(c), fmt_pct) for c in self.matrix.columns
        ]
        heat = html_table(shown, cols, caption=t("widgets.retention.caption"))
        periods = self.periods.assign(
            _start=[
                cohort_label(pd.Timestamp(s), self.period) for s in self.periods["period_start"]
            ]
        )
        churn = html_table(
            periods,
            [
                ("_start", t("widgets.retention.col_start"), None),
                ("end", t("widgets.retention.col_active"), fmt_num),
                ("retention", t("widgets.retention.col_retention"), fmt_pct),
                ("churn", t("widgets.retention.col_churn"), fmt_pct),
            ],
            caption=t("widgets.retention.curve_caption"),
        )
        return heat + churn
