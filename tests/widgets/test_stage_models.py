"""StageModelExplorer driven without a browser: set the dropdown, read ``.table`` / ``.uncovered``."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from cjcourse.i18n import LANGUAGES
from cjcourse.stage_mapping import COURSE_STAGES, correspondence, course_stages_for
from cjcourse.stages import STAGE_MODELS
from cjcourse.widgets.stage_models import StageModelExplorer


def test_starts_on_the_course_model():
    explorer = StageModelExplorer()
    assert explorer.model_key == "course"
    assert explorer.table["etapa_del_curso"].tolist() == list(COURSE_STAGES)
    assert explorer.table["etapa_del_modelo"].tolist() == list(COURSE_STAGES)
    assert explorer.uncovered == []


def test_choosing_aida_shows_that_it_stops_at_the_purchase():
    explorer = StageModelExplorer()
    explorer.model.value = "aida"
    assert explorer.model_key == "aida"
    assert explorer.uncovered == ["poscompra", "lealtad"]
    assert "poscompra, lealtad" in explorer.reading
    assert "E. St. Elmo Lewis" in explorer.reading
    assert "poscompra" in explorer.view.value


def test_setting_the_trait_moves_the_dropdown_and_mentions_the_loyalty_loop():
    explorer = StageModelExplorer()
    explorer.model_key = "mckinsey"
    assert explorer.model.value == "mckinsey"
    assert "bucle de lealtad" in explorer.reading


def test_unknown_model_is_explained_in_spanish():
    explorer = StageModelExplorer()
    with pytest.raises(Exception, match="modelo de etapas"):
        explorer.model_key = "aidaa"


def test_control_has_a_spanish_label():
    explorer = StageModelExplorer()
    assert explorer.model.description in set(LANGUAGES["es"].values())
    assert isinstance(explorer.model, widgets.Dropdown)


@pytest.mark.parametrize("key", list(STAGE_MODELS))
def test_every_stage_of_every_model_is_used_in_the_mapping(key):
    mapping = correspondence(key)
    assert list(mapping) == list(COURSE_STAGES)
    used = {s for stages in mapping.values() for s in stages}
    assert used == set(STAGE_MODELS[key].stages)
    assert all(course_stages_for(key, s) for s in STAGE_MODELS[key].stages)
