"""Paths through the journey: transitions between events, top paths, Sankey links, next/previous.

Written as Ibis expressions (DuckDB by default, any Ibis backend unchanged).

Order of events: by timestamp; events of one customer with *equal* timestamps are ordered by event
name (alphabetically), so the result never depends on the row order of the input.
"""

from __future__ import annotations

from typing import Any

import ibis
import pandas as pd

from cjcourse.metrics._common import materialise, table_of

__all__ = ["next_actions", "path_links", "previous_actions", "top_paths", "transitions"]

END = "(fin)"
START = "(inicio)"


def _ordered(
    events: Any,
    *,
    customer_col: str,
    event_col: str,
    timestamp_col: str,
    session_col: str | None,
    collapse_repeats: bool,
):
    extra = [session_col] if session_col else []
    tab = table_of(
        events,
        customer_col=customer_col,
        event_col=event_col,
        timestamp_col=timestamp_col,
        extra_cols=extra,
    )
    part = [customer_col, *extra]
    base = tab.select(*part, _ev=tab[event_col].cast("string"), _ts=tab[timestamp_col])
    w = ibis.window(group_by=part, order_by=[base._ts, base._ev])
    if collapse_repeats:
        base = base.mutate(_prev=base._ev.lag().over(w))
        base = base.filter(base._prev.isnull() | (base._prev != base._ev)).drop("_prev")
        w = ibis.window(group_by=part, order_by=[base._ts, base._ev])
    return base, part, w


def transitions(
    events: Any,
    *,
    session_col: str | None = None,
    collapse_repeats: bool = False,
    include_end: bool = False,
    customer_col: str = "customer_id",
    event_col: str = "event",
    timestamp_col: str = "timestamp",
) -> pd.DataFrame:
    """Count every move from one event to the next one of the same customer.

    Parameters
    ----------
    events : DataFrame, Ibis table or path to a Parquet/CSV file
    session_col : str, optional
        If given, moves never cross from one session (visit) to another.
    collapse_repeats : bool
        Merge consecutive repeats (``ver_producto, ver_producto`` counts as one).
    include_end : bool
        Add a move to ``"(fin)"`` after the last event of each customer (or session).

    Returns
    -------
    DataFrame
        ``source``, ``target``, ``count`` (moves), ``customers`` (distinct customers who made the
        move) and ``share`` (count / all moves that leave ``source``), largest first.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1, 1, 1, 2, 2],
    ...     "event": ["visita", "ver_producto", "compra", "visita", "ver_producto"],
    ...     "timestamp": pd.to_datetime(["2026-01-01 10:00", "2026-01-01 10:01",
    ...         "2026-01-01 10:02", "2026-01-02 10:00", "2026-01-02 10:03"])})
    >>> transitions(log)[["source", "target", "count", "customers"]]
             source        target  count  customers
    0        visita  ver_producto      2          2
    1  ver_producto        compra      1          1
    """
    base, _part, w = _ordered(
        events,
        customer_col=customer_col,
        event_col=event_col,
        timestamp_col=timestamp_col,
        session_col=session_col,
        collapse_repeats=collapse_repeats,
    )
    moves = base.mutate(_next=base._ev.lead().over(w))
    if include_end:
        moves = moves.mutate(_next=moves._next.fill_null(END))
    else:
        moves = moves.filter(moves._next.notnull())
    # two stages (per customer, then per move) is cheaper than COUNT(DISTINCT) on big logs
    per = moves.group_by(customer_col, source=moves._ev, target=moves._next).agg(_n=moves.count())
    agg = per.group_by("source", "target").agg(count=per._n.sum(), customers=per.count())
    out = materialise(agg)
    out["share"] = out["count"] / out.groupby("source")["count"].transform("sum")
    out = out.sort_values(["count", "source", "target"], ascending=[False, True, True])
    return out.reset_index(drop=True)[["source", "target", "count", "customers", "share"]]


def _neighbours(events: Any, event: str, direction: str, **kwargs: Any) -> pd.DataFrame:
    base, _part, w = _ordered(events, collapse_repeats=False, **kwargs)
    other = base._ev.lead().over(w) if direction == "next" else base._ev.lag().over(w)
    filler = END if direction == "next" else START
    moves = base.mutate(_other=other.fill_null(filler))
    moves = moves.filter(moves._ev == event)
    customer_col = kwargs["customer_col"]
    per = moves.group_by(customer_col, action=moves._other).agg(_n=moves.count())
    agg = per.group_by("action").agg(count=per._n.sum(), customers=per.count())
    out = materialise(agg)
    out["share"] = out["count"] / out["count"].sum() if len(out) else []
    out = out.sort_values(["count", "action"], ascending=[False, True])
    return out.reset_index(drop=True)


def next_actions(
    events: Any,
    event: str,
    *,
    session_col: str | None = None,
    customer_col: str = "customer_id",
    event_col: str = "event",
    timestamp_col: str = "timestamp",
) -> pd.DataFrame:
    """What customers do right after ``event`` (``"(fin)"``: nothing more).

    Returns
    -------
    DataFrame
        ``action``, ``count``, ``customers``, ``share`` (of all occurrences of ``event``).

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2, 2, 3],
    ...     "event": ["carrito", "compra", "carrito", "visita", "carrito"],
    ...     "timestamp": pd.to_datetime(["2026-01-01 10:00", "2026-01-01 10:01",
    ...         "2026-01-01 10:00", "2026-01-01 11:00", "2026-01-01 09:00"])})
    >>> next_actions(log, "carrito")[["action", "count"]]
       action  count
    0   (fin)      1
    1  compra      1
    2  visita      1
    """
    return _neighbours(
        events,
        event,
        "next",
        customer_col=customer_col,
        event_col=event_col,
        timestamp_col=timestamp_col,
        session_col=session_col,
    )


def previous_actions(
    events: Any,
    event: str,
    *,
    session_col: str | None = None,
    customer_col: str = "customer_id",
    event_col: str = "event",
    timestamp_col: str = "timestamp",
) -> pd.DataFrame:
    """What customers did right before ``event`` (``"(inicio)"``: it was their first event).

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2],
    ...     "event": ["visita", "compra", "compra"],
    ...     "timestamp": pd.to_datetime(["2026-01-01 10:00", "2026-01-01 10:01", "2026-01-01 10:00"])})
    >>> previous_actions(log, "compra")[["action", "count"]]
         action  count
    0  (inicio)      1
    1    visita      1
    """
    return _neighbours(
        events,
        event,
        "previous",
        customer_col=customer_col,
        event_col=event_col,
        timestamp_col=timestamp_col,
        session_col=session_col,
    )


def top_paths(
    events: Any,
    *,
    max_steps: int = 5,
    top: int = 10,
    collapse_repeats: bool = True,
    session_col: str | None = None,
    customer_col: str = "customer_id",
    event_col: str = "event",
    timestamp_col: str = "timestamp",
) -> pd.DataFrame:
    """The most common sequences of the first ``max_steps`` events per customer (or session).

    Returns
    -------
    DataFrame
        ``path`` (events joined by " → "), ``customers``, ``share``.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2, 2, 3],
    ...     "event": ["visita", "compra", "visita", "compra", "visita"],
    ...     "timestamp": pd.to_datetime(["2026-01-01"] * 5) + pd.to_timedelta([0, 1, 0, 1, 0], "h")})
    >>> top_paths(log)
                  path  customers     share
    0  visita → compra          2  0.666667
    1           visita          1  0.333333
    """
    base, part, w = _ordered(
        events,
        customer_col=customer_col,
        event_col=event_col,
        timestamp_col=timestamp_col,
        session_col=session_col,
        collapse_repeats=collapse_repeats,
    )
    ranked = base.mutate(_rn=ibis.row_number().over(w))
    ranked = ranked.filter(ranked._rn < max_steps)
    per = ranked.group_by(part).agg(path=ranked._ev.group_concat(" → ", order_by=[ranked._rn]))
    agg = per.group_by("path").agg(customers=per.count())
    out = materialise(agg)
    total = out["customers"].sum()
    out["share"] = out["customers"] / total if total else []
    out = out.sort_values(["customers", "path"], ascending=[False, True]).head(top)
    return out.reset_index(drop=True)


def path_links(
    events: Any,
    *,
    max_steps: int = 4,
    collapse_repeats: bool = True,
    session_col: str | None = None,
    customer_col: str = "customer_id",
    event_col: str = "event",
    timestamp_col: str = "timestamp",
) -> pd.DataFrame:
    """Links for a Sankey diagram: the *n*-th event → the (*n*+1)-th event of each customer.

    Node names carry the position (``"1. visita"``), so the diagram flows left to right.

    Returns
    -------
    DataFrame
        ``step`` (position of the source), ``source``, ``target``, ``customers``.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2, 2],
    ...     "event": ["visita", "compra", "visita", "carrito"],
    ...     "timestamp": pd.to_datetime(["2026-01-01"] * 4) + pd.to_timedelta([0, 1, 0, 1], "h")})
    >>> path_links(log)
       step     source      target  customers
    0     1  1. visita  2. carrito          1
    1     1  1. visita   2. compra          1
    """
    base, _part, w = _ordered(
        events,
        customer_col=customer_col,
        event_col=event_col,
        timestamp_col=timestamp_col,
        session_col=session_col,
        collapse_repeats=collapse_repeats,
    )
    ranked = base.mutate(_rn=ibis.row_number().over(w) + 1, _next=base._ev.lead().over(w))
    ranked = ranked.filter(ranked._next.notnull() & (ranked._rn < max_steps))
    agg = ranked.group_by(step=ranked._rn, _s=ranked._ev, _t=ranked._next).agg(
        customers=ranked.count()
    )
    out = materialise(agg)
    out["source"] = out["step"].astype(str) + ". " + out["_s"].astype(str)
    out["target"] = (out["step"] + 1).astype(str) + ". " + out["_t"].astype(str)
    out = out.sort_values(
        ["step", "customers", "source", "target"], ascending=[True, False, True, True]
    )
    return out.reset_index(drop=True)[["step", "source", "target", "customers"]]
