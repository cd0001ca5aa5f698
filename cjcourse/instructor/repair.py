"""Repair a submission by carrying the student's answers into a fresh copy of the release.

Students delete, duplicate, retype, reorder and move cells, rename notebooks, hand in two
copies, or a file that is not valid JSON at all (jupyter/nbgrader#1941). nbgrader then grades
them wrongly (a deleted test cell silently becomes "no grade") or skips them. Here every
notebook nbgrader grades is the *release* notebook, with:

* each answer cell (``solution``) filled from the student's cell with the same grade id, found
  in whichever of the student's notebooks holds it, whatever its position or cell type;
* every locked cell (statements, checks) exactly as released;
* the student's own extra cells (helper code, notes) kept, after the graded cell they followed.

Each change is recorded as a :class:`RepairNote` (code + Spanish message) for the instructor.
A file that cannot be read at all yields the blank release copy (zero points, flagged), so
the student is still graded and appears in every report.
"""

from __future__ import annotations

import copy
import json
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from cjcourse.i18n import t

__all__ = ["RepairNote", "RepairReport", "read_submission", "repair_module", "repair_student"]

#: Codes that change what is graded (the rest are information).
SERIOUS = {
    "failed",
    "empty_file",
    "invalid_json",
    "invalid_json_salvaged",
    "not_a_notebook",
    "missing_notebook",
    "deleted_cell",
    "edited_locked",
    "duplicated",
    "retyped",
    "moved",
    "missing_answer",
    "extra_copy",
    "renamed",
}


@dataclass
class RepairNote:
    code: str
    notebook: str
    detail: str = ""

    @property
    def message(self) -> str:
        return t(f"instructor.repair.{self.code}", notebook=self.notebook, detail=self.detail)


@dataclass
class RepairReport:
    student: str
    notes: list[RepairNote] = field(default_factory=list)

    @property
    def repaired(self) -> bool:
        return any(n.code in SERIOUS for n in self.notes)

    def add(self, code: str, notebook: str, detail: str = "") -> None:
        self.notes.append(RepairNote(code, notebook, detail))

    def to_dict(self) -> dict:
        return {
            "student": self.student,
            "repaired": self.repaired,
            "notes": [dict(asdict(n), message=n.message) for n in self.notes],
        }


@dataclass
class Candidate:
    """One notebook file the student handed in, as far as it could be read."""

    path: Path
    cells: list
    status: str = "ok"  # ok, salvaged, empty, invalid, not_notebook

    def grade_ids(self) -> list[str]:
        return [gid for c in self.cells if (gid := _gid(c))]


def _meta(cell) -> dict:
    meta = cell.get("metadata") or {}
    nbg = meta.get("nbgrader") if isinstance(meta, dict) else None
    return nbg if isinstance(nbg, dict) else {}


def _gid(cell) -> str | None:
    gid = _meta(cell).get("grade_id")
    return gid if isinstance(gid, str) and gid else None


def _source(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def _salvage_cells(text: str) -> list:
    """Every complete cell object in a damaged notebook's text (truncated, conflict markers…)."""
    decoder, cells, pos = json.JSONDecoder(), [], 0
    while True:
        pos = text.find('"cell_type"', pos)
        if pos < 0:
            return cells
        start = text.rfind("{", 0, pos)
        try:
            obj, end = decoder.raw_decode(text, start)
        except (json.JSONDecodeError, ValueError):
            pos += 11
            continue
        if isinstance(obj, dict) and "cell_type" in obj:
            cells.append(nbformat.from_dict(obj))
            pos = end
        else:
            pos += 11


def read_submission(path: Path) -> Candidate:
    """Read one handed-in notebook as well as possible (never raises for bad content)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return Candidate(path, [], "invalid")
    if not raw.strip():
        return Candidate(path, [], "empty")
    text = raw.decode("utf-8", errors="replace")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        cells = _salvage_cells(text)
        return Candidate(path, cells, "salvaged" if cells else "invalid")
    if not isinstance(data, dict):
        return Candidate(path, [], "not_notebook")
    try:
        nb = nbformat.reads(text, as_version=4)
        cells = list(nb.cells)
    except Exception:  # schema problems: take whatever cells look like cells
        cells = [nbformat.from_dict(c) for c in data.get("cells", []) if isinstance(c, dict)]
    if not cells and "cells" not in data:
        return Candidate(path, [], "not_notebook")
    return Candidate(path, cells)


def _is_answer(cell) -> bool:
    return bool(_meta(cell).get("solution"))


def _pick(cells: list, stub: str):
    """Among cells sharing a grade id: the last one the student changed, else the last one."""
    changed = [c for c in cells if _source(c).strip() != stub.strip()]
    return (changed or cells)[-1]


def _choose_candidates(
    release_name: str, release_ids: set[str], candidates: list[Candidate], release_cells
):
    """The student's files that hold this notebook's cells, best first."""
    stubs = {_gid(c): _source(c) for c in release_cells if _gid(c)}

    def answered(cand):
        return sum(1 for c in cand.cells if _gid(c) in stubs and _source(c) != stubs[_gid(c)])

    related = [c for c in candidates if release_ids & set(c.grade_ids())]
    return sorted(
        related,
        key=lambda c: (
            answered(c),
            c.path.name == release_name,
            len(release_ids & set(c.grade_ids())),
            c.path.stat().st_mtime if c.path.exists() else 0,
        ),
        reverse=True,
    )


def _new_cell_like(release_cell, source: str, student_cell) -> NotebookNode:
    cell = copy.deepcopy(release_cell)
    cell.source = source
    if cell.cell_type == "code":
        cell.outputs, cell.execution_count = [], None
    elif student_cell.get("attachments"):
        cell["attachments"] = copy.deepcopy(student_cell["attachments"])
    return cell


def _plain(cell) -> NotebookNode:
    """A student's own cell, without nbgrader metadata and outputs (it is re-executed)."""
    kind = cell.get("cell_type", "code")
    make = {
        "code": nbformat.v4.new_code_cell,
        "markdown": nbformat.v4.new_markdown_cell,
    }.get(kind, nbformat.v4.new_raw_cell)
    return make(_source(cell))


def repair_notebook(
    release_nb: NotebookNode, name: str, candidates: list[Candidate], report: RepairReport
) -> NotebookNode:
    """The release notebook ``name`` with the student's answers (and extra cells) carried in."""
    release_ids = {gid for c in release_nb.cells if (gid := _gid(c))}
    chosen = _choose_candidates(name, release_ids, candidates, release_nb.cells)
    fresh = copy.deepcopy(release_nb)
    if not chosen:
        if release_ids:  # a lesson without grade ids is not missed: nothing in it is graded
            report.add("missing_notebook", name)
        return fresh
    main = chosen[0]
    if main.path.name != name:
        report.add("renamed", name, main.path.name)
    if len(chosen) > 1:
        report.add("extra_copy", name, ", ".join(c.path.name for c in chosen[1:]))
    if main.status == "salvaged":
        report.add("invalid_json_salvaged", name, str(len(main.cells)))

    by_id: dict[str, list] = {}
    for cell in main.cells:
        if (gid := _gid(cell)) in release_ids:
            by_id.setdefault(gid, []).append(cell)
    order = [g for g in main.grade_ids() if g in release_ids]
    expected_order = [g for g in (_gid(c) for c in release_nb.cells) if g in set(order)]
    if list(dict.fromkeys(order)) != expected_order:
        report.add("reordered", name)

    # extra cells, anchored to the graded cell they followed in the student's notebook
    extra_after: dict[str | None, list] = {}
    anchor = None
    for cell in main.cells:
        gid = _gid(cell)
        if gid in release_ids:
            anchor = gid
        elif _source(cell).strip():
            extra_after.setdefault(anchor, []).append(_plain(cell))

    out = []
    for index, rcell in enumerate(fresh.cells):
        gid = _gid(rcell)
        if gid is None:
            out.append(rcell)
            continue
        found = by_id.get(gid, [])
        source_nb = main
        stub = _source(release_nb.cells[index])
        unanswered = all(_source(c).strip() == stub.strip() for c in found)
        if not found or (_is_answer(rcell) and unanswered):
            # look in the student's other notebooks: a moved cell, or the answer in another copy
            for other in chosen[1:] + [c for c in candidates if c not in chosen]:
                there = [c for c in other.cells if _gid(c) == gid]
                if there and (not found or any(_source(c).strip() != stub.strip() for c in there)):
                    found, source_nb = there, other
                    break
        if len(found) > 1:
            report.add("duplicated", name, gid)
        if _is_answer(rcell):
            if not found:
                report.add("missing_answer", name, gid)
                out.append(rcell)
            else:
                scell = _pick(found, stub)
                if source_nb is not main:
                    report.add("moved", name, f"{gid} ← {source_nb.path.name}")
                if scell.get("cell_type") != rcell.cell_type:
                    report.add(
                        "retyped", name, f"{gid}: {scell.get('cell_type')} → {rcell.cell_type}"
                    )
                out.append(_new_cell_like(rcell, _source(scell), scell))
        else:
            if not found:
                if main.status == "ok":
                    report.add("deleted_cell", name, gid)
            elif _meta(rcell).get("locked") and any(_source(c) != _source(rcell) for c in found):
                report.add("edited_locked", name, gid)
            out.append(rcell)
        out.extend(extra_after.pop(gid, []))
    leftovers = [c for cells in extra_after.values() for c in cells]
    if leftovers:  # cells before any graded cell: keep them at the top
        out = leftovers + out
    kept = sum(1 for c in out if not _gid(c) and c not in fresh.cells)
    if kept:
        report.add("added_cells", name, str(kept))
    fresh.cells = out
    return fresh


def repair_student(collected: Path, release_dir: Path, dest: Path, student: str) -> RepairReport:
    """Repair one student's folder ``collected`` into ``dest`` (created anew)."""
    report = RepairReport(student)
    files = sorted(
        p for p in collected.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts and p.is_file()
    )
    candidates = []
    for path in files:
        cand = read_submission(path)
        rel = str(path.relative_to(collected))
        if cand.status == "empty":
            report.add("empty_file", rel)
        elif cand.status == "invalid":
            report.add("invalid_json", rel)
        elif cand.status == "not_notebook":
            report.add("not_a_notebook", rel)
        candidates.append(cand)
    releases = sorted(release_dir.glob("*.ipynb"))
    known = set()
    for rpath in releases:
        rnb = nbformat.read(rpath, as_version=4)
        known |= {g for c in rnb.cells if (g := _gid(c))}
    for cand in candidates:
        if cand.cells and not (set(cand.grade_ids()) & known):
            report.add("ignored_file", str(cand.path.relative_to(collected)))
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for rpath in releases:
        rnb = nbformat.read(rpath, as_version=4)
        fixed = repair_notebook(rnb, rpath.name, candidates, report)
        nbformat.write(fixed, dest / rpath.name)
    stamp = collected / "timestamp.txt"
    if stamp.exists():
        shutil.copy2(stamp, dest / "timestamp.txt")
    return report


def repair_module(course, module: str) -> list[RepairReport]:
    """Repair every collected submission of ``module`` into ``instructor/submitted/``."""
    base = course.collected(module)
    release = course.release(module)
    reports = []
    # Submissions put in submitted/ by stock `nbgrader collect` (or by hand) are kept, untouched,
    # in collected/ first: the repaired copy then replaces them, and the original is never lost.
    for folder in sorted(course.submitted().glob(f"*/{module}")):
        if not (base / folder.parent.name).exists():
            shutil.copytree(folder, base / folder.parent.name)
    if not base.is_dir():
        return reports
    for folder in sorted(p for p in base.iterdir() if p.is_dir() and not p.name.startswith(".")):
        dest = course.submitted() / folder.name / module
        try:
            reports.append(repair_student(folder, release, dest, folder.name))
        except Exception as exc:  # one broken submission never stops the others
            rep = RepairReport(folder.name)
            rep.add("failed", module, f"{type(exc).__name__}: {exc}"[:300])
            reports.append(rep)
            # still graded (blank copy, zero points, flagged): no student vanishes from the gradebook
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(release, dest, ignore=shutil.ignore_patterns("*.ipynb_checkpoints"))
    path = course.reports(module) / "repairs.json"
    path.write_text(
        json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=1), "utf-8"
    )
    return reports
