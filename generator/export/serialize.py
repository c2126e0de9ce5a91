"""Writing a journey model back as a format v1 Markdown file.

Used by importers (CSV, Mermaid) and by tests that check the parser round trip:
``parse_journey(journey_to_markdown(j))`` gives ``j`` back.
"""

from __future__ import annotations

from typing import Any

import yaml

from generator.model import Journey, Persona, Stage, Step
from generator.vocabulary import slugify

__all__ = ["journey_to_markdown", "persona_to_markdown"]


def _heading(level: int, title: str) -> str:
    """An ATX heading that reads back as ``title``: a title ending in ``#`` gets a closing
    ``#`` of its own, which Markdown takes off instead of the title's."""
    closing = " #" if title.endswith("#") else ""
    return f"{'#' * level} {title}{closing}"


def _front_matter(journey: Journey) -> str:
    data: dict[str, Any] = {"title": journey.title, "persona": journey.persona}
    if journey.owner:
        data["owner"] = journey.owner
    data["state"] = journey.state
    if journey.reviewed is not None:
        data["reviewed"] = journey.reviewed
    if journey.expectations:
        data["expectations"] = journey.expectations
    if journey.tags:
        data["tags"] = list(journey.tags)
    if journey.language:
        data["language"] = journey.language
    if journey.replaces:
        data["replaces"] = journey.replaces
    if journey.service:
        data["service"] = journey.service
    if journey.extra:
        data["extra"] = journey.extra
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=10_000, default_flow_style=False)
    return f"---\n{text}---\n"


def _stage(stage: Stage) -> list[str]:
    lines = ["", _heading(2, stage.title)]
    if stage.description:
        lines.append(stage.description)
    if stage.id != slugify(stage.title):
        lines.append(f"- id: {stage.id}")
    lines.extend(f"- goal: {goal}" for goal in stage.goals)
    for step in stage.steps:
        lines.extend(_step(step))
    return lines


def _step(step: Step) -> list[str]:
    lines = ["", _heading(3, step.title)]
    if step.notes:
        lines.extend([step.notes, ""])
    if step.id != slugify(step.title):
        lines.append(f"- id: {step.id}")
    lines.extend(f"- {lane.key}: {lane.value}" for lane in step.lanes)
    return lines


def journey_to_markdown(journey: Journey) -> str:
    """The Markdown text of ``journey``, in the canonical layout ``journeymap new`` uses."""
    lines = [_front_matter(journey).rstrip("\n")]
    if journey.scenario:
        lines.extend(["", journey.scenario])
    for stage in journey.stages:
        lines.extend(_stage(stage))
    return "\n".join(lines) + "\n"


def persona_to_markdown(persona: Persona) -> str:
    """A persona file holding only the persona's name (what an import knows of it)."""
    text = yaml.safe_dump({"name": persona.name}, allow_unicode=True, width=10_000, default_flow_style=False)
    return f"---\n{text}---\n"
