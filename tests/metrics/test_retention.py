import pandas as pd
import pytest

from cjcourse.events import EventLogError
from cjcourse.metrics import (
    churn_rate,
    period_retention,
    retention_cohorts,
    retention_matrix,
    retention_rate,
)
from tests.metrics._logs import log


def test_reference_formulas():
    assert retention_rate(start=100, end=90, new=20) == pytest.approx(0.7)
    assert churn_rate(lost=30, start=100) == pytest.approx(0.3)
    assert pd.isna(retention_rate(0, 5, 5))


def test_monthly_cohorts_hand_computed():
    ev = log(
        [
            (1, "compra", "2026-01-05 10:00"),
            (1, "compra", "2026-01-20 10:00"),  # repeat
            (1, "compra", "2026-03-01 10:00"),  # skips February
            (2, "compra", "2026-01-31 23:59"),
            (2, "compra", "2026-02-01 00:00"),
            (3, "compra", "2026-02-10 10:00"),
        ]
    )
    out = retention_cohorts(ev, period="M")
    got = {(str(r.cohort.date()), r.period): (r.customers, r.cohort_size) for r in out.itertuples()}
    assert got == {
        ("2026-01-01", 0): (2, 2),
        ("2026-01-01", 1): (1, 2),
        ("2026-01-01", 2): (1, 2),
        ("2026-02-01", 0): (1, 1),
    }
    m = retention_matrix(out)
    assert m.loc[pd.Timestamp("2026-01-01"), 1] == 0.5


def test_weekly_cohorts_start_on_monday():
    ev = log(
        [
            (1, "visita", "2026-01-04 10:00"),  # Sunday → week of Monday 2025-12-29
            (1, "visita", "2026-01-05 10:00"),
        ]
    )  # Monday → next week
    out = retention_cohorts(ev, period="W")
    assert out["cohort"].iloc[0] == pd.Timestamp("2025-12-29")
    assert out["period"].tolist() == [0, 1]


def test_period_retention_uses_the_reference_formula():
    ev = log(
        [
            (1, "c", "2026-01-05"),
            (2, "c", "2026-01-06"),
            (3, "c", "2026-01-07"),
            (1, "c", "2026-02-05"),
            (4, "c", "2026-02-06"),
            (2, "c", "2026-03-05"),
        ]
    )  # customer 2 comes back after a pause
    out = period_retention(ev, period="M").set_index(out_index := "period_start")
    feb, mar = out.loc[pd.Timestamp("2026-02-01")], out.loc[pd.Timestamp("2026-03-01")]
    assert (feb.start, feb.end, feb.new, feb.kept, feb.lost) == (3, 2, 1, 1, 2)
    assert feb.retention == pytest.approx((2 - 1) / 3)
    assert feb.churn == pytest.approx(2 / 3)
    # (E − N)/S counts the returning customer 2 as retained; churn counts them as lost
    assert (mar.start, mar.end, mar.new, mar.kept) == (2, 1, 0, 0)
    assert mar.retention == pytest.approx(0.5)
    assert mar.churn == pytest.approx(1.0)
    assert out_index == "period_start"


def test_bad_period_is_explained():
    with pytest.raises(EventLogError, match="semana"):
        retention_cohorts(log([(1, "c", "2026-01-05")]), period="Q")
