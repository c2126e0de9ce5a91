"""Drawing a :class:`~generator.draw.layout.MapLayout` as SVG text.

The template ``map.svg.j2`` lays down the document's structure (layers, one group per
lane and per step, titles, style); the small elements inside those groups are drawn
here as escaped fragments, because a Jinja macro call per text or box would cost
several times the whole map's budget. Every user string passes ``clean_text`` (no
characters XML cannot hold, no bidi overrides) and ``markupsafe.escape``.
Templates in ``<theme>/journeymap/`` override ours.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Final

import jinja2
from markupsafe import Markup, escape

from generator.clean import clean_printed, clean_text
from generator.draw.channels import GLYPHS
from generator.draw.geometry import Cell, Column, MapLayout, Mark, Text
from generator.draw.layout import svg_number as _n
from generator.draw.palette import FONT_STACK, PALETTE, map_css
from generator.overrides import template_loader

__all__ = [
    "PlacedText",
    "clean_text",
    "render_label_column",
    "render_map_svg",
    "render_map_svgs",
    "template_environment",
    "texts_set_aside",
]

C: Final = PALETTE["light"]
MUTED_TEXT: Final = frozenset({"jm-channel", "jm-thinking", "jm-type", "jm-goal", "jm-meta"})


def _is_plain(value: str) -> bool:
    """Whether ``value`` goes into XML text and attributes as it is (most values do).

    Printable text holds no control, bidi, surrogate or non-character code point, so
    only the five characters XML escapes are left to look for.
    """
    return value.isprintable() and not ("&" in value or "<" in value or ">" in value or '"' in value or "'" in value)


def _e(value: str) -> str:
    """``value`` cleaned and escaped for XML text or attributes."""
    return value if _is_plain(value) else str(escape(clean_text(value)))


_TEXT_TAILS: Final[dict[tuple[float, bool, str, str, str, str], str]] = {}


@dataclass(frozen=True, slots=True)
class PlacedText:
    """A text of the map as a print renderer sets it: ``y`` is the first baseline,
    ``fill`` and ``halo`` are colours (no halo: ""), ``faded`` a ghost column's."""

    x: float
    y: float
    lines: tuple[str, ...]
    line_height: float
    size: float
    bold: bool
    anchor: str
    fill: str
    halo: str = ""
    faded: bool = False


_SET_ASIDE: ContextVar[list[PlacedText] | None] = ContextVar("journeymap_set_aside", default=None)
"""Where texts go instead of the SVG while ``texts_set_aside`` is active (per thread)."""


@contextmanager
def texts_set_aside() -> Iterator[list[PlacedText]]:
    """Render maps without their texts, which are collected in the list yielded: a
    printer sets them itself (typst sets its own text several times faster than an
    SVG's)."""
    texts: list[PlacedText] = []
    token = _SET_ASIDE.set(texts)
    try:
        yield texts
    finally:
        _SET_ASIDE.reset(token)


def _text_tail(size: float, bold: bool, anchor: str, classes: str, fill: str, extra: str) -> str:
    """The attributes after a text's position, shared by every text of the same style."""
    key = (size, bold, anchor, classes, fill, extra)
    tail = _TEXT_TAILS.get(key)
    if tail is None:
        weight = ' font-weight="700"' if bold else ""
        align = f' text-anchor="{anchor}"' if anchor != "start" else ""
        tail = f' font-size="{_n(size)}"{weight}{align} class="{classes}" fill="{fill}"{extra}>'
        if len(_TEXT_TAILS) > 10_000:
            _TEXT_TAILS.clear()
        _TEXT_TAILS[key] = tail
    return tail


_HALO: Final = f' stroke="{C["lane"]}" stroke-width="4" stroke-linejoin="round" paint-order="stroke"'


def _svg_text(
    x: float,
    y: float,
    lines: tuple[str, ...],
    size: float,
    *,
    classes: str,
    fill: str,
    bold: bool = False,
    anchor: str = "start",
    line_height: float = 0.0,
    halo: bool = False,
) -> str:
    """One ``<text>``, or nothing when texts are set aside for a printer."""
    aside = _SET_ASIDE.get()
    if aside is not None:
        aside.append(PlacedText(x, y, lines, line_height, size, bold, anchor, fill, C["lane"] if halo else ""))
        return ""
    left = _n(x)
    if len(lines) == 1:
        body = _e(lines[0])
    elif not lines:
        body = ""
    else:
        later = f'</tspan><tspan x="{left}" dy="{_n(line_height)}">'
        plain = _is_plain(" ".join(lines))  # one check for all the lines
        joined = later.join(lines if plain else [_e(line) for line in lines])
        body = f'<tspan x="{left}">' + joined + "</tspan>"
    tail = _text_tail(size, bold, anchor, classes, fill, _HALO if halo else "")
    return f'<text x="{left}" y="{_n(y)}"{tail}{body}</text>'


def _text(t: Text, role: str = "fg", halo: bool = False) -> str:
    classes = f"jm-{role} {t.cls}" if t.cls else f"jm-{role}"
    return _svg_text(
        t.x,
        t.y,
        t.lines,
        t.size,
        classes=classes,
        fill=C[role],
        bold=t.bold,
        anchor=t.anchor,
        line_height=t.line_height,
        halo=halo,
    )


_BOLD_MIDDLE: Final[dict[str, Any]] = {"bold": True, "anchor": "middle"}


def _star(x: float, y: float, radius: float) -> str:
    points = []
    for i in range(10):
        angle = math.pi / 2 + i * math.pi / 5
        reach = radius if i % 2 == 0 else radius * 0.45
        points.append(f"{_n(x + reach * math.cos(angle))} {_n(y - reach * math.sin(angle))}")
    return "M" + "L".join(points) + "Z"


def _mark(k: Mark) -> str:
    x, y, s = k.x, k.y, k.size
    if k.kind == "glyph":
        scale = round(s / 16, 3)
        return (
            f'<path d="{GLYPHS[k.name]}" transform="translate({_n(x)} {_n(y)}) scale({scale:g})" class="jm-glyph" '
            f'fill="none" stroke="{C["muted"]}" stroke-width="{round(1.4 / scale, 2):g}" stroke-linecap="round" '
            'stroke-linejoin="round"/>'
        )
    if k.kind == "number":
        return (f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(s / 2)}" class="jm-number" fill="{C["fg"]}"/>') + _svg_text(
            x, y + s * 0.19, (k.text,), s * 0.52, classes="jm-on-number", fill=C["bg"], **_BOLD_MIDDLE
        )
    if k.kind == "badge":
        ghost = k.name == "removed"
        dashes = ' stroke-dasharray="3 2"' if ghost else ""
        box_fill, ink = (C["bg"], C["fg"]) if ghost else (C["fg"], C["bg"])
        ink_class = "jm-fg" if ghost else "jm-on-number"
        return (
            f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(s)}" height="15" rx="7.5" class="jm-badge jm-diff-{k.name}" '
            f'fill="{box_fill}" stroke="{C["fg"]}" stroke-width="1.2"{dashes}/>'
        ) + _svg_text(x + s / 2, y + 11, (k.text,), 9, classes=ink_class, fill=ink, **_BOLD_MIDDLE)
    if k.kind == "bar":  # a percentage: its track, then the part filled
        cls, fill = ("jm-lane-band", C["lane"]) if k.name == "track" else ("jm-number", C["fg"])
        size = f'width="{_n(s)}" height="{_n(k.height)}"'
        return f'<rect x="{_n(x)}" y="{_n(y)}" {size} rx="2" class="{cls}" fill="{fill}"/>'
    if k.kind == "chip":
        return (
            f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(s)}" height="{_n(k.height)}" rx="{_n(min(k.height, 16) / 2)}" '
            f'class="jm-chip" fill="{C["lane"]}" stroke="{C["muted"]}" stroke-width="1"/>'
        )
    if k.kind == "star":
        return f'<path d="{_star(x, y, s / 2)}" class="jm-star" fill="{C["star"]}"/>'
    symbol = "!" if k.kind == "pain" else "+"
    return (f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(s / 2)}" class="jm-{k.kind}" fill="{C[k.kind]}"/>') + _svg_text(
        x, y + s * 0.33, (symbol,), s * 0.85, classes="jm-on-accent", fill=C["on-accent"], **_BOLD_MIDDLE
    )


def _box(x: float, y: float, w: float, h: float, rank: str, lane: str = "", rx: float = 4) -> str:
    """A cell's box; the touchpoint type shows as line weight and dashes, not only colour."""
    data = f' data-lane="{lane}"' if lane else ""
    if rank == "primary":
        return (
            f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" rx="{_n(rx)}" class="jm-cell jm-primary"'
            f'{data} fill="{C["cell"]}" stroke="{C["fg"]}" stroke-width="2.5"/>'
        )
    dashes = ' stroke-dasharray="5 4" opacity="0.75"' if rank == "minor" else ""
    return (
        f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" rx="{_n(rx)}" class="jm-cell"{data} '
        f'fill="{C["cell"]}" stroke="{C["border"]}" stroke-width="1"{dashes}/>'
    )


def _cell(cell: Cell, rank: str) -> str:
    emphasis = rank if cell.lane == "touchpoint" else ""
    if cell.changed:
        emphasis = "primary"  # a changed cell is outlined as strongly as a critical one, and tagged
    rect = cell.rect
    parts = [_box(rect.x + 0.5, rect.y + 0.5, rect.w - 1, rect.h - 1, emphasis, _e(cell.lane))]
    for k in cell.marks:
        parts.append(_mark(k))
    for t in cell.texts:
        role = "muted" if t.cls in MUTED_TEXT or emphasis == "minor" else "fg"
        parts.append(_text(t, role))
    return "".join(parts)


class _Group:
    """One ``<g>`` of the template: its key, escaped body, and for a step its escaped
    element id, title and class."""

    __slots__ = ("body", "cls", "id", "key", "name", "title")

    def __init__(self, key: str, body: Markup, title: str = "", cls: str = "", id: str = "", name: str = "") -> None:
        self.key = key
        self.body = body
        self.title = title
        self.cls = cls
        self.id = id
        self.name = name


def _step_group(column: Column, layout: MapLayout) -> _Group:
    parts = [_cell(cell, column.type_rank) for cell in column.cells]
    aside = _SET_ASIDE.get()
    set_aside = len(aside) if aside is not None else 0
    if layout.curve is not None:
        for p in layout.curve.points:
            if p.step_id != column.step_id:
                continue
            parts.append(
                f'<circle cx="{_n(p.x)}" cy="{_n(p.y)}" r="12" class="jm-point jm-{p.tone}" fill="{C[p.tone]}"/>'
            )
            parts.append(
                _svg_text(p.x, p.y + 4, (p.label,), 11, classes="jm-on-accent", fill=C["on-accent"], **_BOLD_MIDDLE)
            )
            if p.word:
                parts.append(_text(p.word, "fg", halo=True))
    cls = f"jm-step jm-type-{column.type_rank}" if column.type_rank else "jm-step"
    body = "".join(parts)
    if column.status:
        cls += f" jm-diff-{column.status}"
    if column.status == "removed":  # a ghost column: faded and dashed, and labelled Removed
        body = f'<g opacity="0.5" stroke-dasharray="4 3">{body}</g>'
        if aside is not None:
            aside[set_aside:] = [replace(t, faded=True) for t in aside[set_aside:]]
    # Escaped here, once for both renders: the template's step loop does not escape again.
    key = _e(column.step_id)
    return _Group(
        Markup(key),
        Markup(body),
        Markup(_e(column.summary)),
        Markup(cls),
        Markup(f"{_e(layout.prefix)}-step-{key}"),
        Markup(_e(column.name)),
    )


def _tick(left: float, y: float, label: str) -> str:
    """A number of the feeling scale, right-aligned against the grid's left edge."""
    return _svg_text(left - 6, y + 4, (label,), 11, classes="jm-muted jm-tick", fill=C["muted"], anchor="end")


def _curve(layout: MapLayout) -> Markup:
    cv = layout.curve
    if cv is None:
        return Markup("")
    left, right = layout.grid.x, layout.grid.x + layout.grid.w
    parts = []
    if cv.neutral_y is not None:
        parts.append(
            f'<line x1="{_n(left)}" y1="{_n(cv.neutral_y)}" x2="{_n(right)}" y2="{_n(cv.neutral_y)}" class="jm-axis" '
            f'stroke="{C["axis"]}" stroke-width="1" stroke-dasharray="3 4"/>'
        )
    parts.extend(_tick(left, y, label) for y, label in cv.ticks)
    for d in cv.paths:
        parts.append(
            f'<path d="{d}" class="jm-curve" fill="none" stroke="{C["curve"]}" stroke-width="2.5" '
            'stroke-linecap="round" stroke-linejoin="round"/>'
        )
    for x, y in cv.missing:
        parts.append(
            f'<circle cx="{_n(x)}" cy="{_n(y)}" r="9" class="jm-axis" fill="none" stroke="{C["axis"]}" '
            'stroke-width="1.5" stroke-dasharray="2 2"/>'
        )
        parts.append(
            _svg_text(x, y + 24, (cv.missing_label,), 11, classes="jm-muted", fill=C["muted"], anchor="middle")
        )
    return Markup("".join(parts))


def _lane_group(layout: MapLayout, index: int) -> _Group:
    lane = layout.lanes[index]
    grid = layout.grid
    if lane.key == "visibility":
        y = layout.visibility_y or lane.y
        shape = (
            f'<line x1="{_n(grid.x)}" y1="{_n(y)}" x2="{_n(grid.x + grid.w)}" y2="{_n(y)}" class="jm-visibility" '
            f'stroke="{C["muted"]}" stroke-width="1.5" stroke-dasharray="8 5"/>'
        )
        label = _text(lane.label, "muted")
    else:
        shape = (
            f'<rect x="{_n(grid.x)}" y="{_n(lane.y)}" width="{_n(grid.w)}" height="{_n(lane.h)}" '
            f'class="jm-lane-band" fill="{C["lane"]}"/>'
        )
        label = _text(lane.label, "fg")
    return _Group(lane.key, Markup(shape + label))


def _legend(layout: MapLayout) -> Markup:
    parts = []
    for item in layout.legend:
        cx, cy = item.x + 11, item.label.y - 4
        if item.kind == "type":
            parts.append(_box(item.x, cy - 7, 22, 14, item.name, rx=3))
        elif item.kind == "badge":
            parts.append(_mark(Mark("badge", item.x, cy - 7.5, 22, item.name, "")))
        elif item.kind == "point":
            parts.append(f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="7" class="jm-{item.name}" fill="{C[item.name]}"/>')
        else:
            parts.append(_mark(Mark(item.kind, cx, cy, 13)))
        parts.append(_text(item.label, "muted"))
    return Markup("".join(parts))


@lru_cache(maxsize=8)
def template_environment(theme_dir: Path | None = None) -> jinja2.Environment:
    """Our templates, overridable from ``<theme_dir>/journeymap/``."""
    env = jinja2.Environment(
        loader=template_loader(theme_dir),
        autoescape=True,
        finalize=clean_printed,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["n"] = _n
    env.globals.update(palette=PALETTE, font_stack=FONT_STACK)
    return env


@lru_cache(maxsize=8)
def _standalone_css(theme_dir: Path | None) -> Markup:
    """Our map CSS, then ``<theme_dir>/journeymap/map.css`` if there is one (it wins)."""
    css = map_css(media_dark=True)
    extra = theme_dir / "journeymap" / "map.css" if theme_dir is not None else None
    if extra is not None and extra.is_file():
        # The SVG is XML: escaped, a user's "<" or "&" reaches CSS intact and cannot end the element.
        return Markup(css + "\n") + escape(extra.read_text(encoding="utf-8"))
    return Markup(css)


def clear_css() -> None:
    """Forget the theme's map CSS, read again on the next standalone map."""
    _standalone_css.cache_clear()


def render_map_svg(layout: MapLayout, *, standalone: bool = True, theme_dir: Path | None = None) -> str:
    """SVG text of a map; ``standalone`` adds the style a file opened on its own needs.

    Without it the SVG relies on its presentation attributes (light scheme), or on the
    site's stylesheet when inlined into a page, where its steps are focusable buttons
    (``role="group"`` instead of ``role="img"``, since an image holds no controls).
    """
    return _render(layout, _fragments(layout), standalone, theme_dir)


def render_map_svgs(layout: MapLayout, *, theme_dir: Path | None = None) -> tuple[str, str]:
    """The map to inline in a page and the standalone file, drawing its parts once."""
    fragments = _fragments(layout)
    return _render(layout, fragments, False, theme_dir), _render(layout, fragments, True, theme_dir)


def _fragments(layout: MapLayout) -> dict[str, object]:
    header = Markup("".join(_text(t, "fg" if i == 0 else "muted") for i, t in enumerate(layout.header)))
    bands = [
        _Group(
            b.stage_id,
            Markup(
                f'<rect x="{_n(b.rect.x)}" y="{_n(b.rect.y)}" width="{_n(b.rect.w)}" height="{_n(b.rect.h)}" rx="6" '
                f'class="jm-band-{b.shade}" fill="{C["band" + str(b.shade)]}"/>'
                + "".join(_text(t, "fg" if i == 0 else "muted") for i, t in enumerate(b.texts))
            ),
        )
        for b in layout.bands
    ]
    return {
        "header": header,
        "bands": bands,
        "lanes": [_lane_group(layout, i) for i in range(len(layout.lanes))],
        "curve": _curve(layout),
        "steps": [_step_group(column, layout) for column in layout.columns],
        "legend": _legend(layout),
    }


def _render(layout: MapLayout, fragments: dict[str, object], standalone: bool, theme_dir: Path | None) -> str:
    template = template_environment(theme_dir).get_template("map.svg.j2")
    return template.render(
        m=layout,
        interactive=not standalone,
        css=_standalone_css(theme_dir) if standalone else "",
        **fragments,
    )


def render_label_column(layout: MapLayout) -> str:
    """The map's left column alone (lane labels and the feeling scale), in the map's
    coordinates: a page keeps it in view while the map scrolls sideways. Decorative
    (``aria-hidden``): the map itself holds the same words."""
    grid = layout.grid
    width = grid.x - 2
    # Opaque over the lanes only: the map's title above and its legend below show through.
    parts = [
        f'<rect x="0" y="{_n(grid.y - 4)}" width="{_n(width)}" height="{_n(grid.h + 8)}" class="jm-bg" '
        f'fill="{C["bg"]}"/>'
    ]
    for lane in layout.lanes:
        parts.append(_text(lane.label, "muted" if lane.key == "visibility" else "fg"))
    if layout.curve is not None:
        parts.extend(_tick(layout.grid.x, y, label) for y, label in layout.curve.ticks)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="jm-map jm-label-column" aria-hidden="true" '
        f'focusable="false" width="{_n(width)}" height="{_n(layout.height)}" '
        f'viewBox="0 0 {_n(width)} {_n(layout.height)}" lang="{_e(layout.language)}" font-family="{FONT_STACK}">'
        + "".join(parts)
        + "</svg>"
    )
