"""What every printed sheet of the workshop kit starts from: its page, its document
settings in the kit's language, a title line with write-in fields, and bold labels whose
type grows with the paper."""

from __future__ import annotations

from dataclasses import dataclass

from generator.labels import Labels
from generator.print.render_print import Paper
from generator.print.typst_markup import tstr

__all__ = ["Sheet", "box", "label", "opening", "page", "prelude", "type_scale"]


@dataclass(frozen=True, slots=True)
class Sheet:
    """One file of the kit: its name and typst source."""

    name: str
    source: str


def page(paper: Paper, *, landscape: bool = True, margin: float | None = None) -> str:
    width, height = (paper.width, paper.height) if landscape else (paper.height, paper.width)
    edge = paper.margin if margin is None else margin
    return f"#set page(width: {width}mm, height: {height}mm, margin: {edge}mm)\n"


def type_scale(paper: Paper) -> float:
    """How much larger a sheet's type is than on A4: 1 on A4 and letter, 1.4 on A3, 2.8 on A1 and up."""
    return min(max(min(paper.width, paper.height) / 210, 1.0), 2.8)


def prelude(say: Labels, sheet_title: str, scale: float = 1.0) -> str:
    return (
        f'#set text(font: "Inter", size: {10 * scale:.1f}pt, lang: "{say.language}", fill: luma(20))\n'
        f'#show raw: set text(lang: "{say.language}")\n'  # code would be tagged English otherwise
        "#set par(justify: false)\n"
        f"#set document(title: {tstr(sheet_title)})\n"
    )


def opening(say: Labels, paper: Paper, title: str, fields: tuple[str, ...] = (), *, landscape: bool = True) -> str:
    """What a one-page sheet starts with: its page, document settings and title line."""
    return page(paper, landscape=landscape) + prelude(say, title, type_scale(paper)) + _header(say, title, fields)


def _header(say: Labels, title: str, fields: tuple[str, ...] = ()) -> str:
    """The sheet's title and write-in fields (journey, date) in one line."""
    writein = "".join(
        f"#h(1fr)#text(size: 0.9em)[#{tstr(label)}: #box(width: 14em, stroke: (bottom: 0.5pt + luma(90)))[]]"
        for label in fields
    )
    return (
        f"#text(size: 1.6em, weight: 700)[#{tstr(title)}]{writein}\n"
        f"#v(-0.5em)#text(size: 0.7em, fill: luma(90))[#{tstr(say('kit.title'))}]\n#v(0.5em)\n"
    )


def label(text: str, size: float = 9) -> str:
    """A bold label, ``size`` pt on A4 and as much larger as the sheet's type."""
    return f"#text(size: {size / 10:.2f}em, weight: 700)[#{tstr(text)}]"


def box(title: str, body: str = "", *, height: str = "1fr", right: bool = False) -> str:
    heading = f"#align(right)[{label(title)}]" if right else f"{label(title)}#linebreak()"
    return f"rect(width: 100%, height: {height}, stroke: 0.6pt + luma(80), inset: 0.9em)[{heading}{body}]"
