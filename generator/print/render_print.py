"""Print-ready PDF and PNG of journey maps, through the ``typst`` package.

A map that is too wide for the paper at a readable size is split over several
landscape pages, in order; every page repeats the header, the lane labels and the
legend. Fonts come only from the bundled folder (system fonts are ignored), and the
document date is ``SOURCE_DATE_EPOCH``, else the date the caller gives (a journey's
last commit), else the epoch, so the same input always gives the same bytes. The PDFs
pass poppler's checks (see ``_poppler_safe``).
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from generator.config import Settings
from generator.draw.geometry import Geometry, MapLayout
from generator.draw.layout import layout_map
from generator.draw.text import TextMeasurer
from generator.labels import Labels
from generator.model import Journey, Stage
from generator.print.map_typst import MAP_PRELUDE, map_content
from generator.print.typst_markup import tstr

__all__ = [
    "FONT_DIR",
    "PAPERS",
    "Paper",
    "plan_pages",
    "render_map_pdf",
    "render_map_png",
    "svg_image",
    "typst_compile",
    "typst_pages",
]

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
PX_TO_PT = 0.75
MM_TO_PT = 72 / 25.4


@dataclass(frozen=True, slots=True)
class Paper:
    """A landscape sheet in mm, with the margin office printers need."""

    name: str
    width: float
    height: float
    margin: float = 10.0

    @property
    def area(self) -> tuple[float, float]:
        """Printable width and height in pt."""
        return ((self.width - 2 * self.margin) * MM_TO_PT, (self.height - 2 * self.margin) * MM_TO_PT)


PAPERS: dict[str, Paper] = {
    "A4": Paper("A4", 297, 210),
    "A3": Paper("A3", 420, 297),
    "A2": Paper("A2", 594, 420),
    "A1": Paper("A1", 841, 594, 15),
    "A0": Paper("A0", 1189, 841, 15),
    "letter": Paper("letter", 279.4, 215.9),
    "tabloid": Paper("tabloid", 431.8, 279.4),
}

# Below this scale body text (12.5 px) prints smaller than about 7 pt: split instead.
MIN_SCALE = 0.75
# A poster may enlarge a short journey, within reason.
MAX_SCALE = 3.0


def document_timestamp(fallback: int | None = None) -> int:
    """The date a document carries: ``SOURCE_DATE_EPOCH`` when set, else ``fallback``
    (seconds since the epoch), else the epoch itself."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "")
    if value.isdigit():
        return int(value)
    return fallback if fallback is not None and fallback >= 0 else 0


_SUSPECTS = b"/MarkInfo<</Marked true/Suspects false>>"


def _poppler_safe(pdf: bytes) -> bytes:
    """``pdf`` without the ``/Suspects false`` that poppler reports as a syntax error.

    The entry says what its absence says too; blanks of the same length keep every
    offset of the cross-reference table right.
    """
    plain = b"/MarkInfo<</Marked true" + b" " * len(b"/Suspects false") + b">>"
    return pdf.replace(_SUSPECTS, plain, 1)


@lru_cache(maxsize=1)
def typst_fonts() -> Any:
    """The fonts every document is set in: the bundled Inter and typst's own, never the
    system's. Found and read once for the process: each compile found them again."""
    import typst

    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=True, font_paths=[str(FONT_DIR)])


def typst_pages(
    source: str,
    files: dict[str, str] | None = None,
    *,
    fmt: Literal["pdf", "png", "svg"] = "pdf",
    ppi: float | None = None,
    timestamp: int | None = None,
) -> list[bytes]:
    """Compile typst ``source``: the PDF, or every page as PNG or SVG. ``files`` are texts
    the source reads as ``sys.inputs`` (``svg_image`` places one), never files on disk: a
    compile runs on a worker thread while the engine builds pages on the main one, and
    every write or read around it gave the interpreter back to the main thread and
    waited its turn for it again (10 map PDFs took 2.2 s beside a busy main thread this
    way, 1.0 s without the files). ``timestamp`` dates the document when
    ``SOURCE_DATE_EPOCH`` does not. The root is the fonts' folder: nothing to read there."""
    import typst

    result = typst.compile(
        source.encode("utf-8"),
        root=str(FONT_DIR),
        font_paths=typst_fonts(),
        format=fmt,
        ppi=ppi,
        timestamp=document_timestamp(timestamp),
        sys_inputs=files or {},
    )
    pages = result if isinstance(result, list) else [result]
    return [bytes(page) for page in pages]


def typst_compile(
    source: str,
    files: dict[str, str],
    *,
    fmt: Literal["pdf", "png"] = "pdf",
    ppi: float | None = None,
    timestamp: int | None = None,
) -> bytes:
    """``typst_pages``' PDF (passing poppler's checks), or its first PNG page."""
    first = typst_pages(source, files, fmt=fmt, ppi=ppi, timestamp=timestamp)[0]
    return _poppler_safe(first) if fmt == "pdf" else first


def svg_image(name: str, width: str) -> str:
    """Typst code placing the SVG that ``typst_compile`` was given as ``files[name]``."""
    return f'image(bytes(sys.inputs.at("{name}")), format: "svg", width: {width})'


def plan_pages(steps: int, map_width: float, map_height: float, paper: Paper, g: Geometry) -> tuple[float, int]:
    """(scale, steps per page) for a map of ``steps`` columns and the given size in px."""
    area_w, area_h = paper.area
    fit = min(area_w / (map_width * PX_TO_PT), area_h / (map_height * PX_TO_PT))
    if fit >= MIN_SCALE or steps <= 1:
        return min(fit, MAX_SCALE), max(steps, 1)
    scale = min(area_h / (map_height * PX_TO_PT), 1.0)
    usable = area_w / (scale * PX_TO_PT) - (2 * g.margin + g.label_width + g.gap)
    per_page = max(1, math.floor((usable + g.gap) / (g.column_width + g.gap)))
    # Spread the steps evenly over the pages this needs, so the last page is not a stub.
    pages = math.ceil(steps / per_page)
    return scale, math.ceil(steps / pages)


def _page_journeys(journey: Journey, per_page: int) -> list[tuple[Journey, int]]:
    """The journey cut into consecutive runs of steps, stages kept (and split) in order."""
    pages: list[tuple[Journey, int]] = []
    current: list[Stage] = []
    count = 0
    first = 1
    number = 1
    for stage in journey.stages:
        steps = list(stage.steps)
        while steps:
            room = per_page - count
            taken, steps = steps[:room], steps[room:]
            current.append(replace(stage, steps=tuple(taken)))
            count += len(taken)
            number += len(taken)
            if count == per_page:
                pages.append((replace(journey, stages=tuple(current)), first))
                current, count, first = [], 0, number
    if current:
        pages.append((replace(journey, stages=tuple(current)), first))
    return pages or [(journey, 1)]


def render_map_pdf(
    journey: Journey,
    settings: Settings,
    measure: TextMeasurer,
    *,
    paper: Paper,
    persona_name: str = "",
    geometry: Geometry | None = None,
    timestamp: int | None = None,
    whole: MapLayout | None = None,
) -> bytes:
    """A PDF of the map on ``paper`` (landscape), split over pages when it is too wide,
    dated ``timestamp`` unless ``SOURCE_DATE_EPOCH`` says otherwise. ``whole`` is the
    map's layout with ``geometry`` when the caller has it already (a site drew it)."""
    g = geometry or Geometry()
    if whole is None:
        whole = layout_map(journey, settings, measure, persona_name=persona_name, geometry=g)
    lanes = tuple(lane.key for lane in whole.lanes)
    _, per_page = plan_pages(len(journey.steps), whole.width, whole.height, paper, g)
    parts = _page_journeys(journey, per_page)
    say = Labels(journey.language or settings.language)
    files: dict[str, str] = {}
    body = []
    for index, (part, first_number) in enumerate(parts, start=1):
        subtitle = f"{say('page')} {index} {say('of')} {len(parts)}" if len(parts) > 1 else ""
        layout = (
            whole
            if len(parts) == 1
            else layout_map(
                part,
                settings,
                measure,
                persona_name=persona_name,
                geometry=g,
                lanes=lanes,
                first_number=first_number,
                subtitle=subtitle,
                prefix=f"{whole.prefix}-p{index}",
            )
        )
        name = f"page-{index}.svg"
        # Each page is as large as its sheet allows; the plan only decided where to cut.
        area_w, area_h = paper.area
        fit = min(area_w / (layout.width * PX_TO_PT), area_h / (layout.height * PX_TO_PT), MAX_SCALE)
        content, files[name] = map_content(layout, name, PX_TO_PT * fit, settings.theme_dir)
        body.append(f"#align(center + horizon, {content})")
    source = (
        f"#set document(title: {tstr(whole.title)})\n"
        f"#set page(width: {paper.width}mm, height: {paper.height}mm, margin: {paper.margin}mm)\n"
        f"#set text(lang: {tstr(whole.language)})\n" + MAP_PRELUDE + "\n#pagebreak()\n".join(body) + "\n"
    )
    return typst_compile(source, files, timestamp=timestamp)


def render_map_png(
    journey: Journey,
    settings: Settings,
    measure: TextMeasurer,
    *,
    persona_name: str = "",
    pixel_ratio: float = 2.0,
    geometry: Geometry | None = None,
    layout: MapLayout | None = None,
) -> bytes:
    """A PNG of the whole map, ``pixel_ratio`` device pixels per CSS pixel, fewer when
    that would pass ``MAX_PNG_PIXELS``: the image of any accepted journey stays within
    memory (a 2,000-step map at 2x would ask for gigabytes). ``layout`` is the map's,
    when the caller has it already."""
    if layout is None:
        layout = layout_map(journey, settings, measure, persona_name=persona_name, geometry=geometry)
    content, svg = map_content(layout, "map.svg", PX_TO_PT, settings.theme_dir)
    width_pt, height_pt = layout.width * PX_TO_PT, layout.height * PX_TO_PT
    source = f"#set page(width: {width_pt}pt, height: {height_pt}pt, margin: 0pt)\n{MAP_PRELUDE}#{content}\n"
    return typst_compile(
        source, {"map.svg": svg}, fmt="png", ppi=96 * png_ratio(layout.width, layout.height, pixel_ratio)
    )


MAX_PNG_PIXELS = 64_000_000
"""The most pixels a PNG map has (256 MB as RGBA while it is drawn)."""


def png_ratio(width: float, height: float, wanted: float) -> float:
    """The device pixels per CSS pixel of a ``width`` x ``height`` map: ``wanted``, or
    less so the image stays within ``MAX_PNG_PIXELS``."""
    fitting = math.sqrt(MAX_PNG_PIXELS / max(width * height, 1.0))
    return min(wanted, math.floor(fitting * 1000) / 1000)
