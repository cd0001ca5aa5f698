"""Class list import and collecting submissions (exchange and LMS zips): no kernels, fast."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from cjcourse.errors import UserError
from cjcourse.instructor.collect import collect_from_exchange, collect_from_zip
from cjcourse.instructor.coursedir import InstructorCourse
from cjcourse.instructor.roster import Student, read_roster, read_roster_text


def test_spanish_excel_csv_with_bom_and_semicolons(tmp_path):
    path = tmp_path / "alumnos.csv"
    path.write_bytes(
        "\ufeffUsuario;Nombre;Apellidos;Correo electrónico\nana.gil;Ana;Gil;ana@uni.es\n".encode()
    )
    roster = read_roster(path)
    assert roster.students == [Student("ana.gil", "Ana", "Gil", "ana@uni.es")]


def test_ids_unsafe_for_nbgrader_are_replaced_and_reported():
    roster = read_roster_text("id,nombre\nJosé Pérez+1,José\n")
    assert roster.students[0].student_id == "Jose_Perez_1"
    assert "no válidos" in roster.notes[0]


def test_duplicate_ids_are_skipped_with_a_note():
    roster = read_roster_text("id\nana\nana\nluis\n")
    assert [s.student_id for s in roster.students] == ["ana", "luis"]
    assert "fila 2" in roster.notes[0].lower()


def test_id_from_email_when_there_is_no_id_column():
    roster = read_roster_text("nombre,email\nAna,ana.gil@uni.es\n")
    assert roster.students[0].student_id == "ana.gil"


def test_a_list_without_id_or_email_is_explained_in_spanish():
    with pytest.raises(UserError, match="columna «id» o «correo»"):
        read_roster_text("nombre,apellidos\nAna,Gil\n")


@pytest.fixture
def course(tmp_path) -> InstructorCourse:
    (tmp_path / "course").mkdir()
    return InstructorCourse.open(tmp_path, tmp_path / "course", exchange=tmp_path / "exchange")


def _zip(files: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


ROSTER = [
    Student("ana.gil", "Ana", "Gil Núñez", "ana@uni.es", "5551"),
    Student("luis.mora", "Luis", "Mora", "luis@uni.es", "5552"),
    Student("eva", "Eva", "Ruiz", "eva@uni.es"),
]


def test_moodle_zip_is_matched_by_full_name_in_any_order_and_accents(course, tmp_path):
    data = _zip(
        {
            "Gil Nunez Ana_1234_assignsubmission_file_/02_ejercicios.ipynb": b"{}",
            "Luis Mora_99_assignsubmission_file_/sub/02_ejercicios.ipynb": b"{}",
        }
    )
    (tmp_path / "m.zip").write_bytes(data)
    report = collect_from_zip(course, "module1_demo", tmp_path / "m.zip", ROSTER)
    assert report.students == {
        "ana.gil": ["02_ejercicios.ipynb"],
        "luis.mora": ["sub/02_ejercicios.ipynb"],
    }


def test_canvas_zip_is_matched_by_lms_user_id(course, tmp_path):
    data = _zip(
        {"gilnunezana_late_5551_777_02_ejercicios-1.ipynb": b"{}", "ruizeva_9_8_x.ipynb": b"{}"}
    )
    (tmp_path / "c.zip").write_bytes(data)
    report = collect_from_zip(course, "module1_demo", tmp_path / "c.zip", ROSTER)
    assert set(report.students) == {"ana.gil", "eva"}
    assert report.students["ana.gil"] == ["02_ejercicios-1.ipynb"]


def test_unknown_students_are_collected_and_reported_never_dropped(course, tmp_path):
    (tmp_path / "z.zip").write_bytes(_zip({"desconocido/02_ejercicios.ipynb": b"{}"}))
    report = collect_from_zip(course, "module1_demo", tmp_path / "z.zip", ROSTER)
    assert report.students == {"desconocido": ["02_ejercicios.ipynb"]}
    assert "no corresponde a nadie" in report.notes[0]


def test_zip_slip_paths_are_refused(course, tmp_path):
    (tmp_path / "s.zip").write_bytes(_zip({"../../fuera.ipynb": b"{}", "eva/ok.ipynb": b"{}"}))
    report = collect_from_zip(course, "module1_demo", tmp_path / "s.zip", ROSTER)
    assert not (tmp_path.parent / "fuera.ipynb").exists()
    assert list(report.students) == ["eva"]


def test_exchange_takes_each_students_latest_submission_and_keeps_history(course, tmp_path):
    inbound = tmp_path / "exchange" / "cjcourse" / "inbound"
    for stamp, text in (("2026-11-01 10:00:00", b"old"), ("2026-11-02 10:00:00", b"new")):
        folder = inbound / f"ana.gil+module1_demo+{stamp}+abc{text.decode()}"
        folder.mkdir(parents=True)
        (folder / "02_ejercicios.ipynb").write_bytes(text)
        (folder / "timestamp.txt").write_text(stamp)
    collect_from_exchange(course, "module1_demo")
    got = course.collected("module1_demo") / "ana.gil"
    assert (got / "02_ejercicios.ipynb").read_bytes() == b"new"
    assert (got / "timestamp.txt").read_text() == "2026-11-02 10:00:00"
    collect_from_exchange(course, "module1_demo")  # again: the previous copy is kept aside
    assert any(Path(course.collected("module1_demo"), ".history", "ana.gil").iterdir())
