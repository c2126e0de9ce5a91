"""The values a map layout is made of: geometry settings, and the records of every box,
mark, text, curve and legend item, in px rounded to 0.1 (``r``). ``layout`` computes
them; ``render_svg`` and ``print`` draw them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

__all__ = [
    "Band",
    "Cell",
    "Column",
    "Curve",
    "Geometry",
    "Lane",
    "LegendItem",
    "MapLayout",
    "Mark",
    "Point",
    "Rect",
    "Text",
    "r",
]


@dataclass(frozen=True, slots=True)
class Geometry:
    """Sizes in px; change them to make denser or roomier maps."""

    margin: float = 24
    label_width: float = 136
    column_width: float = 200
    gap: float = 8
    padding: float = 9
    title_size: float = 22
    meta_size: float = 12.5
    stage_size: float = 14
    step_size: float = 13.5
    body_size: float = 12.5
    small_size: float = 11
    line_height: float = 1.38
    feeling_height: float = 170
    visibility_height: float = 30
    min_lane_height: float = 40


def r(value: float) -> float:
    """Round to 0.1 px (half to even), so output never depends on float noise.

    The same result as ``round(value * 10) / 10`` without the decimal string that
    ``round(value, 1)`` goes through (a tenth of a map's layout). Never ``-0.0``.
    """
    tenths = value * 10
    whole = math.floor(tenths)
    rest = tenths - whole
    if rest > 0.5 or (rest == 0.5 and whole % 2 == 1):
        whole += 1
    return whole / 10


@dataclass(frozen=True, slots=True)
class Text:
    """Wrapped lines; ``y`` is the first baseline."""

    x: float
    y: float
    lines: tuple[str, ...]
    size: float
    line_height: float
    bold: bool = False
    anchor: str = "start"
    cls: str = ""


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    cls: str = ""


@dataclass(frozen=True, slots=True)
class Mark:
    """A small symbol: a channel glyph, a pain or opportunity bullet, a star, a step number,
    or an actor's chip (a box of ``size`` × ``height`` whose name is a text of the cell)."""

    kind: str
    x: float
    y: float
    size: float
    name: str = ""
    text: str = ""
    height: float = 0.0


@dataclass(frozen=True, slots=True)
class Cell:
    lane: str
    rect: Rect
    texts: tuple[Text, ...] = ()
    marks: tuple[Mark, ...] = ()
    changed: bool = False


@dataclass(frozen=True, slots=True)
class Column:
    step_id: str
    number: int
    x: float
    width: float
    summary: str
    """Everything the step says, as plain text (a standalone map's tooltip)."""
    name: str
    """Its number and title: a step's short accessible name on a page."""
    type_rank: str
    cells: tuple[Cell, ...]
    status: str = ""
    """For a visual diff: added, removed, moved, renamed or changed (or empty)."""


class Lane(NamedTuple):
    key: str
    y: float
    h: float
    label: Text


class Band(NamedTuple):
    stage_id: str
    rect: Rect
    texts: tuple[Text, ...]
    shade: int


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    score: float
    label: str
    tone: str
    word: Text | None
    step_id: str


class Curve(NamedTuple):
    paths: tuple[str, ...]
    points: tuple[Point, ...]
    missing: tuple[tuple[float, float], ...]
    neutral_y: float | None
    ticks: tuple[tuple[float, str], ...]
    missing_label: str


class LegendItem(NamedTuple):
    kind: str
    x: float
    y: float
    label: Text
    name: str = ""


class MapLayout(NamedTuple):
    """Everything ``render_map_svg`` draws, in drawing order."""

    prefix: str
    width: float
    height: float
    language: str
    title: str
    description: str
    header: tuple[Text, ...]
    bands: tuple[Band, ...]
    lanes: tuple[Lane, ...]
    columns: tuple[Column, ...]
    curve: Curve | None
    visibility_y: float | None
    grid: Rect
    legend: tuple[LegendItem, ...] = ()
