"""A tidy CSV of the map's stages: one row per stage × lane × card (opens in Excel, Sheets, pandas).

Columns (Spanish, because students read them): ``etapa_orden``, ``etapa``, ``carril``, ``orden``,
``texto``, ``canal``, ``severidad``, ``responsable``, ``resuelve``, ``momento``, ``evidencia``,
``valor``. Every stage also has an ``emoción`` row (``valor`` empty when not recorded), so a stage
without cards is not lost. The persona, scenario and title are not in the CSV: pass a
``template`` map to :func:`from_csv` to keep them.

>>> from cjcourse.journey import JourneyMap, PainPoint
>>> j = JourneyMap.from_stage_model("phases3").add_card(1, "pain_points", PainPoint("Envío caro", severity=3))
>>> rows = to_csv(j).splitlines()
>>> rows[0]
'etapa_orden,etapa,carril,orden,texto,canal,severidad,responsable,resuelve,momento,evidencia,valor'
>>> rows[3]
'2,compra y experiencia,puntos de dolor,1,Envío caro,,3,,,,supuesto,'
>>> from_csv(to_csv(j), template=j) == j
True
"""

from __future__ import annotations

import csv
import dataclasses
import difflib
import io
import os
from pathlib import Path
from typing import Any

from cjcourse.i18n import t
from cjcourse.journey import (
    BLUEPRINT_LANES,
    BlueprintCard,
    Card,
    JourneyError,
    JourneyMap,
    MomentOfTruth,
    Opportunity,
    PainPoint,
    Stage,
    Touchpoint,
    atomic_write_text,
)
from cjcourse.stages import match_stage_model

__all__ = ["CSV_COLUMNS", "from_csv", "read_csv", "to_csv", "to_frame", "write_csv"]

CSV_COLUMNS = (
    "etapa_orden",
    "etapa",
    "carril",
    "orden",
    "texto",
    "canal",
    "severidad",
    "responsable",
    "resuelve",
    "momento",
    "evidencia",
    "valor",
)
_REQUIRED = ("etapa_orden", "etapa", "carril")

#: lane name in the CSV → stage attribute (fixed Spanish words, so files do not depend on the language)
CSV_LANES: dict[str, str] = {
    "acciones": "actions",
    "puntos de contacto": "touchpoints",
    "pensamientos": "thoughts",
    "puntos de dolor": "pain_points",
    "oportunidades": "opportunities",
    "momentos de la verdad": "moments",
    **{lane: "blueprint" for lane in BLUEPRINT_LANES},
}
_ATTR_TO_LANE = {v: k for k, v in CSV_LANES.items() if v != "blueprint"}
EMOTION = "emoción"
EMOTION_TO_BE = "emoción deseada"
DESCRIPTION = "descripción"


def _rows(journey: JourneyMap) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for s_i, stage in enumerate(journey.stages, 1):
        base = {"etapa_orden": str(s_i), "etapa": stage.name}

        def row(
            lane: str, order: int | str = "", base: dict[str, str] = base, **values: Any
        ) -> None:
            r = dict.fromkeys(CSV_COLUMNS, "")
            r.update(base, carril=lane, orden=str(order))
            r.update({k: "" if v is None else str(v) for k, v in values.items()})
            rows.append(r)

        row(EMOTION, valor=_num(stage.emotion))
        if stage.emotion_to_be is not None:
            row(EMOTION_TO_BE, valor=_num(stage.emotion_to_be))
        if stage.description:
            row(DESCRIPTION, texto=stage.description)
        for attr in (
            "actions",
            "touchpoints",
            "thoughts",
            "pain_points",
            "opportunities",
            "moments",
        ):
            for c_i, card in enumerate(getattr(stage, attr), 1):
                extra: dict[str, Any] = {}
                if isinstance(card, Touchpoint):
                    extra["canal"] = card.channel
                elif isinstance(card, PainPoint):
                    extra["severidad"] = card.severity
                elif isinstance(card, Opportunity):
                    extra["responsable"] = card.owner
                    extra["resuelve"] = card.addresses
                elif isinstance(card, MomentOfTruth):
                    extra["momento"] = card.kind
                row(_ATTR_TO_LANE[attr], c_i, texto=card.text, evidencia=card.evidence, **extra)
        for c_i, card in enumerate(stage.blueprint, 1):
            row(card.lane, c_i, texto=card.text, evidencia=card.evidence)
    return rows


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return repr(int(value)) if float(value).is_integer() else repr(value)


def to_csv(journey: JourneyMap, *, delimiter: str = ",") -> str:
    """The map's stages as tidy CSV text (see the module docstring for the columns)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(_rows(journey))
    return out.getvalue()


def to_frame(journey: JourneyMap):
    """The same rows as :func:`to_csv`, as a pandas DataFrame (numbers as numbers)."""
    import pandas as pd

    frame = pd.DataFrame(_rows(journey), columns=list(CSV_COLUMNS))
    for column in ("etapa_orden", "orden", "severidad", "valor"):
        frame[column] = pd.to_numeric(frame[column].replace("", None), errors="coerce")
    # whole numbers stay whole, with <NA> where a row has none (emotion rows have no card order)
    return frame.astype({"etapa_orden": "Int64", "orden": "Int64", "severidad": "Int64"})


def write_csv(journey: JourneyMap, path: str | os.PathLike[str]) -> Path:
    """Save :func:`to_csv` atomically, with a BOM so Excel reads the accents right."""
    return atomic_write_text(path, "\ufeff" + to_csv(journey))


def read_csv(path: str | os.PathLike[str], template: JourneyMap | None = None) -> JourneyMap:
    """Read a CSV written by :func:`write_csv` (or edited in a spreadsheet)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise JourneyError(t("journey.error.no_file", path=path), field="file") from None
    return from_csv(text, template=template)


def _fail(row: int, key: str, **kwargs: Any) -> None:
    problem = t(key, row=row, **kwargs)
    raise JourneyError(
        t("journey.error.field", field="CSV", problem=problem), field="CSV", problem=problem
    )


def _number(text: str, row: int, column: str, kind: type = float) -> Any:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
        return int(value) if kind is int and value.is_integer() else value
    except ValueError:
        _fail(row, "journey.format.csv_bad_number", column=column, value=text)


def from_csv(text: str, *, template: JourneyMap | None = None) -> JourneyMap:
    """Stages from tidy CSV text; everything else (persona, title…) from ``template``.

    The delimiter (``,`` or ``;``, as Spanish Excel writes) is detected. Rows may come in any
    order: stages are sorted by ``etapa_orden`` and cards by ``orden``.
    """
    text = text.lstrip("\ufeff")
    if not text.strip():
        _fail(1, "journey.format.csv_empty")
    first_line = text.splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    found = [c.strip() for c in (reader.fieldnames or [])]
    missing = [c for c in _REQUIRED if c not in found]
    if missing:
        problem = t(
            "journey.format.csv_missing_columns", columns=", ".join(missing), found=", ".join(found)
        )
        raise JourneyError(
            t("journey.error.field", field="CSV", problem=problem), field="CSV", problem=problem
        )

    stages: dict[int, dict[str, Any]] = {}
    for row_no, raw in enumerate(reader, 2):
        row = {(k or "").strip(): (v or "") for k, v in raw.items()}
        get = lambda c, row=row: row.get(c, "")  # noqa: E731
        order = _number(get("etapa_orden"), row_no, "etapa_orden", int)
        if order is None:
            _fail(row_no, "journey.format.csv_bad_number", column="etapa_orden", value="")
        stage = stages.setdefault(order, {"name": get("etapa"), "cards": {}, "fields": {}})
        lane = get("carril").strip()
        try:
            if lane == EMOTION:
                stage["fields"]["emotion"] = _number(get("valor"), row_no, "valor")
            elif lane == EMOTION_TO_BE:
                stage["fields"]["emotion_to_be"] = _number(get("valor"), row_no, "valor")
            elif lane == DESCRIPTION:
                stage["fields"]["description"] = get("texto")
            elif lane in CSV_LANES:
                attr = CSV_LANES[lane]
                evidence = get("evidencia") or "supuesto"
                common = {"text": get("texto"), "evidence": evidence}
                if attr == "touchpoints":
                    card: Card = Touchpoint(**common, channel=get("canal") or "otro")
                elif attr == "pain_points":
                    severity = _number(get("severidad"), row_no, "severidad", int)
                    card = PainPoint(**common, severity=2 if severity is None else severity)
                elif attr == "opportunities":
                    card = Opportunity(
                        **common, owner=get("responsable"), addresses=get("resuelve")
                    )
                elif attr == "moments":
                    card = MomentOfTruth(**common, kind=get("momento") or "FMOT")
                elif attr == "blueprint":
                    card = BlueprintCard(**common, lane=lane)
                else:
                    card = Card(**common)
                card_order = _number(get("orden"), row_no, "orden") or 0
                stage["cards"].setdefault(attr, []).append((card_order, row_no, card))
            else:
                close = difflib.get_close_matches(lane, [*CSV_LANES, EMOTION, EMOTION_TO_BE], n=1)
                _fail(
                    row_no,
                    "journey.format.csv_bad_lane",
                    value=lane,
                    options=", ".join([*CSV_LANES, EMOTION, EMOTION_TO_BE, DESCRIPTION]),
                    hint=t("journey.error.did_you_mean", value=close[0]) if close else "",
                )
        except JourneyError as exc:
            if exc.field == "CSV":
                raise
            problem = t("journey.format.csv_in_row", row=row_no, message=str(exc))
            raise JourneyError(
                t("journey.error.field", field="CSV", problem=problem), field="CSV", problem=problem
            ) from None

    built = []
    for order in sorted(stages):
        s = stages[order]
        lanes = {
            attr: tuple(c for _, _, c in sorted(cards, key=lambda x: (x[0], x[1])))
            for attr, cards in s["cards"].items()
        }
        built.append(Stage(name=s["name"], **s["fields"], **lanes))
    base = template or JourneyMap()
    journey = dataclasses.replace(base, stages=tuple(built))
    if template is None or [s.name for s in template.stages] != [s.name for s in built]:
        journey = dataclasses.replace(
            journey, stage_model=match_stage_model([s.name for s in built])
        )
    return journey
