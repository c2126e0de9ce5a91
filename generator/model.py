"""The journey model: plain, immutable records with no I/O and no third-party imports.

Every node carries a :class:`Location` so that any later stage can point a user at
the line that caused a problem. Locations are ignored by equality, so two journeys
that say the same thing compare equal wherever they were written.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = [
    "NOWHERE",
    "Emotion",
    "Journey",
    "Lane",
    "Location",
    "Measurement",
    "Persona",
    "Stage",
    "Step",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    """A position in a source file: 1-based line and column."""

    path: str
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


NOWHERE = Location(path="", line=0, column=0)


@dataclass(frozen=True, slots=True, kw_only=True)
class Emotion:
    """A feeling on the configured scale: ``score`` and an optional ``word``."""

    score: float
    word: str = ""
    loc: Location = field(default=NOWHERE, compare=False, repr=False)

    @property
    def score_text(self) -> str:
        """The score as people write it: ``+2``, ``0``, ``-1.5``."""
        text = f"{self.score:g}"
        return f"+{text}" if self.score > 0 else text


@dataclass(frozen=True, slots=True, kw_only=True)
class Lane:
    """One ``- key: value`` line of a step; ``key`` is the canonical English key."""

    key: str
    value: str
    loc: Location = field(default=NOWHERE, compare=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Step:
    """A moment of interaction; its title is the customer's action."""

    id: str
    title: str
    notes: str = ""
    lanes: tuple[Lane, ...] = ()
    emotion: Emotion | None = None
    type: str = ""
    moment_of_truth: bool = False
    loc: Location = field(default=NOWHERE, compare=False, repr=False)

    def values(self, key: str) -> tuple[str, ...]:
        """All values given for a lane ``key``, in file order."""
        return tuple(lane.value for lane in self.lanes if lane.key == key)

    def first(self, key: str) -> str:
        """The first value for ``key``, or an empty string."""
        for lane in self.lanes:
            if lane.key == key:
                return lane.value
        return ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Stage:
    """A phase of the journey, spanning one or more steps."""

    id: str
    title: str
    description: str = ""
    goals: tuple[str, ...] = ()
    steps: tuple[Step, ...] = ()
    loc: Location = field(default=NOWHERE, compare=False, repr=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Journey:
    """A customer journey: front matter, scenario, and stages of steps."""

    id: str
    title: str
    persona: str
    owner: str = ""
    state: str = "current"
    reviewed: _dt.date | None = None
    expectations: str = ""
    tags: tuple[str, ...] = ()
    language: str = ""
    """The journey's own language (``en``, ``nl``), or empty for the site's."""
    replaces: str = ""
    """For a future journey: the id of the current journey it redesigns."""
    service: str = ""
    """The service the journey belongs to; journeys of one service are overlaid."""
    extra: Mapping[str, object] = field(default_factory=dict, hash=False)
    scenario: str = ""
    stages: tuple[Stage, ...] = ()
    measured: tuple[Measurement, ...] = ()
    """Measured data of the journey's steps (``content/data/``), joined in when loaded."""
    loc: Location = field(default=NOWHERE, compare=False, repr=False)
    key_locs: Mapping[str, Location] = field(default_factory=dict, compare=False, repr=False)
    """Where each front-matter key's value was written, by canonical key."""

    @property
    def steps(self) -> tuple[Step, ...]:
        """Every step of every stage, in order."""
        return tuple(step for stage in self.stages for step in stage.steps)


@dataclass(frozen=True, slots=True, kw_only=True)
class Persona:
    """A customer archetype that journeys refer to by ``id`` (its file name)."""

    id: str
    name: str
    role: str = ""
    quote: str = ""
    age: str = ""
    location: str = ""
    segment: str = ""
    photo: str = ""
    goals: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    frustrations: tuple[str, ...] = ()
    behaviours: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    extra: Mapping[str, object] = field(default_factory=dict, hash=False)
    narrative: str = ""
    loc: Location = field(default=NOWHERE, compare=False, repr=False)
    key_locs: Mapping[str, Location] = field(default_factory=dict, compare=False, repr=False)
    """Where each front-matter key's value was written, by canonical key."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Measurement:
    """One measured value of a step (a row of a ``content/data/`` file)."""

    journey: str
    step: str
    metric: str
    value: float
    period: str
    """As written: ``2026-Q3``, ``2026-09``, ``2026``."""
    unit: str = ""
    starts: _dt.date
    ends: _dt.date
    loc: Location = field(default=NOWHERE, compare=False, repr=False)
    journey_loc: Location = field(default=NOWHERE, compare=False, repr=False)
    step_loc: Location = field(default=NOWHERE, compare=False, repr=False)
