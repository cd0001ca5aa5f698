"""Grade every submission of a module in parallel, kernels sandboxed, nbgrader's scores.

Two phases:

1. **Execute, in parallel.** Each repaired notebook is prepared exactly as nbgrader's
   ``Autograde`` prepares it (its own sanitising preprocessors: outputs cleared, locked cells
   and hidden tests restored from the gradebook, kernelspec overwritten), then executed by a
   pool of worker processes, each kernel in its own sandbox (:mod:`.sandbox`). Workers never
   touch the gradebook.
2. **Grade, in one process** (the parent, as soon as a student's notebooks are executed,
   while the workers go on with the others). Stock nbgrader ``autograde`` runs per student with its
   ``Execute`` step replaced by :class:`~cjcourse.instructor.replay.ReplayExecute`, which copies
   the outputs of phase 1 in. Grades are computed and saved by nbgrader itself, from a single
   process: no database contention, with SQLite or PostgreSQL.

A student whose grading fails is reported (and retried once, serially); the others go on.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from multiprocessing import get_context
from pathlib import Path

import nbformat

from cjcourse.i18n import t
from cjcourse.instructor.replay import has_tests
from cjcourse.instructor.sandbox import SandboxPolicy

__all__ = ["GradeOutcome", "autograde_module", "default_workers"]

SANITIZE = (
    "ClearOutput",
    "DeduplicateIds",
    "OverwriteKernelspec",
    "OverwriteCells",
    "CheckCellMetadata",
)


def default_workers() -> int:
    """One kernel per core, plus one: part of each run is spent waiting on the kernel's start."""
    return max(1, (os.cpu_count() or 1) + 1)


@dataclass
class GradeOutcome:
    student: str
    success: bool = True
    problems: list[str] = field(default_factory=list)
    problem_codes: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    seconds: float = 0.0
    error: str = ""


def _sanitize(course, config, module: str, student: str, path: Path):
    """The notebook as nbgrader's Autograde will execute it (read-only use of the gradebook)."""
    from nbgrader import preprocessors as pps

    nb = nbformat.read(path, as_version=4)
    resources = {
        "nbgrader": {
            "student": student,
            "assignment": module,
            "notebook": path.stem,
            "db_url": course.gradebook_url,
        },
        "metadata": {"path": str(path.parent)},
    }
    for name in SANITIZE:
        nb, resources = getattr(pps, name)(config=config).preprocess(nb, resources)
    return nb


def _execute_job(job: dict) -> dict:
    """Worker: execute one sanitized notebook in the sandbox, write it to the cache."""
    from cjcourse.instructor.execute import execute_notebook
    from cjcourse.instructor.replay import sandboxed_workdir

    started = time.monotonic()
    nb = nbformat.reads(job["notebook"], as_version=4)
    work = sandboxed_workdir(Path(job["submitted"]), Path(job["release"]))
    try:
        policy = SandboxPolicy(**{**job["policy"], "student_id": job["student"]})
        result = execute_notebook(nb, work, policy)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out = Path(job["cache"])
    out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(result.notebook, out)
    return {
        "student": job["student"],
        "notebook": job["name"],
        "problem": result.problem,
        "code": result.problem_code,
        "seconds": time.monotonic() - started,
        "detail": result.detail,
    }


def _warm_up() -> None:
    # Import the heavy modules once per worker, not once per notebook.
    import nbclient  # noqa: F401

    import cjcourse.instructor.execute  # noqa: F401


class _Progress:
    """A progress bar (rich) when attached to a terminal, or nothing."""

    def __init__(self, enabled: bool):
        self.bar = None
        if enabled:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

            self.bar = Progress(
                "[progress.description]{task.description}",
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
            )

    def __enter__(self):
        if self.bar:
            self.bar.start()
        return self

    def __exit__(self, *exc):
        if self.bar:
            self.bar.stop()

    def task(self, description: str, total: int):
        return self.bar.add_task(description, total=total) if self.bar else None

    def advance(self, task) -> None:
        if self.bar is not None and task is not None:
            self.bar.advance(task)


def _grading_config(course, cache: Path, policy: SandboxPolicy):
    from nbconvert.preprocessors import ClearMetadataPreprocessor
    from nbgrader.preprocessors import (
        AssignLatePenalties,
        CheckCellMetadata,
        IgnorePattern,
        LimitOutput,
        SaveAutoGrades,
    )

    from cjcourse.instructor.replay import ReplayExecute

    config = course.config()
    config.Execute.timeout = policy.cell_timeout_s
    config.Autograde.autograde_preprocessors = [
        ReplayExecute,
        IgnorePattern,
        ClearMetadataPreprocessor,
        LimitOutput,
        SaveAutoGrades,
        AssignLatePenalties,
        CheckCellMetadata,
    ]
    config.ReplayExecute.cache_dir = str(cache)
    config.ReplayExecute.timeout = policy.cell_timeout_s
    config.ReplayExecute.notebook_timeout = policy.notebook_timeout_s
    config.ReplayExecute.memory_mb = policy.memory_mb
    config.ReplayExecute.isolate = int(policy.isolate)
    return config


def autograde_module(
    course,
    module: str,
    *,
    students: list[str] | None = None,
    workers: int | None = None,
    policy: SandboxPolicy | None = None,
    progress: bool = False,
    execute_ungraded: bool = False,
    log=print,
) -> list[GradeOutcome]:
    """Autograde ``module`` for every student in ``instructor/submitted/`` (or ``students``).

    Notebooks without test cells (lessons) are not executed unless ``execute_ungraded``: no
    grade depends on them, and stock nbgrader would spend a kernel on each.
    """
    policy = policy or SandboxPolicy(cell_timeout_s=int(course.config().Execute.timeout))
    workers = workers or default_workers()
    submitted = course.submitted()
    folders = sorted(submitted.glob(f"*/{module}"))
    if students is not None:
        folders = [f for f in folders if f.parent.name in set(students)]
    outcomes = {f.parent.name: GradeOutcome(f.parent.name) for f in folders}
    if not folders:
        return []
    cache = Path(tempfile.mkdtemp(prefix=f"cj-exec-{module}-"))
    config = _grading_config(course, cache, policy)
    config.ReplayExecute.execute_ungraded = int(execute_ungraded)
    try:
        jobs = []
        for folder in folders:
            student = folder.parent.name
            for path in sorted(folder.glob("*.ipynb")):
                try:
                    nb = _sanitize(course, config, module, student, path)
                except Exception as exc:  # nbgrader will report it again in phase 2
                    outcomes[student].problems.append(
                        t(
                            "instructor.grade.sanitize_failed",
                            notebook=path.name,
                            detail=str(exc)[:200],
                        )
                    )
                    continue
                if not execute_ungraded and not has_tests(nb):
                    continue
                jobs.append(
                    {
                        "student": student,
                        "name": path.stem,
                        "notebook": nbformat.writes(nb),
                        "submitted": str(folder),
                        "release": str(course.release(module)),
                        "cache": str(cache / student / f"{path.stem}.ipynb"),
                        "policy": asdict(policy),
                    }
                )
        timings = {"workers": workers, "executions": len(jobs), "save_s": 0.0}
        remaining = Counter(job["student"] for job in jobs)
        saved: set[str] = set()
        with _Progress(progress) as bar:
            api = course.api(config)
            save_task = bar.task(t("instructor.grade.saving", module=module), len(folders))

            def save(student: str) -> None:
                # nbgrader's own autograde for one student, outputs replayed; runs in this
                # process only, so the gradebook has a single writer.
                if student in saved:
                    return
                saved.add(student)
                started = time.monotonic()
                result = api.autograde(module, student, force=True, create=True)
                if not result.get("success"):
                    result = api.autograde(module, student, force=True, create=True)  # once more
                if not result.get("success"):
                    outcomes[student].success = False
                    outcomes[student].error = (result.get("error") or result.get("log") or "")[
                        -2000:
                    ]
                    log(t("instructor.grade.student_failed", student=student))
                timings["save_s"] += time.monotonic() - started
                bar.advance(save_task)

            def executed(student: str) -> None:
                remaining[student] -= 1
                if remaining[student] <= 0:
                    save(student)  # while the workers execute the next notebooks

            started = time.monotonic()
            for student in outcomes:
                if not remaining[student]:
                    save(student)
            label = t("instructor.grade.executing", module=module)
            _run_jobs(jobs, workers, outcomes, bar, label, executed)
            for student in outcomes:  # anything left (a broken pool) is executed by ReplayExecute
                save(student)
            timings["total_s"] = round(time.monotonic() - started, 2)
            timings["save_s"] = round(timings["save_s"], 2)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    result = list(outcomes.values())
    report = {"timings": timings, "students": [asdict(o) for o in result]}
    (course.reports(module) / "autograde.json").write_text(
        json.dumps(report, ensure_ascii=False, indent=1), "utf-8"
    )
    return result


def _run_jobs(
    jobs: list[dict], workers: int, outcomes: dict, bar: _Progress, label: str, executed
) -> None:
    """Execute ``jobs`` in a process pool; ``executed(student)`` after each finished job."""
    task = bar.task(label, len(jobs))
    pending = list(jobs)
    for _attempt in range(2):  # a pool broken by a crashed worker is rebuilt once
        if not pending:
            return
        context = get_context("spawn")
        with ProcessPoolExecutor(min(workers, len(pending)), context, initializer=_warm_up) as pool:
            futures = {pool.submit(_execute_job, job): job for job in pending}
            pending = []
            for future in as_completed(futures):
                job = futures[future]
                try:
                    done = future.result()
                except BrokenProcessPool:
                    pending.append(job)
                    continue
                except Exception as exc:
                    outcomes[job["student"]].problems.append(
                        t("instructor.exec.crash", detail=f"{type(exc).__name__}: {exc}"[:300])
                    )
                    outcomes[job["student"]].problem_codes.append("crash")
                    bar.advance(task)
                    executed(job["student"])
                    continue
                outcome = outcomes[done["student"]]
                outcome.seconds += done["seconds"]
                if done["problem"]:
                    outcome.problems.append(f"{done['notebook']}: {done['problem']}")
                    outcome.problem_codes.append(done["code"])
                    outcome.details.append(done["detail"])
                bar.advance(task)
                executed(done["student"])
    # whatever is left is executed by ReplayExecute itself in phase 2 (serially)
