"""A journey's measured data by step and metric: the latest value, the change against the
period before, and how both are written (the map, the page and the insights say the same).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.labels import Labels
from generator.model import Journey, Measurement

__all__ = ["MetricSeries", "Moved", "change_text", "moved_since", "series_by_step", "value_text"]


@dataclass(frozen=True, slots=True)
class MetricSeries:
    """One metric of one step over its periods, oldest first."""

    metric: str
    unit: str
    points: tuple[Measurement, ...]

    @property
    def latest(self) -> Measurement:
        return self.points[-1]

    @property
    def previous(self) -> Measurement | None:
        return self.points[-2] if len(self.points) > 1 else None

    @property
    def change(self) -> float | None:
        """The latest value minus the one before (percentage points for a %)."""
        return None if self.previous is None else self.latest.value - self.previous.value


def series_by_step(journey: Journey) -> dict[str, list[MetricSeries]]:
    """For each step id, its metrics in name order, each with its periods in time order."""
    grouped: dict[tuple[str, str], list[Measurement]] = {}
    for row in journey.measured:
        grouped.setdefault((row.step, row.metric.casefold()), []).append(row)
    found: dict[str, list[MetricSeries]] = {}
    for (step, _), rows in sorted(grouped.items()):
        rows.sort(key=lambda r: (r.ends, r.starts, r.period))
        found.setdefault(step, []).append(MetricSeries(rows[-1].metric, rows[-1].unit, tuple(rows)))
    return found


def _number(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def value_text(value: float, unit: str) -> str:
    """``54%``, ``9 min``, ``€12``, ``3.8``."""
    number = _number(value)
    if unit == "%":
        return f"{number}%"
    if unit == "eur":
        return f"€{number}"
    if unit == "usd":
        return f"${number}"
    if unit in ("", "count", "score"):
        return number
    return f"{number} {unit}"


def change_text(series: MetricSeries, say: Labels) -> str:
    """The change against the period before, in words as well as an arrow:
    ``▲ up 3 pp since 2026-Q2``; empty for a metric measured once."""
    change, previous = series.change, series.previous
    if change is None or previous is None:
        return ""
    since = say("measured.since", period=previous.period)
    if abs(change) < 1e-9:
        return f"= {say('measured.same')} {since}"
    unit = "pp" if series.unit == "%" else series.unit
    amount = value_text(abs(change), unit)
    word, arrow = (say("measured.up"), "▲") if change > 0 else (say("measured.down"), "▼")
    return f"{arrow} {word} {amount} {since}"


@dataclass(frozen=True, slots=True)
class Moved:
    """A metric that moved past the threshold after a review: its value then and now."""

    step: str
    series: MetricSeries
    before: Measurement
    after: Measurement


def moved_since(journey: Journey, threshold: float) -> list[Moved]:
    """The metrics of ``journey`` whose latest value differs from the last one measured
    by its ``reviewed`` date by more than ``threshold``: percentage points for a ``%``,
    percent of the earlier value otherwise. Nothing without a review date or a threshold."""
    if journey.reviewed is None or threshold <= 0 or not journey.measured:
        return []
    found = []
    for step, metrics in series_by_step(journey).items():
        for series in metrics:
            known = [point for point in series.points if point.ends <= journey.reviewed]
            latest = series.latest
            if not known or latest.ends <= journey.reviewed:
                continue
            before = known[-1]
            change = abs(latest.value - before.value)
            moved = (
                change > threshold
                if series.unit == "%"
                else (change > abs(before.value) * threshold / 100 if before.value else change > 0)
            )
            if moved:
                found.append(Moved(step, series, before, latest))
    return found


@dataclass(frozen=True, slots=True)
class Target:
    """A KPI's target: a number, and whether the value should stay at or below it."""

    value: float
    at_most: bool
    text: str
    """The target as the KPI writes it: ``target 6%``."""

    def met(self, value: float) -> bool:
        return value <= self.value if self.at_most else value >= self.value


_TARGET = re.compile(
    r"\((?P<text>(?:target|doel)\s+(?P<way>under|below|at most|less than|max|onder|hoogstens|maximaal|<|≤)?\s*"
    r"(?P<number>\d+(?:[.,]\d+)?)\s*%?)\)",
    re.IGNORECASE,
)


def kpi_target(kpis: tuple[str, ...], metric: MetricSeries, metrics: int) -> Target | None:
    """The target of the KPI a metric measures: one that names the metric, or the only
    KPI when the step has one metric. ``(target 6%)`` is met at 6 or more, ``(target
    under 10%)`` at 10 or less (Dutch ``doel``, ``onder``)."""
    chosen = [k for k in kpis if metric.metric.casefold() in k.casefold()]
    if not chosen and metrics == 1 and len(kpis) == 1:
        chosen = list(kpis)
    for kpi in chosen:
        match = _TARGET.search(kpi)
        if match is not None:
            number = float(match["number"].replace(",", "."))
            return Target(number, bool(match["way"]), " ".join(match["text"].split()))
    return None
