"""Pages that put journeys side by side: a current journey against the future one that
redesigns it (``replaces:``), and the journeys of one service (``service:``) overlaid.

Each page shows the chart (emotion curves, stages aligned) and says in tables and
lists what the chart shows: the mean feeling per stage, and for a redesign the pain
points resolved, remaining and new, the steps added, removed and changed, and owners.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.config import Settings
from generator.draw.align import align_stages, mean_text, stage_mean
from generator.draw.text import TextMeasurer
from generator.labels import Labels
from generator.model import Journey, Persona
from generator.site.html import attr, e
from generator.site.pages import PageSource, Slot, in_place, journey_link, table_html
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


def related_html(related: Sequence[Related], say: Labels, link: Link) -> tuple[str, ...]:
    """The links of a journey page's header to its redesign, its comparison, its service."""
    spans = []
    for item in related:
        target = f'<a href="{attr(link(item.uri))}">{e(item.title)}</a>'
        compare = ""
        if item.compare_uri:
            compare = f' (<a href="{attr(link(item.compare_uri))}">{e(say("site.compare-link"))}</a>)'
        word = {"replaces": "site.redesigns", "replaced-by": "site.redesigned-in", "service": "site.service"}[item.kind]
        spans.append(f"<span>{e(say(word))}: {target}{compare}</span>")
    return tuple(spans)


def _score(value: float | None, say: Labels) -> str:
    if value is None:
        return e(say("no-feeling"))
    return e(mean_text(value))


def _chart_figure(svg: str, caption: str, say: Labels, slot: Slot) -> str:
    return (
        '<figure class="jm-chart"><div class="jm-chart-scroll" tabindex="0" role="region" '
        f'aria-label="{attr(say("site.chart-region"))}">{slot(svg, "")}</div>'
        f"<figcaption>{caption}</figcaption></figure>"
    )


def _list(items: Sequence[str], say: Labels) -> str:
    if not items:
        return f"<p>{e(say('site.none'))}</p>"
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


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
    # The titles are links, escaped on their own: the sentence keeps its placeholders first.
    intro = e(say("site.compare-intro", current="{current}", future="{future}"))
    intro = intro.replace("{current}", journey_link(current, settings, link))
    intro = intro.replace("{future}", journey_link(future, settings, link))
    page.slot(f"<p>{intro}</p>")
    chart = compare_chart(current, future, settings, measure, prefix=f"jm-compare-{slugify(future.id)}")
    svg = render_curves_svg(chart, standalone=False, theme_dir=settings.theme_dir)
    listed = f"{journey_link(current, settings, link)}, {journey_link(future, settings, link)}"
    page.slot(_chart_figure(svg, f"{e(say('site.overlay-of'))} {listed}", say, slot))
    page.heading(2, say("site.gain-by-stage"))
    rows = []
    for gain in comparison.gains:
        cells = [e(gain.title), _score(gain.current, say), _score(gain.future, say), _score(gain.gain, say)]
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    headers = [say("site.stage"), say("compare.as-is"), say("compare.to-be"), say("compare.gain")]
    page.slot(slot(table_html(headers, rows), ""))
    page.heading(2, say("site.pain-points"))
    for key, pains in (("resolved", comparison.resolved), ("remaining", comparison.remaining), ("new", comparison.new)):
        page.heading(3, f"{say('compare.pains-' + key)} ({len(pains)})")
        page.slot(_list([f"{e(p.text)} ({e(p.step)})" for p in pains], say))
    page.heading(2, say("site.steps"))
    for key, titles in (
        ("added", comparison.steps_added),
        ("removed", comparison.steps_removed),
        ("changed", comparison.steps_changed),
    ):
        page.heading(3, f"{say('compare.steps-' + key)} ({len(titles)})")
        page.slot(_list([e(title) for title in titles], say))
    page.heading(2, say("site.owners"))
    owners = [f"{e(say('compare.owner-added'))}: {e(o)}" for o in comparison.owners_added]
    owners += [f"{e(say('compare.owner-removed'))}: {e(o)}" for o in comparison.owners_removed]
    page.slot(_list(owners, say))
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
    rows = []
    for column in aligned:
        cells = [e(column.title), *(_score(stage_mean(stage), say) if stage else "–" for stage in column.stages)]
        rows.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    listed = ", ".join(journey_link(journey, settings, link) for journey in journeys)
    caption = f"{e(say('site.overlay-of'))} {listed}"
    return _chart_figure(svg, caption, say, slot) + slot(table_html(headers, rows, "jm-overlay-table"), "")


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
    page.slot(f"<p>{e(say('site.service-intro', count=len(members)))}</p>")
    prefix = f"jm-service-{slugify(service) or 'service'}"
    page.slot(overlay_figure(members, personas, settings, measure, link=link, slot=slot, title=service, prefix=prefix))
    return page
