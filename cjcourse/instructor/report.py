"""The class report: what the class got right and wrong, and what to teach again (HTML, offline).

One self-contained HTML file per module (``instructor/reports/<module>/informe.html``) with
charts embedded as inline SVG (altair → vl-convert, no CDN):

* the share of students with full, partial and zero points on each question,
* the checks failed most often, and the error messages students saw most often,
* a "to teach again" list (checks failed by more than a third of the class),
* the repaired submissions, the submissions flagged by the scan and the execution problems.

:func:`class_data` is the headless twin: the same numbers as DataFrames.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import nbformat
import pandas as pd

from cjcourse.charts import PALETTE
from cjcourse.i18n import get_language, t
from cjcourse.instructor.export import grade_rows

__all__ = ["class_data", "write_report"]

_ANSI = re.compile(r"\x1b\[[0-9;]*m")
RETEACH_SHARE = 1 / 3


def _load(path: Path, default):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return default


def _failure_messages(course, module: str) -> pd.DataFrame:
    from nbgrader.utils import determine_grade

    rows = []
    for path in sorted((course.out / "autograded").glob(f"*/{module}/*.ipynb")):
        student = path.parent.parent.name
        try:
            nb = nbformat.read(path, as_version=4)
        except Exception:
            continue
        for cell in nb.cells:
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if not (cell.cell_type == "code" and meta.get("grade") and not meta.get("solution")):
                continue
            score, max_score = determine_grade(cell)
            if score is not None and score >= max_score:
                continue
            message = ""
            for out in cell.get("outputs", []):
                if out.get("output_type") == "error":
                    message = f"{_ANSI.sub('', out.get('evalue', '')).strip()}" or out.get(
                        "ename", ""
                    )
                    if out.get("ename") not in ("CheckFailed", "AssertionError"):
                        message = f"{out.get('ename')}: {message}"
                    break
                if out.get("output_type") == "stream" and out.get("name") == "stderr":
                    message = out.get("text", "").strip().splitlines()[-1:] or [""]
                    message = message[0]
                    break
            rows.append(
                {
                    "student": student,
                    "question": meta.get("grade_id"),
                    "message": message.splitlines()[0][:200] if message else "—",
                }
            )
    return pd.DataFrame(rows, columns=["student", "question", "message"])


def class_data(course, module: str) -> dict[str, pd.DataFrame]:
    """The report's numbers: ``scores`` (student × question), ``failures``, ``messages``,
    ``repairs``, ``flags``, ``problems``."""
    scores = pd.DataFrame(grade_rows(course, [module]))
    failures = _failure_messages(course, module)
    repairs = pd.DataFrame(
        [
            {"student": r["student"], "code": n["code"], "what": n["message"]}
            for r in _load(course.reports(module) / "repairs.json", [])
            for n in r["notes"]
            if r.get("repaired")
        ],
        columns=["student", "code", "what"],
    )
    flags = pd.DataFrame(_load(course.reports(module) / "scan.json", []))
    if flags.empty:
        flags = pd.DataFrame(
            columns=["student", "notebook", "where", "code", "line", "snippet", "message"]
        )
    auto = _load(course.reports(module) / "autograde.json", {})
    students = auto.get("students", []) if isinstance(auto, dict) else auto
    problems = pd.DataFrame(
        [{"student": s["student"], "what": p} for s in students for p in s.get("problems", [])]
        + [
            {"student": s["student"], "what": s.get("error", "")[-300:]}
            for s in students
            if not s.get("success", True)
        ],
        columns=["student", "what"],
    )
    messages = (
        failures.groupby(["question", "message"])
        .size()
        .reset_index(name="count")
        .sort_values("count", ascending=False)
        if not failures.empty
        else pd.DataFrame(columns=["question", "message", "count"])
    )
    return {
        "scores": scores,
        "failures": failures,
        "messages": messages,
        "repairs": repairs,
        "flags": flags,
        "problems": problems,
    }


def _svg(chart) -> str:
    import vl_convert as vlc

    svg = vlc.vegalite_to_svg(chart.to_dict())
    return re.sub(r"^<\?xml[^>]*>", "", svg).strip()


def _charts(data: dict[str, pd.DataFrame]) -> list[tuple[str, str, str]]:
    import altair as alt

    scores = data["scores"]
    scores = scores[scores["max_score"] > 0].copy()
    out = []
    if not scores.empty:
        full, zero = (
            t("instructor.report.col_points") + " 100 %",
            t("instructor.report.col_points") + " 0",
        )
        partial = t("instructor.report.col_points") + " ½"
        scores["nivel"] = [
            full if s >= m else zero if s <= 0 else partial
            for s, m in zip(scores["score"], scores["max_score"], strict=True)
        ]
        q = t("instructor.report.col_question")
        scores[q] = scores["question"]
        dist = (
            alt.Chart(scores)
            .mark_bar()
            .encode(
                y=alt.Y(f"{q}:N", sort=list(dict.fromkeys(scores["question"])), title=q),
                x=alt.X(
                    "count():Q",
                    stack="normalize",
                    title=t("instructor.report.col_count"),
                    axis=alt.Axis(format="%"),
                ),
                color=alt.Color(
                    "nivel:N",
                    title="",
                    scale=alt.Scale(
                        domain=[full, partial, zero], range=[PALETTE[2], PALETTE[1], PALETTE[5]]
                    ),
                ),
                tooltip=[f"{q}:N", "nivel:N", "count():Q"],
            )
            .properties(width=520, height=max(120, 26 * scores["question"].nunique()))
        )
        out.append(
            (t("instructor.report.dist_title"), t("instructor.report.dist_help"), _svg(dist))
        )
        auto = scores[scores["auto"]]
        failed = (
            auto.assign(failed=auto["score"] < auto["max_score"])
            .groupby("question", sort=False)["failed"]
            .mean()
            .mul(100)
            .round(1)
            .reset_index()
        )
        col = t("instructor.report.col_failed")
        failed.columns = [q, col]
        bars = (
            alt.Chart(failed)
            .mark_bar(color=PALETTE[0])
            .encode(
                y=alt.Y(f"{q}:N", sort="-x"),
                x=alt.X(f"{col}:Q", scale=alt.Scale(domain=[0, 100])),
                tooltip=[f"{q}:N", f"{col}:Q"],
            )
            .properties(width=520, height=max(120, 26 * len(failed)))
        )
        out.append(
            (t("instructor.report.fail_title"), t("instructor.report.fail_help"), _svg(bars))
        )
    return out


def _table(frame: pd.DataFrame, columns: dict[str, str]) -> str:
    if frame.empty:
        return f"<p>{html.escape(t('instructor.report.none'))}</p>"
    head = "".join(f"<th>{html.escape(v)}</th>" for v in columns.values())
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(row[k]))}</td>" for k in columns) + "</tr>"
        for _, row in frame.iterrows()
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _reteach(scores: pd.DataFrame) -> list[str]:
    auto = scores[(scores["max_score"] > 0) & scores["auto"]]
    items = []
    for question, group in auto.groupby("question", sort=False):
        share = (group["score"] < group["max_score"]).mean()
        if share > RETEACH_SHARE:
            items.append(
                t(
                    "instructor.report.reteach_item",
                    question=question,
                    pct=round(share * 100),
                    mean=round(group["score"].mean(), 1),
                    max=group["max_score"].iloc[0],
                )
            )
    return items


def write_report(course, module: str) -> Path:
    """Write ``reports/<module>/informe.html`` and return its path."""
    data = class_data(course, module)
    scores = data["scores"]
    per_student = (
        scores.groupby("student_id")[["score", "max_score"]].sum() if not scores.empty else None
    )
    summary = t(
        "instructor.report.summary",
        students=0 if per_student is None else len(per_student),
        mean=0 if per_student is None else round(per_student["score"].mean(), 1),
        max=0 if per_student is None else round(per_student["max_score"].max(), 1),
        repaired=data["repairs"]["student"].nunique(),
        flagged=data["flags"]["student"].nunique() if "student" in data["flags"] else 0,
        failed=data["problems"]["student"].nunique(),
    )
    reteach = _reteach(scores) if not scores.empty else []
    parts = [
        f"<h1>{html.escape(t('instructor.report.title', module=module))}</h1>",
        f"<p class='summary'>{html.escape(summary)}</p>",
        f"<h2>{html.escape(t('instructor.report.reteach'))}</h2>",
        "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in reteach) + "</ul>"
        if reteach
        else f"<p>{html.escape(t('instructor.report.nothing_to_reteach'))}</p>",
    ]
    for title, help_text, svg in _charts(data):
        parts += [
            f"<h2>{html.escape(title)}</h2>",
            f"<p>{html.escape(help_text)}</p>",
            f"<figure>{svg}</figure>",
        ]
    c = {
        k: t(f"instructor.report.col_{k}")
        for k in ("question", "message", "count", "student", "what", "where", "code")
    }
    parts += [
        f"<h2>{html.escape(t('instructor.report.msg_title'))}</h2>",
        _table(
            data["messages"].head(15),
            {"question": c["question"], "message": c["message"], "count": c["count"]},
        ),
        f"<h2>{html.escape(t('instructor.report.repaired_title'))}</h2>",
        _table(data["repairs"], {"student": c["student"], "code": c["code"], "what": c["what"]}),
        f"<h2>{html.escape(t('instructor.report.flagged_title'))}</h2>",
        _table(
            data["flags"],
            {
                "student": c["student"],
                "where": c["where"],
                "code": c["code"],
                "snippet": "",
                "message": c["what"],
            },
        ),
        f"<h2>{html.escape(t('instructor.report.problems_title'))}</h2>",
        _table(data["problems"], {"student": c["student"], "what": c["what"]}),
    ]
    style = (
        "body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;color:#222}"
        "table{border-collapse:collapse;width:100%;font-size:.9em}td,th{border:1px solid #ddd;"
        "padding:4px 6px;text-align:left;vertical-align:top}th{background:#f4f4f4}"
        f"h2{{color:{PALETTE[0]};margin-top:1.6em}}.summary{{font-size:1.1em}}"
    )
    doc = (
        f"<!DOCTYPE html><html lang='{get_language()}'><head><meta charset='utf-8'>"
        f"<title>{html.escape(t('instructor.report.title', module=module))}</title>"
        f"<style>{style}</style></head><body>{''.join(parts)}</body></html>"
    )
    path = course.reports(module) / "informe.html"
    path.write_text(doc, encoding="utf-8")
    (course.reports(module) / "scores.csv").write_text(scores.to_csv(index=False), encoding="utf-8")
    return path
