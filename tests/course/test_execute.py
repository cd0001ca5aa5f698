"""Every course notebook runs top to bottom with its solutions, without an error output."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from cjcourse.i18n import t
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
    # every chart is an image with a real text alternative (cjcourse.charts.render)
    charts = [
        o["data"]["text/html"]
        for cell in nb.cells
        if cell.cell_type == "code"
        for o in cell.outputs
        if "cjcourse-chart" in o.get("data", {}).get("text/html", "")
    ]
    assert not [c for c in charts if 'alt=""' in c or t("charts.default_alt") in c]
    assert not [
        i
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        for o in cell.outputs
        if "image/svg+xml" in o.get("data", {})
    ], "a chart was drawn as a bare SVG (no alt text): call enable_offline() first"
