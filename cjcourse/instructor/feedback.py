"""Feedback for students: nbgrader's ``generate_feedback`` in Spanish, hidden tests kept hidden.

nbgrader's feedback shows hidden tests to students (their source, and the traceback lines
that quote it). Here, unless the instructor asks (``show_hidden=True``), every
``### BEGIN HIDDEN TESTS`` region is removed from the feedback copy and the error outputs of
those cells are cut down to one line (``AssertionError: …``) without the traceback.
The labels of nbgrader's page are translated from the i18n catalogue.
"""

from __future__ import annotations

import re

from nbgrader.preprocessors import ClearHiddenTests

from cjcourse.i18n import get_language, t

__all__ = ["HideHiddenTests", "feedback_module", "translate_html"]

#: Fragments of nbgrader's rendered feedback template -> catalogue key (exact markup, so a
#: student's own text is never touched).
LABELS = [
    (">Test cell</a>", "instructor.feedback.test_cell", ">{}</a>"),
    (">Coding free-response</a>", "instructor.feedback.coding", ">{}</a>"),
    (">Written response</a>", "instructor.feedback.written", ">{}</a>"),
    (">Task</a>", "instructor.feedback.task", ">{}</a>"),
    (">Comment</a>", "instructor.feedback.comment", ">{}</a>"),
    ("Late submission penalty (Score:", "instructor.feedback.late", "{} (Score:"),
    (
        '<span class="nbgrader-label">Student\'s answer</span>',
        "instructor.feedback.answer",
        '<span class="nbgrader-label">{}</span>',
    ),
    (
        '<span class="nbgrader-label">Student\'s task</span>',
        "instructor.feedback.student_task",
        '<span class="nbgrader-label">{}</span>',
    ),
    ("<b>Comments:</b>", "instructor.feedback.comments", "<b>{}:</b>"),
    ('<a href="#top">(Top)</a>', "instructor.feedback.top", '<a href="#top">{}</a>'),
]
_SCORE = re.compile(r"(?<=[\s(])Score: (?=-?\d)")


def translate_html(text: str) -> str:
    """nbgrader's feedback page with its labels in the current language."""
    for english, key, pattern in LABELS:
        text = text.replace(english, pattern.format(t(key)))
    text = _SCORE.sub(t("instructor.feedback.score") + ": ", text)
    return text.replace("<html>", f'<html lang="{get_language()}">', 1)


class HideHiddenTests(ClearHiddenTests):
    """Remove hidden test regions and the tracebacks that would quote them."""

    def preprocess_cell(self, cell, resources, cell_index):
        removed = self._remove_hidden_test_region(cell)
        if removed:
            cell.source = f"# {t('instructor.feedback.hidden')}\n" + cell.source
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    out["traceback"] = [f"{out.get('ename', '')}: {out.get('evalue', '')}"]
        return cell, resources


def feedback_module(
    course, module: str, *, show_hidden: bool = False, log=print
) -> dict[str, bool]:
    """Generate feedback for every autograded student of ``module``; student id -> success."""
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.preprocessors import GetGrades

    config = course.config()
    steps = [GetGrades, CSSHTMLHeaderPreprocessor]
    config.GenerateFeedback.preprocessors = steps if show_hidden else [HideHiddenTests, *steps]
    api = course.api(config)
    results = {}
    for folder in sorted((course.out / "autograded").glob(f"*/{module}")):
        student = folder.parent.name
        result = api.generate_feedback(module, student, force=True)
        results[student] = bool(result.get("success"))
        for page in (course.out / "feedback" / student / module).glob("*.html"):
            page.write_text(translate_html(page.read_text(encoding="utf-8")), encoding="utf-8")
        if not results[student]:
            detail = (result.get("error") or result.get("log") or "").strip().splitlines()[-1:]
            log(t("instructor.feedback.failed", student=student, detail=" ".join(detail)))
    return results
