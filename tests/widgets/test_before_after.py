"""BeforeAfterExplorer driven without a browser: set the controls, read ``.table`` / ``.result``."""

from __future__ import annotations

import pytest
import traitlets

from cjcourse.comparison import compare_change, simulate_checkout_change
from cjcourse.i18n import LANGUAGES
from cjcourse.widgets.before_after import BeforeAfterExplorer


@pytest.fixture(scope="module")
def explorer() -> BeforeAfterExplorer:
    return BeforeAfterExplorer()


def test_before_after_mixes_the_season_with_the_change(explorer):
    explorer.design.value = "antes_despues"
    explorer.days.value = 28
    assert explorer.table["grupo"].tolist() == ["antes", "después"]
    # the simulated truth: +3 points from the change, +4 from the season
    assert 5.5 < explorer.result["diferencia_pp"] < 8.5
    assert "temporada" in explorer.reading


def test_ab_test_recovers_the_true_effect(explorer):
    explorer.design.value = "ab"
    explorer.days.value = 28
    assert explorer.table["grupo"].tolist() == ["A", "B"]
    result = explorer.result
    assert result["ic_inf_pp"] < 3 < result["ic_sup_pp"]
    assert not result["incluye_cero"]
    assert explorer.design_key == "ab"


def test_shorter_windows_give_wider_intervals(explorer):
    explorer.design.value = "ab"
    widths = {}
    for days in (7, 28):
        explorer.days.value = days
        widths[days] = explorer.result["ic_sup_pp"] - explorer.result["ic_inf_pp"]
        assert explorer.table["carritos"].sum() == pytest.approx(400 * days, rel=0.01)
    assert widths[7] > widths[28]


def test_result_matches_the_pure_function(explorer):
    explorer.design.value = "antes_despues"
    explorer.days.value = 14
    _, result = compare_change(simulate_checkout_change("antes_despues"), "antes_despues", days=14)
    assert explorer.result == result


def test_controls_have_spanish_labels_and_bad_values_are_refused(explorer):
    spanish = set(LANGUAGES["es"].values())
    assert {explorer.design.description, explorer.days.description} <= spanish
    assert list(explorer.design.options) == [
        ("Antes y después", "antes_despues"),
        ("Prueba A/B", "ab"),
    ]
    with pytest.raises(traitlets.TraitError, match="Diseño desconocido"):
        explorer.design_key = "antes"
