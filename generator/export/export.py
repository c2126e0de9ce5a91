"""Journeys as CSV (one row per value, for spreadsheets) and JSON (the whole model).

The CSV is also the workshop transcript format that ``journeymap import csv`` reads:
rows with no stage carry the journey's own data (title, persona, …), rows with a stage
but no step carry the stage's goals and description, and the other rows are lanes.
Cells a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return) get an apostrophe in front, which spreadsheets hide and the
importer removes; so do cells that start with an apostrophe of their own, which then
comes back as it was written.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.clean import clean_text
from generator.model import Journey
from generator.vocabulary import slugify

__all__ = ["CSV_COLUMNS", "journey_to_csv", "journey_to_data", "journey_to_json", "neutralise_cell", "restore_cell"]

CSV_COLUMNS = ("stage", "step", "lane", "text", "cell")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_ESCAPED_STARTS = (*_FORMULA_STARTS, "'")
"""A cell starting with one of these gets an apostrophe: a formula never runs, and a
value's own leading apostrophe survives the importer taking the added one off."""


def neutralise_cell(text: str) -> str:
    """A cell a spreadsheet shows as text, never evaluates."""
    return "'" + text if text.startswith(_ESCAPED_STARTS) else text


def restore_cell(text: str) -> str:
    """The value ``neutralise_cell`` was given: the apostrophe it put before a
    formula-like cell, or before a cell with a leading apostrophe of its own, taken off
    (``''quoted`` is ``'quoted``). A single apostrophe before anything else is the value's own."""
    return text[1:] if text.startswith("'") and text[1:].startswith(_ESCAPED_STARTS) else text


def journey_to_csv(journey: Journey, *, bom: bool = False) -> str:
    """Rows of stage, step, lane, text and a stable cell id (``id/lane/n``); bidi controls
    and characters no file should hold are dropped, as in HTML. ``bom`` starts the text
    with a byte order mark, by which spreadsheet programs know the file is UTF-8."""
    rows: list[list[str]] = [list(CSV_COLUMNS)]

    def row(stage: str, step: str, lane: str, text: str, cell: str = "") -> None:
        rows.append([neutralise_cell(clean_text(v)) for v in (stage, step, lane, text, cell)])

    for key, value in (
        ("title", journey.title),
        ("persona", journey.persona),
        ("owner", journey.owner),
        ("state", journey.state),
        ("reviewed", journey.reviewed.isoformat() if journey.reviewed else ""),
        ("expectations", journey.expectations),
        ("replaces", journey.replaces),
        ("service", journey.service),
    ):
        if value:
            row("", "", key, value)
    for tag in journey.tags:
        row("", "", "tag", tag)
    if journey.scenario:
        row("", "", "scenario", journey.scenario)
    for stage in journey.stages:
        if stage.id != slugify(stage.title) or not (stage.description or stage.goals or stage.steps):
            row(stage.title, "", "id", stage.id, f"{stage.id}/id/1")
        if stage.description:
            row(stage.title, "", "description", stage.description, f"{stage.id}/description/1")
        for number, goal in enumerate(stage.goals, start=1):
            row(stage.title, "", "goal", goal, f"{stage.id}/goal/{number}")
        for step in stage.steps:
            if step.id != slugify(step.title) or not (step.lanes or step.notes):
                row(stage.title, step.title, "id", step.id, f"{step.id}/id/1")
            if step.notes:
                row(stage.title, step.title, "notes", step.notes, f"{step.id}/notes/1")
            seen: dict[str, int] = {}
            for lane in step.lanes:
                seen[lane.key] = seen.get(lane.key, 0) + 1
                row(stage.title, step.title, lane.key, lane.value, f"{step.id}/{lane.key}/{seen[lane.key]}")
    out = io.StringIO()
    if bom:
        out.write("\ufeff")
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def journey_to_data(journey: Journey) -> dict[str, Any]:
    """The journey as plain JSON-ready data (version 1 of the published schema)."""
    return {
        "version": 1,
        "id": journey.id,
        "title": journey.title,
        "persona": journey.persona,
        "owner": journey.owner,
        "state": journey.state,
        "reviewed": journey.reviewed.isoformat() if journey.reviewed else None,
        "expectations": journey.expectations,
        "tags": list(journey.tags),
        **({"language": journey.language} if journey.language else {}),
        **({"replaces": journey.replaces} if journey.replaces else {}),
        **({"service": journey.service} if journey.service else {}),
        "extra": dict(journey.extra),
        "scenario": journey.scenario,
        "stages": [
            {
                "id": stage.id,
                "title": stage.title,
                "description": stage.description,
                "goals": list(stage.goals),
                "steps": [
                    {
                        "id": step.id,
                        "title": step.title,
                        "notes": step.notes,
                        "lanes": [{"key": lane.key, "value": lane.value} for lane in step.lanes],
                        "feeling": ({"score": step.emotion.score, "word": step.emotion.word} if step.emotion else None),
                        "type": step.type or None,
                        "moment_of_truth": step.moment_of_truth,
                    }
                    for step in stage.steps
                ],
            }
            for stage in journey.stages
        ],
    }


def journey_to_json(journey: Journey) -> str:
    """``journey_to_data`` as indented JSON with sorted keys."""
    return json.dumps(journey_to_data(journey), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
