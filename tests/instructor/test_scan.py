"""The scan flags attempts to game the checks, and leaves honest answers alone."""

import pytest

from cjcourse.instructor.scan import scan_source


@pytest.mark.parametrize(
    ("source", "code"),
    [
        (
            "class Todo(str):\n    def __eq__(self, o):\n        return True\nrespuesta_1 = Todo()",
            "dunder",
        ),
        ("import builtins\nbuiltins.isinstance = lambda *a: True", "builtins"),
        ("isinstance = lambda *a: True", "builtins"),
        ("__builtins__.print = None", "builtins"),
        ("import hashlib\nhashlib.sha256 = lambda *a: None", "hashlib"),
        ("check_choice = lambda *a, **k: print('✔')", "checks"),
        ("def check_mapping(*a, **k):\n    pass", "checks"),
        ("import cjcourse.grading.checks as c\nc.answer_hash = str", "checks"),
        ("get_ipython().set_custom_exc((Exception,), lambda *a: None)", "checks"),
        ("import sys\nsys.modules['cjcourse.grading.checks'] = None", "checks"),
        ("print(open('/work/instructor/gradebook.db', 'rb').read())", "files"),
        ("import os\nprint(os.listdir('..'))", "files"),
        ("from pathlib import Path\nPath('x').read_text()", "files"),
        ("!cat ../../instructor/gradebook.db", "process"),
        ("import subprocess\nsubprocess.run(['ls'])", "process"),
        ("import os\nos._exit(0)", "process"),
        ("exec('respuesta_1 = 1')", "dynamic"),
        ("m = __import__('os')", "dynamic"),
    ],
)
def test_attempts_to_game_the_checks_are_flagged(source, code):
    assert code in {f.code for f in scan_source(source)}


@pytest.mark.parametrize(
    "source",
    [
        'respuesta_1 = "c"',
        'respuesta_2 = ["a", "c", "e"]',
        "import pandas as pd\ncomponentes = pd.DataFrame([[1, 2]], columns=['a', 'b'])",
        "semanas_antes_de_ventas = 20 * 0.70",
        "clasificacion = {'x': 'compra'}\nprint(len(clasificacion))",
        "def ayuda(x):\n    return x * 2\ntotal = sum(ayuda(v) for v in [1, 2])",
        "esto no es python (",
    ],
)
def test_honest_answers_are_not_flagged(source):
    assert scan_source(source) == []


def test_flags_carry_the_line_and_code_for_the_instructor():
    (flag,) = scan_source("x = 1\nimport hashlib")
    assert (flag.line, flag.snippet) == (2, "import hashlib")
    assert "hashlib" in flag.message
