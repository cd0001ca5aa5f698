"""Data for the course: the seeded shop simulator and real data sets, as one-line loaders."""

from cjcourse.data.cdnow import load_cdnow, load_cdnow_summary
from cjcourse.data.simulator import (
    CHANNELS,
    DEVICES,
    EVENTS,
    FUNNEL_STEPS,
    SEGMENTS,
    STAGE_OF_EVENT,
    STAGES,
    ShopData,
    load_shop,
    seed_from,
    simulate_shop,
)

__all__ = [
    "CHANNELS",
    "DEVICES",
    "EVENTS",
    "FUNNEL_STEPS",
    "SEGMENTS",
    "STAGES",
    "STAGE_OF_EVENT",
    "ShopData",
    "load_cdnow",
    "load_cdnow_summary",
    "load_shop",
    "seed_from",
    "simulate_shop",
]
