"""Measured data: CSV files of ``content/data/`` with one measurement a row.

The header names the columns ``journey,step,metric,value,period`` and optionally
``unit`` (Dutch: ``klantreis,stap,meting,waarde,periode,eenheid``), in any order, with
commas or semicolons between them. A value is a number (a decimal comma is read too);
a period is a year, a half, a quarter, a month, an ISO week or a day (``2026``,
``2026-H2``, ``2026-Q3``, ``2026-09``, ``2026-W36``, ``2026-09-30``). Every problem is
located at its row and the character column of its cell.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.errors import Problem, problem
from generator.model import Location, Measurement
from generator.read.csv_source import Record, read_records
from generator.vocabulary import canonical_key, did_you_mean

__all__ = ["COLUMNS", "UNITS", "parse_period", "read_measurements"]

COLUMNS: dict[str, tuple[str, ...]] = {
    "journey": ("klantreis", "reis"),
    "step": ("stap",),
    "metric": ("meting", "metriek"),
    "value": ("waarde",),
    "period": ("periode",),
    "unit": ("eenheid",),
}
REQUIRED = ("journey", "step", "metric", "value", "period")

UNITS: dict[str, tuple[str, ...]] = {
    "%": ("percent", "procent", "pct"),
    "pp": ("percentage-points", "procentpunt", "procentpunten"),
    "count": ("number", "aantal", "n"),
    "score": ("points", "punten"),
    "s": ("sec", "seconds", "seconden"),
    "min": ("minutes", "minuten"),
    "h": ("hours", "uur", "uren"),
    "d": ("days", "dagen"),
    "eur": ("€", "euro", "euros"),
    "usd": ("$", "dollar", "dollars"),
}

_NUMBER = re.compile(r"^[+\-\u2212]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$")
_PERIOD = re.compile(
    r"^(?P<year>\d{4})"
    r"(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|Q(?P<quarter>[1-4])|H(?P<half>[12])|W(?P<week>\d{2})))?$",
    re.IGNORECASE,
)


def parse_period(text: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day of a period, or ``None`` when it is not one."""
    match = _PERIOD.fullmatch(text.strip())
    if match is None:
        return None
    year = int(match["year"])
    try:
        if match["day"]:
            day = dt.date(year, int(match["month"]), int(match["day"]))
            return day, day
        if match["month"]:
            month = int(match["month"])
            return dt.date(year, month, 1), _month_end(year, month)
        if match["quarter"]:
            first = 3 * int(match["quarter"]) - 2
            return dt.date(year, first, 1), _month_end(year, first + 2)
        if match["half"]:
            first = 6 * int(match["half"]) - 5
            return dt.date(year, first, 1), _month_end(year, first + 5)
        if match["week"]:
            monday = dt.date.fromisocalendar(year, int(match["week"]), 1)
            return monday, monday + dt.timedelta(days=6)
    except ValueError:  # 2026-13, 2026-02-30, week 54
        return None
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def read_measurements(text: str, path: str) -> tuple[list[Measurement], list[Problem]]:
    """The measurements of one data file, and every problem of its rows on its own
    (unknown journeys and steps are checked against the project later)."""
    records, refused = read_records(text, path)
    if refused is not None:
        return [], [refused]
    start = Location(path=path, line=1, column=1)
    if not records or not any(cell.strip() for cell in records[0].cells):
        return [], [problem(start, "E901", "the data file is empty: it needs a header row")]
    header = records[0]
    positions: dict[str, int] = {}
    problems: list[Problem] = []
    for index, name in enumerate(header.cells):
        key = canonical_key(name.strip(), COLUMNS)
        if key is None:
            at = Location(path=path, line=1, column=header.column(index))
            hint = did_you_mean(name, COLUMNS) or "the columns are journey, step, metric, value, period and unit"
            problems.append(problem(at, "E901", f"unknown column '{name.strip()}'", hint))
        elif key not in positions:
            positions[key] = index
    missing = [name for name in REQUIRED if name not in positions]
    if missing:
        found = ", ".join(repr(c.strip()) for c in header.cells)
        problems.append(problem(start, "E901", f"missing column {', '.join(missing)} (the header has {found})"))
        return [], problems
    found_rows: list[Measurement] = []
    seen: dict[tuple[str, str, str, str], int] = {}
    for record in records[1:]:
        if not any(cell.strip() for cell in record.cells):
            continue
        row = _row(record, positions, path, problems)
        if row is None:
            continue
        same = (row.journey, row.step, row.metric.casefold(), row.period)
        if same in seen:
            first = seen[same]
            message = (
                f"a second value for '{row.metric}' of step '{row.step}' in {row.period} (the first: line {first})"
            )
            problems.append(problem(row.loc, "E906", message))
            continue
        seen[same] = record.line
        found_rows.append(row)
    return found_rows, problems


def _row(record: Record, positions: dict[str, int], path: str, problems: list[Problem]) -> Measurement | None:
    def cell(name: str) -> str:
        index = positions.get(name)
        return record.cells[index].strip() if index is not None and index < len(record.cells) else ""

    def at(name: str) -> Location:
        return Location(path=path, line=record.line, column=record.column(positions.get(name, 0)))

    before = len(problems)
    for name in ("journey", "step", "metric", "value", "period"):
        if not cell(name):
            problems.append(problem(at(name), "E902", f"the row has no {name}"))
    if len(problems) > before:
        return None
    value_text = cell("value").replace("\u2212", "-")
    if _NUMBER.fullmatch(value_text) is None:
        hint = "Write a plain number: 54, 54.5 or 54,5; put '%' or another unit in the unit column."
        problems.append(problem(at("value"), "E904", f"'{cell('value')}' is not a number", hint))
        return None
    period = parse_period(cell("period"))
    if period is None:
        hint = "Write the period as 2026, 2026-H2, 2026-Q3, 2026-09, 2026-W36 or 2026-09-30."
        problems.append(problem(at("period"), "E907", f"'{cell('period')}' is not a period", hint))
        return None
    unit = ""
    if cell("unit"):
        canonical = canonical_key(cell("unit"), UNITS)
        if canonical is None:
            hint = did_you_mean(cell("unit"), UNITS) or f"use one of: {', '.join(UNITS)}"
            problems.append(problem(at("unit"), "E905", f"unknown unit '{cell('unit')}'", hint))
            return None
        unit = canonical
    return Measurement(
        journey=cell("journey"),
        step=cell("step"),
        metric=" ".join(cell("metric").split()),
        value=float(value_text.replace(",", ".")),
        period=cell("period").upper(),
        unit=unit,
        starts=period[0],
        ends=period[1],
        loc=Location(path=path, line=record.line, column=1),
        journey_loc=at("journey"),
        step_loc=at("step"),
    )
