import string

import pytest

from cjcourse import i18n
from cjcourse.i18n import set_language, t


def _placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_key_exists_in_both_languages():
    es, en = i18n.LANGUAGES["es"], i18n.LANGUAGES["en"]
    assert set(es) == set(en), f"only es: {set(es) - set(en)}; only en: {set(en) - set(es)}"


def test_translations_use_the_same_placeholders():
    es, en = i18n.LANGUAGES["es"], i18n.LANGUAGES["en"]
    mismatched = [k for k in es if _placeholders(es[k]) != _placeholders(en[k])]
    assert not mismatched


def test_no_key_is_defined_in_two_catalogues():
    assert {k: v for k, v in i18n.catalogue_sources.items() if len(v) > 1} == {}


def test_language_switch_and_env(monkeypatch):
    monkeypatch.setenv("CJCOURSE_LANG", "en_GB")
    assert t("check.ok") == "Correct!"
    set_language("es")
    try:
        assert t("check.ok") == "¡Correcto!"
    finally:
        set_language(None)


def test_unknown_language_is_explained_in_spanish():
    with pytest.raises(ValueError, match="Idiomas disponibles"):
        set_language("fr")
