"""Per-student data in module 5: each student passes only with answers from their own shop.

Real nbgrader on the per-student part of ``module5_metrics/02_ejercicios.ipynb`` (the title, the
imports and questions 6 to 9, copied from the course source so the test follows the notebook):
one notebook answered with ana.garcia's numbers is handed in three times,

* by ana.garcia, declaring ``mi_id = "ana.garcia"``: full marks on those questions;
* by luis.perez, the same file (``mi_id`` still says ana): zero, the folder names another student;
* by pedro.sanz, with ``mi_id`` emptied (only the numbers copied): zero on the numbers, since
  pedro's shop differs (the step, and sometimes the channel, can be the same for everyone: the
  simulator hides the same kind of problem in every shop);

and marta.ruiz hands in her own answers without declaring her id (the folder says who she is):
full marks.
"""

from __future__ import annotations

import shutil

import nbformat
import pytest

from cjcourse.grading.student import pain_point_answers
from tests.course.helpers import COURSE, nbgrader
from tests.course.test_grading import run_nbgrader

MODULE = "module5_metrics"
NOTEBOOK = "02_ejercicios.ipynb"
PER_STUDENT = ("m5_p6", "m5_p7", "m5_p8", "m5_p9")
ANSWER_VARS = {
    "m5_p6_respuesta": ("paso_mas_abandono", "paso_mas_abandono"),
    "m5_p7_respuesta": ("abandono_paso", "abandono_paso_pct"),
    "m5_p8_respuesta": ("canal_peor", "canal_peor"),
    "m5_p9_respuesta": ("perdidos_canal", "perdidos_canal"),
}


def own_channel(student: str) -> str:
    return pain_point_answers(student)["canal_peor"]


def _is_id_cell(cell) -> bool:
    return cell.cell_type == "code" and not nbgrader(cell) and "mi_id = None" in cell.source


def _per_student_part(nb):
    """Title and imports, then everything from the part-2 introduction to question 9's check."""
    keep, inside = [], False
    for cell in nb.cells:
        gid = nbgrader(cell).get("grade_id", "")
        if gid == "m5_p6_intro":
            inside = True
        if gid in ("m5_ej_titulo", "m5_ej_imports") or inside:
            keep.append(cell)
        if gid == "m5_p9":
            break
    assert any(_is_id_cell(c) for c in keep), "the notebook has a `mi_id = None` cell"
    nb.cells = keep
    return nb


def _answered(release_nb, student: str, *, declare: bool):
    """The student copy with literal answers computed on ``student``'s own shop."""
    nb = nbformat.from_dict(release_nb)
    own = pain_point_answers(student)
    for cell in nb.cells:
        if _is_id_cell(cell):
            cell.source = f'mi_id = "{student}"\n' if declare else "mi_id = None\n"
        gid = nbgrader(cell).get("grade_id")
        if gid in ANSWER_VARS:
            var, key = ANSWER_VARS[gid]
            cell.source = f"{var} = {own[key]!r}\n"
    return nb


def test_two_students_get_different_data():
    ana, luis = pain_point_answers("ana.garcia"), pain_point_answers("luis.perez")
    assert ana["abandono_paso_pct"] != luis["abandono_paso_pct"]
    assert ana["perdidos_canal"] != luis["perdidos_canal"]
    assert ana["canal_peor"] != luis["canal_peor"]


@pytest.mark.course
def test_each_student_passes_only_with_their_own_answers(tmp_path):
    source = tmp_path / "course" / MODULE
    source.mkdir(parents=True)
    nb = _per_student_part(nbformat.read(COURSE / MODULE / NOTEBOOK, as_version=4))
    nbformat.write(nb, source / NOTEBOOK)
    (tmp_path / "nbgrader_config.py").write_text(
        "from cjcourse.grading.nbgrader_setup import configure\n"
        f"configure(get_config(), {str(tmp_path)!r}, source={str(tmp_path / 'course')!r})\n"
    )
    gen = run_nbgrader(tmp_path, "generate_assignment", MODULE, "--force")
    release = tmp_path / "instructor" / "release" / MODULE / NOTEBOOK
    assert gen.returncode == 0 and release.is_file(), gen.stdout + gen.stderr
    release_nb = nbformat.read(release, as_version=4)

    submissions = {
        "ana.garcia": _answered(release_nb, "ana.garcia", declare=True),
        "luis.perez": _answered(release_nb, "ana.garcia", declare=True),  # ana's whole notebook
        "pedro.sanz": _answered(release_nb, "ana.garcia", declare=False),  # ana's numbers only
        "marta.ruiz": _answered(release_nb, "marta.ruiz", declare=False),  # her own, no mi_id
    }
    for student, answered in submissions.items():
        dest = tmp_path / "instructor" / "submitted" / student / MODULE
        dest.mkdir(parents=True)
        nbformat.write(answered, dest / NOTEBOOK)
    auto = run_nbgrader(tmp_path, "autograde", MODULE, "--force")
    assert auto.returncode == 0, auto.stdout[-3000:] + auto.stderr[-3000:]

    from nbgrader.api import Gradebook

    scores = {}
    with Gradebook(f"sqlite:///{tmp_path / 'instructor' / 'gradebook.db'}") as gb:
        for student in submissions:
            sub = gb.find_submission(MODULE, student)
            scores[student] = {
                g.name: (g.auto_score, g.max_score)
                for n in sub.notebooks
                for g in n.grades
                if g.name in PER_STUDENT
            }
    assert set(scores["ana.garcia"]) == set(PER_STUDENT)
    assert all(s == m > 0 for s, m in scores["ana.garcia"].values()), scores
    assert all(s == 0 for s, _ in scores["luis.perez"].values()), scores
    assert all(s == m > 0 for s, m in scores["marta.ruiz"].values()), scores
    pedro = scores["pedro.sanz"]
    assert pedro["m5_p7"][0] == pedro["m5_p9"][0] == 0, scores
    same_channel = pain_point_answers("pedro.sanz")["canal_peor"] == own_channel("ana.garcia")
    assert (pedro["m5_p8"][0] > 0) == same_channel, scores

    # why luis's copy failed: the folder names luis, the notebook declares ana
    graded = nbformat.read(
        tmp_path / "instructor" / "autograded" / "luis.perez" / MODULE / NOTEBOOK, as_version=4
    )
    errors = " ".join(
        o.get("evalue", "") for c in graded.cells for o in c.get("outputs", []) if "evalue" in o
    )
    assert "«ana.garcia»" in errors and "«luis.perez»" in errors
    shutil.rmtree(tmp_path / "instructor", ignore_errors=True)
