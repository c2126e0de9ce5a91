"""What a journeys site asks of the engine's theme, whatever engine builds it."""

from __future__ import annotations

__all__ = ["theme_defaults"]

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
