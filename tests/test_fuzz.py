"""Property tests: parse and validate never raise, and every problem is located."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.check.validate import validate_journey
from generator.config import Settings
from generator.errors import CODES
from generator.export.serialize import journey_to_markdown
from generator.model import Emotion, Journey, Lane, Stage, Step
from generator.read.parse_journey import parse_journey
from generator.read.parse_persona import parse_persona
from generator.read.source import decode_source
from generator.vocabulary import LANE_KEYS, slugify

# Example counts come from the Hypothesis profile (tests/conftest.py): 1000 per test by
# default, more with `pytest --hypothesis-profile=deep`.
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
TODAY = dt.date(2026, 11, 24)


def _check_all(text: str) -> None:
    # CommonMark (and so every editor the authors use) treats a lone CR as a line break too.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 2
    journey, problems = parse_journey(text, "f.md", "f")
    problems += validate_journey(journey, {"tester"}, Settings(), TODAY)
    persona, persona_problems = parse_persona(text, "f.md", "f")
    assert persona.id == "f"
    for item in problems + persona_problems:
        assert item.code in CODES
        assert item.loc.path == "f.md"
        assert 1 <= item.loc.line <= lines, (item, text)
        assert item.loc.column >= 1
        assert item.message


@FUZZ
@given(st.text())
def test_arbitrary_text_gives_only_located_problems(text: str) -> None:
    _check_all(text)


@FUZZ
@given(st.binary())
def test_arbitrary_bytes_give_only_located_problems(data: bytes) -> None:
    text, problems = decode_source(data, "f.md")
    if text is None:
        assert [p.code for p in problems] == ["E101"]
    else:
        _check_all(text)


_KEYS = [*LANE_KEYS, "goal", "id", "chanel", "feelin", "Kanaal", "doel", "", "x y", "1st"]
_FEELINGS = ["2", "-2 sad", "+1.5 ok", "NaN", "true", "9", "-0", "1e9", "", "− 1", "1,5 fine"]
_front_keys = st.sampled_from(
    ["title", "persona", "owner", "state", "reviewed", "expectations", "tags", "extra", "titel", "persona2", ""]
)
_values = st.one_of(
    st.sampled_from(
        ["x", "tester", "current", "future", "2026-01-01", "2026-13-01", "[a, b]", "{a: 1}", '"q', "&a x", "*a"]
    ),
    st.text(max_size=12),
)


@st.composite
def near_valid_journeys(draw: st.DrawFn) -> str:
    """Journey-shaped text with realistic slips: typos, bad values, odd nesting."""
    lines = ["---"]
    for _ in range(draw(st.integers(0, 6))):
        lines.append(f"{draw(_front_keys)}: {draw(_values)}")
    if draw(st.booleans()):
        lines.append("---")
    for _ in range(draw(st.integers(0, 3))):
        level = draw(st.sampled_from(["#", "##", "##", "###", "###", "####"]))
        lines.append(f"{level} {draw(st.text(min_size=0, max_size=10))}")
        for _ in range(draw(st.integers(0, 4))):
            key = draw(st.sampled_from(_KEYS))
            value = draw(st.sampled_from(_FEELINGS)) if key.startswith("feel") else draw(_values)
            indent = draw(st.sampled_from(["", "", "  "]))
            lines.append(f"{indent}- {key}: {value}")
    return "\n".join(lines) + draw(st.sampled_from(["", "\n", "\r\n"]))


@FUZZ
@given(near_valid_journeys())
def test_near_valid_journeys_give_only_located_problems(text: str) -> None:
    _check_all(text)


# Text that survives a Markdown round trip as written: no block syntax, no edge spaces.
_words = st.text(
    alphabet="abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789,.'?!éëß", min_size=1, max_size=30
)
_text = _words.map(str.strip).filter(lambda s: bool(s) and slugify(s) != "")
_lane_keys = st.sampled_from(
    [
        "channel",
        "touchpoint",
        "doing",
        "thinking",
        "pain",
        "opportunity",
        "owner",
        "backstage",
        "support",
        "kpi",
        "metric",
    ]
)


@st.composite
def journeys(draw: st.DrawFn) -> Journey:
    """Valid journeys with unique ids, as the parser would build them."""
    used: set[str] = set()

    def unique(title: str) -> str:
        ident = slugify(title)
        base, n = ident, 1
        while ident in used:
            n += 1
            ident = f"{base}-{n}"
        used.add(ident)
        return ident

    stages: list[Stage] = []
    for _ in range(draw(st.integers(1, 3))):
        steps = []
        for _ in range(draw(st.integers(1, 3))):
            title = draw(_text)
            lanes = [Lane(key=draw(_lane_keys), value=draw(_text)) for _ in range(draw(st.integers(0, 5)))]
            score = draw(st.sampled_from([-2, -1.5, -1, 0, 1, 2]))
            word = draw(st.sampled_from(["", "happy", "blij verrast"]))
            feeling = f"{score:g} {word}".strip()
            lanes.append(Lane(key="feeling", value=feeling))
            steps.append(
                Step(id=unique(title), title=title, lanes=tuple(lanes), emotion=Emotion(score=float(score), word=word))
            )
        stage_title = draw(_text)
        stage_used = {stage.id for stage in stages}
        stage_id = slugify(stage_title)
        while stage_id in stage_used:
            stage_id += "-x"
        goals = tuple(draw(st.lists(_text, max_size=2)))
        stages.append(Stage(id=stage_id, title=stage_title, goals=goals, steps=tuple(steps)))
    return Journey(
        id="f",
        title=draw(_text),
        persona="tester",
        owner=draw(st.sampled_from(["", "Web team", "NO"])),
        state=draw(st.sampled_from(["current", "future"])),
        reviewed=draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 1, 1))),
        expectations=draw(st.sampled_from(["", "Quick and clear", "yes: really"])),
        tags=tuple(draw(st.lists(_text, max_size=3))),
        extra=draw(st.sampled_from([{}, {"source": "interviews", "n": "12"}, {"nested": {"a": ["1", "2"]}}])),
        scenario=draw(st.sampled_from(["", "A short scenario.", "Two lines\nof scenario."])),
        stages=tuple(stages),
    )


@FUZZ
@given(journeys())
def test_model_survives_a_markdown_round_trip(journey: Journey) -> None:
    text = journey_to_markdown(journey)
    parsed, problems = parse_journey(text, "f.md", "f")
    assert problems == [], text
    assert parsed == journey, text


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(near_valid_journeys())
def test_whole_pipeline_gives_located_problems_or_a_well_formed_map(text: str) -> None:
    """parse → validate → layout → render: problems are located; a clean journey draws a valid SVG."""
    import xml.etree.ElementTree as ET

    from generator.draw.layout import layout_map
    from generator.draw.render_svg import render_map_svg
    from generator.draw.text import InterMetrics

    journey, problems = parse_journey(text, "f.md", "f")
    problems += validate_journey(journey, {"tester"}, Settings(), TODAY)
    if any(p.severity.value == "error" for p in problems):
        assert all(p.loc.line >= 1 for p in problems)
        return
    svg = render_map_svg(layout_map(journey, Settings(), InterMetrics()))
    root = ET.fromstring(svg)
    assert root.get("role") == "img"


@FUZZ
@given(journeys())
def test_every_valid_journey_draws_a_well_formed_map(journey: Journey) -> None:
    import xml.etree.ElementTree as ET

    from generator.draw.layout import layout_map
    from generator.draw.render_svg import render_map_svg
    from generator.draw.text import InterMetrics

    layout = layout_map(journey, Settings(), InterMetrics())
    root = ET.fromstring(render_map_svg(layout))
    steps = [g for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("data-step")]
    assert len(steps) == len(journey.steps)
