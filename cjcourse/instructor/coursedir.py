"""The instructor's course root: where nbgrader's folders, the gradebook and our reports live.

A course root is a folder with an ``nbgrader_config.py`` that calls
:func:`cjcourse.grading.nbgrader_setup.configure` (the repository root is one). Everything is
written below ``<root>/instructor/``:

* ``collected/<module>/<student>/``   what students handed in, untouched (exchange or LMS zip)
* ``submitted/<student>/<module>/``   the repaired copies nbgrader grades
* ``autograded/``, ``feedback/``, ``gradebook.db``   nbgrader's own
* ``reports/<module>/``               repair, scan and grading reports, the class report
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from cjcourse.course import find_course_dir, list_modules
from cjcourse.errors import UserError
from cjcourse.grading.nbgrader_setup import OUTPUT_DIR, configure
from cjcourse.i18n import t

__all__ = ["InstructorCourse", "init_course_root"]

CONFIG_TEMPLATE = '''"""nbgrader configuration written by `cjcourse instructor init` (stock nbgrader works here too)."""

from cjcourse.grading.nbgrader_setup import configure

c = get_config()  # noqa: F821 - provided by nbgrader
configure(c, {root!r}, source={source!r})
{db_line}'''


@dataclass
class InstructorCourse:
    """A course root and the settings every step shares.

    ``db_url`` defaults to the SQLite gradebook of :func:`configure`; a PostgreSQL URL
    (``postgresql+psycopg://user@127.0.0.1:5432/gradebook``) works the same way.
    """

    root: Path
    course_dir: Path
    db_url: str | None = None
    exchange: Path | None = None
    extra_config: dict = field(default_factory=dict)

    @classmethod
    def open(
        cls, root: str | os.PathLike | None = None, course_dir=None, db_url=None, exchange=None
    ):
        root = Path(root or os.getcwd()).expanduser().resolve()
        if not root.is_dir():
            raise UserError(t("instructor.root.missing", path=root))
        source = Path(course_dir).resolve() if course_dir else None
        if source is None:
            local = root / "course"
            source = local if local.is_dir() else find_course_dir()
        db_url = db_url or os.environ.get("CJCOURSE_GRADEBOOK_URL") or None
        return cls(root, source, db_url, Path(exchange).resolve() if exchange else None)

    # -- folders
    @property
    def out(self) -> Path:
        return self.root / OUTPUT_DIR

    def collected(self, module: str) -> Path:
        return self.out / "collected" / module

    def submitted(self) -> Path:
        return self.out / "submitted"

    def release(self, module: str) -> Path:
        return self.out / "release" / module

    def reports(self, module: str) -> Path:
        path = self.out / "reports" / module
        path.mkdir(parents=True, exist_ok=True)
        return path

    # -- nbgrader
    def config(self):
        """A traitlets config for nbgrader's API, the same as ``nbgrader_config.py`` gives."""
        from traitlets.config import Config

        c = configure(Config(), self.root, source=self.course_dir)
        if self.db_url:
            c.CourseDirectory.db_url = self.db_url
        if self.exchange:
            c.Exchange.root = str(self.exchange)
        for key, value in self.extra_config.items():
            section, name = key.rsplit(".", 1)
            setattr(c[section], name, value)
        return c

    @property
    def gradebook_url(self) -> str:
        return str(self.config().CourseDirectory.db_url)

    def api(self, config=None):
        from nbgrader.apps.api import NbGraderAPI
        from nbgrader.coursedir import CourseDirectory

        config = config or self.config()
        coursedir = CourseDirectory(config=config)
        api = NbGraderAPI(coursedir=coursedir, config=config)
        api.log.setLevel(logging.ERROR)
        return api

    def gradebook(self):
        from nbgrader.api import Gradebook

        return Gradebook(self.gradebook_url, course_id="cjcourse")

    # -- modules
    def modules(self, names: list[str] | None = None, *, graded_only: bool = True):
        """The course modules (all with exercises by default), or the named ones."""
        found = list_modules(self.course_dir)
        if names:
            by_name = {m.name: m for m in found}
            unknown = [n for n in names if n not in by_name]
            if unknown:
                raise UserError(
                    t(
                        "instructor.module.unknown",
                        names=", ".join(unknown),
                        known=", ".join(by_name) or "—",
                    )
                )
            return [by_name[n] for n in names]
        return [m for m in found if m.has_exercises or not graded_only]


def init_course_root(root: Path, course_dir: Path, db_url: str | None = None) -> Path:
    """Create ``root`` with an ``nbgrader_config.py`` reading ``course_dir``; returns the file.

    An existing ``nbgrader_config.py`` is never overwritten.
    """
    root = Path(root).expanduser().resolve()
    root.mkdir(parents=True, exist_ok=True)
    config_file = root / "nbgrader_config.py"
    if config_file.exists():
        return config_file
    db_line = f"c.CourseDirectory.db_url = {db_url!r}\n" if db_url else ""
    config_file.write_text(
        CONFIG_TEMPLATE.format(
            root=str(root), source=str(Path(course_dir).resolve()), db_line=db_line
        ),
        encoding="utf-8",
    )
    (root / OUTPUT_DIR).mkdir(exist_ok=True)
    return config_file
