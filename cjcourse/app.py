"""``cjcourse app``: the journey-map builder and the measuring explorers as a web app (Voilà).

For people who do not want to see code: Voilà runs the notebook(s) in ``cjcourse/apps/`` and shows
only their widgets. Everything stays on the machine: the server listens on 127.0.0.1, the page
uses the ``cjcourse`` Voilà template (the "lab" template without its FontAwesome CDN links), and
nbgrader's JupyterLab extension, which the course environment also holds, is not loaded.

The kernel reads the language (``CJCOURSE_LANG``) and the folder for maps and exports
(``CJCOURSE_APP_DIR``) from its environment.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

from cjcourse.errors import UserError
from cjcourse.i18n import get_language, t

__all__ = [
    "APPS_DIR",
    "DEFAULT_APP_PORT",
    "add_app_parser",
    "app_environment",
    "app_notebooks",
    "default_app_dir",
    "voila_command",
]

APPS_DIR = Path(__file__).resolve().parent / "apps"
#: Voilà's usual port; `cjcourse start` uses 8888, so both can run at once.
DEFAULT_APP_PORT = 8866
VOILA_TEMPLATE = "cjcourse"
NBGRADER_LAB_EXTENSION = "@jupyter/nbgrader"


def app_notebooks() -> list[Path]:
    """The app notebooks shipped with the package, sorted."""
    return sorted(APPS_DIR.glob("*.ipynb"))


def default_app_dir() -> Path:
    """``<workspace>/app``: next to the student's course copy (``$CJCOURSE_WORKSPACE``)."""
    from cjcourse.workspace import default_workspace

    return default_workspace() / "app"


def voila_command(
    target: Path, port: int, *, open_browser: bool = False, lang: str = "es"
) -> list[str]:
    """The Voilà command line: loopback only, fixed port, offline template, no nbgrader.

    ``lang`` is the page's ``<html lang>``: screen readers pick their voice from it.
    """
    return [
        sys.executable,
        "-m",
        "voila",
        str(target),
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        "--Voila.port_retries=0",
        f"--Voila.open_browser={open_browser}",
        f"--template={VOILA_TEMPLATE}",
        "--theme=light",
        f"--VoilaExporter.language_code={lang}",
        "--show_tracebacks=False",
        f"--VoilaConfiguration.extension_denylist=['{NBGRADER_LAB_EXTENSION}']",
        # the page serves nothing but the app (no files from the notebook's folder)
        "--VoilaConfiguration.file_allowlist=[]",
    ]


def app_environment(lang: str, app_dir: Path) -> dict[str, str]:
    """Environment of the Voilà server and its kernels: language, folder, template path."""
    share = str(APPS_DIR / "share")
    jupyter_path = [share, *filter(None, os.environ.get("JUPYTER_PATH", "").split(os.pathsep))]
    return dict(
        os.environ,
        CJCOURSE_LANG=lang,
        CJCOURSE_APP_DIR=str(app_dir),
        JUPYTER_PATH=os.pathsep.join(jupyter_path),
    )


def cmd_app(args: argparse.Namespace) -> int:
    from cjcourse.cli import choose_port

    if importlib.util.find_spec("voila") is None:
        raise UserError(t("app.voila_missing"))
    notebooks = app_notebooks()
    target = notebooks[0] if len(notebooks) == 1 else APPS_DIR
    port = choose_port(args.port) if args.port is not None else _first_free(DEFAULT_APP_PORT)
    app_dir = Path(args.dir).expanduser() if args.dir else default_app_dir()
    app_dir.mkdir(parents=True, exist_ok=True)
    print(t("app.starting", url=f"http://127.0.0.1:{port}/"))
    print(t("app.folder", path=app_dir))
    print(t("app.how_to_stop"), flush=True)
    lang = get_language()
    cmd = voila_command(target, port, open_browser=not args.no_browser, lang=lang)
    env = app_environment(lang, app_dir)
    if os.name == "posix":
        os.chdir(app_dir)
        os.execve(sys.executable, cmd, env)  # the server takes this process's PID and Ctrl+C
    return subprocess.call(cmd, env=env, cwd=app_dir)  # pragma: no cover - Windows


def _first_free(first: int) -> int:
    from cjcourse.cli import _port_is_free

    for port in range(first, first + 50):
        if _port_is_free(port):
            return port
    raise UserError(t("cli.no_free_port", first=first, last=first + 49))


def add_app_parser(sub: argparse._SubParsersAction) -> None:
    """``cjcourse app [--port N] [--no-browser] [--dir CARPETA] [--lang es|en]``."""
    app = sub.add_parser("app", help=t("app.help"), description=t("app.help"))
    app.add_argument("--port", type=int, help=t("app.help_port"))
    app.add_argument("--no-browser", action="store_true", help=t("cli.help_no_browser"))
    app.add_argument("--dir", help=t("app.help_dir"))
    app.add_argument(
        "--lang", choices=["es", "en"], help=t("cli.help_lang"), default=argparse.SUPPRESS
    )
    app.set_defaults(func=cmd_app)
