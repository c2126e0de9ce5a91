"""What a journey canvas holds and where everything goes on it, in mm; no typst here.

A canvas has a column per step (stages side by side) and a row per lane, and every cell
is sized for a 76 mm sticky note by default. The same plan prints as a wall poster tiled
over many sheets and, with smaller cells, as a one-sheet overview for pen work: type
scales with the cell, so the poster's lane labels read from 2 m away. A plan made from a
journey holds its texts, for a validation workshop.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.config import MAP_LANES, Settings
from generator.draw.text import InterMetrics, plain_text, wrap
from generator.model import Journey

__all__ = ["NOTE_MM", "CanvasPlan", "Layout", "Row", "blank_plan", "journey_plan", "lay_out", "row_field", "row_label"]

NOTE_MM = 76.0
"""The sticky note a poster cell takes (the common 76 × 76 mm note), with room around it."""
POSTER_CELL_MM = 85.0
MM_PER_PT = 25.4 / 72

# Map lane -> the journey's lane keys it shows (the step title row shows the title too).
_LANE_KEYS = {
    "steps": ("doing",),
    "touchpoint": ("touchpoint", "channel"),
    "kpi": ("kpi", "metric"),
}
# Rows the canvas adds to a lane: the touchpoint's type, the step's moment of truth.
_SUB_ROWS = {"steps": "moment-of-truth", "touchpoint": "type"}


@dataclass(frozen=True, slots=True)
class CanvasStep:
    number: int
    title: str = ""
    texts: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Canvas row → the texts printed in this step's cell of it."""
    score: float | None = None
    type: str = ""
    moment_of_truth: bool = False

    def text(self, row: str) -> tuple[str, ...]:
        return next((values for key, values in self.texts if key == row), ())


@dataclass(frozen=True, slots=True)
class CanvasStage:
    number: int
    title: str = ""
    goals: tuple[str, ...] = ()
    steps: tuple[CanvasStep, ...] = ()


@dataclass(frozen=True, slots=True)
class CanvasPlan:
    """The canvas's stages, steps and rows, blank or filled in from a journey."""

    stages: tuple[CanvasStage, ...]
    rows: tuple[str, ...]
    """Lane rows top to bottom: map lanes, plus ``moment-of-truth`` and ``type``."""
    scale: tuple[int, int] = (-2, 2)
    touchpoint_types: tuple[str, ...] = ()
    title: str = ""
    persona: str = ""
    owner: str = ""
    expectations: str = ""
    journey_id: str = ""

    @property
    def filled(self) -> bool:
        return bool(self.journey_id)

    @property
    def columns(self) -> int:
        return sum(len(stage.steps) for stage in self.stages)


def row_field(row: str) -> str:
    """The field a canvas row's cell ids name (``steps`` → ``step``; none for the line of visibility)."""
    return {"steps": "step", "visibility": ""}.get(row, row)


_ROW_LABELS = {
    "stage": "kit.stages",
    "goal": "kit.stage-goal",
    "moment-of-truth": "kit.moment-of-truth",
    "type": "kit.touchpoint-type",
    "improvements": "kit.improvements",
}


def row_label(row: str) -> str:
    """The label key of a canvas row's name (``pain`` → ``lane.pain``)."""
    return _ROW_LABELS.get(row, f"lane.{row}")


def canvas_rows(settings: Settings) -> tuple[str, ...]:
    """The canvas's rows for a site's lanes. Measured data is never one (it comes from
    data files, not from the wall); actors (from Mermaid diagrams) only when a site's
    ``lanes`` lists them."""
    default = settings.lanes == MAP_LANES
    rows: list[str] = []
    for lane in settings.lanes:
        if lane == "measured" or (default and lane == "actors"):
            continue
        rows.append(lane)
        if lane in _SUB_ROWS:
            rows.append(_SUB_ROWS[lane])
    return tuple(rows)


def blank_plan(settings: Settings, stages: int = 5, steps: int = 2) -> CanvasPlan:
    """A blank canvas of ``stages`` stages of ``steps`` steps each."""
    return CanvasPlan(
        stages=tuple(
            CanvasStage(number=s, steps=tuple(CanvasStep(number=n) for n in range(1, steps + 1)))
            for s in range(1, stages + 1)
        ),
        rows=canvas_rows(settings),
        scale=settings.emotion_scale,
        touchpoint_types=settings.touchpoint_types,
    )


def journey_plan(journey: Journey, settings: Settings, persona_name: str = "") -> CanvasPlan:
    """A canvas filled in with ``journey``: every stage, step and lane value in its cell."""
    rows = canvas_rows(settings)
    stages = []
    for s, stage in enumerate(journey.stages, start=1):
        steps = []
        for n, step in enumerate(stage.steps, start=1):
            texts = []
            for row in rows:
                keys = _LANE_KEYS.get(row, (row,))
                values = tuple(plain_text(v) for key in keys for v in step.values(key))
                if values:
                    texts.append((row, values))
            score = step.emotion.score if step.emotion is not None else None
            steps.append(
                CanvasStep(
                    number=n,
                    title=step.title,
                    texts=tuple(texts),
                    score=score,
                    type=step.type,
                    moment_of_truth=step.moment_of_truth,
                )
            )
        # A stage without steps still has its column, so its cell ids exist.
        stages.append(
            CanvasStage(
                number=s,
                title=stage.title,
                goals=tuple(plain_text(g) for g in stage.goals),
                steps=tuple(steps) or (CanvasStep(number=1),),
            )
        )
    return CanvasPlan(
        stages=tuple(stages),
        rows=rows,
        scale=settings.emotion_scale,
        touchpoint_types=settings.touchpoint_types,
        title=journey.title,
        persona=persona_name or journey.persona,
        owner=journey.owner,
        expectations=plain_text(journey.expectations),
        journey_id=journey.id,
    )


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


@dataclass(frozen=True, slots=True)
class Row:
    """One band of the canvas: ``kind`` is ``stage``, ``goal``, a lane row, or ``improvements``."""

    kind: str
    y: float
    height: float


@dataclass(frozen=True, slots=True)
class Layout:
    """Every size on the canvas, in mm (type in pt)."""

    plan: CanvasPlan
    cell_w: float
    cell_h: float
    label_w: float
    scale_w: float
    header_h: float
    rows: tuple[Row, ...]
    label_pt: float
    id_pt: float
    body_pt: float
    title_pt: float
    pad: float

    @property
    def width(self) -> float:
        return self.label_w + self.plan.columns * self.cell_w + self.scale_w

    @property
    def height(self) -> float:
        last = self.rows[-1]
        return last.y + last.height + self.id_pt * MM_PER_PT * 2.2

    @property
    def notes_fit(self) -> bool:
        """Whether a sticky note fits each cell (a dotted square shows where it goes)."""
        return self.cell_w >= NOTE_MM + 4 and self.cell_h >= NOTE_MM + 4

    def column_x(self, index: int) -> float:
        return self.label_w + index * self.cell_w


_THIN = {"visibility": 0.15, "moment-of-truth": 0.24, "type": 0.24}
_TALL = {"feeling": 1.4}  # room for a curve drawn across the scale


def lay_out(
    plan: CanvasPlan, cell_w: float = POSTER_CELL_MM, cell_h: float = POSTER_CELL_MM, text_scale: float = 1.0
) -> Layout:
    """The canvas with cells of ``cell_w`` × ``cell_h`` mm; every other size follows from
    the cell (cells are wider than tall on an overview, so the width counts for more).
    Rows of a filled canvas grow to hold their texts, set ``text_scale`` times the size."""
    unit = min(cell_w, cell_h * 1.6)
    label_pt = _clamp(unit * 0.26, 8, 24)
    id_pt = _clamp(unit * 0.1, 5.5, 9)
    body_pt = _clamp(unit * 0.13, 6.5, 11) * text_scale
    pad = _clamp(unit * 0.035, 1, 3)
    header_h = _clamp(unit * 0.8, 19, 72)
    heights = {
        "stage": _clamp(unit * 0.4, 7, 34),
        "goal": _clamp(unit * 0.45, 9, 38),
        "improvements": _clamp(unit * 0.95, 24, 80),
    }
    y = header_h
    rows = []
    for kind in ("stage", "goal", *plan.rows, "improvements"):
        height = heights.get(kind) or cell_h * _THIN.get(kind, _TALL.get(kind, 1.0))
        if kind in _THIN:
            height = max(height, id_pt * MM_PER_PT * 2.6)
        if kind == "feeling":  # a marker needs a few mm between the scale's lines
            low, high = plan.scale
            height = max(height, id_pt * MM_PER_PT * 1.9 + (high - low) * 4.5 + 3 * pad)
        if kind in ("type", "moment-of-truth"):
            words = plan.touchpoint_types if kind == "type" else ("yes",)
            height = max(height, _tick_rows_height(words, cell_w, id_pt, pad))
        if plan.filled and kind not in _THIN and kind != "improvements":
            height = max(height, _needed(plan, kind, cell_w, body_pt, id_pt, pad))
        rows.append(Row(kind, y, height))
        y += height
    return Layout(
        plan=plan,
        cell_w=cell_w,
        cell_h=cell_h,
        label_w=_clamp(unit * 1.15, 30, 98),
        scale_w=_clamp(unit * 0.16, 6, 14),
        header_h=header_h,
        rows=tuple(rows),
        label_pt=label_pt,
        id_pt=id_pt,
        body_pt=body_pt,
        title_pt=_clamp(unit * 0.42, 14, 36),
        pad=pad,
    )


def fit_to(plan: CanvasPlan, width: float, height: float) -> Layout:
    """The layout whose cells make the canvas fill ``width`` × ``height`` mm (an overview).
    A filled canvas whose texts do not fit gets smaller text, down to half the size; the
    caller scales what still does not fit."""
    for tenths in range(10, 4, -1):
        layout = _fitted(plan, width, height, tenths / 10)
        if layout.height <= height + 0.01:
            return layout
    return layout


def _fitted(plan: CanvasPlan, width: float, height: float, text_scale: float) -> Layout:
    cell_w, cell_h = 40.0, 30.0
    for _ in range(6):  # the fixed bands depend on the cell: converge on the size
        layout = lay_out(plan, cell_w, cell_h, text_scale)
        spare_w = width - layout.width
        spare_h = height - layout.height
        cell_w += spare_w / max(plan.columns, 1)
        growing = sum(
            _TALL.get(row.kind, 1.0) for row in layout.rows if row.kind in plan.rows and row.kind not in _THIN
        )
        growing = growing or 1.0
        cell_h += spare_h / growing
        cell_w, cell_h = max(cell_w, 8.0), max(cell_h, 8.0)
    layout = lay_out(plan, cell_w, cell_h, text_scale)
    while layout.height > height and cell_h > 8:  # rows a filled canvas grew: shrink to fit
        cell_h -= 0.5
        layout = lay_out(plan, cell_w, cell_h, text_scale)
    return layout


_METRICS = InterMetrics()


def tick_size(id_pt: float) -> float:
    """The side of a tick box, in mm."""
    return id_pt * MM_PER_PT * 1.3


def _tick_rows_height(words: tuple[str, ...], cell_w: float, id_pt: float, pad: float) -> float:
    """The height a row of tick boxes with ``words`` needs in a cell ``cell_w`` wide."""
    room = cell_w - 2 * pad
    box = tick_size(id_pt) + 1.0
    lines, used = 1, 0.0
    for word in words:
        wide = box + _METRICS.width(word.capitalize(), id_pt) * MM_PER_PT * 1.08 + 3.5
        if used and used + wide > room:
            lines, used = lines + 1, 0.0
        used += wide
    return id_pt * MM_PER_PT * 1.9 + lines * max(tick_size(id_pt), id_pt * MM_PER_PT * 1.3) * 1.9 + 2 * pad


def _needed(plan: CanvasPlan, kind: str, cell_w: float, body_pt: float, id_pt: float, pad: float) -> float:
    """The height a filled row needs for its tallest cell, in mm."""
    width_pt = (cell_w - 2 * pad - 2 * 1.2) / MM_PER_PT
    line_mm = body_pt * 1.5 * MM_PER_PT
    tallest = 0.0
    for stage in plan.stages:
        texts: tuple[str, ...]
        if kind == "stage":
            texts = (stage.title,)
        elif kind == "goal":
            texts = stage.goals
        else:
            texts = ()
        stage_width = (cell_w * len(stage.steps) - 2 * pad - 2.4) / MM_PER_PT
        if texts:
            lines = sum(max(1, len(wrap(t, stage_width, body_pt, _METRICS))) for t in texts)
            tallest = max(tallest, lines * line_mm + len(texts) * 3.6)
        for step in stage.steps:
            cell = (step.title, *step.text(kind)) if kind == "steps" else step.text(kind)
            lines = sum(max(1, len(wrap(t, width_pt, body_pt, _METRICS))) for t in cell)
            tallest = max(tallest, lines * line_mm + len(cell) * 3.6)
    return tallest + id_pt * MM_PER_PT * 2.2 + 2 * pad
