"""Project wiring: the README's two commands, CI, stock nbgrader from the repository root."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def test_ci_runs_exactly_the_readme_test_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^(python3 make\.py (?:start|test))\s", readme, re.M)
    assert commands[:2] == ["python3 make.py start", "python3 make.py test"]
    ci = (REPO / ".ci" / "run").read_text()
    assert re.search(r"^exec python3 make\.py test$", ci, re.M)


def test_make_py_uses_only_the_standard_library():
    source = (REPO / "make.py").read_text()
    imports = set(re.findall(r"^(?:from|import) (\w+)", source, re.M))
    assert imports <= {"__future__", "hashlib", "os", "shutil", "subprocess", "sys", "pathlib"}


def test_nbgrader_output_folder_is_git_ignored():
    if not (REPO / ".git").exists() or not shutil.which("git"):
        pytest.skip("not a git checkout")
    result = subprocess.run(["git", "check-ignore", "-q", "instructor/gradebook.db"], cwd=REPO)
    assert result.returncode == 0


@pytest.mark.course
def test_stock_nbgrader_runs_from_the_repository_root_config(tmp_path):
    """`nbgrader generate_assignment module1_intro` with the root nbgrader_config.py (in a copy)."""
    shutil.copy(REPO / "nbgrader_config.py", tmp_path / "nbgrader_config.py")
    shutil.copytree(REPO / "course", tmp_path / "course")
    env = dict(os.environ)
    env["PATH"] = "/usr/bin:/bin"  # not activated: configure() must find the venv's alembic itself
    result = subprocess.run(
        [sys.executable, "-m", "nbgrader", "generate_assignment", "module1_intro"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    release = tmp_path / "instructor" / "release" / "module1_intro"
    assert sorted(p.name for p in release.glob("*.ipynb")) == [
        "01_introduccion.ipynb",
        "02_ejercicios.ipynb",
    ]
    assert (tmp_path / "instructor" / "gradebook.db").exists()
    assert "BEGIN SOLUTION" not in (release / "02_ejercicios.ipynb").read_text()
