"""``FunnelExplorer``: choose the steps of a funnel and see where customers drop off.

The headless twin is :func:`cjcourse.metrics.funnel` (and :func:`~cjcourse.metrics.funnel_times`):
``explorer.result`` is exactly its output for the current controls and ``explorer.times`` that
of ``funnel_times``. To answer a control change on a million events in well under half a second,
the widget prepares the event log once (integer codes, per-event row lists) and recomputes with
numpy the same closed/open rules the metric applies in SQL; the tests check that both agree.

>>> from cjcourse.data import load_shop
>>> fx = FunnelExplorer(load_shop("pequeño", seed=1).events, render="none")
>>> fx.result["step"].tolist()
['visita', 'ver_producto', 'carrito', 'iniciar_pago', 'compra']
>>> fx.mode = "open"                      # setting a control recomputes at once
>>> fx.reading.startswith("De 2.000 clientes que hicieron «visita»")
True
>>> fx.steps = ("visita", "compras")      # a typo: words inside the widget, no traceback
>>> "¿Quisiste decir 'compra'?" in fx.error
True
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as widgets
import numpy as np
import pandas as pd
import traitlets

from cjcourse.charts.funnel import funnel_chart
from cjcourse.data import FUNNEL_STEPS
from cjcourse.events import EventLogError, check_steps
from cjcourse.i18n import t
from cjcourse.metrics.funnel import funnel_rates
from cjcourse.widgets._base import (
    STYLE,
    MeasureExplorer,
    column_label,
    fmt_hours,
    fmt_num,
    fmt_pct,
    html_table,
    prepare,
)

__all__ = ["FunnelExplorer"]

_INF = np.iinfo(np.int64).max
#: Columns offered in «Comparar por» when the log has them.
BY_OPTIONS = ("channel", "device", "segment")
QUANTILES = (0.25, 0.5, 0.75, 0.9)


class _FunnelEngine:
    """The event log as integer arrays, prepared once; funnels for any steps in milliseconds.

    Same rules as :func:`cjcourse.metrics.funnel` (closed: greedy earliest time of each step at or
    after the previous one, window from step 1; open: first/last time per step) and
    :func:`~cjcourse.metrics.funnel_times` (seconds, linear quantiles as DuckDB's
    ``quantile_cont``).
    """

    def __init__(self, df: pd.DataFrame, customer_col: str, event_col: str, timestamp_col: str):
        self.df = df
        self.cust, uniq = pd.factorize(df[customer_col])
        self.n_cust = len(uniq)
        codes, names = pd.factorize(df[event_col])
        self.names = [str(n) for n in names]
        ts = df[timestamp_col].to_numpy().astype("datetime64[us]").astype(np.int64)
        self.ts = ts
        order = np.argsort(codes, kind="stable")
        bounds = np.searchsorted(codes[order], np.arange(len(self.names) + 1))
        self.rows = {n: order[bounds[i] : bounds[i + 1]] for i, n in enumerate(self.names)}
        self._groups: dict[str, tuple[np.ndarray, list[Any]]] = {}
        self._cache: dict[tuple[Any, ...], tuple[pd.DataFrame, pd.DataFrame]] = {}

    def groups(self, by: str) -> tuple[np.ndarray, list[Any]]:
        if by not in self._groups:
            codes, labels = pd.factorize(self.df[by], sort=True)
            self._groups[by] = (codes, [str(v) for v in labels])
        return self._groups[by]

    def compute(
        self, steps: Sequence[str], mode: str, window_days: int | None, by: str | None
    ) -> tuple[pd.DataFrame, pd.DataFrame]:
        """(funnel, funnel_times) for one control state; remembered (a student goes back and forth)."""
        key = (tuple(steps), mode, window_days, by)
        if key not in self._cache:
            if len(self._cache) >= 64:
                self._cache.pop(next(iter(self._cache)))
            self._cache[key] = self._compute(steps, mode, window_days, by)
        result, times = self._cache[key]
        return result.copy(), times.copy()

    def _compute(
        self, steps: Sequence[str], mode: str, window_days: int | None, by: str | None
    ) -> tuple[pd.DataFrame, pd.DataFrame]:
        check_steps(self.names, list(steps))
        if by:
            gcode, labels = self.groups(by)
        else:
            gcode, labels = None, [None]
        n_g = len(labels)
        n_keys = self.n_cust * n_g

        def step_rows(step: str) -> tuple[np.ndarray, np.ndarray]:
            r = self.rows[step]
            if gcode is not None:
                g = gcode[r]
                r = r[g >= 0]  # an empty group value is dropped, as in the metric
                return r, self.cust[r] * n_g + gcode[r]
            return r, self.cust[r]

        by_cols = [by] if by else []
        counts: list[dict[str, Any]] = []
        times: list[dict[str, Any]] = []
        if mode == "closed":
            r, k = step_rows(steps[0])
            t0 = np.full(n_keys, _INF)
            np.minimum.at(t0, k, self.ts[r])
            chain = [t0]
            deadline = None
            if window_days is not None:
                deadline = np.where(t0 < _INF, t0 + round(window_days * 86_400) * 1_000_000, -1)
            for step in steps[1:]:
                r, k = step_rows(step)
                ts = self.ts[r]
                ok = ts >= chain[-1][k]  # not reached: _INF, never ≤ a time
                if deadline is not None:
                    ok &= ts <= deadline[k]
                nxt = np.full(n_keys, _INF)
                np.minimum.at(nxt, k[ok], ts[ok])
                chain.append(nxt)
            per_step = [np.bincount(np.flatnonzero(c < _INF) % n_g, minlength=n_g) for c in chain]
            present = [g for g in range(n_g) if per_step[0][g] > 0] if by else [0]
            for g in present:
                for i, c in enumerate(per_step, 1):
                    n = int(c[g])
                    counts.append(self._row(by_cols, labels[g], i, n, n))
            # DuckDB's EPOCH keeps the fraction of a second inside the SQL expression
            sec0 = chain[0] / 1e6
            for i in range(1, len(steps)):
                idx = np.flatnonzero(chain[i] < _INF)
                if not len(idx):
                    continue
                grp = idx % n_g
                cur = chain[i][idx] / 1e6
                d_prev = (cur - chain[i - 1][idx] / 1e6) / 3600.0
                d_start = (cur - sec0[idx]) / 3600.0
                for g in np.unique(grp):
                    m = grp == g
                    rec = {by: labels[g]} if by else {}
                    rec.update(step_index=i + 1, customers=int(m.sum()))
                    dp, ds = d_prev[m], d_start[m]
                    rec["mean_hours_from_previous"] = float(dp.mean())
                    for q, v in zip(QUANTILES, np.quantile(dp, QUANTILES), strict=True):
                        rec[f"hours_from_previous_p{round(q * 100):02d}"] = float(v)
                    for q, v in zip(QUANTILES, np.quantile(ds, QUANTILES), strict=True):
                        rec[f"hours_from_start_p{round(q * 100):02d}"] = float(v)
                    times.append(rec)
        else:
            firsts, lasts = [], []
            seen = np.zeros(n_keys, dtype=bool)
            for step in steps:
                r, k = step_rows(step)
                f = np.full(n_keys, _INF)
                last = np.full(n_keys, -_INF)
                np.minimum.at(f, k, self.ts[r])
                np.maximum.at(last, k, self.ts[r])
                seen[k] = True
                firsts.append(f)
                lasts.append(last)
            key_group = np.flatnonzero(seen) % n_g
            present = sorted(set(key_group.tolist())) if by else [0]
            c = [np.bincount(np.flatnonzero(f < _INF) % n_g, minlength=n_g) for f in firsts]
            p = [c[0]] + [
                np.bincount(
                    np.flatnonzero((firsts[i - 1] < _INF) & (lasts[i] >= firsts[i - 1])) % n_g,
                    minlength=n_g,
                )
                for i in range(1, len(steps))
            ]
            for g in present:
                for i in range(len(steps)):
                    counts.append(self._row(by_cols, labels[g], i + 1, int(c[i][g]), int(p[i][g])))
        frame = pd.DataFrame(counts, columns=[*by_cols, "step_index", "customers", "proceeded"])
        if frame.empty and not by:
            frame = pd.DataFrame({"step_index": [1], "customers": [0], "proceeded": [0]})
        result = funnel_rates(frame, list(steps), by_cols)
        return result, self._times_frame(times, steps, by_cols, mode)

    @staticmethod
    def _row(by_cols: list[str], label: Any, i: int, n: int, proceeded: int) -> dict[str, Any]:
        rec: dict[str, Any] = {b: label for b in by_cols}
        rec.update(step_index=i, customers=n, proceeded=proceeded)
        return rec

    def _times_frame(
        self, times: list[dict[str, Any]], steps: Sequence[str], by_cols: list[str], mode: str
    ) -> pd.DataFrame:
        if mode != "closed":  # the time to convert follows the closed (in order) rule
            return self._closed_times(steps, by_cols)
        if not times:
            return pd.DataFrame(columns=[*by_cols, "step_index", "step", "customers"])
        out = pd.DataFrame(times)
        out.insert(len(by_cols) + 1, "step", [steps[i - 1] for i in out["step_index"]])
        out["step_index"] = out["step_index"].astype("int64")
        out["customers"] = out["customers"].astype("int64")
        return out.sort_values([*by_cols, "step_index"]).reset_index(drop=True)

    def _closed_times(self, steps: Sequence[str], by_cols: list[str]) -> pd.DataFrame:
        return self.compute(steps, "closed", None, by_cols[0] if by_cols else None)[1]


class FunnelExplorer(MeasureExplorer):
    """Funnel steps, type, time limit and split → the funnel, its drop-offs and a reading.

    Parameters
    ----------
    events : DataFrame (or any input of the metrics)
        A validated event log, e.g. ``load_shop(...).events``.
    steps : sequence of str, optional
        Event names in order; default: the shop's funnel steps present in the log.
    mode : {"closed", "open"}
    window_days : int, optional
        Closed funnels: days to complete the funnel from the first step.
    by : str, optional
        Column to compare groups (``"channel"``, ``"device"``, ``"segment"``…).
    render : {"svg", "none"}
        ``"none"`` computes without drawing (tests, benchmarks).

    Attributes
    ----------
    result : DataFrame
        :func:`cjcourse.metrics.funnel` output (empty after an error).
    times : DataFrame
        :func:`cjcourse.metrics.funnel_times` output (time to convert, in hours).
    reading : str
    chart : altair chart or None
    error : str or None
    """

    steps = traitlets.Any((), help="Funnel steps (tuple of event names, in order).")
    mode = traitlets.Unicode("closed", help='"closed" or "open".')
    window_days = traitlets.Any(None, help="Days to complete a closed funnel (None: no limit).")
    by = traitlets.Unicode(None, allow_none=True, help="Column to compare groups by.")

    _controls = ("steps", "mode", "window_days", "by")
    _title_key = "widgets.funnel.title"

    def __init__(
        self,
        events: Any,
        steps: Sequence[str] | None = None,
        *,
        mode: str = "closed",
        window_days: int | None = None,
        by: str | None = None,
        customer_col: str = "customer_id",
        event_col: str = "event",
        timestamp_col: str = "timestamp",
        render: str = "svg",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.times = pd.DataFrame()
        self._input_error = None
        self._engine: _FunnelEngine | None = None
        present: list[str] = []
        by_options: list[str] = []
        try:
            extra = [by] if by and by not in BY_OPTIONS else []
            df = prepare(
                events,
                customer_col=customer_col,
                event_col=event_col,
                timestamp_col=timestamp_col,
                extra_cols=extra,
            )
            by_options = [c for c in (*BY_OPTIONS, *extra) if c in df.columns]
            self._engine = _FunnelEngine(df, customer_col, event_col, timestamp_col)
            present = self._engine.names
        except EventLogError as exc:
            self._input_error = str(exc)
        ordered = [s for s in FUNNEL_STEPS if s in present] + sorted(
            s for s in present if s not in FUNNEL_STEPS
        )
        if steps is None:
            steps = [s for s in FUNNEL_STEPS if s in present] or ordered[:2]
        self._by_options = by_options
        self.set_trait("steps", tuple(steps))
        self.set_trait("mode", mode)
        self.set_trait("window_days", window_days)
        self.set_trait("by", by)
        self.steps_control = widgets.TagsInput(
            value=list(self.steps),
            allowed_tags=ordered,
            allow_duplicates=False,
            description=t("widgets.funnel.steps"),
            style=STYLE,
        )
        self.mode_control = widgets.ToggleButtons(
            options=[(t(f"widgets.funnel.mode.{m}"), m) for m in ("closed", "open")],
            value=mode if mode in ("closed", "open") else "closed",
            description=t("widgets.funnel.mode"),
            style=STYLE,
        )
        self.window_control = widgets.BoundedIntText(
            value=window_days if isinstance(window_days, int) and window_days > 0 else 0,
            min=0,
            max=3650,
            description=t("widgets.funnel.window"),
            style=STYLE,
            layout=widgets.Layout(width="26em"),  # room for the number next to the long label
        )
        self.by_control = widgets.Dropdown(
            options=[(t("widgets.none"), None)] + [(column_label(c), c) for c in by_options],
            value=by if by in by_options else None,
            description=t("widgets.funnel.by"),
            style=STYLE,
        )
        self._bind("steps", self.steps_control, to_control=list, from_control=tuple)
        self._bind("mode", self.mode_control)
        self._bind(
            "window_days",
            self.window_control,
            to_control=lambda v: v if isinstance(v, int) and v > 0 else 0,
            from_control=lambda v: v or None,
        )
        self._bind("by", self.by_control)
        controls = [self.steps_control, self.mode_control, self.window_control, self.by_control]
        self._setup(controls, render)

    @traitlets.validate("steps")
    def _valid_steps(self, proposal: dict[str, Any]) -> tuple[str, ...]:
        value = proposal["value"]
        if isinstance(value, str) or not hasattr(value, "__iter__"):
            value = (value,)
        return tuple(str(v) for v in value)

    # ------------------------------------------------------------ compute

    def _window(self) -> int | None:
        w = self.window_days
        if w is None or (isinstance(w, (int, np.integer)) and not isinstance(w, bool) and w == 0):
            return None
        if isinstance(w, bool) or not isinstance(w, (int, np.integer)) or w < 0:
            raise EventLogError(t("widgets.funnel.bad_window", value=w))
        return int(w)

    def _compute(self) -> None:
        assert self._engine is not None
        if self.mode not in ("closed", "open"):
            raise EventLogError(t("metrics.bad_mode", mode=self.mode))
        window = self._window()
        if self.mode == "open" and window is not None:
            raise EventLogError(t("metrics.window_open"))
        if self.by and self.by not in self._engine.df.columns:
            raise EventLogError(
                t("widgets.funnel.bad_by", by=self.by, options=", ".join(self._by_options))
            )
        result, times = self._engine.compute(self.steps, self.mode, window, self.by or None)
        self.result, self.times = result, times
        self.reading = self._read(result, times, window)
        self.chart = funnel_chart(result, times, by=self.by or None, description=self.reading)

    def _clear(self) -> None:
        self.times = pd.DataFrame()

    def _read(self, res: pd.DataFrame, times: pd.DataFrame, window: int | None) -> str:
        steps = list(self.steps)
        by = self.by or None
        if by:
            agg = res.groupby("step_index", sort=True).agg(
                customers=("customers", "sum"), dropoff_customers=("dropoff_customers", "sum")
            )
        else:
            agg = res.set_index("step_index")[["customers", "dropoff_customers"]]
        start = int(agg["customers"].iloc[0])
        if start == 0:
            return t("widgets.funnel.read_nobody", first=steps[0])
        end = int(agg["customers"].iloc[-1])
        parts = [
            t(
                "widgets.funnel.read_main",
                start=fmt_num(start),
                first=steps[0],
                end=fmt_num(end),
                last=steps[-1],
                conv=fmt_pct(end / start, 1),
            )
        ]
        if len(steps) > 1:
            prev = agg["customers"].shift(1)
            drop = (agg["dropoff_customers"] / prev).iloc[1:]
            if drop.notna().any():
                worst = int(drop.idxmax())
                parts.append(
                    t(
                        "widgets.funnel.read_worst",
                        prev=steps[worst - 2],
                        step=steps[worst - 1],
                        pct=fmt_pct(float(drop.loc[worst])),
                        n=fmt_num(int(agg.loc[worst, "dropoff_customers"])),
                    )
                )
                if not by and len(times) and worst in set(times["step_index"]):
                    hours = times.set_index("step_index").loc[worst, "hours_from_previous_p50"]
                    parts.append(t("widgets.funnel.read_time", time=fmt_hours(float(hours))))
        if by:
            last = res[res["step_index"] == len(steps)].dropna(subset=["conversion_from_start"])
            if len(last) > 1:
                best = last.loc[last["conversion_from_start"].idxmax()]
                worst_g = last.loc[last["conversion_from_start"].idxmin()]
                parts.append(
                    t(
                        "widgets.funnel.read_by",
                        by=column_label(by),
                        best=best[by],
                        best_conv=fmt_pct(best["conversion_from_start"], 1),
                        worst=worst_g[by],
                        worst_conv=fmt_pct(worst_g["conversion_from_start"], 1),
                    )
                )
        if self.mode == "open":
            parts.append(t("widgets.funnel.read_open"))
        elif window is not None:
            parts.append(t("widgets.funnel.read_window", days=window))
        return " ".join(parts)

    def _table_html(self) -> str:
        res = self.result.copy()
        med = {}
        for rec in self.times.to_dict("records"):
            med[(rec.get(self.by) if self.by else None, rec["step_index"])] = rec[
                "hours_from_previous_p50"
            ]
        res["_time"] = [
            med.get((r.get(self.by) if self.by else None, r["step_index"]), float("nan"))
            for r in res.to_dict("records")
        ]
        cols = [("step", t("widgets.funnel.col_step"), None)]
        if self.by:
            cols.append((self.by, t("widgets.funnel.col_group"), None))
        cols += [
            ("customers", t("widgets.funnel.col_customers"), fmt_num),
            ("conversion_from_start", t("widgets.funnel.col_from_start"), fmt_pct),
            ("conversion_from_previous", t("widgets.funnel.col_from_previous"), fmt_pct),
            ("dropoff", t("widgets.funnel.col_dropoff"), fmt_pct),
            ("_time", t("widgets.funnel.col_time"), fmt_hours),
        ]
        return html_table(res, cols, caption=t("widgets.funnel.caption"))
