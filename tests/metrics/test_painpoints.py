import pandas as pd
import pytest

from cjcourse.events import EventLogError
from cjcourse.metrics import pain_points


def test_pain_points_rank_the_stage_with_the_biggest_combined_pain():
    ev = pd.DataFrame(
        {
            "customer_id": [1, 1, 1, 2, 2, 3, 3, 4],
            "stage": ["a", "b", "c", "a", "b", "a", "b", "a"],
            "timestamp": pd.to_datetime(
                [
                    "2026-01-01 10:00",
                    "2026-01-01 10:10",
                    "2026-01-01 10:20",
                    "2026-01-01 10:00",
                    "2026-01-01 12:00",
                    "2026-01-01 10:00",
                    "2026-01-01 10:30",
                    "2026-01-01 10:00",
                ]
            ),
        }
    )
    sv = pd.DataFrame(
        {"stage": ["b", "b", "c"], "survey": ["csat", "ces", "nps"], "score": [1, 1, 10]}
    )
    out = pain_points(ev, ["a", "b", "c"], surveys=sv).set_index("stage")
    # a: 4 customers; b: 3 (drop 25 %); c: 1 (drop 67 %, fast, happy); b is slow and unhappy
    assert out.loc["b", "dropoff"] == pytest.approx(0.25)
    assert out.loc["c", "dropoff"] == pytest.approx(2 / 3)
    assert out.loc["b", "satisfaction"] == 0.0 and out.loc["c", "satisfaction"] == 1.0
    assert out.loc["b", "rank"] == 1
    assert sorted(out["rank"]) == [1, 2, 3]
    only_drop = pain_points(ev, ["a", "b", "c"], surveys=sv, weights=(1, 0, 0)).set_index("stage")
    assert only_drop.loc["c", "rank"] == 1


def test_bad_weights():
    ev = pd.DataFrame(
        {"customer_id": [1], "stage": ["a"], "timestamp": pd.to_datetime(["2026-01-01"])}
    )
    with pytest.raises(EventLogError, match="pesos"):
        pain_points(ev, ["a"], weights=(0, 0, 0))
