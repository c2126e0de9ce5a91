"""From a workshop transcript (CSV) back to a journey model, with errors at row and column.

Columns (header names are case-insensitive, Dutch accepted): ``stage`` (fase), ``step``
(stap), ``lane`` (baan), ``text`` (tekst), and optionally ``cell`` (cel, the stable cell
id printed on the canvas) and ``feeling`` (gevoel, a score for the row's step). This is
also what ``journeymap export --format csv`` writes, so the two round-trip.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field

from generator.errors import Problem, problem
from generator.export.export import restore_cell
from generator.model import Journey, Lane, Location, Stage, Step
from generator.read.csv_source import sniff_delimiter
from generator.read.parse_journey import STATES, read_feeling, read_truth, read_type
from generator.vocabulary import ID_PATTERN, LANE_KEYS, SINGLE_VALUED, canonical_key, did_you_mean, slugify

__all__ = ["journey_from_csv"]

COLUMNS: dict[str, tuple[str, ...]] = {
    "stage": ("fase",),
    "step": ("stap",),
    "lane": ("baan", "key", "sleutel"),
    "text": ("tekst", "value", "waarde"),
    "cell": ("cel", "cell-id"),
    "feeling": ("gevoel",),
}
JOURNEY_ROWS: dict[str, tuple[str, ...]] = {
    "title": ("titel",),
    "persona": (),
    "owner": ("eigenaar",),
    "state": ("toestand",),
    "reviewed": ("gevalideerd",),
    "expectations": ("verwachtingen",),
    "replaces": ("vervangt",),
    "service": ("dienst",),
    "tag": ("tags", "label", "labels"),
    "scenario": (),
}
STAGE_ROWS: dict[str, tuple[str, ...]] = {"goal": ("doel",), "description": ("beschrijving",), "id": ("sleutel",)}
STEP_EXTRA: dict[str, tuple[str, ...]] = {"notes": ("notities",)}


def _one_line(value: str) -> str:
    """A lane value on one line, as the Markdown parser joins a wrapped bullet."""
    return " ".join(part.strip() for part in value.splitlines()).strip()


@dataclass
class _StepDraft:
    title: str
    loc: Location
    explicit_id: str = ""
    cell_key: str = ""
    notes: str = ""
    lanes: list[Lane] = field(default_factory=list)


@dataclass
class _StageDraft:
    title: str
    loc: Location
    explicit_id: str = ""
    description: str = ""
    goals: list[str] = field(default_factory=list)
    steps: dict[str, _StepDraft] = field(default_factory=dict)


def _rows(text: str, path: str) -> tuple[list[tuple[int, list[str]]], Problem | None]:
    """Each CSV record with the file line it starts on, or the record the reader refused."""
    # Dutch Excel separates cells with ';': the header says which separator the file uses.
    delimiter = sniff_delimiter(text.split("\n", 1)[0])
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    line = 1
    try:
        for record in reader:
            rows.append((line, record))
            line = reader.line_num + 1
    except csv.Error as exc:
        reason = str(exc).replace("field larger than field limit", "a cell is longer than the limit")
        return rows, problem(Location(path=path, line=line, column=1), "E705", f"unreadable CSV record: {reason}")
    return rows, None


def journey_from_csv(
    text: str, path: str, journey_id: str, *, title: str | None = None, persona: str | None = None
) -> tuple[Journey | None, list[Problem]]:
    """Read a transcript; ``title`` and ``persona`` override rows that carry them."""
    problems: list[Problem] = []
    rows, refused = _rows(text, path)
    if refused is not None:
        return None, [refused]
    start = Location(path=path, line=1, column=1)
    if not rows:
        return None, [problem(start, "E701", "the CSV is empty")]
    header = rows[0][1]
    positions: dict[str, int] = {}
    for index, name in enumerate(header):
        key = canonical_key(name, COLUMNS)
        if key is not None and key not in positions:
            positions[key] = index
    missing = [name for name in ("stage", "step", "lane", "text") if name not in positions]
    if missing:
        found = ", ".join(repr(h) for h in header) or "nothing"
        return None, [problem(start, "E701", f"missing column {', '.join(missing)} (header has {found})")]

    meta: dict[str, str] = {}
    meta_locs: dict[str, Location] = {}
    tags: list[str] = []
    stages: dict[str, _StageDraft] = {}

    def cell(record: list[str], name: str) -> str:
        index = positions.get(name)
        if index is None or index >= len(record):
            return ""
        return restore_cell(record[index]).strip()

    def at(line: int, name: str) -> Location:
        return Location(path=path, line=line, column=positions.get(name, 0) + 1)

    for line, record in rows[1:]:
        if not any(value.strip() for value in record):
            continue
        stage_title, step_title = cell(record, "stage"), cell(record, "step")
        raw_lane, value = cell(record, "lane"), cell(record, "text")
        cell_id, feeling = cell(record, "cell"), cell(record, "feeling")
        if not stage_title and not step_title:
            key = canonical_key(raw_lane, JOURNEY_ROWS)
            if key is None:
                hint = did_you_mean(raw_lane, JOURNEY_ROWS) or "rows without a stage carry the journey's own data"
                problems.append(problem(at(line, "lane"), "E702", f"unknown journey row '{raw_lane}'", hint))
            elif key == "tag":
                tags.append(value)
            else:
                meta[key] = value
                meta_locs[key] = at(line, "text")
            continue
        if not stage_title:
            problems.append(problem(at(line, "stage"), "E703", f"step '{step_title}' has no stage"))
            continue
        stage = stages.get(stage_title)
        if stage is None:
            stage = stages[stage_title] = _StageDraft(stage_title, at(line, "stage"))
        if not step_title:
            key = canonical_key(raw_lane, STAGE_ROWS)
            if key is None:
                if canonical_key(raw_lane, LANE_KEYS) is not None:
                    problems.append(problem(at(line, "step"), "E703", f"lane '{raw_lane}' needs a step"))
                else:
                    stage_hint = did_you_mean(raw_lane, STAGE_ROWS) or None
                    problems.append(problem(at(line, "lane"), "E702", f"unknown stage row '{raw_lane}'", stage_hint))
            elif key == "goal":
                stage.goals.append(_one_line(value))
            elif key == "description":
                stage.description = value
            else:
                stage.explicit_id = value
            continue
        # A step is known by the id in its cell column (two steps may share a title), and
        # otherwise by its title; rows with and without a cell id for one step join up.
        candidate = cell_id.split("/", 1)[0] if cell_id else ""
        candidate = candidate if ID_PATTERN.match(candidate) else ""
        step = stage.steps.get(candidate) if candidate else None
        if step is None:
            step = next(
                (
                    s
                    for s in stage.steps.values()
                    if s.title == step_title and (not candidate or s.cell_key in ("", candidate))
                ),
                None,
            )
        if step is None:
            step = stage.steps[candidate or f"title:{step_title}"] = _StepDraft(step_title, at(line, "step"))
        elif candidate and candidate not in stage.steps:
            stage.steps[candidate] = step
        if candidate:
            step.cell_key = candidate
        if candidate and not step.explicit_id and candidate != slugify(step_title):
            step.explicit_id = candidate
        if feeling and not any(lane.key == "feeling" for lane in step.lanes):
            step.lanes.append(Lane(key="feeling", value=feeling, loc=at(line, "feeling")))
        if not raw_lane and not value:
            continue
        key = canonical_key(raw_lane, {**LANE_KEYS, **STEP_EXTRA})
        if key is None:
            lane_hint = did_you_mean(raw_lane, LANE_KEYS) or None
            problems.append(problem(at(line, "lane"), "E702", f"unknown lane '{raw_lane}'", lane_hint))
            continue
        if key == "notes":
            step.notes = value
        elif key == "id":
            step.explicit_id = value
        elif not value:
            problems.append(problem(at(line, "text"), "E305", f"lane '{raw_lane}' has no text"))
        elif key in SINGLE_VALUED and any(lane.key == key for lane in step.lanes):
            problems.append(problem(at(line, "lane"), "E311", f"'{raw_lane}' is given twice for step '{step_title}'"))
        else:
            step.lanes.append(Lane(key=key, value=_one_line(value), loc=at(line, "text")))

    journey_title = title if title is not None else meta.get("title", "")
    journey_persona = persona if persona is not None else meta.get("persona", "")
    if not journey_title:
        problems.append(problem(start, "E704", "the journey has no title"))
    if not journey_persona:
        problems.append(problem(start, "E704", "the journey has no persona"))
    state = canonical_key(meta.get("state", "current") or "current", STATES)
    if state is None:
        problems.append(problem(start, "E213", f"state '{meta['state']}' is neither 'current' nor 'future'"))
    reviewed = None
    if meta.get("reviewed"):
        try:
            reviewed = dt.date.fromisoformat(meta["reviewed"])
        except ValueError:
            problems.append(problem(start, "E212", f"'reviewed' is not a valid date: '{meta['reviewed']}'"))
    built_stages = tuple(_build_stage(stage, problems) for stage in stages.values())
    if not any(stage.steps for stage in built_stages):
        problems.append(problem(start, "E308", "the transcript has no steps"))
    journey = Journey(
        id=journey_id,
        title=journey_title,
        persona=journey_persona,
        owner=meta.get("owner", ""),
        state=state or "current",
        reviewed=reviewed,
        expectations=meta.get("expectations", ""),
        replaces=meta.get("replaces", "").strip(),
        service=" ".join(meta.get("service", "").split()),
        tags=tuple(tags),
        scenario=meta.get("scenario", ""),
        stages=built_stages,
        loc=start,
        key_locs={"persona": start, "reviewed": start, "replaces": meta_locs.get("replaces", start)},
    )
    return journey, problems


def _build_stage(stage: _StageDraft, problems: list[Problem]) -> Stage:
    used: dict[str, Location] = {}
    steps = []
    for draft in {id(d): d for d in stage.steps.values()}.values():
        ident = draft.explicit_id or slugify(draft.title)
        if ident in used:
            problems.append(problem(draft.loc, "E303", f"step id '{ident}' is already used at line {used[ident].line}"))
        used[ident] = draft.loc
        emotion = None
        kind = ""
        truth = False
        for lane in draft.lanes:
            found: Problem | None = None
            if lane.key == "feeling":
                emotion, found = read_feeling(lane.value, lane.loc)
            elif lane.key == "type":
                kind = read_type(lane.value)
            elif lane.key == "moment-of-truth":
                truth, found = read_truth(lane.value, lane.loc)
            if found is not None:
                problems.append(found)
        steps.append(
            Step(
                id=ident,
                title=draft.title,
                notes=draft.notes,
                lanes=tuple(draft.lanes),
                emotion=emotion,
                type=kind,
                moment_of_truth=truth,
                loc=draft.loc,
            )
        )
    return Stage(
        id=stage.explicit_id or slugify(stage.title),
        title=stage.title,
        description=stage.description,
        goals=tuple(stage.goals),
        steps=tuple(steps),
        loc=stage.loc,
    )
