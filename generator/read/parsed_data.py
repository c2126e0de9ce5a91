"""A parsed journey and its problems as JSON and back, exactly: locations, front-matter
key locations and ``extra`` included, so a journey read back is equal to the parsed one
in every field and draws the same bytes.

The site's disk cache keeps what each journey file parsed to, so a rebuild does not
parse unchanged files again. What is read back is checked field by field: data of any
other shape (a damaged or foreign cache entry) raises ``NotParsedData`` and is never used.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from generator.errors import CODES, Problem
from generator.model import Emotion, Journey, Lane, Location, Stage, Step

__all__ = ["NotParsedData", "dump_parsed", "load_parsed"]

_VERSION = 2


class NotParsedData(ValueError):
    """The bytes are not a parsed journey as ``dump_parsed`` writes it."""


def dump_parsed(journey: Journey, problems: list[Problem]) -> bytes | None:
    """The journey and its parse problems as JSON; ``None`` for what this format does
    not hold (measured data, which is joined in after parsing)."""
    if journey.measured:
        return None
    path = journey.loc.path
    data = [
        _VERSION,
        path,
        [
            journey.id,
            journey.title,
            journey.persona,
            journey.owner,
            journey.state,
            journey.reviewed.isoformat() if journey.reviewed is not None else None,
            journey.expectations,
            list(journey.tags),
            journey.language,
            journey.replaces,
            journey.service,
            dict(journey.extra),
            journey.scenario,
            [_stage(stage, path) for stage in journey.stages],
            _loc(journey.loc, path),
            {key: _loc(loc, path) for key, loc in journey.key_locs.items()},
        ],
        [[_loc(p.loc, path), p.code, p.message, p.hint] for p in problems],
    ]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def _loc(loc: Location, path: str) -> list[Any]:
    """A location as ``[line, column]`` in the journey's own file, else with its path."""
    return [loc.line, loc.column] if loc.path == path else [loc.path, loc.line, loc.column]


def _stage(stage: Stage, path: str) -> list[Any]:
    return [
        stage.id,
        stage.title,
        stage.description,
        list(stage.goals),
        [_step(s, path) for s in stage.steps],
        _loc(stage.loc, path),
    ]


def _step(step: Step, path: str) -> list[Any]:
    emotion = step.emotion
    return [
        step.id,
        step.title,
        step.notes,
        [[lane.key, lane.value, *_loc(lane.loc, path)] for lane in step.lanes],
        None if emotion is None else [emotion.score, emotion.word, _loc(emotion.loc, path)],
        step.type,
        step.moment_of_truth,
        _loc(step.loc, path),
    ]


def load_parsed(data: bytes) -> tuple[Journey, list[Problem]]:
    """What ``dump_parsed`` wrote; ``NotParsedData`` for anything else."""
    try:
        version, path, j, problems = json.loads(data)
        if version != _VERSION:
            raise ValueError("another version")
        path = _s(path)
        (ident, title, persona, owner, state, reviewed, expectations, tags, language, replaces, service, extra,
         scenario, stages, loc, key_locs) = j  # fmt: skip
        journey = Journey(
            id=_s(ident),
            title=_s(title),
            persona=_s(persona),
            owner=_s(owner),
            state=_s(state),
            reviewed=None if reviewed is None else dt.date.fromisoformat(_s(reviewed)),
            expectations=_s(expectations),
            tags=tuple(_s(tag) for tag in _list(tags)),
            language=_s(language),
            replaces=_s(replaces),
            service=_s(service),
            extra=_plain_dict(extra),
            scenario=_s(scenario),
            stages=tuple(_read_stage(stage, path) for stage in _list(stages)),
            loc=_read_loc(loc, path),
            key_locs={_s(key): _read_loc(value, path) for key, value in _dict(key_locs).items()},
        )
        found = []
        for where, code, message, hint in _list(problems):
            if _s(code) not in CODES:
                raise ValueError(f"unknown code {code!r}")
            found.append(Problem(_read_loc(where, path), code, _s(message), _s(hint)))
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError) as exc:  # of the wrong shape
        raise NotParsedData(str(exc)) from exc
    return journey, found


def _s(value: object) -> str:
    if type(value) is not str:
        raise ValueError(f"not text: {value!r}")
    return value


def _int(value: object) -> int:
    if type(value) is not int:
        raise ValueError(f"not a whole number: {value!r}")
    return value


def _list(value: object) -> list[Any]:
    if type(value) is not list:
        raise ValueError(f"not a list: {value!r}")
    return value


def _dict(value: object) -> dict[str, Any]:
    if type(value) is not dict:
        raise ValueError(f"not a mapping: {value!r}")
    return value


def _plain(value: object) -> object:
    """Free-form ``extra`` data as the front matter reads it: text, lists, mappings."""
    if type(value) is str:
        return value
    if type(value) is list:
        return [_plain(item) for item in value]
    return _plain_dict(value)


def _plain_dict(value: object) -> dict[str, object]:
    return {_s(key): _plain(item) for key, item in _dict(value).items()}


def _read_loc(value: object, path: str) -> Location:
    if type(value) is not list:
        raise ValueError(f"not a location: {value!r}")
    if len(value) == 2:  # in the journey's own file
        line, column = value
    else:
        shown, line, column = value
        path = _s(shown)
    if type(line) is not int or type(column) is not int:
        raise ValueError(f"not a location: {value!r}")
    return Location(path=path, line=line, column=column)


def _read_stage(value: object, path: str) -> Stage:
    ident, title, description, goals, steps, loc = _list(value)
    return Stage(
        id=_s(ident),
        title=_s(title),
        description=_s(description),
        goals=tuple(_s(goal) for goal in _list(goals)),
        steps=tuple(_read_step(step, path) for step in _list(steps)),
        loc=_read_loc(loc, path),
    )


def _read_step(value: object, path: str) -> Step:
    ident, title, notes, lanes, emotion, kind, truth, loc = _list(value)
    if type(truth) is not bool:
        raise ValueError(f"not true or false: {truth!r}")
    return Step(
        id=_s(ident),
        title=_s(title),
        notes=_s(notes),
        lanes=tuple(_read_lane(lane, path) for lane in _list(lanes)),
        emotion=None if emotion is None else _read_emotion(emotion, path),
        type=_s(kind),
        moment_of_truth=truth,
        loc=_read_loc(loc, path),
    )


def _read_lane(value: object, path: str) -> Lane:
    """``[key, value, line, column]``, or with the path before the line."""
    if type(value) is not list or len(value) not in (4, 5):
        raise ValueError(f"not a lane: {value!r}")
    key, text = value[0], value[1]
    if type(key) is not str or type(text) is not str:
        raise ValueError(f"not a lane: {value!r}")
    return Lane(key=key, value=text, loc=_read_loc(value[2:], path))


def _read_emotion(value: object, path: str) -> Emotion:
    score, word, loc = _list(value)
    if type(score) not in (int, float):
        raise ValueError(f"not a score: {score!r}")
    return Emotion(score=score, word=_s(word), loc=_read_loc(loc, path))
