"""Journeys as CSV (one row per lane value, for spreadsheets) and JSON (the whole model).

CSV cells that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return) are prefixed with an apostrophe, which spreadsheets
hide and the importer removes.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.model import Journey

__all__ = ["CSV_COLUMNS", "journey_to_csv", "journey_to_data", "journey_to_json", "neutralise_cell"]

CSV_COLUMNS = ("stage", "step", "lane", "text", "cell")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(text: str) -> str:
    """A cell a spreadsheet shows as text, never evaluates."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def journey_to_csv(journey: Journey) -> str:
    """Rows of stage, step, lane, text and a stable cell id (``step-id/lane/n``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for stage in journey.stages:
        for number, goal in enumerate(stage.goals, start=1):
            writer.writerow([neutralise_cell(c) for c in (stage.title, "", "goal", goal, f"{stage.id}/goal/{number}")])
        for step in stage.steps:
            seen: dict[str, int] = {}
            for lane in step.lanes:
                seen[lane.key] = seen.get(lane.key, 0) + 1
                cell = f"{step.id}/{lane.key}/{seen[lane.key]}"
                writer.writerow([neutralise_cell(c) for c in (stage.title, step.title, lane.key, lane.value, cell)])
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
    return json.dumps(journey_to_data(journey), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
