"""The block structure of a Markdown file: a small tree with line ranges.

Two ways produce the same tree. ``from_tokens`` turns markdown-it's block tokens into
it and handles all of CommonMark. ``scan`` is a line scanner for the shape journey files
nearly always have (front matter, ATX headings, one-line ``- key: value`` bullets and
plain paragraphs); it is several times faster and returns ``None`` as soon as a line
could mean anything else, so the caller falls back to markdown-it. A test checks that
whenever ``scan`` answers, its tree equals markdown-it's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

__all__ = ["Block", "from_tokens", "scan"]


@dataclass(frozen=True, slots=True)
class Block:
    """One block: ``type`` as markdown-it names it (``heading``, ``bullet_list``,
    ``list_item``, ``paragraph``, ``inline``, ``front_matter``, ``fence``, …), its HTML
    ``tag``, the source lines it spans (``map``, end exclusive), children, and for leaf
    blocks their text."""

    type: str
    tag: str = ""
    map: tuple[int, int] | None = None
    children: tuple[Block, ...] = ()
    content: str = ""


def from_tokens(tokens: Sequence[Token]) -> list[Block]:
    """The tree of a markdown-it block token stream (opening/closing pairs nest)."""
    stack: list[tuple[Token, list[Block]]] = []
    top: list[Block] = []
    for token in tokens:
        siblings = stack[-1][1] if stack else top
        if token.nesting == 1:
            stack.append((token, []))
        elif token.nesting == -1:
            opening, children = stack.pop()
            parent = stack[-1][1] if stack else top
            parent.append(
                Block(opening.type[: -len("_open")], opening.tag, _map(opening), tuple(children), opening.content)
            )
        else:
            siblings.append(Block(token.type, token.tag, _map(token), (), token.content))
    return top


def _map(token: Token) -> tuple[int, int] | None:
    return (token.map[0], token.map[1]) if token.map else None


# Line shapes the scanner understands. Anything else sends the file to markdown-it.
_HEADING = re.compile(r"(#{1,6}) +(\S.*)")
_ITEM = re.compile(r"([-*+]) {1,4}(\S.*)")
_ORDERED = re.compile(r"\d{1,9}[.)](?:[ \t]|$)")
_BLANK = re.compile(r"[ \t]*")


def _is_blank(line: str) -> bool:
    return _BLANK.fullmatch(line) is not None


def _is_paragraph_line(line: str) -> bool:
    first = line[0]
    return first.isalpha() or (first.isdigit() and _ORDERED.match(line) is None)


def _front_matter(lines: list[str]) -> int | None:
    """Index of the line that closes the front matter, or ``None`` if unsure."""
    if not lines or lines[0] != "---":
        return None
    for index in range(1, len(lines)):
        line = lines[index]
        if line == "---":
            return index
        stripped = line.lstrip(" ")
        if stripped.startswith("\t") or line.startswith("..."):
            return None
        if stripped.startswith("---") and _is_blank(stripped.lstrip("-")):
            return None
    return None


def _inline(content: str, start: int, end: int) -> Block:
    return Block("inline", "", (start, end), (), content)


def scan(lines: list[str]) -> list[Block] | None:
    """The blocks of a file split into ``lines``, or ``None`` when markdown-it must decide."""
    close = _front_matter(lines)
    if close is None:
        return None
    total = len(lines)
    if total and _is_blank(lines[-1]):
        total -= 1  # after the last newline: not a line of its own (as in markdown-it)
    blocks: list[Block] = [Block("front_matter", "", (0, close + 1), (), "\n".join(lines[1:close]))]
    index = close + 1
    while index < total:
        line = lines[index]
        if _is_blank(line):
            index += 1
            continue
        heading = _HEADING.fullmatch(line)
        if heading is not None:
            text = heading[2].strip()
            if text.endswith("#"):
                return None
            tag = f"h{len(heading[1])}"
            blocks.append(Block("heading", tag, (index, index + 1), (_inline(text, index, index + 1),)))
            index += 1
            continue
        if _ITEM.fullmatch(line) is not None:
            found = _bullet_list(lines, index, total)
            if found is None:
                return None
            block, index = found
            blocks.append(block)
            continue
        if not _is_paragraph_line(line):
            return None
        end = index + 1
        while end < total and not _is_blank(lines[end]):
            following = lines[end]
            if _HEADING.fullmatch(following) is not None or _ITEM.fullmatch(following) is not None:
                break
            if not _is_paragraph_line(following):
                return None
            end += 1
        text = "\n".join(lines[index:end]).strip()
        blocks.append(Block("paragraph", "p", (index, end), (_inline(text, index, end),)))
        index = end
    return blocks


def _bullet_list(lines: list[str], start: int, total: int) -> tuple[Block, int] | None:
    """A list of one-line items sharing one marker, from ``start``; ``None`` if unsure."""
    marker = lines[start][0]
    items: list[Block] = []
    index = start
    while True:
        match = _ITEM.fullmatch(lines[index])
        if match is None or match[1] != marker:
            break
        text = match[2].strip()
        if not text[0].isalpha():
            return None
        after = index + 1
        while after < total and _is_blank(lines[after]):
            after += 1
        if after == index + 1 and after < total:
            following = lines[after]
            # A line right under an item continues it (lazily) unless it starts a block.
            if _HEADING.fullmatch(following) is None and _ITEM.fullmatch(following) is None:
                return None
        paragraph = Block("paragraph", "p", (index, index + 1), (_inline(text, index, index + 1),))
        items.append(Block("list_item", "li", (index, after), (paragraph,)))
        index = after
        if index >= total:
            break
    return Block("bullet_list", "ul", (start, index), tuple(items)), index
