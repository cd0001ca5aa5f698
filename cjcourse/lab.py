"""How JupyterLab is started for a student: its own Jupyter config inside the workspace.

The course's virtual environment also holds nbgrader, whose JupyterLab extensions (formgrader,
course list, assignment list, "Validate" button) are for instructors and confuse students. The
student server therefore reads its configuration from ``<workspace>/.cjcourse/jupyter``, where
those extensions are switched off. User settings (theme, language) are kept there too, so the
course never changes the student's other Jupyter installations.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

__all__ = ["NBGRADER_SERVER_EXTENSIONS", "lab_command", "student_environment"]

NBGRADER_SERVER_EXTENSIONS = [
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.assignment_list",
    "nbgrader.server_extensions.course_list",
    "nbgrader.server_extensions.validate_assignment",
]
NBGRADER_LAB_EXTENSION = "@jupyter/nbgrader"
#: JupyterLab locale per course language (the Spanish pack is a dependency of the course).
LAB_LOCALES = {"es": "es_ES", "en": "en"}
NEWS_SETTINGS = Path(
    "lab", "user-settings", "@jupyterlab", "apputils-extension", "notification.jupyterlab-settings"
)
DOCMANAGER_SETTINGS = Path(
    "lab", "user-settings", "@jupyterlab", "docmanager-extension", "plugin.jupyterlab-settings"
)
#: Seconds between autosaves (JupyterLab's default is 120): less to lose if the laptop dies.
AUTOSAVE_SECONDS = 30
TRANSLATION_SETTINGS = Path(
    "lab", "user-settings", "@jupyterlab", "translation-extension", "plugin.jupyterlab-settings"
)


def _write_json(path: Path, data: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def student_environment(
    workspace: Path, lang: str = "es", *, lang_explicit: bool = False
) -> dict[str, str]:
    """Environment variables for the student's JupyterLab (writes its small config files).

    The interface language follows ``lang``; a language the student picked later in
    JupyterLab's own menu is kept unless ``--lang`` is given explicitly.
    """
    config_dir = workspace / ".cjcourse" / "jupyter"
    locale_file = config_dir / TRANSLATION_SETTINGS
    # No "get Jupyter news?" pop-up and no update checks: nothing leaves the student's machine.
    _write_json(config_dir / NEWS_SETTINGS, {"fetchNews": "false", "checkForUpdates": False})
    docmanager = config_dir / DOCMANAGER_SETTINGS
    if not docmanager.exists():  # the student may change it later in Settings; keep theirs
        _write_json(docmanager, {"autosave": True, "autosaveInterval": AUTOSAVE_SECONDS})
    if lang_explicit or not locale_file.exists():
        _write_json(locale_file, {"locale": LAB_LOCALES.get(lang, "es_ES")})
    _write_json(
        config_dir / "jupyter_server_config.json",
        {"ServerApp": {"jpserver_extensions": dict.fromkeys(NBGRADER_SERVER_EXTENSIONS, False)}},
    )
    _write_json(
        config_dir / "labconfig" / "page_config.json",
        {"disabledExtensions": {NBGRADER_LAB_EXTENSION: True}},
    )
    # JupyterLab's terminals inherit this PATH: `cjcourse check …` must work there too.
    bindir = str(Path(sys.executable).parent)
    path = os.pathsep.join(
        [bindir, *(p for p in os.environ.get("PATH", "").split(os.pathsep) if p and p != bindir)]
    )
    return dict(os.environ, JUPYTER_CONFIG_DIR=str(config_dir), CJCOURSE_LANG=lang, PATH=path)


def lab_command(
    workspace: Path, port: int, token: str, *, open_browser: bool, default_url: str = "/lab"
) -> list[str]:
    """The JupyterLab command line: loopback only, fixed port, the given token."""
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={workspace}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--LabApp.default_url={default_url}",
        f"--ServerApp.open_browser={open_browser}",
        # One Ctrl+C stops the server (no English y/n prompt the student has 5 s to answer).
        "--ServerApp.answer_yes=True",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")  # containers and CI run as root; JupyterLab refuses otherwise
    return cmd
