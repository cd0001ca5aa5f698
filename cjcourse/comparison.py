"""Comparing a rate between two groups: before/after a change, or the two arms of an A/B test.

Pure functions for module 4: a rate with its Wilson interval, the difference of two rates with
Newcombe's interval (built from the two Wilson intervals), and a small seeded simulation of a
checkout change in which the season also moves the rate — so a before/after comparison mixes
the two effects while an A/B test, run in the same weeks, isolates the change.

>>> low, high = wilson_interval(30, 100)
>>> round(low, 3), round(high, 3)
(0.219, 0.396)
>>> diff, low, high = difference_interval(300, 1000, 360, 1000)
>>> round(100 * diff, 1), round(100 * low, 1), round(100 * high, 1)
(6.0, 1.9, 10.1)

References
----------
Wilson, E. B. (1927). Probable inference, the law of succession, and statistical inference.
JASA 22(158). Newcombe, R. G. (1998). Interval estimation for the difference between independent
proportions: comparison of eleven methods. Statistics in Medicine 17(8), method 10.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from cjcourse.i18n import t
from cjcourse.metrics.satisfaction import wilson_interval

__all__ = [
    "DESIGNS",
    "compare_change",
    "compare_groups",
    "describe_comparison",
    "difference_interval",
    "rate_table",
    "simulate_checkout_change",
    "wilson_interval",
]

#: The two ways of measuring a change: before/after, or an A/B test in the same weeks.
DESIGNS: tuple[str, ...] = ("antes_despues", "ab")


def difference_interval(
    successes_a: int, n_a: int, successes_b: int, n_b: int, confidence: float = 0.95
) -> tuple[float, float, float]:
    """Difference of rates ``p_b − p_a`` with Newcombe's hybrid score interval.

    Returns ``(difference, low, high)`` as shares (multiply by 100 for percentage points).

    >>> d, lo, hi = difference_interval(30, 100, 30, 100)
    >>> d, round(lo, 3), round(hi, 3)
    (0.0, -0.126, 0.126)
    """
    p_a, p_b = successes_a / n_a, successes_b / n_b
    l_a, u_a = wilson_interval(successes_a, n_a, confidence)
    l_b, u_b = wilson_interval(successes_b, n_b, confidence)
    diff = p_b - p_a
    low = diff - math.sqrt((p_b - l_b) ** 2 + (u_a - p_a) ** 2)
    high = diff + math.sqrt((u_b - p_b) ** 2 + (p_a - l_a) ** 2)
    return (diff, low, high)


def rate_table(
    data: pd.DataFrame,
    *,
    group_col: str,
    outcome_col: str,
    order: list[str] | None = None,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """Per group: units (rows), successes (``outcome_col`` true), rate and Wilson interval, in %.

    Columns: ``grupo, carritos, pedidos, tasa_pct, ic_inf_pct, ic_sup_pct`` (the names of module
    4's example: each row of ``data`` is a cart, the outcome says whether it ended in an order).

    >>> df = pd.DataFrame({"periodo": ["antes"] * 4 + ["después"] * 4,
    ...                    "pedido": [1, 0, 0, 0, 1, 1, 0, 0]})
    >>> rate_table(df, group_col="periodo", outcome_col="pedido")[["grupo", "pedidos", "tasa_pct"]]
         grupo  pedidos  tasa_pct
    0    antes        1      25.0
    1  después        2      50.0
    """
    for col in (group_col, outcome_col):
        if col not in data.columns:
            raise KeyError(
                t("modules.error.missing_column", column=col, found=", ".join(map(str, data)))
            )
    counts = data.groupby(group_col, observed=True, sort=False)[outcome_col].agg(["size", "sum"])
    groups = order if order is not None else list(counts.index)
    rows = []
    for group in groups:
        n, s = (
            (int(counts.loc[group, "size"]), int(counts.loc[group, "sum"]))
            if group in counts.index
            else (0, 0)
        )
        low, high = wilson_interval(s, n, confidence)
        rows.append(
            {
                "grupo": group,
                "carritos": n,
                "pedidos": s,
                "tasa_pct": round(100 * s / n, 2) if n else math.nan,
                "ic_inf_pct": round(100 * low, 2),
                "ic_sup_pct": round(100 * high, 2),
            }
        )
    return pd.DataFrame(rows)


def compare_groups(table: pd.DataFrame, confidence: float = 0.95) -> dict[str, float | bool]:
    """Second row minus first row of a :func:`rate_table`, in percentage points, with its interval.

    ``incluye_cero`` is true when the interval contains 0: the data do not show a difference.

    >>> tab = pd.DataFrame({"grupo": ["A", "B"], "carritos": [1000, 1000], "pedidos": [300, 360]})
    >>> compare_groups(tab)
    {'diferencia_pp': 6.0, 'ic_inf_pp': 1.88, 'ic_sup_pp': 10.09, 'incluye_cero': False}
    """
    (n_a, s_a), (n_b, s_b) = table[["carritos", "pedidos"]].iloc[:2].to_numpy().tolist()
    diff, low, high = difference_interval(int(s_a), int(n_a), int(s_b), int(n_b), confidence)
    return {
        "diferencia_pp": round(100 * diff, 2),
        "ic_inf_pp": round(100 * low, 2),
        "ic_sup_pp": round(100 * high, 2),
        "incluye_cero": bool(low <= 0 <= high),
    }


def _pp(value: float) -> str:
    return f"{value:+.1f}".replace(".", ",")


def _pct(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def describe_comparison(table: pd.DataFrame, result: dict, design: str) -> str:
    """A plain-language Spanish reading of a comparison (for the widget and the lesson).

    >>> tab = pd.DataFrame({"grupo": ["antes", "después"], "carritos": [1000, 1000],
    ...                     "pedidos": [300, 300], "tasa_pct": [30.0, 30.0]})
    >>> print(describe_comparison(tab, compare_groups(tab), "antes_despues"))  # doctest: +ELLIPSIS
    Antes del cambio, 30,0 % de los carritos terminaron en pedido; después, 30,0 %...
    """
    if design not in DESIGNS:
        raise ValueError(t("modules.error.design", value=design, options=", ".join(DESIGNS)))
    rate_a, rate_b = table["tasa_pct"].iloc[0], table["tasa_pct"].iloc[1]
    text = t(
        f"modules.comparison.reading.{design}",
        rate_a=_pct(rate_a),
        rate_b=_pct(rate_b),
        diff=_pp(result["diferencia_pp"]),
        low=_pp(result["ic_inf_pp"]),
        high=_pp(result["ic_sup_pp"]),
    )
    verdict = "zero" if result["incluye_cero"] else "clear"
    return " ".join(
        [text, t(f"modules.comparison.verdict.{verdict}"), t(f"modules.comparison.caveat.{design}")]
    )


def simulate_checkout_change(
    design: str = "antes_despues",
    *,
    seed: int = 7,
    carts_per_day: int = 400,
    days_per_period: int = 28,
    base_rate: float = 0.30,
    season_lift: float = 0.04,
    true_lift: float = 0.03,
    start: str = "2026-11-02",
) -> pd.DataFrame:
    """Carts of a fictional online shop around a checkout change, one row per cart.

    The shop changes its checkout (shipping costs shown from the product page, guest checkout)
    on day ``days_per_period + 1``. In the second period the Christmas season also raises the
    share of carts that end in an order, by ``season_lift``, whatever the checkout. The change
    itself adds ``true_lift``. Known only because the data are simulated.

    - ``design="antes_despues"``: everyone has the old checkout before, the new one after.
    - ``design="ab"``: same weeks, but in the second period each cart is assigned at random
      (50/50) to the old checkout (group ``A``) or the new one (group ``B``).

    Columns: ``fecha, periodo ("antes"/"después"), grupo ("A"/"B"), proceso_de_pago
    ("antiguo"/"nuevo"), pedido (bool)``. About 30 % of carts become orders before the change
    (a cart abandonment rate near 70 %, as Baymard Institute's average).

    >>> carts = simulate_checkout_change("ab", carts_per_day=50, days_per_period=7)
    >>> len(carts), sorted(carts["grupo"].unique())
    (700, ['A', 'B'])
    >>> simulate_checkout_change(seed=3).equals(simulate_checkout_change(seed=3))
    True
    """
    if design not in DESIGNS:
        raise ValueError(t("modules.error.design", value=design, options=", ".join(DESIGNS)))
    rng = np.random.default_rng([seed, 4])
    days = 2 * days_per_period
    day = np.repeat(np.arange(days), carts_per_day)
    after = day >= days_per_period
    new = after & (rng.random(len(day)) < 0.5) if design == "ab" else after.copy()
    # small day-to-day noise (weekends, weather...) on top of the two effects
    daily = rng.normal(0.0, 0.01, size=days)[day]
    rate = base_rate + daily + season_lift * after + true_lift * new
    ordered = rng.random(len(day)) < np.clip(rate, 0.0, 1.0)
    return pd.DataFrame(
        {
            "fecha": pd.Timestamp(start) + pd.to_timedelta(day, unit="D"),
            "periodo": np.where(after, "después", "antes"),
            "grupo": np.where(new, "B", "A"),
            "proceso_de_pago": np.where(new, "nuevo", "antiguo"),
            "pedido": ordered,
        }
    )


def compare_change(
    carts: pd.DataFrame, design: str, *, days: int = 28, confidence: float = 0.95
) -> tuple[pd.DataFrame, dict[str, float | bool]]:
    """Measure the checkout change on :func:`simulate_checkout_change` data: table and result.

    ``antes_despues`` compares the ``days`` days before the change with the ``days`` days after;
    ``ab`` compares groups A and B in the ``days`` days after the change (the test's weeks).

    >>> table, result = compare_change(simulate_checkout_change("ab"), "ab", days=28)
    >>> table["grupo"].tolist(), result["diferencia_pp"]
    (['A', 'B'], 3.67)
    """
    if design not in DESIGNS:
        raise ValueError(t("modules.error.design", value=design, options=", ".join(DESIGNS)))
    change = carts.loc[carts["periodo"] == "después", "fecha"].min()
    offset = (carts["fecha"] - change).dt.days
    if design == "ab":
        window = carts[(offset >= 0) & (offset < days)]
        table = rate_table(
            window, group_col="grupo", outcome_col="pedido", order=["A", "B"], confidence=confidence
        )
    else:
        window = carts[(offset >= -days) & (offset < days)]
        table = rate_table(
            window,
            group_col="periodo",
            outcome_col="pedido",
            order=["antes", "después"],
            confidence=confidence,
        )
    return table, compare_groups(table, confidence)
