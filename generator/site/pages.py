"""Site pages as Markdown skeletons plus HTML slots, built from the model; no MkDocs here.

A page's Markdown holds only its headings (so the table of contents and anchors work)
and slot tokens; everything a user wrote is rendered by ``generator.site.html`` into
the slots, which the plugin puts in place after Markdown conversion. User content thus
never passes through Python-Markdown, and large SVGs are never parsed by it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from generator.config import Settings
from generator.labels import Labels
from generator.model import Journey, Persona, Step
from generator.records import record
from generator.site.html import attr, e, inline_html, markdown_heading, prose_html
from generator.text import plain_text

__all__ = ["PageSource", "Review", "journey_page", "persona_page", "review_of", "sparkline_svg"]

Link = Callable[[str], str]
"""Maps a site path (``journeys/x.md``, ``journeys/x.svg``) to a URL relative to the page."""

Fragment = str | Callable[[], str]
"""HTML, or a function that makes it when the page is written: MkDocs converts every
page before it writes any, so a thousand journeys' maps made up front would all be
in memory at once."""


@dataclass
class PageSource:
    """Markdown with slot tokens, and the HTML each token stands for."""

    key: str
    lines: list[str] = field(default_factory=list)
    slots: list[str] = field(default_factory=list)
    late: list[Fragment] = field(default_factory=list)
    title: str | None = None
    """The page's title for MkDocs, already HTML-escaped: themes print titles unescaped."""

    @classmethod
    def titled(cls, key: str, title: str) -> PageSource:
        """A page whose MkDocs title and heading are ``title``, shown literally.

        The plugin sets the title on the page rather than in front matter: a page with
        metadata costs the theme four failed lookups (icon, subtitle, status…) each time
        it lists the page in a navigation, and with navigation.prune every journey page
        lists every other journey.
        """
        page = cls(key=key, title=e(plain_text(title)))
        page.heading(1, title)
        return page

    @property
    def _digest(self) -> str:
        return hashlib.sha1(self.key.encode("utf-8")).hexdigest()[:10]

    def token(self, index: int) -> str:
        return f"JOURNEYMAPSLOT{self._digest}X{index}"

    def md(self, line: str = "") -> None:
        self.lines.append(line)

    def heading(self, level: int, title: str) -> None:
        self.lines.extend(["", f"{'#' * level} {markdown_heading(title)}", ""])

    def slot(self, html: str) -> None:
        if html:
            self.lines.extend(["", self.token(len(self.slots)), ""])
            self.slots.append(html)

    def defer(self, html: Fragment) -> str:
        """A marker for ``html`` (a map) that goes in only after the page is complete.

        Search indexing and the theme then never parse the large SVG; the marker is an
        HTML comment, so nothing in between mistakes it for text.
        """
        self.late.append(html)
        return f"<!--JOURNEYMAPLATE{self._digest}X{len(self.late) - 1}-->"

    def stand_in(self, html: Fragment, text: str) -> str:
        """``text`` in one paragraph while the page is indexed for search; ``html`` (the
        same words with their markup) replaces it once the page is complete.

        A step's details are dozens of elements; search needs only their words, and
        parsing the elements was most of the time search indexing spent on a journey.
        """
        marker = self.defer(html)
        return f"{marker}<p>{e(text)}</p>{marker.replace('<!--', '<!--/', 1)}"

    def fill_late(self, output: str) -> str:
        """Put deferred HTML in place of its marker (and of the stand-in text after it)."""
        if not self.late:
            return output
        pattern = re.compile(
            rf"<!--JOURNEYMAPLATE{self._digest}X(\d+)-->(?:<p>[^<]*</p><!--/JOURNEYMAPLATE{self._digest}X\1-->)?"
        )
        late = self.late

        def made(match: re.Match[str]) -> str:
            fragment = late[int(match[1])]
            return fragment if isinstance(fragment, str) else fragment()

        return pattern.sub(made, output)

    @property
    def markdown(self) -> str:
        return "\n".join(self.lines).strip("\n") + "\n"

    def fill(self, html: str) -> str:
        """Put each slot's HTML where Python-Markdown left its token (as a paragraph)."""
        if not self.slots:
            return html
        pattern = re.compile(rf"<p>JOURNEYMAPSLOT{self._digest}X(\d+)</p>")
        slots = self.slots
        return pattern.sub(lambda match: slots[int(match[1])], html)


@record
class Review:
    """Where a journey stands against its review period."""

    status: str  # "ok", "overdue" or "never"
    reviewed: dt.date | None
    due: dt.date | None


def review_of(journey: Journey, settings: Settings, today: dt.date) -> Review:
    if journey.reviewed is None:
        return Review("never", None, None)
    if settings.review_period == 0:
        return Review("ok", journey.reviewed, None)
    due = journey.reviewed + dt.timedelta(days=settings.review_period)
    return Review("overdue" if due < today else "ok", journey.reviewed, due)


def review_badge(review: Review, say: Labels) -> str:
    if review.status == "never":
        text = say("site.review-never")
    elif review.status == "overdue":
        text = say("site.review-overdue", due=review.due.isoformat() if review.due else "")
    elif review.due is None:
        text = f"{say('reviewed')}: {review.reviewed.isoformat() if review.reviewed else ''}"
    else:
        text = say(
            "site.review-ok", date=review.reviewed.isoformat() if review.reviewed else "", due=review.due.isoformat()
        )
    return f'<span class="jm-badge jm-review-{review.status}">{e(text)}</span>'


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


def step_details(step: Step, number: int, settings: Settings, say: Labels) -> str:
    """A step as a definition list: the accessible text of its column on the map."""
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
    notes = prose_html(step.notes)
    return (
        f'<div class="jm-step-detail" id="step-{attr(step.id)}" data-step="{attr(step.id)}" data-number="{number}">'
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


def _table(headers: list[str], rows: list[list[str]], cls: str = "") -> str:
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<div class="{cls}"><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>'


def journey_page(
    journey: Journey,
    persona: Persona | None,
    settings: Settings,
    *,
    svg: Fragment,
    link: Link,
    today: dt.date,
    downloads: tuple[str, ...],
    source_stem: str,
    history: list[tuple[str, str, str]] | None = None,
) -> PageSource:
    """The journey page: header, the map, then every stage and step as text, and tables,
    and the journey's changes from git history when there is any."""
    say = Labels(settings.language)
    page = PageSource.titled(f"journey:{journey.id}", journey.title)
    meta = [f'<span class="jm-badge jm-state-{attr(journey.state)}">{e(say("state." + journey.state))}</span>']
    if persona is not None:
        href = link(f"{settings.personas_dir}/{persona.id}.md")
        meta.append(f'<span>{e(say("persona"))}: <a href="{attr(href)}">{e(persona.name)}</a></span>')
    else:
        meta.append(f"<span>{e(say('persona'))}: {e(journey.persona)}</span>")
    if journey.owner:
        meta.append(f"<span>{e(say('owner'))}: {inline_html(journey.owner)}</span>")
    meta.append(review_badge(review_of(journey, settings, today), say))
    meta.extend(f'<span class="jm-tag">{e(tag)}</span>' for tag in journey.tags)
    parts = [f'<div class="jm-journey-meta">{" ".join(meta)}</div>']
    if journey.expectations:
        parts.append(
            f'<p class="jm-expectations"><strong>{e(say("expectations"))}:</strong> {inline_html(journey.expectations)}</p>'
        )
    files = "".join(
        f'<a class="jm-download" href="{attr(link(f"{source_stem}.{kind}"))}" download>{kind.upper()}</a>'
        for kind in downloads
    )
    toolbar = (
        f'<div class="jm-toolbar"><button type="button" class="jm-zoom" data-jm-zoom="-1" aria-label="{attr(say("site.zoom-out"))}">−</button>'
        f'<button type="button" class="jm-zoom" data-jm-zoom="0" aria-label="{attr(say("site.zoom-reset"))}">100%</button>'
        f'<button type="button" class="jm-zoom" data-jm-zoom="1" aria-label="{attr(say("site.zoom-in"))}">+</button>'
        f'<span class="jm-downloads">{e(say("site.downloads"))}: {files}</span></div>'
    )
    parts.append(
        f'<figure class="jm-figure" data-journey="{attr(journey.id)}">{toolbar}'
        f'<div class="jm-scroll" tabindex="0" role="region" aria-label="{attr(say("site.map-region"))}">{page.defer(svg)}</div>'
        f'<div class="jm-details" aria-live="polite" hidden></div></figure>'
    )
    page.slot("".join(parts))
    if journey.scenario:
        page.heading(2, say("site.scenario"))
        page.slot(prose_html(journey.scenario))
    number = 0
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
            page.heading(3, f"{number}. {step.title}")
            details = partial(step_details, step, number, settings, say)
            page.slot(page.stand_in(details, step_search_text(step, say)))
    _tables(page, journey, settings, say)
    if history:
        page.heading(2, say("site.changes"))
        rows = [[e(date), e(subject), e(summary)] for date, subject, summary in history]
        page.slot(_table([say("site.date"), say("site.commit"), say("site.what-changed")], rows, "jm-history"))
    return page


def _tables(page: PageSource, journey: Journey, settings: Settings, say: Labels) -> None:
    """Pain points, opportunities and KPIs gathered in tables.

    Every cell repeats a step's text, so the tables go in after search indexing (as
    the map does): a search finds the step's own section, and indexing is faster.
    Their rows are made then too.
    """
    steps = journey.steps
    if any(step.values("pain") or step.values("opportunity") for step in steps):
        page.heading(2, say("site.pains-opportunities"))
        headers = [say("site.step"), say("lane.pain"), say("lane.opportunity")]
        page.slot(page.defer(partial(_step_table, headers, steps, ("pain", "opportunity"))))
    if any(step.values("kpi") or step.values("metric") for step in steps):
        page.heading(2, say("site.kpis"))
        kpi_headers = [say("site.step"), say("key.kpi"), say("key.metric"), say("key.owner")]
        page.slot(page.defer(partial(_step_table, kpi_headers, steps, ("kpi", "metric"), "owner")))


def _step_table(headers: list[str], steps: tuple[Step, ...], keys: tuple[str, str], extra: str = "") -> str:
    """One row per step with a value for either of ``keys``: the step, those values,
    and (if named) the ``extra`` lane's."""
    rows = []
    for number, step in enumerate(steps, start=1):
        first, second = step.values(keys[0]), step.values(keys[1])
        if first or second:
            name = f'<a href="#step-{attr(step.id)}">{number}. {e(step.title)}</a>'
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
    page = PageSource.titled(f"persona:{persona.id}", persona.name)
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
                f'<section class="jm-canvas-box jm-{key}"><h4>{e(say("persona." + key))}</h4><ul>{items}</ul></section>'
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
