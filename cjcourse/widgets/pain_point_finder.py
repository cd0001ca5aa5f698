"""``PainPointFinder``: which stage of the journey hurts most — and does your map agree?

The headless twin is :func:`cjcourse.metrics.pain_points`: ``finder.result`` is its output for
the current weights. The funnel over stages (the slow part on a big log) runs once; moving a
weight only re-scores the three components, exactly as the metric does.

Given a :class:`~cjcourse.journey.JourneyMap`, the finder also draws ``finder.map_chart``: the
map's stages coloured by the measured drop-off, and the emotion measured by the surveys (rescaled
to the map's emotion scale) beside the emotion the map assumed.

>>> from cjcourse.data import load_shop
>>> shop = load_shop("pequeño", seed=1)
>>> finder = PainPointFinder(shop.events, shop.surveys, render="none")
>>> finder.result["stage"].tolist()[:3]
['conciencia', 'consideración', 'decisión']
>>> finder.top_stage in finder.result["stage"].tolist()
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
import pandas as pd
import traitlets

from cjcourse.charts.painpoints import measured_emotion, measured_map_chart, pain_chart
from cjcourse.charts.render import svg_figure
from cjcourse.data import STAGES
from cjcourse.events import EventLogError, check_columns
from cjcourse.i18n import t
from cjcourse.journey import JourneyMap, emotion_word
from cjcourse.metrics import pain_points
from cjcourse.metrics.painpoints import score_pain_points
from cjcourse.widgets._base import (
    MeasureExplorer,
    fmt_hours,
    fmt_num,
    fmt_pct,
    html_table,
    prepare,
)
from cjcourse.widgets.controls import Slider

__all__ = ["PainPointFinder"]


class PainPointFinder(MeasureExplorer):
    """Events (+ surveys, + your journey map) → stages ranked by pain, with a reading.

    Parameters
    ----------
    events : DataFrame (or any input of the metrics)
        Event log with a stage column (``stage_col``).
    surveys : DataFrame, optional
        Answers with ``stage``, ``survey`` ("nps"/"csat"/"ces") and ``score``.
    journey : JourneyMap, optional
        Your map: its stages (those present in the data) are measured, and ``map_chart`` shows
        the measured emotion beside the one you assumed.
    stages : sequence of str, optional
        Stages in journey order; default: the map's stages, else the course's stages present.
    weights : (dropoff, time, dissatisfaction)
        Initial weights of the three components (controls ``finder.weights``).

    Attributes
    ----------
    result : DataFrame
        :func:`cjcourse.metrics.pain_points` output (empty after an error).
    top_stage : str or None
        The stage ranked first (the worst pain point).
    map_chart : altair chart or None
        The journey map against the data (only with ``journey``).
    """

    weights = traitlets.Tuple(
        traitlets.Float(), traitlets.Float(), traitlets.Float(), default_value=(1.0, 1.0, 1.0)
    )
    _controls = ("weights",)
    _title_key = "widgets.pain.title"

    def __init__(
        self,
        events: Any,
        surveys: pd.DataFrame | None = None,
        *,
        journey: JourneyMap | None = None,
        stages: Sequence[str] | None = None,
        weights: Sequence[float] = (1.0, 1.0, 1.0),
        stage_col: str = "stage",
        customer_col: str = "customer_id",
        timestamp_col: str = "timestamp",
        render: str = "svg",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.journey = journey
        self.top_stage: str | None = None
        self.map_chart = None
        self.map_spec: dict[str, Any] = {}
        self.missing_stages: list[str] = []
        self._base: pd.DataFrame | None = None
        self._input_error = None
        self.set_trait("weights", tuple(float(w) for w in weights))
        try:
            df = prepare(
                events,
                customer_col=customer_col,
                event_col=stage_col,
                timestamp_col=timestamp_col,
            )
            if surveys is not None:
                check_columns(surveys, stage_col=stage_col, survey_col="survey", score_col="score")
            present = [str(s) for s in pd.unique(df[stage_col].dropna())]
            if stages is None:
                if journey is not None:
                    stages = [s.name for s in journey.stages]
                else:
                    stages = [s for s in STAGES if s in present]
                    if not stages:  # another log: stages in the order they first happen
                        first = df.groupby(stage_col, observed=True)[timestamp_col].min()
                        stages = [str(s) for s in first.sort_values().index]
            self.missing_stages = [s for s in stages if s not in present]
            self.stages = tuple(s for s in stages if s in present)
            if not self.stages:
                raise EventLogError(
                    t(
                        "widgets.pain.no_stages",
                        column=stage_col,
                        known=", ".join(repr(s) for s in present[:15]),
                    )
                )
            self._base = pain_points(
                df,
                list(self.stages),
                surveys=surveys,
                stage_col=stage_col,
                customer_col=customer_col,
                timestamp_col=timestamp_col,
            )
        except (EventLogError, ValueError) as exc:
            self._input_error = str(exc)
            self.stages = tuple(stages or ())
        labels = ("widgets.pain.w_dropoff", "widgets.pain.w_time", "widgets.pain.w_sat")
        self.weight_controls = [
            Slider(value=float(w), min=0.0, max=3.0, step=0.5, decimals=1, description=t(key))
            for key, w in zip(labels, self.weights, strict=True)
        ]
        for i, control in enumerate(self.weight_controls):
            control.observe(lambda change, i=i: self._pull_weight(i, change["new"]), names="value")
        self.observe(self._push_weights, names="weights")
        self.map_view = widgets.HTML()
        self._setup(self.weight_controls, render)
        self.children = (*self.children, self.map_view)

    # ------------------------------------------------------------ controls

    @traitlets.validate("weights")
    def _valid_weights(self, proposal: dict[str, Any]) -> tuple[float, float, float]:
        value = tuple(proposal["value"])
        return value  # checked in _compute: a bad value becomes words, not a TraitError

    def _pull_weight(self, i: int, value: float) -> None:
        new = list(self.weights)
        new[i] = float(value)
        if tuple(new) != self.weights:
            self.weights = tuple(new)

    def _push_weights(self, change: dict[str, Any]) -> None:
        for control, value in zip(self.weight_controls, change["new"], strict=True):
            if control.value != value and control.min <= value <= control.max:
                control.value = value

    # ------------------------------------------------------------ compute

    def _compute(self) -> None:
        assert self._base is not None
        result = score_pain_points(self._base, self.weights)  # checks the weights too
        self.result = result
        top = result.loc[result["rank"] == 1, "stage"]
        self.top_stage = str(top.iloc[0]) if len(top) else None
        self.reading = self._read(result)
        self.chart = pain_chart(result, description=self.reading)
        if self.journey is not None:
            self.map_chart = measured_map_chart(self.journey, result, description=self.reading)
            self.map_spec = self.map_chart.to_dict(validate=False)

    def _clear(self) -> None:
        self.top_stage = None
        self.map_chart = None
        self.map_spec = {}

    def _read(self, res: pd.DataFrame) -> str:
        ordered = res.sort_values("rank")
        top = ordered.iloc[0]
        details = []
        if pd.notna(top["dropoff"]):
            details.append(t("widgets.pain.read_dropoff", pct=fmt_pct(float(top["dropoff"]))))
        if pd.notna(top["median_hours_from_previous"]):
            details.append(
                t(
                    "widgets.pain.read_hours",
                    time=fmt_hours(float(top["median_hours_from_previous"])),
                )
            )
        if pd.notna(top["satisfaction"]):
            details.append(
                t(
                    "widgets.pain.read_sat",
                    sat=fmt_num(float(top["satisfaction"]), 2),
                    n=fmt_num(int(top["responses"])),
                )
            )
        text = t("widgets.pain.read_top", stage=top["stage"])
        text += (": " + ", ".join(details) + ".") if details else "."
        parts = [text]
        if len(ordered) > 1:
            parts.append(
                t(
                    "widgets.pain.read_next",
                    stages=", ".join(f"«{s}»" for s in ordered["stage"].iloc[1:3]),
                )
            )
        if self.journey is not None:
            parts.append(self._read_map(res))
            if self.missing_stages:
                parts.append(t("widgets.pain.read_missing", stages=", ".join(self.missing_stages)))
        return " ".join(parts)

    def _read_map(self, res: pd.DataFrame) -> str:
        assert self.journey is not None
        scale = self.journey.emotion_scale
        sat = dict(zip(res["stage"].astype(str), res["satisfaction"], strict=True))
        worst_gap, worst = 0.0, None
        for stage in self.journey.stages:
            measured = measured_emotion(sat.get(stage.name), scale)
            if stage.emotion is None or measured is None:
                continue
            gap = abs(stage.emotion - measured)
            if gap > worst_gap:
                worst_gap, worst = gap, (stage.name, stage.emotion, measured)
        if worst is None or emotion_word(worst[1], scale) == emotion_word(worst[2], scale):
            return t("widgets.pain.read_match")
        return t(
            "widgets.pain.read_gap",
            stage=worst[0],
            assumed=emotion_word(worst[1], scale),
            measured=emotion_word(worst[2], scale),
        )

    # ------------------------------------------------------------ draw

    def _draw(self) -> None:
        super()._draw()
        if self.error or self.map_chart is None or self.render != "svg":
            self.map_view.value = ""
            return
        self.map_view.value = svg_figure(self.map_spec, self.reading)

    def _table_html(self) -> str:
        cols = [
            ("rank", t("widgets.pain.col_rank"), None),
            ("stage", t("widgets.pain.col_stage"), None),
            ("customers", t("widgets.pain.col_customers"), fmt_num),
            ("dropoff", t("widgets.pain.col_dropoff"), fmt_pct),
            ("median_hours_from_previous", t("widgets.pain.col_hours"), fmt_hours),
            ("satisfaction", t("widgets.pain.col_sat"), lambda v: fmt_num(v, 2)),
            ("responses", t("widgets.pain.col_responses"), fmt_num),
            ("pain_score", t("widgets.pain.col_score"), lambda v: fmt_num(v, 2)),
        ]
        return html_table(self.result, cols, caption=t("widgets.pain.caption"))
