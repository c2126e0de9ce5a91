"""What every printed sheet of the workshop kit starts from: its page, its document
settings in the kit's language, a title line with write-in fields, and bold labels whose
type grows with the paper. They are the macros of ``print/macros.typ.j2``, here for
the sheets drawn in Python (the journey canvas, its tiles, the guide)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.labels import Labels
from generator.print.render_print import Paper
from generator.print.typst_templates import Typst, macros

__all__ = ["Sheet", "box", "label", "opening", "page", "prelude", "type_scale"]


@dataclass(frozen=True, slots=True)
class Sheet:
    """One file of the kit: its name and typst source."""

    name: str
    source: str


def page(paper: Paper, *, landscape: bool = True, margin: float | None = None) -> str:
    return str(macros().page(paper, landscape, margin))


def type_scale(paper: Paper) -> float:
    """How much larger a sheet's type is than on A4: 1 on A4 and letter, 1.4 on A3, 2.8 on A1 and up."""
    return min(max(min(paper.width, paper.height) / 210, 1.0), 2.8)


def prelude(say: Labels, sheet_title: str, scale: float = 1.0) -> str:
    return str(macros().prelude(say.language, sheet_title, scale))


def opening(say: Labels, paper: Paper, title: str, fields: tuple[str, ...] = (), *, landscape: bool = True) -> str:
    """What a one-page sheet starts with: its page, document settings and title line."""
    return str(macros().opening(say, paper, title, fields, landscape))


def label(text: str, size: float = 9) -> str:
    """A bold label, ``size`` pt on A4 and as much larger as the sheet's type."""
    return str(macros().label(text, size))


def box(title: str, body: str = "", *, height: str = "1fr", right: bool = False) -> str:
    """A box to write in with its label; ``body`` and ``height`` are typst."""
    return str(macros().box(title, Typst(body), Typst(height), right))
