"""SatisfactionExplorer without a browser: summaries, small samples in words, chart spec."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from cjcourse import metrics
from cjcourse.data import load_shop
from cjcourse.i18n import LANGUAGES
from cjcourse.widgets.satisfaction_explorer import SatisfactionExplorer


def _rows(spec: dict, part: dict) -> list[dict]:
    data = part["data"]
    return data["values"] if "values" in data else spec["datasets"][data["name"]]


_SUMMARY = {"nps": metrics.nps_summary, "csat": metrics.csat_summary, "ces": metrics.ces_summary}
_VALUE = {"nps": "nps", "csat": "csat", "ces": "mean"}


@pytest.fixture(scope="module")
def surveys() -> pd.DataFrame:
    return load_shop("pequeño", seed=19).surveys


@pytest.fixture(scope="module")
def explorer(surveys) -> SatisfactionExplorer:
    return SatisfactionExplorer(surveys, render="none")


@pytest.mark.parametrize("metric", ["nps", "csat", "ces"])
@pytest.mark.parametrize("by", ["stage", "channel", None])
def test_result_is_the_summary_plus_a_value_column(explorer, surveys, metric, by):
    with explorer.hold():
        explorer.metric, explorer.by = metric, by
    assert explorer.error is None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = _SUMMARY[metric](surveys[surveys["survey"] == metric], by=by)
    pd.testing.assert_frame_equal(explorer.result.drop(columns="value"), expected)
    assert explorer.result["value"].equals(explorer.result[_VALUE[metric]])
    assert {"n", "ci_low", "ci_high", "small_sample"} <= set(explorer.result.columns)


def test_small_samples_are_said_in_words(explorer):
    with explorer.hold():
        explorer.metric, explorer.by = "ces", "channel"
    small = explorer.result[explorer.result["small_sample"]]
    assert len(small) > 0
    assert len(explorer.warnings) == len(small)
    assert all("menos de 30" in w for w in explorer.warnings)
    assert "⚠" in explorer._status_html() and "Atención" in explorer._status_html()
    rows = _rows(explorer.chart_spec, explorer.chart_spec["hconcat"][0])
    assert sum("⚠ muestra pequeña" in r["etiqueta"] for r in rows) == len(small)


def test_reading_names_best_and_worst_and_whether_intervals_overlap(explorer):
    with explorer.hold():
        explorer.metric, explorer.by = "csat", "stage"
    assert "el mejor CSAT es el de «" in explorer.reading
    assert "intervalos" in explorer.reading
    explorer.by = None
    assert explorer.reading.startswith("El CSAT es ")


def test_chart_spec_has_intervals_and_the_answer_distribution(explorer, surveys):
    with explorer.hold():
        explorer.metric, explorer.by = "nps", "device"
    spec = explorer.chart.to_dict()
    values, dist = spec["hconcat"]
    assert [layer["mark"]["type"] for layer in values["layer"]] == ["rule", "point", "text"]
    assert values["layer"][0]["encoding"]["x2"]["field"] == "alto"
    counts = {r["respuesta"]: r["respuestas"] for r in _rows(spec, dist)}
    assert sorted(counts) == list(range(11))
    assert sum(counts.values()) == (surveys["survey"] == "nps").sum()
    assert spec["resolve"]["scale"]["color"] == "independent"


def test_controls_drive_the_traits(surveys):
    sx = SatisfactionExplorer(surveys, metric="csat", by=None, render="none")
    spanish = set(LANGUAGES["es"].values())
    assert {sx.metric_control.description, sx.by_control.description} <= spanish
    sx.metric_control.value = "ces"
    assert sx.metric == "ces" and "CES" in sx.reading
    sx.by_control.value = "device"
    assert sx.by == "device" and "device" in sx.result.columns


def test_bad_inputs_are_words(surveys):
    sx = SatisfactionExplorer(surveys, render="none")
    sx.metric = "ces2"
    assert "nps" in sx.error and sx.result.empty
    sx.metric = "nps"
    sx.by = "pais"
    assert "Falta la columna 'pais'" in sx.error
    sx.by = "stage"
    assert sx.error is None
    only_nps = surveys[surveys["survey"] == "nps"]
    sx = SatisfactionExplorer(only_nps, metric="csat", render="none")
    assert "No hay respuestas de CSAT" in sx.error
    sx = SatisfactionExplorer(surveys.drop(columns="score"))
    assert "Falta la columna 'score'" in sx.error and "✖" in sx.status_view.value
    sx = SatisfactionExplorer(surveys.assign(score=surveys["score"] + 20), render="none")
    assert "fuera de la escala" in sx.error


def test_rendered_explorer_has_svg_and_table(surveys):
    sx = SatisfactionExplorer(surveys, metric="csat")
    assert "<svg" in sx.chart_view.value and "<table" in sx.table_view.value
    assert "Intervalo de confianza" in sx.table_view.value
