"""Service and checkout rates: cart abandonment and first-contact resolution (FCR).

``cart_abandonment`` is an Ibis expression; ``first_contact_resolution`` is pandas.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from cjcourse.events import check_columns
from cjcourse.metrics._common import as_list, materialise, table_of
from cjcourse.metrics.satisfaction import wilson_interval

__all__ = ["cart_abandonment", "first_contact_resolution"]


def cart_abandonment(
    events: Any,
    *,
    cart_event: str = "carrito",
    purchase_event: str = "compra",
    unit_col: str = "session_id",
    by: str | Sequence[str] | None = None,
    customer_col: str = "customer_id",
    event_col: str = "event",
    timestamp_col: str = "timestamp",
) -> pd.DataFrame:
    """Tasa de abandono del carrito: 1 − pedidos / carritos creados (not checkout abandonment).

    A cart is a unit (by default a session) with at least one ``cart_event``; it became an order
    if the same unit also has a ``purchase_event``. Use ``unit_col="customer_id"`` to count per
    customer instead (then say so: the rate changes).

    Returns
    -------
    DataFrame
        ``carts, orders, abandonment, ci_low, ci_high`` (shares, Wilson interval).

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2, 3, 3], "session_id": [1, 1, 2, 3, 3],
    ...     "event": ["carrito", "compra", "carrito", "carrito", "carrito"],
    ...     "timestamp": pd.to_datetime(["2026-01-01"] * 5)})
    >>> cart_abandonment(log)[["carts", "orders", "abandonment"]].round(3)
       carts  orders  abandonment
    0      3       1        0.667
    """
    by = as_list(by)
    tab = table_of(
        events,
        customer_col=customer_col,
        event_col=event_col,
        timestamp_col=timestamp_col,
        extra_cols=[unit_col, *by],
    )
    ev = tab.filter(tab[event_col].isin([cart_event, purchase_event]) & tab[unit_col].notnull())
    keys = list(dict.fromkeys([unit_col, *by]))
    per = ev.group_by(keys).agg(
        _cart=(ev[event_col] == cart_event).any(), _buy=(ev[event_col] == purchase_event).any()
    )
    per = per.filter(per._cart)
    metrics = {"carts": per.count(), "orders": per._buy.cast("int64").sum()}
    out = materialise(per.group_by(by).agg(**metrics) if by else per.agg(**metrics))
    out["orders"] = out["orders"].fillna(0).astype("int64")
    out["carts"] = out["carts"].astype("int64")
    out["abandonment"] = 1 - out["orders"] / out["carts"].where(out["carts"] > 0)
    cis = [wilson_interval(c - o, c) for c, o in zip(out["carts"], out["orders"], strict=True)]
    out["ci_low"] = [c[0] for c in cis]
    out["ci_high"] = [c[1] for c in cis]
    return out.sort_values(by).reset_index(drop=True) if by else out


def first_contact_resolution(
    support: pd.DataFrame,
    *,
    resolved_col: str = "resolved_first_contact",
    by: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """FCR: contacts resolved at the first contact / all contacts, with a Wilson interval.

    State the repeat-contact window you used to decide ``resolved_col`` (REFERENCE.md); in the
    simulator a case is resolved at the first contact when it needed a single contact.

    Examples
    --------
    >>> import pandas as pd
    >>> out = first_contact_resolution(pd.DataFrame({"resolved_first_contact": [True, True, False, True]}))
    >>> out.round(1)
       n  resolved   fcr  ci_low  ci_high
    0  4         3  75.0    30.1     95.4
    """
    by = as_list(by)
    check_columns(support, resolved_col=resolved_col, by=by)
    groups = support.groupby(by, observed=True, sort=True) if by else [((), support)]
    rows = []
    for key, grp in groups:
        key = key if isinstance(key, tuple) else (key,)
        flags = grp[resolved_col].dropna().astype(bool)
        n, ok = len(flags), int(flags.sum())
        lo, hi = wilson_interval(ok, n)
        rows.append(
            {
                **dict(zip(by, key, strict=False)),
                "n": n,
                "resolved": ok,
                "fcr": 100 * ok / n if n else float("nan"),
                "ci_low": 100 * lo,
                "ci_high": 100 * hi,
            }
        )
    return pd.DataFrame(rows)
