"""``BeforeAfterExplorer``: measure a checkout change before/after or with an A/B test.

A small widget over :mod:`cjcourse.comparison`: two controls (``explorer.design`` and
``explorer.days``), a table with Wilson intervals and a plain-language reading. The result is
plain data — ``explorer.table`` (a DataFrame) and ``explorer.result`` (difference in percentage
points and its interval) — so an exercise or a test reads it without a browser.

>>> explorer = BeforeAfterExplorer()
>>> explorer.result["diferencia_pp"]      # before/after, 28 days each side
6.68
>>> explorer.design.value = "ab"
>>> explorer.result["diferencia_pp"]      # A/B test in the same weeks
3.67
"""

from __future__ import annotations

import html

import ipywidgets as widgets
import pandas as pd
import traitlets

from cjcourse.comparison import (
    DESIGNS,
    compare_change,
    describe_comparison,
    simulate_checkout_change,
)
from cjcourse.i18n import t
from cjcourse.widgets.controls import IntSlider

__all__ = ["BeforeAfterExplorer"]


class BeforeAfterExplorer(widgets.VBox):
    """Design (before/after or A/B) and window → rates with intervals, difference and a reading."""

    design_key = traitlets.Unicode("antes_despues").tag(sync=True)
    window_days = traitlets.Int(28).tag(sync=True)

    def __init__(self, *, seed: int = 7, **kwargs):
        self._carts = {d: simulate_checkout_change(d, seed=seed) for d in DESIGNS}
        self.design = widgets.ToggleButtons(
            options=[(t(f"modules.before_after.design.{d}"), d) for d in DESIGNS],
            value="antes_despues",
            description=t("modules.before_after.design"),
            style={"description_width": "initial"},
        )
        self.days = IntSlider(
            value=28, min=7, max=28, step=7, description=t("modules.before_after.days")
        )
        self.view = widgets.HTML()
        self.table = pd.DataFrame()
        self.result: dict[str, float | bool] = {}
        self.reading = ""
        super().__init__(children=[self.design, self.days, self.view], **kwargs)
        widgets.link((self.design, "value"), (self, "design_key"))
        widgets.link((self.days, "value"), (self, "window_days"))
        self.observe(self._recompute, names=["design_key", "window_days"])
        self._recompute()

    @traitlets.validate("design_key")
    def _valid_design(self, proposal):
        if proposal["value"] not in DESIGNS:
            raise traitlets.TraitError(
                t("modules.error.design", value=proposal["value"], options=", ".join(DESIGNS))
            )
        return proposal["value"]

    @traitlets.validate("window_days")
    def _valid_days(self, proposal):
        return min(28, max(7, int(proposal["value"])))

    def _recompute(self, change=None) -> None:
        carts = self._carts[self.design_key]
        self.table, self.result = compare_change(carts, self.design_key, days=self.window_days)
        self.reading = describe_comparison(self.table, self.result, self.design_key)
        self.view.value = self._html()

    def _html(self) -> str:
        cols = ("col_group", "col_carts", "col_orders", "col_rate", "col_interval")
        head = "".join(
            f"<th style='text-align:left'>{html.escape(t('modules.before_after.' + c))}</th>"
            for c in cols
        )
        rows = ""
        for row in self.table.itertuples(index=False):
            cells = (
                t(f"modules.before_after.group.{row.grupo}"),
                f"{row.carritos:,}".replace(",", "."),
                f"{row.pedidos:,}".replace(",", "."),
                f"{row.tasa_pct:.1f}".replace(".", ","),
                f"{row.ic_inf_pct:.1f} – {row.ic_sup_pct:.1f}".replace(".", ","),
            )
            rows += "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>"
        return f"<table><tr>{head}</tr>{rows}</table><p>{html.escape(self.reading)}</p>"
