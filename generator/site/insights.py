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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from generator.config import Settings
from generator.draw.align import mean_text
from generator.draw.channels import channel_glyph
from generator.draw.text import plain_text
from generator.labels import Labels
from generator.model import Journey, Step
from generator.site.pages import PageSource, Slot, in_place, paragraph, review_of
from generator.site.templates import render_block

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


class Feeling(NamedTuple):
    """A feeling as the page shows it: its tone, number, tone in words and word."""

    tone: str
    number: str
    tone_word: str
    word: str


class _Page:
    def __init__(self, journeys: list[Journey], settings: Settings, link: Link, slot: Slot) -> None:
        self.say = Labels(settings.language)
        self.settings = settings
        self.link = link
        self.slot = slot
        self.journeys = sorted(journeys, key=lambda j: plain_text(j.title).casefold())
        self.page = PageSource.titled(self.say("site.insights"))

    def block(self, name: str, **context: object) -> str:
        return render_block(self.settings.theme_dir, f"insights-{name}", say=self.say, **context)

    def table(self, name: str, headers: Sequence[str], rows: list[Any]) -> None:
        """A table of the page, through its slot: search finds its words in the journeys."""
        self.page.slot(self.slot(self.block(name, headers=headers, rows=rows), ""))

    def journey_link(self, journey: Journey) -> tuple[str, str]:
        return self.link(f"{self.settings.journeys_dir}/{journey.id}.md"), journey.title

    def step_link(self, journey: Journey, step: Step, number: int) -> tuple[str, str]:
        href = self.link(f"{self.settings.journeys_dir}/{journey.id}.md") + f"#{step.id}"
        return href, f"{journey.title}: {number}. {step.title}"

    def feeling(self, score: float | None, word: str = "", *, mean: bool = True) -> Feeling | None:
        """A feeling as number (a mean to one decimal, a step's as written), tone in
        words, and the word if there is one."""
        if score is None:
            return None
        tone = self.settings.tone(score)
        number = mean_text(score) if mean else f"{score:+g}"
        number = "0" if number in ("+0", "-0") else number
        return Feeling(tone, number, self.say("tone." + tone), word)

    def none(self) -> None:
        self.page.slot(paragraph(self.settings, self.say("site.none")))

    def section(self, title: str, help_key: str = "") -> None:
        self.page.heading(2, title)
        if help_key:
            self.page.slot(paragraph(self.settings, self.say(help_key), "jm-help"))

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
            owners = ", ".join(plain_text(o) for o in step.values("owner"))
            feeling = self.feeling(score, word, mean=False)
            rows.append((rank, feeling, self.step_link(journey, step, number), step.values("pain"), owners))
        if rows:
            self.table("worst", ("#", say("key.feeling"), say("site.step"), say("lane.pain"), say("key.owner")), rows)
        else:
            self.none()

    def stages(self) -> None:
        say = self.say
        self.section(say("site.by-stage"), "site.by-stage-help")
        tones = [
            (tone, say("tone." + tone), say("site.tone-range." + tone, **self.thresholds()))
            for tone in ("neg", "neutral", "pos")
        ]
        self.page.slot(self.block("legend", tones=tones))
        headers = (say("site.stage"), say("site.steps"), say("lane.pain"), say("site.mean-feeling-head"))
        for journey in self.journeys:
            rows = []
            for stage in journey.stages:
                if not stage.steps:
                    continue
                pains = sum(len(step.values("pain")) for step in stage.steps)
                scores = [step.emotion.score for step in stage.steps if step.emotion]
                mean = sum(scores) / len(scores) if scores else None
                tone = self.settings.tone(mean) if mean is not None else "none"
                rows.append((tone, stage.title, len(stage.steps), pains, self.feeling(mean)))
            stages = self.block(
                "stages",
                title=self.journey_link(journey),
                headers=headers,
                rows=rows,
                gains=False,
                no_feeling=say("no-feeling"),
            )
            self.page.slot(self.slot(stages, ""))

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
            spellings = (
                say("site.spellings", names=", ".join(sorted(entry.spellings))) if len(entry.spellings) > 1 else ""
            )
            rows.append(
                (
                    entry.name,
                    spellings,
                    channel_glyph(entry.name) or "",
                    sum(entry.types.values()),
                    [entry.types.get(t, 0) for t in types],
                    ", ".join(sorted(entry.owners, key=str.casefold)),
                )
            )
        headers = (say("site.channel"), say("site.touchpoints"), *map(say.touchpoint_type, types), say("site.owners"))
        self.table("channels", headers, rows)

    def ownership(self) -> None:
        say = self.say
        self.section(say("site.ownership"))
        owners: dict[str, list[tuple[str, str]]] = {}
        for journey in self.journeys:
            for number, step in enumerate(journey.steps, start=1):
                if step.moment_of_truth:
                    for owner in step.values("owner") or (say("site.unassigned"),):
                        owners.setdefault(plain_text(owner), []).append(self.step_link(journey, step, number))
        if not owners:
            self.none()
            return
        rows = [(owner, owners[owner]) for owner in sorted(owners, key=str.casefold)]
        self.table("ownership", (say("key.owner"), say("moment-of-truth")), rows)

    def redesigns(self) -> None:
        """Each redesign's expected gain by stage: its mean feeling against today's."""
        from generator.diff.compare import compare_journeys
        from generator.site.compare_pages import comparison_uri, pairs

        found = pairs(self.journeys)
        if not found:
            return
        say = self.say
        self.section(say("site.redesign-gains"), "site.redesign-gains-help")
        headers = (say("site.stage"), say("compare.as-is"), say("compare.to-be"), say("compare.gain"))
        for current, future in sorted(found, key=lambda pair: plain_text(pair[1].title).casefold()):
            rows = [
                (
                    gain.title,
                    self.feeling(gain.current),
                    self.feeling(gain.future),
                    mean_text(gain.gain) if gain.gain is not None else "–",
                )
                for gain in compare_journeys(current, future).gains
            ]
            title = self.link(comparison_uri(future)), say("compare.title", future=future.title, current=current.title)
            gains = self.block(
                "stages", title=title, headers=headers, rows=rows, gains=True, no_feeling=say("no-feeling")
            )
            self.page.slot(self.slot(gains, ""))

    def kpis(self) -> None:
        say = self.say
        self.section(say("site.kpi-catalogue"))
        rows = []
        for journey in self.journeys:
            for number, step in enumerate(journey.steps, start=1):
                kpis, metrics = step.values("kpi"), step.values("metric")
                if kpis or metrics:
                    owners = ", ".join(plain_text(o) for o in step.values("owner"))
                    rows.append((self.step_link(journey, step, number), kpis, metrics, owners))
        if rows:
            self.table("kpis", (say("site.step"), say("key.kpi"), say("key.metric"), say("key.owner")), rows)
        else:
            self.none()

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
                    latest = f"{value_text(metric.latest.value, metric.unit)} ({metric.latest.period})"
                    link = self.step_link(journey, step, number)
                    rows.append((touchpoint, link, metric.metric, latest, change_text(metric, self.say), verdict))
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
        self.table("measured", headers, rows)

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
        rows = [
            (
                self.journey_link(journey),
                review.reviewed.isoformat() if review.reviewed else "–",
                review.due.isoformat() if review.due else "–",
                review.status in ("overdue", "moved"),
                words[review.status],
            )
            for journey, review in reviews
        ]
        self.table("reviews", (say("site.journey"), say("reviewed"), say("site.due"), say("site.status")), rows)


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
