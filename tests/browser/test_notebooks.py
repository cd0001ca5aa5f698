"""Every student notebook of every module, opened in JupyterLab and run like a student would.

Per notebook: Run All; no error output except the ✘ verdicts of the (unanswered) check cells;
every widget and every chart drawn; one interaction per widget type changes what is shown; no
request leaves the machine. Modules are discovered with ``list_modules``.
"""

from __future__ import annotations

import contextlib
import re

import pytest

from tests.browser.conftest import ARTIFACTS, add_stage, screenshot

# --------------------------------------------------------------------------- discovery


def _student_notebooks() -> list[str]:
    from cjcourse.course import find_course_dir, list_modules

    try:
        modules = list_modules(find_course_dir())
    except Exception:  # pragma: no cover - reported by the course tests
        return []
    return [f"{m.name}/{nb.name}" for m in modules for nb in m.notebooks]


NOTEBOOKS = _student_notebooks()

# --------------------------------------------------------------------------- JupyterLab waits

READY = """() => {
  const app = window.jupyterapp;
  if (!app || !app.shell) return false;
  const nb = app.shell.currentWidget;
  if (!nb || !nb.context || !nb.context.isReady || !nb.sessionContext) return false;
  if (!nb.sessionContext.isReady) return false;
  const k = nb.sessionContext.session && nb.sessionContext.session.kernel;
  return !!k && k.connectionStatus === 'connected' && k.status === 'idle';
}"""

RUN_ALL = """async () => {
  const app = window.jupyterapp;
  await app.restored;
  const nb = app.shell.currentWidget;
  await nb.context.ready;
  await nb.sessionContext.ready;
  await app.commands.execute('notebook:run-all-cells');
  return true;
}"""

CHART_SELECTOR = (
    ".vega-embed svg, .vega-embed canvas, .jp-RenderedSVG svg, .jp-RenderedHTMLCommon svg, "
    ".jupyter-widgets svg, .jp-RenderedImage img, .jp-RenderedSVG img, img.cjcourse-chart"
)

# Every code cell: its source, tags, outputs (model) and what its output area shows (DOM).
# Each cell node gets data-cell="<index>" so Playwright can find it again.
CELLS = """(selector) => {
  const nb = window.jupyterapp.shell.currentWidget.content;
  return nb.widgets.map((c, index) => {
    c.node.setAttribute('data-cell', String(index));
    if (c.model.type !== 'code') return null;
    const node = c.outputArea ? c.outputArea.node : null;
    const q = s => node ? node.querySelectorAll(s).length : 0;
    return {
      index,
      source: c.model.sharedModel.getSource(),
      tags: (c.model.getMetadata('tags') || []),
      executed: c.model.executionCount,
      outputs: c.model.outputs.toJSON(),
      widgets: q('.jupyter-widgets'),
      widgetErrors: node ? (node.innerText.match(/Error displaying widget/g) || []).length : 0,
      // a chart image counts once the browser has decoded it (a broken SVG has no size)
      charts: node ? [...node.querySelectorAll(selector)]
                       .filter(e => e.tagName !== 'IMG' || (e.complete && e.naturalWidth > 0))
                       .length : 0,
      text: node ? node.innerText : '',
    };
  }).filter(c => c !== null);
}"""

# True once every chart output and every widget view is drawn (vega-embed and widget views draw
# asynchronously, after the kernel is idle).
DRAWN = """(selector) => {
  const nb = window.jupyterapp.shell.currentWidget.content;
  return nb.widgets.every(c => {
    if (c.model.type !== 'code' || !c.outputArea) return true;
    const node = c.outputArea.node;
    for (const o of c.model.outputs.toJSON()) {
      const d = o.data || {};
      const html = [].concat(d['text/html'] || []).join('');
      const chart = d['image/svg+xml'] || d['image/png'] || html.includes('vega-embed')
                    || html.includes('<svg') || html.includes('cjcourse-chart');
      if (chart && !node.querySelector(selector)) return false;
      if (d['application/vnd.jupyter.widget-view+json'] && !node.querySelector('.jupyter-widgets'))
        return false;
    }
    return !/Loading widget|Cargando widget/.test(node.innerText);
  });
}"""

WIDGET_RE = re.compile(r"\b([A-Z]\w+(?:Builder|Explorer|Finder))\(")


def _is_expected_check_failure(cell: dict, output: dict) -> bool:
    return output.get("ename") == "CheckFailed" and "raises-exception" in cell["tags"]


def _shows_chart(output: dict) -> bool:
    data = output.get("data", {})
    html = "".join(data.get("text/html", ""))
    return (
        "image/svg+xml" in data
        or "image/png" in data
        or any(mark in html for mark in ("vega-embed", "<svg", "cjcourse-chart"))
    )


CLOSE_ALL = """async () => {
  const app = window.jupyterapp;
  if (!app) return;
  for (const s of [...app.serviceManager.sessions.running()]) {
    await app.serviceManager.sessions.shutdown(s.id);
  }
  await app.commands.execute('application:close-all');
}"""


@pytest.fixture
def lab_page(page):
    yield page
    with contextlib.suppress(Exception):
        page.evaluate(CLOSE_ALL)


def open_and_run(page, lab, notebook: str, timeout_ms: int = 120_000) -> list[dict]:
    page.goto(lab.url(f"lab/tree/{notebook}"))
    page.wait_for_function(READY, timeout=timeout_ms, polling=250)
    page.evaluate(RUN_ALL)
    page.wait_for_function(READY, timeout=timeout_ms, polling=250)
    # outputs are drawn asynchronously (widget views, vega-embed): wait until none is pending
    with contextlib.suppress(Exception):
        page.wait_for_function(DRAWN, arg=CHART_SELECTOR, timeout=20_000, polling=500)
    return page.evaluate(CELLS, CHART_SELECTOR)


# --------------------------------------------------------------------------- interactions


def _widget_output(page, cell_index: int):
    return page.locator(f'[data-cell="{cell_index}"] .jp-OutputArea').first


def interact_builder(page, out) -> None:
    """Module 3's builder: add a stage; the stage list and the summary show it."""
    add_stage(page, out, "recomendación boca a boca")


def _changed(page, out, before: str, timeout_ms: int = 10_000) -> bool:
    try:
        page.wait_for_function(
            "([el, t]) => el.innerText !== t",
            arg=[out.element_handle(), before],
            timeout=timeout_ms,
        )
    except Exception:
        return False
    return True


def interact_generic(page, out) -> str:
    """A measuring widget: change its first control that changes what is shown.

    Tries the drop-downs, then the toggle buttons, then a slider moved with the keyboard;
    returns what it did (for the failure message).
    """
    tried = []
    selects = out.locator("select")
    for i in range(min(selects.count(), 3)):
        sel = selects.nth(i)
        current = sel.input_value()
        others = [
            v
            for v in sel.locator("option").evaluate_all("os => os.map(o => o.value)")
            if v != current
        ]
        if not others:
            continue
        before = out.inner_text()
        sel.select_option(others[0])
        tried.append(f"select #{i}")
        if _changed(page, out, before):
            return tried[-1]
    toggles = out.locator(".widget-toggle-buttons button:not(.mod-active)")
    if toggles.count():
        before = out.inner_text()
        toggles.first.click()
        tried.append("toggle button")
        if _changed(page, out, before):
            return tried[-1]
    sliders = out.locator("input[type=range]")
    if sliders.count():
        before = out.inner_text()
        sliders.first.focus()
        sliders.first.press("ArrowRight")
        tried.append("slider")
        if _changed(page, out, before):
            return tried[-1]
    raise AssertionError(f"no control changed what the widget shows (tried: {tried})")


# --------------------------------------------------------------------------- the test


@pytest.mark.skipif(not NOTEBOOKS, reason="no course modules found")
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_and_draws_in_jupyterlab(lab_page, lab, notebook):
    page = lab_page
    cells = open_and_run(page, lab, notebook)
    name = notebook.replace("/", "__").removesuffix(".ipynb")
    screenshot(page, name)

    problems = []
    for cell in cells:
        where = f"cell {cell['index']} ({cell['source'][:60]!r})"
        for output in cell["outputs"]:
            if output.get("output_type") == "error" and not _is_expected_check_failure(
                cell, output
            ):
                problems.append(f"{where}: {output.get('ename')}: {output.get('evalue')}")
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                text = "".join(output.get("text", ""))
                if re.search(r"Traceback|Error\b", text):
                    problems.append(f"{where}: stderr {text[:200]!r}")
        has_widget_output = any(
            "application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in cell["outputs"]
        )
        if has_widget_output and (cell["widgets"] == 0 or cell["widgetErrors"]):
            problems.append(f"{where}: widget not drawn ({cell['text'][:120]!r})")
        if WIDGET_RE.search(cell["source"]) and not has_widget_output and cell["executed"]:
            problems.append(f"{where}: creates a widget but shows none")
        if any(_shows_chart(o) for o in cell["outputs"]) and cell["charts"] == 0:
            problems.append(f"{where}: chart output but nothing drawn")
    if problems and page.recorder.page_errors:
        problems.append(
            f"JavaScript errors on the page: {sorted(set(page.recorder.page_errors))[:5]}"
        )
    assert not problems, f"{notebook}:\n" + "\n".join(problems)

    # one interaction per widget type in this notebook
    seen: set[str] = set()
    for cell in cells:
        match = WIDGET_RE.search(cell["source"])
        has_view = any(
            "application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in cell["outputs"]
        )
        if not match or not has_view or match.group(1) in seen:
            continue
        kind = match.group(1)
        seen.add(kind)
        out = _widget_output(page, cell["index"])
        out.scroll_into_view_if_needed()
        if kind == "JourneyMapBuilder":
            interact_builder(page, out)
        else:
            interact_generic(page, out)
        out.screenshot(path=str(ARTIFACTS / f"{name}__{kind}.png"))

    remote = page.recorder.remote()
    assert not remote, f"requests left the machine: {remote[:5]}"
