"""`cjcourse app` without a browser: the command line, the Voilà command, the app notebook."""

from __future__ import annotations

import json
import sys

import nbformat
import pytest

from cjcourse.app import (
    APPS_DIR,
    app_environment,
    app_notebooks,
    voila_command,
)
from cjcourse.cli import build_parser
from cjcourse.i18n.catalogues import app as app_catalogue


def test_app_catalogue_has_the_same_keys_in_both_languages():
    assert app_catalogue.ES.keys() == app_catalogue.EN.keys()
    assert all(key.startswith("app.") for key in app_catalogue.ES)


def test_the_app_subcommand_parses_its_options():
    args = build_parser().parse_args(
        ["app", "--port", "9001", "--no-browser", "--dir", "/tmp/x", "--lang", "en"]
    )
    assert (args.command, args.port, args.no_browser, args.dir, args.lang) == (
        "app",
        9001,
        True,
        "/tmp/x",
        "en",
    )


def test_voila_listens_on_loopback_offline_and_without_nbgrader(tmp_path):
    cmd = voila_command(tmp_path / "a.ipynb", 9001)
    assert cmd[:3] == [sys.executable, "-m", "voila"]
    assert "--Voila.ip=127.0.0.1" in cmd and "--port=9001" in cmd
    assert "--Voila.open_browser=False" in cmd
    assert "--VoilaConfiguration.extension_denylist=['@jupyter/nbgrader']" in cmd
    assert "--template=cjcourse" in cmd
    assert "--VoilaExporter.language_code=es" in cmd  # <html lang="es">: the screen reader's voice
    assert "--VoilaExporter.language_code=en" in voila_command(tmp_path / "a.ipynb", 1, lang="en")


def test_the_offline_template_drops_the_cdn_links():
    template = APPS_DIR / "share" / "voila" / "templates" / "cjcourse"
    assert json.loads((template / "conf.json").read_text())["base_template"] == "lab"
    assert "cdn.jsdelivr" not in (template / "index.html.j2").read_text()


def test_environment_carries_language_folder_and_template_path(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_PATH", "/elsewhere")
    env = app_environment("en", tmp_path)
    assert env["CJCOURSE_LANG"] == "en" and env["CJCOURSE_APP_DIR"] == str(tmp_path)
    assert env["JUPYTER_PATH"].split(":") == [str(APPS_DIR / "share"), "/elsewhere"]


def test_app_notebooks_show_no_code_and_have_no_outputs():
    notebooks = app_notebooks()
    assert [nb.name for nb in notebooks] == ["mapa_y_medicion.ipynb"]
    nb = nbformat.read(notebooks[0], as_version=4)
    nbformat.validate(nb)
    assert all(c.cell_type == "code" and not c.outputs for c in nb.cells)
    # every word the visitor reads comes from the catalogue
    assert "t('app.title')" in nb.cells[0].source


@pytest.mark.course
def test_app_notebook_runs_headless_and_builds_the_widgets(tmp_path, monkeypatch):
    from nbclient import NotebookClient

    monkeypatch.setenv("CJCOURSE_APP_DIR", str(tmp_path))
    monkeypatch.setenv("CJCOURSE_LANG", "en")
    nb = nbformat.read(app_notebooks()[0], as_version=4)
    NotebookClient(nb, timeout=120, resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = [o for c in nb.cells for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "Customer Journey: map and measurement" in html
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)


# --------------------------------------------------------------------------- every label translated


def _controls(widget) -> list:
    """The widget and everything inside it (boxes, tabs, accordions)."""
    found = [widget]
    for child in getattr(widget, "children", ()) or ():
        found += _controls(child)
    return found


def _labels(widget) -> list[str]:
    labels = []
    for w in _controls(widget):
        description = getattr(w, "description", "")
        if isinstance(description, str) and description.strip():
            labels.append(description)
        labels += [title for title in getattr(w, "titles", ()) or () if title]
    return labels


def _all_widgets():
    from cjcourse.data import load_shop
    from cjcourse.widgets import (
        AttributionExplorer,
        BeforeAfterExplorer,
        FunnelExplorer,
        JourneyMapBuilder,
        PainPointFinder,
        PathExplorer,
        RetentionExplorer,
        SatisfactionExplorer,
        StageModelExplorer,
    )

    shop = load_shop("pequeño", seed=3)
    return {
        "JourneyMapBuilder": JourneyMapBuilder(render="none"),
        "FunnelExplorer": FunnelExplorer(shop.events, render="none"),
        "PathExplorer": PathExplorer(shop.events, render="none"),
        "RetentionExplorer": RetentionExplorer(shop.events, render="none"),
        "SatisfactionExplorer": SatisfactionExplorer(shop.surveys, render="none"),
        "AttributionExplorer": AttributionExplorer(shop.events, render="none"),
        "PainPointFinder": PainPointFinder(shop.events, shop.surveys, render="none"),
        "StageModelExplorer": StageModelExplorer(),
        "BeforeAfterExplorer": BeforeAfterExplorer(),
    }


def _matches_catalogue(label: str, lang: str) -> bool:
    import re

    from cjcourse.i18n import LANGUAGES

    for template in LANGUAGES[lang].values():
        if label == template:
            return True
        if "{" in template:
            pattern = re.sub(r"\\\{\w*\\\}", ".+", re.escape(template))
            if re.fullmatch(pattern, label, flags=re.S):
                return True
    return False


@pytest.fixture(scope="module")
def labels_by_language():
    from cjcourse.i18n import set_language

    out = {}
    try:
        for lang in ("es", "en"):
            set_language(lang)
            out[lang] = {name: _labels(w) for name, w in _all_widgets().items()}
    finally:
        set_language(None)
    return out


@pytest.mark.parametrize(
    "name",
    [
        "JourneyMapBuilder",
        "FunnelExplorer",
        "PathExplorer",
        "RetentionExplorer",
        "SatisfactionExplorer",
        "AttributionExplorer",
        "PainPointFinder",
        "StageModelExplorer",
        "BeforeAfterExplorer",
    ],
)
def test_every_control_label_comes_from_the_catalogue_and_lang_en_switches_it(
    labels_by_language, name
):
    es, en = labels_by_language["es"][name], labels_by_language["en"][name]
    assert es, f"{name} has no labelled controls"
    assert len(es) == len(en)
    not_in_catalogue = [label for label in es if not _matches_catalogue(label, "es")]
    assert not not_in_catalogue, f"{name}: labels not in the Spanish catalogue: {not_in_catalogue}"
    missing_en = [label for label in en if not _matches_catalogue(label, "en")]
    assert not missing_en, f"{name}: labels not in the English catalogue: {missing_en}"
    # a label that reads the same in both languages is fine only when the catalogue says so
    # ("Canal", "Email"…): at least most of them must change with --lang en
    changed = sum(a != b for a, b in zip(es, en, strict=True))
    assert changed >= len(es) / 2, f"{name}: --lang en left {es} untranslated"


def test_the_kernel_language_follows_cjcourse_lang(monkeypatch):
    """`cjcourse start --lang en` / `cjcourse app --lang en` pass CJCOURSE_LANG to the kernel."""
    from cjcourse.i18n import set_language
    from cjcourse.widgets import JourneyMapBuilder

    set_language(None)
    monkeypatch.setenv("CJCOURSE_LANG", "en")
    assert JourneyMapBuilder(render="none").add_stage_button.description == "Add stage"
    monkeypatch.setenv("CJCOURSE_LANG", "es")
    assert JourneyMapBuilder(render="none").add_stage_button.description == "Añadir etapa"
