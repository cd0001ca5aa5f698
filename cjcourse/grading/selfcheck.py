"""``cjcourse check``: run a notebook's checks and say, per question, what passed.

The notebook is executed in memory (nothing is written back to the student's file). Points
are computed with nbgrader's own rule (:func:`nbgrader.utils.determine_grade`), so the self-check
agrees with what the instructor's autograde would give. Inside a workspace, check cells are
taken from the pristine student version: a check cell the student edited is restored, and one
the student deleted is reported as missing instead of silently vanishing.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from cjcourse.errors import UserError
from cjcourse.i18n import t
from cjcourse.workspace import find_workspace_root, pristine_module_dir

__all__ = ["CheckResult", "NotebookReport", "check_notebook", "format_report"]

PASS, FAIL, MANUAL, MISSING = "pass", "fail", "manual", "missing"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")


@dataclass
class CheckResult:
    grade_id: str
    label: str
    status: str
    points: float | None
    max_points: float
    message: str = ""


@dataclass
class NotebookReport:
    path: Path
    results: list[CheckResult] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def autograded(self) -> list[CheckResult]:
        return [r for r in self.results if r.status != MANUAL]

    @property
    def passed(self) -> bool:
        return self.error is None and all(r.status == PASS for r in self.autograded)

    @property
    def score(self) -> float:
        return sum(r.points or 0 for r in self.autograded)

    @property
    def max_score(self) -> float:
        return sum(r.max_points for r in self.autograded)


def _nbgrader(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


def _is_test(cell) -> bool:
    meta = _nbgrader(cell)
    return bool(meta.get("grade")) and not meta.get("solution") and cell.cell_type == "code"


def _is_manual(cell) -> bool:
    meta = _nbgrader(cell)
    return bool(meta.get("grade")) and bool(meta.get("solution"))


def _label(cell) -> str:
    for line in cell.source.splitlines():
        line = line.strip()
        if line.startswith("#"):
            text = line.lstrip("#").strip()
            return re.sub(r"\s*\((no modifiques|do not edit)[^)]*\)\s*$", "", text, flags=re.I)
        if line:
            break
    return _nbgrader(cell).get("grade_id", "?")


def _read(path: Path):
    try:
        return nbformat.read(path, as_version=4)
    except FileNotFoundError as exc:
        raise UserError(t("selfcheck.not_found", path=path)) from exc
    except (json.JSONDecodeError, UnicodeDecodeError, nbformat.reader.NotJSONError) as exc:
        raise UserError(t("selfcheck.not_json", path=path)) from exc
    except Exception as exc:  # nbformat raises several kinds for malformed notebooks
        raise UserError(t("selfcheck.not_notebook", path=path, detail=str(exc)[:200])) from exc


def _pristine_cells(path: Path) -> dict[str, object]:
    """Grade id -> the untouched student notebook (of this module) that holds that cell."""
    root = find_workspace_root(path.parent)
    if root is None:
        return {}
    try:
        module = path.absolute().relative_to(root).parts[0]
    except (ValueError, IndexError):
        return {}
    by_id = {}
    for nb_path in sorted(pristine_module_dir(root, module).rglob("*.ipynb")):
        nb = nbformat.read(nb_path, as_version=4)
        by_id.update(
            {_nbgrader(c)["grade_id"]: nb for c in nb.cells if _nbgrader(c).get("grade_id")}
        )
    return by_id


def _restore_checks(nb, path: Path, report: NotebookReport) -> list[CheckResult]:
    """Put back edited check cells; report deleted ones. Returns results for the missing ones."""
    pristine_by_id = _pristine_cells(path)
    if not pristine_by_id:
        return []
    present = {_nbgrader(c).get("grade_id"): c for c in nb.cells if _nbgrader(c).get("grade_id")}
    own = {gid for gid in present if gid in pristine_by_id}
    if not own:
        return []  # a notebook unrelated to the pristine ones (e.g. a student's own file)
    source_nb = pristine_by_id[next(iter(own))]
    missing = []
    for cell in source_nb.cells:
        meta = _nbgrader(cell)
        gid = meta.get("grade_id")
        if not gid or not meta.get("locked"):
            continue
        if gid in present:
            if present[gid].source != cell.source:
                present[gid].source = cell.source
                report.notes.append(t("selfcheck.restored", label=_label(cell)))
        elif _is_test(cell):
            missing.append(
                CheckResult(
                    gid,
                    _label(cell),
                    MISSING,
                    0.0,
                    float(meta.get("points", 0)),
                    t("selfcheck.missing_check"),
                )
            )
    return missing


def _failure_message(cell) -> str:
    for out in cell.get("outputs", []):
        if out.output_type == "error":
            if out.ename == "CheckFailed":
                return _ANSI.sub("", out.evalue)
            if out.ename == "NameError":
                return t("selfcheck.name_error", detail=out.evalue)
            if out.ename in {"SyntaxError", "IndentationError"}:
                return t("selfcheck.syntax_error", detail=out.evalue)
            return f"{out.ename}: {_ANSI.sub('', out.evalue)}"
        if out.output_type == "stream" and out.name == "stderr":
            return t("selfcheck.stderr", detail=out.text.strip()[:200])
    return ""


def _pass_message(cell) -> str:
    for out in cell.get("outputs", []):
        if out.output_type == "stream" and out.name == "stdout":
            text = out.text.strip().splitlines()
            if text:
                return text[-1].lstrip("✔ ").strip()
    return t("check.ok")


def check_notebook(path: str | Path, *, timeout: int = 120) -> NotebookReport:
    """Execute ``path`` in memory and grade each check cell as nbgrader would."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from nbgrader.utils import determine_grade

    path = Path(path)
    nb = _read(path)
    report = NotebookReport(path)
    missing = _restore_checks(nb, path, report)
    graded = [c for c in nb.cells if _is_test(c) or _is_manual(c)]
    if not graded and not missing:
        return report
    work = copy.deepcopy(nb)
    client = NotebookClient(
        work,
        timeout=timeout,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent.absolute())}},
    )
    try:
        client.execute()
    except CellTimeoutError:
        report.error = t("selfcheck.timeout", seconds=timeout)
    except DeadKernelError:
        report.error = t("selfcheck.dead_kernel")
    for cell in work.cells:
        if not (_is_test(cell) or _is_manual(cell)):
            continue
        meta = _nbgrader(cell)
        gid, max_points = meta.get("grade_id", "?"), float(meta.get("points", 0))
        if _is_manual(cell):
            score, _ = determine_grade(cell)
            key = "selfcheck.manual_empty" if score == 0 else "selfcheck.manual_pending"
            report.results.append(CheckResult(gid, _label(cell), MANUAL, None, max_points, t(key)))
            continue
        ran = cell.get("execution_count") is not None
        score, _ = determine_grade(cell) if ran else (0.0, max_points)
        if ran and score == max_points:
            report.results.append(
                CheckResult(gid, _label(cell), PASS, score, max_points, _pass_message(cell))
            )
        else:
            message = _failure_message(cell) if ran else t("selfcheck.not_run")
            report.results.append(
                CheckResult(gid, _label(cell), FAIL, score or 0.0, max_points, message)
            )
    report.results.extend(missing)
    return report


def _pts(value: float) -> str:
    return f"{value:g}"


def format_report(report: NotebookReport) -> list[str]:
    """Lines for the terminal: one per question, then a summary."""
    lines = [f"📓 {report.path}"]
    lines += [f"  ℹ {note}" for note in report.notes]
    if not report.results and report.error is None:
        lines.append("  " + t("selfcheck.no_checks"))
        return lines
    for r in report.results:
        if r.status == PASS:
            mark, pts = "✔", f"{_pts(r.points)}/{_pts(r.max_points)}"
        elif r.status == MANUAL:
            mark, pts = "✎", f"—/{_pts(r.max_points)}"
        else:
            mark, pts = "✘", f"0/{_pts(r.max_points)}"
        lines.append(f"  {mark} {r.label} [{pts} {t('selfcheck.points')}] — {r.message}")
    if report.error:
        lines.append(f"  ✘ {report.error}")
    auto = report.autograded
    manual = [r for r in report.results if r.status == MANUAL]
    lines.append(
        "  "
        + t(
            "selfcheck.summary",
            passed=sum(r.status == PASS for r in auto),
            total=len(auto),
            score=_pts(report.score),
            max_score=_pts(report.max_score),
        )
        + (" " + t("selfcheck.summary_manual", n=len(manual)) if manual else "")
    )
    return lines
