"""Every course notebook runs top to bottom with its solutions, without an error output."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from tests.course.helpers import NOTEBOOKS, is_test, nbgrader, read, rel


@pytest.mark.course
@pytest.mark.parametrize("path", NOTEBOOKS, ids=rel)
def test_notebook_executes_with_solutions(path):
    nb = read(path)
    NotebookClient(
        nb,
        timeout=300,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(path.parent)}},
    ).execute()
    errors = [
        (i, o.ename, o.evalue)
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        for o in cell.outputs
        if o.output_type == "error"
    ]
    assert errors == []
    for cell in nb.cells:
        if is_test(cell):
            text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
            assert "✔" in text, f"{nbgrader(cell)['grade_id']} should confirm the right answer"
    nbformat.validate(nb)
