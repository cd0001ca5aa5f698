"""retention_chart and the retention curve: young cohorts never count as lost."""

from __future__ import annotations

import pandas as pd

from cjcourse.charts.retention import cohort_label, retention_chart, retention_curve_data

COHORTS = pd.DataFrame(
    {
        "cohort": pd.to_datetime(["2026-01-05", "2026-01-05", "2026-01-05", "2026-01-12"]),
        "period": [0, 1, 2, 0],
        "customers": [10, 5, 2, 4],
        "cohort_size": [10, 10, 10, 4],
        "retention": [1.0, 0.5, 0.2, 1.0],
    }
)


def test_curve_only_counts_cohorts_old_enough():
    curve = retention_curve_data(COHORTS, "W")
    # the 12 Jan cohort can be seen one week later (the data reach the 19th): it lost everyone
    assert curve["cohort_size"].tolist() == [14, 14, 10]
    assert curve["retention"].round(3).tolist() == [1.0, 0.357, 0.2]


def test_heatmap_writes_every_cell_and_labels_cohorts():
    spec = retention_chart(COHORTS, period="W").to_dict()
    heat = spec["hconcat"][0]
    rows = spec["datasets"][heat["data"]["name"]]
    assert [r["texto"] for r in rows] == ["100", "50", "20", "100"]
    assert cohort_label(pd.Timestamp("2026-01-05"), "M") == "2026-01"


def test_empty_cohorts():
    assert retention_curve_data(COHORTS.iloc[0:0]).empty
    assert retention_chart(COHORTS.iloc[0:0]).to_dict()["hconcat"]
