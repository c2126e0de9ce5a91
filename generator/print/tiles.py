"""A poster cut into sheets of office paper: overlap, cut and glue marks on every edge,
the sheet's name in its margin, and an assembly map as the first page.

Each sheet shows one window of the poster. Neighbouring windows share an ``OVERLAP_MM``
strip: the sheet to the right (or below) is cut along the edge of its print and laid
over that strip of its neighbour, where a dashed line shows where its edge goes.
Marks and labels keep ``EDGE_MM`` clear of the paper's edge, where printers do not print.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator.labels import Labels
from generator.print.render_print import Paper
from generator.print.typst_markup import tstr

__all__ = ["EDGE_MM", "OVERLAP_MM", "Tiling", "plan_tiles", "tiled_source"]

OVERLAP_MM = 15.0
EDGE_MM = 5.0
_MARK_FROM = EDGE_MM + 0.8  # marks and margin text start this far from the paper's edge


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

    def origin(self, row: int, column: int) -> tuple[float, float]:
        """Where sheet (row, column)'s window starts on the poster, in mm."""
        return column * (self.area_w - OVERLAP_MM), row * (self.area_h - OVERLAP_MM)


def sheet_name(row: int, column: int) -> str:
    """``B3``: rows are letters, columns numbers, as on a street map."""
    letters = ""
    number = row
    while True:
        letters = chr(65 + number % 26) + letters
        number = number // 26 - 1
        if number < 0:
            return f"{letters}{column + 1}"


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
    away = margin - _MARK_FROM
    if where == "top":
        return f"#place(top + center, dy: -{away:.2f}mm)[{body}]"
    if where == "bottom":
        return f"#place(bottom + center, dy: {away:.2f}mm)[{body}]"
    if where == "left":
        return f"#place(left + horizon, dx: -{away:.2f}mm)[#rotate(-90deg, reflow: true)[{body}]]"
    return f"#place(right + horizon, dx: {away:.2f}mm)[#rotate(-90deg, reflow: true)[{body}]]"


def _corner_marks(tiling: Tiling) -> str:
    """Crop marks extending the print area's four edges into the margin, 1 mm clear of it."""
    reach = tiling.margin - _MARK_FROM - 1.0
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
    name = sheet_name(row, column)
    window = (
        f"#box(width: {tiling.area_w:.2f}mm, height: {tiling.area_h:.2f}mm, clip: true)"
        f"[#place(top + left, dx: -{x0:.2f}mm, dy: -{y0:.2f}mm)[#poster]]"
    )
    parts = [window, _corner_marks(tiling)]
    glue_line = '(thickness: 0.8pt, paint: luma(40), dash: "dashed")'
    edges = {
        "left": say("kit.cut-edge", name=sheet_name(row, column - 1)) if column > 0 else "",
        "top": say("kit.cut-edge", name=sheet_name(row - 1, column)) if row > 0 else "",
        "right": say("kit.glue-edge", name=sheet_name(row, column + 1)) if column < tiling.columns - 1 else "",
        "bottom": say("kit.glue-edge", name=sheet_name(row + 1, column)) if row < tiling.rows - 1 else "",
    }
    if edges["right"]:
        at = tiling.area_w - OVERLAP_MM
        parts.append(
            f"#place(top + left, dx: {at:.2f}mm)"
            f"[#line(length: {tiling.area_h:.2f}mm, angle: 90deg, stroke: {glue_line})]"
        )
    if edges["bottom"]:
        at = tiling.area_h - OVERLAP_MM
        parts.append(f"#place(top + left, dy: {at:.2f}mm)[#line(length: {tiling.area_w:.2f}mm, stroke: {glue_line})]")
    label = say("kit.sheet", name=name, row=row + 1, rows=tiling.rows, column=column + 1, columns=tiling.columns)
    edges["top"] = f"{label} · {edges['top']}" if edges["top"] else label
    for where, text in edges.items():
        parts.append(_margin_text(text or say("kit.outer-edge"), where, tiling.margin, bold=where == "top"))
    return "".join(parts)


def _assembly(tiling: Tiling, say: Labels, paper: Paper) -> str:
    """The first page: the whole poster small, each sheet's window on it, and how to join them."""
    available_h = tiling.area_h - 62
    scale = min(tiling.area_w / tiling.width, available_h / tiling.height)
    windows = []
    for row in range(tiling.rows):
        for column in range(tiling.columns):
            x0, y0 = tiling.origin(row, column)
            w = min(tiling.area_w, tiling.width - x0) * scale
            h = min(tiling.area_h, tiling.height - y0) * scale
            name = f"#box(fill: white, inset: 0.8mm)[#text(size: 9pt, weight: 700)[#{tstr(sheet_name(row, column))}]]"
            windows.append(
                f"#place(top + left, dx: {x0 * scale:.2f}mm, dy: {y0 * scale:.2f}mm)"
                f'[#rect(width: {w:.2f}mm, height: {h:.2f}mm, stroke: (thickness: 0.9pt, dash: "dashed"))'
                f"[#align(center + horizon)[{name}]]]"
            )
    size = say(
        "kit.assembly-size",
        width=round(tiling.width),
        height=round(tiling.height),
        count=tiling.count,
        paper=paper.name,
        columns=tiling.columns,
        rows=tiling.rows,
    )
    steps = "".join(f"+ #{tstr(say(f'kit.assembly-{n}'))}\n" for n in range(1, 5))
    return (
        f"#text(size: 16pt, weight: 700)[#{tstr(say('kit.assembly'))}]#linebreak()"
        f"#text(size: 9pt)[#{tstr(size)}]\n#v(2mm)\n"
        f"#box(width: {tiling.width * scale:.2f}mm, height: {tiling.height * scale:.2f}mm)"
        f"[#scale(x: {scale * 100:.3f}%, y: {scale * 100:.3f}%, origin: top + left, reflow: true)[#poster]"
        + "".join(windows)
        + "]\n#v(2mm)\n#set text(size: 8.5pt)\n"
        + steps
        + "#v(1mm)#box(width: 100mm, height: 2.5mm, fill: luma(30))#h(2mm)"
        + f"#text(size: 8pt)[#{tstr(say('kit.scale-bar'))}]\n"
    )


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
