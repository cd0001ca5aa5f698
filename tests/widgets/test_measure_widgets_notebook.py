"""The six measuring widgets in a real kernel, headless (as nbgrader autograde runs a notebook).

One tiny notebook creates and displays every widget, changes a control and reads the result;
nbclient executes it without a browser. No cell may fail, block or print a traceback, and the
widget outputs must be valid notebook outputs (no Vega-Lite mimetype).
"""

from __future__ import annotations

import nbformat
from nbclient import NotebookClient

CELLS = [
    """
from cjcourse.charts import enable_offline
from cjcourse.data import load_shop
from cjcourse.journey import JourneyMap
from cjcourse.widgets import (AttributionExplorer, FunnelExplorer, PainPointFinder,
                              PathExplorer, RetentionExplorer, SatisfactionExplorer)
enable_offline()
tienda = load_shop("pequeño", seed=7)
""",
    """
embudo = FunnelExplorer(tienda.events)
display(embudo)
embudo.mode = "open"
assert embudo.error is None and len(embudo.result) == 5
print(embudo.reading)
""",
    """
dolor = PainPointFinder(tienda.events, tienda.surveys,
                        journey=JourneyMap.from_stage_model(title="Lola").set_emotion(2, 2))
display(dolor)
assert dolor.top_stage in dolor.result["stage"].tolist() and dolor.map_chart is not None
""",
    """
caminos = PathExplorer(tienda.events, start_event="carrito", top_n=4)
display(caminos)
caminos.focus_event = "iniciar_pago"
assert len(caminos.next_actions) > 0
""",
    """
retencion = RetentionExplorer(tienda.events, period="M")
display(retencion)
retencion.period = "W"
assert retencion.matrix.shape[0] > 5
""",
    """
satisfaccion = SatisfactionExplorer(tienda.surveys, metric="csat", by="stage")
display(satisfaccion)
assert set(satisfaccion.result["stage"]) == {"consideración", "decisión", "compra"}
""",
    """
atribucion = AttributionExplorer(tienda.events, models=("first_touch", "markov"))
display(atribucion)
assert list(atribucion.result.columns) == ["first_touch", "markov"]
""",
    """
roto = FunnelExplorer(tienda.events.drop(columns="timestamp"))
display(roto)
assert "Falta la columna 'timestamp'" in roto.error
print("todo bien")
""",
]


def test_every_widget_runs_headless_in_a_kernel(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell(src.strip()) for src in CELLS]
    NotebookClient(
        nb,
        timeout=120,
        kernel_name="python3",
        allow_errors=True,
        resources={"metadata": {"path": str(tmp_path)}},
    ).execute()
    errors = [
        (i, o.get("ename"), o.get("evalue"))
        for i, cell in enumerate(nb.cells)
        for o in cell.outputs
        if o.output_type == "error"
    ]
    assert errors == []
    text = "".join(
        o.get("text", "") for c in nb.cells for o in c.outputs if o.output_type == "stream"
    )
    assert "todo bien" in text and "Traceback" not in text
    widget_views = [
        o
        for c in nb.cells
        for o in c.outputs
        if o.output_type == "display_data"
        and "application/vnd.jupyter.widget-view+json" in o.get("data", {})
    ]
    assert len(widget_views) == 7
    mimetypes = {k for c in nb.cells for o in c.outputs for k in o.get("data", {})}
    assert not any("vegalite" in m for m in mimetypes)
    nbformat.validate(nb)
