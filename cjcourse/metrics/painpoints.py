"""Pain points: rank the stages of the journey by drop-off, time lost and (dis)satisfaction.

Combines :func:`~cjcourse.metrics.funnel` / :func:`~cjcourse.metrics.funnel_times` (Ibis) with
the survey answers per stage (pandas). Each component is scaled to 0–1 across the stages
(min–max: the worst stage gets 1) and the pain score is their weighted mean, ignoring a
component a stage has no data for.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from cjcourse.events import EventLogError, check_columns
from cjcourse.i18n import t
from cjcourse.metrics.funnel import funnel, funnel_times

__all__ = ["SCALES", "pain_points", "score_pain_points"]

#: Scale (low, high) of each survey, to put them all on 0–1.
SCALES: dict[str, tuple[int, int]] = {"nps": (0, 10), "csat": (1, 5), "ces": (1, 7)}


def _minmax(s: pd.Series) -> pd.Series:
    lo, hi = s.min(), s.max()
    if not np.isfinite(lo) or hi == lo:
        return s * 0.0
    return (s - lo) / (hi - lo)


def _check_weights(weights: Sequence[float]) -> np.ndarray:
    w = np.asarray(weights, dtype="float64")
    if w.shape != (3,) or (w < 0).any() or w.sum() == 0:
        raise EventLogError(t("metrics.bad_weights", weights=weights))
    return w


def pain_points(
    events: Any,
    stages: Sequence[str],
    *,
    surveys: pd.DataFrame | None = None,
    weights: tuple[float, float, float] = (1.0, 1.0, 1.0),
    stage_col: str = "stage",
    survey_col: str = "survey",
    score_col: str = "score",
    window: Any = None,
    customer_col: str = "customer_id",
    timestamp_col: str = "timestamp",
) -> pd.DataFrame:
    """Rank journey stages by how much they hurt.

    Parameters
    ----------
    events : DataFrame, Ibis table or path
        Event log with a stage column (``stage_col``).
    stages : sequence of str
        Stages in journey order, e.g. ``["conciencia", "consideración", "decisión", "compra"]``.
    surveys : DataFrame, optional
        Answers with ``stage_col``, ``survey_col`` ("nps"/"csat"/"ces") and ``score_col``; each
        answer is put on 0–1 with :data:`SCALES` and averaged per stage.
    weights : (dropoff, time, dissatisfaction)
        Weights of the three components.

    Returns
    -------
    DataFrame
        ``stage, customers, dropoff, median_hours_from_previous, satisfaction, responses,
        pain_score, rank`` (rank 1 = the worst pain point), in journey order.

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1, 1, 1, 2, 2, 3],
    ...     "stage": ["conciencia", "decisión", "compra", "conciencia", "decisión", "conciencia"],
    ...     "timestamp": pd.to_datetime(["2026-01-01 10:00", "2026-01-01 11:00",
    ...         "2026-01-01 11:10", "2026-01-02 10:00", "2026-01-02 13:00", "2026-01-03 10:00"])})
    >>> sv = pd.DataFrame({"stage": ["decisión", "compra"], "survey": ["csat", "csat"],
    ...                    "score": [2, 5]})
    >>> pain_points(log, ["conciencia", "decisión", "compra"], surveys=sv)[["stage", "rank"]]
            stage  rank
    0  conciencia     3
    1    decisión     1
    2      compra     2
    """
    w = _check_weights(weights)  # before any work: a bad weight is reported at once
    kw = {"customer_col": customer_col, "event_col": stage_col, "timestamp_col": timestamp_col}
    f = funnel(events, stages, window=window, **kw)
    tm = funnel_times(events, stages, window=window, quantiles=(0.5,), **kw)
    out = f[["step", "customers", "dropoff"]].rename(columns={"step": "stage"})
    med = tm.set_index("step")["hours_from_previous_p50"] if len(tm) else pd.Series(dtype=float)
    out["median_hours_from_previous"] = out["stage"].map(med).astype("float64")
    out.loc[out.index[0], "dropoff"] = np.nan  # nobody drops before the first stage
    out["satisfaction"] = np.nan
    out["responses"] = 0
    if surveys is not None:
        check_columns(surveys, stage_col=stage_col, survey_col=survey_col, score_col=score_col)
        sv = surveys[[stage_col, survey_col, score_col]].dropna()
        lo = sv[survey_col].astype(str).map(lambda k: SCALES.get(k, (np.nan, np.nan))[0])
        hi = sv[survey_col].astype(str).map(lambda k: SCALES.get(k, (np.nan, np.nan))[1])
        norm = (sv[score_col].astype(float) - lo.astype(float)) / (hi - lo).astype(float)
        per = norm.groupby(sv[stage_col].astype(str)).agg(["mean", "size"])
        out["satisfaction"] = out["stage"].map(per["mean"]).astype("float64")
        out["responses"] = out["stage"].map(per["size"]).fillna(0).astype("int64")
    return score_pain_points(out, w).reset_index(drop=True)


def score_pain_points(table: pd.DataFrame, weights: Sequence[float]) -> pd.DataFrame:
    """``pain_score`` and ``rank`` of a :func:`pain_points` table, for (other) ``weights``.

    Each component (drop-off, median time from the previous stage, 1 − satisfaction) is put on
    0–1 by min–max over the stages; the score is the weighted mean of the components a stage has
    (a stage without survey answers is scored on the other two). Returns a new table.
    Raises :class:`EventLogError` (Spanish) unless ``weights`` are three non-negative numbers
    that are not all zero.

    >>> t = pd.DataFrame({"stage": ["a", "b"], "dropoff": [0.1, 0.5],
    ...     "median_hours_from_previous": [1.0, 1.0], "satisfaction": [0.8, float("nan")]})
    >>> score_pain_points(t, (1, 1, 1))[["stage", "pain_score", "rank"]]
      stage  pain_score  rank
    0     a         0.0     2
    1     b         0.5     1
    """
    w = _check_weights(weights)
    out = table.copy()
    comps = pd.DataFrame(
        {
            "d": _minmax(out["dropoff"]),
            "h": _minmax(out["median_hours_from_previous"]),
            "s": _minmax(1 - out["satisfaction"]),
        }
    )
    mask = comps.notna().to_numpy()
    vals = np.nan_to_num(comps.to_numpy())
    wsum = (mask * w).sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["pain_score"] = np.where(wsum > 0, (vals * w).sum(axis=1) / wsum, 0.0)
    out["rank"] = out["pain_score"].rank(ascending=False, method="first").astype("int64")
    return out
