"""Message catalogues: every text a student reads comes from here (Spanish by default, English too).

The catalogues live in :mod:`cjcourse.i18n.catalogues`, one module per area, each with an ``ES``
and an ``EN`` dict. Add a module there and its messages are found automatically.

>>> t("check.ok")
'¡Correcto!'
>>> t("check.ok", lang="en")
'Correct!'
>>> t("no.such.key", default="fallback")
'fallback'
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from typing import Any

from cjcourse.i18n import catalogues as _catalogues

__all__ = ["LANGUAGES", "catalogue_sources", "get_language", "set_language", "t"]

LANGUAGES: dict[str, dict[str, str]] = {"es": {}, "en": {}}
#: key -> name of the catalogue module that defines it (for the duplicate-key test).
catalogue_sources: dict[str, list[str]] = {}

for _info in pkgutil.iter_modules(_catalogues.__path__):
    _mod = importlib.import_module(f"{_catalogues.__name__}.{_info.name}")
    for _lang, _attr in (("es", "ES"), ("en", "EN")):
        _messages = getattr(_mod, _attr, {})
        LANGUAGES[_lang].update(_messages)
        if _lang == "es":
            for _key in _messages:
                catalogue_sources.setdefault(_key, []).append(_info.name)

_current: str | None = None


def get_language() -> str:
    """The active language: :func:`set_language`, else ``$CJCOURSE_LANG``, else Spanish."""
    if _current:
        return _current
    env = os.environ.get("CJCOURSE_LANG", "es").split("_")[0].lower()
    return env if env in LANGUAGES else "es"


def set_language(lang: str | None) -> None:
    """Switch the language for this process (``None`` goes back to the default)."""
    global _current
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(
            f"Idioma desconocido {lang!r}. Idiomas disponibles: {', '.join(LANGUAGES)}."
        )
    _current = lang


def t(key: str, *, lang: str | None = None, default: str | None = None, **kwargs: Any) -> str:
    """Translate ``key`` and fill in ``{placeholders}``; falls back to Spanish, then ``default``."""
    template = LANGUAGES[lang or get_language()].get(key) or LANGUAGES["es"].get(key)
    if template is None:
        if default is not None:
            return default
        raise KeyError(f"missing message {key!r} in the catalogue")
    return template.format(**kwargs) if kwargs else template
