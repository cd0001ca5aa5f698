#!/usr/bin/env python3
"""One-command setup for cjcourse: needs only python3 (and apt on Debian/Ubuntu).

    python3 make.py start   # install everything (first time) and open the course in JupyterLab
    python3 make.py test    # install everything (first time) and run the whole test suite

Extra arguments are passed on: ``python3 make.py start --workspace ~/curso``,
``python3 make.py test -k workspace``.

The virtual environment lives in ``.venv/`` next to this file. It is rebuilt only when
``pyproject.toml`` or ``constraints.txt`` change, so the second run starts in seconds.
This file uses the standard library only, on purpose: it must run before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("CJCOURSE_VENV", ROOT / ".venv"))
STAMP = VENV / ".cjcourse-installed"
MIN_PYTHON = (3, 11)
#: Debian packages the test suite uses: bubblewrap sandboxes student code while grading,
#: PostgreSQL is the second gradebook backend the instructor tests start on 127.0.0.1,
#: Chromium is the browser the browser tests drive (Playwright cannot download one here).
TEST_APT_PACKAGES = ["bubblewrap", "postgresql", "chromium"]


def say(msg: str) -> None:
    print(f"[make.py] {msg}", flush=True)


def fail(msg: str) -> None:
    print(f"[make.py] ✘ {msg}", file=sys.stderr, flush=True)
    sys.exit(2)


def run(cmd: list[str], **kw) -> None:
    say("$ " + " ".join(str(c) for c in cmd))
    subprocess.run(cmd, check=True, **kw)


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def install_fingerprint() -> str:
    h = hashlib.sha256()
    for name in ("pyproject.toml", "constraints.txt"):
        h.update((ROOT / name).read_bytes())
    h.update(sys.version.encode())
    return h.hexdigest()


def apt_install(packages: list[str]) -> None:
    """Install Debian packages when we are root (CI, containers) or have passwordless sudo."""
    if not shutil.which("apt-get"):
        fail(f"Falta {', '.join(packages)} y este sistema no tiene apt-get: instálalo a mano.")
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run([*prefix, "apt-get", "update", "-q"], env=env)
    run([*prefix, "apt-get", "install", "-y", "-q", *packages], env=env)


def missing_apt(packages: list[str]) -> list[str]:
    if not shutil.which("dpkg-query"):
        return []  # not Debian: the tests that need these skip with a reason
    missing = []
    for name in packages:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True
        )
        if "install ok installed" not in out.stdout:
            missing.append(name)
    return missing


def ensure_test_packages() -> None:
    missing = missing_apt(TEST_APT_PACKAGES)
    if not missing:
        return
    can = (
        os.geteuid() == 0
        or subprocess.run(["sudo", "-n", "true"], capture_output=True).returncode == 0
    )
    if not can:
        say(
            f"Aviso: faltan {', '.join(missing)} (apt) y no hay permisos para instalarlos; "
            "las pruebas que los necesitan se saltarán con un motivo."
        )
        return
    say(f"Instalando paquetes del sistema para las pruebas: {', '.join(missing)} …")
    apt_install(missing)


def ensure_venv() -> None:
    if sys.version_info < MIN_PYTHON:
        fail(
            f"cjcourse necesita Python {'.'.join(map(str, MIN_PYTHON))} o posterior; "
            f"este es {sys.version.split()[0]}."
        )
    fingerprint = install_fingerprint()
    if STAMP.exists() and STAMP.read_text() == fingerprint and venv_python().exists():
        return
    if not venv_python().exists():
        say(f"Creando el entorno virtual en {VENV} …")
        try:
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        except subprocess.CalledProcessError:
            # Debian/Ubuntu ship venv separately (python3-venv): install it and try once more.
            shutil.rmtree(VENV, ignore_errors=True)
            ver = f"{sys.version_info.major}.{sys.version_info.minor}"
            apt_install([f"python{ver}-venv"])
            subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    py = str(venv_python())
    say("Instalando dependencias (la primera vez tarda 1–2 minutos) …")
    run([py, "-m", "pip", "install", "-q", "--upgrade", "pip"])
    run(
        [
            py,
            "-m",
            "pip",
            "install",
            "-q",
            "-c",
            str(ROOT / "constraints.txt"),
            "-e",
            f"{ROOT}[dev]",
        ]
    )
    STAMP.write_text(fingerprint)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"start", "test", "install"}:
        print(__doc__)
        return 0 if argv[:1] in ([], ["-h"], ["--help"]) else 2
    command, rest = argv[0], argv[1:]
    ensure_venv()
    bindir = venv_python().parent
    if command == "install":
        return 0
    if command == "start":
        os.execv(str(bindir / "cjcourse"), [str(bindir / "cjcourse"), "start", *rest])
    # test
    ensure_test_packages()
    proc = subprocess.run([str(venv_python()), "-m", "pytest", *rest], cwd=ROOT)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
