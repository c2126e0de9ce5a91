"""Parsing format v1 journeys into the model."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.errors import Problem
from generator.model import Emotion, Journey, Lane, Location
from generator.read.parse_journey import parse_emotion, parse_journey
from tests.conftest import REPO

TRAVEL = """\
---
title: Booking a round trip
persona: budget-explorer
owner: Digital team
state: as-is
reviewed: 2026-09-01
expectations: Find a tour in one evening.
tags: [travel, booking]
extra:
  source: interviews
---

Scenario in *free* prose.

More scenario.

## Orientation
The stage description.
- goal: Find a tour that fits
- goal: Stay within budget

### Searches tours on the website
Notes for this step.
- channel: Website
- touchpoint: Tour overview page
- doing: Scrolls through a long list
- thinking: "Why can't I filter by country?"
- feeling: -2 frustrated
- pain: No filter on country
- pain: No filter on price
- opportunity: Add filters
- owner: Web team
- backstage: Tour catalogue CMS
- support: Tour planning team
- kpi: Search-to-booking conversion (target 6%)
- metric: csat 54%
- type: critical
- moment-of-truth: yes

## Booking
- id: book
### Pays
- id: pay
- Kanaal: Website
- GEVOEL: +1.5 opgelucht
- soort: Kritisch
- Moment of truth: nee
"""


def parse(text: str) -> tuple[Journey, list[Problem]]:
    journey, problems = parse_journey(text, "j.md", "j")
    return journey, problems


def test_front_matter_values() -> None:
    journey, problems = parse(TRAVEL)
    assert problems == []
    assert journey.title == "Booking a round trip"
    assert journey.persona == "budget-explorer"
    assert journey.owner == "Digital team"
    assert journey.state == "current"
    assert journey.reviewed == dt.date(2026, 9, 1)
    assert journey.expectations == "Find a tour in one evening."
    assert journey.tags == ("travel", "booking")
    assert journey.extra == {"source": "interviews"}
    assert journey.scenario == "Scenario in *free* prose.\n\nMore scenario."


def test_stages_steps_and_lanes() -> None:
    journey, _ = parse(TRAVEL)
    orientation, booking = journey.stages
    assert orientation.id == "orientation"
    assert orientation.description == "The stage description."
    assert orientation.goals == ("Find a tour that fits", "Stay within budget")
    (search,) = orientation.steps
    assert search.id == "searches-tours-on-the-website"
    assert search.notes == "Notes for this step."
    assert search.values("pain") == ("No filter on country", "No filter on price")
    assert search.first("thinking") == '"Why can\'t I filter by country?"'
    assert search.emotion == Emotion(score=-2.0, word="frustrated")
    assert search.type == "critical"
    assert search.moment_of_truth is True
    assert [lane.key for lane in search.lanes][:3] == ["channel", "touchpoint", "doing"]
    assert booking.id == "book"
    (pay,) = booking.steps
    assert pay.id == "pay"
    assert pay.first("channel") == "Website"
    assert pay.emotion == Emotion(score=1.5, word="opgelucht")
    assert pay.type == "critical"
    assert pay.moment_of_truth is False


def test_locations_point_at_the_source() -> None:
    journey, _ = parse(TRAVEL)
    step = journey.stages[0].steps[0]
    assert step.loc == Location(path="j.md", line=22, column=1)
    assert step.lanes[0].loc == Location(path="j.md", line=24, column=3)
    assert step.emotion is not None
    assert step.emotion.loc == Location(path="j.md", line=28, column=12)
    assert journey.stages[1].loc.line == 40
    assert journey.key_locs["reviewed"] == Location(path="j.md", line=6, column=11)


def test_equality_ignores_locations() -> None:
    shifted = TRAVEL.replace("Scenario in", "\n\nScenario in")
    assert parse(TRAVEL)[0] == parse(shifted)[0]
    assert Lane(key="pain", value="x", loc=Location(path="a", line=1)) == Lane(key="pain", value="x")


def test_crlf_and_bom_give_the_same_journey() -> None:
    from generator.read.source import decode_source

    data = ("\ufeff" + TRAVEL.replace("\n", "\r\n")).encode("utf-8")
    text, problems = decode_source(data, "j.md")
    assert problems == []
    assert text is not None
    journey, problems = parse(text)
    assert problems == []
    assert journey == parse(TRAVEL)[0]
    assert journey.stages[0].steps[0].loc.line == 22


def test_multiline_lane_value_is_joined() -> None:
    text = TRAVEL.replace("- pain: No filter on price", "- pain: No filter\n  on price")
    journey, problems = parse(text)
    assert problems == []
    assert journey.stages[0].steps[0].values("pain")[1] == "No filter on price"


def test_value_may_contain_colons_and_markdown() -> None:
    text = TRAVEL.replace("- owner: Web team", "- owner: Web team: *front end* <b>bold</b>")
    journey, problems = parse(text)
    assert problems == []
    assert journey.stages[0].steps[0].first("owner") == "Web team: *front end* <b>bold</b>"


def test_titles_are_kept_as_written() -> None:
    text = TRAVEL.replace("### Pays", "### Pays <script>alert(1)</script> & more")
    journey, problems = parse(text)
    assert problems == []
    assert journey.stages[1].steps[0].title == "Pays <script>alert(1)</script> & more"


def test_yaml_one_point_one_booleans_stay_text() -> None:
    journey, problems = parse(
        TRAVEL.replace("title: Booking a round trip", "title: NO").replace("owner: Digital team", "owner: yes")
    )
    assert problems == []
    assert journey.title == "NO"
    assert journey.owner == "yes"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2", (2.0, "")),
        ("+2 happy", (2.0, "happy")),
        ("-1.5 worried", (-1.5, "worried")),
        ("−1 unhappy", (-1.0, "unhappy")),
        ("0,5 okay", (0.5, "okay")),
        ("-0 calm", (0.0, "calm")),
        ("2 blij verrast", (2.0, "blij verrast")),
        ("NaN", None),
        ("inf", None),
        ("true", None),
        ("happy 2", None),
        ("1e3", None),
        ("", None),
    ],
)
def test_parse_emotion(text: str, expected: tuple[float, str] | None) -> None:
    assert parse_emotion(text) == expected


def test_derived_ids_are_slugs() -> None:
    text = TRAVEL.replace("### Pays\n- id: pay\n", "### Betaalt één keer — met iDEAL!\n")
    journey, problems = parse(text)
    assert problems == []
    assert journey.stages[1].steps[0].id == "betaalt-een-keer-met-ideal"


def test_same_title_in_two_stages_needs_an_id() -> None:
    text = TRAVEL.replace("### Pays\n- id: pay", "### Searches tours on the website")
    _, problems = parse(text)
    assert [(p.code, p.loc.line) for p in problems] == [("E303", 42)]


def test_title_without_letters_needs_an_id() -> None:
    _, problems = parse(TRAVEL.replace("### Pays\n- id: pay", "### ???"))
    assert [(p.code, p.loc.line) for p in problems] == [("E307", 42)]


@pytest.mark.parametrize("name", ["usa-round-trip", "laptop-incident", "billing-question"])
def test_example_journeys_parse_cleanly(name: str) -> None:
    path = REPO / "content" / "journeys" / f"{name}.md"
    journey, problems = parse_journey(path.read_text(encoding="utf-8"), str(path), name)
    assert problems == []
    assert len(journey.stages) >= 4
    assert len(journey.steps) >= 8
    assert all(step.emotion is not None for step in journey.steps)
    keys = {lane.key for step in journey.steps for lane in step.lanes}
    assert {
        "channel",
        "touchpoint",
        "doing",
        "feeling",
        "pain",
        "opportunity",
        "owner",
        "backstage",
        "kpi",
        "type",
    } <= keys
    assert any(step.moment_of_truth for step in journey.steps)


def test_travel_example_tells_the_domain_story() -> None:
    path = REPO / "content" / "journeys" / "usa-round-trip.md"
    journey, _ = parse_journey(path.read_text(encoding="utf-8"), str(path), "usa-round-trip")
    pains = [pain for step in journey.steps for pain in step.values("pain")]
    assert any("filter" in pain and "country" in pain for pain in pains)
    assert any("itinerary" in pain.lower() for pain in pains)


def test_example_files_round_trip_through_the_parser() -> None:
    """Parsing twice gives equal models: the parser is a pure function of the text."""
    for path in sorted((REPO / "content" / "journeys").glob("*.md")):
        text = path.read_text(encoding="utf-8")
        assert parse_journey(text, "a.md", path.stem) == parse_journey(text, "a.md", path.stem)
