"""What a journeys site asks of the engine's theme, whatever engine builds it."""

from __future__ import annotations

__all__ = ["MARKDOWN_EXTENSIONS", "SEARCH_SEPARATOR", "search_separator", "theme_defaults"]

MARKDOWN_EXTENSIONS = ("attr_list",)
"""Markdown extensions a journeys page needs: ``attr_list`` gives each step's heading
its step id as anchor (``### 2. Title {#the-step-id}``), and a journey in another
language than the site's its ``lang``. Added to the engine's list when missing."""

_PALETTE = [
    {
        "media": "(prefers-color-scheme: light)",
        "scheme": "default",
        "toggle": {"icon": "material/weather-night", "name": "Switch to dark mode"},
    },
    {
        "media": "(prefers-color-scheme: dark)",
        "scheme": "slate",
        "toggle": {"icon": "material/weather-sunny", "name": "Switch to light mode"},
    },
]


def theme_defaults(given: set[str]) -> dict[str, object]:
    """Theme settings a journeys site gets unless ``mkdocs.yml`` sets them (``given``):
    the bundled font instead of the theme's web font, so no page asks another host for
    anything, and a light and a dark scheme that follow the reader's system."""
    defaults: dict[str, object] = {}
    if "font" not in given:
        defaults["font"] = False
    if "palette" not in given:
        defaults["palette"] = _PALETTE
    return defaults


SEARCH_SEPARATOR = r"""[\s\-_,:;!?=\[\]()\\"'`/‘’‚‛“”„‟«»‹›…–—]+|\.(?!\d)"""
"""Where search splits text into words: spaces and hyphens as the engines' defaults do,
and also punctuation and typographic quotes, so ``‘hoofdbewoner’`` and ``website,``
are found as ``hoofdbewoner`` and ``website``. A point splits unless a digit follows
(``2.5`` stays one word)."""

_DEFAULT_SEPARATORS = (None, "", r"[\s\-]+", r'[\s\-_,:!=\[\]()\\"`/]+|\.(?!\d)')
"""Unset, MkDocs' and mkdocs-material's default, and Zensical's: a site that kept them gets ours."""


def search_separator(current: str | None) -> str | None:
    """The search separator a journeys site uses: ``current`` when the site chose one."""
    return SEARCH_SEPARATOR if current in _DEFAULT_SEPARATORS else current
