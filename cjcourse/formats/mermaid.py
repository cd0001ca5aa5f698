"""Mermaid ``journey`` diagrams: export a map as text that GitHub, GitLab or Notion draw, and read it back.

Mermaid's journey diagram holds sections (our stages) and tasks with a score from 1 to 5 and
actors. A map is written as: one ``section`` per stage, one task per touchpoint, the stage's
emotion as the score (rescaled from the map's scale to 1…5), the persona and the channel as
actors. The exact emotions go into ``%% cjcourse`` comment lines, which Mermaid ignores, so a
round trip keeps them (including "not recorded"). Everything else on the map (pain points,
opportunities, …) is not part of Mermaid's diagram: :func:`mermaid_subset` is what survives.

Mermaid reserves ``:``, ``;`` and ``#`` inside names; they are written as look-alike characters
(``꞉``, ``；``, ``＃``) and turned back on import. Line breaks become spaces.

>>> from cjcourse.journey import JourneyMap, Touchpoint
>>> j = JourneyMap.from_stage_model("phases3", title="Demo")
>>> j = j.add_card(0, "touchpoints", Touchpoint("Ve un anuncio", channel="redes sociales"))
>>> j = j.set_emotion(0, 1)
>>> print(to_mermaid(j).splitlines()[5])
      Ve un anuncio: 4: cliente, redes sociales
>>> from_mermaid(to_mermaid(j)) == mermaid_subset(j)
True
"""

from __future__ import annotations

import re

from cjcourse.i18n import t
from cjcourse.journey import (
    CHANNELS,
    DEFAULT_EMOTION_SCALE,
    JourneyError,
    JourneyMap,
    Persona,
    Stage,
    Touchpoint,
    _fold,
)
from cjcourse.stages import match_stage_model

__all__ = ["from_mermaid", "mermaid_subset", "to_mermaid"]

#: Actor used when the map has no persona name.
DEFAULT_ACTOR = "cliente"
_ESCAPES = {":": "꞉", ";": "；", "#": "＃", ",": "‚"}
_GUARD = "\u2060"  # word joiner: invisible, keeps "section …" as a task name
_KEYWORDS = {"section", "title", "journey"}
_META = re.compile(r"^%%\s*cjcourse\s+(\w+)\s*:\s*(.*)$")
_TASK = re.compile(r"^(?P<name>[^:]+?)\s*:\s*(?P<score>[^:]*?)\s*(?::\s*(?P<actors>.*))?$")


def _clean(text: str, *, actor: bool = False) -> str:
    text = " ".join(text.split())
    for char, look_alike in _ESCAPES.items():
        if char == "," and not actor:
            continue
        text = text.replace(char, look_alike)
    return text


def _unclean(text: str) -> str:
    for char, look_alike in _ESCAPES.items():
        text = text.replace(look_alike, char)
    return text.removeprefix(_GUARD)


def _task_name(text: str) -> str:
    """A task whose text starts like a keyword line gets an invisible word joiner in front."""
    text = _clean(text)
    first = text.split(" ", 1)[0]
    if first in _KEYWORDS or text.startswith(("%%", "accTitle", "accDescr")):
        return _GUARD + text
    return text


def _score(value: float | None, scale: tuple[int, int]) -> int:
    if value is None:
        return 3
    lo, hi = scale
    return max(1, min(5, round(1 + 4 * (value - lo) / (hi - lo))))


def _number(value: float | None) -> str:
    return "none" if value is None else repr(float(value))


def to_mermaid(journey: JourneyMap) -> str:
    """The map as a Mermaid ``journey`` diagram (text)."""
    actor = _clean(journey.persona.name, actor=True) or DEFAULT_ACTOR
    lines = ["journey"]
    if journey.title.strip():
        lines.append(f"    title {_clean(journey.title)}")
    lo, hi = journey.emotion_scale
    lines.append(f"    %% cjcourse scale: {lo} {hi}")
    if journey.persona.name.strip():
        lines.append(f"    %% cjcourse persona: {_clean(journey.persona.name)}")
    for stage in journey.stages:
        lines.append(f"    section {_clean(stage.name)}")
        lines.append(f"      %% cjcourse emotion: {_number(stage.emotion)}")
        if stage.emotion_to_be is not None:
            lines.append(f"      %% cjcourse emotion_to_be: {_number(stage.emotion_to_be)}")
        score = _score(stage.emotion, journey.emotion_scale)
        for tp in stage.touchpoints:
            lines.append(f"      {_task_name(tp.text)}: {score}: {actor}, {tp.channel}")
    return "\n".join(lines) + "\n"


def mermaid_subset(journey: JourneyMap) -> JourneyMap:
    """The part of ``journey`` a Mermaid diagram keeps (what :func:`from_mermaid` gives back)."""
    stages = tuple(
        Stage(
            name=_unclean(_clean(s.name)),
            emotion=s.emotion,
            emotion_to_be=s.emotion_to_be,
            touchpoints=tuple(
                Touchpoint(_unclean(_clean(tp.text)), channel=tp.channel) for tp in s.touchpoints
            ),
        )
        for s in journey.stages
    )
    return JourneyMap(
        title=_unclean(_clean(journey.title)),
        persona=Persona(name=_unclean(_clean(journey.persona.name))),
        emotion_scale=journey.emotion_scale,
        stage_model=match_stage_model([s.name for s in stages]),
        stages=stages,
    )


def _fail(line: int, key: str, **kwargs: object) -> None:
    problem = t(key, line=line, **kwargs)
    raise JourneyError(
        t("journey.error.field", field="Mermaid", problem=problem), field="Mermaid", problem=problem
    )


def from_mermaid(text: str) -> JourneyMap:
    """Read a Mermaid ``journey`` diagram (ours or anyone's) as a journey map.

    Without ``%% cjcourse`` comments, a stage's emotion is the mean score of its tasks, rescaled
    from 1…5 to −2…+2; actors that are channels from the vocabulary become the channel (else
    ``otro``) and the first other actor becomes the persona.
    """
    title = ""
    scale = DEFAULT_EMOTION_SCALE
    persona = ""
    persona_meta: str | None = None
    stages: list[dict] = []
    seen_header = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        meta = _META.match(line)
        if meta:
            key, value = meta.group(1), meta.group(2).strip()
            try:
                if key == "scale":
                    lo, hi = value.split()
                    scale = (int(lo), int(hi))
                elif key == "persona":
                    persona_meta = _unclean(value)
                elif key in ("emotion", "emotion_to_be") and stages:
                    stages[-1][key] = None if value == "none" else float(value)
            except ValueError:
                _fail(number, "journey.format.mermaid_bad_line", text=line)
            continue
        if line.startswith("%%"):
            continue
        if not seen_header:
            if line != "journey":
                _fail(number, "journey.format.mermaid_no_journey")
            seen_header = True
            continue
        word, _, rest = line.partition(" ")
        if word == "title":
            title = _unclean(rest.strip())
        elif word in ("accTitle:", "accDescr:") or line.startswith(("accTitle", "accDescr")):
            continue
        elif word == "section":
            stages.append({"name": _unclean(rest.strip()), "touchpoints": [], "scores": []})
        else:
            match = _TASK.match(line)
            if not match:
                _fail(number, "journey.format.mermaid_bad_line", text=line)
            if not stages:
                _fail(number, "journey.format.mermaid_task_before_section", text=match["name"])
            score_text = match["score"] or "3"
            try:
                score = float(score_text)
            except ValueError:
                _fail(number, "journey.format.mermaid_bad_score", value=score_text)
            if not (score.is_integer() and 1 <= score <= 5):
                _fail(number, "journey.format.mermaid_bad_score", value=score_text)
            actors = [a.strip() for a in (match["actors"] or "").split(",") if a.strip()]
            channel = "otro"
            others = []
            for a in actors:
                if channel == "otro" and any(_fold(a) == _fold(c) for c in CHANNELS):
                    channel = next(c for c in CHANNELS if _fold(c) == _fold(a))
                else:
                    others.append(_unclean(a))
            if others and not persona and _fold(others[0]) != DEFAULT_ACTOR:
                persona = others[0]
            stages[-1]["touchpoints"].append(Touchpoint(_unclean(match["name"]), channel=channel))
            stages[-1]["scores"].append(score)
    if not seen_header:
        _fail(1, "journey.format.mermaid_no_journey")
    lo, hi = scale
    built = []
    for s in stages:
        if "emotion" in s:
            emotion = s["emotion"]
        elif s["scores"]:
            mean = sum(s["scores"]) / len(s["scores"])
            emotion = lo + (mean - 1) * (hi - lo) / 4
        else:
            emotion = None
        built.append(
            Stage(
                name=s["name"],
                emotion=emotion,
                emotion_to_be=s.get("emotion_to_be"),
                touchpoints=tuple(s["touchpoints"]),
            )
        )
    return JourneyMap(
        title=title,
        persona=Persona(name=persona if persona_meta is None else persona_meta),
        emotion_scale=scale,
        stage_model=match_stage_model([s.name for s in built]),
        stages=tuple(built),
    )
