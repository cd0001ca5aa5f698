"""RetentionExplorer without a browser: cohorts, matrix, churn per period, the chart spec."""

from __future__ import annotations

import pandas as pd
import pytest

from cjcourse import metrics
from cjcourse.data import load_shop
from cjcourse.i18n import LANGUAGES
from cjcourse.widgets.retention_explorer import RetentionExplorer, active_days


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return load_shop("pequeño", seed=17).events


@pytest.fixture(scope="module")
def explorer(events) -> RetentionExplorer:
    return RetentionExplorer(events, render="none")


@pytest.mark.parametrize("period", ["W", "M", "W", "D"])
def test_result_is_the_metric_for_every_period(explorer, events, period):
    explorer.period = period
    assert explorer.error is None
    pd.testing.assert_frame_equal(explorer.result, metrics.retention_cohorts(events, period=period))
    pd.testing.assert_frame_equal(explorer.periods, metrics.period_retention(events, period=period))
    pd.testing.assert_frame_equal(explorer.matrix, metrics.retention_matrix(explorer.result))


def test_active_days_keeps_the_numbers_with_fewer_rows(events):
    days = active_days(events)
    assert len(days) < len(events)
    for period in ("W", "M"):
        pd.testing.assert_frame_equal(
            metrics.retention_cohorts(days, period=period),
            metrics.retention_cohorts(events, period=period),
        )


def test_reading_and_curve(explorer):
    explorer.period = "W"
    assert explorer.reading.startswith("De media, 1 semana después de su primera visita")
    assert "churn" in explorer.reading
    curve = explorer.curve
    assert curve["retention"].iloc[0] == 1.0
    assert curve["retention"].iloc[1] < 1.0
    explorer.period = "M"
    assert "1 mes después" in explorer.reading


def test_chart_spec_is_heatmap_plus_curve_with_numbers_in_cells(explorer):
    explorer.period = "W"
    spec = explorer.chart.to_dict()
    heat, curve = spec["hconcat"]
    assert heat["layer"][0]["mark"]["type"] == "rect"
    assert heat["layer"][0]["encoding"]["color"]["scale"]["scheme"] == "blues"
    cells = (
        heat["data"]["values"]
        if "values" in heat["data"]
        else spec["datasets"][heat["data"]["name"]]
    )
    assert len(cells) == len(explorer.result)
    assert {c["texto"] for c in cells if c["periodo"] == 0} == {"100"}
    assert curve["layer"][0]["mark"]["type"] == "line"
    assert spec["description"] == explorer.reading


def test_control_drives_the_period_and_bad_values_are_words(events):
    rx = RetentionExplorer(events, period="M", render="none")
    assert rx.period_control.value == "M"
    rx.period_control.value = "W"
    assert rx.period == "W" and rx.result["cohort"].dt.day_of_week.eq(0).all()  # Mondays
    assert rx.period_control.description in set(LANGUAGES["es"].values())
    rx.period = "semana"
    assert "period debe ser" in rx.error and rx.matrix.empty
    rx.period = "M"
    assert rx.error is None


def test_malformed_log_shows_the_schema_message(events):
    rx = RetentionExplorer(events.head(100).assign(timestamp="no es fecha"))
    assert "no se pueden leer" in rx.error and rx.chart is None
    assert "✖" in rx.status_view.value


def test_rendered_explorer_has_svg_and_tables(events):
    rx = RetentionExplorer(events.head(4000), period="M")
    assert "<svg" in rx.chart_view.value
    assert rx.table_view.value.count("<table") == 2
