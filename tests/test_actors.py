"""The actors lane: people and parties of a step, as chips on the map, on the page and in exports."""

from __future__ import annotations

import csv
import io
import json
import re

from generator.config import Settings
from generator.draw.layout import layout_map
from generator.draw.render_svg import render_map_svg
from generator.draw.text import InterMetrics, actor_names
from generator.export.export import journey_to_csv, journey_to_json
from generator.labels import Labels
from generator.model import Journey
from generator.read.parse_journey import parse_journey
from generator.site.pages import step_details, vertical_view

JOURNEY = """\
---
title: Buying a house
persona: buyer
---
## Search
### Visits a viewing
- actors: Partner, Estate agent
- betrokkenen: Estate agent, *Neighbour*
- feeling: 1
### Asks the bank
- actors: The mortgage advisor of the bank who explains every single clause of the offer
- feeling: -1
"""


def _journey() -> Journey:
    journey, problems = parse_journey(JOURNEY, "house.md", "house")
    assert problems == []
    assert journey is not None
    return journey


def test_aliases_and_names() -> None:
    journey = _journey()
    first = journey.steps[0]
    assert first.values("actors") == ("Partner, Estate agent", "Estate agent, *Neighbour*")
    assert actor_names(first.values("actors")) == ["Partner", "Estate agent", "Neighbour"]


def test_chips_on_the_map_stay_inside_their_cell() -> None:
    layout = layout_map(_journey(), Settings(), InterMetrics(), persona_name="Buyer")
    assert [lane.key for lane in layout.lanes][:2] == ["steps", "actors"]
    cells = [cell for column in layout.columns for cell in column.cells if cell.lane == "actors"]
    assert len(cells) == 2
    for cell in cells:
        chips = [mark for mark in cell.marks if mark.kind == "chip"]
        labels = [text for text in cell.texts if text.cls == "jm-actor"]
        assert len(chips) == len(labels) > 0
        for chip in chips:
            assert cell.rect.x <= chip.x
            assert chip.x + chip.size <= cell.rect.x + cell.rect.w
            assert chip.y + chip.height <= cell.rect.y + cell.rect.h
    wrapped = [text for text in cells[1].texts if text.cls == "jm-actor"]
    assert len(wrapped[0].lines) > 1  # the long name wraps inside its own chip
    svg = render_map_svg(layout)
    assert svg.count('class="jm-chip"') == 4
    for name in ("Partner", "Estate agent", "Neighbour"):
        assert re.search(rf">{name}</text>", svg)
    assert "actors: Partner, Estate agent" in svg  # the step's full text, in its <title>


def test_page_and_phone_list_the_actors() -> None:
    journey = _journey()
    say = Labels("en")
    details = step_details(journey.steps[0], 1, Settings(), say)
    assert "<dt>Actors</dt><dd>Partner, Estate agent</dd><dd>Estate agent, <em>Neighbour</em></dd>" in details
    cards = vertical_view(journey, Settings(), say)
    assert "Actors: Partner, Estate agent, Neighbour" in cards
    dutch = step_details(journey.steps[0], 1, Settings(), Labels("nl"))
    assert "<dt>Betrokkenen</dt>" in dutch


def test_exports_carry_the_actors() -> None:
    journey = _journey()
    rows = list(csv.reader(io.StringIO(journey_to_csv(journey))))
    assert ["Search", "Visits a viewing", "actors", "Partner, Estate agent", "visits-a-viewing/actors/1"] in rows
    data = json.loads(journey_to_json(journey))
    lanes = data["stages"][0]["steps"][0]["lanes"]
    assert {"key": "actors", "value": "Estate agent, *Neighbour*"} in lanes
