"""The map's colours for light and dark schemes, and the CSS that applies them.

One table feeds the SVG's presentation attributes (light scheme, for viewers without
CSS such as the PDF renderer), the standalone SVG's style, and the site's stylesheet.
Tests check every text/background pair against WCAG AA.
"""

from __future__ import annotations

__all__ = ["CLASS_RULES", "FONT_STACK", "PALETTE", "SERIES", "contrast", "map_css"]

FONT_STACK = "Inter, 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif"

PALETTE: dict[str, dict[str, str]] = {
    "light": {
        "bg": "#ffffff",
        "fg": "#1f2328",
        "muted": "#555f6b",
        "lane": "#f4f6f8",
        "cell": "#ffffff",
        "border": "#c9d1d9",
        "band0": "#e3ecf7",
        "band1": "#ebeef2",
        "curve": "#3d4650",
        "axis": "#77808a",
        "neg": "#b04a00",
        "neutral": "#5b6470",
        "pos": "#0a5fa3",
        "pain": "#b04a00",
        "opportunity": "#1a7238",
        "star": "#8a5d00",
        "on-accent": "#ffffff",
        "series0": "#0a5fa3",
        "series1": "#b04a00",
        "series2": "#1a7238",
        "series3": "#7a3f9d",
        "series4": "#3d4650",
    },
    "dark": {
        "bg": "#0f1419",
        "fg": "#e6edf3",
        "muted": "#a3adb8",
        "lane": "#151b22",
        "cell": "#1b222b",
        "border": "#3a434e",
        "band0": "#1b2a40",
        "band1": "#212831",
        "curve": "#c9d1d9",
        "axis": "#6e7781",
        "neg": "#c4510c",
        "neutral": "#6b7480",
        "pos": "#2a6fc9",
        "pain": "#c4510c",
        "opportunity": "#23803f",
        "star": "#e0a82e",
        "on-accent": "#ffffff",
        "series0": "#5aa2e6",
        "series1": "#e07a3a",
        "series2": "#4cb36a",
        "series3": "#b98ad9",
        "series4": "#c9d1d9",
    },
}

SERIES = 5
"""How many curves a chart tells apart by colour; line pattern and marker shape go on."""

# class -> (property, palette role); the template puts the same light colour in attributes.
CLASS_RULES: dict[str, tuple[tuple[str, str], ...]] = {
    "jm-bg": (("fill", "bg"),),
    "jm-lane-band": (("fill", "lane"),),
    "jm-cell": (("fill", "cell"), ("stroke", "border")),
    "jm-band-0": (("fill", "band0"),),
    "jm-band-1": (("fill", "band1"),),
    "jm-fg": (("fill", "fg"),),
    "jm-muted": (("fill", "muted"),),
    "jm-curve": (("stroke", "curve"),),
    "jm-axis": (("stroke", "axis"),),
    "jm-visibility": (("stroke", "muted"),),
    "jm-glyph": (("stroke", "muted"),),
    "jm-neg": (("fill", "neg"),),
    "jm-neutral": (("fill", "neutral"),),
    "jm-pos": (("fill", "pos"),),
    "jm-pain": (("fill", "pain"),),
    "jm-opportunity": (("fill", "opportunity"),),
    "jm-star": (("fill", "star"),),
    "jm-on-accent": (("fill", "on-accent"),),
    "jm-number": (("fill", "fg"),),
    "jm-on-number": (("fill", "bg"),),
    "jm-primary": (("stroke", "fg"),),
    "jm-word": (("stroke", "lane"),),
    "jm-chip": (("fill", "lane"), ("stroke", "muted")),
    **{f"jm-series-{i}": (("stroke", f"series{i}"),) for i in range(5)},
    **{f"jm-marker-{i}": (("fill", f"series{i}"), ("stroke", "bg")) for i in range(5)},
}


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)


def contrast(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours."""
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def _is_series(name: str) -> bool:
    return name.startswith(("series", "jm-series-", "jm-marker-"))


def _variables(scheme: str, series: bool) -> str:
    return "".join(f"--jm-{role}:{value};" for role, value in PALETTE[scheme].items() if series or not _is_series(role))


def map_css(
    *, dark_selector: str | None = None, media_dark: bool = False, page_scope: bool = False, series: bool = False
) -> str:
    """CSS for maps: variables for the light scheme, rules per class, and a dark scheme.

    ``dark_selector`` switches to dark under an ancestor (the site's slate scheme);
    ``media_dark`` follows the operating system (a standalone SVG opened on its own);
    ``page_scope`` defines the colours for a whole page too, not only inside maps;
    ``series`` adds the colours of the curves of charts of several journeys.
    """
    rules = [f"svg.jm-map{{{_variables('light', series)}font-family:{FONT_STACK}}}"]
    if page_scope:  # badges, cards and tables of the site use the same colours
        rules.insert(0, f":root{{{_variables('light', series)}}}")
    for cls, props in CLASS_RULES.items():
        if _is_series(cls) and not series:
            continue
        body = "".join(f"{prop}:var(--jm-{role});" for prop, role in props)
        rules.append(f"svg.jm-map .{cls}{{{body}}}")
    rules.append("svg.jm-map .jm-step:focus{outline:none}")
    rules.append("svg.jm-map .jm-step:focus .jm-cell,svg.jm-map .jm-step:hover .jm-cell{stroke:var(--jm-fg)}")
    if dark_selector:
        rules.append(f"{dark_selector},{dark_selector} svg.jm-map{{{_variables('dark', series)}}}")
    if media_dark:
        rules.append(f"@media (prefers-color-scheme: dark){{svg.jm-map{{{_variables('dark', series)}}}}}")
    return "\n".join(rules)
