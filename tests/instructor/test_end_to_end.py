"""The whole instructor workflow on a real module, with every broken and hostile submission.

`cjcourse instructor init → roster → release → collect (Moodle zip) → grade → feedback →
export → report`, in-process, on the first module with exercises. Each case in
tests/instructor/submissions.py has its expected outcome below; the honest students' grades
must be exactly right too (one broken submission never spoils another's grade).
"""

from __future__ import annotations

import csv
import io
import json
import socket
import zipfile
from pathlib import Path

import nbformat
import pytest

from cjcourse.cli import main
from cjcourse.course import list_modules
from cjcourse.instructor.coursedir import InstructorCourse
from cjcourse.instructor.export import grade_rows
from tests.conftest import COURSE
from tests.instructor import submissions as S

pytestmark = pytest.mark.course
MODULE = next(m for m in list_modules(COURSE) if m.has_exercises)
NAMES = {  # roster: id -> (first name, last name) as the LMS shows them
    case: (case.replace("_", " ").title(), "Prueba")
    for case in [
        "solucion",
        "en_blanco",
        "borra_comprobacion",
        "borra_respuesta",
        "duplica",
        "cambia_tipo",
        "reordena",
        "mueve",
        "renombra",
        "copia_extra",
        "json_truncado",
        "no_es_json",
        "vacio",
        "bucle_infinito",
        "traga_interrupcion",
        "memoria",
        "mata_kernel",
        "red",
        "escribe_fuera",
        "lee_ajenos",
        "eq_trampa",
        "parchea_checks",
        "sin_entrega",
    ]
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("instructor")
    root = tmp / "curso"
    args = ["--root", str(root), "--course", str(COURSE)]
    assert main(["instructor", "init", str(root), "--course", str(COURSE)]) == 0
    roster = tmp / "alumnos.csv"
    roster.write_text(
        "Usuario;Nombre;Apellidos\n"
        + "".join(f"{k};{first};{last}\n" for k, (first, last) in NAMES.items()),
        encoding="utf-8-sig",
    )
    assert main(["instructor", "roster", str(roster), *args]) == 0
    assert main(["instructor", "release", MODULE.name, *args]) == 0
    course = InstructorCourse.open(root, COURSE)
    kit = _kit(course)
    gradebook = root / "instructor" / "gradebook.db"
    other = root / "instructor" / "submitted" / "solucion" / MODULE.name / kit.name
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        cases = {
            name: getattr(S, name)(kit)
            for name in NAMES
            if name not in ("red", "escribe_fuera", "lee_ajenos")
        }
        cases["red"] = S.red(kit, port)
        cases["escribe_fuera"] = S.escribe_fuera(kit, [str(gradebook), str(root / "hackeado.txt")])
        cases["lee_ajenos"] = S.lee_ajenos(
            kit, [str(gradebook), str(MODULE.path / kit.name), str(other)]
        )
        buf = io.BytesIO()
        with zipfile.ZipFile(
            buf, "w"
        ) as zf:  # Moodle's layout: "Nombre Apellidos_<n>_assignsubmission_file_/"
            for i, (name, files) in enumerate(cases.items()):
                first, last = NAMES[name]
                for fname, data in files.items():
                    zf.writestr(f"{first} {last}_{100 + i}_assignsubmission_file_/{fname}", data)
        (tmp / "moodle.zip").write_bytes(buf.getvalue())
        assert (
            main(["instructor", "collect", MODULE.name, "--zip", str(tmp / "moodle.zip"), *args])
            == 0
        )
        status = main(
            [
                "instructor",
                "grade",
                MODULE.name,
                "--timeout",
                "5",
                "--notebook-timeout",
                "40",
                *args,
            ]
        )
    assert status == 0
    assert main(["instructor", "feedback", MODULE.name, *args]) == 0
    assert (
        main(
            [
                "instructor",
                "export",
                MODULE.name,
                "--format",
                "long",
                "-o",
                str(tmp / "notas.csv"),
                *args,
            ]
        )
        == 0
    )
    assert main(["instructor", "report", MODULE.name, *args]) == 0
    reports = course.reports(MODULE.name)
    repairs = {
        r["student"]: {n["code"] for n in r["notes"]}
        for r in json.loads((reports / "repairs.json").read_text())
    }
    flags: dict[str, set] = {}
    for f in json.loads((reports / "scan.json").read_text()):
        flags.setdefault(f["student"], set()).add(f["code"])
    problems = {
        s["student"]: set(s["problem_codes"])
        for s in json.loads((reports / "autograde.json").read_text())["students"]
    }
    totals: dict[str, float] = {}
    for row in grade_rows(course, [MODULE.name]):
        if row["auto"] and row["notebook"] == Path(kit.name).stem:
            totals[row["student_id"]] = totals.get(row["student_id"], 0.0) + row["score"]
    return {
        "course": course,
        "kit": kit,
        "totals": totals,
        "repairs": repairs,
        "flags": flags,
        "problems": problems,
        "tmp": tmp,
        "root": root,
    }


def _kit(course) -> S.Kit:
    for path in sorted(course.release(MODULE.name).glob("*.ipynb")):
        kit = S.Kit.load(path, MODULE.path / path.name)
        if kit.pairs:
            return kit
    raise AssertionError("the module has no autograded questions")


def _outputs(graded, student) -> str:
    path = graded["root"] / "instructor" / "autograded" / student / MODULE.name / graded["kit"].name
    nb = nbformat.read(path, as_version=4)
    return "".join(
        o.get("text", "") + o.get("evalue", "") for c in nb.cells for o in c.get("outputs", [])
    )


# case -> (expected autograded points as a function of the kit, repair codes, scan codes, problems)
EXPECTED = {
    "solucion": (lambda k: k.total, set(), set(), set()),
    "en_blanco": (lambda k: 0, set(), set(), set()),
    "borra_comprobacion": (lambda k: k.total, {"deleted_cell"}, set(), set()),
    "borra_respuesta": (lambda k: S.passed_of(k, {0}), {"missing_answer"}, set(), set()),
    "duplica": (lambda k: k.total, {"duplicated"}, set(), set()),
    "cambia_tipo": (lambda k: k.total, {"retyped"}, set(), set()),
    "reordena": (lambda k: k.total, {"reordered"}, set(), set()),
    "mueve": (lambda k: k.total, {"moved"}, set(), set()),
    "renombra": (lambda k: k.total, {"renamed"}, set(), set()),
    "copia_extra": (lambda k: k.total, {"extra_copy"}, set(), set()),
    "json_truncado": (None, {"invalid_json_salvaged"}, set(), set()),
    "no_es_json": (lambda k: 0, {"invalid_json", "missing_notebook"}, set(), set()),
    "vacio": (lambda k: 0, {"empty_file", "missing_notebook"}, set(), set()),
    "bucle_infinito": (lambda k: S.passed_of(k, {0}), set(), set(), set()),
    "traga_interrupcion": (
        lambda k: S.passed_of(k, {len(k.pairs) - 1}),
        set(),
        set(),
        {"notebook_timeout"},
    ),
    "memoria": (lambda k: S.passed_of(k, {0}), set(), set(), set()),
    "mata_kernel": (
        lambda k: S.passed_of(k, set(range(2, len(k.pairs)))),
        set(),
        {"process"},
        {"dead_kernel"},
    ),
    "red": (lambda k: k.total, set(), {"process"}, set()),
    "escribe_fuera": (lambda k: k.total, set(), {"files"}, set()),
    "lee_ajenos": (lambda k: k.total, set(), {"files"}, set()),
    "eq_trampa": (None, set(), {"dunder"}, set()),
    "parchea_checks": (None, set(), {"checks", "builtins", "hashlib"}, set()),
}


@pytest.mark.parametrize("case", list(EXPECTED))
def test_each_case_gets_its_expected_outcome(graded, case):
    points, repair_codes, scan_codes, problem_codes = EXPECTED[case]
    kit = graded["kit"]
    assert case in graded["totals"], f"{case} lost its grade"
    if points is not None:
        assert graded["totals"][case] == points(kit)
    assert repair_codes <= graded["repairs"].get(case, set())
    assert scan_codes <= graded["flags"].get(case, set())
    assert problem_codes <= graded["problems"].get(case, set())


def test_honest_submissions_are_not_flagged_or_repaired(graded):
    for case in ("solucion", "en_blanco", "bucle_infinito"):
        assert not graded["flags"].get(case), case
        assert not (graded["repairs"].get(case, set()) - {"added_cells"}), case


def test_no_network_and_nothing_read_or_written_outside(graded):
    assert "SIN RED" in _outputs(graded, "red")
    assert "ESCRITO" not in _outputs(graded, "escribe_fuera")
    assert not (graded["root"] / "hackeado.txt").exists()
    assert "LEIDO" not in _outputs(graded, "lee_ajenos")
    assert _outputs(graded, "lee_ajenos").count("BLOQUEADO") == 3


def test_every_student_on_the_roster_is_in_the_export(graded):
    with open(graded["tmp"] / "notas.csv", encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["student_id"] for r in rows} == set(NAMES)
    missing = [r for r in rows if r["student_id"] == "sin_entrega"]
    assert missing and all(r["status"] == "sin entrega" and float(r["score"]) == 0 for r in missing)


def test_no_autograded_cell_is_left_without_a_grade(graded):
    with graded["course"].gradebook() as gb:
        for student in set(NAMES) - {"sin_entrega"}:
            sub = gb.find_submission(MODULE.name, student)
            for nb in sub.notebooks:
                for g in nb.grades:
                    if g.cell.cell_type == "code" and not g.needs_manual_grade:
                        assert g.auto_score is not None, (student, g.name)


def test_feedback_is_in_spanish_and_hides_nothing_it_should_not(graded):
    page = (
        graded["root"]
        / "instructor"
        / "feedback"
        / "solucion"
        / MODULE.name
        / graded["kit"].name.replace(".ipynb", ".html")
    )
    html = page.read_text(encoding="utf-8")
    assert "Puntuación" in html and "Score:" not in html
    assert 'lang="es"' in html


def test_class_report_has_inline_charts_and_the_repaired_and_flagged(graded):
    html = (graded["course"].reports(MODULE.name) / "informe.html").read_text(encoding="utf-8")
    assert html.count("<svg") >= 2 and "cdn" not in html.lower() and "<script" not in html
    for text in (
        "Para repasar en clase",
        "Entregas reparadas",
        "Entregas con avisos",
        "duplica",
        "parchea_checks",
    ):
        assert text in html
