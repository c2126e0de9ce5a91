"""Checks that need the whole project or its settings: references, scales, vocabularies, reviews.

Pure functions over the model; parsing has already reported what a file alone can show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from generator.config import Settings
from generator.errors import Problem, problem
from generator.model import Journey, Measurement, Persona
from generator.read.load import LoadedProject
from generator.vocabulary import suggest

__all__ = ["validate_journey", "validate_loaded", "validate_project"]


def validate_project(
    journeys: list[Journey],
    personas: list[Persona],
    settings: Settings,
    today: dt.date,
    journey_ids: Iterable[str] = (),
    measurements: Iterable[Measurement] = (),
    references: Iterable[Journey] = (),
) -> list[Problem]:
    """Every problem across ``journeys`` given the known ``personas``; ``journey_ids``
    are the project's other journeys, which a ``replaces`` (or a row of measured data)
    may name too."""
    persona_ids = {persona.id for persona in personas}
    by_id = {journey.id: journey for journey in journeys}
    known = set(journey_ids) | set(by_id)
    problems: list[Problem] = []
    for journey in journeys:
        problems.extend(validate_journey(journey, persona_ids, settings, today))
        problems.extend(_replaces_problems(journey, known, by_id))
    steps_of = {**{journey.id: journey for journey in references}, **by_id}
    problems.extend(_measurement_problems(measurements, known | set(steps_of), steps_of))
    return problems


def _measurement_problems(
    measurements: Iterable[Measurement], known: set[str], by_id: dict[str, Journey]
) -> list[Problem]:
    """A row of measured data names a journey of the project and one of its steps."""
    problems: list[Problem] = []
    steps: dict[str, set[str]] = {}
    for row in measurements:
        if row.journey not in known:
            close = suggest(row.journey, known)
            hint = f"did you mean '{close}'?" if close else None
            problems.append(problem(row.journey_loc, "E903", f"unknown journey '{row.journey}'", hint))
            continue
        journey = by_id.get(row.journey)
        if journey is None:  # listed, not read: its steps are not known here
            continue
        ids = steps.setdefault(row.journey, {step.id for step in journey.steps})
        if row.step not in ids:
            close = suggest(row.step, ids)
            hint = f"did you mean '{close}'?" if close else None
            message = f"journey '{row.journey}' has no step '{row.step}'"
            problems.append(problem(row.step_loc, "E908", message, hint))
    return problems


def validate_loaded(project: LoadedProject, settings: Settings, today: dt.date) -> list[Problem]:
    """``validate_project`` over everything ``load_project`` read."""
    return validate_project(
        project.journeys,
        project.personas,
        settings,
        today,
        project.journey_ids,
        project.measurements if project.measurements_checked else (),
        project.references,
    )


def _replaces_problems(journey: Journey, known: set[str], by_id: dict[str, Journey]) -> list[Problem]:
    """A ``replaces`` belongs to a future journey and names another, current one."""
    if not journey.replaces:
        return []
    loc = journey.key_locs.get("replaces", journey.loc)
    target = journey.replaces
    if journey.state != "future":
        return [problem(loc, "E505", "only a future journey replaces another: this one is current")]
    if target == journey.id:
        return [problem(loc, "E505", "a journey cannot replace itself")]
    if target not in known:
        close = suggest(target, known - {journey.id})
        others = sorted(known - {journey.id})
        listed = ", ".join(others[:8]) + (", …" if len(others) > 8 else "")
        hint = f"did you mean '{close}'?" if close else f"known journeys: {listed or 'none yet'}"
        return [problem(loc, "E504", f"unknown journey '{target}'", hint)]
    replaced = by_id.get(target)
    if replaced is not None and replaced.state != "current":
        return [problem(loc, "E505", f"'{target}' is a future journey too; 'replaces' names the current one")]
    return []


def validate_journey(journey: Journey, persona_ids: set[str], settings: Settings, today: dt.date) -> list[Problem]:
    """Problems of one journey that depend on settings, today's date or other files."""
    problems: list[Problem] = []
    if journey.persona and journey.persona not in persona_ids:
        close = suggest(journey.persona, persona_ids)
        known = ", ".join(sorted(persona_ids)) or "none yet"
        hint = f"did you mean '{close}'?" if close else f"known personas: {known}"
        loc = journey.key_locs.get("persona", journey.loc)
        problems.append(problem(loc, "E501", f"unknown persona '{journey.persona}'", hint))
    low, high = settings.emotion_scale
    types = settings.touchpoint_types
    for stage in journey.stages:
        if not stage.steps:
            problems.append(problem(stage.loc, "W102", f"stage '{stage.title}' has no steps"))
        for step in stage.steps:
            if step.emotion is None:
                if not step.values("feeling"):  # an unreadable feeling was reported when parsing
                    problems.append(problem(step.loc, "W101", f"step '{step.title}' has no feeling"))
            elif not low <= step.emotion.score <= high:
                message = f"feeling '{step.first('feeling')}' is outside the scale {low}…{high}"
                problems.append(problem(step.emotion.loc, "E402", message))
            if step.type and step.type not in types:
                close = suggest(step.type, types)
                hint = f"did you mean '{close}'?" if close else f"use one of: {', '.join(types)}"
                type_loc = next((lane.loc for lane in step.lanes if lane.key == "type"), step.loc)
                problems.append(problem(type_loc, "E403", f"unknown touchpoint type '{step.type}'", hint))
    problems.extend(_review_problems(journey, settings, today))
    return problems


def review_due(reviewed: dt.date, period: int) -> dt.date:
    """The day a review reviewed on ``reviewed`` is due, ``period`` days later; the
    calendar's last day when that is past it (``reviewed: 9999-12-31``)."""
    try:
        return reviewed + dt.timedelta(days=period)
    except OverflowError:
        return dt.date.max


def _moved_problems(journey: Journey, settings: Settings) -> list[Problem]:
    """A warning per metric that moved past the threshold since the review."""
    from generator.draw.measures import moved_since, value_text

    problems = []
    for moved in moved_since(journey, settings.data_review_threshold):
        unit = moved.series.unit
        then = f"{value_text(moved.before.value, unit)} ({moved.before.period})"
        now = f"{value_text(moved.after.value, unit)} ({moved.after.period})"
        message = (
            f"measured '{moved.series.metric}' of step '{moved.step}' moved from {then} to {now} "
            f"since the review on {journey.reviewed}"
        )
        problems.append(problem(journey.key_locs.get("reviewed", journey.loc), "W105", message))
    return problems


def _review_problems(journey: Journey, settings: Settings, today: dt.date) -> list[Problem]:
    if journey.reviewed is not None and journey.measured:
        moved = _moved_problems(journey, settings)
        if moved:
            return moved
    if journey.reviewed is None:
        if "reviewed" in journey.key_locs or not journey.key_locs:  # bad date or unreadable front matter
            return []
        return [problem(journey.loc, "W104", "the journey has no 'reviewed' date")]
    if settings.review_period == 0:
        return []
    due = review_due(journey.reviewed, settings.review_period)
    if due < today:
        overdue = (today - due).days
        days = f"{overdue} day" if overdue == 1 else f"{overdue} days"
        message = f"review overdue by {days} (reviewed {journey.reviewed.isoformat()}, due {due.isoformat()})"
        return [problem(journey.key_locs.get("reviewed", journey.loc), "W103", message)]
    return []
