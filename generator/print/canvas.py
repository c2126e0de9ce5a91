"""The journey canvas as typst: every band, cell, cell id and guide line placed in mm from
a ``Layout``, so the wall poster and the one-sheet overview are the same drawing at two
cell sizes. User text only ever goes in as typst string literals.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.cells import format_cell
from generator.labels import Labels
from generator.print.canvas_plan import (
    MM_PER_PT,
    NOTE_MM,
    CanvasStage,
    CanvasStep,
    Layout,
    row_field,
    row_label,
    tick_size,
)
from generator.print.typst_markup import tstr

__all__ = ["FIT", "NOTE_COLOURS", "canvas_block", "score_label"]

NOTE_COLOURS = {"steps": "yellow", "touchpoint": "blue", "pain": "pink", "opportunity": "green"}
"""The sticky-note colour of each lane, as the guide and the canvas's legend name them."""
_LINE = "0.6pt + luma(60)"


FIT = """#let fit(body, largest: 10pt, smallest: 5.5pt) = layout(room => {
  let size = largest
  while size > smallest and measure(block(width: room.width, text(size: size, body))).height > room.height {
    size -= 0.25pt
  }
  text(size: size, body)
})
"""
"""A typst function: ``body`` at the largest size (down to ``smallest``) that fits its box."""


def score_label(score: int, low: int) -> str:
    """A score as the cards and canvas print it: signed when the scale has negative scores."""
    return f"{score:+d}" if low < 0 and score else str(score)


def _at(x: float, y: float, body: str) -> str:
    return f"#place(top + left, dx: {x:.2f}mm, dy: {y:.2f}mm)[{body}]"


def _text(text: str, size: float, *, bold: bool = False, grey: bool = False) -> str:
    style = f"size: {size:.1f}pt"
    if bold:
        style += ", weight: 700"
    if grey:
        style += ", fill: luma(85)"
    return f"#text({style})[#{tstr(text)}]"


def _rect(width: float, height: float, *, fill: str = "", stroke: str = _LINE, dash: str = "") -> str:
    extra = f", fill: {fill}" if fill else ""
    if dash:
        thickness, paint = stroke.split(" + ")
        stroke = f'(thickness: {thickness}, paint: {paint}, dash: "{dash}")'
    return f"#rect(width: {width:.2f}mm, height: {height:.2f}mm, stroke: {stroke}{extra})"


def _box(width: float, body: str, *, align: str = "") -> str:
    inner = f"#align({align})[{body}]" if align else body
    return f"#box(width: {width:.2f}mm)[{inner}]"


class _Canvas:
    def __init__(self, layout: Layout, say: Labels) -> None:
        self.lay = layout
        self.say = say
        self.plan = layout.plan
        self.parts: list[str] = []
        self.id_h = layout.id_pt * MM_PER_PT * 1.9

    def add(self, x: float, y: float, body: str) -> None:
        self.parts.append(_at(x, y, body))

    def cell_id(self, x: float, y: float, stage: int, step: int | None, field: str) -> None:
        ident = format_cell(stage, step, field, self.say.language)
        self.add(x + self.lay.pad * 0.7, y + self.lay.pad * 0.5, _text(ident, self.lay.id_pt, grey=True))

    def notes(self, x: float, y: float, width: float, texts: tuple[str, ...], *, first_bold: bool = False) -> None:
        """Texts of a filled cell, each on a grey note, below the cell id."""
        lay = self.lay
        items = []
        for index, text in enumerate(texts):
            body = _text(text, lay.body_pt, bold=first_bold and index == 0)
            items.append(f"#block(width: 100%, fill: luma(238), inset: 1.2mm, radius: 0.6mm, below: 1.2mm)[{body}]")
        inner = "#set par(leading: 0.3em);" + "".join(items)
        self.add(x + lay.pad, y + lay.pad + self.id_h, f"#block(width: {width - 2 * lay.pad:.2f}mm)[{inner}]")

    def header(self) -> None:
        lay, say, plan = self.lay, self.say, self.plan
        width = lay.column_x(plan.columns)
        self.add(0, 0, _text(say("kit.journey-canvas"), lay.title_pt, bold=True))
        fields = (
            (say("kit.journey"), plan.title),
            (say("persona"), plan.persona),
            (say("kit.owner"), plan.owner),
            (say("kit.date"), ""),
        )
        line_pt = max(lay.label_pt * 0.55, 7.0)
        x = width * 0.3
        field_h = line_pt * MM_PER_PT * 1.6
        for (label, value), share in zip(fields, (0.26, 0.18, 0.14, 0.1), strict=True):
            field_w = width * share - 4
            content = f"#fit(largest: {line_pt:.1f}pt, smallest: 4pt)[#strong[#{tstr(label + ':')}] #{tstr(value)}]"
            line = (
                f"#box(width: {field_w:.2f}mm, height: {field_h:.2f}mm, stroke: (bottom: 0.6pt + luma(60)))[{content}]"
            )
            self.add(x, lay.title_pt * MM_PER_PT * 0.35, line)
            x += field_w + 4
        top = lay.title_pt * MM_PER_PT * 1.7
        box_h = lay.header_h - top - lay.pad * 2
        expect_w = width * 0.58
        self.add(0, top, _rect(expect_w, box_h))
        self.add(lay.pad, top + lay.pad, _text(say("kit.expectations") + ":", line_pt, bold=True))
        if plan.expectations:
            text_h = box_h - 2 * lay.pad - line_pt * MM_PER_PT * 1.8
            room = f"width: {expect_w - 2 * lay.pad:.2f}mm, height: {text_h:.2f}mm"
            fitted = f"#fit(largest: {lay.body_pt:.1f}pt, smallest: 4pt)[#{tstr(plan.expectations)}]"
            self.add(lay.pad, top + lay.pad + line_pt * MM_PER_PT * 1.8, f"#box({room})[{fitted}]")
        legend = " · ".join(
            say("kit.note-colour", lane=say(f"lane.{lane}"), colour=say(f"kit.notes.{colour}"))
            for lane, colour in NOTE_COLOURS.items()
            if lane in plan.rows
        )
        legend_x = expect_w + 4
        self.add(legend_x, top, _rect(width - legend_x, box_h, stroke="0.4pt + luma(120)"))
        body = f"#strong[#{tstr(say('kit.legend'))}]#linebreak()#text(size: 0.8em)[#{tstr(legend)}]"
        room = f"width: {width - legend_x - 2 * lay.pad:.2f}mm, height: {box_h - 2 * lay.pad:.2f}mm"
        self.add(
            legend_x + lay.pad, top + lay.pad, f"#box({room})[#fit(largest: {line_pt:.1f}pt, smallest: 4pt)[{body}]]"
        )

    def label(self, y: float, height: float, kind: str) -> None:
        lay, say = self.lay, self.say
        key = row_label(kind)
        thin = kind in ("moment-of-truth", "type", "visibility")
        size = lay.label_pt * (0.55 if thin else 0.8 if kind in ("stage", "goal", "improvements") else 1)
        size = max(size, 6.0)
        width = lay.label_w - 2 * lay.pad - (lay.scale_w if kind == "feeling" else 0)
        body = f"#text(weight: 700)[#{tstr(say(key))}]"
        if kind in NOTE_COLOURS and not self.plan.filled:
            hint = say(f"kit.notes.{NOTE_COLOURS[kind]}")
            body += f"#linebreak()#text(size: 0.7em, fill: luma(85))[#{tstr(hint)}]"
        if kind != "visibility":
            self.add(0, y, _rect(lay.label_w, height, fill="luma(242)"))
        # The label shrinks (down to 4 pt) rather than run into the next row.
        room = max(height - 1.5 * lay.pad, 2.0)
        fitted = f"#fit(largest: {size:.1f}pt, smallest: 4pt)[#set par(leading: 0.25em);{body}]"
        self.add(lay.pad, y + lay.pad * 0.75, f"#box(width: {width:.2f}mm, height: {room:.2f}mm)[{fitted}]")

    def stages(self, y: float, height: float, goals: bool) -> None:
        lay, say = self.lay, self.say
        index = 0
        for stage in self.plan.stages:
            x = lay.column_x(index)
            width = lay.cell_w * len(stage.steps)
            self.add(x, y, _rect(width, height, fill="" if goals else "luma(230)"))
            self.cell_id(x, y, stage.number, None, "goal" if goals else "stage")
            if goals and stage.goals:
                self.notes(x, y, width, stage.goals)
            elif not goals:
                name = _text(f"{say('kit.stage')} {stage.number}", max(lay.label_pt * 0.6, 6.0), bold=True)
                right = f"#box(width: {width - 2 * lay.pad:.2f}mm)[#align(right)[{name}]]"
                self.add(x + lay.pad, y + lay.pad * 0.5, right)
                if stage.title:
                    self.notes(x, y, width, (stage.title,), first_bold=True)
            index += len(stage.steps)

    def steps(self) -> Iterator[tuple[int, CanvasStage, CanvasStep]]:
        index = 0
        for stage in self.plan.stages:
            for step in stage.steps:
                yield index, stage, step
                index += 1

    def lane(self, y: float, height: float, kind: str) -> None:
        lay = self.lay
        right = lay.column_x(self.plan.columns)
        if kind == "visibility":
            mid = y + height / 2
            self.add(
                lay.label_w,
                mid,
                f'#line(length: {right - lay.label_w:.2f}mm, stroke: (thickness: 1.4pt, dash: "dashed"))',
            )
            return
        for index, stage, step in self.steps():
            x = lay.column_x(index)
            self.add(x, y, _rect(lay.cell_w, height))
            self.cell_id(x, y, stage.number, step.number, row_field(kind))
            if kind == "moment-of-truth":
                self.tick_boxes(x, y, height, ((self.say("kit.yes"), step.moment_of_truth),))
            elif kind == "type":
                types = tuple((self.say.touchpoint_type(t), step.type == t) for t in self.plan.touchpoint_types)
                self.tick_boxes(x, y, height, types)
            elif kind == "feeling":
                continue
            elif self.plan.filled:
                texts = (step.title, *step.text(kind)) if kind == "steps" else step.text(kind)
                if texts and texts[0]:
                    self.notes(x, y, lay.cell_w, texts, first_bold=kind == "steps")
            elif lay.notes_fit:
                inset_x = (lay.cell_w - NOTE_MM) / 2
                inset_y = max(self.id_h + lay.pad, (height - NOTE_MM) / 2)
                if inset_y + NOTE_MM <= height:
                    self.add(
                        x + inset_x, y + inset_y, _rect(NOTE_MM, NOTE_MM, stroke="0.5pt + luma(175)", dash="dotted")
                    )
        if kind == "feeling":
            self.feeling(y, height)

    def tick_boxes(self, x: float, y: float, height: float, boxes: tuple[tuple[str, bool], ...]) -> None:
        lay = self.lay
        size = tick_size(lay.id_pt)
        pt = lay.id_pt
        items = []
        for word, ticked in boxes:
            mark = (
                f"#place(center + horizon)[{_text('X', pt, bold=True)}]" if ticked else ""
            )  # placed: no effect on the line
            square = f"#box(width: {size:.2f}mm, height: {size:.2f}mm, stroke: 0.8pt + luma(30), baseline: 15%)[{mark}]"
            items.append(f"#box[{square}#h(1mm){_text(word, pt)}]")
        body = "#set par(leading: 0.6em);" + "#h(2mm) ".join(items)
        self.add(x + lay.pad, y + self.id_h + lay.pad * 0.3, _box(lay.cell_w - 2 * lay.pad, body))

    def feeling(self, y: float, height: float) -> None:
        """Guide lines for every score, 0 (the middle) emphasised, the scale at both ends."""
        lay, plan = self.lay, self.plan
        low, high = plan.scale
        top = y + self.id_h + lay.pad
        span = height - self.id_h - 3 * lay.pad
        left, right = lay.label_w, lay.column_x(plan.columns)
        middle = (low + high) / 2
        size = lay.id_pt * 1.45
        text_h = size * MM_PER_PT

        def level(score: float) -> float:
            return top + (high - score) / max(high - low, 1) * span

        for score in range(high, low - 1, -1):
            at = level(score)
            stroke = "1.4pt + luma(20)" if score == middle else '(thickness: 0.7pt, paint: luma(95), dash: "dashed")'
            self.add(left, at, f"#line(length: {right - left:.2f}mm, stroke: {stroke})")
            number = score_label(score, low)
            text = _text(number, size, bold=score == middle)
            self.add(left - lay.scale_w, at - text_h * 0.62, _box(lay.scale_w - 1, text, align="right"))
            self.add(right + 1, at - text_h * 0.62, _box(lay.scale_w - 1, text))
        points = [
            (lay.column_x(index) + lay.cell_w / 2, level(step.score))
            for index, _, step in self.steps()
            if step.score is not None
        ]
        if len(points) > 1:
            moves = ", ".join(
                f"curve.{'move' if i == 0 else 'line'}(({px:.2f}mm, {py:.2f}mm))" for i, (px, py) in enumerate(points)
            )
            self.add(0, 0, f"#curve(stroke: 1.6pt + luma(10), {moves})")
        radius = max(1.2, lay.cell_w * 0.025)
        for px, py in points:
            self.add(px - radius, py - radius, f"#circle(radius: {radius:.2f}mm, fill: luma(10))")

    def improvements(self, y: float, height: float) -> None:
        lay, say = self.lay, self.say
        left, right = lay.label_w, lay.column_x(self.plan.columns)
        width = right - left
        self.add(left, y, _rect(width, height))
        heads = (
            (say("kit.improvement"), 0.5),
            (say("kit.step-cell"), 0.16),
            (say("kit.owner"), 0.2),
            (say("kit.date"), 0.14),
        )
        head_h = lay.id_pt * MM_PER_PT * 2.4
        x = left
        for index, (word, share) in enumerate(heads):
            self.add(x + lay.pad, y + lay.pad * 0.6, _text(word, lay.id_pt * 1.1, bold=True))
            x += width * share
            if index < len(heads) - 1:  # a rule between columns
                self.add(x, y, f"#line(length: {height:.2f}mm, angle: 90deg, stroke: 0.5pt + luma(90))")
        rows = 3 if (height - head_h) / 3 >= 7 else 2  # lines at least 7 mm apart to write on
        for row in range(rows):
            at = y + head_h + row * (height - head_h) / rows
            self.add(left, at, f"#line(length: {width:.2f}mm, stroke: 0.4pt + luma(120))")

    def draw(self) -> str:
        lay = self.lay
        self.header()
        for row in lay.rows:
            self.label(row.y, row.height, row.kind)
            if row.kind in ("stage", "goal"):
                self.stages(row.y, row.height, row.kind == "goal")
            elif row.kind == "improvements":
                self.improvements(row.y, row.height)
            else:
                self.lane(row.y, row.height, row.kind)
        last = lay.rows[-1]
        self.add(0, last.y + last.height + 1.5, _text(self.say("kit.cell-help"), lay.id_pt, grey=True))
        return (
            f'block(width: {lay.width:.2f}mm, height: {lay.height:.2f}mm)[#set text(font: "Inter", fill: luma(20), '
            'top-edge: "ascender", bottom-edge: "descender")\n' + FIT + "\n".join(self.parts) + "\n]"
        )


def canvas_block(layout: Layout, say: Labels) -> str:
    """The canvas as one typst block expression of ``layout.width`` × ``layout.height`` mm."""
    return _Canvas(layout, say).draw()
