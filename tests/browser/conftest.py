"""Browser tests: one real JupyterLab (and Voilà) on 127.0.0.1, driven by Debian's Chromium.

One JupyterLab serves a fresh student workspace for the whole session and is stopped by PID at
the end. Every page records its requests, so a test can assert that nothing left the machine.
Screenshots go to ``artifacts/browser/`` (git-ignored). Skipped, with the reason, when Chromium
or Playwright is missing. Recipes: /work/shared/STACK.md (waits that proved reliable).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CJCOURSE_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "browser"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None

if sync_playwright is None:
    _SKIP = "playwright is not installed (pip install playwright; never `playwright install`)"
elif not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
    _SKIP = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
else:
    _SKIP = ""


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            if _SKIP:
                item.add_marker(pytest.mark.skip(reason=_SKIP))


# --------------------------------------------------------------------------- servers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, proc: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=3):
                return
        except urllib.error.HTTPError:  # it answers (e.g. 404): it is up
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.3)
    raise TimeoutError(f"server did not answer {url} within {timeout} s")


def stop(proc: subprocess.Popen) -> None:
    """Stop a server started with ``start_new_session=True`` by its PID (its process group)."""
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def is_local(url: str) -> bool:
    if url.startswith(("data:", "blob:", "about:")):
        return True
    host = urllib.parse.urlsplit(url).hostname or ""
    return host in LOCAL_HOSTS or f"[{host}]" in LOCAL_HOSTS


class Lab:
    def __init__(self, workspace: Path, port: int, token: str, proc: subprocess.Popen) -> None:
        self.workspace, self.port, self.token, self.proc = workspace, port, token, proc

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path.lstrip('/')}?token={self.token}"


@pytest.fixture(scope="session")
def course_dir() -> Path:
    from cjcourse.course import find_course_dir

    return find_course_dir()


@pytest.fixture(scope="session")
def student_workspace(tmp_path_factory: pytest.TempPathFactory, course_dir: Path) -> Path:
    from cjcourse.workspace import prepare_workspace

    report = prepare_workspace(tmp_path_factory.mktemp("browser") / "mi-curso", course_dir)
    return report.workspace


@pytest.fixture(scope="session")
def lab(student_workspace: Path, tmp_path_factory: pytest.TempPathFactory):
    from cjcourse.lab import lab_command, student_environment

    port, token = free_port(), secrets.token_hex(16)
    env = student_environment(student_workspace, "es")
    # all cells rendered (no virtual scrolling): every output can be inspected in the DOM
    tracker = (
        Path(env["JUPYTER_CONFIG_DIR"], "lab", "user-settings", "@jupyterlab")
        / "notebook-extension"
        / "tracker.jupyterlab-settings"
    )
    tracker.parent.mkdir(parents=True, exist_ok=True)
    tracker.write_text(json.dumps({"windowingMode": "none"}), encoding="utf-8")
    cmd = lab_command(student_workspace, port, token, open_browser=False)
    cmd += ["--LabApp.expose_app_in_browser=True"]
    log = (tmp_path_factory.mktemp("lablog") / "lab.log").open("w")
    proc = subprocess.Popen(
        cmd, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        wait_http(f"http://127.0.0.1:{port}/api/status?token={token}", proc)
        yield Lab(student_workspace, port, token, proc)
    finally:
        stop(proc)
        log.close()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


class Recorder:
    """What a page asked for and complained about."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []

    def remote(self) -> list[str]:
        return [u for u in self.requests if not is_local(u)]


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="es-ES")
    pg = context.new_page()
    rec = Recorder()
    pg.on("request", lambda r: rec.requests.append(r.url))
    pg.on("console", lambda m: rec.console_errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: rec.page_errors.append(str(e)))
    pg.recorder = rec
    try:
        yield pg
    finally:
        context.close()


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


# --------------------------------------------------------------------------- the journey-map builder


def add_stage(page, root, name: str) -> None:
    """Type a stage name in the builder under ``root`` and press «Añadir etapa»; wait for it."""
    import re

    button = root.get_by_role("button", name=re.compile("Añadir etapa|Add stage"))
    button.first.wait_for(timeout=30_000)
    before = root.inner_text()
    box = root.get_by_label(re.compile(r"^(Nombre de la etapa|Stage name)"))
    box.first.fill(name)
    box.first.press("Enter")  # continuous_update=False: the value is sent on Enter / blur
    button.first.click()
    page.wait_for_function(
        "([el, t]) => el.innerText !== t", arg=[root.element_handle(), before], timeout=20_000
    )
    page.wait_for_function(
        "([el, n]) => el.innerText.includes(n)", arg=[root.element_handle(), name], timeout=20_000
    )


# --------------------------------------------------------------------------- `cjcourse app`


@pytest.fixture(scope="session")
def app_server(tmp_path_factory: pytest.TempPathFactory):
    pytest.importorskip("voila", reason="voila is not installed (pip install voila)")
    app_dir = tmp_path_factory.mktemp("app") / "mapas"
    port = free_port()
    log = (app_dir.parent / "voila.log").open("w")
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cjcourse",
            "app",
            "--no-browser",
            "--port",
            str(port),
            "--dir",
            str(app_dir),
            "--lang",
            "es",
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_http(f"http://127.0.0.1:{port}/api/status", proc, timeout=60)
        yield f"http://127.0.0.1:{port}/", app_dir
    finally:
        stop(proc)
        log.close()


def open_app(page, url: str) -> None:
    page.goto(url, timeout=120_000)
    # Voilà shows the page once every cell has run; the builder's button is the last thing drawn
    page.get_by_role("button", name="Añadir etapa").wait_for(timeout=120_000)
