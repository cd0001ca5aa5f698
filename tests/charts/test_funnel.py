"""funnel_chart: valid Vega-Lite for every shape of funnel output (split, no times, nobody)."""

from __future__ import annotations

import pandas as pd

from cjcourse.charts.funnel import funnel_chart, funnel_chart_data
from cjcourse.metrics import funnel, funnel_times

LOG = pd.DataFrame(
    {
        "customer_id": [1, 1, 1, 2, 2, 3],
        "event": ["visita", "carrito", "compra", "visita", "carrito", "visita"],
        "device": ["móvil", "móvil", "móvil", "tableta", "tableta", "móvil"],
        "timestamp": pd.to_datetime(
            [
                "2026-01-01 10:00",
                "2026-01-01 10:05",
                "2026-01-01 10:09",
                "2026-01-02 09:00",
                "2026-01-02 12:00",
                "2026-01-03 08:00",
            ]
        ),
    }
)
STEPS = ["visita", "carrito", "compra"]


def test_chart_with_times_has_two_panels_and_labels():
    spec = funnel_chart(funnel(LOG, STEPS), funnel_times(LOG, STEPS), description="x").to_dict()
    assert len(spec["hconcat"]) == 2 and spec["description"] == "x"
    rows = spec["datasets"][spec["data"]["name"]]
    assert rows[1]["etiqueta"] == "2 (67 %) · abandona el 33 %"
    assert rows[2]["tiempo"] == "4 min"


def test_split_chart_and_no_times():
    res = funnel(LOG, STEPS, by="device")
    data = funnel_chart_data(res, by="device")
    assert set(data["grupo"]) == {"móvil", "tableta"}
    spec = funnel_chart(res, by="device").to_dict()
    assert spec["layer"][0]["encoding"]["yOffset"]["field"] == "grupo"


def test_nobody_at_the_start_is_still_a_chart():
    empty = LOG[LOG["event"] == "nada"]
    spec = funnel_chart(funnel(empty, STEPS)).to_dict()
    assert spec["layer"][0]["mark"]["type"] == "bar"
