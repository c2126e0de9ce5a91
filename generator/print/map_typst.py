"""A map as typst content: its SVG drawing without the texts, and the texts set by typst.

Typst sets text of its own faster than the text of an SVG image (a 30-step map's
four A3 pages took about half as long to compile this way as with the texts in the SVG;
about 80 ms, and 100 ms of CPU, for a journey typst has not compiled before), and the
PDF's text is typst's: selectable, searchable, its fonts subset.
Each text is placed with its first baseline where the SVG puts it, aligned as the
SVG's ``text-anchor`` aligns it. User text reaches typst only as string literals.
"""

from __future__ import annotations

from pathlib import Path

from generator.clean import clean_text
from generator.draw.geometry import MapLayout
from generator.draw.render_svg import PlacedText, render_map_svg, texts_set_aside
from generator.print.typst_markup import tstr

__all__ = ["MAP_PRELUDE", "map_content"]

_REACH = 1500
"""Half the width (pt) of the box a text is aligned in: wider than any line of a map."""

_BODY = "{ set par(leading: h * 1pt); text(size: s * 1pt, fill: c, weight: w, stroke: k, body) }"

MAP_PRELUDE = (
    '#set text(font: "Inter", top-edge: "baseline", bottom-edge: "baseline")\n'
    "#let jm-align = (left, center, right)\n"
    f"#let jm-text(x, y, s, c, a, w, body, k: none, h: 0) = if a == 0 {{ place(dx: x * 1pt, dy: y * 1pt, {_BODY}) }} "
    f"else {{ place(dx: x * 1pt - a * {_REACH}pt, dy: y * 1pt, "
    f"box(width: {2 * _REACH}pt, align(jm-align.at(a), {_BODY}))) }}\n"
)
"""Definitions every document holding maps starts with (after its page settings). A text
that starts at its point (two of three on a map) is placed as it is; one centred on or
ending at its point is aligned in a box wider than any line. Typst sets a map's texts
about 9% faster when most need no box."""

_ANCHORS = {"start": 0, "middle": 1, "end": 2}


def _pt(value: float) -> str:
    """A length in pt, to a hundredth."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def map_content(layout: MapLayout, image: str, scale: float, theme_dir: Path | None = None) -> tuple[str, str]:
    """(typst content, SVG text): the map ``scale`` pt per px wide, its drawing the SVG
    given to ``typst_compile`` as ``image``. The content is a block of the map's size, in
    code mode."""
    from generator.print.render_print import svg_image

    with texts_set_aside() as texts:
        svg = render_map_svg(layout, standalone=False, theme_dir=theme_dir)
    colours: dict[str, str] = {}
    calls = [_text_calls(t, scale, colours) for t in texts]
    palette = "".join(f'let {name} = rgb("{value}")\n' for value, name in colours.items())
    width, height = _pt(layout.width * scale), _pt(layout.height * scale)
    # Code, not markup: no space between the calls becomes text that takes room.
    content = (
        f"block(width: {width}pt, height: {height}pt, breakable: false, {{\n{palette}"
        f"place({svg_image(image, f'{width}pt')})\n" + "".join(calls) + "})"
    )
    return content, svg


def _colour(value: str, faded: bool, colours: dict[str, str]) -> str:
    """The name of a colour defined in the block (a ghost column's at half opacity)."""
    key = value + ("80" if faded else "")
    name = colours.get(key)
    if name is None:
        name = colours[key] = f"jm-c{len(colours)}"
    return name


def _literal(line: str) -> str:
    """A line of the map as a typst string, cleaned as the SVG cleans it."""
    return tstr(line if line.isprintable() else clean_text(line))


def _text_calls(t: PlacedText, scale: float, colours: dict[str, str]) -> str:
    if not t.lines:
        return ""
    anchor = _ANCHORS.get(t.anchor, 0)
    weight = 700 if t.bold else 400
    fill = _colour(t.fill, t.faded, colours)
    if len(t.lines) == 1:
        body = _literal(t.lines[0])
        more = ""
    else:  # one paragraph: with both text edges on the baseline, leading is the line distance
        body = " + linebreak() + ".join(_literal(line) for line in t.lines)
        more = f", h: {t.line_height * scale:.2f}"
    head = f"jm-text({t.x * scale:.2f}, {t.y * scale:.2f}, {t.size * scale:.2f}, "
    out = ""
    if t.halo:
        halo = _colour(t.halo, t.faded, colours)
        stroke = f'(paint: {halo}, thickness: {_pt(4 * scale)}pt, join: "round")'
        out = f"{head}{halo}, {anchor}, {weight}, {body}, k: {stroke}{more})\n"
    return f"{out}{head}{fill}, {anchor}, {weight}, {body}{more})\n"
