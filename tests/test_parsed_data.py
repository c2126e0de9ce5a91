"""Parsed journeys kept in the disk cache: written and read back exactly, every field
and location included, and nothing of another shape ever used."""

from __future__ import annotations

import contextlib
import functools
import json
from dataclasses import astuple, fields
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.model import Emotion, Journey, Lane, Location, Stage, Step
from generator.read.parse_journey import parse_journey
from generator.read.parsed_data import NotParsedData, dump_parsed, load_parsed
from tests.conftest import FIXTURES, REPO

SOURCES = sorted(
    [*FIXTURES.glob("*/journeys/*.md"), *(REPO / "content" / "journeys").glob("*.md"), *FIXTURES.glob("errors/*.md")]
)


def _parse(path: Path) -> tuple[Journey, list]:  # type: ignore[type-arg]
    return parse_journey(path.read_bytes().decode("utf-8", "replace"), path.name, path.stem)


def test_the_model_fields_are_the_ones_written() -> None:
    """A field added to the model must be added to the cache's format (and this list)."""
    assert [f.name for f in fields(Journey)] == [
        "id", "title", "persona", "owner", "state", "reviewed", "expectations", "tags", "language", "replaces",
        "service", "extra", "scenario", "stages", "measured", "loc", "key_locs",
    ]  # fmt: skip
    assert [f.name for f in fields(Stage)] == ["id", "title", "description", "goals", "steps", "loc"]
    assert [f.name for f in fields(Step)] == [
        "id", "title", "notes", "lanes", "emotion", "type", "moment_of_truth", "loc"
    ]  # fmt: skip
    assert [f.name for f in fields(Lane)] == ["key", "value", "loc"]
    assert [f.name for f in fields(Emotion)] == ["score", "word", "loc"]
    assert [f.name for f in fields(Location)] == ["path", "line", "column"]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_a_parsed_journey_reads_back_exactly(path: Path) -> None:
    journey, problems = _parse(path)
    data = dump_parsed(journey, problems)
    assert data is not None
    back, back_problems = load_parsed(data)
    assert back == journey
    assert astuple(back) == astuple(journey), "locations and key locations too"
    assert back_problems == problems
    assert [p.loc for p in back_problems] == [p.loc for p in problems]
    assert repr(back) == repr(journey), "the drawing cache's digest is the same"


def test_extra_data_and_unusual_text_read_back_exactly() -> None:
    text = (
        "---\ntitle: 'Tab\there, \"quotes\", \\\\ and \u202e'\npersona: p\nreviewed: 2026-02-28\n"
        "tags: [a, b]\nextra:\n  nested: {list: [1, 2], empty: []}\n  plain: text\n---\n"
        "## Stage\n### Step \U0001f600\n- feeling: -1.5 worried\n- pain: a\n- pain: b\n"
        "### Second\n- feeling: 2\n- moment of truth: yes\n"
    )
    journey, problems = parse_journey(text, "dir/j.md", "dir/j")
    back, _ = load_parsed(dump_parsed(journey, problems) or b"")
    assert astuple(back) == astuple(journey)
    assert not problems
    assert back.extra == {"nested": {"list": ["1", "2"], "empty": []}, "plain": "text"}
    assert back.title.endswith("\u202e")


def test_measured_data_is_not_written() -> None:
    from dataclasses import replace

    journey, _ = _parse(FIXTURES / "maps" / "journeys" / "minimal.md")
    assert dump_parsed(journey, []) is not None
    assert dump_parsed(replace(journey, measured=(object(),)), []) is None  # type: ignore[arg-type]


@functools.cache
def _good_bytes() -> bytes:
    journey, problems = _parse(FIXTURES / "maps" / "journeys" / "full.md")
    return dump_parsed(journey, problems) or b""


def _step(lanes: list) -> list:  # type: ignore[type-arg]
    """A step as the JSON holds it, with these ``lanes``."""
    return ["t", "T", "", lanes, None, "", False, [1, 1]]


def _good() -> list:  # type: ignore[type-arg]
    """A good entry as JSON data, a new copy each time."""
    return json.loads(_good_bytes())  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: [1, *d[1:]],  # another version
        lambda d: d[:3],  # too short
        lambda d: [d[0], 7, d[2], d[3]],  # a path that is not text
        lambda d: [d[0], d[1], d[2][:-1], d[3]],  # a field missing
        lambda d: [d[0], d[1], [1, *d[2][1:]], d[3]],  # an id that is not text
        lambda d: [d[0], d[1], d[2], [[[1, 1], "E999", "m", ""]]],  # an unknown problem code
        lambda d: [d[0], d[1], d[2], [[[True, 1], "E101", "m", ""]]],  # a line that is not a number
        lambda d: [d[0], d[1], d[2], [[["p", 1.5, 1], "E101", "m", ""]]],  # a line that is not whole
        lambda d: [d[0], d[1], d[2], [[[1], "E101", "m", ""]]],  # a location that is no location
        lambda d: [d[0], d[1], [*d[2][:5], "not a date", *d[2][6:]], d[3]],
        lambda d: [d[0], d[1], [*d[2][:11], {"k": 1}, *d[2][12:]], d[3]],  # extra of another kind
        lambda d: [d[0], d[1], [*d[2][:13], [["s", "S", "", [], [[1]], [1, 1]]], *d[2][14:]], d[3]],
        lambda d: [
            d[0],
            d[1],
            [*d[2][:13], [["s", "S", "", [], [_step([["feeling", "1", 3]])], [1, 1]]], *d[2][14:]],
            d[3],
        ],
        lambda d: [
            d[0],
            d[1],
            [*d[2][:13], [["s", "S", "", [], [_step([["feeling", 1, 3, 1]])], [1, 1]]], *d[2][14:]],
            d[3],
        ],
        lambda d: {"a": d},
    ],
)
def test_data_of_another_shape_is_refused(damage) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotParsedData):
        load_parsed(json.dumps(damage(_good())).encode("utf-8"))


def test_deep_nesting_and_broken_bytes_are_refused() -> None:
    data = _good()
    data[2][11] = {"deep": "@"}
    nested = json.dumps(data).replace('"@"', "[" * 5000 + "]" * 5000)
    with pytest.raises(NotParsedData):
        load_parsed(nested.encode("utf-8"))
    deep = b"[" * 100_000 + b"]" * 100_000
    for blob in (b"", b"\xff\xfe", b"[1,", deep, json.dumps(_good()).encode("utf-8")[:-3]):
        with pytest.raises(NotParsedData):
            load_parsed(blob)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(JSON)
def test_any_json_is_read_back_or_refused(value: object) -> None:
    """Whatever a cache file holds, reading it gives a journey or NotParsedData, nothing else."""
    with contextlib.suppress(NotParsedData):
        load_parsed(json.dumps(value).encode("utf-8"))


@settings(max_examples=300)
@given(JSON)
def test_damaged_fields_are_refused(part: object) -> None:
    """The good entry with any one of its fields replaced: read back or refused."""
    good = _good()
    for index in range(len(good[1])):
        damaged = [good[0], [*good[1][:index], part, *good[1][index + 1 :]], good[2]]
        with contextlib.suppress(NotParsedData):
            load_parsed(json.dumps(damaged).encode("utf-8"))
