"""Geometry of a journey map: every box, line and wrapped text, computed before drawing.

Pure: it takes the model, the settings and a :class:`~generator.draw.text.TextMeasurer`
and returns a :class:`MapLayout` whose coordinates are rounded to 0.1 px. Drawing it
(``generator.draw.render_svg``) needs no further measuring.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Final

from generator.config import Settings
from generator.draw.channels import channel_glyph
from generator.draw.geometry import (
    Band,
    Cell,
    Column,
    Curve,
    Geometry,
    Lane,
    LegendItem,
    MapLayout,
    Mark,
    Point,
    Rect,
    Text,
    r,
)
from generator.draw.measures import MetricSeries, change_text, series_by_step, value_text
from generator.draw.text import TextMeasurer, actor_names, plain_text, wrap
from generator.labels import Labels
from generator.model import Journey, Step
from generator.vocabulary import slugify

__all__ = ["MAP_ROW_OF", "layout_map", "svg_number"]

MAP_ROW_OF: Final = {
    "doing": "steps",
    "channel": "touchpoint",
    "touchpoint": "touchpoint",
    "type": "touchpoint",
    "actors": "actors",
    "thinking": "thinking",
    "feeling": "feeling",
    "pain": "pain",
    "opportunity": "opportunity",
    "owner": "owner",
    "moment-of-truth": "owner",
    "backstage": "backstage",
    "support": "support",
    "kpi": "kpi",
    "metric": "kpi",
}
"""The map row that shows each lane key (``id`` and a step's notes have none)."""


def _text(
    text: str,
    x: float,
    top: float,
    width: float,
    size: float,
    g: Geometry,
    measure: TextMeasurer,
    *,
    bold: bool = False,
    cls: str = "",
    anchor: str = "start",
) -> Text:
    lines = tuple(wrap(text, width, size, measure, bold))
    return Text(x, top + size, lines, size, r(size * g.line_height), bold, anchor, cls)


def _place(t: Text, dx: float = 0.0, dy: float = 0.0) -> Text:
    """``t`` moved by (dx, dy), with its position rounded to 0.1 px."""
    return Text(r(t.x + dx), r(t.y + dy), t.lines, t.size, t.line_height, t.bold, t.anchor, t.cls)


def _height(text: Text) -> float:
    if not text.lines:
        return 0.0
    return (len(text.lines) - 1) * text.line_height + text.size * 1.3


def _type_rank(step: Step, types: tuple[str, ...]) -> str:
    """``primary`` for the first configured type, ``minor`` for the last of three or more."""
    if not step.type or step.type not in types:
        return ""
    index = types.index(step.type)
    if index == 0:
        return "primary"
    if index == len(types) - 1 and len(types) >= 3:
        return "minor"
    return "normal"


def _summary(step: Step, values: _StepValues, number: int, say: Labels, measured: Sequence[MetricSeries] = ()) -> str:
    """The full text of a step, for its ``<title>``: nothing a cell wraps is lost."""
    parts = [f"{say('step')} {number}: {step.title}"]
    for key, value in values.in_order:
        parts.append(f"{key}: {value}")
    if step.moment_of_truth:
        parts.append(say("moment-of-truth"))
    for series in measured:
        change = change_text(series, say)
        latest = f"{series.metric} {value_text(series.latest.value, series.unit)} ({series.latest.period})"
        parts.append(f"{say('lane.measured')}: {latest}" + (f", {change}" if change else ""))
    return ". ".join(parts)


class _StepValues:
    """A step's lane values as plain text: by key for its cells, in file order for its title."""

    def __init__(self, step: Step) -> None:
        self.step = step
        self.in_order: list[tuple[str, str]] = []
        grouped: dict[str, list[str]] = {}
        for lane in step.lanes:
            value = plain_text(lane.value)
            self.in_order.append((lane.key, value))
            found = grouped.get(lane.key)
            if found is None:
                grouped[lane.key] = [value]
            else:
                found.append(value)
        self.by_key: dict[str, list[str]] = grouped


class _Stack:
    """Text blocks stacked down a cell: each wrapped to the cell's width, 4 px apart."""

    def __init__(self, builder: _Builder, texts: list[Text], x: float, top: float) -> None:
        self.measure = builder.measure
        self.width = builder.inner
        self.spacing = builder.spacing
        self.texts = texts
        self.x = x
        self.top = top
        self.y = builder.g.padding
        """Where the next block's top goes, below the cell's top."""

    def add(self, value: str, size: float, bold: bool = False, cls: str = "", indent: float = 0.0) -> Text:
        lines = tuple(wrap(value, self.width - indent, size, self.measure, bold))
        line_height = self.spacing[size]
        block = Text(r(self.x + indent), r(self.top + self.y + size), lines, size, line_height, bold, "start", cls)
        self.texts.append(block)
        if lines:
            self.y += (len(lines) - 1) * line_height + size * 1.3 + 4
        else:
            self.y += 4
        return block


class _Builder:
    def __init__(self, journey: Journey, persona_name: str, settings: Settings, measure: TextMeasurer, g: Geometry):
        self.journey = journey
        self.persona_name = persona_name
        self.settings = settings
        self.measure = measure
        self.g = g
        self.say = Labels(journey.language or settings.language)
        self.steps = journey.steps
        self.inner = g.column_width - 2 * g.padding
        self.forced_lanes: tuple[str, ...] | None = None
        self.first_number = 1
        self.subtitle = ""
        self.status: dict[str, str] = {}
        self.changed_lanes: dict[str, set[str]] = {}
        self._values: dict[str, _StepValues] = {}
        self.series = series_by_step(journey) if journey.measured else {}
        # Line spacing by font size, rounded once.
        self.spacing = {size: r(size * g.line_height) for size in (g.small_size, g.body_size, g.step_size, g.meta_size)}

    # -- per-lane cell contents, positioned relative to the cell's top-left ---------------

    def content(
        self, lane: str, step: Step, number: int, left: float = 0.0, top: float = 0.0
    ) -> tuple[list[Text], list[Mark], float]:
        """A cell's texts and marks, placed in a cell whose top-left corner is (left, top)."""
        g = self.g
        texts: list[Text] = []
        marks: list[Mark] = []
        x = left + g.padding
        values = self.step_values(step).by_key
        stack = _Stack(self, texts, x, top)
        add = stack.add
        if lane == "steps":
            badge = g.small_size * 1.9
            marks.append(Mark("number", r(x + badge / 2), r(top + stack.y + badge / 2), badge, text=str(number)))
            if step.moment_of_truth:
                marks.append(Mark("star", r(x + badge / 2), r(top + stack.y + badge * 1.75), badge * 0.75))
            add(step.title, g.step_size, True, "jm-step-title", badge + 6)
            stack.y = max(stack.y, g.padding + badge * (2.3 if step.moment_of_truth else 1.0) + 4)
            for value in values.get("doing", ()):
                add(value, g.body_size, False, "jm-doing")
        elif lane == "touchpoint":
            for channel in values.get("channel", ()):
                glyph = channel_glyph(channel)
                indent = g.small_size + 7 if glyph else 0.0
                block = add(channel.upper(), g.small_size, True, "jm-channel", indent)
                if glyph:
                    marks.append(Mark("glyph", r(x), r(block.y - g.small_size * 0.95), g.small_size + 3, name=glyph))
            for value in values.get("touchpoint", ()):
                add(value, g.body_size)
            if step.type:
                add(self.say.touchpoint_type(step.type), g.small_size, True, "jm-type")
        elif lane == "actors":
            self.chips(actor_names(values.get("actors", ())), stack, marks)
        elif lane == "thinking":
            for value in values.get("thinking", ()):
                add(value, g.body_size, False, "jm-thinking")
        elif lane in ("pain", "opportunity"):
            for value in values.get(lane, ()):
                block = add(value, g.body_size, False, "", g.body_size + 6)
                marks.append(Mark(lane, r(x + g.body_size / 2), r(block.y - g.body_size * 0.36), g.body_size))
        elif lane == "owner":
            for value in values.get("owner", ()):
                add(value, g.body_size)
            if step.moment_of_truth:
                block = add(self.say("moment-of-truth"), g.small_size, True, "jm-mot", g.small_size + 6)
                marks.append(Mark("star", r(x + g.small_size / 2), r(block.y - g.small_size * 0.36), g.small_size))
        elif lane in ("backstage", "support"):
            for value in values.get(lane, ()):
                add(value, g.body_size)
        elif lane == "measured":
            self.measured(step, stack, marks)
        elif lane == "kpi":
            for value in values.get("kpi", ()):
                add(value, g.body_size)
            for value in values.get("metric", ()):
                add(f"{self.say('measured')}: {value}", g.body_size, True, "jm-metric")
        height = stack.y - 4 + g.padding if texts else 0.0
        return texts, marks, height

    def measured(self, step: Step, stack: _Stack, marks: list[Mark]) -> None:
        """Each metric's latest value and period, a bar for a percentage, and the change
        against the period before in words."""
        g = self.g
        for series in self.series.get(step.id, ()):
            latest = series.latest
            add = stack.add
            add(f"{series.metric}: {value_text(latest.value, series.unit)} ({latest.period})", g.body_size, True)
            if series.unit == "%":
                filled = max(0.0, min(latest.value, 100.0)) / 100 * stack.width
                top = stack.top + stack.y - 2
                marks.append(Mark("bar", r(stack.x), r(top), r(stack.width), name="track", height=5))
                marks.append(Mark("bar", r(stack.x), r(top), r(filled), height=5))
                stack.y += 7
            change = change_text(series, self.say)
            if change:
                add(change, g.small_size, False, "jm-meta")

    def chips(self, names: list[str], stack: _Stack, marks: list[Mark]) -> None:
        """Each name in a rounded box, boxes side by side and wrapping like words; a name
        wider than the cell gets a box of its own over several lines."""
        g = self.g
        size = g.small_size
        pad = 6.0
        line_height = self.spacing[size]
        height = size * 1.3 + 5
        left, right = stack.x, stack.x + stack.width
        x, row_top = left, stack.top + stack.y
        for name in names:
            width = self.measure.width(name, size) + 2 * pad
            lines: tuple[str, ...] = (name,)
            box_height = height
            if width > stack.width:  # a box of its own, the name wrapped inside it
                lines = tuple(wrap(name, stack.width - 2 * pad, size, self.measure))
                width = stack.width
                box_height = height + (len(lines) - 1) * line_height
            if x > left and x + width > right:
                x, row_top = left, row_top + height + 4
            marks.append(Mark("chip", r(x), r(row_top), r(width), height=r(box_height)))
            label = Text(r(x + pad), r(row_top + 2.5 + size), lines, size, line_height, False, "start", "jm-actor")
            stack.texts.append(label)
            if box_height > height:  # nothing may sit beside a wrapped name
                x, row_top = right, row_top + box_height - height
            else:
                x += width + 4
        stack.y = row_top - stack.top + height + 4

    def step_values(self, step: Step) -> _StepValues:
        """A step's lane values as plain text, gathered once per step for all its cells."""
        found = self._values.get(step.id)
        if found is None or found.step is not step:
            found = _StepValues(step)
            self._values[step.id] = found
        return found

    def badge(self, status: str, right: float, top: float) -> Mark:
        """A visual-diff label ending at ``right``: the word says it, not only the colour."""
        text = self.say(f"diff.{status}").upper()
        width = self.measure.width(text, 9, bold=True) + 10
        return Mark("badge", r(right - width), r(top), r(width), name=status, text=text)

    # -- the whole map -------------------------------------------------------------------

    def lanes_present(self) -> list[str]:
        if self.forced_lanes is not None:
            return list(self.forced_lanes)
        shown = {"steps", "visibility"} | ({"measured"} if self.series else set())
        for step in self.steps:
            for lane in step.lanes:
                row = MAP_ROW_OF.get(lane.key)
                # A feeling without a score and a 'no' moment of truth draw nothing.
                if row == "feeling" and step.emotion is None:
                    continue
                if lane.key == "moment-of-truth" and not step.moment_of_truth:
                    continue
                if row is not None:
                    shown.add(row)
        present = [lane for lane in self.settings.lanes if lane in shown]
        # The line of visibility only means something with lanes on both sides of it.
        if "visibility" in present:
            index = present.index("visibility")
            if index == 0 or index == len(present) - 1:
                present.remove("visibility")
        return present

    def header(self, width: float) -> tuple[list[Text], float]:
        g, m, say, j = self.g, self.measure, self.say, self.journey
        texts = []
        y = g.margin
        title = _text(j.title, g.margin, y, width, g.title_size, g, m, bold=True, cls="jm-title")
        texts.append(title)
        y += _height(title) + 6
        meta = [f"{say('persona')}: {self.persona_name}"]
        if j.owner:
            meta.append(f"{say('owner')}: {plain_text(j.owner)}")
        meta.append(say(f"state.{j.state}"))
        meta.append(f"{say('reviewed')}: {j.reviewed.isoformat()}" if j.reviewed else say("not-reviewed"))
        if self.subtitle:
            meta.append(self.subtitle)
        line = _text("  ·  ".join(meta), g.margin, y, width, g.meta_size, g, m, cls="jm-meta")
        texts.append(line)
        y += _height(line) + 4
        if j.expectations:
            text = f"{say('expectations')}: {plain_text(j.expectations)}"
            block = _text(text, g.margin, y, width, g.meta_size, g, m, cls="jm-meta")
            texts.append(block)
            y += _height(block) + 4
        return texts, y + 12

    def bands(self, top: float, columns_x: list[float]) -> tuple[list[Band], float]:
        g, m = self.g, self.measure
        drafts = []
        index = 0
        for shade, stage in enumerate(self.journey.stages):
            if not stage.steps:
                continue
            first, last = index, index + len(stage.steps) - 1
            index += len(stage.steps)
            x = columns_x[first]
            w = columns_x[last] + g.column_width - x
            texts = [_text(stage.title, x + g.padding, 0, w - 2 * g.padding, g.stage_size, g, m, bold=True)]
            y = _height(texts[0]) + 3
            for goal in stage.goals:
                text = f"{self.say('goal')}: {plain_text(goal)}"
                block = _text(text, x + g.padding, y, w - 2 * g.padding, g.small_size, g, m, cls="jm-goal")
                texts.append(block)
                y += _height(block) + 2
            drafts.append((stage.id, x, w, texts, y, shade % 2))
        height = max((d[4] for d in drafts), default=0.0) + 2 * g.padding
        bands = []
        for stage_id, x, w, texts, _, shade in drafts:
            moved = tuple(_place(t, 0, top + g.padding) for t in texts)
            bands.append(Band(stage_id, Rect(r(x), r(top), r(w), r(height)), moved, shade))
        return bands, top + height + g.gap

    def curve(self, top: float, height: float, centres: list[float]) -> Curve:
        g = self.g
        low, high = self.settings.emotion_scale
        pad_top, pad_bottom = 22.0, 40.0
        span = height - pad_top - pad_bottom

        def y_of(score: float) -> float:
            clamped = min(max(score, low), high)
            return top + pad_top + (high - clamped) / (high - low) * span

        points: list[Point] = []
        missing: list[tuple[float, float]] = []
        runs: list[list[tuple[float, float]]] = [[]]
        middle = (low + high) / 2
        for step, x in zip(self.steps, centres, strict=True):
            if step.emotion is None:
                missing.append((r(x), r(y_of(middle))))
                if runs[-1]:
                    runs.append([])
                continue
            score = step.emotion.score
            y = y_of(score)
            tone = self.settings.tone(score)
            word = None
            if step.emotion.word:
                # Words sit below high points and above low ones, away from the curve's bulk.
                below = score >= middle
                size = g.small_size
                lines = wrap(plain_text(step.emotion.word), g.column_width - 2 * g.padding, size, self.measure)[:2]
                first = y + 26 if below else y - 18 - (len(lines) - 1) * size * g.line_height
                word = Text(r(x), r(first), tuple(lines), size, r(size * g.line_height), False, "middle", "jm-word")
            points.append(Point(r(x), r(y), score, step.emotion.score_text, tone, word, step.id))
            runs[-1].append((r(x), r(y)))
        paths = tuple(_path(run, self.settings.curve) for run in runs if len(run) >= 2)
        neutral = r(y_of(0)) if low <= 0 <= high else None
        ticks = []
        for value in range(int(high), int(low) - 1, -1):
            label = f"+{value}" if value > 0 else str(value)
            ticks.append((r(y_of(value)), label))
        # A long scale gets every other tick labelled, so labels never touch.
        if len(ticks) > 7:
            ticks = ticks[::2]
        return Curve(paths, tuple(points), tuple(missing), neutral, tuple(ticks), self.say("no-feeling"))

    def legend(self, top: float, width: float) -> tuple[list[LegendItem], float]:
        g, m, say = self.g, self.measure, self.say
        entries: list[tuple[str, str, str]] = []
        present_types = {step.type for step in self.steps if step.type}
        for word in self.settings.touchpoint_types:
            if word in present_types:
                rank = _type_rank(Step(id="x", title="x", type=word), self.settings.touchpoint_types)
                entries.append(("type", say.touchpoint_type(word), rank))
        if any(step.moment_of_truth for step in self.steps):
            entries.append(("star", say("moment-of-truth"), ""))
        if any("pain" in self.step_values(step).by_key for step in self.steps):
            entries.append(("pain", say("legend.pain"), ""))
        if any("opportunity" in self.step_values(step).by_key for step in self.steps):
            entries.append(("opportunity", say("legend.opportunity"), ""))
        if any(step.emotion for step in self.steps):
            entries.extend(
                [
                    ("point", say("legend.negative"), "neg"),
                    ("point", say("legend.neutral"), "neutral"),
                    ("point", say("legend.positive"), "pos"),
                ]
            )
        for status in ("added", "removed", "moved", "renamed", "changed"):
            if status in self.status.values() or (status == "changed" and self.changed_lanes):
                entries.append(("badge", say(f"diff.{status}"), status))
        items = []
        x, y = g.margin, top
        swatch = 22.0
        row_height = g.small_size * 2.2
        for kind, label, name in entries:
            text_width = m.width(label, g.small_size)
            needed = swatch + 6 + text_width + 22
            if x > g.margin and x + needed > g.margin + width:
                x, y = g.margin, y + row_height
            text = Text(r(x + swatch + 6), r(y + g.small_size), (label,), g.small_size, r(g.small_size * g.line_height))
            items.append(LegendItem(kind, r(x), r(y), text, name))
            x += needed
        height = (y - top + row_height) if items else 0.0
        return items, top + height

    def build(self, prefix: str) -> MapLayout:
        g = self.g
        n = len(self.steps)
        grid_x = g.margin + g.label_width + g.gap
        columns_x = [grid_x + i * (g.column_width + g.gap) for i in range(n)]
        grid_width = n * g.column_width + max(n - 1, 0) * g.gap
        width = grid_x + grid_width + g.margin
        header, y = self.header(width - 2 * g.margin)
        bands, y = self.bands(y, columns_x)
        lanes_present = self.lanes_present()
        lanes: list[Lane] = []
        visibility_y = None
        curve = None
        grid_top = y
        cells_by_step: list[list[Cell]] = [[] for _ in range(n)]
        label_width = g.label_width - g.padding
        for lane in lanes_present:
            if lane == "visibility":
                height = g.visibility_height
                visibility_y = r(y + height / 2)
            elif lane == "feeling":
                height = g.feeling_height
                centres = [x + g.column_width / 2 for x in columns_x]
                curve = self.curve(y, height, centres)
            else:
                contents = [
                    self.content(lane, step, i + self.first_number, columns_x[i], y)
                    for i, step in enumerate(self.steps)
                ]
                height = max([g.min_lane_height, *(c[2] for c in contents)])
            label_text = self.say(f"lane.{lane}")
            label_size = g.small_size if lane == "visibility" else g.body_size
            label_top = y + (height / 2 - label_size) if lane == "visibility" else y + g.padding
            label = _text(
                label_text,
                g.margin,
                label_top,
                label_width,
                label_size,
                g,
                self.measure,
                bold=True,
                cls="jm-lane-label",
            )
            lanes.append(Lane(lane, r(y), r(height), _place(label)))
            if lane not in ("feeling", "visibility"):
                ry, rh, rw = r(y), r(height), r(g.column_width)
                for i, (texts, marks, _) in enumerate(contents):
                    step_id = self.steps[i].id
                    changed = lane in self.changed_lanes.get(step_id, ())
                    # Tags sit on the cell's top edge, clear of its text.
                    labelled = lane == "steps" and self.status.get(step_id, "") not in ("", "changed")
                    if labelled:
                        marks.append(self.badge(self.status[step_id], columns_x[i] + g.column_width - 4, y - 7.5))
                    elif changed:
                        marks.append(self.badge("changed", columns_x[i] + g.column_width - 4, y - 7.5))
                    cells_by_step[i].append(
                        Cell(lane, Rect(r(columns_x[i]), ry, rw, rh), tuple(texts), tuple(marks), changed)
                    )
            y += height + g.gap
        grid = Rect(r(grid_x), r(grid_top), r(grid_width), r(y - g.gap - grid_top))
        legend, y = self.legend(y + 8, width - 2 * g.margin)
        columns = tuple(
            Column(
                step.id,
                i + self.first_number,
                r(columns_x[i]),
                r(g.column_width),
                _summary(step, self.step_values(step), i + self.first_number, self.say, self.series.get(step.id, ())),
                f"{i + self.first_number}. {step.title}",
                _type_rank(step, self.settings.touchpoint_types),
                tuple(cells_by_step[i]),
                self.status.get(step.id, ""),
            )
            for i, step in enumerate(self.steps)
        )
        return MapLayout(
            prefix=prefix,
            width=r(width),
            height=r(y + g.margin),
            language=self.journey.language or self.settings.language,
            title=self.journey.title,
            description=self.description(),
            header=tuple(_place(t) for t in header),
            bands=tuple(bands),
            lanes=tuple(lanes),
            columns=columns,
            curve=curve,
            visibility_y=visibility_y,
            grid=grid,
            legend=tuple(legend),
        )

    def description(self) -> str:
        say, steps = self.say, self.steps
        stages = sum(1 for stage in self.journey.stages if stage.steps)
        parts = [say("desc.journey", persona=self.persona_name, stages=stages, steps=len(steps))]
        scored = [step for step in steps if step.emotion is not None]
        if scored:
            low = min(scored, key=lambda s: s.emotion.score if s.emotion else 0)
            high = max(scored, key=lambda s: s.emotion.score if s.emotion else 0)
            assert low.emotion is not None
            assert high.emotion is not None
            parts.append(
                say(
                    "desc.range",
                    low=low.emotion.score_text,
                    low_step=low.title,
                    high=high.emotion.score_text,
                    high_step=high.title,
                )
            )
        pains = sum(len(self.step_values(step).by_key.get("pain", ())) for step in steps)
        opportunities = sum(len(self.step_values(step).by_key.get("opportunity", ())) for step in steps)
        moments = sum(1 for step in steps if step.moment_of_truth)
        parts.append(say("desc.counts", pains=pains, opportunities=opportunities, moments=moments))
        return " ".join(parts)


def _path(points: list[tuple[float, float]], style: str) -> str:
    """An SVG path through ``points``: straight, or a monotone cubic that never overshoots.

    A smooth curve must not suggest a feeling between two steps that is better or worse
    than both, so tangents follow Fritsch-Carlson (as d3's ``curveMonotoneX``).
    """
    start = f"M{_n(points[0][0])} {_n(points[0][1])}"
    if style == "straight" or len(points) < 3:
        return start + "".join(f"L{_n(x)} {_n(y)}" for x, y in points[1:])
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    h = [xs[i + 1] - xs[i] for i in range(len(xs) - 1)]
    s = [(ys[i + 1] - ys[i]) / h[i] for i in range(len(h))]
    m = [0.0] * len(points)
    for i in range(1, len(points) - 1):
        if s[i - 1] * s[i] > 0:
            p = (s[i - 1] * h[i] + s[i] * h[i - 1]) / (h[i - 1] + h[i])
            m[i] = math.copysign(min(abs(s[i - 1]), abs(s[i]), 0.5 * abs(p)) * 2, s[i])
    m[0] = (3 * s[0] - m[1]) / 2 if s[0] * (3 * s[0] - m[1]) > 0 else 0.0
    m[-1] = (3 * s[-1] - m[-2]) / 2 if s[-1] * (3 * s[-1] - m[-2]) > 0 else 0.0
    parts = [start]
    for i, dx in enumerate(h):
        c1 = (xs[i] + dx / 3, ys[i] + m[i] * dx / 3)
        c2 = (xs[i + 1] - dx / 3, ys[i + 1] - m[i + 1] * dx / 3)
        parts.append(f"C{_n(c1[0])} {_n(c1[1])} {_n(c2[0])} {_n(c2[1])} {_n(xs[i + 1])} {_n(ys[i + 1])}")
    return "".join(parts)


def _n(value: float) -> str:
    """A coordinate as text, rounded as the layout rounds: one decimal at most."""
    return svg_number(r(value))


_NUMBERS: Final[dict[float, str]] = {}


def svg_number(value: float) -> str:
    """A coordinate as SVG text: rounded to 0.1, without a trailing ``.0`` or a ``-0``.

    Maps repeat the same few hundred coordinates thousands of times, so each is
    formatted once (the table is bounded for long-running servers).
    """
    text = _NUMBERS.get(value)
    if text is None:
        text = f"{value:.1f}".removesuffix(".0")
        if text == "-0":
            text = "0"
        if len(_NUMBERS) > 50_000:
            _NUMBERS.clear()
        _NUMBERS[value] = text
    return text


def layout_map(
    journey: Journey,
    settings: Settings,
    measure: TextMeasurer,
    *,
    persona_name: str = "",
    prefix: str | None = None,
    geometry: Geometry | None = None,
    lanes: tuple[str, ...] | None = None,
    first_number: int = 1,
    subtitle: str = "",
    status: dict[str, str] | None = None,
    changed_lanes: dict[str, set[str]] | None = None,
) -> MapLayout:
    """Lay out ``journey`` as a swimlane map; ``prefix`` makes its ids unique on a page.

    ``lanes``, ``first_number`` and ``subtitle`` serve a map printed over several pages:
    every page keeps the whole journey's lanes and step numbers, and says which page it is.
    ``status`` (by step id) and ``changed_lanes`` (by step id, map lanes) mark a visual diff.
    """
    g = geometry or Geometry()
    builder = _Builder(journey, persona_name or journey.persona, settings, measure, g)
    builder.forced_lanes = lanes
    builder.first_number = first_number
    builder.subtitle = subtitle
    builder.status = status or {}
    builder.changed_lanes = changed_lanes or {}
    ident = prefix or f"jm-{slugify(journey.id) or 'journey'}"
    if not math.isfinite(g.column_width) or g.column_width <= 2 * g.padding:
        raise ValueError("column width too small")
    return builder.build(ident)
