"""attribution_chart: one point per channel and model, a range bar per channel."""

from __future__ import annotations

import pandas as pd

from cjcourse.charts.attribution import MODEL_SHAPES, attribution_chart


def test_points_ranges_and_shapes():
    table = pd.DataFrame(
        {"first_touch": [3.0, 1.0, 0.0], "linear": [2.0, 1.5, 0.5], "markov": [2.5, 1.0, 0.5]},
        index=pd.Index(["sem", "email", "directo"], name="channel"),
    )
    spec = attribution_chart(table, description="d").to_dict()
    bar, dots, labels = spec["layer"]
    ranges = spec["datasets"][bar["data"]["name"]]
    sem = ranges[0]
    assert (sem["canal"], sem["minimo"], sem["maximo"]) == ("sem", 2.0, 3.0)
    assert len(spec["datasets"][dots["data"]["name"]]) == 9
    assert dots["encoding"]["shape"]["scale"]["range"] == [
        MODEL_SHAPES[m] for m in ("first_touch", "linear", "markov")
    ]
    assert bar["encoding"]["y"]["sort"] == ["sem", "email", "directo"]  # by mean credit
    assert labels["encoding"]["text"]["field"] == "texto"
