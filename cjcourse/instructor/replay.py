"""nbgrader preprocessors that execute in the sandbox, or replay an execution done in parallel.

:class:`ReplayExecute` takes the place of nbgrader's ``Execute`` in ``Autograde``'s pipeline.
When the parallel phase (:mod:`cjcourse.instructor.autograde`) already executed exactly this
notebook (same cell types and sources, checked by fingerprint), its outputs are copied in;
otherwise the notebook is executed now, sandboxed. Everything else — restoring locked cells
from the gradebook, computing and saving grades, late penalties — is stock nbgrader.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path

import nbformat
from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Integer, Unicode

from cjcourse.instructor.execute import execute_notebook
from cjcourse.instructor.sandbox import SandboxPolicy

__all__ = ["ReplayExecute", "fingerprint", "has_tests", "sandboxed_workdir"]


def fingerprint(nb) -> str:
    """What must match for a replay: every cell's type, grade id and source, in order."""
    digest = hashlib.sha256()
    for cell in nb.cells:
        gid = cell.get("metadata", {}).get("nbgrader", {}).get("grade_id", "")
        digest.update(json.dumps([cell.cell_type, gid, cell.source]).encode())
    return digest.hexdigest()


def has_tests(nb) -> bool:
    """True when a notebook has autograded test cells (code cells with points, not answers)."""
    for cell in nb.cells:
        meta = cell.get("metadata", {}).get("nbgrader", {})
        if cell.cell_type == "code" and meta.get("grade") and not meta.get("solution"):
            return True
    return False


def sandboxed_workdir(*folders: Path) -> Path:
    """A temporary folder with the non-notebook files of ``folders`` (later ones win)."""
    work = Path(tempfile.mkdtemp(prefix="cj-sub-"))
    for folder in folders:
        if not folder or not Path(folder).is_dir():
            continue
        for path in Path(folder).rglob("*"):
            if (
                path.is_file()
                and path.suffix != ".ipynb"
                and ".ipynb_checkpoints" not in path.parts
            ):
                target = work / path.relative_to(folder)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
    return work


class ReplayExecute(NbGraderPreprocessor):
    """Outputs from the parallel phase when they match; a sandboxed execution otherwise."""

    cache_dir = Unicode(
        "", help="Folder of executed notebooks, <cache>/<student>/<notebook>.ipynb."
    ).tag(config=True)
    timeout = Integer(120, help="Per-cell time limit in seconds (as Execute.timeout).").tag(
        config=True
    )
    notebook_timeout = Integer(600, help="Time limit for a whole notebook, in seconds.").tag(
        config=True
    )
    memory_mb = Integer(3072, help="Memory limit of the kernel (address space), in MiB.").tag(
        config=True
    )
    isolate = Integer(1, help="1: run the kernel in bubblewrap where available; 0: never.").tag(
        config=True
    )

    execute_ungraded = Integer(
        0, help="1: also execute notebooks without test cells (their grades cannot change)."
    ).tag(config=True)

    def preprocess(self, nb, resources):
        if not self.execute_ungraded and not has_tests(nb):
            return nb, resources  # a lesson notebook: nothing to grade, nothing to run
        info = resources["nbgrader"]
        cached = (
            Path(self.cache_dir or "/nonexistent") / info["student"] / f"{info['notebook']}.ipynb"
        )
        if cached.exists():
            done = nbformat.read(cached, as_version=4)
            if fingerprint(done) == fingerprint(nb):
                for cell, executed in zip(nb.cells, done.cells, strict=True):
                    if cell.cell_type == "code":
                        cell.outputs = executed.outputs
                        cell.execution_count = executed.execution_count
                nb.metadata.update({k: v for k, v in done.metadata.items() if k == "language_info"})
                return nb, resources
            self.log.warning("Cached execution of %s does not match; executing again", cached)
        policy = SandboxPolicy(
            memory_mb=self.memory_mb,
            cell_timeout_s=self.timeout,
            notebook_timeout_s=self.notebook_timeout,
            isolate=bool(self.isolate),
            student_id=str(resources.get("nbgrader", {}).get("student", "") or ""),
        )
        work = sandboxed_workdir(Path(resources.get("metadata", {}).get("path", "") or "."))
        try:
            execute_notebook(nb, work, policy)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return nb, resources
