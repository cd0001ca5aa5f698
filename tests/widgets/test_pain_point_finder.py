"""PainPointFinder without a browser: weights, ranking, the journey map against the data."""

from __future__ import annotations

import pandas as pd
import pytest

from cjcourse import metrics
from cjcourse.data import STAGES, load_shop
from cjcourse.i18n import LANGUAGES, t
from cjcourse.journey import JourneyMap
from cjcourse.widgets.pain_point_finder import PainPointFinder


@pytest.fixture(scope="module")
def shop():
    return load_shop("pequeño", seed=5)


@pytest.fixture(scope="module")
def finder(shop) -> PainPointFinder:
    return PainPointFinder(shop.events, shop.surveys, render="none")


@pytest.mark.parametrize("weights", [(1, 1, 1), (2, 0, 1), (0, 0, 1), (1, 0.5, 0)])
def test_result_is_the_metric_for_every_weight(finder, shop, weights):
    finder.weights = weights
    expected = metrics.pain_points(shop.events, list(STAGES), surveys=shop.surveys, weights=weights)
    pd.testing.assert_frame_equal(finder.result, expected)
    assert finder.top_stage == expected.loc[expected["rank"] == 1, "stage"].iloc[0]
    assert f"«{finder.top_stage}»" in finder.reading


def test_sliders_drive_the_weights(finder):
    finder.weights = (1.0, 1.0, 1.0)
    finder.weight_controls[1].value = 0.0
    assert finder.weights == (1.0, 0.0, 1.0)
    finder.weights = (2.0, 1.0, 1.0)
    assert finder.weight_controls[0].value == 2.0
    spanish = set(LANGUAGES["es"].values())
    assert all(c.description in spanish for c in finder.weight_controls)


def test_zero_weights_are_explained(finder):
    finder.weights = (0.0, 0.0, 0.0)
    assert finder.error == t("metrics.bad_weights", weights=(0.0, 0.0, 0.0))
    assert finder.top_stage is None and finder.result.empty
    finder.weights = (1.0, 1.0, 1.0)
    assert finder.error is None


def test_chart_marks_the_worst_stage_with_words(finder):
    finder.weights = (1.0, 1.0, 1.0)
    spec = finder.chart.to_dict()
    rows = spec["datasets"][spec["data"]["name"]]
    worst = [r for r in rows if r["marca"]]
    assert [r["etapa"] for r in worst] == [finder.top_stage]
    assert worst[0]["etiqueta"].startswith("⚠ mayor dolor")
    assert finder.map_chart is None  # no journey given


def test_journey_map_is_checked_against_the_data(shop):
    journey = (
        JourneyMap.from_stage_model(title="Lola")
        .add_stage("inventada")
        .set_emotion(2, 2)  # decisión: assumed very positive
    )
    finder = PainPointFinder(shop.events, shop.surveys, journey=journey)
    assert finder.missing_stages == ["inventada"]
    assert "inventada" not in finder.result["stage"].tolist()
    spec = finder.map_chart.to_dict()
    rows = spec["datasets"][spec["data"]["name"]]
    curves = {(r["etapa"], r["curva"]) for r in rows if r["capa"] == "e"}
    assert ("decisión", t("widgets.pain.assumed")) in curves
    assert ("decisión", t("widgets.pain.measured")) in curves
    cells = {r["etapa"]: r for r in rows if r["capa"] == "c"}
    assert cells["inventada"]["texto"] == t("widgets.pain.no_data")
    assert "⚠ mayor dolor" in cells[finder.top_stage]["texto"]
    sat = finder.result.set_index("stage")["satisfaction"]
    measured = [r for r in rows if r["capa"] == "e" and r["curva"] == t("widgets.pain.measured")]
    for r in measured:  # satisfaction 0–1 rescaled to the map's −2…2
        assert r["emocion"] == pytest.approx(-2 + 4 * sat[r["etapa"]])
    assert "suponías una emoción muy positiva en «decisión»" in finder.reading
    assert "<svg" in finder.map_view.value


def test_without_surveys_it_ranks_by_dropoff_and_time(shop):
    finder = PainPointFinder(shop.events, render="none")
    assert finder.result["satisfaction"].isna().all()
    assert finder.error is None and finder.top_stage


def test_malformed_inputs_show_the_schema_message(shop):
    finder = PainPointFinder(shop.events.drop(columns="stage"), shop.surveys)
    assert "Falta la columna 'stage'" in finder.error
    assert finder.result.empty and finder.chart is None and finder.top_stage is None
    assert "✖" in finder.status_view.value
    finder = PainPointFinder(shop.events, shop.surveys.drop(columns="score"))
    assert "Falta la columna 'score'" in finder.error
    finder = PainPointFinder(shop.events.head(100).assign(timestamp="??"))
    assert "no se pueden leer" in finder.error


def test_rendered_finder_has_a_table_alternative(shop):
    finder = PainPointFinder(shop.events, shop.surveys)
    assert "<svg" in finder.chart_view.value and "<table" in finder.table_view.value
