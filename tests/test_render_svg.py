"""SVG maps: goldens, structure, layout numbers, escaping, determinism."""

from __future__ import annotations

import dataclasses
import itertools
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.config import Settings
from generator.draw.geometry import MapLayout, Rect
from generator.draw.layout import layout_map
from generator.draw.render_svg import render_map_svg
from generator.draw.text import InterMetrics
from generator.model import Journey
from generator.read.parse_journey import parse_journey
from tests.conftest import FIXTURES, REPO

MAPS = FIXTURES / "maps"
SVG = "{http://www.w3.org/2000/svg}"
MEASURE = InterMetrics()


def _journey(name: str) -> Journey:
    path = MAPS / "journeys" / f"{name}.md"
    journey, problems = parse_journey(path.read_text(encoding="utf-8"), path.name, name)
    assert [p for p in problems if p.severity.value == "error"] == []
    return journey


def _layout(name: str, **settings: object) -> MapLayout:
    return layout_map(_journey(name), Settings(**settings), MEASURE, persona_name="Wim, the walker")  # type: ignore[arg-type]


def _svg(name: str, **settings: object) -> str:
    return render_map_svg(_layout(name, **settings))


@pytest.mark.parametrize("name", ["minimal", "full", "edge"])
def test_golden_svg(name: str, golden: Callable[[str, str], None]) -> None:
    golden(f"{name}.svg", _svg(name))


@pytest.mark.parametrize("name", ["minimal", "full", "edge"])
def test_svg_structure(name: str) -> None:
    layout = _layout(name)
    root = ET.fromstring(render_map_svg(layout))
    assert root.get("role") == "img"
    assert root.get("viewBox") == f"0 0 {layout.width:g} {layout.height:g}"
    assert root.get("aria-labelledby") == f"{layout.prefix}-title {layout.prefix}-desc"
    assert root.find(f"{SVG}title").text == layout.title  # type: ignore[union-attr]
    assert root.find(f"{SVG}desc").text  # type: ignore[union-attr]
    ids = [element.get("id", "") for element in root.iter() if element.get("id")]
    assert len(ids) == len(set(ids)), "ids are unique"
    assert all(ident.startswith(layout.prefix) for ident in ids)
    lanes = root.findall(f".//{SVG}g[@class='jm-lane']")
    assert [lane.get("data-lane") for lane in lanes] == [lane.key for lane in layout.lanes]
    steps = root.findall(f".//{SVG}g[@data-step]")
    assert [step.get("data-step") for step in steps] == [column.step_id for column in layout.columns]
    for step in steps:
        title = step.find(f"{SVG}title")
        assert title is not None
        assert title.text
        assert step.get("tabindex") is None  # a standalone file is one image
    assert root.find(f".//{SVG}foreignObject") is None


def test_step_title_holds_the_full_text() -> None:
    root = ET.fromstring(_svg("full"))
    step = root.find(f".//{SVG}g[@data-step='logs-in-to-the-city-portal']")
    assert step is not None
    title = step.find(f"{SVG}title").text or ""  # type: ignore[union-attr]
    for expected in (
        "Step 2: Logs in to the city portal",
        'The permit is hidden under "Vehicles"',
        "metric: online share 64%",
    ):
        assert expected in title
    assert title.endswith("Moment of truth")


def test_every_score_is_also_text() -> None:
    root = ET.fromstring(_svg("full"))
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    for score in ("+1", "-1", "+2"):
        assert score in texts
    assert "no score" in texts  # the step without a feeling says so


def test_empty_lanes_are_left_out() -> None:
    keys = [lane.key for lane in _layout("minimal").lanes]
    assert keys == ["steps", "touchpoint", "feeling"]
    full = [lane.key for lane in _layout("full").lanes]
    assert full == [
        "steps",
        "touchpoint",
        "actors",
        "thinking",
        "feeling",
        "pain",
        "opportunity",
        "owner",
        "visibility",
        "backstage",
        "support",
        "kpi",
    ]


def test_lane_order_and_choice_follow_settings() -> None:
    layout = _layout("full", lanes=("feeling", "steps", "pain"))
    assert [lane.key for lane in layout.lanes] == ["feeling", "steps", "pain"]


def _overlap(a: Rect, b: Rect) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


@pytest.mark.parametrize("name", ["minimal", "full", "edge"])
def test_cells_never_overlap_and_text_fits(name: str) -> None:
    layout = _layout(name)
    cells = [cell for column in layout.columns for cell in column.cells]
    for a, b in itertools.combinations(cells, 2):
        assert not _overlap(a.rect, b.rect), (a.lane, b.lane)
    for cell in cells:
        for text in cell.texts:
            assert cell.rect.x <= text.x < cell.rect.x + cell.rect.w
            bottom = text.y + (len(text.lines) - 1) * text.line_height + text.size * 0.3
            assert bottom <= cell.rect.y + cell.rect.h, (cell.lane, text.lines)
            for line in text.lines:
                width = MEASURE.width(line, text.size, text.bold)
                assert text.x + width <= cell.rect.x + cell.rect.w - 8, (line, width)
    for band in layout.bands:
        for text in band.texts:
            for line in text.lines:
                assert text.x + MEASURE.width(line, text.size, text.bold) <= band.rect.x + band.rect.w


def test_lanes_stack_without_gaps_or_overlaps() -> None:
    layout = _layout("full")
    for upper, lower in itertools.pairwise(layout.lanes):
        assert upper.y + upper.h <= lower.y
        assert lower.y - (upper.y + upper.h) == pytest.approx(8, abs=0.11)
    assert layout.height > layout.lanes[-1].y + layout.lanes[-1].h


def test_coordinates_are_rounded() -> None:
    layout = _layout("full")
    numbers: list[float] = []
    for column in layout.columns:
        numbers += [column.x, column.width]
        for cell in column.cells:
            numbers += [cell.rect.x, cell.rect.y, cell.rect.w, cell.rect.h]
            numbers += [v for t in cell.texts for v in (t.x, t.y)]
            numbers += [v for k in cell.marks for v in (k.x, k.y)]
    assert layout.curve is not None
    numbers += [v for p in layout.curve.points for v in (p.x, p.y)]
    assert all(round(value, 1) == value for value in numbers)


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False) | st.integers(-(10**6), 10**6).map(lambda i: i / 20))
def test_rounding_to_tenths_is_half_even_on_tenths(value: float) -> None:
    from generator.draw.geometry import r
    from generator.draw.layout import svg_number

    rounded = r(value)
    assert rounded == round(value * 10) / 10  # what the floor-based shortcut stands for
    assert abs(rounded - value) <= 0.05 + 1e-9 * abs(value)
    expected = f"{rounded:.1f}".removesuffix(".0")
    assert svg_number(rounded) == ("0" if expected == "-0" else expected)


@given(st.text())
def test_escaping_shortcuts_agree_with_escaping_everything(value: str) -> None:
    from markupsafe import escape

    from generator.clean import _UNSAFE, clean_text
    from generator.draw.render_svg import _e

    assert clean_text(value) == _UNSAFE.sub("", value)
    assert _e(value) == str(escape(_UNSAFE.sub("", value)))


@pytest.mark.parametrize("value", ["a\u202eb", "tab\there", "x\x00y", "\ud800", "<&>\"'", "\ufffe", "line\nbreak"])
def test_escaping_shortcuts_on_the_characters_they_skip(value: str) -> None:
    from markupsafe import escape

    from generator.clean import _UNSAFE
    from generator.draw.render_svg import _e

    assert _e(value) == str(escape(_UNSAFE.sub("", value)))


def test_curve_follows_scores_and_breaks_at_missing_feelings() -> None:
    layout = _layout("full")
    curve = layout.curve
    assert curve is not None
    by_score = sorted(curve.points, key=lambda p: p.score)
    assert [p.y for p in by_score] == sorted((p.y for p in by_score), reverse=True)
    assert len(curve.missing) == 1
    assert [p.tone for p in curve.points] == ["pos", "neg", "pos"]
    assert curve.ticks[0][1] == "+2"
    assert curve.ticks[-1][1] == "-2"
    straight = _layout("full", curve="straight").curve
    assert straight is not None
    assert "C" not in straight.paths[0]
    assert "C" in curve.paths[0]


def test_long_words_are_broken_not_clipped() -> None:
    layout = _layout("edge")
    title_cell = layout.columns[0].cells[0]
    lines = [line for t in title_cell.texts for line in t.lines]
    assert "".join(lines[:4]).startswith("Pneumonoultramicroscopic")
    assert len(lines) >= 3


def test_type_is_shown_by_more_than_colour() -> None:
    svg = _svg("full")
    root = ET.fromstring(svg)
    critical = root.find(f".//{SVG}g[@data-step='pays-the-fee']/{SVG}rect[@data-lane='touchpoint']")
    superfluous = root.find(
        f".//{SVG}g[@data-step='calls-to-ask-about-the-start-date']/{SVG}rect[@data-lane='touchpoint']"
    )
    assert critical is not None
    assert superfluous is not None
    assert critical.get("stroke-width") == "2.5"
    assert superfluous.get("stroke-dasharray")
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    assert {"Critical", "Superfluous", "Supplementary"} <= set(texts)


def test_dutch_labels() -> None:
    svg = _svg("full", language="nl")
    for word in (
        "Klantstappen",
        "Pijnpunten",
        "Kansen",
        "Zichtbaarheidslijn",
        "Kritisch",
        "Overbodig",
        "Gewenste situatie",
    ):
        assert word in svg
    assert "Pain points" not in svg


def test_two_maps_on_one_page_never_share_ids() -> None:
    first = ET.fromstring(_svg("minimal"))
    second = ET.fromstring(_svg("full"))
    ids = [e.get("id") for root in (first, second) for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))


def test_standalone_and_inline_svg() -> None:
    layout = _layout("minimal")
    standalone = render_map_svg(layout)
    inline = render_map_svg(layout, standalone=False)
    assert ET.fromstring(standalone).get("role") == "img"
    inline_root = ET.fromstring(inline)
    assert inline_root.get("role") == "group"  # its steps are controls, which an image may not hold
    steps = inline_root.findall(f".//{SVG}g[@data-step]")
    assert [(s.get("tabindex"), s.get("role")) for s in steps] == [("0", "button")] * 2
    assert "<style>" in standalone
    assert "prefers-color-scheme: dark" in standalone
    assert "<style>" not in inline
    assert 'font-family="Inter,' in inline


def test_theme_templates_override(tmp_path: object) -> None:
    from pathlib import Path

    theme = Path(str(tmp_path))
    (theme / "journeymap").mkdir()
    (theme / "journeymap" / "map.svg.j2").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><title>{{ m.title }}</title></svg>'
    )
    svg = render_map_svg(_layout("minimal"), theme_dir=theme)
    assert svg == '<svg xmlns="http://www.w3.org/2000/svg"><title>Returning a parcel</title></svg>'


def test_an_edited_override_is_read_again_by_a_new_environment(tmp_path: object) -> None:
    from pathlib import Path

    from generator.draw.render_svg import template_environment

    theme = Path(str(tmp_path))
    (theme / "journeymap").mkdir()
    override = theme / "journeymap" / "map.svg.j2"
    override.write_text('<svg xmlns="http://www.w3.org/2000/svg"><title>{{ m.title }}</title></svg>')
    assert "Returning a parcel" in render_map_svg(_layout("minimal"), theme_dir=theme)
    # A new process (a new environment) with an edited override gets the new template.
    template_environment.cache_clear()
    override.write_text('<svg xmlns="http://www.w3.org/2000/svg"><desc>{{ m.title }}</desc></svg>')
    assert "<desc>Returning a parcel</desc>" in render_map_svg(_layout("minimal"), theme_dir=theme)


PAYLOADS = [
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "</text><script>alert(2)</script><text>",
    "<![CDATA[ ]]><script>alert(3)</script>",
    "javascript:alert(4)",
    "[click](javascript:alert(5))",
    "{{ 7*7 }} {% raw %}",
    "&lt;b&gt; &amp; &#x3C;script&#x3E;",
    "\u202eevil\u202c and \u2066isolate\u2069",
    "control \x01\x08 chars",
    "' onmouseover='alert(6)",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_injection_payloads_stay_text(payload: str) -> None:
    base = _journey("full")
    step = base.stages[1].steps[0]
    lanes = tuple(
        dataclasses.replace(lane, value=payload) for lane in step.lanes if lane.key not in ("feeling", "type")
    )
    stage = dataclasses.replace(
        base.stages[1],
        title=payload,
        goals=(payload,),
        steps=(
            dataclasses.replace(
                step, title=payload, lanes=lanes + tuple(lane for lane in step.lanes if lane.key in ("feeling", "type"))
            ),
        ),
    )
    journey = dataclasses.replace(
        base, title=payload, owner=payload, expectations=payload, stages=(base.stages[0], stage)
    )
    svg = render_map_svg(layout_map(journey, Settings(), MEASURE, persona_name=payload))
    root = ET.fromstring(svg)  # still well-formed XML
    for element in root.iter():
        assert element.tag.split("}")[-1] not in ("script", "foreignObject", "a", "iframe")
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), name
            assert "javascript:" not in value.lower()
    assert not re.search("[\u202a-\u202e\u2066-\u2069\x01\x08]", svg)
    if "{{" in payload:
        assert "{{ 7*7 }}" in "".join(root.itertext())
        assert "49" not in "".join(root.itertext())


def test_output_is_byte_identical_across_processes() -> None:
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from tests.test_render_svg import _svg; sys.stdout.write(_svg('full'))"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code, str(REPO)],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin", "TZ": tz, "LC_ALL": "C.UTF-8"},
        ).stdout
        for seed, tz in (("1", "UTC"), ("12345", "Asia/Tokyo"))
    }
    assert len(outputs) == 1
    assert outputs == {_svg("full")}


def test_theme_css_extends_the_standalone_style(tmp_path: object) -> None:
    from pathlib import Path

    theme = Path(str(tmp_path))
    (theme / "journeymap").mkdir()
    (theme / "journeymap" / "map.css").write_text(
        "svg.jm-map .jm-curve{stroke:#c00} /* </style><script>x</script> & */"
    )
    svg = render_map_svg(_layout("minimal"), theme_dir=theme)
    root = ET.fromstring(svg)
    style = root.find(f"{SVG}style")
    assert style is not None
    assert style.text is not None
    assert style.text.endswith("svg.jm-map .jm-curve{stroke:#c00} /* </style><script>x</script> & */")
    assert root.find(f".//{SVG}script") is None


def _bezier_y(y0: float, y1: float, y2: float, y3: float, t: float) -> float:
    return (1 - t) ** 3 * y0 + 3 * (1 - t) ** 2 * t * y1 + 3 * (1 - t) * t * t * y2 + t**3 * y3


@given(st.lists(st.sampled_from([22.0, 49.0, 76.0, 103.0, 130.0]), min_size=2, max_size=12))
def test_smooth_curve_never_overshoots_its_points(ys: list[float]) -> None:
    """Between two steps the curve stays within their two scores: no invented feelings."""
    from generator.draw.layout import _path

    points = [(100.0 + 208 * i, y) for i, y in enumerate(ys)]
    segments = re.findall(r"[CL]([\d. -]+)", _path(points, "smooth"))
    assert len(segments) == len(points) - 1
    previous = points[0]
    for segment in segments:
        values = [float(v) for v in segment.split()]
        end = (values[-2], values[-1])
        controls = [previous[1], values[1], values[3], end[1]] if len(values) == 6 else [previous[1]] * 2 + [end[1]] * 2
        low, high = min(previous[1], end[1]), max(previous[1], end[1])
        for k in range(21):
            assert low - 0.11 <= _bezier_y(controls[0], controls[1], controls[2], controls[3], k / 20) <= high + 0.11
        previous = end
