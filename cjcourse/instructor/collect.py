"""Collect submissions, untouched, into ``instructor/collected/<module>/<student>/``.

Two sources:

* the **nbgrader exchange** (``<exchange>/cjcourse/inbound/<student>+<module>+<time>+<rand>/``),
  taking each student's latest submission and keeping its ``timestamp.txt`` (late penalties);
* an **LMS zip** of submissions: Moodle (``Nombre Apellidos_123_assignsubmission_file_/x.ipynb``),
  Canvas (``apellidonombre[_late]_<userid>_<subid>_x.ipynb``) or plain ``<student_id>/x.ipynb``.
  Students are matched to the roster by LMS user id, student id, e-mail or full name (accents and
  word order do not matter). Someone not on the roster is still collected, under an id derived
  from the file name, and reported: no submission is dropped.

A student collected again keeps the previous copy in ``collected/<module>/.history/``.
"""

from __future__ import annotations

import re
import shutil
import time
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from cjcourse.errors import UserError
from cjcourse.i18n import t
from cjcourse.instructor.roster import Student, safe_id

__all__ = ["CollectReport", "collect_from_exchange", "collect_from_zip"]

#: Refuse a zip member larger than this (a zip bomb, or a data dump by mistake).
MAX_MEMBER_BYTES = 50 * 1024 * 1024

_MOODLE = re.compile(r"^(?P<name>.+?)_(?P<pid>\d+)_assign(?:submission|feedback)_\w+_?$")
_CANVAS = re.compile(r"^(?P<login>[^_/]+?)_(?:late_)?(?P<uid>\d+)_(?P<sub>\d+)_(?P<file>.+)$", re.I)


@dataclass
class CollectReport:
    module: str
    students: dict[str, list[str]] = field(default_factory=dict)  # id -> files
    notes: list[str] = field(default_factory=list)


def _name_key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(sorted(re.findall(r"[a-z0-9]+", text)))


def _fresh_folder(dest: Path, history: Path) -> Path:
    if dest.exists():
        keep = history / dest.name / time.strftime("%Y%m%d-%H%M%S")
        keep.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(dest), str(keep))
    dest.mkdir(parents=True)
    return dest


def collect_from_exchange(course, module: str) -> CollectReport:
    """Copy each student's latest exchange submission of ``module``."""
    exchange = Path(course.config().Exchange.root if course.exchange is None else course.exchange)
    inbound = exchange / "cjcourse" / "inbound"
    report = CollectReport(module)
    if not inbound.is_dir():
        raise UserError(t("instructor.collect.no_inbound", path=inbound))
    latest: dict[str, tuple[str, Path]] = {}
    for folder in inbound.iterdir():
        parts = folder.name.split("+")
        if len(parts) < 3 or parts[1] != module or not folder.is_dir():
            continue
        stamp_file = folder / "timestamp.txt"
        stamp = stamp_file.read_text().strip() if stamp_file.exists() else parts[2]
        if parts[0] not in latest or stamp > latest[parts[0]][0]:
            latest[parts[0]] = (stamp, folder)
    base = course.collected(module)
    for raw_id, (_, folder) in sorted(latest.items()):
        sid = safe_id(raw_id) or "desconocido"
        dest = _fresh_folder(base / sid, base / ".history")
        shutil.copytree(folder, dest, dirs_exist_ok=True)
        report.students[sid] = sorted(p.name for p in dest.iterdir())
    if not latest:
        report.notes.append(t("instructor.collect.nothing", module=module, path=inbound))
    return report


class _Matcher:
    def __init__(self, roster: list[Student]):
        self.by_lms = {s.lms_user_id: s.student_id for s in roster if s.lms_user_id}
        self.by_id = {s.student_id.casefold(): s.student_id for s in roster}
        self.by_email = {s.email.split("@")[0].casefold(): s.student_id for s in roster if s.email}
        self.by_name = {_name_key(s.full_name): s.student_id for s in roster if s.full_name}
        self.by_login = {
            re.sub(
                r"[^a-z0-9]", "", _name_key(f"{s.last_name}{s.first_name}").replace(" ", "")
            ): s.student_id
            for s in roster
            if s.full_name
        }

    def match(self, *, lms=None, ident=None, name=None, login=None) -> str | None:
        if lms and lms in self.by_lms:
            return self.by_lms[lms]
        for candidate in (ident, login):
            if candidate and candidate.casefold() in self.by_id:
                return self.by_id[candidate.casefold()]
            if candidate and candidate.casefold() in self.by_email:
                return self.by_email[candidate.casefold()]
        if name and _name_key(name) in self.by_name:
            return self.by_name[_name_key(name)]
        if login:
            key = re.sub(r"[^a-z0-9]", "", _name_key(login).replace(" ", ""))
            if key in self.by_login:
                return self.by_login[key]
        return None


def _who(member: PurePosixPath, matcher: _Matcher) -> tuple[str | None, str, str]:
    """(roster id or None, fallback id, file name inside the student's folder)."""
    parts = [p for p in member.parts if p not in ("", ".")]
    for i, part in enumerate(parts[:-1]):
        m = _MOODLE.match(part)
        if m:
            return matcher.match(name=m["name"]), safe_id(m["name"]), "/".join(parts[i + 1 :])
    m = _CANVAS.match(parts[-1])
    if m:
        sid = matcher.match(lms=m["uid"], login=m["login"])
        return sid, safe_id(m["login"]), m["file"]
    if len(parts) >= 2:
        top = parts[-2] if len(parts) == 2 else parts[0]
        return matcher.match(ident=top, name=top), safe_id(top), parts[-1]
    stem = parts[-1].rsplit(".", 1)[0]
    ident = stem.split("_")[0]
    return matcher.match(ident=ident), safe_id(ident), parts[-1]


def collect_from_zip(course, module: str, zip_path: Path, roster: list[Student]) -> CollectReport:
    """Unpack an LMS zip of submissions into ``collected/<module>/<student>/``."""
    report = CollectReport(module)
    matcher = _Matcher(roster)
    try:
        archive = zipfile.ZipFile(zip_path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise UserError(t("instructor.collect.bad_zip", path=zip_path, detail=str(exc))) from exc
    base = course.collected(module)
    planned: dict[str, list[tuple[zipfile.ZipInfo, str]]] = {}
    with archive:
        for info in archive.infolist():
            member = PurePosixPath(info.filename.replace("\\", "/"))
            if info.is_dir() or "__MACOSX" in member.parts or member.name.startswith("."):
                continue
            if ".." in member.parts or member.is_absolute():
                report.notes.append(t("instructor.collect.unsafe_path", name=info.filename))
                continue
            if info.file_size > MAX_MEMBER_BYTES:
                report.notes.append(t("instructor.collect.too_big", name=info.filename))
                continue
            sid, fallback, inner = _who(member, matcher)
            if sid is None:
                sid = fallback or "desconocido"
                report.notes.append(
                    t("instructor.collect.not_in_roster", name=info.filename, id=sid)
                )
            inner = (
                "/".join(p for p in PurePosixPath(inner).parts if p not in ("..", "/"))
                or member.name
            )
            planned.setdefault(sid, []).append((info, inner))
        for sid, members in sorted(planned.items()):
            dest = _fresh_folder(base / sid, base / ".history")
            for info, inner in members:
                target = dest / inner
                target.parent.mkdir(parents=True, exist_ok=True)
                if target.exists():  # two files with one name: keep both
                    target = target.with_name(f"{target.stem}-{info.header_offset}{target.suffix}")
                with archive.open(info) as src, open(target, "wb") as out:
                    shutil.copyfileobj(src, out)
            report.students[sid] = sorted(
                str(p.relative_to(dest)) for p in dest.rglob("*") if p.is_file()
            )
    return report
