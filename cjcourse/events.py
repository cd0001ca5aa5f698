"""Event-log schema: what a journey table must contain, and clear Spanish errors when it does not.

An event log has one row per thing a customer did:

==============  ==========================================  =========================
column          meaning                                     default name (``*_col``)
==============  ==========================================  =========================
customer        who (any hashable id)                       ``customer_id``
timestamp       when (datetime, or text that parses as one)  ``timestamp``
event           what (an action or a stage name)             ``event``
channel         where it came from (optional for metrics)    ``channel``
session         visit id (optional)                          ``session_id``
revenue         money of a purchase (optional)               ``revenue``
device          móvil, escritorio… (optional)                ``device``
segment         customer group (optional)                    ``segment``
==============  ==========================================  =========================

Validation happens once, at the boundary (:func:`validate_events`); the metric functions call it on
pandas input and check column names on any other input. Every problem raises :class:`EventLogError`
(a ``ValueError``) whose text names the column, the problem and the fix.

>>> import pandas as pd
>>> log = pd.DataFrame({"customer_id": [1, 1], "event": ["visita", "compra"],
...                     "timestamp": ["2026-01-01 10:00", "2026-01-01 10:05"]})
>>> validate_events(log)["timestamp"].dtype.kind
'M'
"""

from __future__ import annotations

import contextlib
import difflib
import warnings
from collections.abc import Iterable, Iterator, Sequence
from os import PathLike
from pathlib import Path
from typing import Any

import pandas as pd

from cjcourse.i18n import t

__all__ = [
    "DEFAULT_COLUMNS",
    "EventLogError",
    "check_columns",
    "check_steps",
    "connection",
    "to_table",
    "validate_events",
]

#: Default column names of the event log (the ``*_col`` arguments).
DEFAULT_COLUMNS: dict[str, str] = {
    "customer_col": "customer_id",
    "timestamp_col": "timestamp",
    "event_col": "event",
    "channel_col": "channel",
    "session_col": "session_id",
    "revenue_col": "revenue",
    "device_col": "device",
    "segment_col": "segment",
}


class EventLogError(ValueError):
    """The event log does not have the shape the metric needs (text is written for students)."""


def _columns_of(events: Any) -> list[str]:
    if isinstance(events, pd.DataFrame):
        return [str(c) for c in events.columns]
    if hasattr(events, "columns"):  # ibis.Table, pyarrow.Table
        return [str(c) for c in events.columns]
    if hasattr(events, "column_names"):
        return list(events.column_names)
    raise EventLogError(t("events.not_a_table", kind=type(events).__name__))


def _suggest(name: str, options: Sequence[str]) -> str:
    """Spanish '¿Quisiste decir…?' hint, or an empty string."""
    lowered = {o.lower(): o for o in options}
    close = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.5)
    if not close:
        return ""
    return " " + t("events.did_you_mean", name=lowered[close[0]])


def check_columns(events: Any, **columns: str | Sequence[str] | None) -> None:
    """Raise :class:`EventLogError` if a named column is missing (with a '¿quisiste decir…?').

    Parameters
    ----------
    events : DataFrame, ibis Table or pyarrow Table
    **columns
        ``role=name`` pairs, e.g. ``customer_col="customer_id"``; ``None`` values are skipped and
        lists (``by=[...]``) are checked one by one.

    Examples
    --------
    >>> import pandas as pd
    >>> check_columns(pd.DataFrame({"cliente": [1]}), customer_col="cliente")
    >>> try:
    ...     check_columns(pd.DataFrame({"cliente": [1]}), customer_col="customer_id")
    ... except EventLogError as err:
    ...     print(str(err).splitlines()[0])
    Falta la columna 'customer_id' (argumento customer_col).
    """
    present = _columns_of(events)
    for role, names in columns.items():
        if names is None:
            continue
        for name in [names] if isinstance(names, str) else list(names):
            if name not in present:
                raise EventLogError(
                    t(
                        "events.missing_column",
                        column=name,
                        role=role,
                        found=", ".join(repr(c) for c in present) or "(ninguna)",
                    )
                    + _suggest(name, present)
                )


def check_steps(
    events: pd.DataFrame | Iterable[str], steps: Sequence[str], *, event_col: str = "event"
) -> None:
    """Raise :class:`EventLogError` for a step name that never occurs in ``event_col``.

    ``events`` may also be the collection of known event names.

    Examples
    --------
    >>> check_steps(["visita", "compra"], ["visita", "compra"])
    >>> try:
    ...     check_steps(["visita", "compra"], ["visita", "compras"])
    ... except EventLogError as err:
    ...     print("compras" in str(err), "¿Quisiste decir 'compra'?" in str(err))
    True True
    """
    if isinstance(events, pd.DataFrame):
        known = [str(v) for v in pd.unique(events[event_col].dropna())]
    elif hasattr(events, "columns") and not isinstance(events, (list, tuple, set)):
        col = events[event_col]
        known = [str(v) for v in col.distinct().to_pandas()]
    else:
        known = [str(v) for v in events]
    if len(steps) == 0:
        raise EventLogError(t("events.no_steps"))
    if len(set(steps)) != len(steps):
        dup = sorted({s for s in steps if list(steps).count(s) > 1})
        raise EventLogError(t("events.repeated_steps", steps=", ".join(map(repr, dup))))
    known_set = set(known)
    if not known_set:  # an empty log: every count is simply zero
        return
    for step in steps:
        if str(step) not in known_set:
            shown = ", ".join(repr(k) for k in sorted(known)[:15])
            raise EventLogError(
                t("events.unknown_step", step=step, column=event_col, known=shown)
                + _suggest(str(step), known)
            )


def validate_events(
    events: pd.DataFrame,
    *,
    customer_col: str = "customer_id",
    event_col: str = "event",
    timestamp_col: str = "timestamp",
    extra_cols: Sequence[str] = (),
    steps: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Check a pandas event log and return it with ``timestamp_col`` parsed as datetime.

    Checks, in order: the columns exist (with a '¿quisiste decir…?'); the key columns (customer,
    event, timestamp) have no empty values; the timestamps parse (the first bad rows are shown);
    the ``steps`` exist in ``event_col``. The input frame is never modified.

    Parameters
    ----------
    events : pandas.DataFrame
    customer_col, event_col, timestamp_col : str
        Names of the key columns.
    extra_cols : sequence of str
        Other columns the caller needs (``channel``, ``revenue``…).
    steps : sequence of str, optional
        Step names that must occur in ``event_col``.

    Returns
    -------
    pandas.DataFrame
        The same rows; a copy only when the timestamp column had to be parsed.

    Raises
    ------
    EventLogError

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1], "event": ["visita"], "timestamp": ["ayer"]})
    >>> try:
    ...     validate_events(log)
    ... except EventLogError as err:
    ...     print(str(err).splitlines()[0])
    La columna 'timestamp' tiene 1 fecha(s) que no se pueden leer.
    """
    if not isinstance(events, pd.DataFrame):
        raise EventLogError(t("events.not_a_table", kind=type(events).__name__))
    check_columns(
        events,
        customer_col=customer_col,
        event_col=event_col,
        timestamp_col=timestamp_col,
        extra_cols=list(extra_cols),
    )
    for col in (customer_col, event_col, timestamp_col):
        nulls = events[col].isna()
        if nulls.any():
            rows = ", ".join(str(i) for i in events.index[nulls][:5])
            raise EventLogError(t("events.null_keys", column=col, n=int(nulls.sum()), rows=rows))
    ts = events[timestamp_col]
    if pd.api.types.is_numeric_dtype(ts) or pd.api.types.is_bool_dtype(ts):
        # numbers would silently become nanoseconds after 1970
        raise EventLogError(t("events.timestamp_type", column=timestamp_col, dtype=str(ts.dtype)))
    if not (pd.api.types.is_datetime64_any_dtype(ts)):
        parsed = pd.to_datetime(ts, errors="coerce", format="mixed")
        bad = parsed.isna()
        if bad.any():
            sample = events.loc[bad, [customer_col, event_col, timestamp_col]].head(3)
            raise EventLogError(
                t(
                    "events.bad_timestamps",
                    column=timestamp_col,
                    n=int(bad.sum()),
                    rows=sample.to_string(),
                )
            )
        if getattr(parsed.dt, "tz", None) is not None:
            parsed = parsed.dt.tz_convert("UTC").dt.tz_localize(None)
        events = events.assign(**{timestamp_col: parsed})
    elif getattr(ts.dt, "tz", None) is not None:
        events = events.assign(**{timestamp_col: ts.dt.tz_convert("UTC").dt.tz_localize(None)})
    if steps is not None:
        check_steps(events, steps, event_col=event_col)
    return events


# ----------------------------------------------------------------------------- engine boundary

_CON: Any = None


def connection() -> Any:
    """The default Ibis backend: one in-process DuckDB connection shared by the metrics."""
    global _CON
    if _CON is None:
        import ibis

        # the default backend, so that files and in-memory frames (memtables) share one DuckDB
        default = ibis.get_backend()
        _CON = default if default.name == "duckdb" else ibis.duckdb.connect()
    return _CON


def to_table(
    events: Any,
    *,
    customer_col: str = "customer_id",
    event_col: str = "event",
    timestamp_col: str = "timestamp",
    extra_cols: Sequence[str] = (),
    steps: Sequence[str] | None = None,
    validate: bool = True,
) -> Any:
    """Turn the input of a metric into an Ibis table.

    Accepts a pandas DataFrame (validated and registered in DuckDB without copying when it can),
    a pyarrow Table, a path to a Parquet or CSV file (read by DuckDB, lazily), or an Ibis table of
    any backend (used as is: the metric then runs on that backend).

    Examples
    --------
    >>> import pandas as pd
    >>> log = pd.DataFrame({"customer_id": [1], "event": ["visita"],
    ...                     "timestamp": pd.to_datetime(["2026-01-01"])})
    >>> to_table(log).count().execute()
    1
    """
    import ibis

    if isinstance(events, ibis.expr.types.Table):
        table = events
    elif isinstance(events, pd.DataFrame):
        if validate:
            events = validate_events(
                events,
                customer_col=customer_col,
                event_col=event_col,
                timestamp_col=timestamp_col,
                extra_cols=extra_cols,
                steps=None,
            )
        table = _memtable(events)
    elif isinstance(events, (str, PathLike)):
        path = Path(events)
        if not path.exists() and "*" not in str(path):
            raise EventLogError(t("events.no_file", path=str(path)))
        con = connection()
        suffix = path.suffix.lower()
        with quiet():
            if suffix in (".parquet", ".pq"):
                table = con.read_parquet(str(path))
            elif suffix in (".csv", ".tsv", ".txt", ".gz"):
                table = con.read_csv(str(path))
            else:
                table = None
        if table is None:
            raise EventLogError(t("events.bad_file", path=str(path)))
    elif hasattr(events, "schema") and hasattr(events, "column_names"):  # pyarrow.Table
        table = ibis.memtable(events)
    else:
        raise EventLogError(t("events.not_a_table", kind=type(events).__name__))
    check_columns(
        table,
        customer_col=customer_col,
        event_col=event_col,
        timestamp_col=timestamp_col,
        extra_cols=list(extra_cols),
    )
    ts_type = table.schema()[timestamp_col]
    if ts_type.is_string():
        table = table.mutate(**{timestamp_col: table[timestamp_col].cast("timestamp")})
    elif not (ts_type.is_timestamp() or ts_type.is_date()):
        raise EventLogError(t("events.timestamp_type", column=timestamp_col, dtype=str(ts_type)))
    if steps is not None:
        if isinstance(events, pd.DataFrame):
            check_steps(events, steps, event_col=event_col)
        else:
            check_steps(_distinct_events(table, event_col), steps, event_col=event_col)
    return table


def _memtable(df: pd.DataFrame) -> Any:
    """pandas → Arrow (fast, categoricals stay dictionary-encoded) → Ibis memtable."""
    import ibis
    import pyarrow as pa

    try:
        data: Any = pa.Table.from_pandas(df, preserve_index=False)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, ValueError):
        data = df  # mixed-type object columns: let ibis convert them
    with quiet():
        return ibis.memtable(data)


def _distinct_events(table: Any, event_col: str) -> list[str]:
    with quiet():
        values = table.select(_e=table[event_col].cast("string")).distinct().to_pyarrow()
    return [str(v) for v in values.column("_e").to_pylist() if v is not None]


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Silence ibis 12's pandas-4 deprecation notice (not the student's business)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*future.infer_string.*")
        warnings.filterwarnings("ignore", message=".*fetch_arrow_table.*deprecated.*")
        yield
