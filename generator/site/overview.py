"""Pages about all journeys at once: home cards with filters, persona cards, the toolkit's list."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from markupsafe import Markup

from generator.config import Settings
from generator.draw.text import plain_text
from generator.labels import Labels
from generator.model import Journey, Persona
from generator.site.pages import PageSource, paragraph, review_badge, review_of, sparkline_svg
from generator.site.templates import render_block

__all__ = ["journey_cards", "persona_cards", "toolkit_page"]

Link = Callable[[str], str]


def journey_cards(
    journeys: list[Journey], personas: list[Persona], settings: Settings, *, link: Link, today: dt.date
) -> str:
    """Every journey as a card, with client-side filters by persona, owner, tag, channel, state."""
    say = Labels(settings.language)
    names = {p.id: p.name for p in personas}
    cards = []
    seen: dict[str, set[str]] = defaultdict(set)
    for journey in sorted(journeys, key=lambda j: plain_text(j.title).casefold()):
        persona = names.get(journey.persona, journey.persona)
        channels = sorted({plain_text(c) for step in journey.steps for c in step.values("channel")})
        state = say(f"state.{journey.state}")
        values = {
            "persona": [persona],
            "owner": [plain_text(journey.owner)] if journey.owner else [],
            "tag": list(journey.tags),
            "channel": channels,
            "state": [state],
        }
        for key, items in values.items():
            seen[key].update(items)
        data = [(key, "|".join(items)) for key, items in values.items()]
        href = link(f"{settings.journeys_dir}/{journey.id}.md")
        sparkline = Markup(sparkline_svg(journey, settings, say))
        badge = Markup(review_badge(review_of(journey, settings, today), say, settings))
        cards.append((journey, data, href, persona, state, sparkline, badge))
    filters = [
        (key, label, sorted(seen[key], key=str.casefold))
        for key, label in (
            ("persona", say("persona")),
            ("owner", say("owner")),
            ("tag", say("site.tag")),
            ("channel", say("site.channel")),
            ("state", say("site.state")),
        )
    ]
    return render_block(
        settings.theme_dir, "journey-cards", cards=cards, filters=filters, lang=settings.language, say=say
    )


def persona_cards(personas: list[Persona], journeys: list[Journey], settings: Settings, *, link: Link) -> str:
    """Every persona as a small card with its quote and number of journeys."""
    say = Labels(settings.language)
    cards = [
        (link(f"{settings.personas_dir}/{persona.id}.md"), persona, sum(1 for j in journeys if j.persona == persona.id))
        for persona in sorted(personas, key=lambda p: p.name.casefold())
    ]
    return render_block(settings.theme_dir, "persona-cards", cards=cards, say=say)


_SHEETS = (
    ("journey-canvas.pdf", "kit.journey-canvas-poster"),
    ("journey-canvas-overview.pdf", "kit.journey-canvas-overview"),
    ("persona-canvas.pdf", "kit.persona-canvas"),
    ("empathy-map.pdf", "kit.empathy-map"),
    ("stakeholder-map.pdf", "kit.stakeholder-map"),
    ("touchpoint-inventory.pdf", "kit.inventory"),
    ("emotion-cards.pdf", "kit.emotion-cards"),
    ("prioritisation-matrix.pdf", "kit.prioritisation"),
    ("kpi-sheet.pdf", "kit.kpi-sheet"),
    ("validation-checklist.pdf", "kit.checklist"),
    ("transcription-sheet.pdf", "kit.transcription"),
    ("transcript.csv", "kit.transcript"),
    ("facilitation-guide.pdf", "kit.guide"),
)


def toolkit_page(names: list[str], personas: list[Persona], settings: Settings) -> PageSource:
    """The Toolkit page: every PDF of the workshop kit, linked next to the page."""
    say = Labels(settings.language)
    page = PageSource.titled(say("kit.title"))
    page.slot(paragraph(settings, say("kit.page-intro"), inline=True))
    page.heading(2, say("kit.sheets"))
    sheets = [(name, say(key)) for name, key in _SHEETS if name in names]
    page.slot(render_block(settings.theme_dir, "kit-list", files=sheets, cls="jm-kit", kinds=True))
    filled = [p for p in sorted(personas, key=lambda p: p.name.casefold()) if f"persona-{p.id}.pdf" in names]
    if filled:
        page.heading(2, say("kit.filled-personas"))
        files = [(f"persona-{p.id}.pdf", p.name) for p in filled]
        page.slot(render_block(settings.theme_dir, "kit-list", files=files, cls="", kinds=False))
    return page
