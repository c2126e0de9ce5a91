"""A current journey against the future one that redesigns it: feelings per stage,
pain points resolved, remaining and new, steps added, removed and changed, owners.

Pure functions over the model; stages are aligned as the charts align them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.diff.diff import diff_journeys
from generator.draw.align import AlignedStage, align_stages, same_words, stage_mean
from generator.draw.text import plain_text
from generator.model import Journey, Step

__all__ = ["Comparison", "PainPoint", "StageGain", "compare_journeys"]


@dataclass(frozen=True, slots=True)
class StageGain:
    """A stage's mean feeling today and in the redesign, and the difference."""

    title: str
    current: float | None
    future: float | None

    @property
    def gain(self) -> float | None:
        if self.current is None or self.future is None:
            return None
        return self.future - self.current


@dataclass(frozen=True, slots=True)
class PainPoint:
    text: str
    step: str
    """The title of the step that has it (in the future journey for a new one)."""


@dataclass
class Comparison:
    """What a redesign changes: feelings per stage, pain points, steps and owners."""

    current: Journey
    future: Journey
    stages: list[AlignedStage] = field(default_factory=list)
    gains: list[StageGain] = field(default_factory=list)
    resolved: list[PainPoint] = field(default_factory=list)
    remaining: list[PainPoint] = field(default_factory=list)
    new: list[PainPoint] = field(default_factory=list)
    steps_added: list[str] = field(default_factory=list)
    steps_removed: list[str] = field(default_factory=list)
    steps_changed: list[str] = field(default_factory=list)
    owners_added: list[str] = field(default_factory=list)
    owners_removed: list[str] = field(default_factory=list)


def _pains(journey: Journey) -> dict[str, PainPoint]:
    found: dict[str, PainPoint] = {}
    for step in journey.steps:
        for value in step.values("pain"):
            text = plain_text(value)
            found.setdefault(same_words(text), PainPoint(text, step.title))
    return found


def _owners(journey: Journey) -> list[str]:
    seen: dict[str, str] = {}
    for step in journey.steps:
        for value in step.values("owner"):
            seen.setdefault(same_words(plain_text(value)), plain_text(value))
    return list(seen.values())


def _titles(journey: Journey) -> dict[str, Step]:
    return {step.id: step for step in journey.steps}


def compare_journeys(current: Journey, future: Journey) -> Comparison:
    """``current`` against ``future``: pain points are the same when their words are
    (letter case and spacing aside); steps are matched as ``journeymap diff`` does."""
    result = Comparison(current, future, align_stages([current, future]))
    result.gains = [StageGain(c.title, stage_mean(c.stages[0]), stage_mean(c.stages[1])) for c in result.stages]
    before, after = _pains(current), _pains(future)
    result.resolved = [pain for key, pain in before.items() if key not in after]
    result.remaining = [after[key] for key in before if key in after]
    result.new = [pain for key, pain in after.items() if key not in before]
    diff = diff_journeys(current, future, path=f"{future.id}.md")
    old_steps, new_steps = _titles(current), _titles(future)
    changed: dict[str, None] = {}
    for change in diff.changes if diff else ():
        if change.kind == "step-added":
            result.steps_added.append(new_steps[change.step].title)
        elif change.kind == "step-removed":
            result.steps_removed.append(old_steps[change.step].title)
        elif change.step and change.step in new_steps:
            changed.setdefault(new_steps[change.step].title, None)
    result.steps_changed = list(changed)
    owners_before, owners_after = _owners(current), _owners(future)
    keys_before, keys_after = {same_words(o) for o in owners_before}, {same_words(o) for o in owners_after}
    result.owners_added = [o for o in owners_after if same_words(o) not in keys_before]
    result.owners_removed = [o for o in owners_before if same_words(o) not in keys_after]
    return result
