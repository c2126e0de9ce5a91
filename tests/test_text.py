"""Text measurement and wrapping with the bundled font metrics."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.draw.text import InterMetrics, plain_text, wrap

MEASURE = InterMetrics()


def test_widths_scale_with_size_and_weight() -> None:
    regular = MEASURE.width("Searches tours", 10)
    assert MEASURE.width("Searches tours", 20) == 2 * regular
    assert MEASURE.width("Searches tours", 10, bold=True) > regular
    assert MEASURE.width("", 12) == 0
    assert MEASURE.width("iiii", 12) < MEASURE.width("MMMM", 12)


def test_unknown_characters_are_assumed_wide() -> None:
    assert MEASURE.width("中", 10) == 10  # a full-width character is one em
    assert MEASURE.width("e\u0301", 10) == MEASURE.width("e", 10)  # a combining accent takes no room


@given(
    st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=200),
    st.floats(min_value=20, max_value=400),
    st.sampled_from([11.0, 12.5, 14.0]),
    st.booleans(),
)
def test_wrapped_lines_fit_and_keep_every_character(text: str, width: float, size: float, bold: bool) -> None:
    lines = wrap(text, width, size, MEASURE, bold)
    assert "".join("".join(lines).split()) == "".join(text.split())
    for line in lines:
        assert line == line.strip()
        assert MEASURE.width(line, size, bold) <= width or len(line) == 1


def test_wrap_prefers_word_boundaries() -> None:
    lines = wrap("Scrolls through a long list of tours", 120, 12.5, MEASURE)
    assert lines == ["Scrolls through a", "long list of tours"]


def test_plain_text() -> None:
    assert plain_text("Use *filters* and [links](https://x.org)") == "Use filters and links"
    assert plain_text("`code` and <b>html</b> & more") == "code and <b>html</b> & more"
    assert plain_text("no markup at all") == "no markup at all"
