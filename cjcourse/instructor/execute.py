"""Execute one notebook as nbgrader's ``Execute`` preprocessor does, with the kernel sandboxed.

The settings mirror nbgrader 0.9.6 (``allow_errors``, ``interrupt_on_timeout``,
``raise_on_iopub_timeout``, the same ``CellTimeoutError`` output and the same extra error
output when a reply is an error without one), so the grades computed from the result with
nbgrader's own ``determine_grade`` are the ones stock ``nbgrader autograde`` gives.

Two rules make a broken or hostile notebook fail instead of pass:

* a whole-notebook time limit (kernel start included) on top of the per-cell one, and
* every graded code cell that did not run (dead kernel, time limit, crash) gets an error
  output, because nbgrader gives full marks to a test cell without one.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import shutil
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbformat import NotebookNode

from cjcourse.i18n import t
from cjcourse.instructor.sandbox import SandboxedKernelManager, SandboxPolicy

__all__ = ["ExecutionResult", "execute_notebook", "fail_unexecuted"]

ERROR_ON_TIMEOUT = {
    "ename": "CellTimeoutError",
    "evalue": "",
    "traceback": ["\x1b[0;31mCellTimeoutError\x1b[0m: No reply from kernel before timeout"],
}


@dataclass
class ExecutionResult:
    """The executed notebook and, when the run did not finish normally, why (translated)."""

    notebook: NotebookNode
    problem: str | None = None
    problem_code: str | None = None  # "dead_kernel", "notebook_timeout", "crash"
    detail: str = ""  # the traceback, for the instructor's report


def _is_graded_code(cell) -> bool:
    return cell.cell_type == "code" and bool(
        cell.get("metadata", {}).get("nbgrader", {}).get("grade")
    )


def fail_unexecuted(nb: NotebookNode, reason: str, completed: set[int] | None = None) -> int:
    """Give every graded code cell that did not finish an error output; returns how many.

    ``completed`` holds the indices of the cells whose execution got a reply; without it, a
    cell counts as run when it has an execution count.
    """
    count = 0
    for index, cell in enumerate(nb.cells):
        done = (
            index in completed if completed is not None else cell.get("execution_count") is not None
        )
        if _is_graded_code(cell) and not done:
            cell.outputs = [
                nbformat.v4.new_output(
                    "error",
                    ename="NotExecuted",
                    evalue=reason,
                    traceback=[f"NotExecuted: {reason}"],
                )
            ]
            count += 1
    return count


def _on_cell_executed(cell, execute_reply, **_):
    # Same as nbgrader.preprocessors.Execute.on_cell_executed.
    content = execute_reply["content"]
    if content["status"] != "error":
        return
    if any(o.output_type == "error" and o.ename == content["ename"] for o in cell.outputs):
        return
    error = NotebookNode(output_type="error")
    error.ename, error.evalue = content["ename"], content["evalue"]
    error.traceback = content["traceback"] or [
        "ERROR: An error occurred while showtraceback was disabled"
    ]
    cell.outputs.append(error)


def _record(completed: set[int], cell_index: int, **kwargs) -> None:
    completed.add(cell_index)
    _on_cell_executed(**kwargs)


async def _run(client, limit_s: float) -> None:
    await asyncio.wait_for(client.async_execute(), timeout=limit_s)


def execute_notebook(
    nb: NotebookNode, workdir: Path, policy: SandboxPolicy | None = None
) -> ExecutionResult:
    """Execute ``nb`` (changed in place) with ``workdir`` as the kernel's current folder."""
    policy = policy or SandboxPolicy()
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError

    workdir = Path(workdir).resolve()
    runtime = Path(tempfile.mkdtemp(prefix="cjk-"))
    completed: set[int] = set()
    manager = type(
        "BoundSandboxedKernelManager",
        (SandboxedKernelManager,),
        {"workdir": workdir, "runtime_dir": runtime, "policy": policy},
    )
    client = NotebookClient(
        nb,
        timeout=policy.cell_timeout_s,
        allow_errors=True,
        interrupt_on_timeout=True,
        raise_on_iopub_timeout=True,
        error_on_timeout=ERROR_ON_TIMEOUT,
        kernel_manager_class=manager,
        kernel_name=nb.metadata.get("kernelspec", {}).get("name", "python3"),
        resources={"metadata": {"path": str(workdir)}},
        on_cell_executed=functools.partial(_record, completed),
        shutdown_kernel="immediate",
    )
    result = ExecutionResult(nb)
    try:
        asyncio.run(_run(client, policy.notebook_timeout_s))
    except TimeoutError:
        result.problem_code = "notebook_timeout"
        result.problem = t("instructor.exec.notebook_timeout", seconds=policy.notebook_timeout_s)
    except DeadKernelError:
        result.detail = traceback.format_exc()[-1500:]
        result.problem_code = "dead_kernel"
        result.problem = t("instructor.exec.dead_kernel")
    except Exception as exc:  # the kernel could not start, a broken reply, …
        result.problem_code = "crash"
        result.problem = t("instructor.exec.crash", detail=f"{type(exc).__name__}: {exc}"[:300])
    finally:
        _kill(client)
        shutil.rmtree(runtime, ignore_errors=True)
    fail_unexecuted(nb, result.problem or t("instructor.exec.not_run"), completed)
    return result


def _kill(client) -> None:
    """Make sure no kernel survives, whatever happened (bwrap takes its whole namespace along)."""
    km = getattr(client, "km", None)
    if km is None:
        return
    try:
        process = km.provisioner.process if km.provisioner else None
    except Exception:
        process = None
    if process is not None and process.poll() is None:
        process.kill()
        with contextlib.suppress(Exception):
            process.wait(timeout=10)
