"""HTML that goes into a page after the engine has built it: maps, step details, tables.

An engine's Markdown parses every HTML block of a page, tag by tag, and its search
parses the page's HTML once more; a journey page is mostly such blocks. So the docs
tree gives the engine a slot for each (``<div class="jm-slot" …>``, holding the block's
words as one paragraph for search, or nothing), keeps the block itself in a file per
page, and ``fill`` puts it in place in the page the engine wrote. Without a folder the
blocks go straight into the page: a tree that stands alone.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from generator.site.html import e

__all__ = ["SEARCH_WORDS", "SLOT", "PageSlots", "fill", "search_words"]

SEARCH_WORDS = 1000
"""The most words of one block that go into the engine's search index. Zensical refuses
to build a large site whose index holds a longer text in one section (at 1,000 journeys,
one of more than 16,384 words or bytes); the block itself is on the page in full."""
_SEARCH_CHARACTERS = 8 * SEARCH_WORDS


def search_words(words: str) -> str:
    """``words`` cut to ``SEARCH_WORDS`` words and eight characters a word."""
    if len(words) <= _SEARCH_CHARACTERS // 2:  # nearly every block: short enough as it is
        return words
    kept = " ".join(words.split(maxsplit=SEARCH_WORDS)[:SEARCH_WORDS])
    return kept[:_SEARCH_CHARACTERS]


SLOT = re.compile(r'<div class="jm-slot" data-jm="([0-9a-f]{16})x(\d+)" data-v="[0-9a-f]{8}">(?:<p>[^<]*</p>)?</div>')
"""A slot as ``PageSlots`` writes it: the page's key, the block's number, a hash of the
block (so a page's Markdown changes with its blocks, and MkDocs' preview, which
rebuilds only changed pages, rebuilds it after a template edit), its words."""


class PageSlots:
    """The slots of one page; ``folder`` ``None`` puts every block in the page itself."""

    def __init__(self, folder: Path | None, src_uri: str) -> None:
        self.folder = folder
        self.key = hashlib.sha256(src_uri.encode("utf-8")).hexdigest()[:16]
        self.blocks: list[str] = []
        self.saved: bytes | None = None
        """The blocks as the slot file holds them, when they are known so already (a page
        read from the disk cache): saving them needs no encoding."""

    def __call__(self, html: str, words: str = "") -> str:
        """``html`` now, or a slot for it holding ``words`` (what search should find there,
        at most ``SEARCH_WORDS`` of them). In the page, a block without ``words`` carries
        ``data-search-exclude``, which both engines' search leaves out: a preview's
        insights tables, repeating every step, made Zensical's preview stop."""
        if self.folder is None:  # in the page: a block search should not find is marked so
            return html if words else f"<div data-search-exclude>{html}</div>"
        self.blocks.append(html)
        inner = f"<p>{e(search_words(words))}</p>" if words else ""
        version = hashlib.sha256(html.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        return f'<div class="jm-slot" data-jm="{self.key}x{len(self.blocks) - 1}" data-v="{version}">{inner}</div>'

    def save(self, *, unchanged: bool = False) -> None:
        """Keep the page's blocks for ``fill``; ``unchanged``: they are the blocks this
        folder was given last time (a preview's page that did not change), kept already."""
        if self.folder is not None and (self.blocks or self.saved):
            from generator.site.tree_files import write_if_changed

            path = self.folder / f"{self.key}.json"
            if unchanged and path.is_file():
                return
            write_if_changed(path, self.saved if self.saved is not None else self.encoded())

    def encoded(self) -> bytes:
        """The blocks as the slot file holds them."""
        return json.dumps(self.blocks).encode("utf-8")


def fill(html: str, folder: Path) -> str:
    """A built page with every slot replaced by its block."""
    if "jm-slot" not in html:
        return html
    pages: dict[str, list[str]] = {}

    def block(match: re.Match[str]) -> str:
        key = match[1]
        if key not in pages:
            try:
                found = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
            except (OSError, ValueError):  # gone or damaged (a file of another shape): the slot stays
                found = []
            pages[key] = found if isinstance(found, list) else []
        blocks, index = pages[key], int(match[2])
        return blocks[index] if index < len(blocks) and isinstance(blocks[index], str) else match[0]

    # A block may hold slots of its own (a map inside a page's block): fill until none is left.
    for _ in range(4):
        html = SLOT.sub(block, html)
        if "jm-slot" not in html:
            break
    return html
