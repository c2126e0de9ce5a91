"""Pages about all journeys at once: home cards with filters, persona cards, the toolkit's list."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from generator.config import Settings
from generator.draw.text import plain_text
from generator.labels import Labels
from generator.model import Journey, Persona
from generator.site.html import attr, e, inline_html
from generator.site.pages import PageSource, review_badge, review_of, sparkline_svg

__all__ = ["journey_cards", "persona_cards", "toolkit_page"]

Link = Callable[[str], str]


def _options(name: str, label: str, values: set[str], say: Labels) -> str:
    options = "".join(f'<option value="{attr(v)}">{e(v)}</option>' for v in sorted(values, key=str.casefold))
    return (
        f'<label>{e(label)}<select data-jm-filter="{name}"><option value="">{e(say("site.all"))}</option>'
        f"{options}</select></label>"
    )


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
        data = " ".join(f'data-{key}="{attr("|".join(items))}"' for key, items in values.items())
        href = link(f"{settings.journeys_dir}/{journey.id}.md")
        own = journey.language and journey.language != settings.language
        lang = f' lang="{journey.language}"' if own else ""  # its title is in its own language
        owner = f"<p>{e(say('owner'))}: {inline_html(journey.owner)}</p>" if journey.owner else ""
        cards.append(
            f'<article class="jm-card" {data}><h3{lang}><a href="{attr(href)}">{e(journey.title)}</a></h3>'
            f"<p>{e(say('persona'))}: {e(persona)}</p>{owner}<p>{e(state)}</p>"
            f"{sparkline_svg(journey, settings, say)}<p>{review_badge(review_of(journey, settings, today), say)}</p></article>"
        )
    filters = "".join(
        _options(key, label, seen[key], say)
        for key, label in (
            ("persona", say("persona")),
            ("owner", say("owner")),
            ("tag", say("site.tag")),
            ("channel", say("site.channel")),
            ("state", say("site.state")),
        )
    )
    template = attr(say("site.shown", shown="{shown}", total="{total}"))
    return (
        f'<div class="jm-cards"><form class="jm-filters" role="search" aria-label="{attr(say("site.filter"))}" '
        f'onsubmit="return false">{filters}<output class="jm-count" aria-live="polite" data-template="{template}"></output></form>'
        f'<div class="jm-grid">{"".join(cards)}</div></div>'
    )


def persona_cards(personas: list[Persona], journeys: list[Journey], settings: Settings, *, link: Link) -> str:
    """Every persona as a small card with its quote and number of journeys."""
    say = Labels(settings.language)
    cards = []
    for persona in sorted(personas, key=lambda p: p.name.casefold()):
        count = sum(1 for j in journeys if j.persona == persona.id)
        href = link(f"{settings.personas_dir}/{persona.id}.md")
        quote = f"<p><em>{inline_html(persona.quote)}</em></p>" if persona.quote else ""
        role = f"<p>{inline_html(persona.role)}</p>" if persona.role else ""
        cards.append(
            f'<article class="jm-card"><h3><a href="{attr(href)}">{e(persona.name)}</a></h3>{role}{quote}'
            f"<p>{e(say('site.journeys'))}: {count}</p></article>"
        )
    return f'<div class="jm-grid">{"".join(cards)}</div>'


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
    page.slot(f"<p>{inline_html(say('kit.page-intro'))}</p>")
    page.heading(2, say("kit.sheets"))
    items = "".join(
        f'<li><a href="{attr(name)}" download>{e(say(key))}</a> <span class="jm-tag">{name.rsplit(".", 1)[1].upper()}</span></li>'
        for name, key in _SHEETS
        if name in names
    )
    page.slot(f'<ul class="jm-kit">{items}</ul>')
    filled = [p for p in sorted(personas, key=lambda p: p.name.casefold()) if f"persona-{p.id}.pdf" in names]
    if filled:
        page.heading(2, say("kit.filled-personas"))
        links = "".join(f'<li><a href="{attr(f"persona-{p.id}.pdf")}" download>{e(p.name)}</a></li>' for p in filled)
        page.slot(f"<ul>{links}</ul>")
    return page
