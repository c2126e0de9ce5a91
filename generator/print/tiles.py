"""A poster cut into sheets of office paper: overlap, cut and glue marks on every edge,
the sheet's name in its margin, and an assembly map as the first page.

Each sheet shows one window of the poster. The windows are spread evenly, so the last
column and row are as full as the others, and neighbours share a strip of at least
``OVERLAP_MM``: the sheet to the right (or below) is cut along the edge of its print and
laid over that strip of its neighbour, which is shaded grey and says "glue". Marks and
labels keep ``MARK_FROM_MM`` clear of the paper's edge, more than the 6.35 mm a letter
printer leaves blank; nothing at all is within ``EDGE_MM``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator.labels import Labels
from generator.print.render_print import Paper
from generator.print.sheet_base import type_scale
from generator.print.typst_markup import tstr

__all__ = ["EDGE_MM", "OVERLAP_MM", "Tiling", "plan_tiles", "tiled_source"]

OVERLAP_MM = 15.0
EDGE_MM = 5.0
MARK_FROM_MM = 6.6
"""Marks and margin text start this far from the paper's edge."""


@dataclass(frozen=True, slots=True)
class Tiling:
    """How a poster of ``width`` × ``height`` mm is cut into sheets of one paper size."""

    width: float
    height: float
    columns: int
    rows: int
    page_w: float
    page_h: float
    margin: float

    @property
    def area_w(self) -> float:
        return self.page_w - 2 * self.margin

    @property
    def area_h(self) -> float:
        return self.page_h - 2 * self.margin

    @property
    def count(self) -> int:
        return self.columns * self.rows

    @property
    def step_x(self) -> float:
        """How far apart neighbouring windows start, across: spread evenly, with at most
        ``MAX_OVERLAP_MM`` to glue (a poster just wider than a sheet keeps a blank end)."""
        return _step(self.width, self.area_w, self.columns)

    @property
    def step_y(self) -> float:
        return _step(self.height, self.area_h, self.rows)

    @property
    def overlap_x(self) -> float:
        """The glue strip between a sheet and the next one across, in mm."""
        return self.area_w - self.step_x

    @property
    def overlap_y(self) -> float:
        return self.area_h - self.step_y

    def origin(self, row: int, column: int) -> tuple[float, float]:
        """Where sheet (row, column)'s window starts on the poster, in mm."""
        return column * self.step_x, row * self.step_y


MAX_OVERLAP_MM = 40.0


def _step(length: float, area: float, count: int) -> float:
    if count < 2:
        return area
    return max((length - area) / (count - 1), area - MAX_OVERLAP_MM)


def sheet_name(row: int, column: int, language: str = "en") -> str:
    """``R2C3`` (Dutch ``R2K3``, rij and kolom): row and column, numbered from the top
    left (a name like ``A4`` would read as a paper size)."""
    return f"R{row + 1}{'K' if language == 'nl' else 'C'}{column + 1}"


def plan_tiles(width: float, height: float, paper: Paper) -> Tiling:
    """The fewest sheets of ``paper`` (either way up) that hold the poster; landscape on a tie."""
    best: Tiling | None = None
    for page_w, page_h in ((paper.width, paper.height), (paper.height, paper.width)):
        area_w, area_h = page_w - 2 * paper.margin, page_h - 2 * paper.margin
        columns = 1 if width <= area_w else math.ceil((width - OVERLAP_MM) / (area_w - OVERLAP_MM))
        rows = 1 if height <= area_h else math.ceil((height - OVERLAP_MM) / (area_h - OVERLAP_MM))
        tiling = Tiling(width, height, columns, rows, page_w, page_h, paper.margin)
        if best is None or tiling.count < best.count:
            best = tiling
    assert best is not None
    return best


def _margin_text(text: str, where: str, margin: float, *, bold: bool = False) -> str:
    """``text`` in the margin beside one edge of the print area, clear of the paper's edge."""
    weight = ", weight: 700" if bold else ""
    body = f"#text(size: 6.5pt{weight}, fill: luma(40))[#{tstr(text)}]"
    away = margin - MARK_FROM_MM - 0.6  # glyphs reach a little past their box
    if where == "top":
        return f"#place(top + center, dy: -{away:.2f}mm)[{body}]"
    if where == "bottom":
        return f"#place(bottom + center, dy: {away:.2f}mm)[{body}]"
    if where == "left":
        return f"#place(left + horizon, dx: -{away:.2f}mm)[#rotate(-90deg, reflow: true)[{body}]]"
    return f"#place(right + horizon, dx: {away:.2f}mm)[#rotate(-90deg, reflow: true)[{body}]]"


def _corner_marks(tiling: Tiling) -> str:
    """Crop marks extending the print area's four edges into the margin, 1 mm clear of it."""
    reach = tiling.margin - MARK_FROM_MM - 1.0
    marks = []
    for x in (0.0, tiling.area_w):
        for y in (0.0, tiling.area_h):
            tick_x = -1.0 - reach if x == 0 else x + 1.0
            tick_y = -1.0 - reach if y == 0 else y + 1.0
            marks.append(
                f"#place(top + left, dx: {tick_x:.2f}mm, dy: {y:.2f}mm)[#line(length: {reach:.2f}mm, stroke: 0.5pt)]"
            )
            marks.append(
                f"#place(top + left, dx: {x:.2f}mm, dy: {tick_y:.2f}mm)"
                f"[#line(length: {reach:.2f}mm, angle: 90deg, stroke: 0.5pt)]"
            )
    return "".join(marks)


def _sheet(tiling: Tiling, row: int, column: int, say: Labels) -> str:
    x0, y0 = tiling.origin(row, column)
    name = sheet_name(row, column, say.language)
    window = (
        f"#box(width: {tiling.area_w:.2f}mm, height: {tiling.area_h:.2f}mm, clip: true)"
        f"[#place(top + left, dx: -{x0:.2f}mm, dy: -{y0:.2f}mm)[#poster]]"
    )
    parts = [window, _corner_marks(tiling)]
    glue = say("kit.glue")
    edges = {
        "left": say("kit.cut-edge", name=sheet_name(row, column - 1, say.language)) if column > 0 else "",
        "top": say("kit.cut-edge", name=sheet_name(row - 1, column, say.language)) if row > 0 else "",
        "right": say("kit.glue-edge", name=sheet_name(row, column + 1, say.language))
        if column < tiling.columns - 1
        else "",
        "bottom": say("kit.glue-edge", name=sheet_name(row + 1, column, say.language)) if row < tiling.rows - 1 else "",
    }
    # The strips the neighbours cover: shaded, edged and labelled, unlike any line of the canvas.
    strip = "fill: luma(215), stroke: 0.9pt + luma(30)"
    if edges["right"]:
        at = tiling.area_w - tiling.overlap_x
        parts.append(
            f"#place(top + left, dx: {at:.2f}mm)[#rect(width: {tiling.overlap_x:.2f}mm, "
            f"height: {tiling.area_h:.2f}mm, {strip})[#align(center + horizon)"
            f"[#rotate(-90deg, reflow: true)[#text(size: 9pt, weight: 700)[#{tstr(glue)}]]]]]"
        )
    if edges["bottom"]:
        at = tiling.area_h - tiling.overlap_y
        width = tiling.area_w - (tiling.overlap_x if edges["right"] else 0)
        parts.append(
            f"#place(top + left, dy: {at:.2f}mm)[#rect(width: {width:.2f}mm, "
            f"height: {tiling.overlap_y:.2f}mm, {strip})[#align(center + horizon)"
            f"[#text(size: 9pt, weight: 700)[#{tstr(glue)}]]]]"
        )
    label = say("kit.sheet", name=name, row=row + 1, rows=tiling.rows, column=column + 1, columns=tiling.columns)
    edges["top"] = f"{label} · {edges['top']}" if edges["top"] else label
    for where, text in edges.items():
        parts.append(_margin_text(text or say("kit.outer-edge"), where, tiling.margin, bold=where == "top"))
    return "".join(parts)


def _assembly(tiling: Tiling, say: Labels, paper: Paper) -> str:
    """The first page: the whole poster small, each sheet's window on it, and how to join
    them, beside the map when the page has room there, else below it. Type grows with
    the page."""
    size = type_scale(paper)
    text_h = 62 * size
    below = min(tiling.area_w / tiling.width, (tiling.area_h - text_h) / tiling.height)
    beside = min(tiling.area_w * 0.62 / tiling.width, tiling.area_h / tiling.height)
    if tiling.area_w - tiling.width * beside - 6 < 105 * size:  # the column must hold the 100 mm bar
        beside = 0.0
    scale = max(below, beside)
    windows = []
    for row in range(tiling.rows):
        for column in range(tiling.columns):
            x0, y0 = tiling.origin(row, column)
            w = min(tiling.area_w, tiling.width - x0) * scale
            h = min(tiling.area_h, tiling.height - y0) * scale
            name = (
                f"#box(fill: white, stroke: 0.5pt, inset: {size:.1f}mm)"
                f"[#text(size: {8 * size:.1f}pt, weight: 700)[#{tstr(sheet_name(row, column, say.language))}]]"
            )
            windows.append(
                f"#place(top + left, dx: {x0 * scale:.2f}mm, dy: {y0 * scale:.2f}mm)"
                f'[#rect(width: {w:.2f}mm, height: {h:.2f}mm, stroke: (thickness: 1pt, dash: "dashed"))'
                f"[#place(top + left, dx: 0.8mm, dy: 0.8mm)[{name}]]]"
            )
    finished = say(
        "kit.assembly-size",
        width=round(tiling.width),
        height=round(tiling.height),
        count=tiling.count,
        paper=paper.name,
        columns=tiling.columns,
        rows=tiling.rows,
    )
    steps = "".join(f"+ #{tstr(say(f'kit.assembly-{n}'))}\n" for n in range(1, 5))
    how = (
        f"#set text(size: {9 * size:.1f}pt)\n#text(size: {16 * size:.1f}pt, weight: 700)[#{tstr(say('kit.assembly'))}]"
        f"#linebreak()#{tstr(finished)}\n\n{steps}\n"
        "#box(width: 100mm, height: 2.5mm, fill: luma(30))#h(2mm)"
        f"#text(size: {8 * size:.1f}pt)[#{tstr(say('kit.scale-bar'))}]\n"
    )
    poster = (
        f"#box(width: {tiling.width * scale:.2f}mm, height: {tiling.height * scale:.2f}mm)"
        f"[#scale(x: {scale * 100:.3f}%, y: {scale * 100:.3f}%, origin: top + left, reflow: true)[#poster]"
        + "".join(windows)
        + "]"
    )
    if beside > below:
        return f"#grid(columns: ({tiling.width * scale + 6:.2f}mm, 1fr), [{poster}], [{how}])\n"
    return f"{how}\n#v(2mm)\n{poster}\n"


def tiled_source(poster: str, width: float, height: float, paper: Paper, say: Labels, title: str) -> str:
    """A typst document: an assembly map, then every sheet of the poster in reading order.
    ``poster`` is a typst block expression of ``width`` × ``height`` mm."""
    tiling = plan_tiles(width, height, paper)
    pages = [_assembly(tiling, say, paper)]
    pages += [_sheet(tiling, r, c, say) for r in range(tiling.rows) for c in range(tiling.columns)]
    return (
        f"#set page(width: {tiling.page_w}mm, height: {tiling.page_h}mm, margin: {tiling.margin}mm)\n"
        f'#set text(font: "Inter", size: 9pt, lang: "{say.language}", fill: luma(20))\n'
        f"#set document(title: {tstr(title)})\n"
        f"#let poster = {poster}\n" + "\n#pagebreak()\n".join(pages) + "\n"
    )
