"""HTML fragments from what users wrote: prose through markdown-it (raw HTML stays text,
``javascript:`` links are refused), titles and values escaped for their context."""

from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import escape

from generator.clean import clean_text

__all__ = ["e", "inline_html", "markdown_heading", "prose_html"]


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    # html=False: a <script> in a journey is shown as text; markdown-it's link validation
    # already refuses javascript:, vbscript: and data: URLs other than images.
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def e(text: str) -> str:
    """Text escaped for HTML: element content, or a double-quoted attribute. The site's
    templates do the same to every value they print (``generator.site.templates``)."""
    return str(escape(clean_text(text)))


def prose_html(markdown: str) -> str:
    """Block Markdown (scenario, notes, narratives) as safe HTML."""
    return str(_md().render(clean_text(markdown))) if markdown.strip() else ""


_INLINE_SYNTAX = re.compile(r"[*_`\[\]<>!\\&~:@]|^\s|\s$| {2}")


def inline_html(markdown: str) -> str:
    """One line of inline Markdown (a lane value) as safe HTML."""
    if not _INLINE_SYNTAX.search(markdown):  # plain words, the common case: nothing to parse
        return e(markdown)
    return str(_md().renderInline(clean_text(markdown)))


# Not ( and ): escaping them makes \( … \), which arithmatex (on in Zensical's defaults)
# reads as inline maths; without [ ] they cannot form a link anyway.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#+\-.!|~>])")


def markdown_heading(title: str) -> str:
    """A title as Python-Markdown heading text that renders literally: HTML escaped,
    Markdown syntax backslash-escaped."""
    return _MD_SPECIAL.sub(r"\\\1", e(title).replace("&#34;", '"').replace("&#39;", "'"))
