"""One place for the nbgrader settings the course relies on.

Used by ``nbgrader_config.py`` at the repository root (instructors running stock nbgrader
commands), by ``cjcourse start`` (building the student copies) and by the tests, so the
three always produce the same student version.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

#: What replaces a ``### BEGIN SOLUTION … ### END SOLUTION`` region in code cells. Answer cells
#: start with ``respuesta = None`` *outside* the region, so the student just edits that line:
#: no ``raise NotImplementedError`` for people who have never seen a traceback.
CODE_STUB = ""
#: What replaces the model answer of a free-text (hand-graded) cell.
TEXT_STUB = "✍️ *Escribe aquí tu respuesta (haz doble clic en esta celda para editarla).*"

#: Everything nbgrader writes goes below this git-ignored folder of the course root.
OUTPUT_DIR = "instructor"

IGNORE = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", ".cjcourse", ".nbgrader.log"]


def configure(c: Any, root: str | Path, *, source: str | Path = "course") -> Any:
    """Fill a traitlets config ``c`` for a course rooted at ``root``.

    ``source`` is the folder that holds ``module*/`` (relative to ``root`` or absolute).
    """
    root = Path(root).resolve()
    out = OUTPUT_DIR
    _put_venv_on_path()
    c.CourseDirectory.root = str(root)
    c.CourseDirectory.course_id = "cjcourse"
    c.CourseDirectory.source_directory = str(source)
    for step in ("release", "submitted", "autograded", "feedback", "solution", "source_with_tests"):
        setattr(c.CourseDirectory, f"{step}_directory", f"{out}/{step}")
    # SQLite cannot create the folder of its database file: make it (it is git-ignored).
    (root / out).mkdir(parents=True, exist_ok=True)
    c.CourseDirectory.db_url = f"sqlite:///{root / out / 'gradebook.db'}"
    c.CourseDirectory.ignore = IGNORE
    c.ClearSolutions.code_stub = {"python": CODE_STUB}
    c.ClearSolutions.text_stub = TEXT_STUB
    # A slow laptop can take a while for the first chart; an endless loop still stops.
    c.Execute.timeout = 120
    return c


def _put_venv_on_path() -> None:
    """nbgrader runs the ``alembic`` executable (from PATH) when it creates a gradebook.

    Called as ``.venv/bin/nbgrader`` without an activated environment, that lookup fails with
    a bare ``FileNotFoundError``; putting this interpreter's folder first on PATH fixes it.
    """
    bindir = str(Path(sys.executable).parent)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if bindir not in parts:
        os.environ["PATH"] = os.pathsep.join([bindir, *parts])
