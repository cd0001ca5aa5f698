"""How fast the journey-map chart redraws after an edit (target: under 200 ms).

A map of 6 stages × 10 cards each. One measured step = edit (a new emotion, or a card added and
removed) → new JourneyMap → ``journey_chart`` → ``chart.to_dict()`` (validated, as altair does by
default). The same step through ``JourneyMapBuilder`` (its one observer does the same work plus
refreshing the controls) is measured too, and the offline SVG rendering the widget shows.

Run: ``.venv/bin/python benchmarks/bench_journey_chart.py [--runs 60] [--svg]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from cjcourse.charts.journey import journey_chart
from cjcourse.journey import Card, JourneyMap, Opportunity, PainPoint, Persona, Touchpoint


def six_by_ten() -> JourneyMap:
    """6 stages × 10 cards: 3 touchpoints, 2 actions, 1 thought, 2 pain points, 2 opportunities."""
    j = JourneyMap.from_stage_model(
        "course", title="Bench", persona=Persona("Ana", "bench", ("x",))
    )
    channels = ["web", "app", "email"]
    for i in range(6):
        for k in range(3):
            j = j.add_card(
                i,
                "touchpoints",
                Touchpoint(f"Punto de contacto {i}.{k} con texto", channel=channels[k]),
            )
        for k in range(2):
            j = j.add_card(i, "actions", Card(f"Acción {i}.{k} del cliente en esta etapa"))
            j = j.add_card(
                i, "pain_points", PainPoint(f"Dolor {i}.{k}: algo falla aquí", severity=k + 2)
            )
            j = j.add_card(
                i,
                "opportunities",
                Opportunity(
                    f"Mejora {i}.{k}", owner="equipo", addresses=f"Dolor {i}.{k}: algo falla aquí"
                ),
            )
        j = j.add_card(i, "thoughts", Card(f"«Pensamiento {i}»"))
        j = j.set_emotion(i, (i % 5) - 2).set_emotion(i, 1, to_be=True)
    assert all(s.card_count == 10 for s in j.stages)
    return j


def edits(j: JourneyMap, n: int):
    """Alternate the kinds of edit a student makes."""
    for step in range(n):
        stage = step % 6
        if step % 3 == 0:
            yield lambda m, s=stage, v=((step % 9) - 4) / 2: m.set_emotion(s, v)
        elif step % 3 == 1:
            yield lambda m, s=stage: m.add_card(
                s, "pain_points", PainPoint("Nuevo dolor", severity=3)
            )
        else:
            prev = (step - 1) % 6  # take back the card added one step earlier
            yield lambda m, s=prev: m.remove_card(
                s, "pain_points", len(m.stages[s].pain_points) - 1
            )


def summary(name: str, times_ms: list[float]) -> str:
    times_ms = sorted(times_ms)
    p95 = times_ms[min(len(times_ms) - 1, round(0.95 * (len(times_ms) - 1)))]
    return (
        f"{name:<44} median {statistics.median(times_ms):7.1f} ms   p95 {p95:7.1f} ms   "
        f"max {times_ms[-1]:7.1f} ms   (n={len(times_ms)})"
    )


def bench_pure(runs: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per edit (CPU time ignores other processes' load)."""
    j = six_by_ten()
    for edit in edits(j, 5):  # warm-up: imports, caches
        j = edit(j)
        journey_chart(j).to_dict()
    wall, cpu = [], []
    for edit in edits(j, runs):
        t0, c0 = time.perf_counter(), time.process_time()
        j = edit(j)
        journey_chart(j).to_dict()
        wall.append(1000 * (time.perf_counter() - t0))
        cpu.append(1000 * (time.process_time() - c0))
    return wall, cpu


def bench_widget(runs: int, render: str) -> list[float]:
    from cjcourse.widgets import JourneyMapBuilder

    builder = JourneyMapBuilder(six_by_ten(), render=render)
    for edit in edits(builder.journey, 3):
        builder.journey = edit(builder.journey)
    out = []
    for edit in edits(builder.journey, runs):
        t0 = time.perf_counter()
        builder.journey = edit(builder.journey)  # the observer rebuilds chart_spec (and the SVG)
        out.append(1000 * (time.perf_counter() - t0))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--svg", action="store_true", help="also time the widget's SVG rendering")
    args = parser.parse_args()
    print(
        "Mapa de 6 etapas × 10 tarjetas; edición → modelo → gráfico → chart.to_dict()", flush=True
    )
    pure, cpu = bench_pure(args.runs)
    print(summary("edit → chart.to_dict()", pure))
    print(summary("  the same, CPU time of this process", cpu))
    print(summary("JourneyMapBuilder (render='none')", bench_widget(args.runs, "none")))
    if args.svg:
        print(
            summary(
                "JourneyMapBuilder (render='svg', vl-convert)",
                bench_widget(max(10, args.runs // 3), "svg"),
            )
        )
    p95 = sorted(pure)[round(0.95 * (len(pure) - 1))]
    print(
        "OK: p95 < 200 ms"
        if p95 < 200
        else "LENTO: p95 ≥ 200 ms (¿máquina cargada? mira el tiempo de CPU)"
    )
    if hasattr(os, "getloadavg"):
        print(f"carga del sistema (1 min): {os.getloadavg()[0]:.1f} en {os.cpu_count()} núcleos")


if __name__ == "__main__":
    main()
