"""The student's JupyterLab: its own config, nbgrader's instructor UI off, the course language."""

from __future__ import annotations

import json
import os
from pathlib import Path

from cjcourse.lab import (
    DOCMANAGER_SETTINGS,
    NBGRADER_SERVER_EXTENSIONS,
    NEWS_SETTINGS,
    TRANSLATION_SETTINGS,
    lab_command,
    student_environment,
)


def test_environment_points_jupyter_at_the_workspace_config(tmp_path):
    env = student_environment(tmp_path, "es")
    config = tmp_path / ".cjcourse" / "jupyter"
    assert env["JUPYTER_CONFIG_DIR"] == str(config) and env["CJCOURSE_LANG"] == "es"
    # a terminal opened in JupyterLab finds `cjcourse` (for `cjcourse check`)
    first = env["PATH"].split(os.pathsep)[0]
    assert (Path(first) / "cjcourse").exists()
    server = json.loads((config / "jupyter_server_config.json").read_text())
    assert server["ServerApp"]["jpserver_extensions"] == dict.fromkeys(
        NBGRADER_SERVER_EXTENSIONS, False
    )
    page = json.loads((config / "labconfig" / "page_config.json").read_text())
    assert page["disabledExtensions"] == {"@jupyter/nbgrader": True}
    news = json.loads((config / NEWS_SETTINGS).read_text())
    assert news == {"fetchNews": "false", "checkForUpdates": False}  # nothing leaves the machine
    docs = json.loads((config / DOCMANAGER_SETTINGS).read_text())
    assert docs == {"autosave": True, "autosaveInterval": 30}


def test_lab_language_defaults_to_spanish_and_switches_with_explicit_lang(tmp_path):
    locale = tmp_path / ".cjcourse" / "jupyter" / TRANSLATION_SETTINGS
    student_environment(tmp_path, "es")
    assert json.loads(locale.read_text()) == {"locale": "es_ES"}
    # the student picks English in JupyterLab's menu: a plain restart keeps it …
    locale.write_text(json.dumps({"locale": "en"}))
    student_environment(tmp_path, "es")
    assert json.loads(locale.read_text()) == {"locale": "en"}
    # … and `cjcourse start --lang es` / `--lang en` switches explicitly
    student_environment(tmp_path, "es", lang_explicit=True)
    assert json.loads(locale.read_text()) == {"locale": "es_ES"}
    student_environment(tmp_path, "en", lang_explicit=True)
    assert json.loads(locale.read_text()) == {"locale": "en"}


def test_server_binds_loopback_only_with_a_token(tmp_path):
    cmd = lab_command(tmp_path, 8890, "abc", open_browser=False)
    assert "--ServerApp.ip=127.0.0.1" in cmd and "--IdentityProvider.token=abc" in cmd
    assert "--ServerApp.port_retries=0" in cmd and "--ServerApp.open_browser=False" in cmd
