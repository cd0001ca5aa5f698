"""``StageModelExplorer``: pick a stage model and see how it lines up with the course's six stages.

A small widget over :mod:`cjcourse.stage_mapping`: one dropdown (``explorer.model``), a table and
a plain-language reading. The result is plain data — ``explorer.table`` (a DataFrame) and
``explorer.uncovered`` (the course stages the model does not cover) — so an exercise or a test
reads it without a browser.

>>> explorer = StageModelExplorer()
>>> explorer.model.value = "aida"
>>> explorer.model_key
'aida'
>>> explorer.table["etapa_del_modelo"].tolist()
['atención', 'interés', 'deseo', 'acción', '—', '—']
>>> explorer.uncovered
['poscompra', 'lealtad']
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd
import traitlets

from cjcourse.i18n import t
from cjcourse.stage_mapping import correspondence_table, unmatched_course_stages
from cjcourse.stages import DEFAULT_STAGE_MODEL, STAGE_MODELS, get_stage_model

__all__ = ["StageModelExplorer"]


class StageModelExplorer(widgets.VBox):
    """Dropdown of stage models → correspondence table with the course stages + a reading."""

    model_key = traitlets.Unicode(DEFAULT_STAGE_MODEL).tag(sync=True)

    def __init__(self, model_key: str = DEFAULT_STAGE_MODEL, **kwargs):
        self.model = widgets.Dropdown(
            options=[(f"{m.name} ({len(m.stages)})", m.key) for m in STAGE_MODELS.values()],
            value=DEFAULT_STAGE_MODEL,
            description=t("modules.stage_explorer.model"),
            style={"description_width": "initial"},
            layout=widgets.Layout(width="460px"),
        )
        self.view = widgets.HTML()
        self.table = pd.DataFrame()
        self.uncovered: list[str] = []
        self.reading = ""
        super().__init__(children=[self.model, self.view], **kwargs)
        widgets.link((self.model, "value"), (self, "model_key"))
        self.observe(self._recompute, names="model_key")
        self.model_key = model_key
        self._recompute()

    @traitlets.validate("model_key")
    def _valid_key(self, proposal):
        get_stage_model(proposal["value"])  # a Spanish error listing the valid keys
        return proposal["value"]

    def _recompute(self, change=None) -> None:
        model = get_stage_model(self.model_key)
        self.table = correspondence_table(model.key)
        self.uncovered = unmatched_course_stages(model.key)
        parts = [
            t(
                "modules.stage_explorer.header",
                name=model.name,
                n=len(model.stages),
                source=model.source,
            )
        ]
        if model.key == DEFAULT_STAGE_MODEL:
            parts.append(t("modules.stage_explorer.same"))
        elif self.uncovered:
            parts.append(t("modules.stage_explorer.uncovered", stages=", ".join(self.uncovered)))
        else:
            parts.append(t("modules.stage_explorer.all_covered"))
        for loop in model.loops:
            parts.append(
                t(
                    "modules.stage_explorer.loop",
                    label=loop.label,
                    from_stage=loop.from_stage,
                    to_stage=loop.to_stage,
                )
            )
        self.reading = " ".join(parts)
        self.view.value = self._html(model.name)

    def _html(self, name: str) -> str:
        head = (
            f"<tr><th style='text-align:left'>{html.escape(t('modules.stage_explorer.col_course'))}"
            f"</th><th style='text-align:left'>"
            f"{html.escape(t('modules.stage_explorer.col_model', name=name))}</th></tr>"
        )
        rows = "".join(
            f"<tr><td>{html.escape(a)}</td><td>{html.escape(b)}</td></tr>"
            for a, b in self.table[["etapa_del_curso", "etapa_del_modelo"]].itertuples(index=False)
        )
        return f"<table>{head}{rows}</table><p>{html.escape(self.reading)}</p>"
