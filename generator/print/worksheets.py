"""The kit's worksheets: persona canvas, empathy map, stakeholder map, touchpoint
inventory, KPI sheet, emotion cards and prioritisation matrix. Everything is black,
white and grey, so it photocopies well; user text only ever as typst string literals."""

from __future__ import annotations

from generator.cells import format_cell
from generator.config import Settings
from generator.labels import Labels
from generator.model import Persona
from generator.print.canvas import FIT, score_label
from generator.print.render_print import Paper
from generator.print.sheet_base import Sheet, type_scale
from generator.print.typst_templates import Typst, render_typst

__all__ = [
    "emotion_cards",
    "emotion_word",
    "empathy_map",
    "kpi_sheet",
    "persona_canvas",
    "prioritisation_matrix",
    "stakeholder_map",
    "touchpoint_inventory",
]


def persona_canvas(settings: Settings, say: Labels, paper: Paper, persona: Persona | None = None) -> Sheet:
    """A blank persona canvas, or one filled in from ``persona``; every box fits its page."""
    paragraphs = (
        [" ".join(part.split()) for part in persona.narrative.replace("\r", "").split("\n\n")] if persona else []
    )
    source = render_typst(
        settings.theme_dir,
        "persona-canvas",
        say=say,
        paper=paper,
        persona=persona,
        title=say("kit.persona-canvas") + (f": {persona.name}" if persona else ""),
        largest=10 * type_scale(paper),
        story_paragraphs=[paragraph for paragraph in paragraphs if paragraph],
        fit=Typst(FIT),
    )
    return Sheet(f"persona-{persona.id}" if persona else "persona-canvas", source)


def empathy_map(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    """The empathy map; the centre asks its two questions at the top of each half, leaving room to answer."""
    radius = 30 * type_scale(paper)
    return Sheet("empathy-map", render_typst(settings.theme_dir, "empathy-map", say=say, paper=paper, radius=radius))


def stakeholder_map(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    """Rings of stakeholders around the customer; each ring's label wraps inside it."""
    rings = [
        (key, radius, 250 - index * 12)
        for index, (key, radius) in enumerate(
            (("kit.ring-outside", 0.46), ("kit.ring-organisation", 0.32), ("kit.ring-close", 0.18))
        )
    ]
    tall = 30 * type_scale(paper)
    source = render_typst(settings.theme_dir, "stakeholder-map", say=say, paper=paper, rings=rings, tall=tall)
    return Sheet("stakeholder-map", source)


def touchpoint_inventory(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    """One row per touchpoint: the cell id of its note on the canvas, and a box per type."""
    source = render_typst(
        settings.theme_dir,
        "touchpoint-inventory",
        say=say,
        paper=paper,
        types=[say.touchpoint_type(t) for t in settings.touchpoint_types],
        example=format_cell(2, 1, "touchpoint", say.language),
    )
    return Sheet("touchpoint-inventory", source)


def kpi_sheet(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    example = format_cell(2, 1, "kpi", say.language)
    return Sheet("kpi-sheet", render_typst(settings.theme_dir, "kpi-sheet", say=say, paper=paper, example=example))


def _bend(score: int, low: int, high: int) -> float:
    """How far a face's mouth curves (mm): up above the scale's middle, down below it."""
    middle = (low + high) / 2
    return (score - middle) / max(high - middle, 1) * 7


def emotion_word(settings: Settings, say: Labels, score: int) -> str:
    """The word for ``score``: from the ``emotion_words`` option, else by where the score
    lies on the scale (very negative … neutral … very positive)."""
    low, high = settings.emotion_scale
    if settings.emotion_words:
        return settings.emotion_words[score - low]
    middle, half = (low + high) / 2, max((high - low) / 2, 0.5)
    place = (score - middle) / half
    strength = abs(place)
    side = "positive" if place > 0 else "negative"
    if strength < 1e-9:
        return say("kit.feel.neutral")
    if strength < 0.45:
        return say(f"kit.feel.slightly-{side}")
    return say(f"kit.feel.{'very-' if strength >= 0.9 else ''}{side}")


def emotion_cards(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    low, high = settings.emotion_scale
    cards = [
        (Typst(score_label(score, low)), _bend(score, low, high), emotion_word(settings, say, score))
        for score in range(high, low - 1, -1)
    ]
    return Sheet("emotion-cards", render_typst(settings.theme_dir, "emotion-cards", say=say, paper=paper, cards=cards))


def prioritisation_matrix(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    source = render_typst(settings.theme_dir, "prioritisation-matrix", say=say, paper=paper)
    return Sheet("prioritisation-matrix", source)
