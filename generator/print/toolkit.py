"""The workshop kit: printable canvases, worksheets, cards and the facilitation guide.

Every sheet is typst source built here (user text only ever as typst string literals),
compiled with the bundled fonts into a PDF, and into the SVGs behind it. Everything is
black, white and grey, so it photocopies well; margins suit office printers. File names
are stable whatever the language.
"""

from __future__ import annotations

from pathlib import Path

from generator.config import Settings
from generator.labels import Labels
from generator.model import Persona
from generator.print.canvas import canvas_block
from generator.print.canvas_plan import CanvasPlan, blank_plan, fit_to, lay_out
from generator.print.render_print import PAPERS, Paper, typst_compile, typst_pages
from generator.print.sheet_base import Sheet, page, prelude
from generator.print.tiles import tiled_source
from generator.print.transcript_kit import blank_transcript, transcription_sheet
from generator.print.typst_markup import markdown_to_typst
from generator.print.typst_templates import Typst, render_typst
from generator.print.worksheets import (
    emotion_cards,
    empathy_map,
    kpi_sheet,
    persona_canvas,
    prioritisation_matrix,
    stakeholder_map,
    touchpoint_inventory,
)

__all__ = ["KIT_FILES", "Sheet", "build_kit"]

KIT_FILES = (
    "journey-canvas.pdf",
    "journey-canvas-overview.pdf",
    "persona-canvas.pdf",
    "empathy-map.pdf",
    "stakeholder-map.pdf",
    "touchpoint-inventory.pdf",
    "emotion-cards.pdf",
    "prioritisation-matrix.pdf",
    "kpi-sheet.pdf",
    "validation-checklist.pdf",
    "transcription-sheet.pdf",
    "transcript.csv",
    "facilitation-guide.pdf",
)


def _canvas_title(say: Labels, plan: CanvasPlan) -> str:
    return say("kit.journey-canvas") + (f": {plan.title}" if plan.title else "")


def journey_canvas(say: Labels, paper: Paper, plan: CanvasPlan, name: str = "journey-canvas") -> Sheet:
    """The canvas as a wall poster of sticky-note cells, tiled over sheets of ``paper``."""
    layout = lay_out(plan)
    title = _canvas_title(say, plan)
    return Sheet(name, tiled_source(canvas_block(layout, say), layout.width, layout.height, paper, say, title))


def overview_canvas(say: Labels, paper: Paper, plan: CanvasPlan, name: str = "journey-canvas-overview") -> Sheet:
    """The same canvas on one sheet of ``paper``, for pen work."""
    width, height = paper.width - 2 * paper.margin, paper.height - 2 * paper.margin
    layout = fit_to(plan, width, height)
    title = _canvas_title(say, plan)
    block = canvas_block(layout, say)
    shrink = min(1.0, width / layout.width, height / layout.height)
    if shrink < 1:  # a journey with more text than the sheet holds even in small type
        block = f"scale(x: {shrink * 100:.3f}%, y: {shrink * 100:.3f}%, origin: top + left, reflow: true)[#{block}]"
    return Sheet(name, page(paper) + prelude(say, title) + "#" + block + "\n")


def _document(
    settings: Settings, say: Labels, paper: Paper, title: str, markdown: str, *, checklist: bool = False
) -> str:
    """A document of the kit from ``print/document.typ.j2``; the language is set before the
    footer, so every text of the PDF is tagged with it, and table rows never split over
    two pages (an agenda row stays whole)."""
    body = Typst(markdown_to_typst(markdown))
    return render_typst(
        settings.theme_dir, "document", say=say, paper=paper, title=title, body=body, checklist=checklist
    )


KIT_SOURCES = Path(__file__).resolve().parent / "kit"
"""The kit's texts as journeymap ships them: the facilitation guide and the validation
checklist, in English and Dutch. A project's ``toolkit/`` folder overrides any of them."""


def kit_texts(toolkit_dir: Path | None) -> dict[str, str]:
    """File name → text of every kit source: journeymap's, each replaced by the project's
    file of the same name in ``toolkit_dir`` when there is one."""
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted(KIT_SOURCES.glob("*.md"))}
    if toolkit_dir is not None and toolkit_dir.is_dir():
        texts.update((path.name, path.read_text(encoding="utf-8")) for path in sorted(toolkit_dir.glob("*.md")))
    return texts


def _source_text(texts: dict[str, str], stem: str, language: str) -> str:
    return texts.get(f"{stem}.{language}.md") or texts[f"{stem}.en.md"]


def kit_sheets(
    settings: Settings,
    personas: list[Persona],
    toolkit_dir: Path | None,
    *,
    paper: Paper,
    stages: int = 5,
    steps: int = 2,
    journeys: tuple[CanvasPlan, ...] = (),
) -> list[Sheet]:
    """Every sheet of the kit for these settings, personas and paper (texts: ``kit_texts``):
    a blank canvas of ``stages`` × ``steps``, and a filled one for each of ``journeys``."""
    say = Labels(settings.language)
    texts = kit_texts(toolkit_dir)
    small = PAPERS["letter"] if paper.name in ("letter", "tabloid") else PAPERS["A4"]
    blank = blank_plan(settings, stages, steps)
    return [
        journey_canvas(say, paper, blank),
        overview_canvas(say, paper, blank),
        *(journey_canvas(say, paper, plan, f"validation-{plan.journey_id}") for plan in journeys),
        *(overview_canvas(say, paper, plan, f"validation-{plan.journey_id}-overview") for plan in journeys),
        persona_canvas(settings, say, paper),
        *(persona_canvas(settings, say, paper, persona) for persona in sorted(personas, key=lambda p: p.id)),
        empathy_map(settings, say, paper),
        stakeholder_map(settings, say, paper),
        touchpoint_inventory(settings, say, small),
        emotion_cards(settings, say, small),
        prioritisation_matrix(settings, say, paper),
        kpi_sheet(settings, say, small),
        Sheet(
            "validation-checklist",
            _document(
                settings,
                say,
                small,
                say("kit.checklist"),
                _source_text(texts, "checklist", say.language),
                checklist=True,
            ),
        ),
        transcription_sheet(settings, say, small, _source_text(texts, "transcription", say.language), blank.rows),
        Sheet(
            "facilitation-guide",
            _document(settings, say, small, say("kit.guide"), _source_text(texts, "guide", say.language)),
        ),
    ]


def build_kit(
    settings: Settings,
    personas: list[Persona],
    toolkit_dir: Path | None,
    *,
    paper: Paper,
    stages: int = 5,
    steps: int = 2,
    journeys: tuple[CanvasPlan, ...] = (),
    with_svg: bool = True,
) -> dict[str, bytes]:
    """File name → content for the whole kit: PDFs, and SVGs of their pages in ``svg/``."""
    out: dict[str, bytes] = {}
    sheets = kit_sheets(settings, personas, toolkit_dir, paper=paper, stages=stages, steps=steps, journeys=journeys)
    say = Labels(settings.language)
    out["transcript.csv"] = blank_transcript(blank_plan(settings, stages, steps), say.language)
    for sheet in sheets:
        out[f"{sheet.name}.pdf"] = typst_compile(sheet.source, {})
        if with_svg:
            for index, page in enumerate(typst_pages(sheet.source, fmt="svg"), start=1):
                out[f"svg/{sheet.name}-{index}.svg"] = page
    return out
