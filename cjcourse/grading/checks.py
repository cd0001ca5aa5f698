"""Checks that run inside the course notebooks' locked check cells.

Every check looks the student's answer up by *name* in the notebook's namespace, so a missing
variable gives a Spanish explanation instead of a ``NameError``. Expected answers are stored as
salted hashes: the check can say *what* is wrong (type, missing item, which rows) without
printing the right answer in the student's copy.

A failed check raises :class:`CheckFailed` (an ``AssertionError``): nbgrader then gives the cell
zero points, and in Jupyter the student sees one short red line instead of a traceback.
A passed check prints one line starting with ``✔`` and returns ``None`` (a returned number would
be read by nbgrader as partial credit).

Authoring: compute the hashes with :func:`answer_hash` (or :func:`answer_hashes` for tables
and classifications), using a salt unique to the question, for example its grade id.

>>> h = answer_hash("b", salt="m1_p1")
>>> len(h)
16
>>> answer_hash(" B ", salt="m1_p1") == h   # case and spaces do not matter
True
>>> answer_hash("Consideracion", salt="x") == answer_hash("consideración", salt="x")
True
"""

from __future__ import annotations

import hashlib
import math
import sys
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from cjcourse.i18n import t

__all__ = [
    "CheckFailed",
    "answer_hash",
    "answer_hashes",
    "check_choice",
    "check_choices",
    "check_mapping",
    "check_number",
    "check_table",
    "check_text",
    "normalise",
]

_MISSING = object()


class CheckFailed(AssertionError):
    """A student's answer did not pass a check; the message says why, in the student's language."""


# --------------------------------------------------------------------------- normalising and hashing


def normalise(value: Any) -> str:
    """Canonical text form of an answer: lower case, no accents, single spaces.

    >>> normalise("  Poscompra ")
    'poscompra'
    >>> normalise("Redes   Sociales")
    'redes sociales'
    >>> normalise(70.0)
    '70'
    >>> normalise(["b", "A"])
    'a|b'
    """
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value == int(value):
            return str(int(value))
        return repr(value)
    if isinstance(value, (set, frozenset, list, tuple)):
        return "|".join(sorted(normalise(v) for v in value))
    text = unicodedata.normalize("NFKD", str(value))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.casefold().split())


def answer_hash(value: Any, *, salt: str) -> str:
    """Salted SHA-256 of the normalised answer (16 hex digits)."""
    digest = hashlib.sha256(f"cjcourse:{salt}:{normalise(value)}".encode())
    return digest.hexdigest()[:16]


def answer_hashes(expected: Mapping[str, Any], *, salt: str) -> dict[str, str]:
    """Hash every value of a mapping, salting each with its key (for classifications, tables).

    >>> hs = answer_hashes({"Anuncio en Instagram": "conciencia"}, salt="m1_p3")
    >>> list(hs)
    ['Anuncio en Instagram']
    """
    return {
        key: answer_hash(value, salt=f"{salt}:{normalise(key)}") for key, value in expected.items()
    }


# --------------------------------------------------------------------------- looking answers up


_PACKAGE_DIR = str(Path(__file__).resolve().parent.parent)


def _lookup(name: str) -> Any:
    """Find ``name`` in the namespace of the notebook (or test) that called a check.

    Frames of code inside the cjcourse package are skipped (by file, so check modules can call
    each other and a doctest of a cjcourse module, compiled as ``<doctest …>``, still counts
    as the caller).
    """
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE_DIR):
        frame = frame.f_back
    namespace = frame.f_globals if frame is not None else {}
    if name not in namespace:
        raise CheckFailed(t("check.missing_variable", name=name))
    return namespace[name]


def _ok(message_key: str = "check.ok", **kwargs: Any) -> None:
    print("✔ " + t(message_key, **kwargs))


def _type_name(value: Any) -> str:
    return t("type." + type(value).__name__, default=type(value).__name__)


def _require_answered(name: str, value: Any, example: str) -> None:
    if value is None or value is Ellipsis:
        raise CheckFailed(t("check.not_answered", name=name, example=example))


# --------------------------------------------------------------------------- single values


def check_choice(
    name: str, *, options: Iterable[str], expected: str, salt: str, hint: str = ""
) -> None:
    """One option among several, written as text (for example the letter ``"b"``).

    ``expected`` is ``answer_hash(right_option, salt=salt)``.
    """
    options = [str(o) for o in options]
    value = _lookup(name)
    _require_answered(name, value, example=f'{name} = "{options[0]}"')
    if not isinstance(value, str):
        raise CheckFailed(
            t("check.choice_not_text", name=name, kind=_type_name(value), example=options[0])
        )
    allowed = {normalise(o) for o in options}
    if normalise(value) not in allowed:
        raise CheckFailed(
            t("check.choice_unknown", name=name, value=value, options=", ".join(options))
        )
    if answer_hash(value, salt=salt) != expected:
        raise CheckFailed(t("check.choice_wrong", name=name, value=value, hint=_hint(hint)))
    _ok()


def check_choices(
    name: str, *, options: Iterable[str], expected: str, salt: str, hint: str = ""
) -> None:
    """Several options at once (a list of letters): all right ones and no wrong one.

    ``expected`` is ``answer_hash(sorted_list_of_right_options, salt=salt)``; the check also
    tells how many were chosen without telling which are right.
    """
    options = [str(o) for o in options]
    value = _lookup(name)
    _require_answered(name, value, example=f'{name} = ["{options[0]}", "{options[-1]}"]')
    if isinstance(value, str) or not isinstance(value, (list, tuple, set, frozenset)):
        raise CheckFailed(t("check.choices_not_list", name=name, kind=_type_name(value)))
    chosen = [normalise(v) for v in value]
    allowed = {normalise(o) for o in options}
    unknown = [str(v) for v, n in zip(value, chosen, strict=True) if n not in allowed]
    if unknown:
        raise CheckFailed(
            t(
                "check.choice_unknown",
                name=name,
                value=", ".join(unknown),
                options=", ".join(options),
            )
        )
    if len(set(chosen)) != len(chosen):
        raise CheckFailed(t("check.choices_repeated", name=name))
    if not chosen:
        raise CheckFailed(t("check.choices_empty", name=name))
    if answer_hash(sorted(chosen), salt=salt) != expected:
        raise CheckFailed(t("check.choices_wrong", name=name, n=len(chosen), hint=_hint(hint)))
    _ok()


def check_number(
    name: str, *, expected: str, salt: str, decimals: int = 0, unit: str = "", hint: str = ""
) -> None:
    """A number, compared after rounding to ``decimals`` places (hash of the rounded value)."""
    value = _lookup(name)
    _require_answered(name, value, example=f"{name} = 42")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        if isinstance(value, str):
            raise CheckFailed(t("check.number_is_text", name=name, value=value))
        raise CheckFailed(t("check.number_wrong_type", name=name, kind=_type_name(value)))
    if not math.isfinite(value):
        raise CheckFailed(t("check.number_not_finite", name=name))
    rounded = round(float(value), decimals)
    if answer_hash(rounded, salt=salt) != expected:
        raise CheckFailed(
            t("check.number_wrong", name=name, value=value, unit=unit, hint=_hint(hint))
        )
    _ok()


def check_text(name: str, *, min_words: int = 10) -> None:
    """A free-text answer stored in a variable: only checks that it is really there.

    The content is graded by hand; this check just keeps an empty answer from looking done.
    """
    value = _lookup(name)
    _require_answered(name, value, example=f'{name} = "…"')
    if not isinstance(value, str):
        raise CheckFailed(t("check.text_not_text", name=name, kind=_type_name(value)))
    words = len(value.split())
    if words < min_words:
        raise CheckFailed(t("check.text_too_short", name=name, words=words, min_words=min_words))
    _ok("check.text_ok", words=words)


# --------------------------------------------------------------------------- classifications and tables


def check_mapping(
    name: str,
    *,
    expected: Mapping[str, str],
    salt: str,
    allowed: Iterable[str] | None = None,
    hint: str = "",
) -> None:
    """A dict that classifies items (keys) into categories (values), e.g. touchpoints into stages.

    ``expected`` is ``answer_hashes(right_mapping, salt=salt)``. The message names the items that
    are wrong (so the student knows where to look) but never the right category.
    """
    value = _lookup(name)
    _require_answered(name, value, example=f'{name} = {{"…": "…"}}')
    if not isinstance(value, Mapping):
        raise CheckFailed(t("check.mapping_not_dict", name=name, kind=_type_name(value)))
    _compare_cells(name, dict(value), expected, salt=salt, allowed=allowed, hint=hint)


def check_table(
    name: str,
    *,
    key_col: str,
    value_col: str,
    expected: Mapping[str, str],
    salt: str,
    allowed: Iterable[str] | None = None,
    hint: str = "",
) -> None:
    """A small pandas table where the student fills ``value_col`` for each row named by ``key_col``."""
    import pandas as pd

    value = _lookup(name)
    _require_answered(name, value, example=f"{name} = pd.DataFrame(…)")
    if not isinstance(value, pd.DataFrame):
        raise CheckFailed(t("check.table_not_frame", name=name, kind=_type_name(value)))
    for col in (key_col, value_col):
        if col not in value.columns:
            raise CheckFailed(
                t(
                    "check.table_missing_column",
                    name=name,
                    column=col,
                    found=", ".join(map(str, value.columns)),
                )
            )
    if value[key_col].duplicated().any():
        dup = value.loc[value[key_col].duplicated(), key_col].iloc[0]
        raise CheckFailed(t("check.table_duplicate_row", name=name, row=dup))
    cells = {
        str(k): (None if pd.isna(v) else v)
        for k, v in zip(value[key_col], value[value_col], strict=True)
    }
    _compare_cells(name, cells, expected, salt=salt, allowed=allowed, hint=hint, column=value_col)


def _compare_cells(
    name: str,
    given: dict[str, Any],
    expected: Mapping[str, str],
    *,
    salt: str,
    allowed: Iterable[str] | None,
    hint: str,
    column: str | None = None,
) -> None:
    by_norm = {normalise(k): k for k in given}
    missing = [k for k in expected if normalise(k) not in by_norm]
    if missing:
        raise CheckFailed(t("check.mapping_missing_keys", name=name, keys=_quote(missing)))
    extra = [k for k in given if normalise(k) not in {normalise(e) for e in expected}]
    if extra:
        raise CheckFailed(t("check.mapping_extra_keys", name=name, keys=_quote(extra)))
    empty = [k for k in expected if given[by_norm[normalise(k)]] in (None, "", Ellipsis)]
    if empty:
        raise CheckFailed(t("check.mapping_empty", name=name, keys=_quote(empty), n=len(empty)))
    if allowed is not None:
        allowed_list = [str(a) for a in allowed]
        allowed_norm = {normalise(a) for a in allowed_list}
        bad = [
            f"{k} → {given[by_norm[normalise(k)]]!r}"
            for k in expected
            if normalise(given[by_norm[normalise(k)]]) not in allowed_norm
        ]
        if bad:
            raise CheckFailed(
                t(
                    "check.mapping_not_allowed",
                    name=name,
                    items="; ".join(bad),
                    allowed=", ".join(allowed_list),
                )
            )
    wrong = [
        k
        for k, h in expected.items()
        if answer_hash(given[by_norm[normalise(k)]], salt=f"{salt}:{normalise(k)}") != h
    ]
    if wrong:
        raise CheckFailed(
            t(
                "check.mapping_wrong",
                name=name,
                right=len(expected) - len(wrong),
                total=len(expected),
                keys=_quote(wrong),
                hint=_hint(hint),
            )
        )
    _ok("check.mapping_ok", total=len(expected))


def _quote(items: Iterable[Any]) -> str:
    return ", ".join(f"«{i}»" for i in items)


def _hint(hint: str) -> str:
    return f" {t('check.hint_prefix')} {hint}" if hint else ""


def _install_short_tracebacks() -> None:
    """In IPython, show a failed check as one readable line instead of a long traceback.

    The cell still ends in an error, so nbgrader and ``cjcourse check`` both see the failure.
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is always there with the course deps
        return
    shell = get_ipython()
    if shell is None:
        return

    def _short(shell, etype, value, tb, tb_offset=None):
        stb = [f"\x1b[31m✘ {value}\x1b[0m"]
        # IPython does not display what a custom handler returns: send the error output
        # ourselves. Without it the cell would look successful and nbgrader would give it
        # full marks (tests/test_selfcheck.py and the nbgrader course tests guard this).
        shell._showtraceback(etype, value, stb)
        return stb

    shell.set_custom_exc((CheckFailed,), _short)


_install_short_tracebacks()
