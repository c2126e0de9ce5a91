"""The way back from the wall: a blank transcript that lists every cell id of the blank
canvas, and the transcription sheet that tells the scribe what each column and lane name
means. Both use the words ``import csv`` reads (``generator.cells``)."""

from __future__ import annotations

import csv
import io

from generator.cells import format_cell, printed_fields
from generator.config import Settings
from generator.labels import Labels
from generator.print.canvas_plan import CanvasPlan, row_field, row_label
from generator.print.render_print import Paper
from generator.print.sheet_base import Sheet
from generator.print.typst_markup import markdown_to_typst
from generator.print.typst_templates import Typst, render_typst

__all__ = ["TRANSCRIPT_COLUMNS", "blank_transcript", "transcription_sheet"]

TRANSCRIPT_COLUMNS: dict[str, tuple[str, ...]] = {
    "en": (
        "cell",
        "text",
        "feeling",
        "stage",
        "step",
        "lane",
        "touchpoint",
        "channel",
        "owner",
        "type",
        "desired result",
        "how measured",
        "how often",
        "improvement",
        "date",
    ),
    "nl": (
        "cel",
        "tekst",
        "gevoel",
        "fase",
        "stap",
        "baan",
        "contactmoment",
        "kanaal",
        "eigenaar",
        "soort",
        "gewenst resultaat",
        "hoe gemeten",
        "hoe vaak",
        "verbetering",
        "datum",
    ),
}
"""The blank transcript's columns: a canvas note needs cell and text; the others take the
rows typed from the inventory, KPI sheet and improvements strip."""
_JOURNEY_ROWS = {
    "en": ("title", "persona", "owner", "expectations"),
    "nl": ("titel", "persona", "eigenaar", "verwachtingen"),
}


def _cell_ids(plan: CanvasPlan, language: str) -> list[str]:
    ids = []
    for stage in plan.stages:
        ids += [format_cell(stage.number, None, "stage", language), format_cell(stage.number, None, "goal", language)]
        for step in stage.steps:
            for row in plan.rows:
                field = row_field(row)
                if field:
                    ids.append(format_cell(stage.number, step.number, field, language))
    return ids


def blank_transcript(plan: CanvasPlan, language: str) -> bytes:
    """The transcript to fill in: the journey's own rows, then a row for every cell of the
    canvas. Dutch sheets are ``;``-separated, as Dutch Excel opens them; both start with a
    byte order mark, by which spreadsheets know the file is UTF-8."""
    columns = TRANSCRIPT_COLUMNS[language]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if language == "nl" else ",", lineterminator="\r\n")
    writer.writerow(columns)
    lane = columns.index("lane" if language == "en" else "baan")
    for name in _JOURNEY_ROWS[language]:
        row = [""] * len(columns)
        row[lane] = name
        writer.writerow(row)
    for ident in _cell_ids(plan, language):
        writer.writerow([ident] + [""] * (len(columns) - 1))
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def transcription_sheet(settings: Settings, say: Labels, paper: Paper, markdown: str, rows: tuple[str, ...]) -> Sheet:
    """The scribe's instructions (``markdown``), then every lane name the importer reads,
    as the canvas prints it and as the cell id writes it (``print/transcription-sheet.typ.j2``)."""
    language = say.language
    spellings = printed_fields()
    lanes = []
    for row in ("stage", "goal", *rows):
        field = row_field(row)
        if not field:
            continue
        example = format_cell(2, None if field in ("stage", "goal") else 2, field, language)
        others = ", ".join(sorted(set(spellings.get(field, ())) - {example.rsplit(".", 1)[-1]})[:6])
        lanes.append((say(row_label(row)), example, others))
    source = render_typst(
        settings.theme_dir,
        "transcription-sheet",
        say=say,
        paper=paper,
        title=say("kit.transcription"),
        body=Typst(markdown_to_typst(markdown)),
        checklist=False,
        lanes=lanes,
    )
    return Sheet("transcription-sheet", source)
