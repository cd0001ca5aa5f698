"""Satisfaction surveys: NPS, CSAT and CES, with confidence intervals and a small-sample warning.

Pandas/numpy/scipy (survey tables are small; there is nothing to gain from Ibis here).

Definitions (REFERENCE.md): NPS (Reichheld, HBR 2003) = % promotores (9–10) − % detractores (0–6),
from −100 to +100. CSAT = top-2-box: % of answers 4–5 on a 1–5 scale. CES 2.0 (Dixon, Freeman &
Toman, HBR 2010) = mean on a 1–7 scale, or % de acuerdo (answers 5–7).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats

from cjcourse.i18n import t
from cjcourse.metrics._common import as_list

__all__ = [
    "SmallSampleWarning",
    "ces",
    "ces_summary",
    "csat",
    "csat_summary",
    "nps",
    "nps_summary",
    "wilson_interval",
]

SMALL_SAMPLE = 30


class SmallSampleWarning(UserWarning):
    """Fewer than 30 answers: the number is shown, but with a wide interval."""


def wilson_interval(successes: float, n: float, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a proportion (shares between 0 and 1).

    >>> [round(x, 3) for x in wilson_interval(8, 10)]
    [0.49, 0.943]
    >>> wilson_interval(0, 0)
    (nan, nan)
    """
    if n <= 0:
        return (float("nan"), float("nan"))
    if not 0 <= successes <= n:
        raise ValueError(t("metrics.error.successes", successes=successes, n=n))
    z = float(stats.norm.ppf(0.5 + confidence / 2))
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (float(max(0.0, centre - half)), float(min(1.0, centre + half)))


def _scores(scores: Any, low: int, high: int, name: str) -> np.ndarray:
    arr = pd.to_numeric(pd.Series(np.asarray(scores).ravel()), errors="coerce").dropna().to_numpy()
    bad = arr[(arr < low) | (arr > high)]
    if len(bad):
        raise ValueError(
            t(
                "metrics.scores_out_of_range",
                name=name,
                low=low,
                high=high,
                examples=", ".join(str(v) for v in bad[:5]),
            )
        )
    return arr


def _warn_small(n: int) -> None:
    if n < SMALL_SAMPLE:
        warnings.warn(t("metrics.small_sample", n=n), SmallSampleWarning, stacklevel=3)


def nps(scores: Any) -> float:
    """Net Promoter Score from answers 0–10: % promoters (9–10) − % detractors (0–6).

    Returns a number from −100 to 100 (not rounded: round it to an integer to report it).
    Empty answers (NaN) are ignored; no answers give NaN.

    >>> nps([10, 9, 8, 7, 3])
    20.0
    """
    arr = _scores(scores, 0, 10, "NPS")
    if len(arr) == 0:
        return float("nan")
    return float(100.0 * ((arr >= 9).mean() - (arr <= 6).mean()))


def csat(scores: Any, *, scale_max: int = 5) -> float:
    """CSAT top-2-box: % of answers in the two highest points of the scale (4–5 on 1–5).

    >>> csat([5, 4, 3, 1])
    50.0
    """
    arr = _scores(scores, 1, scale_max, "CSAT")
    if len(arr) == 0:
        return float("nan")
    return float(100.0 * (arr >= scale_max - 1).mean())


def ces(scores: Any) -> float:
    """Customer Effort Score 2.0: the mean answer on 1–7 (7 = "me lo pusieron muy fácil").

    >>> ces([7, 5, 6])
    6.0
    """
    arr = _scores(scores, 1, 7, "CES")
    if len(arr) == 0:
        return float("nan")
    return float(arr.mean())


def _grouped(data: Any, score_col: str, by: list[str]):
    if isinstance(data, pd.DataFrame):
        if score_col not in data.columns:
            from cjcourse.events import check_columns

            check_columns(data, score_col=score_col)
        if by:
            from cjcourse.events import check_columns

            check_columns(data, by=by)
            for key, grp in data.groupby(by, observed=True, sort=True):
                key = key if isinstance(key, tuple) else (key,)
                yield dict(zip(by, key, strict=True)), grp[score_col]
            return
        yield {}, data[score_col]
    else:
        yield {}, data


def _frame(rows: list[dict], by: list[str]) -> pd.DataFrame:
    out = pd.DataFrame(rows)
    if out.empty:
        return out
    n_min = int(out["n"].min())
    _warn_small(n_min)
    return out.reset_index(drop=True)


def nps_summary(
    data: Any,
    *,
    score_col: str = "score",
    by: str | Sequence[str] | None = None,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """NPS with its confidence interval (per group), and a warning when n < 30.

    The interval is the normal approximation for a difference of two shares of the same sample:
    each answer scores +1 (promoter), 0 or −1 (detractor); clipped to [−100, 100].

    Parameters
    ----------
    data : DataFrame or sequence of scores
    score_col : str
        Column with the 0–10 answers (when ``data`` is a DataFrame).
    by : str or list of str, optional
        Columns to split by.

    Returns
    -------
    DataFrame
        ``n, promoters, passives, detractors, pct_promoters, pct_detractors, nps, ci_low,
        ci_high, small_sample``.

    Examples
    --------
    >>> s = nps_summary([10] * 20 + [8] * 10 + [2] * 10)
    >>> s[["n", "nps", "small_sample"]]
        n   nps  small_sample
    0  40  25.0         False
    """
    by = as_list(by)
    z = float(stats.norm.ppf(0.5 + confidence / 2))
    rows = []
    for keys, scores in _grouped(data, score_col, by):
        arr = _scores(scores, 0, 10, score_col)
        n = len(arr)
        prom, det = int((arr >= 9).sum()), int((arr <= 6).sum())
        pp, pd_ = (prom / n, det / n) if n else (np.nan, np.nan)
        value = 100 * (pp - pd_)
        se = 100 * np.sqrt(max(pp + pd_ - (pp - pd_) ** 2, 0.0) / n) if n else np.nan
        rows.append(
            {
                **keys,
                "n": n,
                "promoters": prom,
                "passives": n - prom - det,
                "detractors": det,
                "pct_promoters": 100 * pp,
                "pct_detractors": 100 * pd_,
                "nps": value,
                "ci_low": max(-100.0, value - z * se) if n else np.nan,
                "ci_high": min(100.0, value + z * se) if n else np.nan,
                "small_sample": n < SMALL_SAMPLE,
            }
        )
    return _frame(rows, by)


def csat_summary(
    data: Any,
    *,
    score_col: str = "score",
    by: str | Sequence[str] | None = None,
    scale_max: int = 5,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """CSAT (top-2-box %) with a Wilson interval, plus the mean answer (per group).

    Returns
    -------
    DataFrame
        ``n, satisfied, csat, ci_low, ci_high, mean, small_sample`` (csat and CI in %).

    Examples
    --------
    >>> csat_summary([5, 4, 4, 2] * 10)[["n", "csat", "mean"]]
        n  csat  mean
    0  40  75.0  3.75
    """
    by = as_list(by)
    rows = []
    for keys, scores in _grouped(data, score_col, by):
        arr = _scores(scores, 1, scale_max, score_col)
        n = len(arr)
        sat = int((arr >= scale_max - 1).sum())
        lo, hi = wilson_interval(sat, n, confidence)
        rows.append(
            {
                **keys,
                "n": n,
                "satisfied": sat,
                "csat": 100 * sat / n if n else np.nan,
                "ci_low": 100 * lo,
                "ci_high": 100 * hi,
                "mean": float(arr.mean()) if n else np.nan,
                "small_sample": n < SMALL_SAMPLE,
            }
        )
    return _frame(rows, by)


def ces_summary(
    data: Any,
    *,
    score_col: str = "score",
    by: str | Sequence[str] | None = None,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """CES 2.0 (1–7): mean with a t interval, and % de acuerdo (5–7) with a Wilson interval.

    Returns
    -------
    DataFrame
        ``n, mean, ci_low, ci_high, agree, pct_agree, agree_ci_low, agree_ci_high, small_sample``.

    Examples
    --------
    >>> ces_summary([7, 6, 5, 3] * 10)[["n", "mean", "pct_agree"]]
        n  mean  pct_agree
    0  40  5.25       75.0
    """
    by = as_list(by)
    rows = []
    for keys, scores in _grouped(data, score_col, by):
        arr = _scores(scores, 1, 7, score_col)
        n = len(arr)
        mean = float(arr.mean()) if n else np.nan
        if n > 1:
            half = float(stats.t.ppf(0.5 + confidence / 2, n - 1) * arr.std(ddof=1) / np.sqrt(n))
        else:
            half = np.nan
        agree = int((arr >= 5).sum())
        lo, hi = wilson_interval(agree, n, confidence)
        rows.append(
            {
                **keys,
                "n": n,
                "mean": mean,
                "ci_low": mean - half,
                "ci_high": mean + half,
                "agree": agree,
                "pct_agree": 100 * agree / n if n else np.nan,
                "agree_ci_low": 100 * lo,
                "agree_ci_high": 100 * hi,
                "small_sample": n < SMALL_SAMPLE,
            }
        )
    return _frame(rows, by)
