"""What the measuring widgets share: layout, error handling, drawing and Spanish number formats.

Every explorer is a :class:`MeasureExplorer`: its controls are typed traitlets on the widget
itself (``explorer.mode = "open"`` recomputes at once, no browser needed), each linked to a
labelled ipywidgets control (``explorer.mode_control``). One observer recomputes; it sets the
result as plain data (``result``, ``reading``, ``chart``, ``error``) and then draws it:

- the chart as static SVG made offline by vl-convert (``render="none"`` skips drawing: tests,
  benchmarks), with the reading as its accessible description;
- the reading in words and the result as an HTML table (the text alternative of the chart);
- any error as words (✖ and the schema's Spanish message), never a traceback.
"""

from __future__ import annotations

import contextlib
import html
import math
from collections.abc import Callable, Iterator, Sequence
from typing import Any

import ipywidgets as widgets
import pandas as pd
import traitlets

from cjcourse.charts.render import svg_figure
from cjcourse.events import EventLogError, validate_events
from cjcourse.i18n import t

__all__ = [
    "STYLE",
    "MeasureExplorer",
    "column_label",
    "fmt_hours",
    "fmt_num",
    "fmt_pct",
    "html_table",
    "prepare",
]

#: Style of every control: the Spanish label is never cut.
STYLE = {"description_width": "initial"}
# status colours (Okabe–Ito) always come with a word and a symbol
_STATUS = {"ok": ("✔", "#009E73"), "error": ("✖", "#D55E00"), "warning": ("⚠", "#E69F00")}


def column_label(column: str | None) -> str:
    """The student's word for a data column ("device" -> "dispositivo"); unknown names unchanged."""
    if column is None:
        return t("widgets.none")
    return t(f"widgets.column.{column}", default=str(column))


# ----------------------------------------------------------------------------- Spanish numbers


def fmt_num(value: float, digits: int = 0) -> str:
    """1234.5 → '1.234' (digits=0) or '1.234,5' (digits=1): Spanish separators.

    >>> fmt_num(1234567), fmt_num(3.14159, 2)
    ('1.234.567', '3,14')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    text = f"{value:,.{digits}f}"
    return text.replace(",", "\u00a0").replace(".", ",").replace("\u00a0", ".")


def fmt_pct(share: float, digits: int = 0) -> str:
    """A share (0.62) as '62 %' (Spanish style: a space before the sign).

    >>> fmt_pct(0.623), fmt_pct(0.0512, 1)
    ('62 %', '5,1 %')
    """
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "—"
    return f"{fmt_num(100 * share, digits)} %"


def fmt_hours(hours: float) -> str:
    """A duration in hours in words: minutes under an hour, days over two days.

    >>> fmt_hours(0.25), fmt_hours(5), fmt_hours(72)
    ('15 min', '5,0 h', '3,0 días')
    """
    if hours is None or (isinstance(hours, float) and math.isnan(hours)):
        return "—"
    if hours * 60 < 1:
        return "< 1 min"
    if hours < 1:
        return f"{fmt_num(hours * 60)} min"
    if hours < 48:
        return f"{fmt_num(hours, 1)} h"
    return f"{fmt_num(hours / 24, 1)} {t('widgets.days')}"


def html_table(
    frame: pd.DataFrame,
    columns: Sequence[tuple[str, str, Callable[[Any], str] | None]],
    *,
    caption: str = "",
    max_rows: int = 60,
) -> str:
    """An accessible HTML table: ``columns`` are (column, Spanish header, formatter)."""
    head = "".join(
        f"<th scope='col' style='text-align:left;padding:2px 8px'>{html.escape(h)}</th>"
        for _, h, _ in columns
    )
    body = []
    for _, row in frame.head(max_rows).iterrows():
        cells = []
        for col, _, fmt in columns:
            value = row[col] if col in row.index else None
            text = fmt(value) if fmt is not None else ("—" if value is None else str(value))
            cells.append(f"<td style='padding:2px 8px'>{html.escape(text)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    more = ""
    if len(frame) > max_rows:
        more = f"<p>{html.escape(t('widgets.more_rows', n=len(frame) - max_rows))}</p>"
    cap = f"<caption style='text-align:left'>{html.escape(caption)}</caption>" if caption else ""
    return f"<table>{cap}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>{more}"


# ----------------------------------------------------------------------------- input boundary


def prepare(
    events: Any,
    *,
    customer_col: str = "customer_id",
    event_col: str = "event",
    timestamp_col: str = "timestamp",
    extra_cols: Sequence[str] = (),
) -> pd.DataFrame:
    """Validate the event log once and return a pandas frame (any input the metrics accept).

    Raises :class:`~cjcourse.events.EventLogError` with the schema's Spanish message.
    """
    if not isinstance(events, pd.DataFrame):
        from cjcourse.events import quiet, to_table

        table = to_table(
            events,
            customer_col=customer_col,
            event_col=event_col,
            timestamp_col=timestamp_col,
            extra_cols=list(extra_cols),
        )
        with quiet():  # every column: the optional ones (channel, device…) feed the controls
            events = table.to_pandas()
    return validate_events(
        events,
        customer_col=customer_col,
        event_col=event_col,
        timestamp_col=timestamp_col,
        extra_cols=list(extra_cols),
    )


# ----------------------------------------------------------------------------- the widget


class MeasureExplorer(widgets.VBox):
    """Base of the measuring widgets (not used directly).

    Subclasses list their control traits in ``_controls`` and implement :meth:`_compute`
    (set ``result``, ``chart``, ``reading``; raise ``ValueError`` for a student's mistake),
    :meth:`_table_html` and optionally :meth:`_warnings`.
    """

    error = traitlets.Unicode(None, allow_none=True, help="Spanish message of the last error.")
    reading = traitlets.Unicode("", help="The result in plain Spanish.")
    render = traitlets.Enum(("svg", "none"), "svg", help="How the chart is drawn.")

    _controls: tuple[str, ...] = ()
    _title_key = "widgets.title"

    def _setup(self, controls: list[widgets.Widget], render: str) -> None:
        """Build the layout, start observing the controls and compute once."""
        self.result = pd.DataFrame()
        self.chart = None
        self.chart_spec: dict[str, Any] = {}
        self.warnings: list[str] = []
        self._held = False
        self._dirty = False
        self.title_view = widgets.HTML(
            f"<h3 style='margin:4px 0'>{html.escape(t(self._title_key))}</h3>"
        )
        self.controls_box = widgets.VBox(controls)
        self.status_view = widgets.HTML()
        self.chart_view = widgets.HTML()
        self.reading_view = widgets.HTML()
        self.table_view = widgets.HTML()
        self.children = [
            self.title_view,
            self.controls_box,
            self.status_view,
            self.reading_view,
            self.chart_view,
            self.table_view,
        ]
        self.set_trait("render", render)
        self.observe(self._on_control, names=list(self._controls))
        self.observe(lambda _c: self._draw(), names="render")
        self.refresh()

    def _bind(
        self,
        name: str,
        control: widgets.Widget,
        *,
        to_control: Callable[[Any], Any] | None = None,
        from_control: Callable[[Any], Any] | None = None,
    ) -> None:
        """Keep a trait and its control in step, without letting a bad value break the link."""
        to_control = to_control or (lambda v: v)
        from_control = from_control or (lambda v: v)

        pushing = []

        def push(change: dict[str, Any]) -> None:
            value = to_control(change["new"])
            if control.value != value:
                pushing.append(True)  # the control shows the value; it must not write it back
                try:
                    control.value = value
                except traitlets.TraitError:
                    pass  # an invalid value: the recompute explains it in words
                finally:
                    pushing.pop()

        def pull(change: dict[str, Any]) -> None:
            if pushing:
                return
            value = from_control(change["new"])
            if getattr(self, name) != value:
                setattr(self, name, value)

        self.observe(push, names=name)
        control.observe(pull, names="value")

    # ------------------------------------------------------------ recompute

    def _on_control(self, _change: dict[str, Any]) -> None:
        if self._held:
            self._dirty = True
        else:
            self.refresh()

    @contextlib.contextmanager
    def hold(self) -> Iterator[None]:
        """Change several controls and recompute once::

        with explorer.hold():
            explorer.mode = "closed"
            explorer.window_days = 7
        """
        self._held = True
        try:
            yield
        finally:
            self._held = False
            if self._dirty:
                self._dirty = False
                self.refresh()

    def refresh(self) -> None:
        """Recompute the result for the current controls and draw it."""
        self.warnings = []
        try:
            if getattr(self, "_input_error", None):
                raise EventLogError(self._input_error)
            # altair validates every piece of a chart as it is built ("debug mode") and again in
            # to_dict(): that was half the time of a control change. The chart builders are
            # validated by the tests (chart.to_dict()); a widget only serialises the spec.
            from altair.utils.schemapi import debug_mode

            with debug_mode(False):
                self._compute()
                spec = self.chart.to_dict(validate=False) if self.chart is not None else {}
            self.chart_spec = spec
            self.error = None
        except Exception as exc:  # a student must see words, never a traceback
            self.result = pd.DataFrame()
            self.chart = None
            self.chart_spec = {}
            self.reading = ""
            self._clear()
            if isinstance(exc, (ValueError, KeyError, TypeError)):
                self.error = str(exc).strip("'\"")
            else:  # pragma: no cover (a bug: still words, but say it is unexpected)
                self.error = t("widgets.unexpected", kind=type(exc).__name__, message=str(exc))
        self._draw()

    def _compute(self) -> None:  # pragma: no cover (abstract)
        raise NotImplementedError

    def _clear(self) -> None:
        """Reset the extra results of a subclass after an error."""

    def _table_html(self) -> str:  # pragma: no cover (abstract)
        return ""

    # ------------------------------------------------------------ draw

    def _status_html(self) -> str:
        if self.error:
            symbol, colour = _STATUS["error"]
            return (
                f"<div role='alert' style='border-left:4px solid {colour};padding:4px 8px'>"
                f"<strong>{symbol} {html.escape(t('widgets.error'))}</strong> "
                f"<span style='white-space:pre-wrap'>{html.escape(self.error)}</span></div>"
            )
        if self.warnings:
            symbol, colour = _STATUS["warning"]
            items = "".join(f"<li>{html.escape(w)}</li>" for w in self.warnings)
            return (
                f"<div role='status' style='border-left:4px solid {colour};padding:4px 8px'>"
                f"<strong>{symbol} {html.escape(t('widgets.warning'))}</strong><ul>{items}</ul></div>"
            )
        return ""

    def _draw(self) -> None:
        with self.hold_sync():
            self.status_view.value = self._status_html()
            if self.error:
                self.reading_view.value = ""
                self.chart_view.value = ""
                self.table_view.value = ""
                return
            self.reading_view.value = (
                f"<p role='note'><strong>{html.escape(t('widgets.reading'))}</strong> "
                f"{html.escape(self.reading)}</p>"
            )
            self.chart_view.value = self._svg() if self.render == "svg" else ""
            table = self._table_html() if self.render == "svg" else ""
            self.table_view.value = (
                f"<details><summary>{html.escape(t('widgets.show_table'))}</summary>{table}</details>"
                if table
                else ""
            )

    def _svg(self) -> str:
        if not self.chart_spec:
            return ""
        try:
            return svg_figure(self.chart_spec, self.reading or t(self._title_key))
        except Exception:  # pragma: no cover (the table and the reading still show the result)
            return ""
