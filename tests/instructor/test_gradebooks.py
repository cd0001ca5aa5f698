"""Same scores as stock nbgrader, with SQLite and with a real PostgreSQL server.

* parity: three submissions graded by cjcourse's parallel grader and by stock serial
  ``nbgrader autograde`` (in separate course roots) get identical scores cell by cell;
* PostgreSQL: a server is initialised and started on 127.0.0.1 (random port, temp folder) and
  used as the gradebook; skipped, with the reason, where PostgreSQL is not installed.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from cjcourse.course import list_modules
from cjcourse.instructor import release, repair
from cjcourse.instructor.autograde import autograde_module
from cjcourse.instructor.coursedir import InstructorCourse, init_course_root
from cjcourse.instructor.sandbox import SandboxPolicy
from tests.conftest import COURSE
from tests.instructor import submissions as S

pytestmark = pytest.mark.course
MODULE = next(m for m in list_modules(COURSE) if m.has_exercises)
POLICY = SandboxPolicy(cell_timeout_s=30, notebook_timeout_s=120)


def _kit(course) -> S.Kit:
    for path in sorted(course.release(MODULE.name).glob("*.ipynb")):
        kit = S.Kit.load(path, MODULE.path / path.name)
        if kit.pairs:
            return kit
    raise AssertionError("no autograded questions")


def _wrong(kit) -> dict[str, bytes]:
    from tests.course.wrong_answers import WRONG_ANSWERS

    nb = kit.solved()
    wrong = WRONG_ANSWERS.get(MODULE.name, {})
    for cell in nb.cells:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id")
        if gid in wrong:
            cell.source = wrong[gid]
    return {kit.name: S.dump(nb)}


def _scores(course) -> dict:
    with course.gradebook() as gb:
        return {
            sub.student.id: {g.name: g.auto_score for nb in sub.notebooks for g in nb.grades}
            for sub in gb.assignment_submissions(MODULE.name)
        }


def _prepare(root: Path, db_url: str | None = None) -> tuple[InstructorCourse, S.Kit]:
    init_course_root(root, COURSE, db_url)
    course = InstructorCourse.open(root, COURSE, db_url)
    release.generate(course, MODULE.name)
    kit = _kit(course)
    cases = {"solucion": S.solucion(kit), "en_blanco": S.en_blanco(kit), "erronea": _wrong(kit)}
    for name, files in cases.items():
        S.write_case(course.collected(MODULE.name) / name, files)
    repair.repair_module(course, MODULE.name)
    return course, kit


def test_scores_are_identical_to_stock_serial_nbgrader(tmp_path):
    ours, kit = _prepare(tmp_path / "ours")
    autograde_module(ours, MODULE.name, policy=POLICY)
    stock_root = tmp_path / "stock"
    init_course_root(stock_root, COURSE)
    stock = InstructorCourse.open(stock_root, COURSE)
    release.generate(stock, MODULE.name)
    for folder in ours.submitted().glob(f"*/{MODULE.name}"):  # the same inputs, graded stock
        dest = stock.submitted() / folder.parent.name / MODULE.name
        dest.mkdir(parents=True)
        shutil.copy2(folder / kit.name, dest / kit.name)
    env = dict(
        os.environ, PATH=os.pathsep.join([str(Path(sys.executable).parent), os.environ["PATH"]])
    )
    proc = subprocess.run(
        [sys.executable, "-m", "nbgrader", "autograde", MODULE.name, "--force"],
        cwd=stock_root,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    mine, theirs = _scores(ours), _scores(stock)
    cells = {g for s in theirs.values() for g in s}
    assert {s: {g: v for g, v in c.items() if g in cells} for s, c in mine.items()} == theirs
    assert sum(v or 0 for v in mine["solucion"].values()) == kit.total


# --------------------------------------------------------------------------- PostgreSQL


def _pg_bin(name: str) -> str | None:
    found = shutil.which(name) or sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found if isinstance(found, str) else (found[-1] if found else None)


@pytest.fixture(scope="module")
def postgres_url():
    initdb, pg_ctl = _pg_bin("initdb"), _pg_bin("pg_ctl")
    if not (initdb and pg_ctl):
        pytest.skip("PostgreSQL no está instalado (apt-get install postgresql)")
    pytest.importorskip(
        "psycopg", reason="falta el controlador psycopg (pip install 'psycopg[binary]')"
    )
    run_as: list[str] = []
    if os.geteuid() == 0:  # postgres refuses to run as root
        if subprocess.run(["id", "postgres"], capture_output=True).returncode != 0:
            pytest.skip("sin usuario 'postgres' para arrancar el servidor")
        run_as = ["runuser", "-u", "postgres", "--"]
    data = Path(tempfile.mkdtemp(prefix="cj-pg-"))
    if run_as:
        shutil.chown(data, "postgres")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    subprocess.run(
        [*run_as, initdb, "-D", str(data / "db"), "-U", "postgres", "--auth=trust", "-E", "UTF8"],
        check=True,
        capture_output=True,
    )
    opts = f"-h 127.0.0.1 -p {port} -k {data}"
    subprocess.run(
        [
            *run_as,
            pg_ctl,
            "-D",
            str(data / "db"),
            "-o",
            opts,
            "-l",
            str(data / "log"),
            "-w",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        import psycopg

        for _ in range(50):
            try:
                with psycopg.connect(
                    f"host=127.0.0.1 port={port} user=postgres dbname=postgres", autocommit=True
                ) as conn:
                    conn.execute("CREATE DATABASE gradebook")
                break
            except psycopg.OperationalError:
                time.sleep(0.2)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/gradebook"
    finally:
        subprocess.run(
            [*run_as, pg_ctl, "-D", str(data / "db"), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(data, ignore_errors=True)


def test_postgresql_gradebook_gets_the_same_grades(tmp_path, postgres_url):
    course, kit = _prepare(tmp_path / "pg", postgres_url)
    assert course.gradebook_url.startswith("postgresql")
    outcomes = autograde_module(course, MODULE.name, policy=POLICY, workers=3)
    assert all(o.success for o in outcomes)
    scores = _scores(course)
    total = {s: sum(v or 0 for v in c.values()) for s, c in scores.items()}
    assert total == {"solucion": kit.total, "en_blanco": 0, "erronea": 0}
    assert (
        not (course.out / "gradebook.db").exists()
        or os.path.getsize(course.out / "gradebook.db") == 0
    )
