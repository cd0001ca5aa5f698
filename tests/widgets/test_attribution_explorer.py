"""AttributionExplorer without a browser: the comparison table, cached models, the chart spec."""

from __future__ import annotations

import pandas as pd
import pytest

from cjcourse import metrics
from cjcourse.data import load_shop
from cjcourse.i18n import LANGUAGES
from cjcourse.widgets.attribution_explorer import ALL_MODELS, AttributionExplorer


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return load_shop("pequeño", seed=23).events


@pytest.fixture(scope="module")
def explorer(events) -> AttributionExplorer:
    return AttributionExplorer(events, render="none")


@pytest.fixture(scope="module")
def comparison(events) -> pd.DataFrame:
    return metrics.attribution_comparison(events)


@pytest.mark.parametrize(
    "models",
    [ALL_MODELS, ("first_touch", "last_touch"), ("markov", "linear"), ("position_based",)],
)
def test_result_is_the_comparison_for_the_chosen_models(explorer, comparison, models):
    explorer.models = models
    assert explorer.error is None
    assert tuple(explorer.result.columns) == models
    pd.testing.assert_frame_equal(explorer.result, comparison[list(models)])
    totals = explorer.result.sum()
    assert (abs(totals - totals.iloc[0]) < 1e-6).all()  # every model shares the same purchases


def test_models_are_computed_once(explorer):
    explorer.models = ALL_MODELS
    cached = dict(explorer._cache)
    explorer.models = ("linear",)
    explorer.models = ALL_MODELS
    assert all(explorer._cache[m] is cached[m] for m in ALL_MODELS)


def test_reading_and_chart(explorer):
    explorer.models = ("first_touch", "last_touch", "markov")
    assert explorer.reading.startswith("Según el modelo «primer contacto», el canal con más")
    assert "discrepan" in explorer.reading
    spec = explorer.chart.to_dict()  # validates the spec against the Vega-Lite schema
    assert spec == explorer.chart_spec
    _bar, dots, _labels = spec["layer"]
    assert dots["encoding"]["shape"]["scale"]["range"] == ["circle", "square", "cross"]
    assert dots["encoding"]["color"]["scale"]["range"][:3] == ["#0072B2", "#E69F00", "#009E73"]
    assert spec["description"] == explorer.reading


def test_control_and_bad_values(events):
    ax = AttributionExplorer(events.head(3000), models=("linear",), render="none")
    assert ax.models_control.description in set(LANGUAGES["es"].values())
    ax.models_control.value = ("first_touch", "markov")
    assert ax.models == ("first_touch", "markov")
    ax.models = ()
    assert "al menos un modelo" in ax.error and ax.result.empty
    ax.models = ("lineal",)
    assert "desconocido 'lineal'" in ax.error
    ax.models = "linear"  # a single name is fine too
    assert ax.error is None and ax.models == ("linear",)


def test_malformed_log_and_no_conversions(events):
    ax = AttributionExplorer(events.head(100).drop(columns="channel"))
    assert "Falta la columna 'channel'" in ax.error and "✖" in ax.status_view.value
    ax = AttributionExplorer(events.head(500), conversion_event="pedido", render="none")
    assert "No hay ninguna conversión" in ax.error


def test_rendered_explorer_has_svg_and_table(events):
    ax = AttributionExplorer(events.head(3000), models=("first_touch", "last_touch"))
    assert "<svg" in ax.chart_view.value and "<table" in ax.table_view.value
