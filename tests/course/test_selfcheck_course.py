"""`cjcourse check` on the real exercises: the solution passes, the student copy does not."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.course.helpers import GRADED_MODULES


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    ws = tmp_path_factory.mktemp("ws") / "curso"
    result = subprocess.run(
        [sys.executable, "-m", "cjcourse", "start", "--workspace", str(ws), "--prepare-only"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return ws


@pytest.mark.course
@pytest.mark.parametrize("module", GRADED_MODULES, ids=lambda m: m.name)
def test_check_passes_on_solution_and_fails_on_student_copy(module, workspace):
    exercises = [nb for nb in module.notebooks if "ejercicio" in nb.name]
    assert exercises
    for solved in exercises:
        ok = subprocess.run(
            [sys.executable, "-m", "cjcourse", "check", str(solved)],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert ok.returncode == 0, ok.stdout + ok.stderr
        assert "✘" not in ok.stdout
        blank = workspace / module.name / solved.name
        bad = subprocess.run(
            [sys.executable, "-m", "cjcourse", "check", str(blank)],
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert bad.returncode == 1, bad.stdout + bad.stderr
        assert "✘" in bad.stdout and "Todavía no has respondido" in bad.stdout
