"""The Reliability page states the numbers the test suite really uses."""

from __future__ import annotations

import re

from tests.conftest import REPO
from tests.payloads import FIELDS, TRAPS
from tests.test_bad_input_catalogue import CATALOGUE

PAGE = (REPO / "content" / "guide" / "reliability.md").read_text(encoding="utf-8")


def _figure(row: str) -> str:
    match = re.search(rf"^\| {re.escape(row)}[^|]*\| \*\*([\d,]+)\*\*", PAGE, flags=re.MULTILINE)
    assert match, row
    return match.group(1).replace(",", "")


def test_catalogue_size() -> None:
    assert int(_figure("bad-input cases")) == len(CATALOGUE)


def test_injection_combinations() -> None:
    assert int(_figure("injection payload")) == len(TRAPS) * FIELDS


def test_interrupted_builds() -> None:
    source = (REPO / "tests" / "test_hardening.py").read_text(encoding="utf-8")
    assert "for _ in range(20):" in source
    assert int(_figure("builds killed")) == 20


def test_generated_inputs() -> None:
    # Five properties in test_fuzz at the default profile (1000 each), the whole-pipeline fuzz (2000),
    # the CSV round trip (300), and the wrap and curve properties (default profile, 1000 each).
    fuzz = (REPO / "tests" / "test_fuzz.py").read_text(encoding="utf-8")
    assert fuzz.count("@FUZZ") == 5
    assert "max_examples=2000" in fuzz
    assert "max_examples=300" in (REPO / "tests" / "test_export_import.py").read_text(encoding="utf-8")
    assert int(_figure("generated inputs")) == 5 * 1000 + 2000 + 300 + 2 * 1000


def test_hostile_entries() -> None:
    from tests.test_hostile_content import HOSTILE_ENTRY_CASES

    assert int(_figure("hostile entries")) == HOSTILE_ENTRY_CASES
