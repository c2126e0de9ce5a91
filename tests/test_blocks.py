"""The fast block scanner agrees with markdown-it whenever it answers."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.synthetic import journey_text
from generator.read.blocks import Block, from_tokens, scan
from generator.read.document import _blocks, read_document

REPO = Path(__file__).resolve().parent.parent
FUZZ = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _markdown_it(text: str) -> list[Block]:
    return from_tokens(_blocks().parse(text))


def _agree(text: str) -> bool:
    """True when the scanner answered (and then its tree must be markdown-it's)."""
    scanned = scan(text.split("\n"))
    if scanned is None:
        return False
    assert scanned == _markdown_it(text), text
    return True


# Lines the scanner reads itself, and lines that must send it to markdown-it.
_PLAIN = [
    "",
    "",
    "   ",
    "# Title",
    "## Stage",
    "### Step one",
    "#### Deeper",
    "## Trailing spaces  ",
    "- channel: Website",
    "- goal: a goal",
    "-  doing: two spaces",
    "* other: marker",
    "+ plus: marker",
    "Plain text line",
    "2026 was a year",
    "Ünïcode wörds",
    "Hard break  ",
]
_OTHER = [
    "1. ordered",
    "2) ordered",
    "---",
    "***",
    "- - -",
    "> quote",
    "```",
    "~~~",
    "    code",
    "  indented",
    "- 50%",
    "-",
    "===",
    "a | b",
    "- | -",
    "[ref]: /url",
    "## Closed ##",
    "#No space",
    "\t- tab",
    "-\tx",
    "...",
    "####### seven",
    "<div>",
    "- **bold**: x",
]
_FRONT = ["---\ntitle: x\n---", "---\ntags:\n  - a\n---", "---\n---", "----\nx\n---", "---\n  ---\n---", "no front"]


@FUZZ
@given(
    st.sampled_from(_FRONT),
    st.lists(st.one_of(st.sampled_from(_PLAIN), st.sampled_from(_OTHER)), max_size=30),
    st.sampled_from(["", "\n", "\n\n", "\n  \n", "\n "]),
)
def test_scanner_matches_markdown_it_on_mixed_lines(front: str, lines: list[str], end: str) -> None:
    _agree(front + "\n" + "\n".join(lines) + end)


@FUZZ
@given(st.lists(st.sampled_from(_PLAIN), max_size=40), st.sampled_from(["", "\n", "\n "]))
def test_scanner_reads_plain_journey_shapes_itself(lines: list[str], end: str) -> None:
    # A text line right under a bullet continues the bullet (a lazy continuation): that
    # one shape is left to markdown-it.
    lazy = any(above[:1] in "-*+" and above and below[:1].isalnum() for above, below in pairwise(lines))
    assert _agree("---\ntitle: x\n---\n" + "\n".join(lines) + end) is not lazy


@FUZZ
@given(st.text(alphabet=st.sampled_from("-*+#>`~=|:.1 \tab\n"), max_size=80))
def test_scanner_matches_markdown_it_on_markdown_punctuation(body: str) -> None:
    _agree("---\na: 1\n---\n" + body)


@pytest.mark.parametrize("seed", range(20))
def test_scanner_reads_generated_journeys(seed: int) -> None:
    assert _agree(journey_text(30, seed=seed))


def test_every_example_journey_and_persona_takes_the_fast_path() -> None:
    files = sorted((REPO / "content" / "journeys").glob("*.md")) + sorted((REPO / "content" / "personas").glob("*.md"))
    assert files
    for path in files:
        assert _agree(path.read_text(encoding="utf-8")), path


def test_every_fixture_agrees_or_falls_back() -> None:
    answered = 0
    for path in sorted((REPO / "tests" / "fixtures").rglob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")
        answered += _agree(text)
    assert answered > 10


def test_document_falls_back_for_a_table() -> None:
    text = "---\ntitle: x\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert scan(text.split("\n")) is None
    document, problems = read_document(text, "f.md")
    assert not problems
    assert [block.type for block in document.blocks] == ["table"]
    assert document.blocks[0].map == (4, 7)
