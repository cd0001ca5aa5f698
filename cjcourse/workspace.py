"""The student workspace: a folder with the student version of every module.

Rules that keep students' work safe:

* A file is written only where nothing is, or where the file is byte-for-byte what we put there
  last time (the student never touched it). Every write goes to a temporary file in the same
  folder and is renamed into place, so a crash never leaves half a notebook.
* When a module changes in the course and the student has edited their copy, the new version is
  written *beside* it (``02_ejercicios_actualizado_20261122.ipynb``) and the student is told.
* A notebook that is no longer valid JSON is left where it is; a fresh copy is put beside it.
* Nothing in the workspace is ever deleted. Our own bookkeeping lives in ``.cjcourse/``:
  ``manifest.json`` (what we gave, by hash) and ``release/`` (the pristine student versions,
  which ``cjcourse check`` uses to restore edited or deleted check cells).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cjcourse.course import Module, list_modules, module_files, source_hash
from cjcourse.errors import UserError
from cjcourse.grading.release import build_student_version, ensure_gradebook_template
from cjcourse.i18n import t

__all__ = [
    "MANIFEST_VERSION",
    "STATE_DIR",
    "SyncReport",
    "default_workspace",
    "find_workspace_root",
    "prepare_workspace",
    "pristine_module_dir",
]

STATE_DIR = ".cjcourse"
MANIFEST = "manifest.json"
MANIFEST_VERSION = 1


def default_workspace() -> Path:
    """``$CJCOURSE_WORKSPACE``, else ``~/cjcourse-curso`` (outside the repository on purpose)."""
    env = os.environ.get("CJCOURSE_WORKSPACE")
    return Path(env).expanduser() if env else Path.home() / "cjcourse-curso"


@dataclass
class SyncReport:
    """What :func:`prepare_workspace` did, file by file (paths relative to the workspace)."""

    workspace: Path
    modules: list[str] = field(default_factory=list)
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    #: (edited file kept as it is, new version written beside it)
    offered: list[tuple[str, str]] = field(default_factory=list)
    #: (damaged notebook left untouched, fresh copy written beside it)
    corrupted: list[tuple[str, str]] = field(default_factory=list)
    unchanged: int = 0
    warnings: list[str] = field(default_factory=list)

    @property
    def first_time(self) -> bool:
        return bool(self.added) and not (self.updated or self.offered or self.unchanged)

    def lines(self) -> list[str]:
        """The report in the user's language, one line per event worth telling."""
        out = [t("workspace.ready", path=self.workspace, n=len(self.modules))]
        out += [f"  + {t('workspace.added', file=f)}" for f in self.added]
        out += [f"  ↻ {t('workspace.updated', file=f)}" for f in self.updated]
        out += [f"  ★ {t('workspace.offered', file=a, new=b)}" for a, b in self.offered]
        out += [f"  ⚠ {t('workspace.corrupted', file=a, new=b)}" for a, b in self.corrupted]
        out += [f"  ⚠ {w}" for w in self.warnings]
        return out


# --------------------------------------------------------------------------- small safe primitives


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _atomic_write(dest: Path, data: bytes) -> None:
    """Write ``data`` to ``dest`` through a temp file + rename: readers see old or new, never half."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=dest.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _beside(dest: Path, tag: str, today: dt.date) -> Path:
    """A free name next to ``dest``: ``name_<tag>_YYYYMMDD.ext``, then ``…_2.ext`` and so on."""
    base = f"{dest.stem}_{tag}_{today:%Y%m%d}"
    candidate = dest.with_name(base + dest.suffix)
    n = 2
    while candidate.exists():
        candidate = dest.with_name(f"{base}_{n}{dest.suffix}")
        n += 1
    return candidate


def _identical_exists(folder: Path, digest: str, suffix: str) -> Path | None:
    for other in folder.glob(f"*{suffix}"):
        if other.is_file() and _sha(other) == digest:
            return other
    return None


def _is_valid_notebook(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False
    return isinstance(data, dict) and isinstance(data.get("cells"), list)


@contextlib.contextmanager
def _locked(state: Path) -> Iterator[None]:
    """One ``cjcourse start`` at a time per workspace (two at once could race on the manifest)."""
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; the atomic writes still keep files whole
        yield
        return
    with (state / "lock").open("w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise UserError(t("workspace.busy", path=state.parent)) from exc
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


# --------------------------------------------------------------------------- the workspace


def _check_folder(workspace: Path) -> Path:
    workspace = workspace.expanduser().absolute()
    if workspace.exists() and not workspace.is_dir():
        raise UserError(t("workspace.not_a_folder", path=workspace))
    if not workspace.exists():
        if not workspace.parent.is_dir():
            raise UserError(t("workspace.parent_missing", path=workspace, parent=workspace.parent))
        try:
            workspace.mkdir()
        except OSError as exc:
            raise UserError(
                t("workspace.not_writable", path=workspace, detail=exc.strerror)
            ) from exc
    state = workspace / STATE_DIR
    try:
        state.mkdir(exist_ok=True)
        probe = state / ".write-test"
        probe.write_bytes(b"ok")
        probe.unlink()
    except OSError as exc:
        raise UserError(t("workspace.not_writable", path=workspace, detail=exc.strerror)) from exc
    return workspace


def _load_manifest(state: Path, report: SyncReport) -> dict:
    path = state / MANIFEST
    if not path.exists():
        return {"version": MANIFEST_VERSION, "modules": {}}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("modules"), dict):
            raise ValueError("unexpected shape")
        return data
    except (OSError, UnicodeDecodeError, ValueError):
        # Keep the damaged file for inspection; with an empty manifest every existing file
        # counts as edited by the student, so nothing of theirs can be overwritten.
        kept = path.with_name(f"{MANIFEST}.dañado-{dt.datetime.now():%Y%m%d%H%M%S}")
        path.rename(kept)
        report.warnings.append(t("workspace.manifest_damaged", path=kept))
        return {"version": MANIFEST_VERSION, "modules": {}}


def pristine_module_dir(workspace: Path, module: str) -> Path:
    """Where the untouched student version of ``module`` is kept inside the workspace."""
    return workspace / STATE_DIR / "release" / module


def find_workspace_root(path: Path) -> Path | None:
    """The workspace that contains ``path`` (a folder with ``.cjcourse/manifest.json``), if any."""
    for folder in [path.absolute(), *path.absolute().parents]:
        if (folder / STATE_DIR / MANIFEST).is_file():
            return folder
    return None


def _refresh_pristine(module: Module, workspace: Path, digest: str, entry: dict | None) -> Path:
    pristine = pristine_module_dir(workspace, module.name)
    if entry and entry.get("source_hash") == digest and pristine.is_dir():
        return pristine
    pristine.parent.mkdir(parents=True, exist_ok=True)
    fresh = pristine.with_name(f".{module.name}.new")
    shutil.rmtree(fresh, ignore_errors=True)
    template = ensure_gradebook_template(workspace / STATE_DIR / "build-gradebook.db")
    build_student_version(module.path.parent, module.name, fresh, gradebook_template=template)
    old = pristine.with_name(f".{module.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if pristine.exists():
        pristine.rename(old)
    fresh.rename(pristine)
    shutil.rmtree(old, ignore_errors=True)
    return pristine


def _sync_file(
    src: Path, dest: Path, record: dict | None, report: SyncReport, workspace: Path, today: dt.date
) -> dict:
    """Bring one file of the workspace up to date without losing the student's changes.

    ``record`` is what the manifest remembers of this file: ``{"given": sha, "offered": sha}``.
    Returns the new record.
    """
    new = _sha(src)
    given = (record or {}).get("given")
    rel = dest.relative_to(workspace).as_posix()
    if not dest.exists():
        _atomic_write(dest, src.read_bytes())
        report.added.append(rel)
        return {"given": new}
    current = _sha(dest)
    if current == new:
        report.unchanged += 1
        return {"given": new}
    if given is not None and current == given:
        _atomic_write(dest, src.read_bytes())  # untouched old version: safe to refresh
        report.updated.append(rel)
        return {"given": new}
    # The student's file differs from anything we gave: it is theirs now.
    if dest.suffix == ".ipynb" and not _is_valid_notebook(dest):
        copy = _identical_exists(dest.parent, new, dest.suffix)
        if copy is None:
            copy = _beside(dest, "copia_nueva", today)
            _atomic_write(copy, src.read_bytes())
        report.corrupted.append((rel, copy.relative_to(workspace).as_posix()))
        return {"given": given, "offered": new} if given else {"offered": new}
    if new != given and (record or {}).get("offered") != new:
        copy = _identical_exists(dest.parent, new, dest.suffix)
        if copy is None:
            copy = _beside(dest, "actualizado", today)
            _atomic_write(copy, src.read_bytes())
        report.offered.append((rel, copy.relative_to(workspace).as_posix()))
    else:
        report.unchanged += 1
    return {"given": given, "offered": new} if given else {"offered": new}


def prepare_workspace(
    workspace: Path,
    course_dir: Path,
    *,
    today: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> SyncReport:
    """Create or bring up to date the student workspace; never overwrites a student's edit.

    Parameters
    ----------
    workspace
        The student's folder (created if its parent exists).
    course_dir
        The folder with ``module*/`` sources (see :func:`cjcourse.course.find_course_dir`).
    today
        Date used in the names of copies written beside edited files.
    progress
        Called with a short message before each slow step (building a module).
    """
    today = today or dt.date.today()
    workspace = _check_folder(workspace)
    state = workspace / STATE_DIR
    report = SyncReport(workspace)
    modules = list_modules(course_dir)
    if not modules:
        raise UserError(t("course.empty", path=course_dir))
    with _locked(state):
        manifest = _load_manifest(state, report)
        for module in modules:
            digest = source_hash(module.path)
            entry = manifest["modules"].get(module.name)
            if progress and not (entry and entry.get("source_hash") == digest):
                progress(t("workspace.building", module=module.name))
            pristine = _refresh_pristine(module, workspace, digest, entry)
            old_files = (entry or {}).get("files", {})
            files = {}
            for rel in module_files(pristine):
                key = rel.as_posix()
                files[key] = _sync_file(
                    pristine / rel,
                    workspace / module.name / rel,
                    old_files.get(key),
                    report,
                    workspace,
                    today,
                )
            # Files that left the course stay in the workspace (they may hold work) and in the
            # manifest, so a later return of the same file is recognised.
            for key, record in old_files.items():
                files.setdefault(key, record)
            manifest["modules"][module.name] = {"source_hash": digest, "files": files}
            report.modules.append(module.name)
            _atomic_write(state / MANIFEST, json.dumps(manifest, indent=1).encode())
    return report
