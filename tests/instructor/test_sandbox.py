"""The kernel sandbox: limits, isolation, and "a kernel that dies fails, never passes".

Small notebooks executed with :func:`execute_notebook`; each test names what a hostile
submission tries. Needs bubblewrap for the isolation tests (skipped with the reason otherwise).
"""

from __future__ import annotations

import socket
from pathlib import Path

import nbformat
import pytest

from cjcourse.instructor.execute import execute_notebook
from cjcourse.instructor.sandbox import SandboxPolicy, bwrap_available, sandbox_warning
from tests.conftest import nbgrader_meta

needs_bwrap = pytest.mark.skipif(
    not bwrap_available(), reason="bubblewrap (bwrap) no está instalado: apt-get install bubblewrap"
)
POLICY = SandboxPolicy(cell_timeout_s=3, notebook_timeout_s=20, memory_mb=1024)


def notebook(*sources: str, test: str = "print('ok')"):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    nb.cells.append(
        nbformat.v4.new_code_cell(test, metadata=nbgrader_meta("t", grade=True, points=1))
    )
    return nb


def text(nb) -> str:
    return "".join(
        o.get("text", "") + o.get("evalue", "") for c in nb.cells for o in c.get("outputs", [])
    )


def test_check_cell_after_a_killed_kernel_counts_as_failed(tmp_path):
    result = execute_notebook(notebook("import os\nos._exit(0)"), tmp_path, POLICY)
    assert result.problem_code == "dead_kernel"
    assert result.notebook.cells[-1].outputs[0].output_type == "error"


def test_interrupt_swallowing_loop_hits_the_notebook_limit_and_fails(tmp_path):
    loop = "import time\nwhile True:\n    try:\n        time.sleep(0.2)\n    except KeyboardInterrupt:\n        pass"
    policy = SandboxPolicy(cell_timeout_s=2, notebook_timeout_s=12)
    result = execute_notebook(notebook(loop), tmp_path, policy)
    assert result.problem_code == "notebook_timeout"
    assert result.notebook.cells[-1].outputs[0].ename == "NotExecuted"


def test_infinite_loop_is_interrupted_per_cell_and_the_rest_runs(tmp_path):
    result = execute_notebook(notebook("while True:\n    pass"), tmp_path, POLICY)
    assert result.problem is None
    assert "CellTimeoutError" in {o.get("ename") for o in result.notebook.cells[0].outputs}
    assert result.notebook.cells[-1].outputs[0].text == "ok\n"


def test_memory_limit_raises_memory_error(tmp_path):
    result = execute_notebook(notebook("x = bytearray(4 * 1024**3)"), tmp_path, POLICY)
    assert result.notebook.cells[0].outputs[0].ename == "MemoryError"


@needs_bwrap
def test_no_network_not_even_the_hosts_loopback(tmp_path):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        code = (
            "import socket\ntry:\n"
            f"    socket.create_connection(('127.0.0.1', {port}), timeout=3)\n    print('CONECTADO')\n"
            "except OSError as e:\n    print('SIN RED')"
        )
        result = execute_notebook(notebook(code), tmp_path, POLICY)
    assert "SIN RED" in text(result.notebook)


@needs_bwrap
def test_cannot_read_or_write_outside_its_folder(tmp_path):
    secret = tmp_path / "instructor" / "gradebook.db"
    secret.parent.mkdir()
    secret.write_text("notas")
    work = tmp_path / "sub"
    work.mkdir()
    code = (
        f"for p in [{str(secret)!r}, {str(tmp_path / 'fuera.txt')!r}]:\n"
        "    try:\n        open(p, 'a').write('x')\n        print('ESCRITO', p)\n"
        "    except OSError as e:\n        print('BLOQUEADO', type(e).__name__)\n"
        "open('dentro.txt', 'w').write('ok')\nprint(open('dentro.txt').read())"
    )
    result = execute_notebook(notebook(code), work, POLICY)
    # the gradebook is not even visible; anything else outside lands in a throw-away tmpfs
    assert "BLOQUEADO FileNotFoundError" in text(result.notebook)
    assert secret.read_text() == "notas" and not (tmp_path / "fuera.txt").exists()
    assert (work / "dentro.txt").read_text() == "ok"


@needs_bwrap
def test_course_sources_with_solutions_are_invisible(tmp_path):
    from tests.conftest import COURSE

    code = f"import os\nprint('VISIBLE' if os.path.exists({str(COURSE)!r}) else 'INVISIBLE')"
    result = execute_notebook(notebook(code), tmp_path, POLICY)
    assert "INVISIBLE" in text(result.notebook)


def test_without_isolation_the_instructor_is_warned_in_spanish():
    assert "desactivado" in sandbox_warning(SandboxPolicy(isolate=False))


def test_without_bwrap_the_warning_says_how_to_install_it(monkeypatch):
    import cjcourse.instructor.sandbox as sandbox

    monkeypatch.setattr(sandbox, "bwrap_available", lambda: False)
    assert "apt-get install bubblewrap" in sandbox.sandbox_warning(SandboxPolicy())


def test_folder_is_left_as_given(tmp_path: Path):
    execute_notebook(notebook("open('basura.txt', 'w').write('x')"), tmp_path, POLICY)
    assert (
        tmp_path / "basura.txt"
    ).exists()  # the caller's temporary folder, removed by the caller


@pytest.mark.parametrize("isolate", [True, False], ids=["bubblewrap", "rlimits-only"])
def test_the_kernel_knows_whose_notebook_it_runs(tmp_path, isolate):
    """Per-student data (module 5) needs the student's id inside the temporary sandbox folder."""
    if isolate and not bwrap_available():
        pytest.skip("bubblewrap (bwrap) no está instalado: apt-get install bubblewrap")
    policy = SandboxPolicy(
        cell_timeout_s=20, notebook_timeout_s=60, isolate=isolate, student_id="ana.garcia"
    )
    code = "import os\nprint('id=' + os.environ.get('CJCOURSE_STUDENT_ID', '-'))"
    result = execute_notebook(notebook(code), tmp_path, policy)
    assert "id=ana.garcia" in text(result.notebook)
