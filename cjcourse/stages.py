"""Stage models: the presets a journey map can start from (course model, seeds' models, classics).

Every preset carries its stages (Spanish, as the course teaches them) and its source, as listed in
the course's reference sheet. Names, descriptions and sources a student reads come from the
message catalogue (:mod:`cjcourse.i18n.catalogues.journey`).

>>> [m.key for m in STAGE_MODELS.values()][:3]
['course', 'digital4', 'steps5']
>>> get_stage_model("aida").stages
('atención', 'interés', 'deseo', 'acción')
>>> get_stage_model("aida").source
'atribuido a E. St. Elmo Lewis (1898)'
>>> get_stage_model("mckinsey").loops[0].to_stage
'momento de compra'
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from cjcourse.i18n import t

__all__ = [
    "CUSTOM",
    "DEFAULT_STAGE_MODEL",
    "STAGE_MODELS",
    "Loop",
    "StageModel",
    "get_stage_model",
    "match_stage_model",
    "stage_model_options",
]

#: Key of the "custom stages" choice (no preset: the student names the stages).
CUSTOM = "custom"
#: The course's own six-stage model (seed 002), used by default.
DEFAULT_STAGE_MODEL = "course"


@dataclass(frozen=True)
class Loop:
    """A jump back in a stage model, e.g. McKinsey's loyalty loop that skips evaluation."""

    from_stage: str
    to_stage: str
    label_key: str

    @property
    def label(self) -> str:
        return t(self.label_key)


@dataclass(frozen=True)
class StageModel:
    """A preset: ordered stage names plus where the model comes from."""

    key: str
    stages: tuple[str, ...]
    loops: tuple[Loop, ...] = ()

    @property
    def name(self) -> str:
        """Display name in the active language."""
        return t(f"journey.model.{self.key}.name")

    @property
    def description(self) -> str:
        return t(f"journey.model.{self.key}.description")

    @property
    def source(self) -> str:
        """The citation to show beside the model (``atribuido a …`` where the origin is uncertain)."""
        return t(f"journey.model.{self.key}.source")


_MODELS = (
    StageModel(
        "course",
        ("conciencia", "consideración", "decisión", "compra", "poscompra", "lealtad"),
    ),
    # seed 003: four digital stages
    StageModel(
        "digital4",
        ("conocimiento", "compromiso", "transacción/cumplimiento", "retención"),
    ),
    # seed 004: five steps with touchpoints and moments of truth
    StageModel(
        "steps5",
        (
            "búsqueda y comparación",
            "información de compra",
            "momento de compra",
            "proceso de compra",
            "servicio posventa",
        ),
    ),
    # seed 000: three phases
    StageModel(
        "phases3",
        ("conciencia y consideración", "compra y experiencia", "lealtad"),
    ),
    StageModel("aida", ("atención", "interés", "deseo", "acción")),
    StageModel(
        "mckinsey",
        (
            "consideración inicial",
            "evaluación activa",
            "momento de compra",
            "experiencia poscompra",
        ),
        loops=(Loop("experiencia poscompra", "momento de compra", "journey.model.mckinsey.loop"),),
    ),
    StageModel("kotler5a", ("conocer", "atraer", "preguntar", "actuar", "recomendar")),
    StageModel("mot", ("ZMOT", "FMOT", "SMOT", "UMOT")),
)

#: All presets by key, in the order the model switcher lists them.
STAGE_MODELS: dict[str, StageModel] = {m.key: m for m in _MODELS}


def get_stage_model(key: str) -> StageModel:
    """The preset called ``key``; an unknown key gets a Spanish message listing the valid ones."""
    try:
        return STAGE_MODELS[key]
    except KeyError:
        close = difflib.get_close_matches(str(key), list(STAGE_MODELS), n=1)
        hint = t("journey.error.did_you_mean", value=close[0]) if close else ""
        from cjcourse.journey import JourneyError  # late import: journey imports this module

        raise JourneyError(
            t(
                "journey.error.unknown_model",
                value=key,
                options=", ".join([*STAGE_MODELS, CUSTOM]),
                hint=hint,
            )
        ) from None


def stage_model_options() -> list[tuple[str, str]]:
    """``(label, key)`` pairs for a dropdown, custom stages last.

    >>> stage_model_options()[-1][1]
    'custom'
    """
    options = [(f"{m.name} ({len(m.stages)})", m.key) for m in _MODELS]
    options.append((t("journey.model.custom.name"), CUSTOM))
    return options


def match_stage_model(names: list[str] | tuple[str, ...]) -> str:
    """The key of the preset whose stages are exactly ``names``, else ``"custom"``.

    >>> match_stage_model(["atención", "interés", "deseo", "acción"])
    'aida'
    >>> match_stage_model(["antes", "durante", "después"])
    'custom'
    """
    names = tuple(names)
    for model in _MODELS:
        if model.stages == names:
            return model.key
    return CUSTOM
