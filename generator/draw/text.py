"""Measuring and wrapping text with the bundled font's metrics, without a browser.

Widths ignore kerning, which only ever narrows text: wrapped lines can come out a
little short of the measured width, never over it.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Protocol

__all__ = ["InterMetrics", "TextMeasurer", "actor_names", "plain_text", "wrap"]


class TextMeasurer(Protocol):
    """Anything that can tell how wide a line of text is, in px."""

    def width(self, text: str, size: float, bold: bool = False) -> float: ...


class InterMetrics:
    """Widths from the advance-width table of the bundled Inter faces."""

    def __init__(self) -> None:
        from generator.draw import font_metrics

        self._regular = font_metrics.REGULAR
        self._bold = font_metrics.BOLD
        self._units = float(font_metrics.REGULAR_UNITS_PER_EM)
        # Characters the font lacks are drawn by a fallback font: assume a wide glyph.
        self._fallback = self._regular[ord("M")]
        # Word widths in font units, one table per weight.
        self._cache: dict[bool, dict[str, int]] = {False: {}, True: {}}

    def _advance(self, char: str, table: dict[int, int]) -> int:
        code = ord(char)
        found = table.get(code)
        if found is not None:
            return found
        if unicodedata.combining(char) or unicodedata.category(char) in ("Cf", "Mn", "Me"):
            return 0
        if unicodedata.east_asian_width(char) in ("W", "F"):
            return int(self._units)
        return self._fallback

    def units(self, text: str, bold: bool = False) -> int:
        """Width of ``text`` in font units (independent of size); words are cached."""
        cache = self._cache[bold]
        cached = cache.get(text)
        if cached is not None:
            return cached
        table = self._bold if bold else self._regular
        get = table.get
        total = 0
        for char in text:
            advance = get(ord(char))
            total += advance if advance is not None else self._advance(char, table)
        if len(cache) > 200_000:  # bounded: a long-running server never grows without end
            cache.clear()
        cache[text] = total
        return total

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return self.units(text, bold) * size / self._units

    def wrap_fast(self, words: list[str], width: float, size: float, bold: bool) -> list[str] | None:
        """``wrap`` in font units with cached word widths; ``None`` if a word needs breaking."""
        limit = width * self._units / size
        cache = self._cache[bold]
        space = self.units(" ", bold)
        lines: list[str] = []
        start = 0
        used = -space
        for index, word in enumerate(words):
            w = cache.get(word)
            if w is None:
                w = self.units(word, bold)
            if w > limit:
                return None
            used += space + w
            if used > limit and index > start:
                lines.append(" ".join(words[start:index]))
                start, used = index, w
        lines.append(" ".join(words[start:]))
        return lines


def wrap(text: str, width: float, size: float, measurer: TextMeasurer, bold: bool = False) -> list[str]:
    """Greedy word wrap to ``width`` px; a word longer than a line is broken between characters."""
    words = text.split()
    if not words:
        return []
    if isinstance(measurer, InterMetrics):
        fast = measurer.wrap_fast(words, width, size, bold)
        if fast is not None:
            return fast
    space = measurer.width(" ", size, bold)
    lines: list[str] = []
    current = ""
    current_width = 0.0
    for word in words:
        word_width = measurer.width(word, size, bold)
        if current and current_width + space + word_width <= width:
            current += " " + word
            current_width += space + word_width
            continue
        if current:
            lines.append(current)
        if word_width <= width:
            current, current_width = word, word_width
            continue
        pieces = _break_word(word, width, size, measurer, bold)
        lines.extend(pieces[:-1])
        current = pieces[-1]
        current_width = measurer.width(current, size, bold)
    lines.append(current)
    return lines


def _break_word(word: str, width: float, size: float, measurer: TextMeasurer, bold: bool) -> list[str]:
    pieces: list[str] = []
    piece = ""
    for char in word:
        if piece and measurer.width(piece + char, size, bold) > width:
            pieces.append(piece)
            piece = char
        else:
            piece += char
    pieces.append(piece)
    return pieces


_MARKUP = re.compile(r"[*_`\[\]<>!\\&~]")


def plain_text(inline: str) -> str:
    """Inline Markdown as the text a reader sees: ``*a* [b](c)`` → ``a b``. HTML stays literal."""
    if _MARKUP.search(inline) is None:  # most values: no cache needed to say so
        return inline
    return _parsed_plain_text(inline)


@lru_cache(maxsize=4096)
def _parsed_plain_text(inline: str) -> str:
    from generator.read.document import inline_parser

    tokens = inline_parser().parseInline(inline)
    out: list[str] = []
    for token in tokens:
        for child in token.children or ():
            if child.type in ("text", "code_inline", "html_inline"):
                out.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                out.append(" ")
            elif child.type == "image":
                out.append(child.content)
    return " ".join("".join(out).split())


def actor_names(values: tuple[str, ...] | list[str]) -> list[str]:
    """The people and parties of a step's ``actors`` lanes, as plain text: each lane is a
    comma-separated list, and a name given twice is shown once."""
    names: list[str] = []
    for value in values:
        for part in plain_text(value).split(","):
            name = " ".join(part.split())
            if name and name not in names:
                names.append(name)
    return names
