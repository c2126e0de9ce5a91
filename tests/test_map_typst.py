"""A map's PDF sets its texts with typst instead of leaving them in the SVG image: the
words must land where the SVG puts them, say exactly what the user wrote, and stay
real, searchable text."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.config import Settings
from generator.draw.layout import layout_map
from generator.draw.render_svg import render_map_svg, texts_set_aside
from generator.draw.text import InterMetrics
from generator.model import Journey
from generator.print.map_typst import MAP_PRELUDE, map_content
from generator.print.render_print import PAPERS, PX_TO_PT, render_map_pdf, svg_image, typst_compile
from generator.read.parse_journey import parse_journey
from tests.conftest import FIXTURES

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="poppler-utils not installed (apt-get install poppler-utils); mandatory under CI=true",
)

HOSTILE = '#panic("x") ]* $x$ \\ "quoted" <b>&amp; @ref `code` _under_ // not a comment'


def _journey(name: str) -> Journey:
    text = (FIXTURES / "maps" / "journeys" / f"{name}.md").read_text(encoding="utf-8")
    journey, problems = parse_journey(text, f"{name}.md", name)
    assert not [p for p in problems if p.severity.name == "ERROR"]
    return journey


def _words(pdf: bytes, tmp_path: Path) -> list[tuple[str, float, float, float, float]]:
    """Every word of page 1 with its box (pdftotext -bbox), in pt."""
    path = tmp_path / "page.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in re.findall(pattern, out)]


def _page(content: str, width: float, height: float) -> str:
    return f"#set page(width: {width}pt, height: {height}pt, margin: 0pt)\n{MAP_PRELUDE}#{content}\n"


@needs_poppler
@pytest.mark.parametrize("name", ["full", "edge"])
def test_texts_land_where_the_svg_puts_them(name: str, tmp_path: Path) -> None:
    """The same map compiled twice, once with the texts inside its SVG and once set by
    typst: every word is found at the same place, to a fraction of a point."""
    layout = layout_map(_journey(name), Settings(), InterMetrics())
    width, height = layout.width * PX_TO_PT, layout.height * PX_TO_PT
    whole_svg = render_map_svg(layout, standalone=False)
    as_image = typst_compile(
        f"#set page(width: {width}pt, height: {height}pt, margin: 0pt)\n#{svg_image('map.svg', '100%')}\n",
        {"map.svg": whole_svg},
    )
    content, bare_svg = map_content(layout, "map.svg", PX_TO_PT)
    assert "<text" not in bare_svg
    assert "<text" in whole_svg
    set_by_typst = typst_compile(_page(content, width, height), {"map.svg": bare_svg})
    expected, found = _words(as_image, tmp_path), _words(set_by_typst, tmp_path)
    assert len(expected) > 40
    assert sorted(w[0] for w in found) == sorted(w[0] for w in expected), "the same words"
    unmatched = list(found)
    for word, x0, _y0, _x1, y1 in expected:
        near = [w for w in unmatched if w[0] == word and abs(w[1] - x0) < 1.0 and abs(w[4] - y1) < 1.0]
        assert near, f"{word!r} at ({x0}, {y1}) is not where the SVG puts it"
        unmatched.remove(near[0])


def test_set_aside_is_per_render() -> None:
    """Texts go aside only inside the block: the SVG drawn after it has its texts again."""
    layout = layout_map(_journey("minimal"), Settings(), InterMetrics())
    with texts_set_aside() as texts:
        bare = render_map_svg(layout, standalone=False)
    assert texts
    assert "<text" not in bare
    assert render_map_svg(layout, standalone=False).count("<text") >= len(texts) // 2


@needs_poppler
def test_user_text_reaches_the_pdf_verbatim(tmp_path: Path) -> None:
    """Text typst would read as markup or code is printed as written, nothing run."""
    source = f"---\ntitle: Hostile\npersona: p\n---\n## Stage\n### Step one\n- pain: {HOSTILE}\n"
    journey, problems = parse_journey(source, "j.md", "j")
    assert not [p for p in problems if p.severity.name == "ERROR"], problems
    assert journey.steps[0].first("pain") == HOSTILE
    pdf = render_map_pdf(journey, Settings(), InterMetrics(), paper=PAPERS["A3"])
    path = tmp_path / "j.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    for piece in ('#panic("x")', "]*", "$x$", "\\", '"quoted"', "<b>&", "@ref", "// not a comment"):
        assert piece in flat, piece
    layout = layout_map(journey, Settings(), InterMetrics())
    with texts_set_aside() as texts:
        render_map_svg(layout, standalone=False)
    shown = [line for t in texts for line in t.lines if "panic" in line]
    assert shown
    assert all(" ".join(line.split()) in flat for line in shown), "as the map shows it"
