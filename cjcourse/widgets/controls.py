"""Controls the explorers share that ipywidgets does not make accessible: a labelled slider.

ipywidgets' ``FloatSlider``/``IntSlider`` draw a noUi-slider handle (``role="slider"``) that has no
accessible name: a screen reader announces "slider, 0" without saying what it sets, and axe-core
reports it as a serious finding (``aria-input-field-name``). :class:`Slider` is a native
``<input type="range">`` tied to a ``<label>`` and an ``<output>``, drawn by a few lines of
JavaScript shipped inline (anywidget: nothing is fetched). It keeps the ipywidgets API the widgets
use — ``value``, ``min``, ``max``, ``step``, ``description``, ``continuous_update``, ``disabled``
and ``observe`` — so code and tests drive it the same way with or without a browser.

The browser gives keyboard use for free (arrows, Page Up/Down, Home/End), shows the value with the
student's decimal comma and announces it (``aria-valuetext``).

>>> s = Slider(value=5, min=0, max=3, step=0.5, description="Peso")
>>> s.value  # out of range: clamped, like ipywidgets
3.0
>>> IntSlider(value=8, min=1, max=30).value
8
"""

from __future__ import annotations

import anywidget
import traitlets

from cjcourse.i18n import get_language

__all__ = ["IntSlider", "Slider"]

_ESM = r"""
let counter = 0;

function render({ model, el }) {
  const id = `cjc-slider-${Date.now().toString(36)}-${counter++}`;
  el.classList.add("cjc-slider");
  const label = document.createElement("label");
  label.htmlFor = id;
  const input = document.createElement("input");
  input.type = "range";
  input.id = id;
  const output = document.createElement("output");
  output.setAttribute("for", id);
  output.setAttribute("aria-hidden", "true"); // the value is announced by the slider itself
  el.append(label, input, output);

  const text = (value) => {
    const digits = model.get("decimals");
    const format = new Intl.NumberFormat(model.get("locale") || "es", {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      signDisplay: model.get("signed") ? "exceptZero" : "auto",
    });
    return format.format(value) + (model.get("unit") ? ` ${model.get("unit")}` : "");
  };
  const show = () => {
    const shown = text(Number(input.value));
    output.textContent = shown;
    input.setAttribute("aria-valuetext", shown);
  };
  const draw = () => {
    label.textContent = model.get("description");
    label.hidden = !model.get("description");
    input.min = model.get("min");
    input.max = model.get("max");
    input.step = model.get("step");
    input.value = model.get("value");
    input.disabled = model.get("disabled");
    show();
  };
  const commit = () => {
    const value = Number(input.value);
    if (value !== model.get("value")) {
      model.set("value", value);
      model.save_changes();
    }
  };
  const onInput = () => {
    show();
    if (model.get("continuous_update")) commit();
  };
  // the arrow keys belong to the slider, not to JupyterLab's shortcuts (move between cells…)
  input.setAttribute("data-lm-suppress-shortcuts", "true");
  const ownKeys = (event) => event.stopPropagation();
  input.addEventListener("keydown", ownKeys);
  input.addEventListener("input", onInput);
  input.addEventListener("change", commit);
  const traits = ["value", "min", "max", "step", "description", "disabled", "decimals", "signed",
                  "unit", "locale"];
  for (const name of traits) model.on(`change:${name}`, draw);
  draw();
  return () => {
    for (const name of traits) model.off(`change:${name}`, draw);
    input.removeEventListener("keydown", ownKeys);
    input.removeEventListener("input", onInput);
    input.removeEventListener("change", commit);
  };
}

export default { render };
"""

_CSS = """
.cjc-slider { display: flex; align-items: center; gap: 0.6em; min-height: var(--jp-widgets-inline-height, 28px); }
.cjc-slider label { color: var(--jp-widgets-label-color, inherit); white-space: nowrap; }
.cjc-slider input[type="range"] { flex: 1 1 12em; min-width: 8em; max-width: 24em;
  accent-color: var(--jp-brand-color1, #0072B2); }
.cjc-slider input[type="range"]:focus-visible { outline: 2px solid var(--jp-brand-color1, #0072B2);
  outline-offset: 2px; }
.cjc-slider output { min-width: 3.5em; font-variant-numeric: tabular-nums; }
"""


class Slider(anywidget.AnyWidget):
    """A labelled range slider with a float ``value`` (see the module docstring)."""

    _esm = traitlets.Unicode(_ESM).tag(sync=True)
    _css = traitlets.Unicode(_CSS).tag(sync=True)

    value = traitlets.Float(0.0).tag(sync=True)
    min = traitlets.Float(0.0).tag(sync=True)
    max = traitlets.Float(10.0).tag(sync=True)
    step = traitlets.Float(0.1).tag(sync=True)
    description = traitlets.Unicode("").tag(sync=True)
    #: False: the value is sent when the student lets go (or on each arrow key press).
    continuous_update = traitlets.Bool(False).tag(sync=True)
    disabled = traitlets.Bool(False).tag(sync=True)
    #: how the value is shown: decimals, a "+" on positive values, a unit after it
    decimals = traitlets.Int(1).tag(sync=True)
    signed = traitlets.Bool(False).tag(sync=True)
    unit = traitlets.Unicode("").tag(sync=True)
    #: BCP 47 language of the number format (decimal comma in Spanish)
    locale = traitlets.Unicode().tag(sync=True)

    @traitlets.default("locale")
    def _default_locale(self) -> str:
        return get_language()

    @traitlets.validate("value")
    def _clamp(self, proposal):
        return type(proposal["value"])(min(max(proposal["value"], self.min), self.max))

    @traitlets.observe("min", "max")
    def _reclamp(self, change) -> None:
        if self.min <= self.max:
            self.value = self._clamp({"value": self.value})


class IntSlider(Slider):
    """A labelled range slider with an integer ``value``, ``min``, ``max`` and ``step``."""

    value = traitlets.Int(0).tag(sync=True)
    min = traitlets.Int(0).tag(sync=True)
    max = traitlets.Int(10).tag(sync=True)
    step = traitlets.Int(1).tag(sync=True)
    decimals = traitlets.Int(0).tag(sync=True)
