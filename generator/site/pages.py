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

from generator.check.validate import review_due
from generator.config import Settings
from generator.draw.measures import MetricSeries, change_text, series_by_step, value_text
from generator.draw.text import actor_names, plain_text
from generator.labels import Labels
from generator.model import Journey, Persona, Step
from generator.site.html import attr, e, inline_html, markdown_heading, prose_html
from generator.site.map_strip import MapParts
from generator.site.slots import SLOT

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


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


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


def review_badge(review: Review, say: Labels) -> str:
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
    dated = _DATE.sub(r'<span class="jm-date">\g<0></span>', e(text))  # a date never breaks at its hyphens
    return f'<span class="jm-badge jm-review-{review.status}">{dated}</span>'


def sparkline_svg(journey: Journey, settings: Settings, say: Labels, width: int = 160, height: int = 36) -> str:
    """A small emotion curve for cards: points joined by lines, the scores in its label."""
    low, high = settings.emotion_scale
    steps = journey.steps
    scores = [step.emotion.score if step.emotion else None for step in steps]
    text = ", ".join(f"{s:+g}" if s is not None else "–" for s in scores)
    label = attr(say("site.sparkline", scores=text))
    if not steps:
        return ""
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
        dots.append(f'<circle cx="{x:g}" cy="{y:g}" r="2.5" class="jm-spark-{settings.tone(score)}"/>')
    lines = "".join(f'<polyline points="{" ".join(run)}" class="jm-spark-line"/>' for run in runs if len(run) > 1)
    middle = round(3 + (high - (low + high) / 2) / (high - low) * (height - 6), 1)
    return (
        f'<svg class="jm-sparkline" role="img" aria-label="{label}" width="{width}" height="{height}" '
        f'viewBox="-3 0 {width + 6} {height}"><title>{label}</title>'
        f'<line x1="0" y1="{middle:g}" x2="{width}" y2="{middle:g}" class="jm-spark-axis"/>{lines}{"".join(dots)}</svg>'
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


def _measured_rows(measured: Sequence[MetricSeries], say: Labels) -> list[str]:
    items = []
    for series in measured:
        latest, change = series.latest, change_text(series, say)
        text = f"{series.metric}: {value_text(latest.value, series.unit)} ({latest.period})"
        items.append(f"<dd>{e(text + (f', {change}' if change else ''))}</dd>")
    return [f"<dt>{e(say('lane.measured'))}</dt>{''.join(items)}"] if items else []


def step_details(
    step: Step, number: int, settings: Settings, say: Labels, measured: Sequence[MetricSeries] = ()
) -> str:
    """A step as a definition list: the accessible text of its column on the map;
    ``measured`` are the step's metrics (``MetricSeries``)."""
    rows = []
    for key in _DETAIL_KEYS:
        values = step.values(key)
        if key == "feeling" and step.emotion is not None:
            word = f" {e(step.emotion.word)}" if step.emotion.word else ""
            rendered = [
                f'<span class="jm-score jm-score-{settings.tone(step.emotion.score)}">{e(step.emotion.score_text)}</span>{word}'
            ]
        else:
            rendered = [inline_html(value) for value in values]
        if rendered:
            items = "".join(f"<dd>{value}</dd>" for value in rendered)
            rows.append(f"<dt>{e(say('key.' + key))}</dt>{items}")
    if step.type:
        rows.append(f"<dt>{e(say('key.type'))}</dt><dd>{e(say.touchpoint_type(step.type))}</dd>")
    if step.moment_of_truth:
        rows.append(f"<dt>{e(say('key.moment-of-truth'))}</dt><dd>{e(say('yes'))}</dd>")
    rows.extend(_measured_rows(measured, say))
    notes = prose_html(step.notes)
    return (
        f'<div class="jm-step-detail" id="_jm-{attr(step.id)}" data-step="{attr(step.id)}" data-number="{number}">'
        f'{notes}<dl class="jm-lanes">{"".join(rows)}</dl></div>'
    )


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
    return f'<a href="{attr(link(f"{settings.journeys_dir}/{journey.id}.md"))}">{e(journey.title)}</a>'


def table_html(headers: Iterable[str], rows: Iterable[str], cls: str = "") -> str:
    """A table of escaped ``headers`` and ready ``<tr>`` rows, in a box that scrolls
    sideways on its own (the page's script adds a cue while there is more to see)."""
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    box = " ".join(filter(None, (cls, "jm-table-wrap")))
    return f'<div class="{box}"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'


def _table(headers: list[str], rows: list[list[str]], cls: str = "") -> str:
    return table_html(headers, ("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows), cls)


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
    meta = [f'<span class="jm-badge jm-state-{attr(journey.state)}">{e(say("state." + journey.state))}</span>']
    if persona is not None:
        href = link(f"{settings.personas_dir}/{persona.id}.md")
        meta.append(f'<span>{e(say("persona"))}: <a href="{attr(href)}">{e(persona.name)}</a></span>')
    else:
        meta.append(f"<span>{e(say('persona'))}: {e(journey.persona)}</span>")
    if journey.owner:
        meta.append(f"<span>{e(say('owner'))}: {inline_html(journey.owner)}</span>")
    meta.extend(related)
    meta.extend(f'<span class="jm-tag">{e(tag)}</span>' for tag in journey.tags)
    blocks = [f'<div class="jm-journey-meta">{" ".join(meta)}</div>', journey_summary(journey, review, settings, say)]
    if journey.expectations:
        blocks.append(
            f'<p class="jm-expectations"><strong>{e(say("expectations"))}:</strong> {inline_html(journey.expectations)}</p>'
        )
    files = "".join(
        f'<a class="jm-download" href="{attr(link(f"{source_stem}.{kind}"))}" download>{kind.upper()}</a>'
        for kind in downloads
    )
    blocks.append(map_figure(parts, say, slot, journey_id=journey.id, downloads=f"{e(say('site.downloads'))}: {files}"))
    blocks.append(vertical_view(journey, settings, say))
    page.slot("".join(blocks))
    if journey.scenario:
        page.heading(2, say("site.scenario"))
        page.slot(prose_html(journey.scenario))
    number = 0
    measured = series_by_step(journey) if journey.measured else {}
    for stage in journey.stages:
        page.heading(2, stage.title)
        stage_html = prose_html(stage.description)
        if stage.goals:
            goals = "".join(f"<li>{inline_html(goal)}</li>" for goal in stage.goals)
            stage_html += (
                f'<p class="jm-goals-label"><strong>{e(say("goal"))}</strong></p><ul class="jm-goals">{goals}</ul>'
            )
        page.slot(stage_html)
        for step in stage.steps:
            number += 1
            page.heading(3, f"{number}. {step.title}", anchor=step.id)
            details = step_details(step, number, settings, say, measured.get(step.id, ()))
            page.slot(slot(details, step_search_text(step, say)))
    _tables(page, journey, settings, say, slot, measured)
    if history:
        page.heading(2, say("site.changes"))
        rows = [[e(date), e(subject), e(summary)] for date, subject, summary in history]
        page.slot(_table([say("site.date"), say("site.commit"), say("site.what-changed")], rows, "jm-history"))
    return page


def map_figure(
    parts: MapParts,
    say: Labels,
    slot: Slot,
    *,
    journey_id: str,
    downloads: str = "",
    caption: str = "",
    embedded: bool = False,
) -> str:
    """A map with its toolbar, overview strip and label column; ``downloads`` (links)
    go in the toolbar, ``caption`` (a ``<figcaption>``) under the map. A map ``embedded``
    in another page stays a map on phones (a journey page shows its steps instead). The page's script fits, zooms and pans it, keeps the labels in
    view and shows a step's details beside it."""
    button = '<button type="button" class="jm-zoom" data-jm-zoom="{0}" aria-label="{1}" title="{1}">{2}</button>'
    toolbar = (
        '<div class="jm-toolbar">'
        + button.format("fit", attr(say("site.fit-help")), e(say("site.fit")))
        + button.format("-1", attr(say("site.zoom-out")), "−")
        + button.format("0", attr(say("site.zoom-reset")), "100%")
        + button.format("1", attr(say("site.zoom-in")), "+")
        + (f'<span class="jm-downloads">{downloads}</span>' if downloads else "")
        + "</div>"
    )
    after = f"jm-after-{journey_id}"
    return (
        f'<figure class="jm-figure{" jm-embed" if embedded else ""}" data-journey="{attr(journey_id)}">'
        f'<a class="jm-skip" href="#{attr(after)}">{e(say("site.skip-map"))}</a>{toolbar}{parts.strip}'
        f'<div class="jm-frame"><div class="jm-scroll" tabindex="0" role="region" aria-label="{attr(say("site.map-region"))}">'
        f'{slot(parts.svg, "")}</div><div class="jm-labels" aria-hidden="true" hidden>{parts.labels}<p class="jm-labels-stage"></p></div></div>'
        f'<div class="jm-details" aria-hidden="true" hidden></div>{caption}</figure>'
        f'<div class="jm-after-map" id="{attr(after)}" tabindex="-1"></div>'
    )


def _moment(step: Step, number: int, say: Labels) -> str:
    """A step as the summary names it: link, feeling, and who owns it."""
    emotion = step.emotion
    assert emotion is not None
    word = f", {e(emotion.word)}" if emotion.word else ""
    owners = ", ".join(inline_html(owner) for owner in step.values("owner"))
    owned = f' <span class="jm-owned">{e(say("owner"))}: {owners}</span>' if owners else ""
    return f'<a href="#{attr(step.id)}">{number}. {e(step.title)}</a> ({e(emotion.score_text)}{word}){owned}'


def _fact(term: str, html: str) -> str:
    return f'<div class="jm-fact"><dt>{e(term)}</dt><dd>{html}</dd></div>'


def journey_summary(journey: Journey, review: Review, settings: Settings, say: Labels) -> str:
    """The journey's facts in plain words: its lowest and highest moments, how many pain
    points and opportunities, the owners involved and where its review stands."""
    steps = journey.steps
    numbered = list(enumerate(steps, start=1))
    scored = [(n, s) for n, s in numbered if s.emotion is not None]
    items = []
    if scored:
        low = min(scored, key=lambda pair: pair[1].emotion.score if pair[1].emotion else 0)
        high = max(scored, key=lambda pair: pair[1].emotion.score if pair[1].emotion else 0)
        items.append(_fact(say("site.lowest"), _moment(low[1], low[0], say)))
        items.append(_fact(say("site.highest"), _moment(high[1], high[0], say)))
    else:
        items.append(_fact(say("lane.feeling"), e(say("site.no-scores"))))
    pains = sum(len(step.values("pain")) for step in steps)
    in_steps = sum(1 for step in steps if step.values("pain"))
    counts = [say("site.pain-count", count=pains, steps=in_steps, total=len(steps)) if pains else say("site.no-pains")]
    counts.append(say("site.opportunity-count", count=sum(len(step.values("opportunity")) for step in steps)))
    moments = sum(1 for step in steps if step.moment_of_truth)
    if moments:
        counts.append(say("site.moment-count", count=moments))
    items.append(_fact(say("lane.pain"), e(", ".join(counts))))
    owners: dict[str, str] = {}
    for value in (journey.owner, *(v for step in steps for v in step.values("owner"))):
        if value:
            owners.setdefault(plain_text(value).casefold(), value)
    if owners:
        shown = ", ".join(inline_html(value) for value in owners.values())
        items.append(_fact(say("site.owners-involved"), shown))
    items.append(_fact(say("site.review"), review_badge(review, say)))
    return (
        f'<section class="jm-summary" aria-label="{attr(say("site.summary"))}">'
        f'<p class="jm-summary-title">{e(say("site.summary"))}</p><dl>{"".join(items)}</dl></section>'
    )


def vertical_view(journey: Journey, settings: Settings, say: Labels) -> str:
    """The map for a phone: stage by stage, a card per step with its feeling as a number,
    and each stage's curve. Shown instead of the map on narrow screens (CSS)."""
    stages = []
    number = 0
    for stage in journey.stages:
        if not stage.steps:
            continue
        cards = []
        first = number + 1
        for step in stage.steps:
            number += 1
            facts = []
            if step.emotion is not None:
                word = f" {e(step.emotion.word)}" if step.emotion.word else ""
                tone = settings.tone(step.emotion.score)
                facts.append(f'<span class="jm-score jm-score-{tone}">{e(step.emotion.score_text)}</span>{word}')
            channel = step.first("channel")
            if channel:
                facts.append(e(plain_text(channel)))
            actors = actor_names(step.values("actors"))
            if actors:
                facts.append(f"{e(say('key.actors'))}: {e(', '.join(actors))}")
            owners = step.values("owner")
            if owners:
                facts.append(f"{e(say('owner'))}: {e(', '.join(plain_text(o) for o in owners))}")
            if step.moment_of_truth:
                facts.append(f'<span class="jm-vmoment">★ {e(say("moment-of-truth"))}</span>')
            pains = len(step.values("pain"))
            if pains:
                facts.append(f'<span class="jm-vpain">{e(say("site.pains-n", count=pains))}</span>')
            cards.append(
                f'<li class="jm-vstep"><a href="#{attr(step.id)}"><span class="jm-vnum">{number}</span> {e(step.title)}</a>'
                f'<span class="jm-vfacts">{" · ".join(facts)}</span></li>'
            )
        curve = sparkline_svg(replace(journey, stages=(stage,)), settings, say, width=120, height=28)
        stages.append(
            f'<section class="jm-vstage" aria-label="{attr(stage.title)}"><div class="jm-vstage-head">'
            f'<p class="jm-vstage-title">{e(stage.title)}</p>{curve}</div>'
            f'<ol class="jm-vsteps" start="{first}">{"".join(cards)}</ol></section>'
        )
    return (
        f'<div class="jm-vertical" aria-label="{attr(say("site.steps-by-stage"))}" role="group">{"".join(stages)}</div>'
    )


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
        page.slot(slot(_step_table(headers, steps, ("pain", "opportunity")), ""))
    if any(step.values("kpi") or step.values("metric") for step in steps):
        page.heading(2, say("site.kpis"))
        kpi_headers = [say("site.step"), say("key.kpi"), say("key.metric"), say("key.owner")]
        page.slot(slot(_step_table(kpi_headers, steps, ("kpi", "metric"), "owner"), ""))
    if journey.measured:
        _measured_table(page, journey, measured, say, slot)


def _measured_table(
    page: PageSource, journey: Journey, series: dict[str, list[MetricSeries]], say: Labels, slot: Slot
) -> None:
    """Every metric of every step (``series``, by step id) with each of its periods, the
    latest change in words."""
    periods = sorted({(row.ends, row.starts, row.period) for row in journey.measured})
    rows = []
    for number, step in enumerate(journey.steps, start=1):
        for metric in series.get(step.id, ()):
            values = {point.period: value_text(point.value, metric.unit) for point in metric.points}
            cells = [f'<a href="#{attr(step.id)}">{number}. {e(step.title)}</a>', e(metric.metric)]
            cells += [e(values.get(period, "–")) for _, _, period in periods]
            cells.append(e(change_text(metric, say)) or "–")
            rows.append(cells)
    if rows:
        page.heading(2, say("lane.measured"))
        headers = [say("site.step"), say("site.metric"), *(p for _, _, p in periods), say("site.change")]
        page.slot(slot(_table(headers, rows, "jm-table jm-measured"), ""))


def _step_table(headers: list[str], steps: tuple[Step, ...], keys: tuple[str, str], extra: str = "") -> str:
    """One row per step with a value for either of ``keys``: the step, those values,
    and (if named) the ``extra`` lane's."""
    rows = []
    for number, step in enumerate(steps, start=1):
        first, second = step.values(keys[0]), step.values(keys[1])
        if first or second:
            name = f'<a href="#{attr(step.id)}">{number}. {e(step.title)}</a>'
            row = [name, _list(first), _list(second)]
            rows.append([*row, _list(step.values(extra))] if extra else row)
    return _table(headers, rows, "jm-table")


def _list(values: tuple[str, ...]) -> str:
    if not values:
        return ""
    if len(values) == 1:
        return inline_html(values[0])
    return "<ul>" + "".join(f"<li>{inline_html(v)}</li>" for v in values) + "</ul>"


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
    if photo_url:
        picture = f'<img class="jm-photo" src="{attr(photo_url)}" alt="{attr(persona.name)}">'
    else:
        picture = f'<div class="jm-initials" aria-hidden="true">{e(_initials(persona.name))}</div>'
    facts = "".join(
        f"<dt>{e(say('persona.' + key))}</dt><dd>{inline_html(value)}</dd>"
        for key, value in (
            ("role", persona.role),
            ("age", persona.age),
            ("location", persona.location),
            ("segment", persona.segment),
        )
        if value
    )
    quote = f'<blockquote class="jm-quote">{inline_html(persona.quote)}</blockquote>' if persona.quote else ""
    boxes = []
    for key in ("goals", "needs", "frustrations", "behaviours", "channels"):
        values: tuple[str, ...] = getattr(persona, key)
        if values:
            items = "".join(f"<li>{inline_html(v)}</li>" for v in values)
            boxes.append(
                f'<section class="jm-canvas-box jm-{key}"><h2>{e(say("persona." + key))}</h2><ul>{items}</ul></section>'
            )
    page.slot(
        f'<div class="jm-persona"><div class="jm-persona-head">{picture}<div>{quote}<dl class="jm-facts">{facts}</dl></div></div>'
        f'<div class="jm-canvas">{"".join(boxes)}</div></div>'
    )
    if persona.narrative:
        page.heading(2, say("site.story"))
        page.slot(prose_html(persona.narrative))
    page.heading(2, say("site.journeys"))
    if journeys:
        items = "".join(
            f'<li><a href="{attr(link(f"{settings.journeys_dir}/{j.id}.md"))}">{e(j.title)}</a></li>' for j in journeys
        )
        page.slot(f'<ul class="jm-journey-list">{items}</ul>')
    else:
        page.slot(f"<p>{e(say('site.no-journeys'))}</p>")
    return page
