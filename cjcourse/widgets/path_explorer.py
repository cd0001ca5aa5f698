"""``PathExplorer``: the most common paths through the journey, and what comes after an event.

Headless twins: :func:`cjcourse.metrics.path_links` (on the journeys cut between ``start_event``
and ``end_event``, see :func:`trim_journeys`) and :func:`cjcourse.metrics.next_actions`.
``explorer.links`` is exactly ``path_links(trim_journeys(events, start, end), max_steps=…)``,
``explorer.result`` its ``top_n`` largest flows of every step, and ``explorer.next_actions``
exactly ``next_actions(events, focus_event)``. The event log is sorted once (customer, time,
event name, as the metrics order it) so that a control change is answered with numpy in
milliseconds even on a million events.

>>> from cjcourse.data import load_shop
>>> px = PathExplorer(load_shop("pequeño", seed=1).events, top_n=3, render="none")
>>> int(px.result.groupby("step").size().max())
3
>>> px.focus_event = "carrito"
>>> "iniciar_pago" in px.next_actions["action"].tolist()
True
"""

from __future__ import annotations

import difflib
from typing import Any

import ipywidgets as widgets
import numpy as np
import pandas as pd
import traitlets

from cjcourse.charts.paths import next_actions_chart, path_flow_chart
from cjcourse.data import EVENTS
from cjcourse.events import EventLogError
from cjcourse.i18n import t
from cjcourse.metrics.paths import END
from cjcourse.widgets._base import STYLE, MeasureExplorer, fmt_num, fmt_pct, html_table, prepare
from cjcourse.widgets.controls import IntSlider

__all__ = ["PathExplorer", "trim_journeys"]


class _PathEngine:
    """The log sorted once as integer arrays; trims, links and next actions in numpy."""

    def __init__(self, df: pd.DataFrame, customer_col: str, event_col: str, timestamp_col: str):
        cust = pd.factorize(df[customer_col])[0]
        codes, uniques = pd.factorize(df[event_col])
        names = [str(u) for u in uniques]
        self.names = sorted(names)  # codes follow the alphabetical order (ties at equal times)
        alpha = np.array([self.names.index(n) for n in names], dtype=np.int64)
        ev = alpha[codes]
        ts = df[timestamp_col].to_numpy().astype("datetime64[us]").astype(np.int64)
        self.order = np.lexsort((ev, ts, cust))
        self.e = ev[self.order]
        c = cust[self.order]
        new = np.r_[True, c[1:] != c[:-1]] if len(c) else np.zeros(0, bool)
        self.seg = np.cumsum(new) - 1  # customer number in sorted order
        self.first_row = np.flatnonzero(new)
        self.n_cust = len(self.first_row)
        self.n = len(c)
        self._links: dict[tuple[Any, ...], tuple[pd.DataFrame, int]] = {}
        self._next: dict[str, pd.DataFrame] = {}

    def code(self, event: str) -> int:
        return self.names.index(event)

    def keep(self, start: str | None, end: str | None) -> np.ndarray:
        """Boolean mask (sorted order): rows from the first ``start`` to the next ``end``."""
        idx = np.arange(self.n)
        if start is None:
            first = self.first_row
        else:
            rows = np.flatnonzero(self.e == self.code(start))
            first = np.full(self.n_cust, self.n)
            np.minimum.at(first, self.seg[rows], rows)
        keep = idx >= first[self.seg]
        if end is not None:
            rows = np.flatnonzero(self.e == self.code(end))
            after = rows >= first[self.seg[rows]] if start is None else rows > first[self.seg[rows]]
            rows = rows[after]
            last = np.full(self.n_cust, self.n)
            np.minimum.at(last, self.seg[rows], rows)
            keep &= idx <= last[self.seg]
        return keep

    def links(self, start: str | None, end: str | None, max_steps: int) -> tuple[pd.DataFrame, int]:
        """(path_links of the cut journeys, number of customers followed); remembered."""
        key = (start, end, max_steps)
        if key not in self._links:
            if len(self._links) >= 64:
                self._links.pop(next(iter(self._links)))
            self._links[key] = self._compute_links(start, end, max_steps)
        links, followed = self._links[key]
        return links.copy(), followed

    def _compute_links(
        self, start: str | None, end: str | None, max_steps: int
    ) -> tuple[pd.DataFrame, int]:
        k = np.flatnonzero(self.keep(start, end))
        c, e = self.seg[k], self.e[k]
        # collapse repeats (path_links' default): kept rows of a customer are contiguous
        rep = np.r_[False, (c[1:] == c[:-1]) & (e[1:] == e[:-1])] if len(c) else np.zeros(0, bool)
        c, e = c[~rep], e[~rep]
        n = len(c)
        followed = len(np.unique(c))
        if n < 2:
            empty = pd.DataFrame(
                {
                    "step": pd.Series([], dtype="int64"),
                    "source": pd.Series([], dtype=object),
                    "target": pd.Series([], dtype=object),
                    "customers": pd.Series([], dtype="int64"),
                }
            )
            return empty, followed
        pos = np.arange(n)
        new = np.r_[True, c[1:] != c[:-1]]
        rank = pos - np.maximum.accumulate(np.where(new, pos, 0)) + 1
        ok = np.r_[(c[1:] == c[:-1]), False] & (rank < max_steps)
        i = np.flatnonzero(ok)
        n_e = len(self.names)
        combo = (rank[i] * n_e + e[i]) * n_e + e[i + 1]
        values, counts = np.unique(combo, return_counts=True)
        step = values // (n_e * n_e)
        src = (values // n_e) % n_e
        tgt = values % n_e
        names = np.array(self.names, dtype=object)
        out = pd.DataFrame(
            {
                "step": step.astype("int64"),
                "source": [f"{s}. {x}" for s, x in zip(step, names[src], strict=True)],
                "target": [f"{s + 1}. {x}" for s, x in zip(step, names[tgt], strict=True)],
                "customers": counts.astype("int64"),
            }
        )
        out = out.sort_values(
            ["step", "customers", "source", "target"], ascending=[True, False, True, True]
        )
        return out.reset_index(drop=True), followed

    def next_actions(self, event: str) -> pd.DataFrame:
        if event not in self._next:
            self._next[event] = self._compute_next(event)
        return self._next[event].copy()

    def _compute_next(self, event: str) -> pd.DataFrame:
        n_e = len(self.names)
        rows = np.flatnonzero(self.e == self.code(event))
        nxt = np.full(len(rows), n_e)  # n_e = "(fin)"
        has = rows + 1 < self.n
        same = np.zeros(len(rows), bool)
        same[has] = self.seg[rows[has] + 1] == self.seg[rows[has]]
        nxt[same] = self.e[rows[same] + 1]
        count = np.bincount(nxt, minlength=n_e + 1)
        pairs = np.unique(self.seg[rows] * (n_e + 1) + nxt)
        customers = np.bincount(pairs % (n_e + 1), minlength=n_e + 1)
        labels = [*self.names, END]
        present = np.flatnonzero(count)
        out = pd.DataFrame(
            {
                "action": [labels[i] for i in present],
                "count": count[present].astype("int64"),
                "customers": customers[present].astype("int64"),
            }
        )
        out["share"] = out["count"] / out["count"].sum() if len(out) else []
        out = out.sort_values(["count", "action"], ascending=[False, True])
        return out.reset_index(drop=True)


def trim_journeys(
    events: pd.DataFrame,
    start_event: str | None = None,
    end_event: str | None = None,
    *,
    customer_col: str = "customer_id",
    event_col: str = "event",
    timestamp_col: str = "timestamp",
) -> pd.DataFrame:
    """The rows of each customer from their first ``start_event`` to the next ``end_event``.

    Customers who never did ``start_event`` are left out; without ``end_event`` a journey goes
    to the customer's last event. Events are ordered as the path metrics order them (time, then
    event name).

    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1, 1, 1, 1, 2],
    ...     "event": ["visita", "carrito", "visita", "compra", "visita"],
    ...     "timestamp": pd.to_datetime(["2026-01-01"] * 5) + pd.to_timedelta(range(5), "h")})
    >>> trim_journeys(log, "carrito", "compra")["event"].tolist()
    ['carrito', 'visita', 'compra']
    """
    df = prepare(
        events, customer_col=customer_col, event_col=event_col, timestamp_col=timestamp_col
    )
    engine = _PathEngine(df, customer_col, event_col, timestamp_col)
    keep = engine.keep(start_event, end_event)
    rows = np.sort(engine.order[keep])
    return df.iloc[rows]


class PathExplorer(MeasureExplorer):
    """Start/end events, flows per step and a focus event → a Sankey-style flow and a reading.

    Parameters
    ----------
    events : DataFrame (or any input of the metrics)
    start_event, end_event : str, optional
        Follow each customer from their first ``start_event`` to the next ``end_event``.
    top_n : int
        Flows kept (and drawn) per step: the largest ones.
    max_steps : int
        Positions of the journey shown (``path_links``' ``max_steps``).
    focus_event : str, optional
        Event whose next actions are shown; default ``start_event``, else ``"carrito"``.

    Attributes
    ----------
    result : DataFrame
        ``step, source, target, customers``: the ``top_n`` largest flows of every step.
    links : DataFrame
        All the flows (:func:`cjcourse.metrics.path_links` of the cut journeys).
    next_actions : DataFrame
        :func:`cjcourse.metrics.next_actions` for ``focus_event``.
    """

    start_event = traitlets.Unicode(None, allow_none=True)
    end_event = traitlets.Unicode(None, allow_none=True)
    top_n = traitlets.Any(10)
    max_steps = traitlets.Any(5)
    focus_event = traitlets.Unicode(None, allow_none=True)

    _controls = ("start_event", "end_event", "top_n", "max_steps", "focus_event")
    _title_key = "widgets.paths.title"

    def __init__(
        self,
        events: Any,
        *,
        start_event: str | None = None,
        end_event: str | None = None,
        top_n: int = 10,
        max_steps: int = 5,
        focus_event: str | None = None,
        customer_col: str = "customer_id",
        event_col: str = "event",
        timestamp_col: str = "timestamp",
        render: str = "svg",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.links = pd.DataFrame()
        self.next_actions = pd.DataFrame()
        self._event_col = event_col
        self._input_error = None
        self._engine: _PathEngine | None = None
        names: list[str] = []
        try:
            df = prepare(
                events, customer_col=customer_col, event_col=event_col, timestamp_col=timestamp_col
            )
            self._engine = _PathEngine(df, customer_col, event_col, timestamp_col)
            names = [e for e in EVENTS if e in self._engine.names] + [
                e for e in self._engine.names if e not in EVENTS
            ]
        except EventLogError as exc:
            self._input_error = str(exc)
        if focus_event is None:
            focus_event = start_event or ("carrito" if "carrito" in names else (names or [None])[0])
        for name, value in (
            ("start_event", start_event),
            ("end_event", end_event),
            ("top_n", top_n),
            ("max_steps", max_steps),
            ("focus_event", focus_event),
        ):
            self.set_trait(name, value)
        self.start_control = widgets.Dropdown(
            options=[(t("widgets.paths.first_event"), None)] + [(n, n) for n in names],
            value=start_event if start_event in names else None,
            description=t("widgets.paths.start"),
            style=STYLE,
        )
        self.end_control = widgets.Dropdown(
            options=[(t("widgets.paths.to_the_end"), None)] + [(n, n) for n in names],
            value=end_event if end_event in names else None,
            description=t("widgets.paths.end"),
            style=STYLE,
        )
        self.top_n_control = IntSlider(
            value=top_n if isinstance(top_n, int) and 1 <= top_n <= 30 else 10,
            min=1,
            max=30,
            description=t("widgets.paths.top_n"),
        )
        self.max_steps_control = IntSlider(
            value=max_steps if isinstance(max_steps, int) and 2 <= max_steps <= 10 else 5,
            min=2,
            max=10,
            description=t("widgets.paths.max_steps"),
        )
        self.focus_control = widgets.Dropdown(
            options=[(n, n) for n in names],
            value=focus_event if focus_event in names else None,
            description=t("widgets.paths.focus"),
            style=STYLE,
        )
        self._bind("start_event", self.start_control)
        self._bind("end_event", self.end_control)
        self._bind("top_n", self.top_n_control)
        self._bind("max_steps", self.max_steps_control)
        self._bind("focus_event", self.focus_control)
        controls = [
            self.start_control,
            self.end_control,
            self.max_steps_control,
            self.top_n_control,
            self.focus_control,
        ]
        self._setup(controls, render)

    # ------------------------------------------------------------ compute

    def _check_event(self, event: str | None) -> None:
        assert self._engine is not None
        if event is None or event in self._engine.names:
            return
        message = t(
            "widgets.paths.bad_event",
            event=event,
            column=self._event_col,
            known=", ".join(repr(n) for n in self._engine.names[:15]),
        )
        close = difflib.get_close_matches(event, self._engine.names, n=1, cutoff=0.5)
        if close:
            message += " " + t("events.did_you_mean", name=close[0])
        raise EventLogError(message)

    @staticmethod
    def _int(value: Any, name: str, low: int, high: int) -> int:
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, np.integer))
            or not (low <= value <= high)
        ):
            raise EventLogError(
                t("widgets.paths.bad_number", name=name, low=low, high=high, value=value)
            )
        return int(value)

    def _compute(self) -> None:
        engine = self._engine
        assert engine is not None
        for event in (self.start_event, self.end_event, self.focus_event):
            self._check_event(event)
        top_n = self._int(self.top_n, "top_n", 1, 1000)
        max_steps = self._int(self.max_steps, "max_steps", 2, 50)
        links, followed = engine.links(self.start_event, self.end_event, max_steps)
        self.links = links
        self.result = links.groupby("step", sort=True).head(top_n).reset_index(drop=True)
        focus = self.focus_event
        self.next_actions = engine.next_actions(focus) if focus else pd.DataFrame()
        self.reading = self._read(followed)
        flow = path_flow_chart(self.result, description=self.reading)
        if focus and len(self.next_actions):
            nxt = next_actions_chart(self.next_actions.head(12), focus)
            self.chart = alt_vconcat(flow, nxt, self.reading)
        else:
            self.chart = flow

    def _clear(self) -> None:
        self.links = pd.DataFrame()
        self.next_actions = pd.DataFrame()

    def _read(self, followed: int) -> str:
        if followed == 0:
            return t("widgets.paths.read_nobody", start=self.start_event)
        if self.start_event:
            text = t("widgets.paths.read_start", n=fmt_num(followed), start=self.start_event)
        else:
            text = t("widgets.paths.read_all", n=fmt_num(followed))
        if self.end_event:
            text += t("widgets.paths.read_end", end=self.end_event)
        parts = [text + "."]
        first = self.links[self.links["step"] == 1]
        if len(first):
            top = first.iloc[0]
            parts.append(
                t(
                    "widgets.paths.read_first_link",
                    source=top["source"].partition(". ")[2],
                    target=top["target"].partition(". ")[2],
                    customers=fmt_num(int(top["customers"])),
                    pct=fmt_pct(top["customers"] / first["customers"].sum()),
                )
            )
        nxt = self.next_actions
        if self.focus_event and len(nxt):
            top = nxt.iloc[0]
            line = t(
                "widgets.paths.read_next",
                event=self.focus_event,
                action=top["action"],
                pct=fmt_pct(float(top["share"])),
            )
            end = nxt.loc[nxt["action"] == END, "share"]
            if len(end) and top["action"] != END:
                line += t("widgets.paths.read_end_share", pct=fmt_pct(float(end.iloc[0])))
            parts.append(line + ".")
        elif self.focus_event:
            parts.append(t("widgets.paths.read_no_focus", event=self.focus_event))
        return " ".join(parts)

    def _table_html(self) -> str:
        flows = html_table(
            self.result,
            [
                ("step", t("widgets.paths.col_step"), None),
                ("source", t("widgets.paths.col_source"), None),
                ("target", t("widgets.paths.col_target"), None),
                ("customers", t("widgets.paths.col_customers"), fmt_num),
            ],
            caption=t("widgets.paths.caption"),
        )
        if not len(self.next_actions):
            return flows
        nxt = html_table(
            self.next_actions,
            [
                ("action", t("widgets.paths.col_action"), None),
                ("count", t("widgets.paths.col_count"), fmt_num),
                ("customers", t("widgets.paths.col_customers"), fmt_num),
                ("share", t("widgets.paths.col_share"), fmt_pct),
            ],
            caption=t("widgets.paths.next_caption", event=self.focus_event),
        )
        return flows + nxt


def alt_vconcat(top: Any, bottom: Any, description: str) -> Any:
    import altair as alt

    return alt.VConcatChart(vconcat=[top, bottom], spacing=24, description=description)
