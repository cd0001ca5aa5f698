"""pain_chart and measured_map_chart: the worst stage in words, measured vs assumed emotion."""

from __future__ import annotations

import pandas as pd
import pytest

from cjcourse.charts.painpoints import measured_emotion, measured_map_chart, pain_chart
from cjcourse.journey import JourneyMap

RESULT = pd.DataFrame(
    {
        "stage": ["conciencia", "consideración", "decisión"],
        "customers": [100, 60, 20],
        "dropoff": [None, 0.4, 0.67],
        "median_hours_from_previous": [None, 0.5, 30.0],
        "satisfaction": [None, 0.8, 0.25],
        "responses": [0, 40, 35],
        "pain_score": [0.0, 0.2, 1.0],
        "rank": [3, 2, 1],
    }
)


def test_pain_chart_marks_only_the_worst_stage():
    rows = pain_chart(RESULT).to_dict()
    data = rows["datasets"][rows["data"]["name"]]
    assert [r["marca"] for r in data] == ["", "", "⚠ mayor dolor"]
    assert data[1]["etiqueta"] == "n.º 2 · abandono 40 % · 30 min · satisf. 0,80"


def test_map_chart_puts_measured_emotion_on_the_map_scale():
    journey = JourneyMap.from_stage_model(title="T").set_emotion(2, 2)
    spec = measured_map_chart(journey, RESULT).to_dict()
    rows = spec["datasets"][spec["data"]["name"]]
    measured = {
        r["etapa"]: r["emocion"] for r in rows if r["capa"] == "e" and "medida" in r["curva"]
    }
    assert measured == {"consideración": pytest.approx(1.2), "decisión": pytest.approx(-1.0)}
    cells = {r["etapa"]: r["texto"] for r in rows if r["capa"] == "c"}
    assert cells["decisión"] == "abandono 67 %\n⚠ mayor dolor"
    assert cells["compra"] == "sin datos"
    assert measured_emotion(None, (-2, 2)) is None
