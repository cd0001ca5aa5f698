"""Interactive widgets (ipywidgets 8), one per file; each calls a pure function and a chart builder.

Every widget keeps its result as plain Python data (``builder.journey``, ``builder.chart_spec``),
so a test or an nbgrader check can read it without a browser.
"""

from cjcourse.widgets.attribution_explorer import AttributionExplorer
from cjcourse.widgets.before_after import BeforeAfterExplorer
from cjcourse.widgets.funnel_explorer import FunnelExplorer
from cjcourse.widgets.journey_builder import JourneyMapBuilder
from cjcourse.widgets.pain_point_finder import PainPointFinder
from cjcourse.widgets.path_explorer import PathExplorer
from cjcourse.widgets.retention_explorer import RetentionExplorer
from cjcourse.widgets.satisfaction_explorer import SatisfactionExplorer
from cjcourse.widgets.stage_models import StageModelExplorer

__all__ = [
    "AttributionExplorer",
    "BeforeAfterExplorer",
    "FunnelExplorer",
    "JourneyMapBuilder",
    "PainPointFinder",
    "PathExplorer",
    "RetentionExplorer",
    "SatisfactionExplorer",
    "StageModelExplorer",
]
