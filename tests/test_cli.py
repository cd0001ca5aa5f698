"""`cjcourse start` for real: a JupyterLab server on 127.0.0.1 serving the workspace, stopped by PID."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import pytest

CJCOURSE = [sys.executable, "-m", "cjcourse"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str):
    with urllib.request.urlopen(url, timeout=5) as resp:
        return json.load(resp)


def start_lab(workspace: Path, course: Path, port: int) -> tuple[subprocess.Popen, str, list[str]]:
    proc = subprocess.Popen(
        [
            *CJCOURSE,
            "start",
            "--workspace",
            str(workspace),
            "--course",
            str(course),
            "--port",
            str(port),
            "--no-browser",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    lines = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        if "Abriendo JupyterLab en" in line:
            return proc, line.split(" en ", 1)[1].strip(), lines
    proc.kill()
    pytest.fail("cjcourse start never printed the address:\n" + "".join(lines))


def stop(proc: subprocess.Popen) -> None:
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@pytest.mark.server
def test_start_serves_the_workspace_and_a_second_start_keeps_the_edit(demo_course, tmp_path):
    ws = tmp_path / "mi-curso"
    port = free_port()
    proc, url, lines = start_lab(ws, demo_course, port)
    try:
        assert url.startswith(f"http://127.0.0.1:{port}/lab?token=")
        assert any(str(ws) in line for line in lines), "the workspace path is printed"
        token = url.split("token=", 1)[1]
        deadline = time.monotonic() + 60
        while True:
            try:
                listing = get_json(
                    f"http://127.0.0.1:{port}/api/contents/module1_demo?token={token}"
                )
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.5)
        names = {item["name"] for item in listing["content"]}
        assert {"01_leccion.ipynb", "02_ejercicios.ipynb", "datos.csv"} <= names
        # instructors' nbgrader pages are switched off in the student's server
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/formgrader?token={token}", timeout=5)
        assert err.value.code == 404
        # the interface is in Spanish: JupyterLab reads es_ES and the language pack serves it
        settings = get_json(
            f"http://127.0.0.1:{port}/lab/api/settings/"
            f"@jupyterlab/translation-extension:plugin?token={token}"
        )
        assert '"locale": "es_ES"' in settings["raw"]
        bundle = get_json(f"http://127.0.0.1:{port}/lab/api/translations/es_ES?token={token}")
        assert bundle["data"], "the Spanish language pack is installed"
        # one Ctrl+C (SIGINT to the PID cjcourse started) stops the server, no y/n prompt
        os.kill(proc.pid, signal.SIGINT)
        assert proc.wait(timeout=20) is not None
    finally:
        if proc.poll() is None:
            stop(proc)

    # the student edits their notebook between two sessions
    mine = ws / "module1_demo" / "02_ejercicios.ipynb"
    nb = nbformat.read(mine, as_version=4)
    nb.cells[2].source = 'respuesta_1 = "a"  # mi respuesta'
    nbformat.write(nb, mine)
    edited = mine.read_bytes()

    second = subprocess.run(
        [
            *CJCOURSE,
            "start",
            "--workspace",
            str(ws),
            "--course",
            str(demo_course),
            "--prepare-only",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert second.returncode == 0, second.stderr
    assert mine.read_bytes() == edited


@pytest.mark.server
def test_port_in_use_is_explained_and_nothing_is_created(demo_course, tmp_path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = subprocess.run(
            [
                *CJCOURSE,
                "start",
                "--workspace",
                str(tmp_path / "ws"),
                "--course",
                str(demo_course),
                "--port",
                str(port),
                "--no-browser",
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert f"El puerto {port} ya está en uso" in result.stderr and "--port" in result.stderr
    assert not (tmp_path / "ws").exists()


def test_missing_course_folder_is_explained(tmp_path):
    result = subprocess.run(
        [*CJCOURSE, "start", "--course", str(tmp_path / "nada"), "--prepare-only"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "No encuentro la carpeta del curso" in result.stderr


def test_help_is_in_spanish_and_english():
    es = subprocess.run([*CJCOURSE, "--help"], capture_output=True, text=True, timeout=60)
    en = subprocess.run(
        [*CJCOURSE, "--lang", "en", "--help"], capture_output=True, text=True, timeout=60
    )
    assert "comprueba tus respuestas" in es.stdout and "checks your answers" in en.stdout
