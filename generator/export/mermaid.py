"""Mermaid ``journey`` diagrams: export a journey, and import one with checked scores.

Mermaid scores tasks from 1 to 5; they are mapped linearly onto the configured emotion
scale and back. A step without a feeling is exported at the middle score (Mermaid needs
one). Unlike Mermaid itself, the importer reports a missing or invalid score with its line.
"""

from __future__ import annotations

import re

from generator.config import Settings
from generator.draw.text import plain_text
from generator.errors import Problem, problem
from generator.model import Emotion, Journey, Lane, Location, Stage, Step
from generator.vocabulary import slugify

__all__ = ["journey_from_mermaid", "journey_to_mermaid"]

_UNSAFE = re.compile(r"[:;#\n\r%]")


def _clean(text: str) -> str:
    """Text that cannot end a Mermaid field or start a comment."""
    return " ".join(_UNSAFE.sub(" ", plain_text(text)).split())


def _to_mermaid(score: float, low: int, high: int) -> int:
    return max(1, min(5, round(1 + (score - low) / (high - low) * 4)))


def _from_mermaid(score: int, low: int, high: int) -> float:
    value = low + (score - 1) / 4 * (high - low)
    return round(value * 2) / 2  # the nearest half point of the scale


def journey_to_mermaid(journey: Journey, settings: Settings, persona_name: str = "") -> str:
    """The journey as a Mermaid ``journey`` diagram; the actor is the persona."""
    low, high = settings.emotion_scale
    # Mermaid separates actors with commas: "Lotte, the budget explorer" becomes "Lotte".
    actor = _clean((persona_name or journey.persona).split(",", 1)[0]) or "Customer"
    lines = ["journey", f"  title {_clean(journey.title)}"]
    for stage in journey.stages:
        if not stage.steps:
            continue
        lines.append(f"  section {_clean(stage.title)}")
        for step in stage.steps:
            score = _to_mermaid(step.emotion.score, low, high) if step.emotion else 3
            lines.append(f"    {_clean(step.title)}: {score}: {actor}")
    return "\n".join(lines) + "\n"


def _unique(ident: str, used: set[str]) -> str:
    """``ident``, or ``ident-2``, ``ident-3`` … if taken; the result is added to ``used``."""
    candidate, suffix = ident, 2
    while candidate in used:
        candidate, suffix = f"{ident}-{suffix}", suffix + 1
    used.add(candidate)
    return candidate


_TASK = re.compile(r"^(?P<task>[^:]+?)\s*:\s*(?P<score>[^:]*?)\s*(?::\s*(?P<actors>.*))?$")


def journey_from_mermaid(
    text: str, path: str, journey_id: str, settings: Settings, *, persona: str, title: str | None = None
) -> tuple[Journey | None, list[Problem]]:
    """Read a Mermaid journey diagram into a journey following ``persona``."""
    problems: list[Problem] = []
    low, high = settings.emotion_scale
    diagram_title = ""
    stages: list[tuple[str, Location, list[Step]]] = []
    seen_header = False
    used: set[str] = set()
    for number, raw in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        line = raw.strip()
        indent = len(raw) - len(raw.lstrip())
        loc = Location(path=path, line=number, column=indent + 1)
        if not line or line.startswith("%%"):
            continue
        if not seen_header:
            if line != "journey":
                problems.append(problem(loc, "E801", "a Mermaid journey diagram starts with 'journey'"))
                return None, problems
            seen_header = True
            continue
        if line.startswith("title ") or line == "title":
            diagram_title = line[5:].strip()
            continue
        if line.startswith("section ") or line == "section":
            stages.append((line[7:].strip(), loc, []))
            continue
        match = _TASK.match(line)
        if match is None:
            problems.append(problem(loc, "E801", f"not a task line: '{line}'"))
            continue
        if not stages:
            stages.append(("Journey", loc, []))
        score_text = match["score"]
        colon = raw.index(":")
        after = raw[colon + 1 :]
        score_loc = Location(path=path, line=number, column=colon + 2 + len(after) - len(after.lstrip()))
        task = match["task"].strip()
        if not re.fullmatch(r"[1-5]", score_text):
            problems.append(
                problem(score_loc, "E802", f"task '{task}' has score '{score_text}', not a whole number from 1 to 5")
            )
            continue
        ident = _unique(slugify(task) or f"step-{number}", used)
        score = _from_mermaid(int(score_text), low, high)
        lanes = [Lane(key="feeling", value=f"{score:g}", loc=score_loc)]
        actors = (match["actors"] or "").strip()
        notes = f"Actors: {actors}" if actors else ""
        stages[-1][2].append(
            Step(
                id=ident,
                title=task,
                notes=notes,
                lanes=tuple(lanes),
                emotion=Emotion(score=score, loc=score_loc),
                loc=loc,
            )
        )
    if not seen_header:
        problems.append(
            problem(Location(path=path, line=1, column=1), "E801", "the file holds no Mermaid journey diagram")
        )
        return None, problems
    stage_ids: set[str] = set()
    built = []
    for name, loc, steps in stages:
        ident = _unique(slugify(name) or "stage", stage_ids)
        built.append(Stage(id=ident, title=name or ident, steps=tuple(steps), loc=loc))
    chosen = title or diagram_title
    start = Location(path=path, line=1, column=1)
    if not chosen:
        problems.append(problem(start, "E704", "the diagram has no title; add 'title …' or pass --title"))
    journey = Journey(
        id=journey_id, title=chosen, persona=persona, stages=tuple(built), loc=start, key_locs={"persona": start}
    )
    return journey, problems
