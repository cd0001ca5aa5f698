"""Journey metrics: pure functions, table in → pandas DataFrame out.

Engine: funnels, paths and retention are Ibis expressions (DuckDB by default; the same functions
run unchanged on other Ibis backends such as PySpark). Surveys, value (CLV, CAC) and attribution
are pandas/numpy/scipy and accept the same inputs (they materialise only the columns they need).
"""

from cjcourse.metrics.attribution import attribution, attribution_comparison, markov_attribution
from cjcourse.metrics.funnel import funnel, funnel_times
from cjcourse.metrics.painpoints import pain_points
from cjcourse.metrics.paths import (
    next_actions,
    path_links,
    previous_actions,
    top_paths,
    transitions,
)
from cjcourse.metrics.retention import (
    churn_rate,
    period_retention,
    retention_cohorts,
    retention_matrix,
    retention_rate,
)
from cjcourse.metrics.satisfaction import (
    SmallSampleWarning,
    ces,
    ces_summary,
    csat,
    csat_summary,
    nps,
    nps_summary,
    wilson_interval,
)
from cjcourse.metrics.service import cart_abandonment, first_contact_resolution
from cjcourse.metrics.value import (
    BGNBDFit,
    GammaGammaFit,
    acquisitions,
    cac,
    clv_retention,
    clv_simple,
    fit_bgnbd,
    fit_gamma_gamma,
    ltv_cac,
    predict_clv,
    rfm_summary,
)

__all__ = [
    "BGNBDFit",
    "GammaGammaFit",
    "SmallSampleWarning",
    "acquisitions",
    "attribution",
    "attribution_comparison",
    "cac",
    "cart_abandonment",
    "ces",
    "ces_summary",
    "churn_rate",
    "clv_retention",
    "clv_simple",
    "csat",
    "csat_summary",
    "first_contact_resolution",
    "fit_bgnbd",
    "fit_gamma_gamma",
    "funnel",
    "funnel_times",
    "ltv_cac",
    "markov_attribution",
    "next_actions",
    "nps",
    "nps_summary",
    "pain_points",
    "path_links",
    "period_retention",
    "predict_clv",
    "previous_actions",
    "retention_cohorts",
    "retention_matrix",
    "retention_rate",
    "rfm_summary",
    "top_paths",
    "transitions",
    "wilson_interval",
]
