"""How long a student waits: first `cjcourse start`, a repeat start, and `cjcourse check`.

    .venv/bin/python benchmarks/bench_start.py [--repeat 3]

Prints wall and CPU seconds (the machine may be shared: CPU time is the steadier figure).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def timed(cmd: list[str]) -> tuple[float, float, int]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(cmd, capture_output=True, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    cj = [sys.executable, "-m", "cjcourse"]
    from cjcourse.course import find_course_dir, list_modules

    modules = list_modules(find_course_dir())
    rows: dict[str, list[tuple[float, float]]] = {}
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            ws = Path(tmp) / "curso"
            first = timed([*cj, "start", "--workspace", str(ws), "--prepare-only"])
            again = timed([*cj, "start", "--workspace", str(ws), "--prepare-only"])
            assert first[2] == 0 and again[2] == 0
            rows.setdefault(f"start, first time ({len(modules)} modules)", []).append(first[:2])
            rows.setdefault("start, again (nothing changed)", []).append(again[:2])
            for module in modules:
                for nb in module.notebooks:
                    if "ejercicio" in nb.name:
                        check = timed([*cj, "check", str(ws / module.name / nb.name)])
                        rows.setdefault(f"check {module.name}/{nb.name}", []).append(check[:2])
    print(f"{'step':<52} {'wall s (median)':>16} {'cpu s (median)':>15}")
    for name, values in rows.items():
        wall = statistics.median(v[0] for v in values)
        cpu = statistics.median(v[1] for v in values)
        print(f"{name:<52} {wall:>16.2f} {cpu:>15.2f}")


if __name__ == "__main__":
    main()
