"""Where the course lives and what it holds: the modules under ``course/``.

A module is a folder ``course/moduleN_name/`` with one or more notebooks (sources with
nbgrader metadata and solutions) and, optionally, data files next to them.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cjcourse.errors import UserError
from cjcourse.grading.nbgrader_setup import IGNORE
from cjcourse.i18n import t

__all__ = ["Module", "find_course_dir", "list_modules", "module_files", "source_hash"]

#: ``course/`` next to the package in a checkout (``pip install -e .``, the supported setup).
DEFAULT_COURSE_DIR = Path(__file__).resolve().parent.parent / "course"


@dataclass(frozen=True)
class Module:
    """One course module: its folder name (``module1_intro``), path, title and notebooks."""

    name: str
    path: Path
    title: str
    notebooks: tuple[Path, ...]

    @property
    def has_exercises(self) -> bool:
        """True when at least one notebook has cells that nbgrader grades."""
        return any(_has_grade_cells(nb) for nb in self.notebooks)


def find_course_dir(explicit: str | os.PathLike | None = None) -> Path:
    """The folder holding the modules: ``explicit``, else ``$CJCOURSE_COURSE_DIR``, else ``course/``."""
    candidate = Path(explicit or os.environ.get("CJCOURSE_COURSE_DIR") or DEFAULT_COURSE_DIR)
    candidate = candidate.expanduser().resolve()
    if not candidate.is_dir():
        raise UserError(t("course.missing", path=candidate))
    return candidate


def _ignored(name: str) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in IGNORE)


def module_files(path: Path) -> list[Path]:
    """Every file of a module that is distributed, relative to the module folder, sorted."""
    files = []
    for root, dirs, names in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not _ignored(d))
        files.extend(Path(root, n).relative_to(path) for n in sorted(names) if not _ignored(n))
    return files


def source_hash(path: Path) -> str:
    """Fingerprint of a module's sources: changes whenever a file is added, removed or edited."""
    digest = hashlib.sha256()
    for rel in module_files(path):
        digest.update(rel.as_posix().encode() + b"\0")
        digest.update(hashlib.sha256((path / rel).read_bytes()).digest())
    return digest.hexdigest()


def _notebook_json(path: Path) -> dict:
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _has_grade_cells(path: Path) -> bool:
    nb = _notebook_json(path)
    return any(c.get("metadata", {}).get("nbgrader", {}).get("grade") for c in nb.get("cells", []))


def _title(notebooks: tuple[Path, ...], fallback: str) -> str:
    for nb in notebooks:
        for cell in _notebook_json(nb).get("cells", []):
            if cell.get("cell_type") != "markdown":
                continue
            source = "".join(cell.get("source", ""))
            for line in source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def list_modules(course_dir: Path) -> list[Module]:
    """The modules in ``course_dir`` (folders ``module*`` with at least one notebook), in order."""
    modules = []
    for path in sorted(course_dir.glob("module*")):
        if not path.is_dir():
            continue
        notebooks = tuple(path / rel for rel in module_files(path) if rel.suffix == ".ipynb")
        if notebooks:
            modules.append(Module(path.name, path, _title(notebooks, path.name), notebooks))
    return modules
