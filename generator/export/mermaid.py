"""Mermaid ``journey`` diagrams: a journey written so that Mermaid renders it, and a
diagram (read by ``mermaid_read``) turned into a journey.

Mermaid scores tasks from 1 to 5; they are mapped linearly onto the configured emotion
scale and back, to the nearest half point. The persona takes part in every step: it is
the first actor of every task, and the step's ``actors`` lane holds the others. A step
without a feeling is written with the middle score 3, because Mermaid needs one, under
the comment ``%% journeymap: no feeling`` that tells the importer to leave it out again.
"""

from __future__ import annotations

import re

from generator.config import Settings
from generator.draw.text import actor_names, plain_text
from generator.errors import Problem, problem, shorten
from generator.export.mermaid_read import NO_FEELING, Diagram, choose_diagram, read_diagram
from generator.export.mermaid_text import encode
from generator.model import Emotion, Journey, Lane, Stage, Step
from generator.vocabulary import slugify

__all__ = ["diagram_to_journey", "first_actor", "journey_from_mermaid", "journey_to_mermaid", "short_name"]

UNNAMED_SECTION = "Journey"
"""The stage of tasks written before any ``section``."""


def _to_mermaid(score: float, low: int, high: int) -> int:
    return max(1, min(5, round(1 + (score - low) / (high - low) * 4)))


def _from_mermaid(score: int, low: int, high: int) -> float:
    value = low + (score - 1) / 4 * (high - low)
    return round(value * 2) / 2  # the nearest half point of the scale


def short_name(name: str) -> str:
    """How a persona appears among a task's actors: its name up to the first comma
    ("Lotte, the budget explorer" is "Lotte")."""
    return " ".join(name.split(",", 1)[0].split())


def _description(journey: Journey) -> list[str]:
    """The scenario as an ``accDescr`` block: its text, one paragraph a line."""
    paragraphs = [" ".join(plain_text(p).split()) for p in re.split(r"\n\s*\n", journey.scenario)]
    paragraphs = [encode(p).replace("{", "#123;").replace("}", "#125;") for p in paragraphs if p]
    if not paragraphs:
        return []
    return ["  accDescr {", *(f"    {p}" for p in paragraphs), "  }"]


def journey_to_mermaid(journey: Journey, settings: Settings, persona_name: str = "") -> str:
    """The journey as a Mermaid ``journey`` diagram that Mermaid renders as it reads here:
    every title and name in entity codes where Mermaid's syntax would take it apart."""
    low, high = settings.emotion_scale
    persona = short_name(persona_name) or journey.persona
    lines = ["journey", f"  title {encode(journey.title, title=True)}", *_description(journey)]
    for stage in journey.stages:
        lines.append(f"  section {encode(stage.title)}")
        for step in stage.steps:
            actors = [persona, *(a for a in actor_names(step.values("actors")) if a != persona)]
            if step.emotion is None:
                lines.append(f"    %% {NO_FEELING}")
                score = 3
            else:
                score = _to_mermaid(step.emotion.score, low, high)
            names = ", ".join(encode(actor, actor=True) for actor in actors)
            lines.append(f"    {encode(step.title, task=True)}: {score}: {names}")
    return "\n".join(lines) + "\n"


def first_actor(diagram: Diagram) -> str:
    """The first actor named by any task, or ``""``."""
    for section in diagram.sections:
        for task in section.tasks:
            if task.actors:
                return task.actors[0]
    return ""


def _unique(ident: str, used: set[str]) -> str:
    """``ident``, or ``ident-2``, ``ident-3`` … if taken; the result is added to ``used``."""
    candidate, suffix = ident, 2
    while candidate in used:
        candidate, suffix = f"{ident}-{suffix}", suffix + 1
    used.add(candidate)
    return candidate


_BLOCK_START = re.compile(r"^(?:[#>*+=_|~`-]|\d+[.)]|<)")


def _paragraph(text: str) -> str:
    """``text`` as one Markdown paragraph that reads back as written."""
    flat = " ".join(text.split())
    if _BLOCK_START.match(flat):
        flat = "\\" + flat if not flat[0].isdigit() else re.sub(r"^(\d+)", r"\1\\", flat)
    return flat


def diagram_to_journey(
    diagram: Diagram,
    journey_id: str,
    settings: Settings,
    *,
    persona: str,
    persona_names: frozenset[str] = frozenset(),
    title: str | None = None,
) -> tuple[Journey | None, list[Problem]]:
    """The journey a diagram describes, following ``persona``.

    An actor that is the persona (its id, or one of ``persona_names``, in any letter case)
    is not repeated in the step's ``actors`` lane.
    """
    problems: list[Problem] = []
    low, high = settings.emotion_scale
    is_persona = {name.casefold() for name in persona_names}
    stages: list[Stage] = []
    stage_ids: set[str] = set()
    step_ids: set[str] = set()
    for section in diagram.sections:
        steps: list[Step] = []
        for task in section.tasks:
            lanes: list[Lane] = []
            emotion = None
            if task.score and task.feeling:
                if not re.fullmatch(r"[1-5]", task.score):
                    problems.append(
                        problem(
                            task.score_loc,
                            "E802",
                            f"task '{shorten(task.name)}' has score '{shorten(task.score)}', "
                            "not a whole number from 1 to 5",
                        )
                    )
                    continue
                score = _from_mermaid(int(task.score), low, high)
                lanes.append(Lane(key="feeling", value=f"{score:g}", loc=task.score_loc))
                emotion = Emotion(score=score, loc=task.score_loc)
            others = [a for a in task.actors if a.casefold() not in is_persona and slugify(a) != persona]
            if others:
                lanes.append(Lane(key="actors", value=", ".join(dict.fromkeys(others)), loc=task.loc))
            ident = _unique(slugify(task.name) or f"step-{task.loc.line}", step_ids)
            steps.append(Step(id=ident, title=task.name, lanes=tuple(lanes), emotion=emotion, loc=task.loc))
        name = section.name or UNNAMED_SECTION
        ident = _unique(slugify(name) or "stage", stage_ids)
        stages.append(Stage(id=ident, title=name, steps=tuple(steps), loc=section.loc))
    if not any(section.tasks for section in diagram.sections):
        problems.append(problem(diagram.loc, "E803", "the diagram has no tasks, so the journey would have no steps"))
        return None, problems
    chosen = title or diagram.title or diagram.front_title or diagram.acc_title
    if not chosen:
        problems.append(
            problem(diagram.loc, "E704", "the diagram has no title", "Add 'title …' to the diagram, or pass --title.")
        )
    journey = Journey(
        id=journey_id,
        title=chosen,
        persona=persona,
        scenario=_paragraph(diagram.description) if diagram.description.strip() else "",
        stages=tuple(stages),
        loc=diagram.loc,
        key_locs={"persona": diagram.loc},
    )
    return journey, problems


def journey_from_mermaid(
    text: str,
    path: str,
    journey_id: str,
    settings: Settings,
    *,
    persona: str,
    persona_names: frozenset[str] = frozenset(),
    title: str | None = None,
    number: int | None = None,
) -> tuple[Journey | None, list[Problem]]:
    """The journey of journey diagram ``number`` in ``text`` (a diagram, or Markdown
    with Mermaid blocks), following ``persona``."""
    source, problems = choose_diagram(text, path, number)
    if source is None:
        return None, problems
    diagram, found = read_diagram(source)
    problems += found
    if diagram is None:
        return None, problems
    journey, found = diagram_to_journey(
        diagram, journey_id, settings, persona=persona, persona_names=persona_names, title=title
    )
    return journey, problems + found
