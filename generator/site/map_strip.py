"""The parts of a map a page shows around the drawing itself: the overview strip
(stages and the emotion curve of the whole journey, to navigate a wide map) and the
label column that stays in view while the map scrolls sideways.

Both are made from the map's layout, in its coordinates, so the page's script needs
no knowledge of the drawing beyond the numbers written here.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from generator.draw.geometry import Band, MapLayout
from generator.draw.render_svg import render_label_column
from generator.site.templates import render_block

__all__ = ["MapParts", "map_parts", "overview_strip"]


class MapParts(NamedTuple):
    """What a page places of one map: the drawing, its label column and its overview."""

    svg: str
    labels: str
    strip: str


def map_parts(layout: MapLayout, svg: str, theme_dir: Path | None = None) -> MapParts:
    return MapParts(svg, render_label_column(layout), overview_strip(layout, theme_dir))


def _pct(value: float) -> str:
    return f"{round(value * 100, 2):g}%"


def _stage_name(band: Band) -> str:
    return " ".join(band.texts[0].lines) if band.texts else ""


def overview_strip(layout: MapLayout, theme_dir: Path | None = None) -> str:
    """The whole journey in one line: a band per stage and the emotion curve, its x axis
    the map's grid (``data-x0`` to ``data-x1``; ``data-band-y`` and ``-h`` give the row
    of stage bands, where the label column names the stage in view). Pointer navigation for the map beside
    it, hidden from assistive technology (the page's summary and steps say the same)."""
    grid = layout.grid
    if grid.w <= 0:
        return ""
    x0, span = grid.x, grid.w
    stages = [
        (band.shade, _pct((band.rect.x - x0) / span), _pct(band.rect.w / span), _stage_name(band))
        for band in layout.bands
    ]
    axis, points, dots = None, [], []
    feeling = next((lane for lane in layout.lanes if lane.key == "feeling"), None)
    curve = layout.curve if feeling is not None and feeling.h > 0 else None
    if curve is not None and feeling is not None:

        def height(y: float) -> str:
            return f"{round((y - feeling.y) / feeling.h * 100, 1):g}"

        def point(x: float, y: float) -> str:
            return f"{round((x - x0) / span * 1000, 1):g},{height(y)}"

        if curve.neutral_y is not None:
            axis = height(curve.neutral_y)
        points = [point(p.x, p.y) for p in curve.points]
        dots = [(xy, p.tone) for xy, p in zip(points, curve.points, strict=True)]
    band = layout.bands[0].rect if layout.bands else None
    return render_block(
        theme_dir,
        "overview-strip",
        x0=x0,
        x1=x0 + span,
        band=band,
        stages=stages,
        curve=curve is not None,
        axis=axis,
        points=" ".join(points) if len(points) > 1 else "",
        dots=dots,
    )
