"""Grade N submissions of one module with cjcourse's parallel grader and with stock serial nbgrader.

    .venv/bin/python benchmarks/bench_grading.py                 # 100 submissions, first graded module
    .venv/bin/python benchmarks/bench_grading.py -n 20 --module module1_intro --workers 3

Both graders get the same (repaired) submissions, each in its own course root and gradebook;
the script prints both times, the speed-up, and compares every grade cell of every student:
the run fails (exit 1) if a single score differs. Submissions are a seeded mix per question of
the solution, the blank stub and a plausible wrong answer (tests/course/wrong_answers.py).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from cjcourse.course import list_modules  # noqa: E402
from cjcourse.instructor import release, repair  # noqa: E402
from cjcourse.instructor.autograde import autograde_module, default_workers  # noqa: E402
from cjcourse.instructor.coursedir import InstructorCourse, init_course_root  # noqa: E402


def _wrong_answers(module: str) -> dict[str, str]:
    try:
        from tests.course.wrong_answers import WRONG_ANSWERS
    except ImportError:
        return {}
    return WRONG_ANSWERS.get(module, {})


def make_submissions(course: InstructorCourse, module, n: int, seed: int) -> None:
    rng = random.Random(seed)
    wrong = _wrong_answers(module.name)
    for path in sorted(course.release(module.name).glob("*.ipynb")):
        source = nbformat.read(module.path / path.name, as_version=4)
        solution = {
            c.metadata["nbgrader"]["grade_id"]: c.source
            for c in source.cells
            if c.metadata.get("nbgrader", {}).get("solution") and c.cell_type == "code"
        }
        for i in range(n):
            nb = nbformat.read(path, as_version=4)
            for cell in nb.cells:
                gid = cell.metadata.get("nbgrader", {}).get("grade_id")
                if gid in solution:
                    choice = rng.choice(["solution", "solution", "stub", "wrong"])
                    if choice == "solution":
                        cell.source = solution[gid]
                    elif choice == "wrong" and gid in wrong:
                        cell.source = wrong[gid]
            folder = course.collected(module.name) / f"alumno{i:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, folder / path.name)


def scores(course: InstructorCourse, module: str) -> dict[str, dict[str, float | None]]:
    out = {}
    with course.gradebook() as gb:
        for sub in gb.assignment_submissions(module):
            out[sub.student.id] = {
                f"{nb.name}:{g.name}": g.auto_score for nb in sub.notebooks for g in nb.grades
            }
    return out


def run_stock(root: Path, module: str) -> float:
    env = dict(
        os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])
    )
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "nbgrader", "autograde", module, "--force"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    if proc.returncode != 0:
        print(proc.stdout[-2000:], proc.stderr[-4000:], file=sys.stderr)
    return elapsed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100, help="number of submissions")
    parser.add_argument("--module", help="module (default: the first one with exercises)")
    parser.add_argument("--workers", type=int, default=default_workers(), help="parallel kernels")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--execute-ungraded",
        action="store_true",
        help="also execute notebooks without test cells (as stock nbgrader does)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary course roots")
    args = parser.parse_args(argv)

    modules = [m for m in list_modules(REPO / "course") if m.has_exercises]
    module = next(m for m in modules if m.name == args.module) if args.module else modules[0]
    tmp = Path(tempfile.mkdtemp(prefix="cj-bench-"))
    ours_root, stock_root = tmp / "cjcourse", tmp / "stock"
    try:
        for root in (ours_root, stock_root):
            init_course_root(root, REPO / "course")
        ours = InstructorCourse.open(ours_root, REPO / "course")
        stock = InstructorCourse.open(stock_root, REPO / "course")
        release.generate(ours, module.name)
        release.generate(stock, module.name)
        make_submissions(ours, module, args.n, args.seed)

        started = time.perf_counter()
        repair.repair_module(ours, module.name)
        repaired_s = time.perf_counter() - started
        shutil.copytree(ours.submitted(), stock.submitted(), dirs_exist_ok=True)  # same inputs

        started = time.perf_counter()
        autograde_module(
            ours,
            module.name,
            workers=args.workers,
            progress=sys.stderr.isatty(),
            execute_ungraded=args.execute_ungraded,
        )
        ours_s = time.perf_counter() - started + repaired_s
        timings = json.loads((ours.reports(module.name) / "autograde.json").read_text())["timings"]
        stock_s = run_stock(stock_root, module.name)

        a, b = scores(ours, module.name), scores(stock, module.name)
        differences = [
            (student, cell, a.get(student, {}).get(cell), b.get(student, {}).get(cell))
            for student in sorted(set(a) | set(b))
            for cell in sorted(set(a.get(student, {})) | set(b.get(student, {})))
            if a.get(student, {}).get(cell) != b.get(student, {}).get(cell)
        ]
        totals = sorted(sum(v or 0 for v in s.values()) for s in a.values())
        print(
            f"module: {module.name}   submissions: {args.n}   cores: {os.cpu_count()}   workers: {args.workers}"
        )
        print(
            f"cjcourse (repair + parallel sandboxed autograde): {ours_s:7.1f} s  (repair {repaired_s:.1f} s)"
        )
        print(f"   phases: {timings}   lessons executed too: {args.execute_ungraded}")
        print(f"stock serial `nbgrader autograde`:                 {stock_s:7.1f} s")
        print(f"speed-up: {stock_s / ours_s:.2f}x")
        print(
            f"students graded: ours {len(a)}, stock {len(b)}; total scores min {totals[0]} max {totals[-1]}"
        )
        print(
            f"identical scores: {'yes' if not differences and len(a) == len(b) == args.n else 'NO'}"
        )
        for diff in differences[:20]:
            print("  differs:", diff)
        return 0 if not differences and len(a) == len(b) == args.n else 1
    finally:
        if args.keep:
            print(f"kept: {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
