"""The format reference page documents every key, alias, option and problem code."""

from __future__ import annotations

import re

import pytest

from generator.config import OPTION_DOCS
from generator.errors import CODES
from generator.read.parse_journey import JOURNEY_FIELDS, STATES, TYPE_ALIASES
from generator.read.parse_persona import PERSONA_FIELDS
from generator.vocabulary import LANE_KEYS, STAGE_KEYS
from tests.conftest import REPO

REFERENCE = (REPO / "content" / "guide" / "format.md").read_text(encoding="utf-8")


def _rows(first_cell: str) -> list[str]:
    return [line for line in REFERENCE.splitlines() if line.startswith(f"| {first_cell} |")]


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_code_has_a_row(code: str) -> None:
    (row,) = _rows(code)
    assert f"| {CODES[code].name} |" in row


def test_no_undocumented_codes_in_the_reference() -> None:
    documented = set(re.findall(r"^\| ([EW]\d{3}) \|", REFERENCE, flags=re.MULTILINE))
    assert documented == set(CODES)


@pytest.mark.parametrize(
    ("key", "aliases"),
    sorted({**LANE_KEYS, **STAGE_KEYS}.items()),
)
def test_every_lane_and_stage_key_and_alias(key: str, aliases: tuple[str, ...]) -> None:
    rows = _rows(f"`{key}`")
    assert rows, key
    for alias in aliases:
        assert any(f"`{alias}`" in row for row in rows), (key, alias)


@pytest.mark.parametrize(("key", "spec"), sorted({**JOURNEY_FIELDS, **PERSONA_FIELDS}.items()))
def test_every_front_matter_key_and_alias(key: str, spec: object) -> None:
    rows = _rows(f"`{key}`")
    assert rows, key
    for alias in getattr(spec, "aliases", ()):
        assert any(f"`{alias}`" in row for row in rows), (key, alias)


def test_states_types_and_options() -> None:
    for state, aliases in STATES.items():
        for word in (state, *aliases):
            assert f"`{word}`" in REFERENCE
    for dutch in TYPE_ALIASES:
        assert f"`{dutch}`" in REFERENCE
    for option in OPTION_DOCS:
        assert f"      {option}:" in REFERENCE, option
