"""From a workshop transcript (CSV) back to a journey model, with errors at row and column.

Columns (header names are case-insensitive, Dutch accepted): ``stage`` (fase), ``step``
(stap), ``lane`` (baan), ``text`` (tekst), and optionally ``cell`` (cel) and ``feeling``
(gevoel, a score for the row's step). The cell column takes the id printed in each cell of
the canvas (``2.3.pain``, see ``generator.cells``): a row may give just that id and the
text. Lanes may be named by key, Dutch alias or the label printed on the canvas. This is
also what ``journeymap export --format csv`` writes (its cell column holds ``id/lane/n``),
so the two round-trip.
"""

from __future__ import annotations

import datetime as dt

from generator.cells import CellRef, field_hint, field_key, looks_like_cell, parse_cell
from generator.errors import Problem, problem, shorten
from generator.export.export import restore_cell
from generator.export.transcript_drafts import StageDraft, Stages, StepDraft, build_stages, name_step, same_title
from generator.model import Journey, Lane, Location
from generator.read.csv_source import Record, read_records
from generator.read.parse_journey import STATES, parse_emotion
from generator.vocabulary import ID_PATTERN, SINGLE_VALUED, canonical_key, did_you_mean, normalise_key, slugify

__all__ = ["journey_from_csv"]

COLUMNS: dict[str, tuple[str, ...]] = {
    "stage": ("fase",),
    "step": ("stap",),
    "lane": ("baan", "key", "sleutel", "rij", "row"),
    "text": ("tekst", "value", "waarde"),
    "cell": ("cel", "cell-id", "celnummer", "cel-id", "id", "step-(cell-id)", "stap-(celnummer)"),
    "feeling": ("gevoel",),
}
JOURNEY_ROWS: dict[str, tuple[str, ...]] = {
    "title": ("titel", "journey", "klantreis"),
    "persona": (),
    "owner": ("eigenaar",),
    "state": ("toestand",),
    "reviewed": ("gevalideerd",),
    "expectations": ("verwachtingen", "customer's-expectations", "verwachtingen-van-de-klant"),
    "replaces": ("vervangt",),
    "service": ("dienst",),
    "tag": ("tags", "label", "labels"),
    "scenario": (),
}
STAGE_ROWS: dict[str, tuple[str, ...]] = {"description": ("beschrijving",), "id": ("sleutel",)}
STEP_ROWS: dict[str, tuple[str, ...]] = {"notes": ("notities",), "id": ("sleutel",)}
# Columns of the kit's other sheets, typed in beside a cell id: parts of one lane value.
SHEET_PARTS: dict[str, tuple[str, ...]] = {
    "desired": ("desired-result", "gewenst-resultaat", "gewenst"),
    "measure": ("how-measured", "hoe-gemeten", "gemeten"),
    "frequency": ("how-often", "hoe-vaak"),
    "improvement": ("agreed-improvement", "verbetering", "afgesproken-verbetering"),
    "date": ("datum", "by", "voor"),
}
_AGREED = {"en": "Agreed: ", "nl": "Afgesproken: "}


def _one_line(value: str) -> str:
    """A lane value on one line, as the Markdown parser joins a wrapped bullet."""
    return " ".join(part.strip() for part in value.splitlines()).strip()


class _Transcript:
    """The journey a transcript builds, one record at a time."""

    def __init__(self, path: str, positions: dict[str, int], sheet_columns: dict[int, str], language: str) -> None:
        self.path = path
        self.positions = positions
        self.sheet_columns = sheet_columns
        """Column → the lane (or lane part) it holds, for rows typed from the kit's other sheets."""
        self.language = language
        self.problems: list[Problem] = []
        self.stages = Stages(self.problems)
        self.meta: dict[str, str] = {}
        self.meta_locs: dict[str, Location] = {}
        self.tags: list[str] = []
        self.record: Record | None = None

    def cell(self, name: str) -> str:
        index = self.positions.get(name)
        assert self.record is not None
        if index is None or index >= len(self.record.cells):
            return ""
        return restore_cell(self.record.cells[index]).strip()

    def at(self, name: str) -> Location:
        # The column is the sheet's: the cell's number, as a spreadsheet shows the file.
        assert self.record is not None
        return Location(path=self.path, line=self.record.line, column=self.positions.get(name, 0) + 1)

    def report(self, name: str, code: str, message: str, hint: str | None = None) -> None:
        self.problems.append(problem(self.at(name), code, message, hint))

    def read(self, record: Record) -> None:
        self.record = record
        stage_title, step_title = self.cell("stage"), self.cell("step")
        raw_lane, value, cell_id = self.cell("lane"), self.cell("text"), self.cell("cell")
        ref: CellRef | None = None
        explicit = ""
        if cell_id:
            ref = parse_cell(cell_id)
            if ref is None and looks_like_cell(cell_id):
                hint = field_hint(cell_id.lstrip("0123456789.-/: ")) or "Copy the id as the canvas prints it: 2.3.pain"
                self.report("cell", "E702", f"cell id '{cell_id}' names no lane of the canvas", hint)
                return
            if ref is None:  # an export's 'step-id/lane/n'
                candidate = cell_id.split("/", 1)[0]
                explicit = candidate if ID_PATTERN.match(candidate) else ""
                if not explicit and not stage_title and not step_title:
                    hint = "Copy the id as the canvas prints it, such as 2.2.pain."
                    self.report("cell", "E702", f"cell id '{shorten(cell_id)}' is not one the canvas prints", hint)
                    return
        sheet = self.sheet_values()
        if ref is not None and not value and not sheet and not self.cell("feeling"):
            return  # a row of the blank transcript nobody filled in
        if ref is None and not stage_title and not step_title:
            if sheet:
                hint = "Copy the step's cell id from the canvas into the cell column (such as 2.3.touchpoint)."
                self.report("cell", "E703", "this row names no step", hint)
            else:
                self.journey_row(raw_lane, value)
            return
        if ref is not None:
            stage = self.stages.numbered(ref.stage, self.at("cell"))
            if stage_title:
                stage = self.stages.name(stage, stage_title, self.at("stage"), cell_id)
        elif stage_title:
            stage = self.stages.titled(stage_title, self.at("stage"), "" if step_title else explicit)
        else:
            self.report("stage", "E703", f"step '{step_title}' has no stage")
            return
        field = (field_key(raw_lane) if raw_lane else ref.field if ref else "") or ""
        if (ref.step is None) if ref is not None else not step_title:
            self.stage_row(stage, raw_lane, field, value, cell_id)
            return
        if ref is not None and ref.step is not None:
            step = stage.step_numbered(ref.step, self.at("cell"))
            if step_title:
                name_step(stage, step, step_title, self.at("step"), cell_id, self.problems)
        else:
            step = self.titled_step(stage, step_title, explicit)
        self.step_row(stage, step, raw_lane, field, value, cell_id)
        for key, text, loc in sheet:
            if not any(lane.key == key and lane.value.casefold() == text.casefold() for lane in step.lanes):
                self.add_lane(step, key, key, text, loc)  # a sheet repeating the canvas adds nothing

    def sheet_values(self) -> list[tuple[str, str, Location]]:
        """The lanes a row typed from the touchpoint inventory, KPI sheet or improvements
        strip gives its step: a KPI of its parts, an agreed improvement as an opportunity."""
        assert self.record is not None
        found: dict[str, tuple[str, Location]] = {}
        for index, key in self.sheet_columns.items():
            text = restore_cell(self.record.cells[index]).strip() if index < len(self.record.cells) else ""
            if text:
                found[key] = (_one_line(text), Location(path=self.path, line=self.record.line, column=index + 1))
        lanes = []
        if "improvement" in found:
            text, loc = found.pop("improvement")
            details = [found.pop(key)[0] for key in ("owner", "date") if key in found]
            lanes.append(
                ("opportunity", _AGREED[self.language] + text + (f" ({', '.join(details)})" if details else ""), loc)
            )
        found.pop("date", None)
        parts = [found.pop(key) for key in ("desired", "measure", "frequency") if key in found]
        if parts:
            lanes.append(("kpi", " · ".join(text for text, _ in parts), parts[0][1]))
        lanes += [(key, text, loc) for key, (text, loc) in found.items()]
        return lanes

    def journey_row(self, raw_lane: str, value: str) -> None:
        key = canonical_key(raw_lane, JOURNEY_ROWS)
        if key is None:
            hint = did_you_mean(raw_lane, JOURNEY_ROWS) or "rows without a stage carry the journey's own data"
            self.report("lane", "E702", f"unknown journey row '{raw_lane}'", hint)
        elif key == "tag":
            self.tags.append(value)
        else:
            self.meta[key] = value
            self.meta_locs[key] = self.at("text")

    def stage_row(self, stage: StageDraft, raw_lane: str, field: str, value: str, cell_id: str) -> None:
        key = canonical_key(raw_lane, STAGE_ROWS) if raw_lane else None
        if field == "stage" and value:
            if stage.number is not None:
                self.stages.name(stage, value, self.at("text"), cell_id)
        elif field == "goal":
            if value:
                stage.goals.append(_one_line(value))
        elif key == "description":
            stage.description = value
        elif key == "id":
            stage.explicit_id = value
        elif field:
            self.report("step", "E703", f"lane '{raw_lane or field}' needs a step")
        else:
            self.report("lane", "E702", f"unknown stage row '{raw_lane}'", did_you_mean(raw_lane, STAGE_ROWS) or None)

    def titled_step(self, stage: StageDraft, title: str, explicit: str) -> StepDraft:
        """The step of ``stage`` with the export id ``explicit``, else with ``title``, else a new one."""
        step = stage.exported.get(explicit) if explicit else None
        alike = stage.titles.by_title.get(title) or stage.titles.by_slug.get(slugify(title))
        if step is None and not (explicit and alike is not None and alike.cell_key not in ("", explicit)):
            # (steps of one title, or of titles alike, told apart by export ids stay apart)
            step = same_title(title, stage.titles, self.at("step"), self.problems, "step")
        if step is None:
            step = StepDraft(title, self.at("step"))
            stage.add_step(step)
        if explicit:
            step.cell_key = explicit
            stage.exported.setdefault(explicit, step)
            if not step.explicit_id and explicit != slugify(title):
                step.explicit_id = explicit
        return step

    def step_row(self, stage: StageDraft, step: StepDraft, raw_lane: str, field: str, value: str, cell_id: str) -> None:
        feeling = self.cell("feeling")
        if feeling:
            self.feeling(step, feeling, self.at("feeling"))
        if not raw_lane and not value:
            return
        extra = canonical_key(raw_lane, STEP_ROWS) if raw_lane else None
        if extra == "notes":
            step.notes = value
        elif extra == "id":
            step.explicit_id = value
        elif field == "step":
            if value and step.number is not None:
                name_step(stage, step, value, self.at("text"), cell_id, self.problems)
        elif not field or field in ("stage", "goal"):
            self.report("lane", "E702", f"unknown lane '{raw_lane}'", field_hint(raw_lane))
        elif not value:
            self.report("text", "E305", f"lane '{raw_lane or field}' has no text")
        else:
            self.add_lane(step, raw_lane or field, field, value, self.at("text"))

    def add_lane(self, step: StepDraft, named: str, field: str, value: str, loc: Location) -> None:
        """A lane value for ``step``; a single-valued lane given twice the same way is kept once."""
        text = _one_line(value)
        given = [lane for lane in step.lanes if lane.key == field]
        if field == "feeling":
            self.feeling(step, value, loc)
        elif field in SINGLE_VALUED and given:
            if given[0].value.casefold() != text.casefold():
                self.problems.append(problem(loc, "E311", f"'{named}' is given twice for step '{step.title}'"))
        else:
            step.lanes.append(Lane(key=field, value=text, loc=loc))

    def feeling(self, step: StepDraft, value: str, loc: Location) -> None:
        """The step's feeling; a second, different score for one step is E707."""
        given = next((lane for lane in step.lanes if lane.key == "feeling"), None)
        if given is None:
            step.lanes.append(Lane(key="feeling", value=_one_line(value), loc=loc))
        elif _score(given.value) != _score(value):
            self.problems.append(
                problem(
                    loc,
                    "E707",
                    f"step '{step.title or step.number}' has feeling '{given.value}' at line {given.loc.line}"
                    f" and '{value}' here",
                    "Keep the score the group settled on; put a disagreement in the step's notes.",
                )
            )


def _score(value: str) -> str:
    """A feeling's score, for comparing two rows (``+2 relieved`` is ``2``); a value that
    is not a score (reported when the step is built) compares as its first word."""
    parsed = parse_emotion(value)
    if parsed is not None:
        return repr(parsed[0])
    return value.split(maxsplit=1)[0] if value.split() else ""


def journey_from_csv(
    text: str, path: str, journey_id: str, *, title: str | None = None, persona: str | None = None
) -> tuple[Journey | None, list[Problem]]:
    """Read a transcript; ``title`` and ``persona`` override rows that carry them."""
    records, refused = read_records(text, path)
    if refused is not None:
        return None, [refused]
    start = Location(path=path, line=1, column=1)
    if not records:
        return None, [problem(start, "E701", "the CSV is empty")]
    header = records[0].cells
    positions: dict[str, int] = {}
    for index, name in enumerate(header):
        key = canonical_key(name, COLUMNS)
        if key is not None and key not in positions:
            positions[key] = index
    sheet_columns: dict[int, str] = {}
    for index, name in enumerate(header):
        if index not in positions.values():
            key = canonical_key(name, SHEET_PARTS) or field_key(name)
            if key is not None and key not in ("stage", "step", "goal"):
                sheet_columns[index] = key
    text_column = ("text",) if not sheet_columns else ()
    needed = (*text_column, "cell") if "cell" in positions and not {"stage", "step"} <= positions.keys() else None
    missing = [name for name in needed or ("stage", "step", "lane", *text_column) if name not in positions]
    if missing:
        found = ", ".join(repr(h) for h in header) or "nothing"
        return None, [problem(start, "E701", f"missing column {', '.join(missing)} (header has {found})")]
    dutch = any(normalise_key(name) in aliases for name in header for aliases in COLUMNS.values())
    transcript = _Transcript(path, positions, sheet_columns, "nl" if dutch else "en")
    for record in records[1:]:
        if any(value.strip() for value in record.cells):
            transcript.read(record)
    problems, meta = transcript.problems, transcript.meta
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
    built_stages = build_stages(transcript.stages, start, problems)
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
        tags=tuple(transcript.tags),
        scenario=meta.get("scenario", ""),
        stages=built_stages,
        loc=start,
        key_locs={"persona": start, "reviewed": start, "replaces": transcript.meta_locs.get("replaces", start)},
    )
    return journey, problems
