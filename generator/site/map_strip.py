"""The parts of a map a page shows around the drawing itself: the overview strip
(stages and the emotion curve of the whole journey, to navigate a wide map) and the
label column that stays in view while the map scrolls sideways.

Both are made from the map's layout, in its coordinates, so the page's script needs
no knowledge of the drawing beyond the numbers written here.
"""

from __future__ import annotations

from typing import NamedTuple

from generator.draw.geometry import Band, MapLayout
from generator.draw.render_svg import render_label_column
from generator.site.html import attr, e

__all__ = ["MapParts", "map_parts", "overview_strip"]


class MapParts(NamedTuple):
    """What a page places of one map: the drawing, its label column and its overview."""

    svg: str
    labels: str
    strip: str


def map_parts(layout: MapLayout, svg: str) -> MapParts:
    return MapParts(svg, render_label_column(layout), overview_strip(layout))


def _pct(value: float) -> str:
    return f"{round(value * 100, 2):g}%"


def _stage_name(band: Band) -> str:
    return " ".join(band.texts[0].lines) if band.texts else ""


def overview_strip(layout: MapLayout) -> str:
    """The whole journey in one line: a band per stage and the emotion curve, its x axis
    the map's grid (``data-x0`` to ``data-x1``; ``data-band-y`` and ``-h`` give the row
    of stage bands, where the label column names the stage in view). Pointer navigation for the map beside
    it, hidden from assistive technology (the page's summary and steps say the same)."""
    grid = layout.grid
    if grid.w <= 0:
        return ""
    x0, span = grid.x, grid.w
    stages = "".join(
        f'<span class="jm-ov-stage jm-ov-band-{band.shade}" style="left:{_pct((band.rect.x - x0) / span)};'
        f'width:{_pct(band.rect.w / span)}" title="{attr(_stage_name(band))}">{e(_stage_name(band))}</span>'
        for band in layout.bands
    )
    curve = ""
    feeling = next((lane for lane in layout.lanes if lane.key == "feeling"), None)
    if layout.curve is not None and feeling is not None and feeling.h > 0:

        def height(y: float) -> str:
            return f"{round((y - feeling.y) / feeling.h * 100, 1):g}"

        def point(x: float, y: float) -> str:
            return f"{round((x - x0) / span * 1000, 1):g},{height(y)}"

        parts = []
        if layout.curve.neutral_y is not None:
            y = height(layout.curve.neutral_y)
            parts.append(f'<line x1="0" y1="{y}" x2="1000" y2="{y}" class="jm-ov-axis"/>')
        points = [point(p.x, p.y) for p in layout.curve.points]
        if len(points) > 1:
            parts.append(f'<polyline points="{" ".join(points)}" class="jm-ov-line"/>')
        parts.extend(
            f'<path d="M{xy} h0" class="jm-ov-dot jm-ov-{attr(p.tone)}"/>'
            for xy, p in zip(points, layout.curve.points, strict=True)
        )
        curve = (
            '<svg class="jm-ov-curve" viewBox="0 -8 1000 116" preserveAspectRatio="none" focusable="false">'
            + "".join(parts)
            + "</svg>"
        )
    band = layout.bands[0].rect if layout.bands else None
    rows = f' data-band-y="{band.y:g}" data-band-h="{band.h:g}"' if band is not None else ""
    return (
        f'<div class="jm-overview" aria-hidden="true" data-x0="{x0:g}" data-x1="{x0 + span:g}"{rows}>'
        f'<div class="jm-ov-stages">{stages}</div>{curve}<div class="jm-ov-view"></div></div>'
    )
