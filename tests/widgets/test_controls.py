"""The labelled slider (a native <input type=range>): same Python API as ipywidgets' sliders."""

from __future__ import annotations

import traitlets

from cjcourse.widgets.controls import IntSlider, Slider


def test_value_is_clamped_to_the_range_like_ipywidgets():
    s = Slider(value=5, min=-2, max=2, step=0.5)
    assert s.value == 2.0
    s.value = -9
    assert s.value == -2.0
    s.min, s.max = 0, 1  # narrowing the range pulls the value in
    assert s.value == 0.0


def test_int_slider_keeps_integers():
    s = IntSlider(value=8, min=1, max=30)
    assert s.value == 8 and isinstance(s.value, int)
    s.value = 99
    assert s.value == 30


def test_observers_and_links_work_as_with_ipywidgets():
    s = Slider(min=0, max=3, step=0.5)
    seen = []
    s.observe(lambda change: seen.append(change["new"]), names="value")
    s.value = 1.5
    assert seen == [1.5]

    class Model(traitlets.HasTraits):
        top_n = traitlets.Int(10)

    model, control = Model(), IntSlider(min=1, max=30)
    traitlets.link((model, "top_n"), (control, "value"))
    assert control.value == 10
    control.value = 4
    assert model.top_n == 4


def test_language_follows_the_course_and_the_front_end_labels_the_input():
    from cjcourse.i18n import set_language

    set_language("en")
    try:
        assert Slider().locale == "en"
    finally:
        set_language(None)
    assert Slider().locale == "es"
    esm = Slider._esm.default_value
    assert "label.htmlFor = id" in esm and 'input.type = "range"' in esm
    assert "aria-valuetext" in esm
    assert "http" not in esm  # nothing fetched


def test_sync_state_holds_what_the_browser_draws():
    state = Slider(value=1, min=-2, max=2, step=0.5, description="Emoción actual", signed=True)
    synced = state.get_state()
    assert synced["description"] == "Emoción actual"
    assert (synced["min"], synced["max"], synced["step"], synced["value"]) == (-2, 2, 0.5, 1)
    assert synced["signed"] is True
