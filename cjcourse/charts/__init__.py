"""Altair chart builders (data in, ``alt.Chart`` out; they never display anything).

Call :func:`enable_offline` once per notebook: altair's default renderer loads Vega from a
CDN, which fails without internet ("Error loading script"). We render charts to SVG in Python
(vl-convert): no JavaScript in the page, so it works offline in JupyterLab, Voilà and
nbconvert, and each chart is one image whose ``alt`` text is its description
(:mod:`cjcourse.charts.render`). (The ``html`` renderer with the ``inline`` template was tried
first: every chart declares ``const spec`` at page level, so in JupyterLab only the first chart of
a notebook drew — the browser tests caught it.)

>>> enable_offline()
'cjcourse'
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

    from cjcourse.charts.render import RENDERER, accessible_svg_renderer

    if RENDERER not in alt.renderers.names():
        alt.renderers.register(RENDERER, accessible_svg_renderer)
    alt.renderers.enable(RENDERER)
    return alt.renderers.active
