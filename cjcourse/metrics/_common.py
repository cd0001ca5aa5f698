"""Helpers shared by the metric modules (not public)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from cjcourse.events import EventLogError, quiet, to_table
from cjcourse.i18n import t

__all__ = ["as_list", "materialise", "table_of", "window_seconds"]


def as_list(by: str | Sequence[str] | None) -> list[str]:
    if by is None:
        return []
    if isinstance(by, str):
        return [by]
    return list(by)


def window_seconds(window: Any) -> float | None:
    """A window given as days (number), text ("7 days", "36h") or Timedelta, in seconds."""
    if window is None:
        return None
    try:
        if isinstance(window, bool):
            raise TypeError
        if isinstance(window, (int, float, np.integer, np.floating)):
            seconds = float(window) * 86_400
        elif isinstance(window, (str, dt.timedelta, pd.Timedelta, np.timedelta64)):
            seconds = pd.Timedelta(window).total_seconds()
        else:
            raise TypeError
    except (TypeError, ValueError) as err:
        raise EventLogError(t("metrics.bad_window", window=window)) from err
    if not seconds > 0:
        raise EventLogError(t("metrics.bad_window", window=window))
    return seconds


def table_of(events: Any, **kwargs: Any) -> Any:
    """Input → Ibis table (validated at the boundary)."""
    return to_table(events, **kwargs)


def materialise(expr: Any) -> pd.DataFrame:
    """Run an Ibis expression; always a fresh pandas DataFrame with a RangeIndex."""
    with quiet():
        return expr.to_pandas().reset_index(drop=True)


def to_pandas_columns(events: Any, columns: Sequence[str], **kwargs: Any) -> pd.DataFrame:
    """Materialise only ``columns`` of any supported input as pandas (for numpy-based metrics)."""
    if isinstance(events, pd.DataFrame):
        from cjcourse.events import validate_events

        out = validate_events(events, **kwargs)
        return out[list(dict.fromkeys(columns))]
    table = to_table(events, **kwargs)
    with quiet():
        return table.select(*dict.fromkeys(columns)).to_pandas()
