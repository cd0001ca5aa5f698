"""``cjcourse instructor …``: one thin sub-command per step; the work is in the step modules.

cjcourse instructor init ~/cj-2026              # course root with nbgrader_config.py
cjcourse instructor roster alumnos.csv          # class list -> gradebook
cjcourse instructor release                     # student version of every module with exercises
cjcourse instructor collect module1_intro --zip moodle.zip   # or from the nbgrader exchange
cjcourse instructor grade module1_intro         # repair + scan + parallel sandboxed autograde
nbgrader formgrader                             # grade free-text answers by hand (stock)
cjcourse instructor feedback module1_intro      # HTML feedback in Spanish, hidden tests hidden
cjcourse instructor export -o notas.csv --format moodle
cjcourse instructor report                      # instructor/reports/<module>/informe.html
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from cjcourse.i18n import t

__all__ = ["add_instructor_parser"]


def _course(args):
    from cjcourse.instructor.coursedir import InstructorCourse

    return InstructorCourse.open(args.root, args.course, args.db, getattr(args, "exchange", None))


def _modules(course, names):
    modules = course.modules(names or None)
    if not modules:
        from cjcourse.errors import UserError

        raise UserError(t("instructor.module.none", path=course.course_dir))
    return [m.name for m in modules]


def cmd_init(args) -> int:
    from cjcourse.course import find_course_dir
    from cjcourse.instructor.coursedir import init_course_root

    source = find_course_dir(args.course)
    config = init_course_root(Path(args.path), source, args.db)
    print(t("instructor.root.ready", path=config.parent, config=config.name, source=source))
    return 0


def cmd_roster(args) -> int:
    from cjcourse.instructor.roster import import_roster, read_roster

    roster = read_roster(args.csv)
    for note in roster.notes:
        print(f"  ⚠ {note}")
    print(t("instructor.roster.imported", n=import_roster(_course(args), roster)))
    return 0


def cmd_release(args) -> int:
    from cjcourse.instructor.release import generate, release_to_exchange

    course = _course(args)
    for module in _modules(course, args.modules):
        generate(course, module)
        print(t("instructor.release.done", module=module, path=course.release(module)))
        if args.exchange:
            release_to_exchange(course, module)
            print(t("instructor.release.published", module=module))
    return 0


def cmd_collect(args) -> int:
    from cjcourse.instructor.collect import collect_from_exchange, collect_from_zip
    from cjcourse.instructor.roster import students_in_gradebook

    course = _course(args)
    (module,) = _modules(course, [args.module])
    if args.zip:
        report = collect_from_zip(course, module, Path(args.zip), students_in_gradebook(course))
    else:
        report = collect_from_exchange(course, module)
    for note in report.notes:
        print(f"  ⚠ {note}")
    print(
        t(
            "instructor.collect.done",
            module=module,
            n=len(report.students),
            path=course.collected(module),
        )
    )
    return 0


def _repair(course, module) -> None:
    from cjcourse.instructor.release import generate
    from cjcourse.instructor.repair import repair_module

    if not course.release(module).is_dir():
        generate(course, module)
    reports = repair_module(course, module)
    for r in reports:
        for note in r.notes:
            print(f"  ↺ {r.student}: {note.message}")
    print(
        t(
            "instructor.repair.done",
            module=module,
            n=len(reports),
            repaired=sum(r.repaired for r in reports),
        )
    )


def _scan(course, module) -> None:
    from cjcourse.instructor.scan import scan_module

    flags = scan_module(course, module)
    for f in flags:
        print(
            f"  ⚑ {f.student} · {f.notebook} · {f.where} · l.{f.line}: {f.message}  «{f.snippet}»"
        )
    print(
        t(
            "instructor.scan.done",
            module=module,
            n=len(flags),
            students=len({f.student for f in flags}),
        )
    )


def _autograde(course, module, args) -> int:
    from cjcourse.instructor.autograde import autograde_module, default_workers
    from cjcourse.instructor.sandbox import SandboxPolicy, sandbox_warning

    policy = SandboxPolicy(
        memory_mb=args.memory,
        cell_timeout_s=args.timeout or int(course.config().Execute.timeout),
        notebook_timeout_s=args.notebook_timeout,
        isolate=not args.no_sandbox,
    )
    warning = sandbox_warning(policy)
    if warning:
        print(warning, file=sys.stderr)
    workers = args.workers or default_workers()
    started = time.monotonic()
    outcomes = autograde_module(
        course,
        module,
        workers=workers,
        policy=policy,
        progress=sys.stdout.isatty(),
        execute_ungraded=args.execute_ungraded,
    )
    for o in outcomes:
        for problem in o.problems:
            print(t("instructor.grade.problem", student=o.student, problem=problem))
    failed = sum(1 for o in outcomes if not o.success or o.problems)
    print(
        t(
            "instructor.grade.done",
            module=module,
            n=len(outcomes),
            failed=failed,
            workers=workers,
            seconds=round(time.monotonic() - started, 1),
        )
    )
    return 0 if all(o.success for o in outcomes) else 1


def cmd_repair(args) -> int:
    course = _course(args)
    for module in _modules(course, args.modules):
        _repair(course, module)
    return 0


def cmd_scan(args) -> int:
    course = _course(args)
    for module in _modules(course, args.modules):
        _scan(course, module)
    return 0


def cmd_autograde(args) -> int:
    course = _course(args)
    return max([_autograde(course, m, args) for m in _modules(course, args.modules)] or [0])


def cmd_grade(args) -> int:
    course = _course(args)
    status = 0
    for module in _modules(course, args.modules):
        _repair(course, module)
        _scan(course, module)
        status = max(status, _autograde(course, module, args))
    print(t("instructor.cli.help_formgrader", root=course.root))
    return status


def cmd_feedback(args) -> int:
    from cjcourse.instructor.feedback import feedback_module

    course = _course(args)
    ok = True
    for module in _modules(course, args.modules):
        results = feedback_module(course, module, show_hidden=args.show_hidden)
        ok &= all(results.values())
        print(t("instructor.feedback.done", module=module, path=course.out / "feedback"))
    return 0 if ok else 1


def cmd_export(args) -> int:
    from cjcourse.instructor.export import export_grades

    course = _course(args)
    output = Path(args.output or course.out / f"notas_{args.format}.csv")
    n = export_grades(course, _modules(course, args.modules), output, args.format)
    print(t("instructor.export.done", path=output, n=n))
    return 0


def cmd_report(args) -> int:
    from cjcourse.instructor.report import write_report

    course = _course(args)
    for module in _modules(course, args.modules):
        print(t("instructor.report.done", path=write_report(course, module)))
    return 0


def _grading_options(p) -> None:
    p.add_argument("--workers", type=int, help=t("instructor.cli.help_workers"))
    p.add_argument("--timeout", type=int, help=t("instructor.cli.help_timeout"))
    p.add_argument(
        "--notebook-timeout", type=int, default=600, help=t("instructor.cli.help_nb_timeout")
    )
    p.add_argument("--memory", type=int, default=3072, help=t("instructor.cli.help_memory"))
    p.add_argument("--no-sandbox", action="store_true", help=t("instructor.cli.help_no_sandbox"))
    p.add_argument("--execute-ungraded", action="store_true", help=argparse.SUPPRESS)


def add_instructor_parser(sub) -> argparse.ArgumentParser:
    """Register ``instructor`` and its sub-commands on the ``cjcourse`` parser's subparsers."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", help=t("instructor.cli.help_root"))
    common.add_argument("--course", help=t("instructor.cli.help_course"))
    common.add_argument("--db", help=t("instructor.cli.help_db"))

    parser = sub.add_parser(
        "instructor", help=t("instructor.cli.help"), description=t("instructor.cli.help")
    )
    steps = parser.add_subparsers(
        dest="step",
        metavar="{init,roster,release,collect,repair,scan,autograde,grade,feedback,export,report}",
    )
    parser.set_defaults(func=lambda args: parser.print_help() or 0)

    def step(name, func, help_key):
        p = steps.add_parser(name, parents=[common], help=t(help_key), description=t(help_key))
        p.set_defaults(func=func)
        return p

    p = step("init", cmd_init, "instructor.cli.help_init")
    p.add_argument("path", nargs="?", default=".", help=t("instructor.cli.help_root"))
    p = step("roster", cmd_roster, "instructor.cli.help_roster")
    p.add_argument("csv")
    p = step("release", cmd_release, "instructor.cli.help_release")
    p.add_argument("modules", nargs="*", help=t("instructor.cli.help_modules"))
    p.add_argument("--exchange", help=t("instructor.cli.help_exchange"))
    p = step("collect", cmd_collect, "instructor.cli.help_collect")
    p.add_argument("module")
    p.add_argument("--zip", help=t("instructor.cli.help_zip"))
    p.add_argument("--exchange", help=t("instructor.cli.help_exchange"))
    for name, func, key in (
        ("repair", cmd_repair, "instructor.cli.help_repair"),
        ("scan", cmd_scan, "instructor.cli.help_scan"),
    ):
        step(name, func, key).add_argument(
            "modules", nargs="*", help=t("instructor.cli.help_modules")
        )
    for name, func, key in (
        ("autograde", cmd_autograde, "instructor.cli.help_autograde"),
        ("grade", cmd_grade, "instructor.cli.help_grade"),
    ):
        p = step(name, func, key)
        p.add_argument("modules", nargs="*", help=t("instructor.cli.help_modules"))
        _grading_options(p)
    p = step("feedback", cmd_feedback, "instructor.cli.help_feedback")
    p.add_argument("modules", nargs="*", help=t("instructor.cli.help_modules"))
    p.add_argument("--show-hidden", action="store_true", help=t("instructor.cli.help_show_hidden"))
    p = step("export", cmd_export, "instructor.cli.help_export")
    p.add_argument("modules", nargs="*", help=t("instructor.cli.help_modules"))
    p.add_argument(
        "--format",
        choices=["long", "wide", "moodle", "canvas"],
        default="long",
        help=t("instructor.cli.help_format"),
    )
    p.add_argument("-o", "--output", help=t("instructor.cli.help_output"))
    p = step("report", cmd_report, "instructor.cli.help_report")
    p.add_argument("modules", nargs="*", help=t("instructor.cli.help_modules"))
    return parser
