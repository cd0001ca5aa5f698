"""How the stage models line up with the course's six stages (module 2's correspondence table).

Every preset in :mod:`cjcourse.stages` is mapped onto the course model (conciencia … lealtad):
for each course stage, the stage or stages of the other model that cover it, or nothing when the
model has no equivalent (AIDA, for instance, ends with the purchase). The mapping is a teaching
simplification — the models overlap, they do not cut the journey at the same points — so a course
stage may match two stages of another model, and one stage of another model may cover several
course stages.

>>> correspondence("aida")["lealtad"]
()
>>> correspondence("kotler5a")["consideración"]
('atraer', 'preguntar')
>>> unmatched_course_stages("aida")
['poscompra', 'lealtad']
>>> course_stages_for("mckinsey", "evaluación activa")
['consideración', 'decisión']
"""

from __future__ import annotations

import pandas as pd

from cjcourse.stages import DEFAULT_STAGE_MODEL, STAGE_MODELS, get_stage_model

__all__ = [
    "COURSE_STAGES",
    "NO_MATCH",
    "correspondence",
    "correspondence_matrix",
    "correspondence_table",
    "course_stages_for",
    "unmatched_course_stages",
]

#: The course model's stages, in order (seed 002).
COURSE_STAGES: tuple[str, ...] = get_stage_model(DEFAULT_STAGE_MODEL).stages
#: What a table shows where a model has no stage for a course stage.
NO_MATCH = "—"

# course stage -> stages of the other model that cover it (empty tuple: no equivalent).
# Sources: the seeds for digital4 (003), steps5 (004) and phases3 (000); Court et al. (2009);
# Kotler, Kartajaya and Setiawan (2016); Lecinski (2011) and P&G (2005) for the moments of truth.
_MAPS: dict[str, dict[str, tuple[str, ...]]] = {
    "digital4": {
        "conciencia": ("conocimiento",),
        "consideración": ("compromiso",),
        "decisión": ("compromiso",),
        "compra": ("transacción/cumplimiento",),
        # seed 003 puts support requests and reviews in the fulfilment stage
        "poscompra": ("transacción/cumplimiento",),
        "lealtad": ("retención",),
    },
    "steps5": {
        # seed 004 starts when the customer already searches: the need is taken as given
        "conciencia": (),
        "consideración": ("búsqueda y comparación",),
        "decisión": ("información de compra",),
        "compra": ("momento de compra", "proceso de compra"),
        "poscompra": ("servicio posventa",),
        "lealtad": (),
    },
    "phases3": {
        "conciencia": ("conciencia y consideración",),
        "consideración": ("conciencia y consideración",),
        "decisión": ("conciencia y consideración",),
        "compra": ("compra y experiencia",),
        "poscompra": ("compra y experiencia",),
        "lealtad": ("lealtad",),
    },
    "aida": {
        "conciencia": ("atención",),
        "consideración": ("interés",),
        "decisión": ("deseo",),
        "compra": ("acción",),
        "poscompra": (),
        "lealtad": (),
    },
    "mckinsey": {
        "conciencia": ("consideración inicial",),
        "consideración": ("evaluación activa",),
        "decisión": ("evaluación activa",),
        "compra": ("momento de compra",),
        "poscompra": ("experiencia poscompra",),
        # loyalty comes out of the post-purchase experience, through the loyalty loop
        "lealtad": ("experiencia poscompra",),
    },
    "kotler5a": {
        "conciencia": ("conocer",),
        "consideración": ("atraer", "preguntar"),
        "decisión": ("preguntar",),
        # Kotler's "act" covers buying, using and the after-sales service
        "compra": ("actuar",),
        "poscompra": ("actuar",),
        "lealtad": ("recomendar",),
    },
    "mot": {
        "conciencia": (),
        "consideración": ("ZMOT",),
        "decisión": ("FMOT",),
        "compra": ("FMOT",),
        "poscompra": ("SMOT",),
        "lealtad": ("UMOT",),
    },
}
_MAPS[DEFAULT_STAGE_MODEL] = {stage: (stage,) for stage in COURSE_STAGES}


def correspondence(model_key: str) -> dict[str, tuple[str, ...]]:
    """Course stage -> stages of ``model_key`` that cover it (``()`` when there is none).

    An unknown key raises the Spanish error of :func:`cjcourse.stages.get_stage_model`.

    >>> correspondence("mot")["poscompra"]
    ('SMOT',)
    """
    get_stage_model(model_key)  # validates the key, with a helpful message
    return dict(_MAPS[model_key])


def unmatched_course_stages(model_key: str) -> list[str]:
    """Course stages that ``model_key`` does not cover, in the course's order.

    >>> unmatched_course_stages("steps5")
    ['conciencia', 'lealtad']
    >>> unmatched_course_stages("kotler5a")
    []
    """
    return [stage for stage, matched in correspondence(model_key).items() if not matched]


def course_stages_for(model_key: str, model_stage: str) -> list[str]:
    """The course stages that one stage of another model covers (the mapping read backwards).

    >>> course_stages_for("aida", "deseo")
    ['decisión']
    >>> course_stages_for("mot", "FMOT")
    ['decisión', 'compra']
    """
    return [stage for stage, matched in correspondence(model_key).items() if model_stage in matched]


def _cell(stages: tuple[str, ...]) -> str:
    return " + ".join(stages) if stages else NO_MATCH


def correspondence_table(model_key: str) -> pd.DataFrame:
    """One row per course stage: ``etapa_del_curso``, ``etapa_del_modelo`` (``—`` if none).

    >>> correspondence_table("aida").iloc[-2:].to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
    [{'etapa_del_curso': 'poscompra', 'etapa_del_modelo': '—'},
     {'etapa_del_curso': 'lealtad', 'etapa_del_modelo': '—'}]
    """
    mapping = correspondence(model_key)
    return pd.DataFrame(
        {
            "etapa_del_curso": list(COURSE_STAGES),
            "etapa_del_modelo": [_cell(mapping[s]) for s in COURSE_STAGES],
        }
    )


def correspondence_matrix(model_keys: list[str] | None = None) -> pd.DataFrame:
    """All models side by side: one row per course stage, one column per model (its name).

    >>> m = correspondence_matrix(["aida", "mot"])
    >>> m.loc["conciencia"].tolist()
    ['atención', '—']
    >>> m.index.name
    'etapa del curso'
    """
    keys = (
        [k for k in STAGE_MODELS if k != DEFAULT_STAGE_MODEL] if model_keys is None else model_keys
    )
    columns = {}
    for key in keys:
        mapping = correspondence(key)
        columns[get_stage_model(key).name] = [_cell(mapping[s]) for s in COURSE_STAGES]
    frame = pd.DataFrame(columns, index=pd.Index(list(COURSE_STAGES), name="etapa del curso"))
    return frame
