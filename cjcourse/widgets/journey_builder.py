"""``JourneyMapBuilder``: build a customer-journey map without writing code.

The widget owns a :class:`~cjcourse.journey.JourneyMap` (``builder.journey``) and replaces it on
every edit; one observer recomputes the chart (``builder.chart`` and ``builder.chart_spec``,
plain data a test or an nbgrader check can read), the text summary and the autosave. Nothing
waits for a browser: the builder works the same in JupyterLab, Voilà, a test or ``nbgrader
autograde``.

The chart is shown as static SVG made by vl-convert (offline, no JavaScript, and the SVG carries
the text summary as its accessible description); ``render="none"`` skips drawing (tests, speed).

>>> from cjcourse.journey import Touchpoint
>>> b = JourneyMapBuilder(render="none")
>>> b.new_stage_name.value = "recomendación"
>>> b.add_stage_button.click()
>>> [s.name for s in b.journey.stages][:3]   # added after the stage being edited
['conciencia', 'recomendación', 'consideración']
>>> b.card_text.value = "Reseña en Google"
>>> b.lane.value = "touchpoints"
>>> b.channel.value = "buscador"
>>> b.add_card_button.click()
>>> b.journey.stages[1].touchpoints[0]
Touchpoint(text='Reseña en Google', evidence='supuesto', channel='buscador')
"""

from __future__ import annotations

import dataclasses
import html
import json
import time
from pathlib import Path
from typing import Any

import ipywidgets as widgets
import traitlets

from cjcourse.charts import enable_offline
from cjcourse.charts.journey import EXPORT_FORMATS, journey_chart, save_chart
from cjcourse.charts.render import svg_figure
from cjcourse.formats import to_mermaid, to_ojf, write_csv
from cjcourse.i18n import t
from cjcourse.journey import (
    BLUEPRINT_LANES,
    CHANNELS,
    EVIDENCE_LEVELS,
    LANES,
    MOMENTS_OF_TRUTH,
    SEVERITIES,
    BlueprintCard,
    Card,
    Gap,
    JourneyError,
    JourneyMap,
    MomentOfTruth,
    Opportunity,
    PainPoint,
    Persona,
    Touchpoint,
    atomic_write_text,
    describe,
    load_journey,
    review,
    save_journey,
    severity_word,
)
from cjcourse.stages import STAGE_MODELS, stage_model_options
from cjcourse.widgets.controls import Slider

__all__ = ["JourneyMapBuilder"]

_STYLE = {"description_width": "initial"}


def _wide() -> widgets.Layout:
    # a new Layout per control: a shared one would hide every control when one is hidden
    return widgets.Layout(width="420px")


# status colours (Okabe–Ito) always come with a word and a symbol: ✔ / ✖ / ℹ
_STATUS_COLOURS = {"ok": "#009E73", "error": "#D55E00", "info": "#0072B2"}
# exports of the map itself (not of the chart): format → file suffix
_TEXT_FORMATS = {"mermaid": ".mmd", "csv": ".csv", "ojf": ".ojf.json"}
# which extra fields each lane needs
_LANE_FIELDS = {
    "touchpoints": ("channel",),
    "pain_points": ("severity",),
    "opportunities": ("owner", "addresses"),
    "moments": ("moment",),
    "blueprint": ("blueprint_lane",),
}


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class JourneyMapBuilder(widgets.VBox):
    """Edit a journey map with buttons, sliders and text boxes; see the map redrawn live.

    Parameters
    ----------
    journey : JourneyMap, optional
        The map to start from; by default the course's six empty stages (or the file at
        ``path`` when it exists).
    path : str, optional
        File for *Guardar* / *Abrir* and for the autosave.
    autosave : bool
        Save after every edit (atomically: the previous save is never corrupted).
    render : {"svg", "none"}
        How the chart is shown: static SVG (default) or not at all (headless checks).
    """

    journey = traitlets.Instance(JourneyMap, help="The map being edited (replaced on each edit).")
    stage_index = traitlets.Int(0, help="Position of the stage being edited.")
    chart_spec = traitlets.Dict(help="Vega-Lite spec of the last chart drawn.")
    summary = traitlets.Unicode(help="The map in words (what the chart shows).")
    gaps = traitlets.List(help="Gaps found by the last «Revisar mapa».")
    status = traitlets.Unicode(help="Last message shown to the student.")
    status_kind = traitlets.Enum(["ok", "error", "info"], "info")
    path = traitlets.Unicode("", help="File used by save, load and autosave.")
    autosave = traitlets.Bool(False, help="Save after every edit.")
    render = traitlets.Enum(["svg", "none"], "svg", help="How the chart is displayed.")

    def __init__(
        self,
        journey: JourneyMap | None = None,
        *,
        path: str = "",
        autosave: bool = False,
        render: str = "svg",
        **kwargs: Any,
    ) -> None:
        self._syncing = False
        self._skip_autosave = False
        #: the file we last read or wrote successfully: writing there cannot destroy anything
        self._verified_path: str | None = None
        self._kept_note: str | None = None
        self._autosave_note: tuple[str, str] | None = None
        self.chart = None
        enable_offline()  # so `builder.chart` displays offline too
        self._build_controls()
        initial_status = ("info", t("builder.status.ready"))
        if journey is None:
            journey = JourneyMap.from_stage_model()
            if path and Path(path).exists():
                try:
                    journey = load_journey(path)
                    initial_status = ("ok", t("builder.msg.loaded", path=path))
                    self._verified_path = str(path)
                except JourneyError as exc:
                    initial_status = ("error", t("builder.msg.load_kept", message=str(exc)))
        super().__init__(children=self._layout(), **kwargs)
        self.render = render
        self.path = path
        self.path_text.value = path
        self._skip_autosave = True  # opening the builder is not an edit
        self.journey = journey
        self._skip_autosave = False
        self.autosave = autosave
        self.autosave_box.value = autosave
        self._set_status(*initial_status)

    # ------------------------------------------------------------------ controls

    def _button(self, key: str, handler: Any, icon: str = "", style: str = "") -> widgets.Button:
        button = widgets.Button(
            description=t(key),
            tooltip=t(key),
            icon=icon,
            button_style=style,
            layout=widgets.Layout(width="auto", align_self="flex-start"),
        )
        button.on_click(lambda _b: handler())
        return button

    def _build_controls(self) -> None:
        def text(key: str, **kw: Any) -> widgets.Text:
            return widgets.Text(
                description=t(key), style=_STYLE, layout=_wide(), continuous_update=False, **kw
            )

        def area(key: str) -> widgets.Textarea:
            return widgets.Textarea(
                description=t(key), style=_STYLE, layout=_wide(), continuous_update=False, rows=2
            )

        # map and persona
        self.title_text = text("builder.map_title")
        self.persona_name = text("builder.persona_name")
        self.persona_description = area("builder.persona_description")
        self.persona_goals = area("builder.persona_goals")
        self.scenario = area("builder.scenario")
        self.expectations = area("builder.expectations")
        for control in (
            self.title_text,
            self.persona_name,
            self.persona_description,
            self.persona_goals,
            self.scenario,
            self.expectations,
        ):
            control.observe(self._on_meta, names="value")
        self.model = widgets.Dropdown(
            options=stage_model_options(),
            description=t("builder.model"),
            style=_STYLE,
            layout=_wide(),
        )
        self.model_source = widgets.HTML()
        self.model.observe(lambda _c: self._show_model_source(), names="value")
        self.apply_model_button = self._button(
            "builder.apply_model", self.apply_stage_model, "check"
        )

        # stages
        self.stage = widgets.Dropdown(description=t("builder.stage"), style=_STYLE, layout=_wide())
        self.stage.observe(self._on_stage_pick, names="value")
        self.new_stage_name = text("builder.stage_name")
        self.rename_button = self._button("builder.rename", self.rename_stage, "pencil")
        self.add_stage_button = self._button("builder.add_stage", self.add_stage, "plus")
        self.remove_stage_button = self._button(
            "builder.remove_stage", self.remove_stage, "trash", "warning"
        )
        self.move_up_button = self._button(
            "builder.move_up", lambda: self.move_stage(-1), "arrow-left"
        )
        self.move_down_button = self._button(
            "builder.move_down", lambda: self.move_stage(+1), "arrow-right"
        )

        def slider(key: str) -> Slider:
            return Slider(description=t(key), step=0.5, decimals=1, signed=True, layout=_wide())

        self.emotion = slider("builder.emotion")
        self.emotion_recorded = widgets.Checkbox(
            description=t("builder.emotion_recorded"), style=_STYLE
        )
        self.emotion_to_be = slider("builder.emotion_to_be")
        self.to_be_recorded = widgets.Checkbox(
            description=t("builder.to_be_recorded"), style=_STYLE
        )
        for control in (
            self.emotion,
            self.emotion_recorded,
            self.emotion_to_be,
            self.to_be_recorded,
        ):
            control.observe(self._on_emotion, names="value")

        # cards
        self.lane = widgets.Dropdown(
            options=[(t(f"journey.lane.{lane}"), lane) for lane in LANES],
            value="touchpoints",
            description=t("builder.lane"),
            style=_STYLE,
            layout=_wide(),
        )
        self.lane.observe(lambda _c: self._show_lane_fields(), names="value")
        self.card_text = text("builder.card_text")
        self.channel = widgets.Dropdown(
            options=CHANNELS, description=t("builder.channel"), style=_STYLE
        )
        self.severity = widgets.Dropdown(
            options=[(f"{s} — {severity_word(s)}", s) for s in SEVERITIES],
            value=2,
            description=t("builder.severity"),
            style=_STYLE,
        )
        self.owner = text("builder.owner")
        self.addresses = widgets.Dropdown(
            description=t("builder.addresses"), style=_STYLE, layout=_wide()
        )
        self.moment = widgets.Dropdown(
            options=MOMENTS_OF_TRUTH, value="FMOT", description=t("builder.moment"), style=_STYLE
        )
        self.blueprint_lane = widgets.Dropdown(
            options=BLUEPRINT_LANES,
            value="escenario",
            description=t("builder.blueprint_lane"),
            style=_STYLE,
        )
        self.evidence = widgets.Dropdown(
            options=EVIDENCE_LEVELS, description=t("builder.evidence"), style=_STYLE
        )
        self.add_card_button = self._button("builder.add_card", self.add_card, "plus", "primary")
        self.cards = widgets.Select(
            description=t("builder.cards"),
            style=_STYLE,
            rows=6,
            layout=widgets.Layout(width="420px"),
        )
        self.remove_card_button = self._button(
            "builder.remove_card", self.remove_card, "trash", "warning"
        )

        # file, export, review
        self.path_text = text("builder.path", placeholder="mi_mapa.json")
        self.path_text.observe(lambda c: setattr(self, "path", c["new"]), names="value")
        self.save_button = self._button("builder.save", self.save, "save")
        self.load_button = self._button("builder.load", self.load, "folder-open")
        self.autosave_box = widgets.Checkbox(description=t("builder.autosave"), style=_STYLE)
        self.autosave_box.observe(lambda c: setattr(self, "autosave", c["new"]), names="value")
        self.export_format = widgets.Dropdown(
            options=[(t(f"builder.format.{f}"), f) for f in (*EXPORT_FORMATS, *_TEXT_FORMATS)],
            value="png",
            description=t("builder.export_format"),
            style=_STYLE,
        )
        self.export_button = self._button("builder.export", lambda: self.export(), "download")
        self.review_button = self._button("builder.review", self.show_review, "search", "info")
        self.review_box = widgets.HTML()
        self.status_html = widgets.HTML()
        self.chart_view = widgets.HTML(layout=widgets.Layout(max_width="100%"))
        self.summary_view = widgets.HTML(layout=widgets.Layout(max_width="360px"))
        self._show_lane_fields()

    def _layout(self) -> list[widgets.Widget]:
        heading = widgets.HTML(f"<h4>{html.escape(t('builder.chart_label'))}</h4>")
        return [
            widgets.HTML(f"<h3>{html.escape(t('builder.title'))}</h3>"),
            self.status_html,
            widgets.Accordion(
                children=[
                    widgets.VBox(
                        [
                            self.title_text,
                            self.persona_name,
                            self.persona_description,
                            self.persona_goals,
                            self.scenario,
                            self.expectations,
                            widgets.HBox([self.model, self.apply_model_button]),
                            self.model_source,
                        ]
                    ),
                    widgets.VBox(
                        [
                            self.stage,
                            widgets.HBox(
                                [self.new_stage_name, self.rename_button, self.add_stage_button]
                            ),
                            widgets.HBox(
                                [
                                    self.move_up_button,
                                    self.move_down_button,
                                    self.remove_stage_button,
                                ]
                            ),
                            widgets.HBox([self.emotion, self.emotion_recorded]),
                            widgets.HBox([self.emotion_to_be, self.to_be_recorded]),
                        ]
                    ),
                    widgets.VBox(
                        [
                            self.lane,
                            self.card_text,
                            self.channel,
                            self.severity,
                            self.owner,
                            self.addresses,
                            self.moment,
                            self.blueprint_lane,
                            self.evidence,
                            self.add_card_button,
                            self.cards,
                            self.remove_card_button,
                        ]
                    ),
                    widgets.VBox(
                        [
                            widgets.HBox([self.path_text, self.save_button, self.load_button]),
                            self.autosave_box,
                            widgets.HBox([self.export_format, self.export_button]),
                        ]
                    ),
                ],
                titles=(
                    t("builder.section.map"),
                    t("builder.section.stages"),
                    t("builder.section.cards"),
                    t("builder.section.file"),
                ),
                selected_index=1,
            ),
            widgets.HBox([self.review_button]),
            self.review_box,
            heading,
            widgets.HBox(
                [self.chart_view, self.summary_view],
                layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start"),
            ),
        ]

    # ------------------------------------------------------------------ recompute (one observer)

    @traitlets.observe("journey")
    def _on_journey(self, change: dict[str, Any]) -> None:
        journey: JourneyMap = change["new"]
        self.chart = journey_chart(journey)
        self.chart_spec = self.chart.to_dict()
        self.summary = describe(journey)
        if self.stage_index >= len(journey.stages):
            self.stage_index = max(0, len(journey.stages) - 1)
        self._refresh_controls()
        self._draw()
        if self.autosave and self.path and not self._skip_autosave:
            self._autosave()

    @traitlets.validate("stage_index")
    def _valid_stage_index(self, proposal: dict[str, Any]) -> int:
        count = len(self.journey.stages) if self.journey is not None else 0
        return max(0, min(int(proposal["value"]), count - 1))

    @traitlets.observe("stage_index")
    def _on_stage_index(self, _change: dict[str, Any]) -> None:
        self._refresh_controls()

    @traitlets.observe("render")
    def _on_render(self, _change: dict[str, Any]) -> None:
        if self.chart is not None:
            self._draw()

    def _summary_label(self) -> str:
        title = self.journey.title.strip()
        return f"{t('builder.summary')}: {title}" if title else t("builder.summary")

    def _draw(self) -> None:
        self.summary_view.value = (
            # named after the map: two builders on one page are two distinct landmarks
            f'<div role="region" aria-label="{html.escape(self._summary_label())}">'
            f"<strong>{html.escape(t('builder.summary'))}</strong><ul>"
            + "".join(f"<li>{html.escape(line)}</li>" for line in self.summary.splitlines())
            + "</ul></div>"
        )
        if self.render == "svg":
            # wide maps scroll sideways (keyboard too) instead of squeezing the summary out of view
            self.chart_view.value = svg_figure(self.chart_spec, t("builder.chart_label"))
        else:
            self.chart_view.value = ""

    def _refresh_controls(self) -> None:
        """Show the model's values in the controls, without their observers editing the model."""
        journey = self.journey
        self._syncing = True
        try:
            with self.hold_sync():
                self.title_text.value = journey.title
                self.persona_name.value = journey.persona.name
                self.persona_description.value = journey.persona.description
                self.persona_goals.value = "\n".join(journey.persona.goals)
                self.scenario.value = journey.scenario
                self.expectations.value = "\n".join(journey.expectations)
                if self.model.value != journey.stage_model:
                    self.model.value = journey.stage_model
                self._show_model_source()
                self.stage.options = [
                    (f"{i + 1}. {s.name}", i) for i, s in enumerate(journey.stages)
                ]
                self.stage.value = self.stage_index if journey.stages else None
                lo, hi = journey.emotion_scale
                for slider in (self.emotion, self.emotion_to_be):
                    slider.min, slider.max = -1e9, 1e9  # widen first so min < max always holds
                    slider.min, slider.max = lo, hi
                if journey.stages:
                    stage = journey.stages[self.stage_index]
                    self.new_stage_name.value = stage.name
                    self.emotion_recorded.value = stage.emotion is not None
                    self.emotion.value = (
                        stage.emotion if stage.emotion is not None else (lo + hi) / 2
                    )
                    self.to_be_recorded.value = stage.emotion_to_be is not None
                    self.emotion_to_be.value = (
                        stage.emotion_to_be if stage.emotion_to_be is not None else (lo + hi) / 2
                    )
                    self.addresses.options = [(t("builder.addresses_none"), "")] + [
                        (p.text, p.text) for p in stage.pain_points
                    ]
                    self.cards.options = [
                        (f"{self._lane_label(lane, card)}: {card.text}", (lane, i))
                        for lane in LANES
                        for i, card in enumerate(getattr(stage, lane))
                    ]
                else:
                    self.addresses.options = [(t("builder.addresses_none"), "")]
                    self.cards.options = []
        finally:
            self._syncing = False

    @staticmethod
    def _lane_label(lane: str, card: Card) -> str:
        if isinstance(card, BlueprintCard):
            return card.lane
        return t(f"journey.lane.{lane}")

    def _show_model_source(self) -> None:
        key = self.model.value
        if key in STAGE_MODELS:
            model = STAGE_MODELS[key]
            self.model_source.value = (
                f"<small>{html.escape(model.description)} "
                f"<em>{html.escape(t('builder.model_source', source=model.source))}</em></small>"
            )
        else:
            self.model_source.value = ""

    def _show_lane_fields(self) -> None:
        needed = _LANE_FIELDS.get(self.lane.value, ())
        for name in ("channel", "severity", "owner", "addresses", "moment", "blueprint_lane"):
            getattr(self, name).layout.display = "" if name in needed else "none"

    def _set_status(self, kind: str, message: str) -> None:
        words = {
            "ok": "builder.status.ok",
            "error": "builder.status.error",
            "info": "builder.status.info",
        }
        text = (
            message if message.startswith(("✔", "✖", "ℹ", "⚠")) else t(words[kind], message=message)
        )
        self.status_kind = kind
        self.status = text
        self.status_html.value = (
            f'<div role="status" aria-live="polite" style="color:{_STATUS_COLOURS[kind]};'
            f'font-weight:bold">{html.escape(text)}</div>'
        )

    def _edit(self, make: Any, message: str | None = None) -> bool:
        """Replace the map by ``make()``; on a JourneyError keep the map and explain in words."""
        try:
            new = make()
        except JourneyError as exc:
            self._set_status("error", str(exc))
            return False
        self._autosave_note = None
        self.journey = new
        note = self._autosave_note
        if note is not None and note[0] == "error":
            return True  # the edit is kept; the status says the autosave failed
        if message:
            if note is not None:
                message = f"{message} {t('builder.msg.and_autosaved', path=self.path)}"
                if self._kept_note:  # a file was moved aside: the student must hear about it
                    message = f"{message} {self._kept_note}"
            self._set_status("ok", message)
        return True

    # ------------------------------------------------------------------ handlers

    def _on_meta(self, _change: dict[str, Any]) -> None:
        if self._syncing:
            return
        self._edit(
            lambda: dataclasses.replace(
                self.journey,
                title=self.title_text.value.strip(),
                persona=Persona(
                    name=self.persona_name.value.strip(),
                    description=self.persona_description.value.strip(),
                    goals=_lines(self.persona_goals.value),
                ),
                scenario=self.scenario.value.strip(),
                expectations=_lines(self.expectations.value),
            )
        )

    def _on_stage_pick(self, change: dict[str, Any]) -> None:
        if self._syncing or change["new"] is None:
            return
        self.stage_index = change["new"]

    def _on_emotion(self, change: dict[str, Any]) -> None:
        if self._syncing or not self.journey.stages:
            return
        owner = change["owner"]
        if owner is self.emotion:
            self._syncing = True
            self.emotion_recorded.value = True
            self._syncing = False
        if owner is self.emotion_to_be:
            self._syncing = True
            self.to_be_recorded.value = True
            self._syncing = False
        emotion = self.emotion.value if self.emotion_recorded.value else None
        to_be = self.emotion_to_be.value if self.to_be_recorded.value else None
        i = self.stage_index
        self._edit(lambda: self.journey.set_emotion(i, emotion).set_emotion(i, to_be, to_be=True))

    # ------------------------------------------------------------------ public actions

    def apply_stage_model(self, key: str | None = None) -> None:
        """Switch to the stage model picked in the dropdown (or ``key``); cards stay by position."""
        key = key or self.model.value
        name = STAGE_MODELS[key].name if key in STAGE_MODELS else t("journey.model.custom.name")
        if self._edit(
            lambda: self.journey.with_stage_model(key), t("builder.msg.model_applied", name=name)
        ):
            self.stage_index = 0
            self._refresh_controls()

    def add_stage(self, name: str | None = None) -> None:
        """Add a stage called ``name`` (default: the «Nombre de la etapa» box) after the current one."""
        name = (name if name is not None else self.new_stage_name.value).strip()
        if not name:
            self._set_status("error", t("builder.msg.need_name"))
            return
        index = self.stage_index + 1 if self.journey.stages else 0
        if self._edit(
            lambda: self.journey.add_stage(name, index), t("builder.msg.stage_added", name=name)
        ):
            self.stage_index = index

    def rename_stage(self, name: str | None = None) -> None:
        name = (name if name is not None else self.new_stage_name.value).strip()
        if not self.journey.stages:
            self._set_status("error", t("builder.msg.no_stage"))
        elif not name:
            self._set_status("error", t("builder.msg.need_name"))
        else:
            self._edit(
                lambda: self.journey.rename_stage(self.stage_index, name),
                t("builder.msg.stage_renamed", name=name),
            )

    def remove_stage(self) -> None:
        if not self.journey.stages:
            self._set_status("error", t("builder.msg.no_stage"))
            return
        name = self.journey.stages[self.stage_index].name
        self._edit(
            lambda: self.journey.remove_stage(self.stage_index),
            t("builder.msg.stage_removed", name=name),
        )

    def move_stage(self, step: int) -> None:
        """Move the current stage ``step`` places (−1 earlier, +1 later)."""
        if not self.journey.stages:
            self._set_status("error", t("builder.msg.no_stage"))
            return
        i = self.stage_index
        target = max(0, min(len(self.journey.stages) - 1, i + step))
        name = self.journey.stages[i].name
        if self._edit(
            lambda: self.journey.move_stage(i, target), t("builder.msg.stage_moved", name=name)
        ):
            self.stage_index = target

    def add_card(self) -> None:
        """Add a card to the current stage from the «Tarjetas de la etapa» fields."""
        if not self.journey.stages:
            self._set_status("error", t("builder.msg.no_stage"))
            return
        text = self.card_text.value.strip()
        if not text:
            self._set_status("error", t("builder.msg.need_text"))
            return
        lane = self.lane.value
        evidence = self.evidence.value

        def make() -> JourneyMap:
            card: Card
            if lane == "touchpoints":
                card = Touchpoint(text, evidence=evidence, channel=self.channel.value)
            elif lane == "pain_points":
                card = PainPoint(text, evidence=evidence, severity=self.severity.value)
            elif lane == "opportunities":
                card = Opportunity(
                    text,
                    evidence=evidence,
                    owner=self.owner.value.strip(),
                    addresses=self.addresses.value or "",
                )
            elif lane == "moments":
                card = MomentOfTruth(text, evidence=evidence, kind=self.moment.value)
            elif lane == "blueprint":
                card = BlueprintCard(text, evidence=evidence, lane=self.blueprint_lane.value)
            else:
                card = Card(text, evidence=evidence)
            return self.journey.add_card(self.stage_index, lane, card)

        stage = self.journey.stages[self.stage_index].name
        if self._edit(
            make, t("builder.msg.card_added", lane=t(f"journey.lane.{lane}"), stage=stage)
        ):
            self.card_text.value = ""

    def remove_card(self) -> None:
        """Remove the card picked in the «Tarjetas» list."""
        if not self.cards.value:
            self._set_status("error", t("builder.msg.no_card"))
            return
        lane, index = self.cards.value
        self._edit(
            lambda: self.journey.remove_card(self.stage_index, lane, index),
            t("builder.msg.card_removed"),
        )

    def review(self) -> list[Gap]:
        """The gaps of the current map (see :func:`cjcourse.journey.review`)."""
        return review(self.journey)

    def show_review(self) -> None:
        """«Revisar mapa»: list the gaps, in words, under the button."""
        gaps = self.review()
        self.gaps = gaps
        if not gaps:
            self.review_box.value = (
                f'<div role="status">{html.escape(t("builder.review.none"))}</div>'
            )
            self._set_status("ok", t("builder.review.none"))
            return
        items = "".join(f"<li>{html.escape(g.message)}</li>" for g in gaps)
        self.review_box.value = (
            f'<div role="status"><strong>{html.escape(t("builder.review.count", n=len(gaps)))}'
            f"</strong><ul>{items}</ul></div>"
        )
        self._set_status("info", t("builder.review.count", n=len(gaps)))

    def save(self, path: str | None = None) -> Path | None:
        """Save the map as JSON (atomically) at ``path`` or the «Archivo del mapa» box."""
        path = path or self.path
        if not path:
            self._set_status("error", t("builder.msg.no_path"))
            return None
        try:
            self._keep_damaged_file(path)
            written = save_journey(self.journey, path)
        except OSError as exc:
            self._set_status(
                "error", t("builder.msg.autosave_failed", path=path, reason=exc.strerror or exc)
            )
            return None
        self._verified_path = str(path)
        self._set_status("ok", t("builder.msg.saved", path=path))
        return written

    def load(self, path: str | None = None) -> bool:
        """Open a saved map. A broken file leaves the current map exactly as it was."""
        path = path or self.path
        if not path:
            self._set_status("error", t("builder.msg.no_path"))
            return False
        try:
            journey = load_journey(path)
        except (JourneyError, OSError) as exc:
            self._set_status("error", t("builder.msg.load_kept", message=str(exc)))
            return False
        self._skip_autosave = True  # the file on disk already holds this map
        try:
            self.stage_index = 0
            self.journey = journey
        finally:
            self._skip_autosave = False
        self._verified_path = str(path)
        self._set_status("ok", t("builder.msg.loaded", path=path))
        return True

    def _keep_damaged_file(self, path: str | Path) -> Path | None:
        """Before writing over a file this builder has not read or written, move it aside.

        A map we could not open (damaged, truncated) is kept as ``name.dañado-<time>.json``; any
        other map already there (a mistyped path, someone else's file) as
        ``name.anterior-<time>.json``. Nothing a student saved is ever lost.
        """
        if str(path) == self._verified_path or not Path(path).exists():
            return None
        try:
            load_journey(path)
            tag, key = "anterior", "builder.msg.previous_kept"
        except (JourneyError, OSError):
            tag, key = "dañado", "builder.msg.damaged_kept"
        target = Path(path)
        kept = target.with_name(
            f"{target.stem}.{tag}-{time.strftime('%Y%m%d-%H%M%S')}{target.suffix}"
        )
        target.replace(kept)
        self._kept_note = t(key, path=path, kept=kept.name)
        return kept

    def _autosave(self) -> None:
        self._kept_note = None
        try:
            self._keep_damaged_file(self.path)
            save_journey(self.journey, self.path)
            self._verified_path = str(self.path)
        except OSError as exc:
            self._autosave_note = (
                "error",
                t("builder.msg.autosave_failed", path=self.path, reason=exc.strerror or exc),
            )
        else:
            message = t("builder.msg.autosaved", path=self.path)
            if self._kept_note:
                message = f"{self._kept_note} {message}"
            self._autosave_note = ("ok", message)
        self._set_status(*self._autosave_note)

    def export(self, fmt: str | None = None, path: str | None = None) -> Path | None:
        """Export the chart (PNG, SVG, PDF, HTML, offline) or the map as text (Mermaid, CSV, OJF).

        The file goes next to the map file by default (``mi_mapa.json`` → ``mi_mapa.png``).
        """
        fmt = (fmt or self.export_format.value).lower()
        if path is None:
            base = Path(self.path) if self.path else Path("mapa_del_viaje.json")
            path = str(base.with_suffix(_TEXT_FORMATS.get(fmt, f".{fmt}")))
        try:
            if fmt == "mermaid":
                written = atomic_write_text(path, to_mermaid(self.journey))
            elif fmt == "csv":
                written = write_csv(self.journey, path)
            elif fmt == "ojf":
                doc = json.dumps(to_ojf(self.journey), ensure_ascii=False, indent=2)
                written = atomic_write_text(path, doc + "\n")
            else:
                written = save_chart(self.chart, path, fmt)
        except (JourneyError, OSError, ValueError) as exc:
            self._set_status("error", str(exc))
            return None
        self._set_status("ok", t("builder.msg.exported", path=path))
        return written
