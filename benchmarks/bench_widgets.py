"""Benchmark of the measuring widgets: how long a control change takes on ~1 M events.

Usage (from the repository root)::

    .venv/bin/python benchmarks/bench_widgets.py                   # ~1 M events, all widgets
    .venv/bin/python benchmarks/bench_widgets.py --events 2e5      # smaller, quicker
    .venv/bin/python benchmarks/bench_widgets.py --widgets funnel paths --json out.json

For every widget: the time to build it on the log, then a sequence of control changes, each a
real change (a new value), timed from setting the control until the result, the reading, the
chart and its Vega-Lite specification (``widget.chart_spec``, built by the widget itself) are
recomputed. Two passes:

- ``first``: every state is new (nothing cached: the honest worst case);
- ``again``: the same states once more (a student going back and forth: served from the cache);

and a third pass with drawing on (``svg``: the chart rendered to SVG by vl-convert, the table
and the reading written into the widget — what a student actually waits for). Each line gives
the median and the 95th percentile of the wall time, and the median CPU time of the process (all
threads; independent of the machine's load, which is printed too).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
warnings.filterwarnings("ignore")

EVENTS_PER_CUSTOMER = 8.13  # simulator average over 90 days (measured: 110 k → 0.89 M)
TARGET_S = 0.5


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def scenarios(shop: Any) -> dict[str, tuple[Callable[[], Any], list[dict[str, Any]]]]:
    """Widget name → (factory, list of control states). Each state differs from the previous."""
    import importlib

    from cjcourse.journey import JourneyMap

    def widget(module: str, cls: str) -> Any:
        return getattr(importlib.import_module(f"cjcourse.widgets.{module}"), cls)

    def FunnelExplorer(*a: Any, **k: Any) -> Any:
        return widget("funnel_explorer", "FunnelExplorer")(*a, **k)

    def PainPointFinder(*a: Any, **k: Any) -> Any:
        return widget("pain_point_finder", "PainPointFinder")(*a, **k)

    def PathExplorer(*a: Any, **k: Any) -> Any:
        return widget("path_explorer", "PathExplorer")(*a, **k)

    def RetentionExplorer(*a: Any, **k: Any) -> Any:
        return widget("retention_explorer", "RetentionExplorer")(*a, **k)

    def SatisfactionExplorer(*a: Any, **k: Any) -> Any:
        return widget("satisfaction_explorer", "SatisfactionExplorer")(*a, **k)

    def AttributionExplorer(*a: Any, **k: Any) -> Any:
        return widget("attribution_explorer", "AttributionExplorer")(*a, **k)

    ev, sv = shop.events, shop.surveys
    steps = ("visita", "ver_producto", "carrito", "iniciar_pago", "compra")
    journey = JourneyMap.from_stage_model(title="Lola").set_emotion(2, 1)
    return {
        "funnel": (
            lambda: FunnelExplorer(ev, render="none"),
            [
                {"mode": "open"},
                {"mode": "closed"},
                {"window_days": 7},
                {"window_days": 1},
                {"window_days": None},
                {"by": "device"},
                {"by": "channel"},
                {"by": "segment"},
                {"mode": "open"},
                {"by": None},
                {"steps": ("visita", "carrito", "compra")},
                {"mode": "closed"},
                {"steps": ("ver_producto", "leer_opiniones", "carrito")},
                {"steps": steps},
            ],
        ),
        "pain_points": (
            lambda: PainPointFinder(ev, sv, journey=journey, render="none"),
            [
                {"weights": (2.0, 1.0, 1.0)},
                {"weights": (0.0, 1.0, 1.0)},
                {"weights": (1.0, 0.0, 2.0)},
                {"weights": (1.0, 1.0, 0.0)},
                {"weights": (1.0, 1.0, 1.0)},
            ],
        ),
        "paths": (
            lambda: PathExplorer(ev, render="none"),
            [
                {"start_event": "carrito"},
                {"end_event": "compra"},
                {"start_event": "visita"},
                {"max_steps": 4},
                {"top_n": 3},
                {"focus_event": "iniciar_pago"},
                {"focus_event": "ver_producto"},
                {"end_event": None},
                {"start_event": None},
                {"max_steps": 6},
                {"top_n": 10},
            ],
        ),
        "retention": (
            lambda: RetentionExplorer(ev, render="none"),
            [{"period": "M"}, {"period": "W"}],
        ),
        "satisfaction": (
            lambda: SatisfactionExplorer(sv, render="none"),
            [
                {"metric": "csat"},
                {"by": "channel"},
                {"metric": "ces"},
                {"by": "device"},
                {"metric": "nps"},
                {"by": None},
                {"by": "stage"},
            ],
        ),
        "attribution": (
            lambda: AttributionExplorer(ev, render="none"),
            [
                {"models": ("first_touch", "last_touch")},
                {"models": ("linear", "markov")},
                {"models": ("time_decay",)},
                {"models": ("position_based", "markov", "linear")},
                {
                    "models": (
                        "first_touch",
                        "last_touch",
                        "linear",
                        "time_decay",
                        "position_based",
                        "markov",
                    )
                },
            ],
        ),
        # without precomputing: each new model is computed the first time it is chosen
        "attribution_cold": (
            lambda: AttributionExplorer(
                ev, models=("last_touch",), precompute=False, render="none"
            ),
            [
                {"models": ("last_touch", "first_touch")},
                {"models": ("last_touch", "first_touch", "linear")},
                {"models": ("linear", "markov")},
                {"models": ("time_decay",)},
                {"models": ("position_based", "last_touch")},
            ],
        ),
    }


def _apply(widget: Any, state: dict[str, Any]) -> None:
    # the widget builds (and validates) ``chart.to_dict()`` itself, into ``widget.chart_spec``
    with widget.hold():
        for name, value in state.items():
            setattr(widget, name, value)
    if widget.error or not widget.chart_spec:
        raise RuntimeError(f"{type(widget).__name__} {state}: {widget.error}")


def measure(widget: Any, states: list[dict[str, Any]]) -> dict[str, float]:
    walls, cpus = [], []
    for state in states:
        c, t0 = _cpu(), time.perf_counter()
        _apply(widget, state)
        walls.append(time.perf_counter() - t0)
        cpus.append(_cpu() - c)
    return {
        "n": len(walls),
        "median_s": statistics.median(walls),
        "p95_s": _p95(walls),
        "max_s": max(walls),
        "cpu_median_s": statistics.median(cpus),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=float, default=1e6, help="approximate number of events")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--widgets", nargs="*", help="subset: funnel pain_points paths …")
    parser.add_argument("--no-svg", action="store_true", help="skip the pass with drawing")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)

    from cjcourse.data import simulate_shop

    n_customers = int(args.events / EVENTS_PER_CUSTOMER)
    t0 = time.perf_counter()
    shop = simulate_shop(n_customers, seed=args.seed)
    print(
        f"simulated {len(shop.events):,} events, {len(shop.surveys):,} survey answers of "
        f"{n_customers:,} customers in {time.perf_counter() - t0:.1f} s; "
        f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs"
    )
    table = scenarios(shop)
    import importlib

    for module in (
        "funnel_explorer",
        "pain_point_finder",
        "path_explorer",
        "retention_explorer",
        "satisfaction_explorer",
        "attribution_explorer",
    ):  # imports are not part of a widget's build time
        importlib.import_module(f"cjcourse.widgets.{module}")
    import vl_convert

    vl_convert.vegalite_to_svg({"mark": "point"})  # vl-convert's engine starts once per process
    chosen = args.widgets or list(table)
    figures: dict[str, Any] = {"events": len(shop.events), "load": os.getloadavg()[0]}
    header = f"{'widget':<17}{'pass':<7}{'n':>3}{'median':>9}{'p95':>9}{'max':>9}{'cpu med':>9}"
    print(header)
    print("-" * len(header))
    for name in chosen:
        factory, states = table[name]
        c, t0 = _cpu(), time.perf_counter()
        widget = factory()
        build = {"wall_s": time.perf_counter() - t0, "cpu_s": _cpu() - c}
        if widget.error:
            raise RuntimeError(f"{name}: {widget.error}")
        out = {"build": build}
        out["first"] = measure(widget, states)
        out["again"] = measure(widget, states)
        if not args.no_svg:
            widget.render = "svg"
            out["svg"] = measure(widget, states)
        figures[name] = out
        print(
            f"{name:<17}{'build':<7}{1:>3}{build['wall_s']:>9.3f}{'':>9}{'':>9}{build['cpu_s']:>9.3f}"
        )
        for phase in ("first", "again", "svg"):
            if phase in out:
                r = out[phase]
                flag = "" if r["p95_s"] < TARGET_S else "  > 0.5 s"
                print(
                    f"{'':<17}{phase:<7}{r['n']:>3}{r['median_s']:>9.3f}{r['p95_s']:>9.3f}"
                    f"{r['max_s']:>9.3f}{r['cpu_median_s']:>9.3f}{flag}"
                )
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
