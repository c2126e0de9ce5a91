"""A journey's measured data by step and metric: the latest value, the change against the
period before, and how both are written (the map, the page and the insights say the same).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.labels import Labels
from generator.model import Journey, Measurement

__all__ = ["MetricSeries", "change_text", "series_by_step", "value_text"]


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
