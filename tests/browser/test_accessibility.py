"""Accessibility: axe-core on the app and on one lesson, and the builder driven by keyboard only.

axe-core comes from the npm registry (``npm install axe-core`` into a temporary folder, once per
session) or from ``$CJCOURSE_AXE_JS``; without it these tests are skipped with the reason. Each
report is written to ``artifacts/browser/axe_<page>.json``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import ARTIFACTS, open_app
from tests.browser.test_notebooks import CLOSE_ALL, open_and_run

AXE_VERSION = "4"
#: WCAG 2.1 A/AA plus axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
expect = pytest.importorskip("playwright.sync_api", reason="playwright is not installed").expect
LESSON = "module3_mapping/01_mapeo.ipynb"

# Serious or critical findings that belong to JupyterLab itself (upstream), not to cjcourse: rule →
# the selector every node of that finding must match. A finding on any other node fails the test.
UPSTREAM_IN_JUPYTERLAB = {
    # the code editors (CodeMirror 6) have role="textbox" and no name
    "aria-input-field-name": ".cm-content",
    # the windowed notebook list's viewport (role="feed") holds cells that are not articles
    "aria-required-children": ".jp-WindowedPanel-viewport",
    # the collapse button next to each Markdown heading has no text
    "button-name": ".jp-collapseHeadingButton",
}


def _serious(by_impact: dict[str, list[dict]], upstream: dict[str, str] | None = None) -> list:
    """Critical/serious findings, minus those whose every node is a known upstream one."""
    upstream = upstream or {}
    found = []
    for impact in ("critical", "serious"):
        for v in by_impact.get(impact, []):
            marker = upstream.get(v["id"])
            if marker and all(marker in " ".join(target) for target in v["targets"]):
                continue
            found.append((v["id"], v["targets"][:3]))
    return found


@pytest.fixture(scope="session")
def axe_js(tmp_path_factory) -> Path:
    env = os.environ.get("CJCOURSE_AXE_JS")
    if env and Path(env).is_file():
        return Path(env)
    npm = shutil.which("npm")
    if npm is None:
        pytest.skip("npm is not installed: cannot get axe-core (or set CJCOURSE_AXE_JS)")
    prefix = tmp_path_factory.mktemp("axe")
    result = subprocess.run(
        [
            npm,
            "install",
            "--no-audit",
            "--no-fund",
            "--prefix",
            str(prefix),
            f"axe-core@{AXE_VERSION}",
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    path = prefix / "node_modules" / "axe-core" / "axe.min.js"
    if result.returncode or not path.is_file():
        pytest.skip(f"npm install axe-core failed: {result.stderr.strip()[-300:]}")
    return path


def run_axe(page, axe_js: Path, name: str, context: str | None = None) -> dict[str, list[dict]]:
    """Run axe on the page (or on ``context``); save the report; violations grouped by impact."""
    page.add_script_tag(path=str(axe_js))
    results = page.evaluate(
        """async ([context, tags]) => await axe.run(context ? document.querySelector(context)
                                                              : document,
                                                    {runOnly: {type: 'tag', values: tags}})""",
        [context, AXE_TAGS],
    )
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    by_impact: dict[str, list[dict]] = {}
    for v in results["violations"]:
        by_impact.setdefault(v["impact"] or "unknown", []).append(
            {
                "id": v["id"],
                "help": v["help"],
                "nodes": len(v["nodes"]),
                "targets": [n["target"] for n in v["nodes"]],
                "why": v["nodes"][0].get("failureSummary", "") if v["nodes"] else "",
            }
        )
    (ARTIFACTS / f"axe_{name}.json").write_text(
        json.dumps(by_impact, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return by_impact


def _summary(by_impact: dict[str, list[dict]]) -> str:
    return "; ".join(
        f"{impact}: " + ", ".join(f"{v['id']}×{v['nodes']}" for v in items)
        for impact, items in sorted(by_impact.items())
    )


def test_app_has_no_serious_accessibility_violations(page, app_server, axe_js):
    """Both tabs and every measuring widget: no critical or serious finding at all."""
    url, _ = app_server
    open_app(page, url)
    assert page.evaluate("document.documentElement.lang") == "es"
    assert page.get_by_role("main").count() == 1
    reports = {"app": run_axe(page, axe_js, "app")}
    page.get_by_role("tab", name="Medición").click()
    inner = page.locator(".widget-tab .widget-tab").first
    tabs = inner.get_by_role("tab")
    for i in range(tabs.count()):
        tab = tabs.nth(i)
        name = tab.inner_text().strip()
        tab.click()
        inner.get_by_role("note").filter(has_text="Lectura").last.wait_for(timeout=30_000)
        reports[f"app_{i + 1}"] = run_axe(page, axe_js, f"app_medicion_{i + 1}")
        print(f"axe app «{name}»:", _summary(reports[f"app_{i + 1}"]))
    print("axe app (map):", _summary(reports["app"]))
    serious = {name: _serious(report) for name, report in reports.items()}
    assert not any(serious.values()), f"serious findings in the app: {serious}"


def test_lesson_widgets_have_no_serious_accessibility_violations(page, lab, axe_js):
    """The lesson's own content (the notebook panel): only JupyterLab's known upstream findings."""
    try:
        open_and_run(page, lab, LESSON)
        by_impact = run_axe(page, axe_js, "lesson_module3", context=".jp-NotebookPanel-notebook")
    finally:
        page.evaluate(CLOSE_ALL)
    print("axe lesson:", _summary(by_impact))
    serious = _serious(by_impact, UPSTREAM_IN_JUPYTERLAB)
    assert not serious, f"axe on {LESSON}, serious findings: {serious}"


def test_builder_works_with_the_keyboard_alone(page, app_server):
    """Tab reaches «Añadir etapa» and Enter presses it: the new stage appears."""
    url, _ = app_server
    open_app(page, url)
    name = page.get_by_label("Nombre de la etapa")
    name.focus()
    page.keyboard.press("Control+A")  # replace the suggested name, as a person would
    page.keyboard.type("boca a boca")
    page.keyboard.press("Enter")  # the text box sends its value on Enter (continuous_update=False)
    for _ in range(10):  # Tab from the stage name to the button, without the mouse
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => document.activeElement && document.activeElement.innerText || ''"
        )
        if re.search("Añadir etapa", focused):
            break
    else:
        pytest.fail("Tab never reached the «Añadir etapa» button")
    page.keyboard.press("Enter")
    expect(page.locator(".widget-tab").first).to_contain_text("boca a boca", timeout=20_000)


def test_emotion_slider_is_named_and_moves_with_the_arrow_keys(page, app_server):
    """The emotion slider is a labelled native range: found by its name, moved by the keyboard."""
    url, _ = app_server
    open_app(page, url)
    slider = page.get_by_role("slider", name="Emoción actual")
    expect(slider).to_have_count(1)
    before = slider.input_value()
    slider.focus()
    page.keyboard.press("ArrowRight")
    expect(slider).not_to_have_value(before)
    expect(slider).to_have_attribute("aria-valuetext", re.compile(r"^[+−-]?\d+(,\d)?$"))
