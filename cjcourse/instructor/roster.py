"""Import the class list from a CSV (an LMS export or a hand-made sheet) into the gradebook.

Column names are recognised in Spanish and English (``id``/``usuario``, ``nombre``/``first
name``, ``apellidos``/``last name``, ``correo``/``email``, ``lms_user_id``/``id_lms``); the
delimiter (``,`` or ``;``, as a Spanish Excel writes it) and a UTF-8 BOM are detected. Student
ids become folder names for nbgrader, so characters other than letters, digits, ``.``, ``_``
and ``-`` are replaced, and the change is reported.

>>> read_roster_text("usuario;nombre;apellidos\\nana.gil;Ana;Gil").students[0].student_id
'ana.gil'
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from cjcourse.errors import UserError
from cjcourse.i18n import t

__all__ = ["Roster", "Student", "import_roster", "read_roster", "read_roster_text", "safe_id"]

ALIASES = {
    "student_id": [
        "id",
        "student_id",
        "usuario",
        "username",
        "user",
        "id_alumno",
        "identificador",
        "id number",
        "número de id",
        "numero de id",
        "sis user id",
        "login id",
        "alumno",
    ],
    "first_name": ["first_name", "first name", "nombre", "given name", "nombres"],
    "last_name": ["last_name", "last name", "apellidos", "apellido", "surname", "family name"],
    "email": [
        "email",
        "e-mail",
        "correo",
        "correo electrónico",
        "correo electronico",
        "email address",
        "dirección de correo",
        "direccion de correo",
    ],
    "lms_user_id": [
        "lms_user_id",
        "lms id",
        "lms_id",
        "id_lms",
        "moodle_id",
        "canvas_id",
        "canvas user id",
        "id de moodle",
    ],
}


@dataclass(frozen=True)
class Student:
    student_id: str
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    lms_user_id: str = ""

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass
class Roster:
    students: list[Student] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _key(name: str) -> str:
    return " ".join(name.strip().strip("\ufeff").casefold().replace("_", " ").split())


def safe_id(raw: str) -> str:
    """A student id nbgrader can use as a folder name (and the exchange's ``+`` separator allows).

    >>> safe_id("José Pérez+1")
    'Jose_Perez_1'
    """
    text = unicodedata.normalize("NFKD", raw.strip())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._-")
    return text


def _columns(header: list[str]) -> dict[str, int]:
    keys = [_key(h) for h in header]
    found = {}
    for field_name, aliases in ALIASES.items():
        for alias in aliases:
            if _key(alias) in keys:
                found[field_name] = keys.index(_key(alias))
                break
    return found


def read_roster_text(text: str, source: str = "CSV") -> Roster:
    """Parse a class list; raises :class:`UserError` naming the problem and the fix."""
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise UserError(t("instructor.roster.empty", path=source))
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = list(csv.reader(io.StringIO(text), dialect))
    header, body = rows[0], [r for r in rows[1:] if any(c.strip() for c in r)]
    cols = _columns(header)
    if "student_id" not in cols and "email" not in cols:
        raise UserError(t("instructor.roster.no_id_column", path=source, columns=", ".join(header)))
    roster, seen = Roster(), {}
    for number, row in enumerate(body, start=2):
        values = {k: (row[i].strip() if i < len(row) else "") for k, i in cols.items()}
        raw = values.get("student_id") or values.get("email", "").split("@")[0]
        sid = safe_id(raw)
        if not sid:
            roster.notes.append(t("instructor.roster.row_without_id", row=number))
            continue
        if sid != raw:
            roster.notes.append(t("instructor.roster.id_changed", row=number, raw=raw, id=sid))
        if sid in seen:
            roster.notes.append(
                t("instructor.roster.duplicate", id=sid, row=number, first=seen[sid])
            )
            continue
        seen[sid] = number
        roster.students.append(
            Student(
                sid,
                values.get("first_name", ""),
                values.get("last_name", ""),
                values.get("email", ""),
                values.get("lms_user_id", ""),
            )
        )
    return roster


def read_roster(path: str | Path) -> Roster:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UserError(t("instructor.roster.unreadable", path=path, detail=exc.strerror)) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")  # an old Excel's "CSV (delimitado por comas)"
    return read_roster_text(text, str(path))


def import_roster(course, roster: Roster) -> int:
    """Create or update every student in the gradebook; returns how many."""
    with course.gradebook() as gb:
        for s in roster.students:
            gb.update_or_create_student(
                s.student_id,
                first_name=s.first_name or None,
                last_name=s.last_name or None,
                email=s.email or None,
                lms_user_id=s.lms_user_id or None,
            )
    return len(roster.students)


def students_in_gradebook(course) -> list[Student]:
    with course.gradebook() as gb:
        return [
            Student(s.id, s.first_name or "", s.last_name or "", s.email or "", s.lms_user_id or "")
            for s in gb.students
        ]
