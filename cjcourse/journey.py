"""Journey maps as values: persona, stages, cards, emotions, and their JSON files.

Every object is a frozen dataclass. Editing returns a new map (``journey.add_stage("compra")``,
``dataclasses.replace``), so a failed edit or a failed load never damages the map you had.
Invalid values raise :class:`JourneyError` (a ``ValueError``) whose message, in Spanish, names the
field and the problem.

>>> j = JourneyMap.from_stage_model("aida", title="Mi primer mapa")
>>> [s.name for s in j.stages]
['atención', 'interés', 'deseo', 'acción']
>>> j = j.add_card(0, "touchpoints", Touchpoint("Anuncio en Instagram", channel="redes sociales"))
>>> j = j.set_emotion(0, 1)
>>> j.stages[0].touchpoints[0].channel, j.stages[0].emotion
('redes sociales', 1.0)
>>> JourneyMap.from_json(j.to_json()) == j
True
>>> Touchpoint("Web", channel="fax")
Traceback (most recent call last):
...
cjcourse.journey.JourneyError: channel: el canal «fax» no está en el vocabulario. Valores válidos: web, app, email, redes sociales, tienda física, teléfono, chat, buscador, publicidad, boca a boca, correo postal, otro.
"""

from __future__ import annotations

import contextlib
import dataclasses
import difflib
import json
import math
import os
import stat
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from cjcourse.i18n import t
from cjcourse.stages import CUSTOM, DEFAULT_STAGE_MODEL, STAGE_MODELS, get_stage_model

__all__ = [
    "BLUEPRINT_LANES",
    "CHANNELS",
    "DEFAULT_EMOTION_SCALE",
    "EVIDENCE_LEVELS",
    "FORMAT_NAME",
    "LANES",
    "MOMENTS_OF_TRUTH",
    "SCHEMA_VERSION",
    "SEVERITIES",
    "BlueprintCard",
    "Card",
    "Gap",
    "JourneyError",
    "JourneyMap",
    "MomentOfTruth",
    "Opportunity",
    "PainPoint",
    "Persona",
    "Stage",
    "Touchpoint",
    "atomic_write_bytes",
    "atomic_write_text",
    "describe",
    "emotion_word",
    "load_journey",
    "migrate",
    "review",
    "save_journey",
    "severity_word",
    "unanswered_pain_points",
]

#: Version of the JSON files this code writes. Older versions are migrated on load.
SCHEMA_VERSION = 2
#: Value of the ``format`` key in every file, so a stray JSON file is recognised as not a map.
FORMAT_NAME = "cjcourse.journey-map"

#: Channels a touchpoint can use (the course's vocabulary; ``otro`` for anything else).
CHANNELS: tuple[str, ...] = (
    "web",
    "app",
    "email",
    "redes sociales",
    "tienda física",
    "teléfono",
    "chat",
    "buscador",
    "publicidad",
    "boca a boca",
    "correo postal",
    "otro",
)
#: How sure we are of a card: assumed, stated by customers, observed, measured.
EVIDENCE_LEVELS: tuple[str, ...] = ("supuesto", "declarado", "observado", "medido")
#: Moments of truth, in the order of the reference sheet (ZMOT → FMOT → SMOT → UMOT).
MOMENTS_OF_TRUTH: tuple[str, ...] = ("ZMOT", "FMOT", "SMOT", "UMOT")
#: Service-blueprint lanes below the line of interaction.
BLUEPRINT_LANES: tuple[str, ...] = (
    "evidencia física",
    "escenario",
    "bastidores",
    "procesos de soporte",
)
#: Pain-point severity: 1 baja, 2 media, 3 alta.
SEVERITIES: tuple[int, ...] = (1, 2, 3)
#: Default emotion scale (−2 very negative … +2 very positive).
DEFAULT_EMOTION_SCALE: tuple[int, int] = (-2, 2)


class JourneyError(ValueError):
    """A journey map (or a file holding one) is not valid. The message is Spanish teaching text.

    ``field`` names the place (``stages[2].touchpoints[0].channel``), ``problem`` says what is wrong.
    """

    def __init__(self, message: str, *, field: str = "", problem: str = ""):
        super().__init__(message)
        self.field = field
        self.problem = problem or message


def _fail(field_name: str, key: str, **kwargs: Any) -> None:
    problem = t(key, **kwargs)
    raise JourneyError(
        t("journey.error.field", field=field_name, problem=problem),
        field=field_name,
        problem=problem,
    )


def _fold(text: str) -> str:
    """Lower case without accents, for forgiving vocabulary matches ("Tienda fisica")."""
    decomposed = unicodedata.normalize("NFKD", text.strip().lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _choice(value: Any, options: Iterable[Any], field_name: str, what: str) -> Any:
    options = tuple(options)
    if value in options:
        return value
    if isinstance(value, str):
        for option in options:
            if isinstance(option, str) and _fold(option) == _fold(value):
                return option
    words = [str(o) for o in options]
    close = difflib.get_close_matches(str(value), words, n=1)
    _fail(
        field_name,
        "journey.error.not_in_vocabulary",
        what=t(what),
        value=value,
        options=", ".join(words),
        hint=t("journey.error.did_you_mean", value=close[0]) if close else "",
    )
    return None  # pragma: no cover (unreachable)


def _text(value: Any, field_name: str, *, required: bool = False) -> str:
    if not isinstance(value, str):
        _fail(field_name, "journey.error.not_text", kind=type(value).__name__)
    if required and not value.strip():
        _fail(field_name, "journey.error.empty")
    return value


def _texts(value: Any, field_name: str) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        _fail(field_name, "journey.error.not_list", kind=type(value).__name__)
    return tuple(_text(v, f"{field_name}[{i}]") for i, v in enumerate(value))


def _set(obj: Any, name: str, value: Any) -> None:
    object.__setattr__(obj, name, value)


# --------------------------------------------------------------------------- cards


@dataclass(frozen=True)
class Card:
    """A plain card (a customer action or a thought) with its evidence level."""

    text: str
    evidence: str = "supuesto"

    def __post_init__(self) -> None:
        _set(self, "text", _text(self.text, "text", required=True))
        _set(
            self,
            "evidence",
            _choice(self.evidence, EVIDENCE_LEVELS, "evidence", "journey.what.evidence"),
        )

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str = "") -> Card:
        return _build(cls, data, path)


@dataclass(frozen=True)
class Touchpoint(Card):
    """Where the customer meets the company, through a channel from :data:`CHANNELS`."""

    channel: str = "web"

    def __post_init__(self) -> None:
        super().__post_init__()
        _set(self, "channel", _choice(self.channel, CHANNELS, "channel", "journey.what.channel"))


@dataclass(frozen=True)
class PainPoint(Card):
    """A problem the customer meets; ``severity`` 1 (baja) … 3 (alta)."""

    severity: int = 2

    def __post_init__(self) -> None:
        super().__post_init__()
        if isinstance(self.severity, bool) or self.severity not in SEVERITIES:
            _fail("severity", "journey.error.severity", value=self.severity)
        _set(self, "severity", int(self.severity))


@dataclass(frozen=True)
class Opportunity(Card):
    """An improvement, with who owns it and (optionally) the text of the pain point it solves."""

    owner: str = ""
    addresses: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        _text(self.owner, "owner")
        _text(self.addresses, "addresses")


@dataclass(frozen=True)
class MomentOfTruth(Card):
    """A moment of truth of kind ZMOT, FMOT, SMOT or UMOT."""

    kind: str = "FMOT"

    def __post_init__(self) -> None:
        super().__post_init__()
        _set(
            self,
            "kind",
            _choice(
                self.kind.upper() if isinstance(self.kind, str) else self.kind,
                MOMENTS_OF_TRUTH,
                "kind",
                "journey.what.moment",
            ),
        )


@dataclass(frozen=True)
class BlueprintCard(Card):
    """A service-blueprint card in one of :data:`BLUEPRINT_LANES`."""

    lane: str = "escenario"

    def __post_init__(self) -> None:
        super().__post_init__()
        _set(
            self, "lane", _choice(self.lane, BLUEPRINT_LANES, "lane", "journey.what.blueprint_lane")
        )


#: Lanes of a stage: attribute name → card class. Their display names are ``journey.lane.<name>``.
LANES: dict[str, type[Card]] = {
    "actions": Card,
    "touchpoints": Touchpoint,
    "thoughts": Card,
    "pain_points": PainPoint,
    "opportunities": Opportunity,
    "moments": MomentOfTruth,
    "blueprint": BlueprintCard,
}


def _build(cls: type, data: Any, path: str) -> Any:
    """``cls(**data)`` with the full path in any error and unknown keys reported, not ignored."""
    if not isinstance(data, Mapping):
        _fail(path or t("journey.field.root"), "journey.error.not_object", kind=type(data).__name__)
    names = [f.name for f in dataclasses.fields(cls) if f.init]
    unknown = [k for k in data if k not in names]
    if unknown:
        close = difflib.get_close_matches(str(unknown[0]), names, n=1)
        _fail(
            _join(path, str(unknown[0])),
            "journey.error.unknown_key",
            options=", ".join(names),
            hint=t("journey.error.did_you_mean", value=close[0]) if close else "",
        )
    try:
        return cls(**data)
    except JourneyError as exc:
        where = _join(path, exc.field)
        raise JourneyError(
            t("journey.error.field", field=where, problem=exc.problem),
            field=where,
            problem=exc.problem,
        ) from None
    except TypeError:
        missing = [
            f.name
            for f in dataclasses.fields(cls)
            if f.init
            and f.name not in data
            and f.default is dataclasses.MISSING
            and f.default_factory is dataclasses.MISSING
        ]
        _fail(_join(path, missing[0] if missing else "?"), "journey.error.missing")


def _join(path: str, name: str) -> str:
    if not path:
        return name
    if not name:
        return path
    return f"{path}{name}" if name.startswith("[") else f"{path}.{name}"


# --------------------------------------------------------------------------- persona & stage


@dataclass(frozen=True)
class Persona:
    """Who travels the journey: a name, a short description and their goals."""

    name: str = ""
    description: str = ""
    goals: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _text(self.name, "name")
        _text(self.description, "description")
        _set(self, "goals", _texts(self.goals, "goals"))

    @property
    def is_empty(self) -> bool:
        return not (
            self.name.strip() or self.description.strip() or any(g.strip() for g in self.goals)
        )

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "description": self.description, "goals": list(self.goals)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str = "persona") -> Persona:
        return _build(cls, data, path)


def _emotion(value: Any, field_name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        _fail(field_name, "journey.error.not_number", value=value)
    return float(value)


@dataclass(frozen=True)
class Stage:
    """One stage (column) of the map with its lanes of cards and its emotion.

    ``emotion`` is the current (as-is) emotion; ``emotion_to_be`` the one the redesign aims for.
    ``None`` means "not recorded yet" (``review`` reports it).
    """

    name: str
    description: str = ""
    actions: tuple[Card, ...] = ()
    touchpoints: tuple[Touchpoint, ...] = ()
    thoughts: tuple[Card, ...] = ()
    emotion: float | None = None
    emotion_to_be: float | None = None
    pain_points: tuple[PainPoint, ...] = ()
    opportunities: tuple[Opportunity, ...] = ()
    moments: tuple[MomentOfTruth, ...] = ()
    blueprint: tuple[BlueprintCard, ...] = ()

    def __post_init__(self) -> None:
        _text(self.name, "name", required=True)
        _text(self.description, "description")
        _set(self, "emotion", _emotion(self.emotion, "emotion"))
        _set(self, "emotion_to_be", _emotion(self.emotion_to_be, "emotion_to_be"))
        for lane, cls in LANES.items():
            value = getattr(self, lane)
            if isinstance(value, str | Mapping) or not isinstance(value, Iterable):
                _fail(lane, "journey.error.not_list", kind=type(value).__name__)
            cards = []
            for i, card in enumerate(value):
                if isinstance(card, Mapping):
                    card = _build(cls, card, f"{lane}[{i}]")
                elif type(card) is not cls:
                    _fail(
                        f"{lane}[{i}]",
                        "journey.error.wrong_card",
                        expected=cls.__name__,
                        kind=type(card).__name__,
                    )
                cards.append(card)
            _set(self, lane, tuple(cards))

    @property
    def card_count(self) -> int:
        return sum(len(getattr(self, lane)) for lane in LANES)

    def with_card(self, lane: str, card: Card) -> Stage:
        """A copy with ``card`` appended to ``lane``."""
        _check_lane(lane)
        return dataclasses.replace(self, **{lane: (*getattr(self, lane), card)})

    def without_card(self, lane: str, index: int) -> Stage:
        """A copy without card number ``index`` of ``lane``."""
        _check_lane(lane)
        cards = list(getattr(self, lane))
        if not 0 <= index < len(cards):
            _fail(f"{lane}[{index}]", "journey.error.no_such_card", count=len(cards))
        del cards[index]
        return dataclasses.replace(self, **{lane: tuple(cards)})

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "description": self.description,
            "emotion": self.emotion,
            "emotion_to_be": self.emotion_to_be,
        }
        for lane in LANES:
            out[lane] = [c.to_dict() for c in getattr(self, lane)]
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], path: str = "stage") -> Stage:
        return _build(cls, data, path)


def _check_lane(lane: str) -> None:
    if lane not in LANES:
        _choice(lane, LANES, "lane", "journey.what.lane")


# --------------------------------------------------------------------------- the map


@dataclass(frozen=True)
class JourneyMap:
    """A whole customer-journey map.

    ``stage_model`` is the key of the preset the stages came from (:mod:`cjcourse.stages`) or
    ``"custom"``. ``emotion_scale`` is the declared ``(lowest, highest)`` emotion score.
    """

    title: str = ""
    persona: Persona = field(default_factory=Persona)
    scenario: str = ""
    expectations: tuple[str, ...] = ()
    stage_model: str = DEFAULT_STAGE_MODEL
    emotion_scale: tuple[int, int] = DEFAULT_EMOTION_SCALE
    stages: tuple[Stage, ...] = ()

    schema_version: ClassVar[int] = SCHEMA_VERSION

    def __post_init__(self) -> None:
        _text(self.title, "title")
        _text(self.scenario, "scenario")
        _set(self, "expectations", _texts(self.expectations, "expectations"))
        if isinstance(self.persona, Mapping):
            _set(self, "persona", _build(Persona, self.persona, "persona"))
        elif not isinstance(self.persona, Persona):
            _fail("persona", "journey.error.not_object", kind=type(self.persona).__name__)
        _set(
            self,
            "stage_model",
            _choice(self.stage_model, [*STAGE_MODELS, CUSTOM], "stage_model", "journey.what.model"),
        )
        scale = self.emotion_scale
        if (
            isinstance(scale, str)
            or not isinstance(scale, Iterable)
            or len(scale := tuple(scale)) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in scale)
            or scale[0] >= scale[1]
        ):
            _fail("emotion_scale", "journey.error.scale", value=self.emotion_scale)
        _set(self, "emotion_scale", scale)
        if isinstance(self.stages, str | Mapping) or not isinstance(self.stages, Iterable):
            _fail("stages", "journey.error.not_list", kind=type(self.stages).__name__)
        stages = []
        seen: dict[str, int] = {}
        for i, stage in enumerate(self.stages):
            if isinstance(stage, Mapping):
                stage = _build(Stage, stage, f"stages[{i}]")
            elif not isinstance(stage, Stage):
                _fail(f"stages[{i}]", "journey.error.not_object", kind=type(stage).__name__)
            key = _fold(stage.name)
            if key in seen:
                _fail(
                    f"stages[{i}].name",
                    "journey.error.duplicate_stage",
                    name=stage.name,
                    other=seen[key] + 1,
                )
            seen[key] = i
            lo, hi = scale
            for attr in ("emotion", "emotion_to_be"):
                value = getattr(stage, attr)
                if value is not None and not lo <= value <= hi:
                    _fail(
                        f"stages[{i}].{attr}",
                        "journey.error.out_of_scale",
                        value=value,
                        lo=lo,
                        hi=hi,
                    )
            stages.append(stage)
        _set(self, "stages", tuple(stages))

    # ---- construction
    @classmethod
    def from_stage_model(cls, key: str = DEFAULT_STAGE_MODEL, **kwargs: Any) -> JourneyMap:
        """An empty map with the stages of preset ``key`` (see :mod:`cjcourse.stages`)."""
        if key == CUSTOM:
            return cls(stage_model=CUSTOM, **kwargs)
        model = get_stage_model(key)
        return cls(stage_model=key, stages=tuple(Stage(n) for n in model.stages), **kwargs)

    # ---- queries
    def stage_index(self, name: str) -> int:
        """Position of the stage called ``name`` (case and accents ignored)."""
        for i, stage in enumerate(self.stages):
            if _fold(stage.name) == _fold(name):
                return i
        _choice(name, [s.name for s in self.stages], "stage", "journey.what.stage")
        return -1  # pragma: no cover

    def stage(self, name_or_index: str | int) -> Stage:
        i = name_or_index if isinstance(name_or_index, int) else self.stage_index(name_or_index)
        return self.stages[self._index(i)]

    def _index(self, index: int, *, allow_end: bool = False) -> int:
        n = len(self.stages) + (1 if allow_end else 0)
        if isinstance(index, bool) or not isinstance(index, int) or not -n <= index < n:
            _fail("stages", "journey.error.no_such_stage", index=index, count=len(self.stages))
        return index % n if n else 0

    # ---- edits (each returns a new map)
    def with_stages(self, stages: Iterable[Stage]) -> JourneyMap:
        return dataclasses.replace(self, stages=tuple(stages))

    def with_stage(self, index: int, stage: Stage) -> JourneyMap:
        """A copy where stage ``index`` is replaced by ``stage``."""
        stages = list(self.stages)
        stages[self._index(index)] = stage
        return self.with_stages(stages)

    def add_stage(self, name: str, index: int | None = None) -> JourneyMap:
        """A copy with a new empty stage ``name`` at ``index`` (default: at the end)."""
        stages = list(self.stages)
        stages.insert(
            len(stages) if index is None else self._index(index, allow_end=True), Stage(name)
        )
        return dataclasses.replace(self, stages=tuple(stages), stage_model=CUSTOM)

    def remove_stage(self, index: int) -> JourneyMap:
        stages = list(self.stages)
        del stages[self._index(index)]
        return dataclasses.replace(self, stages=tuple(stages), stage_model=CUSTOM)

    def rename_stage(self, index: int, name: str) -> JourneyMap:
        stage = self.stages[self._index(index)]
        if stage.name == name:
            return self
        return dataclasses.replace(
            self.with_stage(index, dataclasses.replace(stage, name=name)), stage_model=CUSTOM
        )

    def move_stage(self, index: int, new_index: int) -> JourneyMap:
        """A copy where stage ``index`` now sits at ``new_index``."""
        stages = list(self.stages)
        stage = stages.pop(self._index(index))
        new_index = max(0, min(new_index, len(stages)))
        stages.insert(new_index, stage)
        return dataclasses.replace(self, stages=tuple(stages), stage_model=CUSTOM)

    def add_card(self, stage: int | str, lane: str, card: Card) -> JourneyMap:
        i = self._index(stage) if isinstance(stage, int) else self.stage_index(stage)
        return self.with_stage(i, self.stages[i].with_card(lane, card))

    def remove_card(self, stage: int | str, lane: str, index: int) -> JourneyMap:
        i = self._index(stage) if isinstance(stage, int) else self.stage_index(stage)
        return self.with_stage(i, self.stages[i].without_card(lane, index))

    def set_emotion(
        self, stage: int | str, value: float | None, *, to_be: bool = False
    ) -> JourneyMap:
        """A copy with the emotion (or the to-be emotion) of ``stage`` set to ``value``."""
        i = self._index(stage) if isinstance(stage, int) else self.stage_index(stage)
        attr = "emotion_to_be" if to_be else "emotion"
        return self.with_stage(i, dataclasses.replace(self.stages[i], **{attr: value}))

    def with_stage_model(self, key: str) -> JourneyMap:
        """Switch to preset ``key``: stages take the preset's names; cards stay by position.

        Stages beyond the preset's length are kept (with their names) when they hold cards or
        emotions, so switching models never throws a student's work away.
        """
        if key == CUSTOM:
            return dataclasses.replace(self, stage_model=CUSTOM)
        names = get_stage_model(key).stages
        stages = []
        for i, name in enumerate(names):
            old = self.stages[i] if i < len(self.stages) else Stage(name)
            stages.append(dataclasses.replace(old, name=name))
        taken = {_fold(n) for n in names}
        for old in self.stages[len(names) :]:
            has_content = old.card_count or old.emotion is not None or old.emotion_to_be is not None
            if has_content:
                name = old.name
                while _fold(name) in taken:
                    name += " (2)"
                taken.add(_fold(name))
                stages.append(dataclasses.replace(old, name=name))
        extra = len(stages) > len(names)
        return dataclasses.replace(self, stages=tuple(stages), stage_model=CUSTOM if extra else key)

    # ---- (de)serialisation
    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT_NAME,
            "schema_version": SCHEMA_VERSION,
            "title": self.title,
            "persona": self.persona.to_dict(),
            "scenario": self.scenario,
            "expectations": list(self.expectations),
            "stage_model": self.stage_model,
            "emotion_scale": list(self.emotion_scale),
            "stages": [s.to_dict() for s in self.stages],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> JourneyMap:
        """Build a map from a dict of any known schema version (older ones are migrated)."""
        data = migrate(data)
        body = {k: v for k, v in data.items() if k not in ("format", "schema_version")}
        return _build(cls, body, "")

    def to_json(self, *, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_json(cls, text: str, *, source: str = "") -> JourneyMap:
        """Parse JSON text; truncated or broken text gets a Spanish message with line and column."""
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            # a file cut short (a crash while saving elsewhere) ends before its closing brace
            end = text.rstrip()
            truncated = exc.pos >= len(end) or not end.endswith(("}", "]"))
            raise JourneyError(
                t(
                    "journey.error.bad_json",
                    source=source or t("journey.error.the_text"),
                    line=exc.lineno,
                    column=exc.colno,
                    why=t("journey.error.truncated") if truncated else t("journey.error.syntax"),
                ),
                field="json",
            ) from None
        return cls.from_dict(data)


# --------------------------------------------------------------------------- migrations


def _v1_to_v2(data: Mapping[str, Any]) -> dict[str, Any]:
    """Schema v1 (2025 prototype): persona as one text; cards as plain texts; no scale.

    ``{"version": 1, "title": …, "persona": "Ana, 34 años", "stages": [{"name": …,
    "emotion": -1, "touchpoints": ["web"], "pain_points": ["…"], "opportunities": ["…"]}]}``
    """
    persona = data.get("persona", "")
    if not isinstance(persona, str):
        _fail("persona", "journey.error.not_text", kind=type(persona).__name__)
    name, _, description = persona.partition(",")
    stages = data.get("stages", [])
    if not isinstance(stages, list):
        _fail("stages", "journey.error.not_list", kind=type(stages).__name__)
    new_stages = []
    for i, stage in enumerate(stages):
        if not isinstance(stage, Mapping):
            _fail(f"stages[{i}]", "journey.error.not_object", kind=type(stage).__name__)
        new: dict[str, Any] = {"name": stage.get("name", ""), "emotion": stage.get("emotion")}
        for lane, make in (
            ("touchpoints", lambda s: {"text": s, "channel": "otro"}),
            ("pain_points", lambda s: {"text": s}),
            ("opportunities", lambda s: {"text": s}),
            ("actions", lambda s: {"text": s}),
        ):
            items = stage.get(lane, [])
            if not isinstance(items, list):
                _fail(f"stages[{i}].{lane}", "journey.error.not_list", kind=type(items).__name__)
            for j, item in enumerate(items):
                if not isinstance(item, str):
                    _fail(
                        f"stages[{i}].{lane}[{j}]",
                        "journey.error.not_text",
                        kind=type(item).__name__,
                    )
            new[lane] = [make(s) for s in items]
        new_stages.append(new)
    return {
        "format": FORMAT_NAME,
        "schema_version": 2,
        "title": data.get("title", ""),
        "persona": {"name": name.strip(), "description": description.strip(), "goals": []},
        "scenario": data.get("scenario", ""),
        "expectations": [],
        "stage_model": CUSTOM,
        "emotion_scale": list(DEFAULT_EMOTION_SCALE),
        "stages": new_stages,
    }


#: version → function upgrading a document of that version to the next one.
MIGRATIONS: dict[int, Callable[[Mapping[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


def migrate(data: Any) -> dict[str, Any]:
    """Upgrade a journey-map document of any known schema version to :data:`SCHEMA_VERSION`.

    >>> old = {"version": 1, "title": "T", "persona": "Ana, 34 años",
    ...        "stages": [{"name": "compra", "emotion": -1, "touchpoints": ["web"]}]}
    >>> new = migrate(old)
    >>> new["schema_version"], new["persona"]["name"], new["stages"][0]["touchpoints"][0]["channel"]
    (2, 'Ana', 'otro')
    """
    if not isinstance(data, Mapping):
        _fail(t("journey.field.root"), "journey.error.not_object", kind=type(data).__name__)
    version = data.get("schema_version", data.get("version"))
    if version is None:
        _fail("schema_version", "journey.error.no_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        _fail("schema_version", "journey.error.bad_version", value=version)
    if version > SCHEMA_VERSION:
        _fail(
            "schema_version", "journey.error.newer_version", value=version, supported=SCHEMA_VERSION
        )
    if version >= 2 and data.get("format") != FORMAT_NAME:
        _fail("format", "journey.error.bad_format", value=data.get("format"), expected=FORMAT_NAME)
    out = dict(data)
    while version < SCHEMA_VERSION:
        out = MIGRATIONS[version](out)
        version = out["schema_version"]
    return out


# --------------------------------------------------------------------------- files


def _umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` so a crash can never leave a half-written file.

    The bytes go to a temporary file in the same folder, are flushed to disk (``fsync``) and then
    replace the target in one step (``os.replace``). If anything fails, the previous file stays
    as it was and the temporary file is removed.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:  # keep the permissions of the file we replace; new files get the usual ones (umask)
        mode = stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mode = 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(OSError):
            os.chmod(tmp, mode)  # mkstemp makes 0600 files
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    # make the rename itself durable (POSIX); harmless to skip where folders cannot be opened
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    return path


def atomic_write_text(path: str | os.PathLike[str], text: str) -> Path:
    """:func:`atomic_write_bytes` for UTF-8 text."""
    return atomic_write_bytes(path, text.encode("utf-8"))


def save_journey(journey: JourneyMap, path: str | os.PathLike[str]) -> Path:
    """Save ``journey`` as JSON at ``path`` (atomically, see :func:`atomic_write_text`)."""
    return atomic_write_text(path, journey.to_json() + "\n")


def load_journey(path: str | os.PathLike[str]) -> JourneyMap:
    """Read a map saved by :func:`save_journey` (any schema version; older ones are migrated)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise JourneyError(t("journey.error.no_file", path=path), field="file") from None
    except UnicodeDecodeError:
        raise JourneyError(t("journey.error.not_utf8", path=path), field="file") from None
    except OSError as exc:  # a folder, no permission…
        reason = exc.strerror or str(exc)
        raise JourneyError(
            t("journey.error.cannot_read", path=path, reason=reason), field="file"
        ) from None
    if not text.strip():
        raise JourneyError(t("journey.error.empty_file", path=path), field="file")
    try:
        return JourneyMap.from_json(text, source=t("journey.error.the_file", path=path))
    except JourneyError as exc:
        if exc.field == "json":
            raise
        raise JourneyError(
            t("journey.error.in_file", path=path, message=str(exc)),
            field=exc.field,
            problem=exc.problem,
        ) from None


# --------------------------------------------------------------------------- review & summary


@dataclass(frozen=True)
class Gap:
    """Something missing in a map, as found by :func:`review`."""

    code: str
    message: str
    stage: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def review(journey: JourneyMap) -> list[Gap]:
    """The gaps of a map, in Spanish, in the order a student should fix them.

    A pain point counts as answered when an opportunity of its stage names it in ``addresses``;
    opportunities that name no pain point answer the remaining pain points one each.

    >>> j = JourneyMap.from_stage_model("phases3")
    >>> [g.code for g in review(j)][:2]
    ['no_persona', 'stage_without_touchpoint']
    """
    gaps: list[Gap] = []
    if journey.persona.is_empty:
        gaps.append(Gap("no_persona", t("journey.gap.no_persona")))
    if not journey.stages:
        gaps.append(Gap("no_stages", t("journey.gap.no_stages")))
    for stage in journey.stages:
        if not stage.touchpoints:
            gaps.append(
                Gap(
                    "stage_without_touchpoint",
                    t("journey.gap.stage_without_touchpoint", stage=stage.name),
                    stage.name,
                )
            )
    for stage in journey.stages:
        if stage.emotion is None:
            gaps.append(
                Gap(
                    "missing_emotion",
                    t("journey.gap.missing_emotion", stage=stage.name),
                    stage.name,
                )
            )
    for stage in journey.stages:
        for pain in unanswered_pain_points(stage):
            gaps.append(
                Gap(
                    "pain_without_opportunity",
                    t("journey.gap.pain_without_opportunity", stage=stage.name, pain=pain.text),
                    stage.name,
                )
            )
    for stage in journey.stages:
        for opp in stage.opportunities:
            if not opp.owner.strip():
                gaps.append(
                    Gap(
                        "opportunity_without_owner",
                        t("journey.gap.opportunity_without_owner", stage=stage.name, text=opp.text),
                        stage.name,
                    )
                )
    return gaps


def unanswered_pain_points(stage: Stage) -> list[PainPoint]:
    """Pain points of ``stage`` that no opportunity answers (see :func:`review`)."""
    named = {_fold(o.addresses) for o in stage.opportunities if o.addresses.strip()}
    open_pains = [p for p in stage.pain_points if _fold(p.text) not in named]
    spare = sum(1 for o in stage.opportunities if not o.addresses.strip())
    return open_pains[spare:]


def emotion_word(value: float | None, scale: tuple[int, int] = DEFAULT_EMOTION_SCALE) -> str:
    """The emotion in words, relative to the scale (for screen readers and colour-blind readers).

    >>> emotion_word(-2), emotion_word(0), emotion_word(1.5)
    ('muy negativa', 'neutra', 'muy positiva')
    """
    if value is None:
        return t("journey.emotion.none")
    lo, hi = scale
    share = (value - lo) / (hi - lo)
    for limit, key in (
        (0.2, "very_negative"),
        (0.4, "negative"),
        (0.6, "neutral"),
        (0.8, "positive"),
    ):
        if share < limit or (key == "neutral" and share <= limit):
            return t(f"journey.emotion.{key}")
    return t("journey.emotion.very_positive")


def severity_word(severity: int) -> str:
    return t(f"journey.severity.{severity}")


def describe(journey: JourneyMap) -> str:
    """A plain-text summary of the map, for screen readers and for anyone who cannot see colour.

    >>> j = JourneyMap.from_stage_model("phases3").set_emotion(0, -1)
    >>> print(describe(j).splitlines()[2])
    1. conciencia y consideración — emoción: -1 (negativa); 0 puntos de contacto.
    """
    lines = [t("journey.summary.title", title=journey.title or t("journey.summary.untitled"))]
    persona = journey.persona
    lines.append(
        t("journey.summary.persona", name=persona.name, description=persona.description)
        if not persona.is_empty
        else t("journey.summary.no_persona")
    )
    for i, stage in enumerate(journey.stages, 1):
        emotion = (
            t(
                "journey.summary.emotion",
                value=_fmt(stage.emotion),
                word=emotion_word(stage.emotion, journey.emotion_scale),
            )
            if stage.emotion is not None
            else t("journey.emotion.none")
        )
        channels = sorted({tp.channel for tp in stage.touchpoints})
        parts = [
            t(
                "journey.summary.stage",
                n=i,
                name=stage.name,
                emotion=emotion,
                touchpoints=len(stage.touchpoints),
            )
        ]
        if channels:
            parts.append(t("journey.summary.channels", channels=", ".join(channels)))
        if stage.emotion_to_be is not None:
            parts.append(
                t(
                    "journey.summary.to_be",
                    value=_fmt(stage.emotion_to_be),
                    word=emotion_word(stage.emotion_to_be, journey.emotion_scale),
                )
            )
        for pain in stage.pain_points:
            parts.append(
                t("journey.summary.pain", text=pain.text, severity=severity_word(pain.severity))
            )
        for opp in stage.opportunities:
            parts.append(
                t(
                    "journey.summary.opportunity",
                    text=opp.text,
                    owner=opp.owner or t("journey.summary.no_owner"),
                )
            )
        for moment in stage.moments:
            parts.append(t("journey.summary.moment", kind=moment.kind, text=moment.text))
        lines.append(" ".join(parts))
    if journey.stage_model in STAGE_MODELS:
        for loop in STAGE_MODELS[journey.stage_model].loops:
            lines.append(
                t(
                    "journey.summary.loop",
                    label=loop.label,
                    source=loop.from_stage,
                    target=loop.to_stage,
                )
            )
    return "\n".join(lines)


def _fmt(value: float) -> str:
    return f"{value:+g}" if value else "0"
