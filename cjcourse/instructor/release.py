"""Generate (and optionally release to the nbgrader exchange) the student version of modules."""

from __future__ import annotations

from cjcourse.errors import UserError
from cjcourse.i18n import t
from cjcourse.instructor.coursedir import InstructorCourse

__all__ = ["generate", "release_to_exchange"]


def _detail(result: dict) -> str:
    text = (result.get("error") or result.get("log") or "").strip().splitlines()
    return " | ".join(text[-3:])


def generate(course: InstructorCourse, module: str) -> None:
    """``nbgrader generate_assignment`` into ``instructor/release/<module>/`` (gradebook updated)."""
    result = course.api().generate_assignment(module, force=True, create=True)
    if not result.get("success") or not course.release(module).is_dir():
        raise UserError(t("instructor.release.failed", module=module, detail=_detail(result)))


def release_to_exchange(course: InstructorCourse, module: str) -> None:
    """``nbgrader release_assignment``: copy the student version to the exchange's outbound."""
    if course.exchange:
        course.exchange.mkdir(parents=True, exist_ok=True)
    result = course.api().release_assignment(module)
    if not result.get("success"):
        raise UserError(
            t("instructor.release.exchange_failed", module=module, detail=_detail(result))
        )
