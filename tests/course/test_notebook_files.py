"""Course sources are clean, valid and follow the exercise conventions (no kernel needed)."""

from __future__ import annotations

import ast
import json
import re
from collections import Counter

import nbformat
import pytest

from tests.course.helpers import (
    GRADED_MODULES,
    MODULES,
    NOTEBOOKS,
    is_autograded_answer,
    is_test,
    nbgrader,
    read,
    rel,
)
from tests.course.wrong_answers import WRONG_ANSWERS

EXPECTED_MODULES = [
    "module1_intro",
    "module2_stages",
    "module3_mapping",
    "module4_optimization",
    "module5_metrics",
    "module6_cases",
]


def test_the_six_module_folders_exist():
    from tests.course.helpers import COURSE

    assert sorted(p.name for p in COURSE.iterdir() if p.is_dir()) == EXPECTED_MODULES
    assert MODULES, "at least one module has notebooks"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=rel)
def test_committed_without_outputs_and_valid(path):
    nb = read(path)
    nbformat.validate(nb)
    dirty = [
        i
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code" and (c.outputs or c.execution_count is not None)
    ]
    assert not dirty, f"cells with outputs (clear them before committing): {dirty}"
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=rel)
def test_spanish_title_first(path):
    first = read(path).cells[0]
    assert first.cell_type == "markdown" and first.source.lstrip().startswith("# ")


def test_grade_ids_are_unique_across_the_course():
    ids = Counter(
        nbgrader(c)["grade_id"]
        for p in NOTEBOOKS
        for c in read(p).cells
        if nbgrader(c).get("grade_id")
    )
    assert [k for k, n in ids.items() if n > 1] == []


@pytest.mark.parametrize("module", GRADED_MODULES, ids=lambda m: m.name)
def test_exercise_conventions(module):
    answers, tests, manual = [], [], []
    for path in module.notebooks:
        for cell in read(path).cells:
            meta = nbgrader(cell)
            if is_autograded_answer(cell):
                answers.append(meta["grade_id"])
                assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source
                before = cell.source.split("### BEGIN SOLUTION")[0]
                assert re.search(r"^\w+ = ", before, re.M) and "None" in before, (
                    f"{meta['grade_id']}: the student template (`name = None`) must come before "
                    "the solution region"
                )
            elif is_test(cell):
                tests.append(meta["grade_id"])
                assert meta.get("locked") and meta.get("points", 0) > 0
                call = ast.parse(cell.source).body[-1].value.func.id
                assert re.search(
                    rf"^from cjcourse\.grading\.\w+ import {call}\b", cell.source, re.M
                ), "a check cell imports its check itself: a student's redefinition can't fool it"
                assert "raises-exception" in cell.metadata.get("tags", []), (
                    "tag check cells `raises-exception` so Run All shows every verdict"
                )
                assert cell.source.startswith("# "), "a check cell starts with a comment label"
                last = ast.parse(cell.source).body[-1]
                assert (
                    isinstance(last, ast.Expr)
                    and isinstance(last.value, ast.Call)
                    and getattr(last.value.func, "id", "").startswith("check_")
                ), "a check cell ends with a check_*() call (a bare value would be partial credit)"
            elif meta.get("grade") and meta.get("solution"):
                manual.append(meta["grade_id"])
    assert len(tests) >= 4, "at least four autograded questions"
    assert manual, "at least one free-text answer graded by hand"
    assert set(WRONG_ANSWERS.get(module.name, {})) == set(answers), (
        "tests/course/wrong_answers.py must hold one plausible wrong answer per answer cell"
    )


def test_no_stray_nbgrader_output_in_course():
    from tests.course.helpers import COURSE

    leftovers = [
        p
        for p in COURSE.rglob("*")
        if p.name in {"gradebook.db", ".nbgrader.log"} or ".ipynb_checkpoints" in p.parts
    ]
    assert leftovers == []


def test_notebook_json_is_pretty_and_stable():
    """Sources are written by nbformat (indent 1): diffs stay readable in review."""
    for path in NOTEBOOKS:
        text = path.read_text(encoding="utf-8")
        assert json.loads(text) and text.startswith('{\n "cells": [')
