"""The insights page: what all journeys say together, for the people who decide.

The worst moments across journeys first, then each journey's stages under their own
names (pain points and mean feeling, as numbers and words; shading only repeats the
word), touchpoints by channel (spellings of one channel counted together), who owns
the moments of truth, the KPI catalogue and where every review stands. Every link
says where it goes: a journey's title, or a journey's title with the step.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from generator.config import Settings
from generator.draw.align import mean_text
from generator.draw.channels import channel_glyph
from generator.draw.text import plain_text
from generator.labels import Labels
from generator.model import Journey, Step
from generator.site.html import attr, e, inline_html
from generator.site.pages import PageSource, Slot, in_place, journey_link, review_of, table_html

__all__ = ["WORST_MOMENTS", "channel_key", "insights_page"]

WORST_MOMENTS = 10
"""How many of the lowest-scored steps the page ranks."""

Link = Callable[[str], str]

_NOT_WORD = re.compile(r"[\W_]+")


def channel_key(name: str) -> str:
    """The channel a spelling means: ``E-mail``, ``email`` and ``Email`` are one."""
    return _NOT_WORD.sub("", plain_text(name).casefold())


@dataclass
class _Channel:
    spellings: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    owners: set[str] = field(default_factory=set)

    @property
    def name(self) -> str:
        """The spelling written most often (the first of them alphabetically on a tie)."""
        return min(self.spellings, key=lambda s: (-self.spellings[s], s.casefold(), s))


class _Page:
    def __init__(self, journeys: list[Journey], settings: Settings, link: Link, slot: Slot) -> None:
        self.say = Labels(settings.language)
        self.settings = settings
        self.link = link
        self.slot = slot
        self.journeys = sorted(journeys, key=lambda j: plain_text(j.title).casefold())
        self.page = PageSource.titled(self.say("site.insights"))

    def journey_link(self, journey: Journey) -> str:
        return journey_link(journey, self.settings, self.link)

    def step_link(self, journey: Journey, step: Step, number: int, *, with_journey: bool = True) -> str:
        href = self.link(f"{self.settings.journeys_dir}/{journey.id}.md") + f"#{step.id}"
        where = f"{e(journey.title)}: " if with_journey else ""
        return f'<a href="{attr(href)}">{where}{number}. {e(step.title)}</a>'

    def feeling(self, score: float | None, word: str = "", *, mean: bool = True) -> str:
        """A feeling as number (a mean to one decimal, a step's as written), tone in
        words, and the word if there is one."""
        if score is None:
            return e(self.say("no-feeling"))
        tone = self.settings.tone(score)
        number = mean_text(score) if mean else f"{score:+g}"
        number = "0" if number in ("+0", "-0") else number
        said = f", {e(word)}" if word else ""
        return f'<span class="jm-tone jm-tone-{tone}">{e(number)} ({e(self.say("tone." + tone))}{said})</span>'

    def section(self, title: str, help_key: str = "") -> None:
        self.page.heading(2, title)
        if help_key:
            self.page.slot(f'<p class="jm-help">{e(self.say(help_key))}</p>')

    def worst_moments(self) -> None:
        say = self.say
        self.section(say("site.worst"), "site.worst-help")
        scored = [
            (step.emotion.score, -len(step.values("pain")), plain_text(journey.title).casefold(), number, journey, step)
            for journey in self.journeys
            for number, step in enumerate(journey.steps, start=1)
            if step.emotion is not None
        ]
        scored.sort(key=lambda item: item[:4])
        rows = []
        for rank, (score, _, _, number, journey, step) in enumerate(scored[:WORST_MOMENTS], start=1):
            word = step.emotion.word if step.emotion else ""
            pains = step.values("pain")
            listed = "<ul>" + "".join(f"<li>{inline_html(p)}</li>" for p in pains) + "</ul>" if pains else "–"
            owners = e(", ".join(plain_text(o) for o in step.values("owner"))) or "–"
            rows.append(
                f"<tr><td>{rank}</td><td>{self.feeling(score, word, mean=False)}</td>"
                f"<td>{self.step_link(journey, step, number)}</td><td>{listed}</td><td>{owners}</td></tr>"
            )
        if rows:
            headers = ("#", say("key.feeling"), say("site.step"), say("lane.pain"), say("key.owner"))
            self.page.slot(self.slot(table_html(headers, rows, "jm-worst"), ""))
        else:
            self.page.slot(f"<p>{e(say('site.none'))}</p>")

    def stages(self) -> None:
        say = self.say
        self.section(say("site.by-stage"), "site.by-stage-help")
        legend = "".join(
            f'<li><span class="jm-swatch jm-heat-{tone}" aria-hidden="true"></span>{e(say("tone." + tone))}: '
            f"{e(say('site.tone-range.' + tone, **self.thresholds()))}</li>"
            for tone in ("neg", "neutral", "pos")
        )
        self.page.slot(
            f'<div class="jm-legend-box"><p>{e(say("legend"))}</p><ul class="jm-heat-legend">{legend}</ul></div>'
        )
        for journey in self.journeys:
            rows = []
            for stage in journey.stages:
                if not stage.steps:
                    continue
                pains = sum(len(step.values("pain")) for step in stage.steps)
                scores = [step.emotion.score for step in stage.steps if step.emotion]
                mean = sum(scores) / len(scores) if scores else None
                tone = self.settings.tone(mean) if mean is not None else "none"
                rows.append(
                    f'<tr class="jm-heat-{tone}"><th scope="row">{e(stage.title)}</th><td>{len(stage.steps)}</td>'
                    f"<td>{pains}</td><td>{self.feeling(mean)}</td></tr>"
                )
            headers = (say("site.stage"), say("site.steps"), say("lane.pain"), say("site.mean-feeling-head"))
            self.page.slot(
                self.slot(
                    f'<p class="jm-heat-title">{self.journey_link(journey)}</p>' + table_html(headers, rows, "jm-heat"),
                    "",
                )
            )

    def thresholds(self) -> dict[str, str]:
        low, high = self.settings.emotion_scale
        middle = (low + high) / 2
        return {"middle": f"{middle:g}"}

    def channels(self) -> None:
        say = self.say
        self.section(say("site.inventory"), "site.inventory-help")
        found: dict[str, _Channel] = {}
        none = say("site.no-channel")
        for journey in self.journeys:
            for step in journey.steps:
                names = [plain_text(c) for c in step.values("channel")] or [none]
                for name in dict.fromkeys(channel_key(n) or n for n in names):
                    entry = found.setdefault(name, _Channel())
                    entry.types[step.type or "–"] += 1
                    entry.owners.update(plain_text(o) for o in step.values("owner"))
                for name in names:
                    found[channel_key(name) or name].spellings[name] += 1
        types = list(self.settings.touchpoint_types)
        rows = []
        for key in sorted(found, key=lambda k: (found[k].name == none, found[k].name.casefold())):
            entry = found[key]
            shown = e(entry.name)
            if len(entry.spellings) > 1:
                shown += f'<br><span class="jm-spellings">{e(say("site.spellings", names=", ".join(sorted(entry.spellings))))}</span>'
            counts = "".join(f"<td>{entry.types.get(t, 0)}</td>" for t in types)
            glyph = channel_glyph(entry.name) or ""
            rows.append(
                f'<tr><th scope="row" data-glyph="{attr(glyph)}">{shown}</th><td>{sum(entry.types.values())}</td>'
                f"{counts}<td>{e(', '.join(sorted(entry.owners, key=str.casefold)))}</td></tr>"
            )
        headers = (say("site.channel"), say("site.touchpoints"), *map(say.touchpoint_type, types), say("site.owners"))
        self.page.slot(self.slot(table_html(headers, rows), ""))

    def ownership(self) -> None:
        say = self.say
        self.section(say("site.ownership"))
        owners: dict[str, list[str]] = {}
        for journey in self.journeys:
            for number, step in enumerate(journey.steps, start=1):
                if step.moment_of_truth:
                    for owner in step.values("owner") or (say("site.unassigned"),):
                        owners.setdefault(plain_text(owner), []).append(self.step_link(journey, step, number))
        if not owners:
            self.page.slot(f"<p>{e(say('site.none'))}</p>")
            return
        rows = [
            f'<tr><th scope="row">{e(owner)}</th><td><ul>{"".join(f"<li>{m}</li>" for m in owners[owner])}</ul></td></tr>'
            for owner in sorted(owners, key=str.casefold)
        ]
        self.page.slot(self.slot(table_html((say("key.owner"), say("moment-of-truth")), rows), ""))

    def redesigns(self) -> None:
        """Each redesign's expected gain by stage: its mean feeling against today's."""
        from generator.diff.compare import compare_journeys
        from generator.site.compare_pages import comparison_uri, pairs

        found = pairs(self.journeys)
        if not found:
            return
        say = self.say
        self.section(say("site.redesign-gains"), "site.redesign-gains-help")
        for current, future in sorted(found, key=lambda pair: plain_text(pair[1].title).casefold()):
            rows = []
            for gain in compare_journeys(current, future).gains:
                change = e(mean_text(gain.gain)) if gain.gain is not None else "–"
                rows.append(
                    f'<tr><th scope="row">{e(gain.title)}</th><td>{self.feeling(gain.current)}</td>'
                    f"<td>{self.feeling(gain.future)}</td><td>{change}</td></tr>"
                )
            href = self.link(comparison_uri(future))
            title = e(say("compare.title", future=future.title, current=current.title))
            headers = (say("site.stage"), say("compare.as-is"), say("compare.to-be"), say("compare.gain"))
            self.page.slot(
                self.slot(
                    f'<p class="jm-heat-title"><a href="{attr(href)}">{title}</a></p>' + table_html(headers, rows),
                    "",
                )
            )

    def kpis(self) -> None:
        say = self.say
        self.section(say("site.kpi-catalogue"))
        rows = []
        for journey in self.journeys:
            for number, step in enumerate(journey.steps, start=1):
                kpis, metrics = step.values("kpi"), step.values("metric")
                if kpis or metrics:
                    rows.append(
                        f"<tr><td>{self.step_link(journey, step, number)}</td>"
                        f"<td>{'<br>'.join(inline_html(k) for k in kpis)}</td>"
                        f"<td>{'<br>'.join(inline_html(m) for m in metrics)}</td>"
                        f"<td>{e(', '.join(plain_text(o) for o in step.values('owner')))}</td></tr>"
                    )
        if rows:
            headers = (say("site.step"), say("key.kpi"), say("key.metric"), say("key.owner"))
            self.page.slot(self.slot(table_html(headers, rows), ""))
        else:
            self.page.slot(f"<p>{e(say('site.none'))}</p>")

    def measured(self) -> None:
        """Every measured metric by touchpoint, with its trend and, where the step's KPI
        names a target, whether the latest value meets it."""
        from generator.draw.measures import change_text, kpi_target, series_by_step, value_text

        rows = []
        for journey in self.journeys:
            series = series_by_step(journey) if journey.measured else {}
            for number, step in enumerate(journey.steps, start=1):
                metrics = series.get(step.id, ())
                for metric in metrics:
                    touchpoint = plain_text(step.first("touchpoint") or step.first("channel")) or "–"
                    target = kpi_target(step.values("kpi"), metric, len(metrics))
                    verdict = "–"
                    if target is not None:
                        met = target.met(metric.latest.value)
                        verdict = f"{target.text}: {self.say('site.target-met' if met else 'site.target-missed')}"
                    rows.append(
                        f"<tr><td>{e(touchpoint)}</td><td>{self.step_link(journey, step, number)}</td>"
                        f"<td>{e(metric.metric)}</td>"
                        f"<td>{e(value_text(metric.latest.value, metric.unit))} ({e(metric.latest.period)})</td>"
                        f"<td>{e(change_text(metric, self.say)) or '–'}</td><td>{e(verdict)}</td></tr>"
                    )
        if not rows:
            return
        say = self.say
        self.section(say("site.measured-by-touchpoint"), "site.measured-help")
        headers = (
            say("key.touchpoint"),
            say("site.step"),
            say("site.metric"),
            say("site.latest"),
            say("site.change"),
            say("site.target"),
        )
        self.page.slot(self.slot(table_html(headers, rows, "jm-measured"), ""))

    def reviews(self, today: dt.date) -> None:
        say = self.say
        self.section(say("site.review-status"))
        reviews = [(journey, review_of(journey, self.settings, today)) for journey in self.journeys]
        rank = {"overdue": 0, "moved": 1, "never": 2, "ok": 3}
        reviews.sort(key=lambda item: (rank[item[1].status], item[1].due or dt.date.min))
        words = {
            "overdue": say("site.overdue"),
            "moved": say("site.data-moved"),
            "never": say("site.never"),
            "ok": say("site.up-to-date"),
        }
        rows = []
        for journey, review in reviews:
            cls = ' class="jm-overdue"' if review.status in ("overdue", "moved") else ""
            rows.append(
                f"<tr><td>{self.journey_link(journey)}</td>"
                f"<td>{review.reviewed.isoformat() if review.reviewed else '–'}</td>"
                f"<td>{review.due.isoformat() if review.due else '–'}</td><td{cls}>{e(words[review.status])}</td></tr>"
            )
        headers = (say("site.journey"), say("reviewed"), say("site.due"), say("site.status"))
        self.page.slot(self.slot(table_html(headers, rows), ""))


def insights_page(
    journeys: list[Journey], settings: Settings, *, link: Link, today: dt.date, slot: Slot = in_place
) -> PageSource:
    """The insights page. Its tables go through ``slot`` with no words for search: they
    repeat the journeys' own."""
    page = _Page(journeys, settings, link, slot)
    page.worst_moments()
    page.stages()
    page.redesigns()
    page.channels()
    page.ownership()
    page.kpis()
    page.measured()
    page.reviews(today)
    return page.page
