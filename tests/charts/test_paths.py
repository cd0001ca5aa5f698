"""path_flow_chart / next_actions_chart: valid specs, node sizes, empty input."""

from __future__ import annotations

import pandas as pd

from cjcourse.charts.paths import next_actions_chart, path_flow_chart, path_flow_data

LINKS = pd.DataFrame(
    {
        "step": [1, 1, 2],
        "source": ["1. visita", "1. visita", "2. carrito"],
        "target": ["2. carrito", "2. compra", "3. compra"],
        "customers": [6, 2, 4],
    }
)


def test_nodes_are_stacked_per_column_and_links_have_two_ends():
    data = path_flow_data(LINKS)
    nodes = {(n["columna"], n["evento"]): n for n in data["nodes"]}
    assert nodes[(1, "visita")]["clientes"] == 8
    assert nodes[(2, "carrito")]["clientes"] == 6  # max(in 6, out 4)
    assert nodes[(2, "carrito")]["y0"] == 0  # the biggest box on top
    assert len(data["links"]) == 2 * len(LINKS)
    spec = path_flow_chart(LINKS).to_dict()
    assert spec["layer"][0]["encoding"]["strokeWidth"]["scale"]["range"] == [1, 30]


def test_empty_links_still_give_a_valid_chart():
    empty = LINKS.iloc[0:0]
    assert path_flow_chart(empty).to_dict()["layer"][1]["mark"]["type"] == "bar"


def test_next_actions_chart_writes_the_shares():
    actions = pd.DataFrame(
        {"action": ["compra", "(fin)"], "count": [3, 1], "customers": [3, 1], "share": [0.75, 0.25]}
    )
    spec = next_actions_chart(actions, "carrito").to_dict()
    rows = spec["datasets"][spec["data"]["name"]]
    assert [r["etiqueta"] for r in rows] == ["75 %", "25 %"]
    assert "carrito" in spec["title"]
