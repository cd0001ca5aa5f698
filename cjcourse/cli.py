"""The ``cjcourse`` command: ``start`` (open the course) and ``check`` (self-check a notebook).

Errors the user can fix are printed as one Spanish (or English) sentence that names the problem
and the fix, with exit code 2; a failed self-check exits with 1.
"""

from __future__ import annotations

import argparse
import os
import secrets
import socket
import subprocess
import sys
from pathlib import Path

from cjcourse import __version__
from cjcourse.errors import UserError
from cjcourse.i18n import get_language, set_language, t
from cjcourse.lab import lab_command, student_environment

DEFAULT_PORT = 8888


def _port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def choose_port(requested: int | None) -> int:
    """The requested port if free (else a clear error), or the first free one from 8888."""
    if requested is not None:
        if not 1 <= requested <= 65535:
            raise UserError(t("cli.port_invalid", port=requested))
        if not _port_is_free(requested):
            raise UserError(t("cli.port_busy", port=requested, other=requested + 1))
        return requested
    for port in range(DEFAULT_PORT, DEFAULT_PORT + 50):
        if _port_is_free(port):
            return port
    raise UserError(t("cli.no_free_port", first=DEFAULT_PORT, last=DEFAULT_PORT + 49))


def _first_notebook(workspace: Path, modules: list[str]) -> str | None:
    for module in modules:
        notebooks = sorted((workspace / module).glob("*.ipynb"))
        if notebooks:
            return notebooks[0].relative_to(workspace).as_posix()
    return None


def cmd_start(args: argparse.Namespace) -> int:
    from cjcourse.course import find_course_dir
    from cjcourse.workspace import default_workspace, prepare_workspace

    course_dir = find_course_dir(args.course)
    workspace = Path(args.workspace).expanduser() if args.workspace else default_workspace()
    port = None if args.prepare_only else choose_port(args.port)
    report = prepare_workspace(
        workspace, course_dir, progress=lambda m: print(f"… {m}", flush=True)
    )
    for line in report.lines():
        print(line)
    if args.prepare_only:
        return 0
    token = secrets.token_hex(16)
    first = _first_notebook(report.workspace, report.modules) if report.first_time else None
    default_url = f"/lab/tree/{first}" if first else "/lab"
    url = f"http://127.0.0.1:{port}/lab?token={token}"
    print(t("cli.lab_starting", url=url))
    print(t("cli.workspace_is", path=report.workspace))
    print(t("cli.how_to_stop"), flush=True)
    cmd = lab_command(
        report.workspace, port, token, open_browser=not args.no_browser, default_url=default_url
    )
    env = student_environment(
        report.workspace, lang=get_language(), lang_explicit=args.lang is not None
    )
    if os.name == "posix":
        os.execve(sys.executable, cmd, env)  # the server takes this process's PID and Ctrl+C
    return subprocess.call(cmd, env=env)  # pragma: no cover - Windows


def cmd_check(args: argparse.Namespace) -> int:
    from cjcourse.grading.selfcheck import check_notebook, format_report

    all_passed = True
    for name in args.notebooks:
        report = check_notebook(Path(name), timeout=args.timeout)
        print("\n".join(format_report(report)), flush=True)
        all_passed &= report.passed
    print(t("cli.check_all_passed") if all_passed else t("cli.check_some_failed"))
    return 0 if all_passed else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cjcourse", description=t("cli.description"))
    parser.add_argument("--version", action="version", version=f"cjcourse {__version__}")
    parser.add_argument("--lang", choices=["es", "en"], help=t("cli.help_lang"))
    sub = parser.add_subparsers(dest="command", metavar="{start,check,app,instructor}")

    start = sub.add_parser("start", help=t("cli.help_start"), description=t("cli.help_start"))
    start.add_argument("--workspace", help=t("cli.help_workspace"))
    start.add_argument("--port", type=int, help=t("cli.help_port"))
    start.add_argument("--no-browser", action="store_true", help=t("cli.help_no_browser"))
    start.add_argument("--prepare-only", action="store_true", help=t("cli.help_prepare_only"))
    start.add_argument("--course", help=t("cli.help_course"))
    start.add_argument(
        "--lang", choices=["es", "en"], help=t("cli.help_lang"), default=argparse.SUPPRESS
    )
    start.set_defaults(func=cmd_start)

    check = sub.add_parser("check", help=t("cli.help_check"), description=t("cli.help_check"))
    check.add_argument("notebooks", nargs="+", metavar="CUADERNO", help=t("cli.help_notebooks"))
    check.add_argument("--timeout", type=int, default=120, help=t("cli.help_timeout"))
    check.add_argument(
        "--lang", choices=["es", "en"], help=t("cli.help_lang"), default=argparse.SUPPRESS
    )
    check.set_defaults(func=cmd_check)

    from cjcourse.app import add_app_parser  # `cjcourse app`: the widgets as a Voilà web app

    add_app_parser(sub)

    # `cjcourse instructor …`: the instructor's workflow lives in cjcourse/instructor/.
    from cjcourse.instructor.cli import add_instructor_parser

    add_instructor_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # The language must be known before the parser's help texts are built.
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in ("es", "en"):
            set_language(argv[i + 1])
        elif arg.startswith("--lang=") and arg.split("=", 1)[1] in ("es", "en"):
            set_language(arg.split("=", 1)[1])
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 0
    try:
        return args.func(args)
    except UserError as exc:
        print(f"✘ {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(t("cli.interrupted"), file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
