"""Pages that put journeys side by side: a current journey against the future one that
redesigns it (``replaces:``), and the journeys of one service (``service:``) overlaid.

Each page shows the chart (emotion curves, stages aligned) and says in tables and
lists what the chart shows: the mean feeling per stage, and for a redesign the pain
points resolved, remaining and new, the steps added, removed and changed, and owners.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from generator.config import Settings
from generator.draw.align import align_stages, mean_text, stage_mean
from generator.draw.text import TextMeasurer
from generator.labels import Labels
from generator.model import Journey, Persona
from generator.site.pages import PageSource, Slot, in_place, paragraph, table_html
from generator.site.templates import render_block
from generator.vocabulary import slugify

__all__ = [
    "COMPARE_DIR",
    "SERVICES_DIR",
    "Related",
    "comparison_page",
    "comparison_uri",
    "overlay_figure",
    "pairs",
    "related_html",
    "related_links",
    "service_groups",
    "service_page",
    "service_uri",
]

COMPARE_DIR = "compare"
SERVICES_DIR = "services"

Link = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class Related:
    """A link a journey page shows to another page about it."""

    kind: str  # replaces, replaced-by, service
    uri: str
    title: str
    compare_uri: str = ""


def comparison_uri(future: Journey) -> str:
    return f"{COMPARE_DIR}/{future.id.replace('/', '-')}.md"


def service_uri(service: str) -> str:
    return f"{SERVICES_DIR}/{slugify(service) or 'service'}.md"


def pairs(journeys: Sequence[Journey]) -> list[tuple[Journey, Journey]]:
    """(current, future) for every future journey whose ``replaces`` names a journey here."""
    by_id = {journey.id: journey for journey in journeys}
    found = []
    for future in journeys:
        current = by_id.get(future.replaces) if future.replaces else None
        if current is not None and current is not future:
            found.append((current, future))
    return found


def service_groups(journeys: Sequence[Journey]) -> dict[str, list[Journey]]:
    """The journeys of each service that has two or more, by the service page's uri."""
    groups: dict[str, list[Journey]] = {}
    for journey in journeys:
        if journey.service:
            groups.setdefault(service_uri(journey.service), []).append(journey)
    return {
        uri: sorted(members, key=lambda j: (j.title.casefold(), j.id))
        for uri, members in groups.items()
        if len(members) > 1
    }


def related_links(journeys: Sequence[Journey], settings: Settings) -> dict[str, tuple[Related, ...]]:
    """For each journey id, the pages its page links to: the journey it redesigns or
    the ones redesigning it (with their comparison), and its service's overlay."""
    found: dict[str, list[Related]] = {}
    for current, future in pairs(journeys):
        compare = comparison_uri(future)
        found.setdefault(future.id, []).append(
            Related("replaces", f"{settings.journeys_dir}/{current.id}.md", current.title, compare)
        )
        found.setdefault(current.id, []).append(
            Related("replaced-by", f"{settings.journeys_dir}/{future.id}.md", future.title, compare)
        )
    for uri, members in service_groups(journeys).items():
        for journey in members:
            found.setdefault(journey.id, []).append(Related("service", uri, members[0].service))
    return {key: tuple(value) for key, value in found.items()}


def related_html(related: Sequence[Related], say: Labels, link: Link, settings: Settings) -> tuple[str, ...]:
    """The links of a journey page's header to its redesign, its comparison, its service."""
    words = {"replaces": "site.redesigns", "replaced-by": "site.redesigned-in", "service": "site.service"}
    return tuple(
        render_block(
            settings.theme_dir,
            "related",
            word=say(words[item.kind]),
            href=link(item.uri),
            title=item.title,
            compare_href=link(item.compare_uri) if item.compare_uri else "",
            say=say,
        )
        for item in related
    )


def _score(value: float | None, say: Labels) -> str:
    return say("no-feeling") if value is None else mean_text(value)


def _chart_figure(
    svg: str, journeys: Sequence[Journey], settings: Settings, say: Labels, slot: Slot, link: Link
) -> str:
    named = [(link(f"{settings.journeys_dir}/{journey.id}.md"), journey.title) for journey in journeys]
    return render_block(settings.theme_dir, "chart-figure", svg=Markup(slot(svg, "")), journeys=named, say=say)


def _list(settings: Settings, items: Sequence[str], say: Labels) -> str:
    return render_block(settings.theme_dir, "text-list", items=items, say=say)


def _sentence(settings: Settings, text: str, links: dict[str, tuple[str, str]]) -> str:
    """``text`` with each ``{name}`` in ``links`` made a link: name → (href, title)."""
    pieces = []
    for index, piece in enumerate(re.split(r"\{(\w+)\}", text)):
        if index % 2 == 0:
            pieces.append((piece, ""))
        elif piece in links:
            href, title = links[piece]
            pieces.append((title, href))
        else:
            pieces.append(("{" + piece + "}", ""))
    return render_block(settings.theme_dir, "sentence", pieces=[p for p in pieces if p[0]])


def comparison_page(
    current: Journey,
    future: Journey,
    settings: Settings,
    measure: TextMeasurer,
    *,
    link: Link,
    slot: Slot = in_place,
) -> PageSource:
    """The page of a redesign: the chart, the expected gain per stage, and the changes."""
    from generator.charts import compare_chart
    from generator.diff.compare import compare_journeys
    from generator.draw.curves import render_curves_svg

    say = Labels(future.language or settings.language)
    comparison = compare_journeys(current, future)
    page = PageSource.titled(say("compare.title", future=future.title, current=current.title))
    # The titles are links: the sentence keeps its placeholders, which become the links.
    intro = say("site.compare-intro", current="{current}", future="{future}")
    journey_href = {j.id: link(f"{settings.journeys_dir}/{j.id}.md") for j in (current, future)}
    links = {"current": (journey_href[current.id], current.title), "future": (journey_href[future.id], future.title)}
    page.slot(_sentence(settings, intro, links))
    chart = compare_chart(current, future, settings, measure, prefix=f"jm-compare-{slugify(future.id)}")
    svg = render_curves_svg(chart, standalone=False, theme_dir=settings.theme_dir)
    page.slot(_chart_figure(svg, (current, future), settings, say, slot, link))
    page.heading(2, say("site.gain-by-stage"))
    rows = [
        [gain.title, _score(gain.current, say), _score(gain.future, say), _score(gain.gain, say)]
        for gain in comparison.gains
    ]
    headers = [say("site.stage"), say("compare.as-is"), say("compare.to-be"), say("compare.gain")]
    page.slot(slot(table_html(settings, headers, rows), ""))
    page.heading(2, say("site.pain-points"))
    for key, pains in (("resolved", comparison.resolved), ("remaining", comparison.remaining), ("new", comparison.new)):
        page.heading(3, f"{say('compare.pains-' + key)} ({len(pains)})")
        page.slot(_list(settings, [f"{p.text} ({p.step})" for p in pains], say))
    page.heading(2, say("site.steps"))
    for key, titles in (
        ("added", comparison.steps_added),
        ("removed", comparison.steps_removed),
        ("changed", comparison.steps_changed),
    ):
        page.heading(3, f"{say('compare.steps-' + key)} ({len(titles)})")
        page.slot(_list(settings, titles, say))
    page.heading(2, say("site.owners"))
    owners = [f"{say('compare.owner-added')}: {o}" for o in comparison.owners_added]
    owners += [f"{say('compare.owner-removed')}: {o}" for o in comparison.owners_removed]
    page.slot(_list(settings, owners, say))
    return page


def overlay_figure(
    journeys: Sequence[Journey],
    personas: Sequence[Persona],
    settings: Settings,
    measure: TextMeasurer,
    *,
    link: Link,
    slot: Slot = in_place,
    title: str = "",
    prefix: str = "jm-overlay",
) -> str:
    """The overlay chart of ``journeys`` and, under it, their mean feeling per stage."""
    from generator.charts import overlay_chart
    from generator.draw.curves import render_curves_svg

    say = Labels(settings.language)
    chart = overlay_chart(journeys, personas, settings, measure, title=title, prefix=prefix)
    svg = render_curves_svg(chart, standalone=False, theme_dir=settings.theme_dir)
    aligned = align_stages(journeys)
    headers = [say("site.stage"), *(curve.name for curve in chart.curves)]
    rows = [
        [column.title, *(_score(stage_mean(stage), say) if stage else "–" for stage in column.stages)]
        for column in aligned
    ]
    figure = _chart_figure(svg, journeys, settings, say, slot, link)
    return figure + slot(table_html(settings, headers, rows, "jm-overlay-table"), "")


def service_page(
    members: Sequence[Journey],
    personas: Sequence[Persona],
    settings: Settings,
    measure: TextMeasurer,
    *,
    link: Link,
    slot: Slot = in_place,
) -> PageSource:
    """A service's page: its journeys' curves on one chart, and the table under it."""
    say = Labels(settings.language)
    service = members[0].service
    page = PageSource.titled(service)
    page.slot(paragraph(settings, say("site.service-intro", count=len(members))))
    prefix = f"jm-service-{slugify(service) or 'service'}"
    page.slot(overlay_figure(members, personas, settings, measure, link=link, slot=slot, title=service, prefix=prefix))
    return page
