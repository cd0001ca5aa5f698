"""Module discovery and source fingerprints."""

from __future__ import annotations

import pytest

from cjcourse.course import find_course_dir, list_modules, module_files, source_hash
from cjcourse.errors import UserError


def test_modules_are_found_in_order_with_titles(demo_course):
    (demo_course / "module2_empty").mkdir()  # a placeholder without notebooks is not a module
    (demo_course / "module2_empty" / "README.md").write_text("pronto")
    modules = list_modules(demo_course)
    assert [m.name for m in modules] == ["module1_demo"]
    assert modules[0].title == "Módulo de prueba" and modules[0].has_exercises


def test_source_hash_changes_with_content_and_ignores_checkpoints(demo_course):
    module = demo_course / "module1_demo"
    before = source_hash(module)
    (module / ".ipynb_checkpoints").mkdir()
    (module / ".ipynb_checkpoints" / "x-checkpoint.ipynb").write_text("{}")
    assert source_hash(module) == before
    assert ".ipynb_checkpoints/x-checkpoint.ipynb" not in {
        p.as_posix() for p in module_files(module)
    }
    (module / "datos.csv").write_text("a,b\n1,3\n")
    assert source_hash(module) != before


def test_course_dir_from_environment(demo_course, monkeypatch, tmp_path):
    monkeypatch.setenv("CJCOURSE_COURSE_DIR", str(demo_course))
    assert find_course_dir() == demo_course.resolve()
    with pytest.raises(UserError, match="--course"):
        find_course_dir(tmp_path / "nada")
