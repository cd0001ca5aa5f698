"""Message catalogues: every text a student reads comes from here (Spanish by default, English too).

>>> t("check.ok")
'¡Correcto!'
>>> t("check.ok", lang="en")
'Correct!'
>>> t("no.such.key", default="fallback")
'fallback'
"""

from __future__ import annotations

import os
from typing import Any

from cjcourse.i18n.en import MESSAGES as _EN
from cjcourse.i18n.es import MESSAGES as _ES

__all__ = ["LANGUAGES", "get_language", "set_language", "t"]

LANGUAGES: dict[str, dict[str, str]] = {"es": _ES, "en": _EN}
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
    catalogue = LANGUAGES[lang or get_language()]
    template = catalogue.get(key) or _ES.get(key)
    if template is None:
        if default is not None:
            return default
        raise KeyError(f"missing message {key!r} in the catalogue")
    return template.format(**kwargs) if kwargs else template
