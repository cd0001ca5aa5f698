"""Real nbgrader on every module with exercises: three submissions, scores from the gradebook.

* the solution earns every autograded point,
* the untouched student copy earns zero on every autograded cell,
* a plausible wrong answer (tests/course/wrong_answers.py) earns zero on every autograded cell.

Stock ``nbgrader`` commands run in a temporary course root whose nbgrader_config.py calls the
same ``configure()`` as the repository's, reading the sources from ``course/`` directly.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from tests.course.helpers import COURSE, GRADED_MODULES, is_autograded_answer, is_test, nbgrader
from tests.course.wrong_answers import WRONG_ANSWERS

STUDENTS = ("solucion", "en_blanco", "erronea", "tramposa")
#: what a student who knows a little Python might try: make every check "pass"
FAKE_CHECKS = "def _pasa(*args, **kwargs):\n    print('✔ ¡Correcto!')\n\n{names}\n"


def run_nbgrader(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(
        os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])
    )
    return subprocess.run(
        [sys.executable, "-m", "nbgrader", *args],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _graded(path: Path) -> bool:
    return any(nbgrader(c).get("grade") for c in nbformat.read(path, as_version=4).cells)


@pytest.fixture(scope="module", params=GRADED_MODULES, ids=lambda m: m.name)
def graded(request, tmp_path_factory):
    """Generate, submit three versions and autograde one module; yields (module, root, gradebook)."""
    module = request.param
    root = tmp_path_factory.mktemp(f"nbgrader-{module.name}")
    (root / "nbgrader_config.py").write_text(
        "from cjcourse.grading.nbgrader_setup import configure\n"
        f"configure(get_config(), {str(root)!r}, source={str(COURSE)!r})\n"
    )
    gen = run_nbgrader(root, "generate_assignment", module.name, "--force")
    release = root / "instructor" / "release" / module.name
    assert gen.returncode == 0 and release.is_dir(), gen.stdout + gen.stderr

    submitted = root / "instructor" / "submitted"
    wrong = WRONG_ANSWERS[module.name]
    for student in STUDENTS:
        dest = submitted / student / module.name
        # Lessons have no grade cells: submitting only the graded notebooks keeps this test
        # fast (nbgrader records the lessons as not submitted, worth 0 of 0 points).
        lessons = [nb.name for nb in module.notebooks if not _graded(nb)]
        shutil.copytree(
            module.path if student == "solucion" else release,
            dest,
            ignore=shutil.ignore_patterns(*lessons),
        )
        if student in ("erronea", "tramposa"):
            for path in dest.glob("*.ipynb"):
                nb = nbformat.read(path, as_version=4)
                checks = sorted(
                    {
                        n.id
                        for c in nb.cells
                        if is_test(c)
                        for n in ast.walk(ast.parse(c.source))
                        if isinstance(n, ast.Name) and n.id.startswith("check_")
                    }
                )
                first = True
                for cell in nb.cells:
                    if is_autograded_answer(cell):
                        cell.source = wrong[nbgrader(cell)["grade_id"]]
                        if student == "tramposa" and first:
                            fakes = "\n".join(f"{name} = _pasa" for name in checks)
                            cell.source = FAKE_CHECKS.format(names=fakes) + cell.source
                            first = False
                nbformat.write(nb, path)
    auto = run_nbgrader(root, "autograde", module.name, "--force")
    assert auto.returncode == 0, auto.stdout[-3000:] + auto.stderr[-3000:]

    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'instructor' / 'gradebook.db'}") as gb:
        scores = {}
        for student in STUDENTS:
            sub = gb.find_submission(module.name, student)
            cells = {}
            for nb in sub.notebooks:
                for grade in nb.grades:
                    if grade.auto_score is not None or grade.cell.cell_type == "code":
                        cells[grade.name] = (grade.auto_score, grade.max_score)
            scores[student] = cells
    yield module, root, scores


@pytest.mark.course
def test_solution_earns_full_autograded_marks(graded):
    _, _, scores = graded
    autograded = {k: v for k, v in scores["solucion"].items() if v[1] > 0}
    assert autograded, "the module has autograded cells"
    assert {k: s for k, (s, m) in autograded.items() if s != m} == {}


@pytest.mark.course
@pytest.mark.parametrize("student", ["en_blanco", "erronea", "tramposa"])
def test_blank_and_wrong_submissions_earn_zero(graded, student):
    module, _, scores = graded
    earned = {k: s for k, (s, m) in scores[student].items() if m > 0 and s not in (0, 0.0)}
    assert earned == {}, f"{student} earned points in {module.name}: {earned}"


@pytest.mark.course
def test_free_text_answers_wait_for_the_instructor(graded):
    module, root, _ = graded
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{root / 'instructor' / 'gradebook.db'}") as gb:
        sub = gb.find_submission(module.name, "solucion")
        manual = [g for nb in sub.notebooks for g in nb.grades if g.cell.cell_type == "markdown"]
        assert manual and all(g.auto_score is None and g.needs_manual_grade for g in manual)
