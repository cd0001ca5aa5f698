"""``AttributionExplorer``: which channels get the credit for the purchases, model by model.

The headless twin is :func:`cjcourse.metrics.attribution_comparison`: ``explorer.result`` is its
table (channels × models) restricted to the chosen models, in the chosen order. Each model's
credits are computed once per event log (through :func:`cjcourse.metrics.attribution` and
:func:`~cjcourse.metrics.markov_attribution`), all six when the widget is built, and remembered,
so ticking models on and off is instant even on a million events.

>>> from cjcourse.data import load_shop
>>> ax = AttributionExplorer(load_shop("pequeño", seed=1).events,
...                          models=("first_touch", "last_touch"), render="none")
>>> ax.result.columns.tolist()
['first_touch', 'last_touch']
>>> bool(abs(ax.result.sum() - ax.result.sum().iloc[0]).max() < 1e-6)  # same total per model
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
import pandas as pd
import traitlets

from cjcourse.charts.attribution import attribution_chart
from cjcourse.events import EventLogError
from cjcourse.i18n import t
from cjcourse.metrics import attribution, markov_attribution
from cjcourse.metrics.attribution import MODELS as RULE_MODELS
from cjcourse.widgets._base import STYLE, MeasureExplorer, fmt_num, fmt_pct, html_table, prepare

__all__ = ["ALL_MODELS", "AttributionExplorer"]

ALL_MODELS = (*RULE_MODELS, "markov")


class AttributionExplorer(MeasureExplorer):
    """Attribution models → conversions credited per channel and model, side by side.

    Parameters
    ----------
    events : DataFrame (or any input of the metrics)
        Event log with a channel column.
    models : sequence of str
        Any of ``first_touch, last_touch, linear, time_decay, position_based, markov``.
    conversion_event, touch_events, channel_col, lookback_days, half_life_days
        Passed to :func:`cjcourse.metrics.attribution` (``lookback_days`` as ``lookback``).
    precompute : bool
        Compute all six models when the widget is built (about 0.6 s per model on a million
        events), so that choosing models later is instant; ``False`` computes each model the
        first time it is chosen.

    Attributes
    ----------
    result : DataFrame
        Index ``channel``, one column per chosen model: credited conversions.
    """

    models = traitlets.Any(ALL_MODELS, help="Chosen models (tuple of names).")
    _controls = ("models",)
    _title_key = "widgets.attr.title"

    def __init__(
        self,
        events: Any,
        *,
        models: Sequence[str] = ALL_MODELS,
        conversion_event: str = "compra",
        touch_events: Sequence[str] | None = None,
        channel_col: str = "channel",
        lookback_days: float | None = None,
        half_life_days: float = 7.0,
        precompute: bool = True,
        customer_col: str = "customer_id",
        event_col: str = "event",
        timestamp_col: str = "timestamp",
        render: str = "svg",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self._cache: dict[str, pd.Series] = {}
        self._input_error = None
        self._df: pd.DataFrame | None = None
        self._kw = {
            "conversion_event": conversion_event,
            "touch_events": touch_events,
            "channel_col": channel_col,
            "lookback": lookback_days,
            "customer_col": customer_col,
            "event_col": event_col,
            "timestamp_col": timestamp_col,
        }
        self._half_life = half_life_days
        try:
            self._df = prepare(
                events,
                customer_col=customer_col,
                event_col=event_col,
                timestamp_col=timestamp_col,
                extra_cols=[channel_col],
            )
            # every model reads the same four columns and turns the labels into text: do that
            # once here (same values, about half the time of each model on a big log)
            cols = list(dict.fromkeys([customer_col, event_col, timestamp_col, channel_col]))
            slim = self._df[cols]
            labels = [c for c in (event_col, channel_col) if not slim[c].isna().any()]
            self._df = slim.astype(dict.fromkeys(labels, str))
        except EventLogError as exc:
            self._input_error = str(exc)
        self.set_trait("models", tuple(models))
        self.models_control = widgets.SelectMultiple(
            options=[(t(f"widgets.attr.model.{m}"), m) for m in ALL_MODELS],
            value=tuple(m for m in models if m in ALL_MODELS),
            rows=len(ALL_MODELS),
            description=t("widgets.attr.models"),
            style=STYLE,
        )
        self._bind("models", self.models_control, to_control=self._valid_only)
        if precompute and self._input_error is None:
            try:  # every model once now, so that ticking any model on is instant
                for model in ALL_MODELS:
                    self.credits(model)
            except EventLogError:
                pass  # e.g. no conversions: the recompute below explains it in words
        self._setup([self.models_control], render)

    @staticmethod
    def _valid_only(models: Sequence[str]) -> tuple[str, ...]:
        return tuple(m for m in models if m in ALL_MODELS)

    @traitlets.validate("models")
    def _as_tuple(self, proposal: dict[str, Any]) -> tuple[str, ...]:
        value = proposal["value"]
        if isinstance(value, str) or not hasattr(value, "__iter__"):
            value = (value,)
        return tuple(str(v) for v in value)

    def credits(self, model: str) -> pd.Series:
        """Conversions credited to every channel by ``model`` (computed once, then remembered)."""
        if model not in self._cache:
            if model == "markov":
                res = markov_attribution(self._df, **self._kw)
            else:
                res = attribution(self._df, model=model, half_life_days=self._half_life, **self._kw)
            self._cache[model] = res.set_index("channel")["conversions"]
        return self._cache[model]

    def _compute(self) -> None:
        assert self._df is not None
        models = self.models
        if not models:
            raise EventLogError(t("widgets.attr.no_models", models=", ".join(ALL_MODELS)))
        unknown = [m for m in models if m not in ALL_MODELS]
        if unknown:
            raise EventLogError(
                t("metrics.bad_model", model=unknown[0], models=", ".join(ALL_MODELS))
            )
        table = pd.DataFrame({m: self.credits(m) for m in models}).fillna(0.0).sort_index()
        table.index.name = "channel"
        self.result = table
        self.reading = self._read(table)
        self.chart = attribution_chart(table, description=self.reading)

    def _read(self, table: pd.DataFrame) -> str:
        total = float(table.iloc[:, 0].sum())
        tops = {m: str(table[m].idxmax()) for m in table.columns}
        first = table.columns[0]
        parts = [
            t(
                "widgets.attr.read_top",
                model=t(f"widgets.attr.model.{first}"),
                channel=tops[first],
                value=fmt_num(float(table[first].max())),
                pct=fmt_pct(float(table[first].max()) / total if total else float("nan")),
                total=fmt_num(total),
            )
        ]
        if len(table.columns) > 1:
            if len(set(tops.values())) == 1:
                parts.append(t("widgets.attr.read_same"))
            else:
                parts.append(
                    t(
                        "widgets.attr.read_differ",
                        tops=", ".join(
                            f"{t(f'widgets.attr.model.{m}')} → «{c}»" for m, c in tops.items()
                        ),
                    )
                )
            spread = table.max(axis=1) - table.min(axis=1)
            channel = spread.idxmax()
            row = table.loc[channel]
            parts.append(
                t(
                    "widgets.attr.read_spread",
                    channel=channel,
                    low=fmt_num(float(row.min())),
                    low_model=t(f"widgets.attr.model.{row.idxmin()}"),
                    high=fmt_num(float(row.max())),
                    high_model=t(f"widgets.attr.model.{row.idxmax()}"),
                )
            )
        return " ".join(parts)

    def _table_html(self) -> str:
        shown = self.result.reset_index()
        cols = [("channel", t("widgets.attr.col_channel"), None)] + [
            (m, t(f"widgets.attr.model.{m}"), lambda v: fmt_num(v, 1)) for m in self.result.columns
        ]
        return html_table(shown, cols, caption=t("widgets.attr.caption"))
