"""Export grades per question to CSV, for a spreadsheet, Moodle or Canvas.

Formats:

* ``long``   one row per student × question (tidy; the default): id, name, e-mail, module,
  notebook, question, score, max_score, status (``sin entrega``/``pendiente``/``ok``);
* ``wide``   one row per student, one column per question, and the total;
* ``moodle`` ``wide`` with Moodle's column names (``ID number``, ``Email address`` …): import it
  in *Calificaciones → Importar → Archivo CSV*, matching on the e-mail or ID number;
* ``canvas`` Canvas's gradebook layout (``Student``, ``ID``, ``SIS User ID``, ``SIS Login ID``,
  ``Section``), with the ``Points Possible`` row.

Students on the roster without a submission get 0 points and the status ``sin entrega``:
nobody disappears from the export. Scores are nbgrader's final scores (manual when given).
"""

from __future__ import annotations

import csv
from pathlib import Path

from cjcourse.i18n import t

__all__ = ["FORMATS", "export_grades", "grade_rows"]

FORMATS = ("long", "wide", "moodle", "canvas")


def grade_rows(course, modules: list[str]) -> list[dict]:
    """One dict per student × module × question, straight from the gradebook."""
    from nbgrader.api import MissingEntry

    rows = []
    with course.gradebook() as gb:
        for module in modules:
            try:
                assignment = gb.find_assignment(module)
            except MissingEntry:
                continue
            cells = [
                (nb.name, gc.name, gc.max_score)
                for nb in assignment.notebooks
                for gc in nb.grade_cells
            ]
            # a grade cell that is also a solution cell is graded by hand; the others are checks
            manual = {sc.name for nb in assignment.notebooks for sc in nb.solution_cells}
            for student in gb.students:
                base = {
                    "student_id": student.id,
                    "first_name": student.first_name or "",
                    "last_name": student.last_name or "",
                    "email": student.email or "",
                    "lms_user_id": student.lms_user_id or "",
                    "module": module,
                }
                try:
                    sub = gb.find_submission(module, student.id)
                except MissingEntry:
                    for nb_name, cell, max_score in cells:
                        rows.append(
                            dict(
                                base,
                                notebook=nb_name,
                                question=cell,
                                score=0.0,
                                auto=cell not in manual,
                                max_score=max_score,
                                status=t("instructor.export.no_submission"),
                            )
                        )
                    continue
                for nb in sub.notebooks:
                    for grade in nb.grades:
                        pending = grade.needs_manual_grade
                        rows.append(
                            dict(
                                base,
                                notebook=nb.name,
                                question=grade.name,
                                auto=grade.name not in manual,
                                score=float(grade.score or 0.0),
                                max_score=grade.max_score,
                                status="pendiente" if pending else "ok",
                            )
                        )
    return rows


def _wide(rows: list[dict]) -> tuple[list[str], list[dict], dict]:
    questions = list(dict.fromkeys(f"{r['module']}:{r['question']}" for r in rows))
    students: dict[str, dict] = {}
    maxima = {}
    for r in rows:
        key = f"{r['module']}:{r['question']}"
        entry = students.setdefault(
            r["student_id"],
            {k: r[k] for k in ("student_id", "first_name", "last_name", "email", "lms_user_id")},
        )
        entry[key] = r["score"]
        maxima[key] = r["max_score"]
    for entry in students.values():
        entry["total"] = sum(entry.get(q, 0.0) for q in questions)
    return questions, list(students.values()), maxima


def export_grades(course, modules: list[str], output: Path, fmt: str = "long") -> int:
    """Write the CSV; returns the number of students. UTF-8 with BOM, so Excel reads the accents."""
    rows = grade_rows(course, modules)
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with output.open("w", newline="", encoding="utf-8-sig") as fh:
        if fmt == "long":
            fields = [
                "student_id",
                "first_name",
                "last_name",
                "email",
                "module",
                "notebook",
                "question",
                "score",
                "max_score",
                "status",
            ]
            writer = csv.DictWriter(fh, fields, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(rows)
            return len({r["student_id"] for r in rows})
        questions, students, maxima = _wide(rows)
        writer = csv.writer(fh)
        if fmt == "wide":
            writer.writerow(["student_id", "first_name", "last_name", "email", *questions, "total"])
            for s in students:
                writer.writerow(
                    [
                        s["student_id"],
                        s["first_name"],
                        s["last_name"],
                        s["email"],
                        *[s.get(q, 0.0) for q in questions],
                        s["total"],
                    ]
                )
        elif fmt == "moodle":
            writer.writerow(
                ["ID number", "Email address", "First name", "Surname", *questions, "Total"]
            )
            for s in students:
                writer.writerow(
                    [
                        s["student_id"],
                        s["email"],
                        s["first_name"],
                        s["last_name"],
                        *[s.get(q, 0.0) for q in questions],
                        s["total"],
                    ]
                )
        elif fmt == "canvas":
            writer.writerow(
                ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", *questions, "Total"]
            )
            writer.writerow(
                [
                    "Points Possible",
                    "",
                    "",
                    "",
                    "",
                    *[maxima[q] for q in questions],
                    sum(maxima.values()),
                ]
            )
            for s in students:
                name = f"{s['last_name']}, {s['first_name']}".strip(", ") or s["student_id"]
                writer.writerow(
                    [
                        name,
                        s["lms_user_id"],
                        s["student_id"],
                        s["email"],
                        "",
                        *[s.get(q, 0.0) for q in questions],
                        s["total"],
                    ]
                )
        else:
            raise ValueError(f"formato desconocido {fmt!r}: usa {', '.join(FORMATS)}")
    return len(students)
