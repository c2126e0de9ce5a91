"""Regenerate ``generator/draw/font_metrics.py`` from the bundled font files.

Run after replacing a font in ``generator/fonts/``:

    python scripts/make_font_metrics.py

Needs fontTools (``pip install fonttools``); the package itself does not.
"""

from __future__ import annotations

from pathlib import Path

from fontTools.ttLib import TTFont

FONTS = Path(__file__).resolve().parent.parent / "generator" / "fonts"
OUT = FONTS.parent / "draw" / "font_metrics.py"
FACES = {"regular": "Inter-Regular.otf", "bold": "Inter-Bold.otf"}


def widths(path: Path) -> tuple[int, dict[int, int]]:
    font = TTFont(path)
    units = font["head"].unitsPerEm
    metrics = font["hmtx"].metrics
    cmap = font.getBestCmap()
    return units, {code: metrics[glyph][0] for code, glyph in sorted(cmap.items())}


def main() -> None:
    lines = [
        '"""Advance widths of the bundled Inter faces, in font units; generated, do not edit.',
        "",
        "Regenerate with ``python scripts/make_font_metrics.py``.",
        '"""',
        "",
    ]
    for face, name in FACES.items():
        units, table = widths(FONTS / name)
        lines.append(f"{face.upper()}_UNITS_PER_EM = {units}")
        # Runs of consecutive code points share one line: compact and diff-friendly.
        lines.append(f"{face.upper()}: dict[int, int] = {{")
        row: list[str] = []
        for code, width in table.items():
            row.append(f"{code}: {width}")
            if len(row) == 8:
                lines.append("    " + ", ".join(row) + ",")
                row = []
        if row:
            lines.append("    " + ", ".join(row) + ",")
        lines.append("}")
        lines.append("")
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
