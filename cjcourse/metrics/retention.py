"""Retention cohorts, retention and churn rates.

``retention_cohorts`` and ``period_retention`` are Ibis expressions (DuckDB by default, any Ibis
backend unchanged); ``retention_rate`` and ``churn_rate`` are the plain formulas.

Periods: ``"D"`` day, ``"W"`` ISO week (starting on Monday), ``"M"`` calendar month. A customer is
*active* in a period if they have at least one event in it (filter the log first, e.g. only
purchases, to measure repeat buyers).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from cjcourse.events import EventLogError
from cjcourse.i18n import t
from cjcourse.metrics._common import materialise, table_of

__all__ = [
    "churn_rate",
    "period_retention",
    "retention_cohorts",
    "retention_matrix",
    "retention_rate",
]

_PERIODS = {"D": 86_400, "W": 7 * 86_400, "M": None}


def _period_index(ts: Any, period: str) -> Any:
    """An integer that grows by one per period (comparable across backends)."""
    start = ts.truncate(period)
    if period == "M":
        return start.year().cast("int64") * 12 + start.month().cast("int64") - 1
    # Monday of 1970-01-05 is an epoch multiple of 7 days + 4 days: shift so weeks start Monday.
    secs = start.epoch_seconds().cast("int64")
    if period == "W":
        return (secs - 4 * 86_400) // _PERIODS["W"]
    return secs // _PERIODS["D"]


def _index_to_start(idx: pd.Series, period: str) -> pd.Series:
    idx = idx.astype("int64")
    if period == "M":
        return pd.to_datetime({"year": idx // 12, "month": idx % 12 + 1, "day": 1}).astype(
            "datetime64[us]"
        )
    days = idx * 7 + 4 if period == "W" else idx
    return (pd.Timestamp("1970-01-01") + pd.to_timedelta(days, unit="D")).astype("datetime64[us]")


def _activity(events: Any, period: str, customer_col: str, event_col: str, timestamp_col: str):
    if period not in _PERIODS:
        raise EventLogError(t("metrics.bad_period", period=period))
    tab = table_of(
        events, customer_col=customer_col, event_col=event_col, timestamp_col=timestamp_col
    )
    act = tab.select(_c=tab[customer_col], _p=_period_index(tab[timestamp_col], period)).distinct()
    first = act.group_by("_c").agg(_cohort=act._p.min())
    return act, first


def retention_cohorts(
    events: Any,
    *,
    period: str = "M",
    customer_col: str = "customer_id",
    event_col: str = "event",
    timestamp_col: str = "timestamp",
) -> pd.DataFrame:
    """Cohorts by the period a customer was first seen, and how many come back later.

    Parameters
    ----------
    events : DataFrame, Ibis table or path to a Parquet/CSV file
    period : {"D", "W", "M"}
        Day, week (Monday) or month.

    Returns
    -------
    DataFrame
        Long format: ``cohort`` (start of the first period), ``period`` (0 = the first period,
        1 = the next…), ``customers`` (active in that period), ``cohort_size`` and
        ``retention`` (customers / cohort_size). Use :func:`retention_matrix` for a table.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2, 3, 3],
    ...     "event": ["compra"] * 5,
    ...     "timestamp": pd.to_datetime(["2026-01-05", "2026-02-10", "2026-01-20",
    ...                                  "2026-02-01", "2026-03-01"])})
    >>> retention_cohorts(log)
          cohort  period  customers  cohort_size  retention
    0 2026-01-01       0          2            2        1.0
    1 2026-01-01       1          1            2        0.5
    2 2026-02-01       0          1            1        1.0
    3 2026-02-01       1          1            1        1.0
    """
    act, first = _activity(events, period, customer_col, event_col, timestamp_col)
    j = act.join(first, "_c")
    agg = j.group_by(_cohort=j._cohort, period=(j._p - j._cohort)).agg(customers=j.count())
    out = materialise(agg)
    if out.empty:
        return pd.DataFrame(
            {
                "cohort": pd.Series([], dtype="datetime64[us]"),
                "period": pd.Series([], dtype="int64"),
                "customers": pd.Series([], dtype="int64"),
                "cohort_size": pd.Series([], dtype="int64"),
                "retention": pd.Series([], dtype="float64"),
            }
        )
    out = out.sort_values(["_cohort", "period"]).reset_index(drop=True)
    size = out[out["period"] == 0].set_index("_cohort")["customers"]
    out["cohort_size"] = out["_cohort"].map(size).astype("int64")
    out["retention"] = out["customers"] / out["cohort_size"]
    out["cohort"] = _index_to_start(out["_cohort"], period)
    out["period"] = out["period"].astype("int64")
    out["customers"] = out["customers"].astype("int64")
    return out[["cohort", "period", "customers", "cohort_size", "retention"]]


def retention_matrix(cohorts: pd.DataFrame, *, value_col: str = "retention") -> pd.DataFrame:
    """Pivot :func:`retention_cohorts` into the classic triangle (cohorts × periods).

    >>> import pandas as pd
    >>> c = pd.DataFrame({"cohort": ["ene", "ene", "feb"], "period": [0, 1, 0],
    ...                   "customers": [2, 1, 1], "cohort_size": [2, 2, 1],
    ...                   "retention": [1.0, 0.5, 1.0]})
    >>> retention_matrix(c)  # doctest: +NORMALIZE_WHITESPACE
    period    0    1
    cohort
    ene     1.0  0.5
    feb     1.0  NaN
    """
    return cohorts.pivot(index="cohort", columns="period", values=value_col)


def retention_rate(start: float, end: float, new: float) -> float:
    """Retention rate (E − N) / S: customers at the end minus new ones, over those at the start.

    Source: the standard formula (REFERENCE.md). Returns a share (0.8 = 80 %).

    >>> retention_rate(start=200, end=210, new=30)
    0.9
    """
    if start <= 0:
        return float("nan")
    return (end - new) / start


def churn_rate(lost: float, start: float) -> float:
    """Churn rate: customers lost in the period / customers at the start (a share).

    >>> churn_rate(lost=20, start=200)
    0.1
    """
    if start <= 0:
        return float("nan")
    return lost / start


def period_retention(
    events: Any,
    *,
    period: str = "M",
    customer_col: str = "customer_id",
    event_col: str = "event",
    timestamp_col: str = "timestamp",
) -> pd.DataFrame:
    """Per period: active customers at the start (S), at the end (E), new (N), retention, churn.

    S is the number of customers active in the previous period, E those active in this period,
    N those active for the first time. ``retention = (E − N) / S`` (REFERENCE formula; it counts
    customers who come back after a pause as retained, so it can exceed the share of S still
    active), ``churn = lost / S`` where ``lost`` = customers of S not active in this period.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1, 2, 1, 3],
    ...     "event": ["compra"] * 4,
    ...     "timestamp": pd.to_datetime(["2026-01-05", "2026-01-07", "2026-02-03", "2026-02-04"])})
    >>> period_retention(log)[["period_start", "start", "end", "new", "lost", "retention", "churn"]]
      period_start  start  end  new  lost  retention  churn
    0   2026-01-01      0    2    2     0        NaN    NaN
    1   2026-02-01      2    2    1     1        0.5    0.5
    """
    act, first = _activity(events, period, customer_col, event_col, timestamp_col)
    j = act.join(first, "_c")
    per = j.group_by("_p").agg(end=j.count(), new=(j._p == j._cohort).sum())
    nxt = act.select(_c=act._c, _p=act._p + 1)
    kept = act.join(nxt, ["_c", "_p"])
    kept_n = kept.group_by("_p").agg(kept=kept.count())
    per_df = materialise(per)
    kept_df = materialise(kept_n)
    if per_df.empty:
        return pd.DataFrame(
            columns=["period_start", "start", "end", "new", "kept", "lost", "retention", "churn"]
        )
    lo, hi = int(per_df["_p"].min()), int(per_df["_p"].max())
    full = pd.DataFrame({"_p": np.arange(lo, hi + 1, dtype="int64")})
    full = full.merge(per_df, on="_p", how="left").merge(kept_df, on="_p", how="left")
    for col in ("end", "new", "kept"):
        full[col] = full[col].fillna(0).astype("int64")
    full["start"] = full["end"].shift(1).fillna(0).astype("int64")
    full["lost"] = full["start"] - full["kept"]
    with np.errstate(divide="ignore", invalid="ignore"):
        s = full["start"].to_numpy(dtype="float64")
        full["retention"] = np.where(s > 0, (full["end"] - full["new"]) / s, np.nan)
        full["churn"] = np.where(s > 0, full["lost"] / s, np.nan)
    full["period_start"] = _index_to_start(full["_p"], period)
    return full[
        ["period_start", "start", "end", "new", "kept", "lost", "retention", "churn"]
    ].reset_index(drop=True)
