"""Altair chart builders (data in, ``alt.Chart`` out; they never display anything).

Call :func:`enable_offline` once per notebook: altair's default renderer loads Vega from a
CDN, which fails without internet ("Error loading script"). The ``html`` renderer with the
``inline`` template embeds the JavaScript in the output and works offline in JupyterLab and
Voilà.

>>> enable_offline()
'html'
>>> PALETTE[0]
'#0072B2'
"""

from __future__ import annotations

__all__ = ["PALETTE", "enable_offline"]

#: Okabe–Ito colour-blind-safe palette (Okabe & Ito, 2008), without black.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]


def enable_offline() -> str:
    """Make altair charts render without internet in JupyterLab, Voilà and nbconvert."""
    import altair as alt

    alt.renderers.enable("html", template="inline")
    return alt.renderers.active
