"""satisfaction_chart: interval, n and small-sample words; answer categories."""

from __future__ import annotations

import warnings

import pandas as pd

from cjcourse.charts.satisfaction import answer_category, satisfaction_chart
from cjcourse.metrics import ces_summary, csat_summary


def test_categories_in_words():
    s = pd.Series([1, 4, 5, 7])
    assert answer_category(s, "ces").tolist() == [
        "esfuerzo alto (1–4)",
        "esfuerzo alto (1–4)",
        "de acuerdo: fácil (5–7)",
        "de acuerdo: fácil (5–7)",
    ]


def test_small_groups_say_so_and_the_distribution_covers_the_scale():
    answers = pd.DataFrame({"score": [5, 4, 2] * 4 + [5] * 40, "g": ["a"] * 12 + ["b"] * 40})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        summary = csat_summary(answers, by="g")
    spec = satisfaction_chart(summary, answers, metric="csat", by="g").to_dict()
    values, dist = spec["hconcat"]
    rows = spec["datasets"][values["data"]["name"]]
    assert ["⚠ muestra pequeña" in r["etiqueta"] for r in rows] == [True, False]
    counts = spec["datasets"][dist["data"]["name"]]
    assert [r["respuesta"] for r in counts] == [1, 2, 3, 4, 5]


def test_ces_values_have_decimals():
    answers = pd.DataFrame({"score": [7, 6, 5, 3] * 10})
    spec = satisfaction_chart(ces_summary(answers), answers, metric="ces").to_dict()
    rows = spec["datasets"][spec["hconcat"][0]["data"]["name"]]
    assert rows[0]["etiqueta"].startswith("5,25 (IC ")
