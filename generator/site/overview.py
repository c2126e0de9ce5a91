"""Pages about all journeys at once: home cards with filters, persona cards, insights."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from generator.config import Settings
from generator.draw.channels import channel_glyph
from generator.draw.text import plain_text
from generator.labels import Labels
from generator.model import Journey, Persona
from generator.site.html import attr, e, inline_html
from generator.site.pages import PageSource, Slot, in_place, review_badge, review_of, sparkline_svg

__all__ = ["insights_page", "journey_cards", "persona_cards", "toolkit_page"]

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
        owner = f"<p>{e(say('owner'))}: {inline_html(journey.owner)}</p>" if journey.owner else ""
        cards.append(
            f'<article class="jm-card" {data}><h3><a href="{attr(href)}">{e(journey.title)}</a></h3>'
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


def insights_page(
    journeys: list[Journey], settings: Settings, *, link: Link, today: dt.date, slot: Slot = in_place
) -> PageSource:
    """Pain heatmap, touchpoint inventory, ownership matrix, KPI catalogue and review status.
    The tables go through ``slot`` with no words for search: they repeat the journeys' own."""
    say = Labels(settings.language)
    page = PageSource.titled(say("site.insights"))
    ordered = sorted(journeys, key=lambda j: plain_text(j.title).casefold())

    def journey_link(journey: Journey, anchor: str = "") -> str:
        href = link(f"{settings.journeys_dir}/{journey.id}.md") + (f"#{anchor}" if anchor else "")
        return f'<a href="{attr(href)}">{e(journey.title)}</a>'

    # Heatmap: one row per journey, its stages in order, each cell shaded by mean feeling.
    page.heading(2, say("site.heatmap"))
    width = max((sum(1 for s in j.stages if s.steps) for j in ordered), default=0)
    rows = []
    for journey in ordered:
        cells = []
        for stage in [s for s in journey.stages if s.steps]:
            pains = sum(len(step.values("pain")) for step in stage.steps)
            scores = [step.emotion.score for step in stage.steps if step.emotion]
            mean = sum(scores) / len(scores) if scores else None
            tone = settings.tone(mean) if mean is not None else "neutral"
            feeling = f"{mean:+.1f}" if mean is not None else "–"
            cells.append(
                f'<td class="jm-heat-{tone}"><span class="jm-heat-stage">{e(stage.title)}</span><br>'
                f"<strong>{pains}</strong> {e(say('site.pains'))}<br>{e(say('site.mean-feeling'))} {feeling}</td>"
            )
        cells.extend("<td></td>" for _ in range(width - len(cells)))
        rows.append(f'<tr><th scope="row">{journey_link(journey)}</th>{"".join(cells)}</tr>')
    head = "".join(f"<th>{e(say('site.stage'))} {n}</th>" for n in range(1, width + 1))
    page.slot(f"<p>{e(say('site.heatmap-help'))}</p>")
    page.slot(
        slot(
            f'<div class="jm-heat"><table><thead><tr><th>{e(say("site.journey"))}</th>{head}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>",
            "",
        )
    )

    # Touchpoint inventory by channel.
    inventory: dict[str, dict[str, object]] = {}
    for journey in ordered:
        for step in journey.steps:
            for channel in step.values("channel") or ("–",):
                name = plain_text(channel)
                entry = inventory.setdefault(name, {"count": 0, "types": defaultdict(int), "owners": set()})
                entry["count"] = int(str(entry["count"])) + 1
                types = entry["types"]
                assert isinstance(types, defaultdict)
                types[step.type or "–"] += 1
                owners = entry["owners"]
                assert isinstance(owners, set)
                owners.update(plain_text(o) for o in step.values("owner"))
    page.heading(2, say("site.inventory"))
    type_names = list(settings.touchpoint_types)
    head = "".join(f"<th>{e(say.touchpoint_type(t))}</th>" for t in type_names)
    rows = []
    for name in sorted(inventory, key=str.casefold):
        entry = inventory[name]
        types = entry["types"]
        owners = entry["owners"]
        assert isinstance(types, defaultdict)
        assert isinstance(owners, set)
        counts = "".join(f"<td>{types.get(t, 0)}</td>" for t in type_names)
        glyph = channel_glyph(name) or ""
        rows.append(
            f'<tr><th scope="row" data-glyph="{attr(glyph)}">{e(name)}</th><td>{entry["count"]}</td>{counts}'
            f"<td>{e(', '.join(sorted(owners, key=str.casefold)))}</td></tr>"
        )
    page.slot(
        slot(
            f"<table><thead><tr><th>{e(say('site.channel'))}</th><th>{e(say('site.touchpoints'))}</th>"
            f"{head}<th>{e(say('site.owners'))}</th></tr></thead><tbody>{''.join(rows)}</tbody></table>",
            "",
        )
    )

    # Ownership of moments of truth.
    owners_map: dict[str, list[str]] = defaultdict(list)
    for journey in ordered:
        for number, step in enumerate(journey.steps, start=1):
            if step.moment_of_truth:
                for owner in step.values("owner") or (say("site.unassigned"),):
                    owners_map[plain_text(owner)].append(f"{journey_link(journey, step.id)}: {number}. {e(step.title)}")
    page.heading(2, say("site.ownership"))
    if owners_map:
        rows = [
            f'<tr><th scope="row">{e(owner)}</th><td><ul>{"".join(f"<li>{m}</li>" for m in owners_map[owner])}</ul></td></tr>'
            for owner in sorted(owners_map, key=str.casefold)
        ]
        page.slot(
            slot(
                f"<table><thead><tr><th>{e(say('key.owner'))}</th><th>{e(say('moment-of-truth'))}</th></tr>"
                f"</thead><tbody>{''.join(rows)}</tbody></table>",
                "",
            )
        )
    else:
        page.slot(f"<p>{e(say('site.none'))}</p>")

    # KPI catalogue.
    page.heading(2, say("site.kpi-catalogue"))
    rows = []
    for journey in ordered:
        for number, step in enumerate(journey.steps, start=1):
            kpis, metrics = step.values("kpi"), step.values("metric")
            if kpis or metrics:
                rows.append(
                    f"<tr><td>{journey_link(journey, step.id)}</td><td>{number}. {e(step.title)}</td>"
                    f"<td>{'<br>'.join(inline_html(k) for k in kpis)}</td><td>{'<br>'.join(inline_html(m) for m in metrics)}</td>"
                    f"<td>{e(', '.join(plain_text(o) for o in step.values('owner')))}</td></tr>"
                )
    if rows:
        page.slot(
            slot(
                f"<table><thead><tr><th>{e(say('site.journey'))}</th><th>{e(say('site.step'))}</th>"
                f"<th>{e(say('key.kpi'))}</th><th>{e(say('key.metric'))}</th><th>{e(say('key.owner'))}</th>"
                f"</tr></thead><tbody>{''.join(rows)}</tbody></table>",
                "",
            )
        )
    else:
        page.slot(f"<p>{e(say('site.none'))}</p>")

    # Review status, overdue first.
    page.heading(2, say("site.review-status"))
    reviews = [(journey, review_of(journey, settings, today)) for journey in ordered]
    rank = {"overdue": 0, "never": 1, "ok": 2}
    reviews.sort(key=lambda item: (rank[item[1].status], item[1].due or dt.date.min))
    rows = []
    for journey, review in reviews:
        status = {"overdue": say("site.overdue"), "never": say("site.never"), "ok": say("site.up-to-date")}[
            review.status
        ]
        cls = ' class="jm-overdue"' if review.status == "overdue" else ""
        rows.append(
            f"<tr><td>{journey_link(journey)}</td><td>{review.reviewed.isoformat() if review.reviewed else '–'}</td>"
            f"<td>{review.due.isoformat() if review.due else '–'}</td><td{cls}>{e(status)}</td></tr>"
        )
    page.slot(
        slot(
            f"<table><thead><tr><th>{e(say('site.journey'))}</th><th>{e(say('reviewed'))}</th>"
            f"<th>{e(say('site.due'))}</th><th>{e(say('site.status'))}</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>",
            "",
        )
    )
    return page


_SHEETS = (
    ("journey-canvas.pdf", "kit.journey-canvas"),
    ("persona-canvas.pdf", "kit.persona-canvas"),
    ("empathy-map.pdf", "kit.empathy-map"),
    ("stakeholder-map.pdf", "kit.stakeholder-map"),
    ("touchpoint-inventory.pdf", "kit.inventory"),
    ("emotion-cards.pdf", "kit.emotion-cards"),
    ("prioritisation-matrix.pdf", "kit.prioritisation"),
    ("kpi-sheet.pdf", "kit.kpi-sheet"),
    ("validation-checklist.pdf", "kit.checklist"),
    ("facilitation-guide.pdf", "kit.guide"),
)


def toolkit_page(names: list[str], personas: list[Persona], settings: Settings) -> PageSource:
    """The Toolkit page: every PDF of the workshop kit, linked next to the page."""
    say = Labels(settings.language)
    page = PageSource.titled(say("kit.title"))
    page.slot(f"<p>{inline_html(say('kit.page-intro'))}</p>")
    page.heading(2, say("kit.sheets"))
    items = "".join(
        f'<li><a href="{attr(name)}" download>{e(say(key))}</a> <span class="jm-tag">PDF</span></li>'
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
