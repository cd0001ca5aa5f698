"""Who is the student? Per-student data for the exercises, and the checks that grade it.

Some exercises give every student their *own* simulated shop, seeded by a student identifier,
so that copying a classmate's numbers does not work. The identifier comes from, in order:

1. ``$CJCOURSE_STUDENT_ID`` (for a grading pipeline that knows the student and runs the
   notebook elsewhere, e.g. in a sandbox folder);
2. the folder nbgrader runs the notebook in when it autogrades:
   ``<root>/…/autograded/<student_id>/<assignment>/`` (nbgrader's ``directory_structure``
   ``{nbgrader_step}/{student_id}/{assignment_id}``);
3. what the student declares in the notebook, ``mi_id = "ana.garcia"`` (a self-learner, or a
   student working in their own Jupyter before handing in).

When the folder (or the environment) names one student and the notebook declares another, the
student has handed in someone else's notebook: :func:`student_id` raises :class:`StudentIdError`,
a :class:`~cjcourse.grading.checks.CheckFailed`, so every per-student check fails.
When nobody says who the student is, the example data of :data:`DEMO_ID` is used, with a
warning: fine for someone studying alone, a reminder for a student in a class.

Identifiers are compared without case, accents or extra spaces (``" Ana.García "`` is
``"ana.garcia"``), and that canonical form is the seed of the student's shop.

The checks follow :mod:`cjcourse.grading.checks`: the answer is looked up by *name* in the
notebook's namespace, a failure raises ``CheckFailed`` with one Spanish sentence that never shows
the expected value, a success prints one ``✔`` line and returns ``None``. Nothing is hashed: the
expected value is recomputed from the student's own data, with the same functions the lesson
uses (:func:`cjcourse.metrics.funnel`).

>>> student_id("  Ana.García ", path="/tmp")
'ana.garcia'
>>> student_id("luis", path="/cursos/instructor/autograded/luis/module5_metrics")
'luis'
>>> student_id("ana", path="/cursos/instructor/autograded/luis/module5_metrics")
Traceback (most recent call last):
...
cjcourse.grading.student.StudentIdError: Este cuaderno declara mi_id = «ana», pero se está corrigiendo como el de «luis». Cada estudiante trabaja con sus propios datos: escribe tu propio identificador en mi_id y vuelve a calcular tus respuestas.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from cjcourse.grading import checks as _checks
from cjcourse.grading.checks import CheckFailed, _hint, _ok, _type_name, normalise
from cjcourse.i18n import t

__all__ = [
    "DEMO_ID",
    "ENV_VAR",
    "OWN_ANSWERS",
    "SHOP_SIZE",
    "StudentIdError",
    "canonical_id",
    "check_own_answer",
    "folder_student_id",
    "own_answers",
    "pain_point_answers",
    "student_id",
]

#: Environment variable a grading pipeline can set to the student being graded.
ENV_VAR = "CJCOURSE_STUDENT_ID"
#: The id whose data is used when nobody says who the student is.
DEMO_ID = "ejemplo"
#: Size of the per-student shop (small: each notebook must run in seconds).
SHOP_SIZE = "pequeño"
#: The folder of nbgrader's autograde step (``{nbgrader_step}/{student_id}/{assignment_id}``).
AUTOGRADED_STEP = "autograded"


class StudentIdError(CheckFailed):
    """The notebook declares one student and is being graded as another (or the id is not text)."""


def canonical_id(value: str) -> str:
    """The form of an id that is compared and used as the seed: no case, accents or extra spaces.

    >>> canonical_id("  Luis  Pérez ")
    'luis perez'
    """
    return normalise(str(value))


def folder_student_id(path: str | os.PathLike | None = None) -> str | None:
    """The student nbgrader is grading, from ``$CJCOURSE_STUDENT_ID`` or the folder; else None.

    ``path`` is the folder the notebook runs in (default: the current folder, which is the
    notebook's folder under Jupyter and under nbgrader).

    >>> folder_student_id("/curso/instructor/autograded/Ana.Garcia/module5_metrics")
    'ana.garcia'
    >>> folder_student_id("/home/ana/cjcourse-curso/module5_metrics") is None
    True
    """
    env = os.environ.get(ENV_VAR, "").strip()
    if env:
        return canonical_id(env)
    folder = Path(path if path is not None else os.getcwd())
    if folder.parent.parent.name == AUTOGRADED_STEP and folder.parent.name:
        return canonical_id(folder.parent.name)
    return None


def student_id(
    declared: str | None = None,
    *,
    path: str | os.PathLike | None = None,
    quiet: bool = False,
) -> str:
    """The id whose data this notebook must use (see the module docstring for the order).

    Parameters
    ----------
    declared : str or None
        What the student wrote in ``mi_id`` (``None`` or ``""``: nothing declared).
    path : path-like, optional
        The folder the notebook runs in (default: the current folder).
    quiet : bool
        Do not print the warning when the example data is used (the checks use this).

    Raises
    ------
    StudentIdError
        ``declared`` is not a text, or it differs from the student being graded.
    """
    if declared is Ellipsis:
        declared = None
    if declared is not None and not isinstance(declared, str):
        raise StudentIdError(t("student.not_text", kind=_type_name(declared)))
    mine = canonical_id(declared) if declared and declared.strip() else None
    graded = folder_student_id(path)
    if graded is not None:
        if mine is not None and mine != graded:
            raise StudentIdError(t("student.mismatch", declared=declared.strip(), graded=graded))
        return graded
    if mine is not None:
        return mine
    if not quiet:
        print("⚠ " + t("student.using_demo", demo=DEMO_ID))
    return DEMO_ID


# --------------------------------------------------------------------------- expected answers


@lru_cache(maxsize=16)
def pain_point_answers(student: str) -> dict[str, Any]:
    """Module 5, "Identificación de puntos de dolor", computed on ``student``'s own shop.

    Closed purchase funnel per customer (``cjcourse.metrics.funnel`` over
    :data:`~cjcourse.data.FUNNEL_STEPS`), as in the lesson and the FunnelExplorer:

    * ``paso_mas_abandono``: the step with the highest drop-off (the row of the funnel table
      with the largest ``dropoff``), ``paso_anterior`` the step before it;
    * ``abandono_paso_pct``: that drop-off, in % of the customers at the step before;
    * ``canal_peor``: the channel where the drop-off at that step is highest (funnel by channel);
    * ``perdidos_canal``: customers lost at that step in that channel (``dropoff_customers``).

    Also, for tests and wrong answers: ``segundo_paso`` (the second-highest drop-off step),
    ``perdidos_total`` (customers lost at that step in the whole shop).

    >>> a = pain_point_answers("ana.garcia")
    >>> a["paso_mas_abandono"], a["canal_peor"]
    ('carrito', 'redes_sociales')
    """
    from cjcourse.data import FUNNEL_STEPS, load_shop
    from cjcourse.metrics import funnel

    shop = load_shop(SHOP_SIZE, seed=student)
    steps = list(FUNNEL_STEPS)
    whole = funnel(shop.events, steps).iloc[1:]  # nobody drops before the first step
    ranked = whole.sort_values(["dropoff", "step_index"], ascending=[False, True])
    worst, second = ranked.iloc[0], ranked.iloc[1]
    by_channel = funnel(shop.events, steps, by="channel")
    at_step = by_channel[by_channel["step"] == worst["step"]].sort_values(
        ["dropoff", "channel"], ascending=[False, True]
    )
    channel = at_step.iloc[0]
    return {
        "paso_mas_abandono": str(worst["step"]),
        "paso_anterior": steps[steps.index(str(worst["step"])) - 1],
        "abandono_paso_pct": float(worst["dropoff"]) * 100,
        "canal_peor": str(channel["channel"]),
        "perdidos_canal": int(channel["dropoff_customers"]),
        "segundo_paso": str(second["step"]),
        "perdidos_total": int(worst["dropoff_customers"]),
    }


#: Answers a check can ask for: key -> (function of the student id, options for a text answer).
OWN_ANSWERS: dict[str, tuple[Callable[[str], Any], Callable[[], list[str]] | None]] = {
    "paso_mas_abandono": (
        lambda s: pain_point_answers(s)["paso_mas_abandono"],
        lambda: _funnel_steps()[1:],
    ),
    "abandono_paso_pct": (lambda s: pain_point_answers(s)["abandono_paso_pct"], None),
    "canal_peor": (lambda s: pain_point_answers(s)["canal_peor"], lambda: _channels()),
    "perdidos_canal": (lambda s: pain_point_answers(s)["perdidos_canal"], None),
}


def _funnel_steps() -> list[str]:
    from cjcourse.data import FUNNEL_STEPS

    return list(FUNNEL_STEPS)


def _channels() -> list[str]:
    from cjcourse.data import CHANNELS

    return list(CHANNELS)


def own_answers(student: str) -> dict[str, Any]:
    """Every answer of :data:`OWN_ANSWERS` for ``student`` (for tests and instructors)."""
    return {key: compute(canonical_id(student)) for key, (compute, _) in OWN_ANSWERS.items()}


# --------------------------------------------------------------------------- the check


def _namespace() -> dict[str, Any]:
    """The globals of the notebook (or module) that called the check, skipping our own frames."""
    skip = {__file__, _checks.__file__}
    frame = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename in skip:
        frame = frame.f_back
    return frame.f_globals if frame is not None else {}


def _matches_step(value: str, expected: str, steps: list[str]) -> bool:
    """``"carrito"``, or the transition written as ``"ver_producto → carrito"``."""
    given = normalise(value)
    if given == normalise(expected):
        return True
    before = steps[steps.index(expected) - 1]
    for arrow in ("→", "->", ">", " a "):
        parts = [p.strip() for p in given.split(arrow)]
        if len(parts) == 2 and parts == [normalise(before), normalise(expected)]:
            return True
    return False


def check_own_answer(
    name: str,
    *,
    answer: str,
    tolerance: float = 0.1,
    id_variable: str = "mi_id",
    hint: str = "",
) -> None:
    """Compare the student's variable ``name`` with ``answer`` computed on their own data.

    Parameters
    ----------
    name : str
        The variable the student fills (looked up in the notebook's namespace).
    answer : str
        A key of :data:`OWN_ANSWERS` (``"paso_mas_abandono"``, ``"abandono_paso_pct"``,
        ``"canal_peor"``, ``"perdidos_canal"``).
    tolerance : float
        For numbers: the largest accepted difference (0.1 accepts a percentage rounded to one
        decimal; counts are compared with the same tolerance, so they must be exact).
    id_variable : str
        The variable where the student declares their id (missing or None: nothing declared).
    hint : str
        Where to look in the lesson, added to the failure message.
    """
    if answer not in OWN_ANSWERS:
        raise KeyError(f"unknown per-student answer {answer!r}; known: {', '.join(OWN_ANSWERS)}")
    namespace = _namespace()
    if name not in namespace:
        raise CheckFailed(t("check.missing_variable", name=name))
    value = namespace[name]
    student = student_id(namespace.get(id_variable), quiet=True)
    compute, options = OWN_ANSWERS[answer]
    expected = compute(student)
    what = t(f"student.answer.{answer}")
    if isinstance(expected, str):
        _check_text(
            name, value, expected, options() if options else [], answer, what, student, hint
        )
    else:
        _check_number(name, value, float(expected), tolerance, what, student, hint)
    _ok()


def _check_text(
    name: str,
    value: Any,
    expected: str,
    options: list[str],
    answer: str,
    what: str,
    student: str,
    hint: str,
) -> None:
    example = options[0] if options else "…"
    if value is None or value is Ellipsis:
        raise CheckFailed(t("check.not_answered", name=name, example=f'{name} = "{example}"'))
    if not isinstance(value, str):
        raise CheckFailed(
            t("check.choice_not_text", name=name, kind=_type_name(value), example=example)
        )
    if answer == "paso_mas_abandono":
        right = _matches_step(value, expected, _funnel_steps())
        known = any(normalise(o) in normalise(value) for o in options)
    else:
        right = normalise(value) == normalise(expected)
        known = normalise(value) in {normalise(o) for o in options}
    if not known:
        raise CheckFailed(
            t("check.choice_unknown", name=name, value=value, options=", ".join(options))
        )
    if not right:
        raise CheckFailed(
            t("student.text_wrong", name=name, value=value, what=what, student=student)
            + _hint(hint)
        )


def _check_number(
    name: str,
    value: Any,
    expected: float,
    tolerance: float,
    what: str,
    student: str,
    hint: str,
) -> None:
    if value is None or value is Ellipsis:
        raise CheckFailed(t("check.not_answered", name=name, example=f"{name} = 42"))
    if isinstance(value, str):
        raise CheckFailed(t("check.number_is_text", name=name, value=value))
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        # numpy numbers (what a widget's table holds) are numbers too
        try:
            import numpy as np

            if isinstance(value, np.bool_) or not isinstance(value, np.number):
                raise TypeError
            value = float(value)
        except (ImportError, TypeError):
            raise CheckFailed(
                t("check.number_wrong_type", name=name, kind=_type_name(value))
            ) from None
    if not math.isfinite(value):
        raise CheckFailed(t("check.number_not_finite", name=name))
    if abs(value - expected) <= tolerance + 1e-9:
        return
    if expected > 1 and 0 < value <= 1 and abs(value * 100 - expected) <= tolerance + 1e-9:
        raise CheckFailed(t("student.number_share", name=name, value=value))
    raise CheckFailed(
        t("student.number_wrong", name=name, value=value, what=what, student=student) + _hint(hint)
    )
