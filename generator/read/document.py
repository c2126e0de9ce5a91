"""Splitting a Markdown file into its front matter and a block tree with line numbers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from generator.errors import Problem, problem
from generator.model import Location
from generator.read.blocks import Block, from_tokens, scan

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

__all__ = ["Block", "Document", "block_text", "read_document"]


@dataclass(frozen=True, slots=True)
class Document:
    """A file's front matter (``None`` if absent or unclosed) and its top-level blocks."""

    path: str
    lines: tuple[str, ...]
    front_matter: str | None
    front_matter_line: int  # file line of the first YAML line
    blocks: tuple[Block, ...]


# markdown-it is imported only when a file needs it: most journey files are read by the
# line scanner, and importing it would be a sixth of `journeymap render`'s time.


@lru_cache(maxsize=1)
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    # Tables and strikethrough as in GitHub; raw HTML stays text (never interpreted).
    return MarkdownIt("commonmark", {"html": False}).use(front_matter_plugin).enable(["table", "strikethrough"])


@lru_cache(maxsize=1)
def _blocks() -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    # Reading a file needs its blocks and their lines; inline content is kept as source
    # text and parsed only where it is shown, so the inline pass is skipped here.
    parser = MarkdownIt("commonmark", {"html": False}).use(front_matter_plugin).enable(["table", "strikethrough"])
    return parser.disable("inline")


def inline_parser() -> MarkdownIt:
    """The parser that reads lane values and titles as inline Markdown."""
    return _markdown()


def read_document(text: str, path: str) -> tuple[Document, list[Problem]]:
    """Parse ``text``; report a missing or unclosed front matter at line 1."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    scanned = scan(lines)
    blocks = scanned if scanned is not None else from_tokens(_blocks().parse(text))
    problems: list[Problem] = []
    front_matter: str | None = None
    if blocks and blocks[0].type == "front_matter":
        front_matter = blocks.pop(0).content
    else:
        first = text.split("\n", 1)[0].rstrip()
        start = Location(path=path, line=1, column=1)
        if first == "---":
            problems.append(problem(start, "E202", "front matter opened with '---' is never closed"))
        else:
            problems.append(problem(start, "E201", "file does not start with front matter ('---')"))
    document = Document(
        path=path,
        lines=tuple(lines),
        front_matter=front_matter,
        front_matter_line=2,
        blocks=tuple(blocks),
    )
    return document, problems


def block_text(document: Document, blocks: list[Block]) -> str:
    """The source Markdown of ``blocks`` as written, one blank line between blocks."""
    parts = []
    for block in blocks:
        if block.map is not None:
            start, end = block.map
            parts.append("\n".join(document.lines[start:end]).strip("\n"))
    return "\n\n".join(part for part in parts if part.strip())
