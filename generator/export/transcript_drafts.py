"""Stages and steps as a transcript builds them up, row by row, and the journey they make.

A row finds its stage by the number of its canvas cell id or by its title, and its step
the same way. Titles that differ only in letter case, spacing, punctuation or accents
("Drop off", "Drop-off") are one stage or step, with a warning; stages with nearly the
same name get a warning too. Ids come from titles and are unique in the journey: a step
title used in two stages gets its stage's id in front. Printed cell ids never become ids.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from generator.errors import Problem, problem
from generator.model import Lane, Location, Stage, Step
from generator.read.parse_journey import read_feeling, read_truth, read_type
from generator.vocabulary import slugify

__all__ = ["StageDraft", "Stages", "StepDraft", "TitleIndex", "build_stages", "name_step", "same_title"]


@dataclass
class StepDraft:
    title: str
    loc: Location
    number: int | None = None
    explicit_id: str = ""
    cell_key: str = ""
    notes: str = ""
    lanes: list[Lane] = field(default_factory=list)


Draft = TypeVar("Draft", "StageDraft", StepDraft)


class TitleIndex(Generic[Draft]):
    """Drafts by title and by slug, so that finding one never walks them all (a
    transcript may have hundreds of thousands of rows)."""

    def __init__(self) -> None:
        self.by_title: dict[str, Draft] = {}
        self.by_slug: dict[str, Draft] = {}

    def add(self, draft: Draft) -> None:
        if draft.title:
            self.by_title.setdefault(draft.title, draft)
            self.by_slug.setdefault(slugify(draft.title), draft)


@dataclass
class StageDraft:
    title: str
    loc: Location
    number: int | None = None
    explicit_id: str = ""
    description: str = ""
    goals: list[str] = field(default_factory=list)
    steps: list[StepDraft] = field(default_factory=list)
    titles: TitleIndex[StepDraft] = field(default_factory=TitleIndex, repr=False)
    numbers: dict[int, StepDraft] = field(default_factory=dict, repr=False)
    exported: dict[str, StepDraft] = field(default_factory=dict, repr=False)
    """Steps by the export id in their rows' cell column (``step-id/lane/n``)."""

    def step_numbered(self, number: int, loc: Location) -> StepDraft:
        found = self.numbers.get(number)
        if found is None:
            found = self.numbers[number] = StepDraft("", loc, number=number)
            self.steps.append(found)
        return found

    def add_step(self, step: StepDraft) -> None:
        self.steps.append(step)
        self.titles.add(step)
        if step.number is not None:
            self.numbers.setdefault(step.number, step)


class Stages:
    """The transcript's stages so far, found by canvas number or by title."""

    def __init__(self, problems: list[Problem]) -> None:
        self.drafts: list[StageDraft] = []
        self.titles: TitleIndex[StageDraft] = TitleIndex()
        self.numbers: dict[int, StageDraft] = {}
        self.problems = problems

    def numbered(self, number: int, loc: Location) -> StageDraft:
        found = self.numbers.get(number)
        if found is None:
            found = self.numbers[number] = StageDraft("", loc, number=number)
            self.drafts.append(found)
        return found

    def titled(self, title: str, loc: Location, exported: str = "") -> StageDraft:
        """The stage called ``title`` (spelling aside), or a new one. A stage row of an
        export names its stage's id (``exported``): two stages whose titles differ only in
        punctuation ("0", "0.") are then two stages, as in the journey exported."""
        alike = self.titles.by_slug.get(slugify(title)) if title not in self.titles.by_title else None
        if not (exported and alike is not None and (alike.explicit_id or slugify(alike.title)) != exported):
            found = same_title(title, self.titles, loc, self.problems, "stage", near=True)
            if found is not None:
                return found
        made = StageDraft(title, loc)
        self.drafts.append(made)
        self.titles.add(made)
        return made

    def name(self, stage: StageDraft, title: str, loc: Location, cell: str) -> StageDraft:
        """Give a numbered stage its title (joining the rows that named it without an id),
        or report that the cell id already has another; the stage to go on with."""
        if not stage.title:
            other = self.titles.by_slug.get(slugify(title))
            if other is not None and other is not stage and other.number is None:  # rows without an id, now numbered
                self.drafts.remove(stage)
                other.number = stage.number
                if stage.number is not None:
                    self.numbers[stage.number] = other
                for step in stage.steps:
                    other.add_step(step)
                other.goals.extend(stage.goals)
                return other
            stage.title, stage.loc = title, loc
            self.titles.add(stage)
        elif slugify(stage.title) != slugify(title):
            self.problems.append(_conflict(loc, cell, "stage", stage.title, title, stage.loc))
        return stage


def name_step(
    stage: StageDraft, step: StepDraft, title: str, loc: Location, cell: str, problems: list[Problem]
) -> None:
    """Give a numbered step its title, or report that the cell id already has another."""
    if not step.title:
        step.title, step.loc = title, loc
        stage.titles.add(step)
    elif slugify(step.title) != slugify(title):
        problems.append(_conflict(loc, cell, "step", step.title, title, step.loc))


def _conflict(loc: Location, cell: str, what: str, first: str, now: str, where: Location) -> Problem:
    return problem(
        loc,
        "E706",
        f"cell {cell} belongs to {what} '{first}' (line {where.line}), not '{now}'",
        "Two canvases print the same ids: give each canvas its own transcript, or correct the id.",
    )


_DIGITS = re.compile(r"\d+")
_NEAR_LIMIT = 300
"""Near names are looked for among this many stages at most: each look compares with all."""


def same_title(
    title: str, index: TitleIndex[Draft], loc: Location, problems: list[Problem], what: str, *, near: bool = False
) -> Draft | None:
    """The draft whose title is ``title`` up to case, spacing and punctuation (warning W701
    when spelled differently); with ``near``, W702 when only a near match exists."""
    found = index.by_title.get(title)
    if found is not None:
        return found
    wanted = slugify(title)
    found = index.by_slug.get(wanted)
    if found is not None:
        message = f"{what} '{title}' is written '{found.title}' at line {found.loc.line}: taken as the same {what}"
        problems.append(problem(loc, "W701", message))
        return found
    if near and len(index.by_slug) <= _NEAR_LIMIT:
        import difflib

        close = difflib.get_close_matches(wanted, list(index.by_slug), n=1, cutoff=0.85)
        if close and _DIGITS.sub("0", close[0]) == _DIGITS.sub("0", wanted):
            close = []  # "Stage 1" and "Stage 2" are numbered, not misspelt
        if close:
            other = index.by_slug[close[0]]
            problems.append(
                problem(
                    loc,
                    "W702",
                    f"{what} '{title}' is nearly '{other.title}' (line {other.loc.line}): read as another {what}",
                    f"If it is the same {what}, write it as '{other.title}'.",
                )
            )
    return None


def _ordered(drafts: list[Draft]) -> list[Draft]:
    """Canvas order when every draft has a number, else the order of the transcript."""
    if drafts and all(d.number is not None for d in drafts):
        return sorted(drafts, key=lambda d: d.number or 0)
    return list(drafts)


def _unique(wanted: str, prefix: str, used: set[str]) -> str:
    ident = wanted
    if ident in used and prefix:
        ident = f"{prefix}-{wanted}"
    base, counter = ident, 2
    while ident in used:
        ident, counter = f"{base}-{counter}", counter + 1
    used.add(ident)
    return ident


def build_stages(stages: Stages, start: Location, problems: list[Problem]) -> tuple[Stage, ...]:
    """The journey's stages, with ids unique in the journey (explicit ids kept as given)."""
    stage_ids: set[str] = set()
    step_ids: set[str] = {s.explicit_id for d in stages.drafts for s in d.steps if s.explicit_id}
    built = []
    for stage in _ordered(stages.drafts):
        if not stage.title:
            where = f"{stage.number}.stage"
            hint = f"Add a row with cell {where} and the stage's name, or fill in the stage column."
            problems.append(problem(stage.loc, "E708", f"stage {stage.number} has no title", hint))
        stage_id = stage.explicit_id or _unique(slugify(stage.title) or f"stage-{stage.number}", "", stage_ids)
        steps = []
        for draft in _ordered(stage.steps):
            if not draft.title:
                where = f"{stage.number}.{draft.number}"
                hint = f"Add a row with cell {where}.step and the step's title (the note on the Customer steps row)."
                problems.append(problem(draft.loc, "E708", f"step {where} has no title", hint))
                continue
            ident = draft.explicit_id or _unique(slugify(draft.title), stage_id, step_ids)
            steps.append(_build_step(draft, ident, problems))
        built.append(
            Stage(
                id=stage_id,
                title=stage.title,
                description=stage.description,
                goals=tuple(stage.goals),
                steps=tuple(steps),
                loc=stage.loc,
            )
        )
    return tuple(built)


def _build_step(draft: StepDraft, ident: str, problems: list[Problem]) -> Step:
    emotion = None
    kind = ""
    truth = False
    for lane in draft.lanes:
        found: Problem | None = None
        if lane.key == "feeling":
            emotion, found = read_feeling(lane.value, lane.loc)
        elif lane.key == "type":
            kind = read_type(lane.value)
        elif lane.key == "moment-of-truth":
            truth, found = read_truth(lane.value, lane.loc)
        if found is not None:
            problems.append(found)
    return Step(
        id=ident,
        title=draft.title,
        notes=draft.notes,
        lanes=tuple(draft.lanes),
        emotion=emotion,
        type=kind,
        moment_of_truth=truth,
        loc=draft.loc,
    )
