"""Site pages as Markdown for any engine, built from the model; no engine is imported here.

A page's Markdown holds its headings as Markdown (so the engine makes the table of
contents and anchors) and everything else as HTML blocks rendered by
``generator.site.html``: what a user wrote never passes through the engine's Markdown,
so raw HTML in a journey stays text and titles render literally on every engine.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from markupsafe import Markup

from generator.check.validate import review_due
from generator.config import Settings
from generator.draw.measures import MetricSeries, change_text, series_by_step, value_text
from generator.draw.text import actor_names, plain_text
from generator.labels import Labels
from generator.model import Journey, Persona, Step
from generator.site.html import e, markdown_heading, prose_html
from generator.site.map_strip import MapParts
from generator.site.slots import SLOT
from generator.site.templates import render_block

__all__ = ["PageSource", "Review", "journey_page", "persona_page", "review_of", "sparkline_svg", "table_html"]

Link = Callable[[str], str]
"""Maps a docs-tree path (``journeys/x.md``, ``journeys/x.svg``) to a URL relative to the page."""
Slot = Callable[[str, str], str]
"""Places an HTML block, with the words search should find there (``generator.site.slots``)."""


def in_place(html: str, words: str = "") -> str:
    """A ``Slot`` that puts the block straight into the page."""
    return html


_TAG = re.compile(r"<[^>]+>")


def block_words(html_text: str) -> str:
    """The words of an HTML block, as a reader sees them."""
    import html

    return " ".join(html.unescape(_TAG.sub(" ", html_text)).split())


@dataclass
class PageSource:
    """A generated page: its title, and Markdown headings with HTML blocks between them.

    ``lang`` marks every heading and block as written in that language (a journey in
    another language than the site's). Headings carry attributes in ``attr_list``'s
    syntax, which journeymap adds to the engine's Markdown extensions.
    """

    title: str
    lines: list[str] = field(default_factory=list)
    lang: str = ""

    @classmethod
    def titled(cls, title: str) -> PageSource:
        """A page whose title (navigation, ``<title>``) and first heading are ``title``, shown literally."""
        page = cls(title=title)
        page.heading(1, title)
        return page

    def heading(self, level: int, title: str, anchor: str = "") -> None:
        """A heading; ``anchor`` is its id (else the engine makes one from its text)."""
        attributes = [f"#{anchor}"] if anchor else []
        if self.lang:
            attributes.append(f'lang="{self.lang}"')
        suffix = f" {{: {' '.join(attributes)} }}" if attributes else ""
        self.lines.extend(["", f"{'#' * level} {markdown_heading(title)}{suffix}", ""])

    def slotted(self, slot: Slot) -> None:
        """Every HTML block of the page through ``slot``, its words kept for search. An
        engine then sees only headings and slots: Zensical reads a relative link in raw
        HTML as relative to the page's source file and rewrites it, which would send the
        page's links (computed for the built page's address) one folder too far."""
        for index, line in enumerate(self.lines):
            if line and not line.startswith("#") and not SLOT.fullmatch(line):
                self.lines[index] = slot(line, block_words(line))

    def slot(self, html: str) -> None:
        """An HTML block (one line, blank lines around it, as Markdown wants raw HTML)."""
        if html:
            if self.lang:
                html = f'<div lang="{self.lang}">{html}</div>'
            self.lines.extend(["", html, ""])

    @property
    def markdown(self) -> str:
        """The page; a title holding ``<``, ``>`` or ``&`` goes into front matter too.

        Engines take a page's title from its first heading, and the theme's ``striptags``
        un-escapes it on its way into ``<title>``: ``&lt;/title&gt;&lt;script&gt;`` would
        become live markup there. A front-matter title, HTML-escaped, is printed as it is
        by both engines. Other titles stay out of front matter: a page with metadata costs
        the theme several failed lookups each time a navigation lists it.
        """
        body = "\n".join(self.lines).strip("\n") + "\n"
        title = self.title  # plain text, shown as written: the heading, <title>, nav and map agree
        if not any(c in title for c in "<>&"):
            return body
        return f"---\ntitle: {json.dumps(e(title), ensure_ascii=False)}\n---\n" + body


_DATES = re.compile(r"(\d{4}-\d{2}-\d{2})")


@dataclass(frozen=True, slots=True)
class Review:
    """Where a journey stands against its review period."""

    status: str  # "ok", "overdue", "moved" (measured data moved since the review) or "never"
    reviewed: dt.date | None
    due: dt.date | None


def review_of(journey: Journey, settings: Settings, today: dt.date) -> Review:
    if journey.reviewed is None:
        return Review("never", None, None)
    if settings.review_period == 0:
        return Review("ok", journey.reviewed, None)
    due = review_due(journey.reviewed, settings.review_period)
    if due < today:
        return Review("overdue", journey.reviewed, due)
    from generator.draw.measures import moved_since

    if moved_since(journey, settings.data_review_threshold):
        return Review("moved", journey.reviewed, due)
    return Review("ok", journey.reviewed, due)


def review_badge(review: Review, say: Labels, settings: Settings) -> str:
    if review.status == "never":
        text = say("site.review-never")
    elif review.status == "overdue":
        text = say("site.review-overdue", due=review.due.isoformat() if review.due else "")
    elif review.status == "moved":
        text = say("site.review-moved", date=review.reviewed.isoformat() if review.reviewed else "")
    elif review.due is None:
        text = f"{say('reviewed')}: {review.reviewed.isoformat() if review.reviewed else ''}"
    else:
        text = say(
            "site.review-ok", date=review.reviewed.isoformat() if review.reviewed else "", due=review.due.isoformat()
        )
    pieces = [(piece, index % 2 == 1) for index, piece in enumerate(_DATES.split(text)) if piece]
    return render_block(settings.theme_dir, "review-badge", review=review, pieces=pieces)


def sparkline_svg(journey: Journey, settings: Settings, say: Labels, width: int = 160, height: int = 36) -> str:
    """A small emotion curve for cards: points joined by lines, the scores in its label."""
    low, high = settings.emotion_scale
    steps = journey.steps
    scores = [step.emotion.score if step.emotion else None for step in steps]
    if not steps:
        return ""
    text = ", ".join(f"{s:+g}" if s is not None else "–" for s in scores)
    gap = width / max(len(steps) - 1, 1)
    runs: list[list[str]] = [[]]
    dots = []
    for i, score in enumerate(scores):
        if score is None:
            runs.append([])
            continue
        x = round(i * gap if len(steps) > 1 else width / 2, 1)
        y = round(3 + (high - min(max(score, low), high)) / (high - low) * (height - 6), 1)
        runs[-1].append(f"{x:g},{y:g}")
        dots.append((x, y, settings.tone(score)))
    return render_block(
        settings.theme_dir,
        "sparkline",
        label=say("site.sparkline", scores=text),
        width=width,
        height=height,
        middle=round(3 + (high - (low + high) / 2) / (high - low) * (height - 6), 1),
        lines=[" ".join(run) for run in runs if len(run) > 1],
        dots=dots,
    )


_DETAIL_KEYS = (
    "channel",
    "touchpoint",
    "actors",
    "doing",
    "thinking",
    "feeling",
    "pain",
    "opportunity",
    "owner",
    "backstage",
    "support",
    "kpi",
    "metric",
)


def _measured_texts(measured: Sequence[MetricSeries], say: Labels) -> list[str]:
    texts = []
    for series in measured:
        latest, change = series.latest, change_text(series, say)
        text = f"{series.metric}: {value_text(latest.value, series.unit)} ({latest.period})"
        texts.append(text + (f", {change}" if change else ""))
    return texts


def step_details(
    step: Step, number: int, settings: Settings, say: Labels, measured: Sequence[MetricSeries] = ()
) -> str:
    """A step as a definition list: the accessible text of its column on the map;
    ``measured`` are the step's metrics (``MetricSeries``)."""
    lanes: list[tuple[str, str, Sequence[str]]] = []
    for key in _DETAIL_KEYS:
        if key == "feeling" and step.emotion is not None:
            emotion = step.emotion
            lanes.append(
                (say("key.feeling"), "feeling", (settings.tone(emotion.score), emotion.score_text, emotion.word))
            )
        else:
            values = step.values(key)
            if values:
                lanes.append((say("key." + key), "markdown", values))
    if step.type:
        lanes.append((say("key.type"), "text", (say.touchpoint_type(step.type),)))
    if step.moment_of_truth:
        lanes.append((say("key.moment-of-truth"), "text", (say("yes"),)))
    if measured:
        lanes.append((say("lane.measured"), "text", _measured_texts(measured, say)))
    return render_block(settings.theme_dir, "step", step=step, number=number, lanes=lanes)


def step_search_text(step: Step, say: Labels) -> str:
    """The words of ``step_details`` without their markup, for the search index."""
    parts = [plain_text(line) for line in step.notes.splitlines() if line.strip()]
    for key in _DETAIL_KEYS:
        if key == "feeling" and step.emotion is not None:
            values = [f"{step.emotion.score_text} {step.emotion.word}".strip()]
        else:
            values = [plain_text(value) for value in step.values(key)]
        if values:
            parts.append(f"{say('key.' + key)}: {'; '.join(values)}")
    if step.type:
        parts.append(f"{say('key.type')}: {say.touchpoint_type(step.type)}")
    if step.moment_of_truth:
        parts.append(f"{say('key.moment-of-truth')}: {say('yes')}")
    return " · ".join(parts)


def journey_link(journey: Journey, settings: Settings, link: Link) -> str:
    """A link to a journey's page, named by its title."""
    return render_block(
        settings.theme_dir, "link", href=link(f"{settings.journeys_dir}/{journey.id}.md"), text=journey.title
    )


def table_html(settings: Settings, headers: Iterable[str], rows: Iterable[Sequence[str]], cls: str = "") -> str:
    """A table of ``headers`` and ``rows`` of cells (text, or ``Markup``), in a box that
    scrolls sideways on its own (the page's script adds a cue while there is more to see)."""
    return render_block(settings.theme_dir, "table", headers=list(headers), rows=rows, cls=cls)


def journey_page(
    journey: Journey,
    persona: Persona | None,
    settings: Settings,
    *,
    parts: MapParts,
    link: Link,
    today: dt.date,
    downloads: tuple[str, ...],
    source_stem: str,
    history: list[tuple[str, str, str]] | None = None,
    slot: Slot = in_place,
    related: tuple[str, ...] = (),
) -> PageSource:
    """The journey page: header and summary, the map (a stage-by-stage list on phones),
    then every stage and step as text, and tables, and the journey's changes from git
    history when there is any. The map, the steps' details and the tables go through
    ``slot``. A journey in another language than the site's is labelled and marked in
    its own (``lang``)."""
    language = journey.language or settings.language
    say = Labels(language)
    page = PageSource(title=journey.title, lang=language if language != settings.language else "")
    page.heading(1, journey.title)
    review = review_of(journey, settings, today)
    downloads_links = [(link(f"{source_stem}.{kind}"), kind) for kind in downloads]
    figure = map_figure(parts, say, slot, settings=settings, journey_id=journey.id, downloads=downloads_links)
    head = {
        "journey": journey,
        "persona": persona,
        "persona_href": link(f"{settings.personas_dir}/{persona.id}.md") if persona is not None else "",
        "related": [Markup(item) for item in related],
        "summary": Markup(journey_summary(journey, review, settings, say)),
        "say": say,
    }
    # Search gets the head's words without the map's controls and the phone view: both
    # repeat every step, which has its own section (and both are data-search-exclude).
    words = block_words(render_block(settings.theme_dir, "journey-head", figure="", vertical="", **head))
    whole = render_block(
        settings.theme_dir,
        "journey-head",
        figure=Markup(figure),
        vertical=Markup(vertical_view(journey, settings, say)),
        **head,
    )
    page.slot(slot(whole, words))
    if journey.scenario:
        page.heading(2, say("site.scenario"))
        page.slot(prose_html(journey.scenario))
    number = 0
    measured = series_by_step(journey) if journey.measured else {}
    for stage in journey.stages:
        page.heading(2, stage.title)
        page.slot(render_block(settings.theme_dir, "stage", stage=stage, say=say))
        for step in stage.steps:
            number += 1
            page.heading(3, f"{number}. {step.title}", anchor=step.id)
            details = step_details(step, number, settings, say, measured.get(step.id, ()))
            page.slot(slot(details, step_search_text(step, say)))
    _tables(page, journey, settings, say, slot, measured)
    if history:
        page.heading(2, say("site.changes"))
        headers = [say("site.date"), say("site.commit"), say("site.what-changed")]
        page.slot(table_html(settings, headers, history, "jm-history"))
    return page


def map_figure(
    parts: MapParts,
    say: Labels,
    slot: Slot,
    *,
    settings: Settings,
    journey_id: str,
    downloads: Sequence[tuple[str, str]] = (),
    caption: str = "",
    caption_href: str = "",
    embedded: bool = False,
) -> str:
    """A map with its toolbar, overview strip and label column; ``downloads`` ((href,
    kind) pairs) go in the toolbar, ``caption`` (a link to ``caption_href``) under the
    map. A map ``embedded`` in another page stays a map on phones (a journey page shows
    its steps instead). The page's script fits, zooms and pans it, keeps the labels in
    view and shows a step's details beside it."""
    return render_block(
        settings.theme_dir,
        "map-figure",
        journey_id=journey_id,
        downloads=downloads,
        strip=Markup(parts.strip),
        svg=Markup(slot(parts.svg, "")),
        labels=Markup(parts.labels),
        caption=caption,
        caption_href=caption_href,
        embedded=embedded,
        say=say,
    )


def journey_summary(journey: Journey, review: Review, settings: Settings, say: Labels) -> str:
    """The journey's facts in plain words: its lowest and highest moments, how many pain
    points and opportunities, the owners involved and where its review stands."""
    steps = journey.steps
    numbered = list(enumerate(steps, start=1))
    scored = [(n, s) for n, s in numbered if s.emotion is not None]
    low = high = None
    if scored:
        low = min(scored, key=lambda pair: pair[1].emotion.score if pair[1].emotion else 0)
        high = max(scored, key=lambda pair: pair[1].emotion.score if pair[1].emotion else 0)
    pains = sum(len(step.values("pain")) for step in steps)
    in_steps = sum(1 for step in steps if step.values("pain"))
    counts = [say("site.pain-count", count=pains, steps=in_steps, total=len(steps)) if pains else say("site.no-pains")]
    counts.append(say("site.opportunity-count", count=sum(len(step.values("opportunity")) for step in steps)))
    moments = sum(1 for step in steps if step.moment_of_truth)
    if moments:
        counts.append(say("site.moment-count", count=moments))
    owners: dict[str, str] = {}
    for value in (journey.owner, *(v for step in steps for v in step.values("owner"))):
        if value:
            owners.setdefault(plain_text(value).casefold(), value)
    return render_block(
        settings.theme_dir,
        "summary",
        low=low,
        high=high,
        counts=", ".join(counts),
        owners=list(owners.values()),
        review=Markup(review_badge(review, say, settings)),
        say=say,
    )


def _vertical_facts(step: Step, settings: Settings, say: Labels) -> list[tuple[str, str, tuple[str, str]]]:
    """What a step's card on a phone says, as (kind, text, more) for ``vertical.html.j2``."""
    facts: list[tuple[str, str, tuple[str, str]]] = []
    none = ("", "")
    if step.emotion is not None:
        facts.append(("score", step.emotion.score_text, (settings.tone(step.emotion.score), step.emotion.word)))
    channel = step.first("channel")
    if channel:
        facts.append(("text", plain_text(channel), none))
    actors = actor_names(step.values("actors"))
    if actors:
        facts.append(("text", f"{say('key.actors')}: {', '.join(actors)}", none))
    owners = step.values("owner")
    if owners:
        facts.append(("text", f"{say('owner')}: {', '.join(plain_text(o) for o in owners)}", none))
    if step.moment_of_truth:
        facts.append(("moment", say("moment-of-truth"), none))
    pains = len(step.values("pain"))
    if pains:
        facts.append(("pain", say("site.pains-n", count=pains), none))
    return facts


def vertical_view(journey: Journey, settings: Settings, say: Labels) -> str:
    """The map for a phone: stage by stage, a card per step with its feeling as a number,
    and each stage's curve. Shown instead of the map on narrow screens (CSS)."""
    stages = []
    number = 0
    for stage in journey.stages:
        if not stage.steps:
            continue
        curve = sparkline_svg(replace(journey, stages=(stage,)), settings, say, width=120, height=28)
        steps = [(number + i, step, _vertical_facts(step, settings, say)) for i, step in enumerate(stage.steps, 1)]
        stages.append((stage, number + 1, Markup(curve), steps))
        number += len(stage.steps)
    return render_block(settings.theme_dir, "vertical", stages=stages, label=say("site.steps-by-stage"))


def _tables(
    page: PageSource,
    journey: Journey,
    settings: Settings,
    say: Labels,
    slot: Slot,
    measured: dict[str, list[MetricSeries]],
) -> None:
    """Pain points, opportunities and KPIs gathered in tables, each row linking its step.
    Search finds their words in the steps they come from."""
    steps = journey.steps
    if any(step.values("pain") or step.values("opportunity") for step in steps):
        page.heading(2, say("site.pains-opportunities"))
        headers = [say("site.step"), say("lane.pain"), say("lane.opportunity")]
        page.slot(slot(_step_table(settings, headers, steps, ("pain", "opportunity")), ""))
    if any(step.values("kpi") or step.values("metric") for step in steps):
        page.heading(2, say("site.kpis"))
        kpi_headers = [say("site.step"), say("key.kpi"), say("key.metric"), say("key.owner")]
        page.slot(slot(_step_table(settings, kpi_headers, steps, ("kpi", "metric"), "owner"), ""))
    if journey.measured:
        _measured_table(page, journey, settings, measured, say, slot)


def _measured_table(
    page: PageSource,
    journey: Journey,
    settings: Settings,
    series: dict[str, list[MetricSeries]],
    say: Labels,
    slot: Slot,
) -> None:
    """Every metric of every step (``series``, by step id) with each of its periods, the
    latest change in words."""
    periods = sorted({(row.ends, row.starts, row.period) for row in journey.measured})
    rows = []
    for number, step in enumerate(journey.steps, start=1):
        for metric in series.get(step.id, ()):
            values = {point.period: value_text(point.value, metric.unit) for point in metric.points}
            shown = [values.get(period, "–") for _, _, period in periods]
            rows.append((number, step, metric.metric, shown, change_text(metric, say)))
    if rows:
        page.heading(2, say("lane.measured"))
        headers = [say("site.step"), say("site.metric"), *(p for _, _, p in periods), say("site.change")]
        page.slot(slot(render_block(settings.theme_dir, "measured-table", headers=headers, rows=rows), ""))


def _step_table(
    settings: Settings, headers: list[str], steps: tuple[Step, ...], keys: tuple[str, str], extra: str = ""
) -> str:
    """One row per step with a value for either of ``keys``: the step, those values,
    and (if named) the ``extra`` lane's."""
    rows = []
    for number, step in enumerate(steps, start=1):
        first, second = step.values(keys[0]), step.values(keys[1])
        if first or second:
            columns = [first, second, step.values(extra)] if extra else [first, second]
            rows.append((number, step, columns))
    return render_block(settings.theme_dir, "step-table", headers=headers, rows=rows)


def _initials(name: str) -> str:
    """``'Lotte, the budget explorer'`` → ``'L'``; ``'Ravi Kumar'`` → ``'RK'``."""
    words = [w for w in name.split(",", maxsplit=1)[0].split() if w[:1].isalpha()]
    if len(words) > 1:
        words = [words[0], words[-1]]
    return "".join(w[0].upper() for w in words) or "?"


def persona_page(
    persona: Persona, journeys: list[Journey], settings: Settings, *, link: Link, photo_url: str | None
) -> PageSource:
    """The persona canvas: photo or initials, quote, facts and lists, story, journeys."""
    say = Labels(settings.language)
    page = PageSource.titled(persona.name)
    facts = [
        (say("persona." + key), value)
        for key, value in (
            ("role", persona.role),
            ("age", persona.age),
            ("location", persona.location),
            ("segment", persona.segment),
        )
        if value
    ]
    boxes = [
        (key, say("persona." + key), getattr(persona, key))
        for key in ("goals", "needs", "frustrations", "behaviours", "channels")
        if getattr(persona, key)
    ]
    page.slot(
        render_block(
            settings.theme_dir,
            "persona",
            persona=persona,
            photo=photo_url or "",
            initials=_initials(persona.name),
            facts=facts,
            boxes=boxes,
        )
    )
    if persona.narrative:
        page.heading(2, say("site.story"))
        page.slot(prose_html(persona.narrative))
    page.heading(2, say("site.journeys"))
    if journeys:
        links = [(link(f"{settings.journeys_dir}/{j.id}.md"), j) for j in journeys]
        page.slot(render_block(settings.theme_dir, "journey-list", journeys=links))
    else:
        page.slot(paragraph(settings, say("site.no-journeys")))
    return page


def paragraph(settings: Settings, text: str, cls: str = "", *, inline: bool = False) -> str:
    """A paragraph of ``text``; ``inline`` reads it as one line of Markdown."""
    return render_block(settings.theme_dir, "paragraph", text=text, cls=cls, inline=inline)
