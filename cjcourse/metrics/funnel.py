"""Conversion funnels (closed and open) and the time it takes to go through them.

Written as Ibis expressions: they run on DuckDB by default and unchanged on other Ibis backends.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ibis
import numpy as np
import pandas as pd

from cjcourse.events import EventLogError, _distinct_events, check_steps
from cjcourse.i18n import t
from cjcourse.metrics._common import as_list, materialise, table_of, window_seconds

__all__ = ["funnel", "funnel_rates", "funnel_times"]

_MODES = ("closed", "open")


def _step_events(tab: Any, steps: Sequence[str], key: list[str], event_col: str, ts_col: str):
    ev = tab.filter(tab[event_col].isin(list(steps)))
    return ev.select(*key, _ev=ev[event_col], _ts=ev[ts_col])


def _closed_chain(ev: Any, steps: Sequence[str], key: list[str], window_s: float | None):
    """Per step, the table (key, _t0, _tprev, _t) of customers who reached it in order.

    Greedy: the earliest time of step i at or after the time of step i−1 (equal timestamps count as
    in order). Greedy is optimal: reaching a step earlier never closes a door later.
    """
    first = ev.filter(ev._ev == steps[0]).group_by(key).agg(_t=ev._ts.min())
    reached = [first.mutate(_t0=first._t, _tprev=first._t)]
    for step in steps[1:]:
        prev = reached[-1]
        cand = ev.filter(ev._ev == step)
        j = prev.select(*key, _t0=prev._t0, _tp=prev._t).join(cand, key)
        cond = j._ts >= j._tp
        if window_s is not None:
            cond &= j._ts <= j._t0 + ibis.interval(seconds=round(window_s))
        ok = j.filter(cond)
        # _t0 and _tp are constant per customer: aggregate them instead of grouping by them
        nxt = ok.group_by(key).agg(_t0=ok._t0.min(), _tprev=ok._tp.min(), _t=ok._ts.min())
        reached.append(nxt)
    return reached


def funnel_rates(counts: pd.DataFrame, steps: Sequence[str], by: list[str]) -> pd.DataFrame:
    """Add the rates to per-step counts (columns by…, step_index, customers, proceeded).

    The last step of :func:`funnel`, public so that the funnel widget can rate counts it
    filtered itself with exactly the same formulas (conversion from start and from the
    previous step, drop-off).
    """
    step_frame = pd.DataFrame({"step_index": np.arange(1, len(steps) + 1), "step": list(steps)})
    if by:
        groups = counts[by].drop_duplicates()
        full = groups.merge(step_frame, how="cross")
    else:
        full = step_frame
    out = full.merge(counts, on=[*by, "step_index"], how="left")
    out["customers"] = out["customers"].fillna(0).astype("int64")
    out["proceeded"] = out["proceeded"].fillna(0).astype("int64")
    out = out.sort_values([*by, "step_index"], kind="stable").reset_index(drop=True)
    grp = out.groupby(by, sort=False, observed=True) if by else None
    start = (
        grp["customers"].transform("first") if by else out["customers"].iloc[0] if len(out) else 0
    )
    prev = grp["customers"].shift(1) if by else out["customers"].shift(1)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["conversion_from_start"] = np.where(start > 0, out["customers"] / start, np.nan)
        prev_f = prev.astype("float64")
        rate = np.where(prev_f > 0, out["proceeded"] / prev_f, np.nan)
    first_row = out["step_index"] == 1
    out["conversion_from_previous"] = np.where(
        first_row, np.where(out["customers"] > 0, 1.0, np.nan), rate
    )
    out["dropoff"] = 1.0 - out["conversion_from_previous"]
    out["dropoff_customers"] = np.where(first_row, 0, prev.fillna(0) - out["proceeded"]).astype(
        "int64"
    )
    cols = [
        *by,
        "step_index",
        "step",
        "customers",
        "conversion_from_start",
        "conversion_from_previous",
        "dropoff",
        "dropoff_customers",
    ]
    return out[cols]


def funnel(
    events: Any,
    steps: Sequence[str],
    *,
    mode: str = "closed",
    window: Any = None,
    by: str | Sequence[str] | None = None,
    customer_col: str = "customer_id",
    event_col: str = "event",
    timestamp_col: str = "timestamp",
) -> pd.DataFrame:
    """Customers at every step of a funnel, with conversion and drop-off rates.

    Parameters
    ----------
    events : DataFrame, Ibis table, or path to a Parquet/CSV file
        The event log (one row per event).
    steps : sequence of str
        Event names in funnel order, all different.
    mode : {"closed", "open"}
        ``"closed"``: a customer counts at step *i* only if they did steps 1…*i* in this order
        (the window, if any, counts from their first time at step 1). Equal timestamps count as
        in order. ``"open"`` (GA4 semantics): a customer counts at every step they did, and may
        enter the funnel at any step; ``conversion_from_previous`` is then the share of customers
        at step *i−1* who did step *i* afterwards (at or after their first time at step *i−1*).
    window : number of days, str or Timedelta, optional
        Closed funnels only: the whole funnel must be completed within this time from step 1.
    by : str or list of str, optional
        Columns to split by (``"device"``, ``"segment"``…). The funnel is computed separately on
        the events of each group (a journey that changes device counts in neither).
    customer_col, event_col, timestamp_col : str
        Column names of the event log.

    Returns
    -------
    DataFrame
        One row per step (per group): ``step_index``, ``step``, ``customers``,
        ``conversion_from_start`` (customers / customers at step 1), ``conversion_from_previous``
        (share of customers at the previous step who reached this one; 1 at step 1),
        ``dropoff`` (1 − conversion_from_previous) and ``dropoff_customers``.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "customer_id": [1, 1, 1, 2, 2, 3],
    ...     "event": ["visita", "carrito", "compra", "visita", "compra", "carrito"],
    ...     "timestamp": pd.to_datetime(["2026-01-01 10:00", "2026-01-01 10:05",
    ...         "2026-01-01 10:09", "2026-01-02 09:00", "2026-01-02 09:30", "2026-01-03 08:00"])})
    >>> funnel(log, ["visita", "carrito", "compra"])[["step", "customers", "dropoff"]]
          step  customers  dropoff
    0   visita          2      0.0
    1  carrito          1      0.5
    2   compra          1      0.0
    >>> funnel(log, ["visita", "carrito", "compra"], mode="open")["customers"].tolist()
    [2, 2, 2]
    """
    if mode not in _MODES:
        raise EventLogError(t("metrics.bad_mode", mode=mode))
    window_s = window_seconds(window)
    if mode == "open" and window_s is not None:
        raise EventLogError(t("metrics.window_open"))
    by = as_list(by)
    check_steps(list(steps), steps, event_col=event_col)  # empty or repeated steps
    tab = table_of(
        events,
        customer_col=customer_col,
        event_col=event_col,
        timestamp_col=timestamp_col,
        extra_cols=by,
        steps=None,  # checked below, only if a step is empty (saves a scan)
    )
    by = [b for b in by if b != customer_col]
    key = [customer_col, *by]
    ev = _step_events(tab, steps, key, event_col, timestamp_col)
    if mode == "closed":
        reached = _closed_chain(ev, steps, key, window_s)
        parts = []
        for i, r in enumerate(reached, start=1):
            agg = r.group_by(by).agg(customers=r.count()) if by else r.agg(customers=r.count())
            parts.append(agg.mutate(step_index=ibis.literal(i, "int64")))
        counts = materialise(ibis.union(*parts))
        counts["proceeded"] = counts["customers"]
    else:
        aggs = {}
        for i, step in enumerate(steps, start=1):
            aggs[f"_f{i}"] = ev._ts.min(where=ev._ev == step)
            aggs[f"_l{i}"] = ev._ts.max(where=ev._ev == step)
        per = ev.group_by(key).agg(**aggs)
        metrics = {}
        for i in range(1, len(steps) + 1):
            metrics[f"c{i}"] = per[f"_f{i}"].notnull().sum()
            if i > 1:
                metrics[f"p{i}"] = (
                    (per[f"_f{i - 1}"].notnull() & (per[f"_l{i}"] >= per[f"_f{i - 1}"]))
                    .fill_null(False)
                    .sum()
                )
        wide = materialise(per.group_by(by).agg(**metrics) if by else per.agg(**metrics))
        rows = []
        for _, row in wide.iterrows():
            for i in range(1, len(steps) + 1):
                rec = {b: row[b] for b in by}
                c = row[f"c{i}"]
                rec.update(
                    step_index=i,
                    customers=0 if pd.isna(c) else int(c),
                    proceeded=(0 if pd.isna(c) else int(c))
                    if i == 1
                    else int(0 if pd.isna(row[f"p{i}"]) else row[f"p{i}"]),
                )
                rows.append(rec)
        counts = pd.DataFrame(rows, columns=[*by, "step_index", "customers", "proceeded"])
    if counts.empty and not by:
        counts = pd.DataFrame({"step_index": [1], "customers": [0], "proceeded": [0]})
    if by:
        counts = counts.dropna(subset=by) if len(counts) else counts
    out = funnel_rates(counts, steps, by)
    if (out["customers"] == 0).any():
        # a step nobody reached: explain it if the name does not exist at all
        check_steps(_known_events(events, tab, event_col), steps, event_col=event_col)
    return out


def _known_events(events: Any, tab: Any, event_col: str) -> list[str]:
    if isinstance(events, pd.DataFrame):
        return [str(v) for v in pd.unique(events[event_col].dropna())]
    return _distinct_events(tab, event_col)


def funnel_times(
    events: Any,
    steps: Sequence[str],
    *,
    window: Any = None,
    by: str | Sequence[str] | None = None,
    quantiles: Sequence[float] = (0.25, 0.5, 0.75, 0.9),
    customer_col: str = "customer_id",
    event_col: str = "event",
    timestamp_col: str = "timestamp",
) -> pd.DataFrame:
    """How long customers take to reach every step of a closed funnel, in hours.

    Uses the same closed-funnel rule as :func:`funnel` (in order, equal timestamps count as in
    order, window from step 1). Only customers who reached the step count (the others are not
    "slow", they did not arrive: for them use a survival curve).

    Returns
    -------
    DataFrame
        One row per step from the second (per group): ``step_index``, ``step``, ``customers``,
        ``mean_hours_from_previous``, ``hours_from_previous_p25`` … and
        ``hours_from_start_p50`` … (one column per quantile; p50 is the median).

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({
    ...     "customer_id": [1, 1, 2, 2],
    ...     "event": ["visita", "compra", "visita", "compra"],
    ...     "timestamp": pd.to_datetime(["2026-01-01 10:00", "2026-01-01 12:00",
    ...                                  "2026-01-01 10:00", "2026-01-01 14:00"])})
    >>> funnel_times(log, ["visita", "compra"])[["step", "customers", "hours_from_start_p50"]]
         step  customers  hours_from_start_p50
    0  compra          2                   3.0
    """
    for q in quantiles:
        if not 0 <= q <= 1:
            raise EventLogError(t("metrics.bad_quantile", q=q))
    by = as_list(by)
    window_s = window_seconds(window)
    tab = table_of(
        events,
        customer_col=customer_col,
        event_col=event_col,
        timestamp_col=timestamp_col,
        extra_cols=by,
        steps=steps,
    )
    key = [customer_col, *by]
    ev = _step_events(tab, steps, key, event_col, timestamp_col)
    reached = _closed_chain(ev, steps, key, window_s)
    parts = []
    for i, r in enumerate(reached[1:], start=2):
        d_prev = (r._t.epoch_seconds() - r._tprev.epoch_seconds()) / 3600.0
        d_start = (r._t.epoch_seconds() - r._t0.epoch_seconds()) / 3600.0
        aggs = {"customers": r.count(), "mean_hours_from_previous": d_prev.mean()}
        for q in quantiles:
            name = f"p{round(q * 100):02d}"
            aggs[f"hours_from_previous_{name}"] = d_prev.quantile(q)
        for q in quantiles:
            name = f"p{round(q * 100):02d}"
            aggs[f"hours_from_start_{name}"] = d_start.quantile(q)
        agg = r.group_by(by).agg(**aggs) if by else r.agg(**aggs)
        parts.append(agg.mutate(step_index=ibis.literal(i, "int64")))
    if not parts:
        return pd.DataFrame(columns=[*by, "step_index", "step", "customers"])
    out = materialise(ibis.union(*parts))
    out = out[out["customers"] > 0] if not by else out.dropna(subset=by)
    out.insert(0, "step", [steps[i - 1] for i in out["step_index"]])
    cols = [*by, "step_index", "step"] + [
        c for c in out.columns if c not in (*by, "step_index", "step")
    ]
    return out[cols].sort_values([*by, "step_index"]).reset_index(drop=True)
