"""Stages of several journeys as the columns of one chart.

Stages are matched by id, else by title (letter case and spacing aside); a stage only
some journeys have keeps its place in their order and is marked as not shared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.model import Journey, Stage

__all__ = ["AlignedStage", "align_stages", "mean_text", "same_words", "stage_mean"]


@dataclass(frozen=True, slots=True)
class AlignedStage:
    """One column of an aligned chart: each journey's stage in it, or ``None``."""

    title: str
    stages: tuple[Stage | None, ...]

    @property
    def shared(self) -> bool:
        """True when every journey has this stage."""
        return all(stage is not None for stage in self.stages)


def same_words(text: str) -> str:
    """``text`` as words are compared: letter case and spacing aside."""
    return " ".join(text.casefold().split())


def align_stages(journeys: Sequence[Journey]) -> list[AlignedStage]:
    """The stages of ``journeys`` as columns: the first journey's in its order; each
    other journey's stage matched into a later column than its previous match, or else
    inserted just before the column its next matched stage is in (at the end if none)."""
    columns: list[list[Stage | None]] = []
    titles: list[str] = []
    for index, journey in enumerate(journeys):
        matches: list[int | None] = []
        last = -1
        for stage in journey.stages:
            found = next(
                (
                    column
                    for column in range(last + 1, len(columns))
                    if columns[column][index] is None
                    and any(
                        s.id == stage.id or same_words(s.title) == same_words(stage.title)
                        for s in columns[column]
                        if s is not None
                    )
                ),
                None,
            )
            matches.append(found)
            if found is not None:
                last = found
        shift = 0
        for number, (stage, found) in enumerate(zip(journey.stages, matches, strict=True)):
            if found is not None:
                columns[found + shift][index] = stage
                continue
            later = next((m for m in matches[number + 1 :] if m is not None), None)
            at = later + shift if later is not None else len(columns)
            columns.insert(at, [None] * len(journeys))
            titles.insert(at, stage.title)
            columns[at][index] = stage
            shift += 1
    return [AlignedStage(title, tuple(members)) for title, members in zip(titles, columns, strict=True)]


def stage_mean(stage: Stage | None) -> float | None:
    """The mean feeling of a stage's steps that have one, or ``None``."""
    if stage is None:
        return None
    scores = [step.emotion.score for step in stage.steps if step.emotion is not None]
    return sum(scores) / len(scores) if scores else None


def mean_text(value: float) -> str:
    """A mean feeling or a difference of them, to one decimal and signed: ``+1.5``,
    ``-0.5``, and ``0.0`` (never ``+0.0`` or ``-0.0``)."""
    text = f"{value:+.1f}"
    return "0.0" if text in ("+0.0", "-0.0") else text
