"""Export to an OpenJourney-style JSON document (export only).

The course's reference sheet names OpenJourney (OJF) as the open JSON format to interoperate
with. Its published specification was not available when this module was written (no internet
on the build machines), so the shape below is **provisional**: a plain, self-describing JSON
(journey → persona, stages → touchpoints, emotions, pain points, opportunities) tagged with
``"ojf_shape": "cjcourse-provisional-1"``. Check it against the OJF specification before relying
on another tool reading it; the lossless format remains :meth:`JourneyMap.to_json`.

>>> from cjcourse.journey import JourneyMap
>>> doc = to_ojf(JourneyMap.from_stage_model("aida", title="Demo"))
>>> doc["journey"]["stages"][0]["name"], doc["journey"]["stages"][0]["order"]
('atención', 1)
"""

from __future__ import annotations

from typing import Any

from cjcourse.journey import JourneyMap
from cjcourse.stages import STAGE_MODELS

__all__ = ["to_ojf"]


def to_ojf(journey: JourneyMap) -> dict[str, Any]:
    """The map as an OpenJourney-style dict (``json.dumps`` it to write a file)."""
    lo, hi = journey.emotion_scale
    model = STAGE_MODELS.get(journey.stage_model)
    stages = []
    for i, stage in enumerate(journey.stages, 1):
        sid = f"stage-{i}"
        stages.append(
            {
                "id": sid,
                "order": i,
                "name": stage.name,
                "description": stage.description,
                "actions": [{"text": c.text, "evidence": c.evidence} for c in stage.actions],
                "thoughts": [{"text": c.text, "evidence": c.evidence} for c in stage.thoughts],
                "touchpoints": [
                    {
                        "id": f"{sid}-tp-{j}",
                        "name": tp.text,
                        "channel": tp.channel,
                        "evidence": tp.evidence,
                    }
                    for j, tp in enumerate(stage.touchpoints, 1)
                ],
                "emotion": {
                    "score": stage.emotion,
                    "target": stage.emotion_to_be,
                    "scale": {"min": lo, "max": hi},
                },
                "painPoints": [
                    {
                        "id": f"{sid}-pain-{j}",
                        "description": p.text,
                        "severity": p.severity,
                        "evidence": p.evidence,
                    }
                    for j, p in enumerate(stage.pain_points, 1)
                ],
                "opportunities": [
                    {
                        "id": f"{sid}-opp-{j}",
                        "description": o.text,
                        "owner": o.owner,
                        "addresses": o.addresses,
                        "evidence": o.evidence,
                    }
                    for j, o in enumerate(stage.opportunities, 1)
                ],
                "momentsOfTruth": [{"type": m.kind, "description": m.text} for m in stage.moments],
                "blueprint": [{"lane": b.lane, "description": b.text} for b in stage.blueprint],
            }
        )
    return {
        "ojf_shape": "cjcourse-provisional-1",
        "generator": "cjcourse",
        "journey": {
            "title": journey.title,
            "persona": {
                "name": journey.persona.name,
                "description": journey.persona.description,
                "goals": list(journey.persona.goals),
            },
            "scenario": journey.scenario,
            "expectations": list(journey.expectations),
            "stageModel": {"key": journey.stage_model, "source": model.source if model else None},
            "stages": stages,
        },
    }
