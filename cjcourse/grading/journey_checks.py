"""Checks that grade a journey map a student built (module 3), inside locked check cells.

They follow :mod:`cjcourse.grading.checks`: the map is looked up by *name* in the notebook's
namespace, a failed check raises :class:`~cjcourse.grading.checks.CheckFailed` with one Spanish
sentence that names the problem and the fix, and a passed check prints one ``✔`` line and
returns ``None``. What the scenario already tells the student (the stage names, in order) may
appear in messages; what the student has to work out (in which stages the pain points are) is
compared as a salted hash and never printed.

>>> from cjcourse.journey import JourneyMap, PainPoint, Persona, Stage, Touchpoint
>>> mapa = JourneyMap(
...     persona=Persona("Ana"),
...     stage_model="custom",
...     stages=[
...         Stage("busca", touchpoints=[Touchpoint("Google", channel="buscador")], emotion=1),
...         Stage("paga", touchpoints=[Touchpoint("Pago", channel="web")], emotion=-2,
...               pain_points=[PainPoint("El pago falla", severity=3)]),
...         Stage("recibe", touchpoints=[Touchpoint("Mensajero", channel="otro")], emotion=1),
...     ],
... )
>>> check_journey_structure("mapa", stages=["busca", "paga", "recibe"])
✔ ¡Correcto! Tu mapa tiene las 3 etapas en orden, puntos de contacto en todas y la curva emocional baja donde están los puntos de dolor.
>>> check_journey_structure("mapa", stages=["busca", "recibe", "paga"])
Traceback (most recent call last):
...
cjcourse.grading.checks.CheckFailed: Las etapas de `mapa` no están en el orden del escenario: en la posición 2 debería ir «recibe» y está «paga». Elige la etapa en el constructor y muévela con «Mover antes» o «Mover después».
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from cjcourse.grading.checks import (
    CheckFailed,
    _hint,
    _lookup,
    _ok,
    _quote,
    answer_hash,
    normalise,
)
from cjcourse.i18n import t
from cjcourse.journey import JourneyError, JourneyMap, Stage

__all__ = ["check_journey_structure", "pain_stage_names"]


def pain_stage_names(journey: JourneyMap) -> list[str]:
    """Names of the stages that hold at least one pain point, in map order.

    Authoring: ``answer_hash(pain_stage_names(model_map), salt=grade_id)`` is the ``pain_stages``
    argument of :func:`check_journey_structure` (order, case and accents do not matter).
    """
    return [s.name for s in journey.stages if s.pain_points]


def _as_map(name: str, value: Any) -> JourneyMap:
    if value is None or value is Ellipsis:
        raise CheckFailed(t("jcheck.not_answered", name=name))
    if isinstance(value, JourneyMap):
        return value
    if isinstance(value, Mapping):  # a map read with json.load: accept it if it is valid
        try:
            return JourneyMap.from_dict(value)
        except JourneyError as exc:
            raise CheckFailed(t("jcheck.invalid_map", name=name, problem=str(exc))) from None
    kind = t("type." + type(value).__name__, default=type(value).__name__)
    raise CheckFailed(t("jcheck.not_a_map", name=name, kind=kind))


def _is_empty(journey: JourneyMap) -> bool:
    return journey.persona.is_empty and all(
        s.card_count == 0 and s.emotion is None for s in journey.stages
    )


def _check_stages(name: str, journey: JourneyMap, expected: Sequence[str]) -> None:
    given = [s.name for s in journey.stages]
    given_norm = [normalise(g) for g in given]
    expected_norm = [normalise(e) for e in expected]
    listed = ", ".join(f"«{e}»" for e in expected)
    missing = [e for e, n in zip(expected, expected_norm, strict=True) if n not in given_norm]
    if missing:
        raise CheckFailed(
            t("jcheck.stages_missing", name=name, stages=_quote(missing), expected=listed)
        )
    extra = [g for g, n in zip(given, given_norm, strict=True) if n not in expected_norm]
    if extra:
        raise CheckFailed(
            t("jcheck.stages_extra", name=name, stages=_quote(extra), expected=listed)
        )
    for position, (want, got) in enumerate(zip(expected_norm, given_norm, strict=True), 1):
        if want != got:
            raise CheckFailed(
                t(
                    "jcheck.stages_order",
                    name=name,
                    position=position,
                    expected=expected[position - 1],
                    found=given[position - 1],
                )
            )


def _neighbour_without_pain(stages: Sequence[Stage], index: int, step: int) -> Stage | None:
    i = index + step
    while 0 <= i < len(stages):
        if not stages[i].pain_points:
            return stages[i]
        i += step
    return None


def _check_dip(name: str, journey: JourneyMap) -> None:
    stages = journey.stages
    lowest = min(s.emotion for s in stages)  # every emotion is recorded at this point
    for stage in stages:
        if stage.emotion == lowest and not stage.pain_points:
            raise CheckFailed(
                t("jcheck.lowest_without_pain", name=name, stage=stage.name, value=_fmt(lowest))
            )
    for i, stage in enumerate(stages):
        if not stage.pain_points:
            continue
        for step in (-1, +1):
            other = _neighbour_without_pain(stages, i, step)
            if other is not None and not stage.emotion < other.emotion:
                raise CheckFailed(
                    t(
                        "jcheck.no_dip_at_pain",
                        name=name,
                        stage=stage.name,
                        value=_fmt(stage.emotion),
                        other=other.name,
                        other_value=_fmt(other.emotion),
                    )
                )


def _fmt(value: float) -> str:
    return f"{value:+g}" if value else "0"


def check_journey_structure(
    name: str,
    *,
    stages: Sequence[str],
    min_touchpoints: int = 1,
    persona: bool = True,
    dip_at_pain: bool = True,
    pain_stages: str | None = None,
    salt: str = "",
    hint: str = "",
) -> None:
    """Grade the structure of the journey map stored in the variable ``name``.

    In this order, stopping at the first problem (one message, one fix):

    1. ``name`` holds a :class:`~cjcourse.journey.JourneyMap` (a dict that is a valid map is
       accepted too) that is not empty;
    2. its stages are exactly ``stages``, in that order (case and accents do not matter);
    3. the persona has at least a name (when ``persona``);
    4. every stage has at least ``min_touchpoints`` touchpoints;
    5. every stage has its emotion recorded (when ``dip_at_pain``);
    6. the stages with pain points are the expected ones: ``pain_stages`` is
       ``answer_hash(sorted_stage_names, salt=salt)`` (see :func:`pain_stage_names`); without
       it, at least one pain point is required when ``dip_at_pain``;
    7. the emotion curve dips where the pain points are (when ``dip_at_pain``): the lowest point
       of the curve is at a stage with a pain point, and every stage with a pain point feels
       worse than the nearest stage without one on each side.
    """
    journey = _as_map(name, _lookup(name))
    if _is_empty(journey):
        raise CheckFailed(t("jcheck.empty_map", name=name))
    _check_stages(name, journey, list(stages))
    if persona and journey.persona.is_empty:
        raise CheckFailed(t("jcheck.no_persona", name=name))
    few = [s.name for s in journey.stages if len(s.touchpoints) < min_touchpoints]
    if few:
        raise CheckFailed(
            t("jcheck.few_touchpoints", name=name, stages=_quote(few), n=min_touchpoints)
        )
    if dip_at_pain:
        unrecorded = [s.name for s in journey.stages if s.emotion is None]
        if unrecorded:
            raise CheckFailed(t("jcheck.no_emotion", name=name, stages=_quote(unrecorded)))
    with_pain = pain_stage_names(journey)
    if (pain_stages is not None or dip_at_pain) and not with_pain:
        raise CheckFailed(t("jcheck.no_pain_points", name=name))
    if pain_stages is not None and answer_hash(with_pain, salt=salt) != pain_stages:
        raise CheckFailed(
            t("jcheck.pain_stages_wrong", name=name, stages=_quote(with_pain), hint=_hint(hint))
        )
    if dip_at_pain:
        _check_dip(name, journey)
    _ok(
        "jcheck.structure_ok" if dip_at_pain else "jcheck.structure_ok_no_dip",
        n=len(journey.stages),
    )
