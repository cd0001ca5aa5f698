"""Attribution: which channels get the credit for the conversions.

Rule-based models (first touch, last touch, linear, time-decay, position-based 40/20/40) and the
data-driven Markov-chain removal effect. pandas/numpy (vectorised; the journeys are materialised
from any input with only the four columns needed).

Journeys: the touches of a customer since their previous conversion (or since the start), up to
the conversion. A touch with the *same timestamp* as the conversion counts for it. Touches after
the last conversion form a journey that did not convert (used by the Markov model). Conversions
without any touch are credited to ``"(sin contacto)"`` so that credits always add up to the
number of conversions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from cjcourse.events import EventLogError
from cjcourse.i18n import t
from cjcourse.metrics._common import to_pandas_columns, window_seconds

__all__ = ["MODELS", "attribution", "attribution_comparison", "markov_attribution"]

MODELS = ("first_touch", "last_touch", "linear", "time_decay", "position_based")
NO_TOUCH = "(sin contacto)"


def _journeys(
    events: Any,
    *,
    conversion_event: str,
    touch_events: Sequence[str] | None,
    channel_col: str,
    revenue_col: str | None,
    lookback: Any,
    customer_col: str,
    event_col: str,
    timestamp_col: str,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(touches, conversions): touches carry journey id, position, count, seconds to conversion.

    Raises :class:`EventLogError` (Spanish, naming the event and column) when nothing converts.
    """
    cols = [customer_col, event_col, timestamp_col, channel_col]
    if revenue_col:
        cols.append(revenue_col)
    df = to_pandas_columns(
        events,
        cols,
        customer_col=customer_col,
        event_col=event_col,
        timestamp_col=timestamp_col,
        extra_cols=[channel_col] + ([revenue_col] if revenue_col else []),
    )
    ev = df[event_col].astype(str)
    is_conv = (ev == conversion_event).to_numpy()
    is_touch = (
        ~is_conv if touch_events is None else ev.isin(list(touch_events)).to_numpy() & ~is_conv
    )
    keep = is_conv | is_touch
    df = df.loc[keep]
    conv = is_conv[keep].astype(np.int8)
    cust = pd.factorize(df[customer_col])[0]
    ts = df[timestamp_col].to_numpy().astype("datetime64[us]").astype(np.int64)
    # order: customer, time, touches before a conversion at the same time
    order = np.lexsort((conv, ts, cust))
    cust, ts, conv = cust[order], ts[order], conv[order]
    chan = df[channel_col].astype(str).to_numpy()[order]
    rev = df[revenue_col].to_numpy(dtype="float64")[order] if revenue_col else None
    n = len(cust)
    new_cust = np.r_[True, cust[1:] != cust[:-1]] if n else np.zeros(0, bool)
    # a journey starts with a new customer or right after a conversion of the same customer
    starts = new_cust | np.r_[False, conv[:-1] == 1] if n else new_cust
    jid = np.cumsum(starts) - 1
    conv_rows = conv == 1
    conversions = pd.DataFrame(
        {
            "journey": jid[conv_rows],
            "ts": ts[conv_rows],
            "revenue": rev[conv_rows] if rev is not None else np.ones(conv_rows.sum()),
        }
    )
    touch_rows = ~conv_rows
    touches = pd.DataFrame(
        {"journey": jid[touch_rows], "ts": ts[touch_rows], "channel": chan[touch_rows]}
    )
    conv_ts = pd.Series(conversions["ts"].to_numpy(), index=conversions["journey"].to_numpy())
    touches["conv_ts"] = touches["journey"].map(conv_ts)
    touches["converted"] = touches["conv_ts"].notna()
    lb = window_seconds(lookback)
    if lb is not None:
        too_old = touches["converted"] & (touches["conv_ts"] - touches["ts"] > lb * 1e6)
        touches = touches.loc[~too_old]
    g = touches.groupby("journey", sort=False)
    touches["pos"] = g.cumcount()
    touches["n"] = g["ts"].transform("size")
    if conversions.empty:
        raise EventLogError(t("metrics.no_conversions", event=conversion_event, column=event_col))
    return touches.reset_index(drop=True), conversions


def _credits(
    touches: pd.DataFrame,
    model: str,
    half_life_days: float,
    position_weights: tuple[float, float, float],
) -> np.ndarray:
    pos, n = touches["pos"].to_numpy(), touches["n"].to_numpy()
    if model == "first_touch":
        return (pos == 0).astype(float)
    if model == "last_touch":
        return (pos == n - 1).astype(float)
    if model == "linear":
        return 1.0 / n
    if model == "time_decay":
        age_days = (touches["conv_ts"].to_numpy() - touches["ts"].to_numpy()) / 86_400e6
        w = np.power(0.5, age_days / half_life_days)
        return (
            w
            / touches.assign(_w=w).groupby("journey", sort=False)["_w"].transform("sum").to_numpy()
        )
    if model == "position_based":
        f, m, l_ = position_weights
        first, last = pos == 0, pos == n - 1
        c = np.where(n == 1, 1.0, 0.0)
        c = np.where((n == 2) & first, f / (f + l_), c)
        c = np.where((n == 2) & last, l_ / (f + l_), c)
        mid = m / np.maximum(n - 2, 1)
        c = np.where((n >= 3) & first, f, c)
        c = np.where((n >= 3) & last, l_, c)
        c = np.where((n >= 3) & ~first & ~last, mid, c)
        return c
    raise EventLogError(t("metrics.bad_model", model=model, models=", ".join(MODELS)))


def attribution(
    events: Any,
    *,
    model: str = "linear",
    conversion_event: str = "compra",
    touch_events: Sequence[str] | None = None,
    channel_col: str = "channel",
    revenue_col: str | None = None,
    lookback: Any = None,
    half_life_days: float = 7.0,
    position_weights: tuple[float, float, float] = (0.4, 0.2, 0.4),
    customer_col: str = "customer_id",
    event_col: str = "event",
    timestamp_col: str = "timestamp",
) -> pd.DataFrame:
    """Share out every conversion among the channels of the touches before it.

    Parameters
    ----------
    events : DataFrame, Ibis table or path
    model : {"first_touch", "last_touch", "linear", "time_decay", "position_based"}
        ``time_decay``: weight 2^(−days before the conversion / half_life_days).
        ``position_based``: 40 % first, 40 % last, 20 % shared by the middle (50/50 with two
        touches, 100 % with one); change it with ``position_weights``.
    conversion_event : str
        Event that counts as a conversion.
    touch_events : list of str, optional
        Events that are touches (e.g. ``["visita"]``); default: every other event.
    revenue_col : str, optional
        Also share out the revenue of each conversion.
    lookback : days, str or Timedelta, optional
        Ignore touches older than this before the conversion.

    Returns
    -------
    DataFrame
        ``channel, conversions`` (credited, fractional), ``share`` and, with ``revenue_col``,
        ``revenue``; the conversions add up to the number of conversions.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1, 1, 1],
    ...     "event": ["visita", "visita", "compra"], "channel": ["sem", "email", "email"],
    ...     "timestamp": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-03"])})
    >>> attribution(log, model="first_touch")[["channel", "conversions"]]
      channel  conversions
    0     sem          1.0
    1   email          0.0
    """
    if model not in MODELS:
        raise EventLogError(t("metrics.bad_model", model=model, models=", ".join(MODELS)))
    touches, conversions = _journeys(
        events,
        conversion_event=conversion_event,
        touch_events=touch_events,
        channel_col=channel_col,
        revenue_col=revenue_col,
        lookback=lookback,
        customer_col=customer_col,
        event_col=event_col,
        timestamp_col=timestamp_col,
    )
    conv_t = touches[touches["converted"]].copy()
    conv_t["credit"] = _credits(conv_t, model, half_life_days, position_weights)
    rev = pd.Series(conversions["revenue"].to_numpy(), index=conversions["journey"].to_numpy())
    conv_t["rev_credit"] = conv_t["credit"] * conv_t["journey"].map(rev).to_numpy()
    out = conv_t.groupby("channel", sort=False).agg(
        conversions=("credit", "sum"), revenue=("rev_credit", "sum")
    )
    untouched = ~conversions["journey"].isin(conv_t["journey"].unique())
    if untouched.any():
        out.loc[NO_TOUCH] = [
            float(untouched.sum()),
            float(conversions.loc[untouched, "revenue"].sum()),
        ]
    all_channels = pd.Index(touches["channel"].unique())
    out = out.reindex(out.index.union(all_channels, sort=False), fill_value=0.0)
    out = out.reset_index(names="channel")
    out["share"] = out["conversions"] / len(conversions)
    out = out.sort_values(["conversions", "channel"], ascending=[False, True]).reset_index(
        drop=True
    )
    cols = ["channel", "conversions", "share"] + (["revenue"] if revenue_col else [])
    return out[cols]


def attribution_comparison(
    events: Any, *, models: Sequence[str] = MODELS, **kwargs: Any
) -> pd.DataFrame:
    """Conversions credited to every channel under several models, side by side (+ ``markov``).

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1, 1, 1],
    ...     "event": ["visita", "visita", "compra"], "channel": ["sem", "email", "email"],
    ...     "timestamp": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-03"])})
    >>> attribution_comparison(log, models=["first_touch", "last_touch"]).round(2)
    ... # doctest: +NORMALIZE_WHITESPACE
             first_touch  last_touch  markov
    channel
    email            0.0         1.0     0.5
    sem              1.0         0.0     0.5
    """
    cols = {}
    for m in models:
        res = attribution(events, model=m, **kwargs)
        cols[m] = res.set_index("channel")["conversions"]
    mk = {k: v for k, v in kwargs.items() if k not in ("half_life_days", "position_weights")}
    cols["markov"] = markov_attribution(events, **mk).set_index("channel")["conversions"]
    out = pd.DataFrame(cols).fillna(0.0).sort_index()
    out.index.name = "channel"
    return out


def _conversion_probability(counts: np.ndarray, n_t: int, removed: int | None) -> float:
    """Absorption probability in 'conversion' from 'start' (state 0).

    ``counts``: (n_t, n_t + 2) transition counts from the transient states (0 = start, 1.. =
    channels) to transient states, then conversion, then null.
    """
    c = counts.astype(float).copy()
    if removed is not None:
        # every move into the removed channel goes to null instead
        c[:, n_t + 1] += c[:, removed]
        c[:, removed] = 0.0
        c[removed, :] = 0.0
        c[removed, n_t + 1] = 1.0
    rows = c.sum(axis=1, keepdims=True)
    rows[rows == 0] = 1.0
    P = c / rows
    Q, R = P[:, :n_t], P[:, n_t:]
    B = np.linalg.solve(np.eye(n_t) - Q, R)
    return float(B[0, 0])


def markov_attribution(
    events: Any,
    *,
    conversion_event: str = "compra",
    touch_events: Sequence[str] | None = None,
    channel_col: str = "channel",
    revenue_col: str | None = None,
    lookback: Any = None,
    customer_col: str = "customer_id",
    event_col: str = "event",
    timestamp_col: str = "timestamp",
) -> pd.DataFrame:
    """Markov-chain attribution by removal effect (first-order chain over channels).

    The chain has the states start → channels → conversion | null, estimated from all journeys
    (converting or not). The removal effect of a channel is the relative drop of the conversion
    probability when that channel disappears (its visitors are lost); conversions are shared in
    proportion to the removal effects.

    Returns
    -------
    DataFrame
        ``channel, removal_effect, conversions, share`` (conversions add up to the total).

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1, 1, 2, 3],
    ...     "event": ["visita", "compra", "visita", "visita"],
    ...     "channel": ["sem", "sem", "sem", "email"],
    ...     "timestamp": pd.to_datetime(["2026-01-01", "2026-01-02", "2026-01-01", "2026-01-01"])})
    >>> markov_attribution(log)[["channel", "removal_effect", "conversions"]]
      channel  removal_effect  conversions
    0     sem             1.0          1.0
    1   email             0.0          0.0
    """
    touches, conversions = _journeys(
        events,
        conversion_event=conversion_event,
        touch_events=touch_events,
        channel_col=channel_col,
        revenue_col=revenue_col,
        lookback=lookback,
        customer_col=customer_col,
        event_col=event_col,
        timestamp_col=timestamp_col,
    )
    channels = sorted(touches["channel"].unique())
    n_ch = len(channels)
    n_t = n_ch + 1
    code = pd.Categorical(touches["channel"], categories=channels).codes.astype(np.int64) + 1
    pos, n = touches["pos"].to_numpy(), touches["n"].to_numpy()
    conv = touches["converted"].to_numpy()
    counts = np.zeros((n_t, n_t + 2))
    first = pos == 0
    np.add.at(counts, (np.zeros(first.sum(), np.int64), code[first]), 1)
    inner = pos < n - 1
    nxt = np.r_[code[1:], 0]
    np.add.at(counts, (code[inner], nxt[inner]), 1)
    last = pos == n - 1
    np.add.at(counts, (code[last], np.where(conv[last], n_t, n_t + 1)), 1)
    touched_conversions = int(touches.loc[touches["converted"], "journey"].nunique())
    base = _conversion_probability(counts, n_t, None) if n_ch else 0.0
    effects = []
    for i in range(1, n_t):
        p = _conversion_probability(counts, n_t, i)
        effects.append(1 - p / base if base > 0 else 0.0)
    eff = np.array(effects)
    total = eff.sum()
    credit = eff / total * touched_conversions if total > 0 else np.zeros(n_ch)
    out = pd.DataFrame({"channel": channels, "removal_effect": eff, "conversions": credit})
    untouched = len(conversions) - touched_conversions
    if untouched:
        out = pd.concat(
            [
                out,
                pd.DataFrame(
                    {
                        "channel": [NO_TOUCH],
                        "removal_effect": [np.nan],
                        "conversions": [float(untouched)],
                    }
                ),
            ],
            ignore_index=True,
        )
    out["share"] = out["conversions"] / len(conversions)
    return out.sort_values(["conversions", "channel"], ascending=[False, True]).reset_index(
        drop=True
    )
