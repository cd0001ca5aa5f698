"""PathExplorer without a browser: its flows are path_links of the cut journeys, next_actions."""

from __future__ import annotations

import pandas as pd
import pytest

from cjcourse import metrics
from cjcourse.data import load_shop
from cjcourse.i18n import LANGUAGES
from cjcourse.widgets.path_explorer import PathExplorer, trim_journeys


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return load_shop("pequeño", seed=13).events


@pytest.fixture(scope="module")
def explorer(events) -> PathExplorer:
    return PathExplorer(events, render="none")


def _reference_trim(events: pd.DataFrame, start: str | None, end: str | None) -> pd.DataFrame:
    """A slow, obvious version of trim_journeys (one customer at a time)."""
    d = events.assign(_e=events["event"].astype(str))
    d = d.sort_values(["customer_id", "timestamp", "_e"], kind="stable")
    parts = []
    for _, g in d.groupby("customer_id", sort=False):
        names = g["_e"].tolist()
        if start is not None and start not in names:
            continue
        i = 0 if start is None else names.index(start)
        j = len(names)
        if end is not None:
            for k in range(i if start is None else i + 1, len(names)):
                if names[k] == end:
                    j = k + 1
                    break
        parts.append(g.iloc[i:j])
    return pd.concat(parts).drop(columns="_e")


@pytest.mark.parametrize(
    ("start", "end", "max_steps"),
    [(None, None, 5), ("carrito", None, 4), ("visita", "compra", 5), (None, "carrito", 3)],
)
def test_links_are_path_links_of_the_cut_journeys(explorer, events, start, end, max_steps):
    with explorer.hold():
        explorer.start_event, explorer.end_event, explorer.max_steps = start, end, max_steps
    assert explorer.error is None
    cut = _reference_trim(events, start, end)
    assert len(trim_journeys(events, start, end)) == len(cut)
    expected = metrics.path_links(cut, max_steps=max_steps)
    pd.testing.assert_frame_equal(explorer.links, expected, check_dtype=False)
    assert set(explorer.result.columns) == {"step", "source", "target", "customers"}


def test_top_n_keeps_the_largest_flows_of_each_step(explorer):
    with explorer.hold():
        explorer.start_event, explorer.end_event, explorer.max_steps = None, None, 5
    explorer.top_n = 2
    assert explorer.result.groupby("step").size().max() == 2
    for step, group in explorer.result.groupby("step"):
        everything = explorer.links[explorer.links["step"] == step]["customers"]
        assert group["customers"].min() >= everything.nlargest(2).min()
    explorer.top_n = 10


@pytest.mark.parametrize("focus", ["carrito", "iniciar_pago", "compra"])
def test_next_actions_is_the_metric(explorer, events, focus):
    explorer.focus_event = focus
    expected = metrics.next_actions(events, focus)
    pd.testing.assert_frame_equal(explorer.next_actions, expected, check_dtype=False)
    assert f"Justo después de «{focus}»" in explorer.reading


def test_chart_is_a_flow_with_widths_and_words(explorer):
    explorer.focus_event = "carrito"
    spec = explorer.chart.to_dict()
    flow, following = spec["vconcat"]
    lines, _bars, labels = flow["layer"]
    assert lines["encoding"]["strokeWidth"]["field"] == "clientes"
    assert all("(" in row["etiqueta"] for row in spec["datasets"][labels["data"]["name"]])
    assert "carrito" in following["title"]
    assert spec["description"] == explorer.reading


def test_controls_are_labelled_and_drive_the_traits(events):
    px = PathExplorer(events, render="none")
    spanish = set(LANGUAGES["es"].values())
    for control in px.controls_box.children:
        assert control.description in spanish
    px.start_control.value = "carrito"
    assert px.start_event == "carrito" and "desde «carrito»" in px.reading
    px.top_n_control.value = 3
    assert px.top_n == 3
    px.focus_event = "visita"
    assert px.focus_control.value == "visita"


def test_unknown_event_and_bad_numbers_are_words(events):
    px = PathExplorer(events, render="none")
    px.start_event = "carito"
    assert "¿Quisiste decir 'carrito'?" in px.error and px.result.empty
    px.start_event = None
    px.top_n = 0
    assert "top_n" in px.error
    px.top_n = 5
    assert px.error is None


def test_malformed_log_shows_the_schema_message(events):
    px = PathExplorer(events.head(50).drop(columns="event"))
    assert "Falta la columna 'event'" in px.error
    assert px.chart is None and px.next_actions.empty
    assert "✖" in px.status_view.value


def test_rendered_explorer_has_svg_and_tables(events):
    px = PathExplorer(events.head(3000), top_n=3)
    assert "<svg" in px.chart_view.value
    assert px.table_view.value.count("<table") == 2
