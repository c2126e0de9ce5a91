"""Journey files (format v1) into the model: front matter, stages, steps and lanes.

Parsing never raises on bad content and never stops at the first problem: it builds
the best journey it can and returns every located problem beside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from generator.errors import Problem, problem
from generator.model import Emotion, Journey, Lane, Location, Stage, Step
from generator.read.document import Block, Document, block_text, read_document
from generator.read.front_matter import FieldSpec, read_front_matter
from generator.vocabulary import (
    ID_PATTERN,
    LANE_KEYS,
    SINGLE_VALUED,
    STAGE_KEYS,
    canonical_key,
    did_you_mean,
    slugify,
)

__all__ = ["JOURNEY_FIELDS", "parse_emotion", "parse_journey", "read_feeling", "read_truth", "read_type"]

JOURNEY_FIELDS: dict[str, FieldSpec] = {
    "title": FieldSpec("text", ("titel",), required=True),
    "persona": FieldSpec("text", (), required=True),
    "owner": FieldSpec("text", ("eigenaar",)),
    "state": FieldSpec("text", ("toestand",)),
    "reviewed": FieldSpec("date", ("gevalideerd",)),
    "expectations": FieldSpec("text", ("verwachtingen",)),
    "tags": FieldSpec("list", ("labels",)),
    "language": FieldSpec("text", ("taal",)),
    "replaces": FieldSpec("text", ("vervangt",)),
    "service": FieldSpec("text", ("dienst",)),
    "extra": FieldSpec("mapping"),
}

LANGUAGE_NAMES: dict[str, tuple[str, ...]] = {
    "en": ("english", "engels"),
    "nl": ("dutch", "nederlands"),
}

STATES: dict[str, tuple[str, ...]] = {
    "current": ("as-is", "huidig"),
    "future": ("to-be", "toekomstig", "gewenst"),
}

# Dutch words for the default touchpoint types; custom vocabularies are matched as written.
TYPE_ALIASES = {"kritisch": "critical", "aanvullend": "supplementary", "overbodig": "superfluous"}

TRUTH_VALUES = {"yes": True, "ja": True, "true": True, "no": False, "nee": False, "false": False}

_LANE = re.compile(r"^(?P<key>[^\W\d_][\w -]*?)\s*:(?:\s+|$)(?P<value>.*)$", re.DOTALL)
_BULLET = re.compile(r"^\s*[-*+]\s+")
_FEELING = re.compile(r"^(?P<score>[+\-\u2212]?\d+(?:[.,]\d+)?)(?:\s+(?P<word>\S.*))?$", re.DOTALL)


def parse_emotion(text: str) -> tuple[float, str] | None:
    """``'-1.5 worried'`` → ``(-1.5, 'worried')``; ``None`` unless it starts with a number."""
    match = _FEELING.match(text.strip())
    if match is None:
        return None
    score = float(match["score"].replace("\u2212", "-").replace(",", "."))
    return (0.0 if score == 0 else score), (match["word"] or "").strip()


def read_feeling(value: str, loc: Location) -> tuple[Emotion | None, Problem | None]:
    """A ``feeling`` lane's score and word, or why it has none (E401)."""
    parsed = parse_emotion(value)
    if parsed is None:
        return None, problem(loc, "E401", f"feeling '{value}' does not start with a number")
    return Emotion(score=parsed[0], word=parsed[1], loc=loc), None


def read_type(value: str) -> str:
    """A ``type`` lane's touchpoint type, Dutch words for the default ones translated."""
    lowered = value.casefold()
    return TYPE_ALIASES.get(lowered, lowered)


def read_truth(value: str, loc: Location) -> tuple[bool, Problem | None]:
    """A ``moment-of-truth`` lane as yes or no, or why it is neither (E404)."""
    truth = TRUTH_VALUES.get(value.casefold())
    if truth is None:
        return False, problem(loc, "E404", f"moment-of-truth must be yes or no, not '{value}'")
    return truth, None


@dataclass
class _StepDraft:
    title: str
    loc: Location
    explicit_id: str = ""
    id_loc: Location | None = None
    note_blocks: list[Block] = field(default_factory=list)
    lanes: list[Lane] = field(default_factory=list)
    emotion: Emotion | None = None
    type: str = ""
    moment_of_truth: bool = False


@dataclass
class _StageDraft:
    title: str
    loc: Location
    explicit_id: str = ""
    id_loc: Location | None = None
    text_blocks: list[Block] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    steps: list[_StepDraft] = field(default_factory=list)


class _Parser:
    def __init__(self, document: Document) -> None:
        self.doc = document
        self.problems: list[Problem] = []
        self.scenario: list[Block] = []
        self.stages: list[_StageDraft] = []

    def at(self, line_index: int, column: int = 1) -> Location:
        return Location(path=self.doc.path, line=line_index + 1, column=column)

    def report(self, loc: Location, code: str, message: str, hint: str | None = None) -> None:
        self.problems.append(problem(loc, code, message, hint))

    # -- blocks -------------------------------------------------------------------

    def run(self) -> None:
        for block in self.doc.blocks:
            start = block.map[0] if block.map else 0
            stage = self.stages[-1] if self.stages else None
            step = stage.steps[-1] if stage and stage.steps else None
            if block.type == "heading" and block.tag in ("h1", "h2", "h3"):
                title = _inline_text(block)
                if block.tag == "h1":
                    self.report(self.at(start), "E306", f"'# {title}' is a level-one heading")
                elif block.tag == "h2":
                    self.stages.append(_StageDraft(title=title, loc=self.at(start)))
                elif stage is None:
                    self.report(self.at(start), "E301", f"step '{title}' comes before any stage")
                else:
                    stage.steps.append(_StepDraft(title=title, loc=self.at(start)))
            elif block.type == "bullet_list" and step is not None:
                for item in block.children:
                    self.step_item(step, item)
            elif block.type == "bullet_list" and stage is not None:
                for item in block.children:
                    self.stage_item(stage, item)
            elif step is not None:
                step.note_blocks.append(block)
            elif stage is not None:
                stage.text_blocks.append(block)
            else:
                self.scenario.append(block)

    # -- bullets ------------------------------------------------------------------

    def split_item(self, item: Block) -> tuple[str, str, Location, Location] | None:
        """A list item as (key, value, key location, value location), or report why not."""
        start = item.map[0] if item.map else 0
        line = self.doc.lines[start]
        bullet = _BULLET.match(line)
        key_column = (bullet.end() if bullet else 0) + 1
        children = list(item.children)
        if not children or children[0].type != "paragraph":
            self.report(self.at(start, key_column), "E304", "expected '- key: value'")
            return None
        text = _inline_text(children[0])
        match = _LANE.match(text)
        if match is None:
            shown = text if len(text) <= 40 else text[:39] + "…"
            self.report(self.at(start, key_column), "E304", f"expected '- key: value', found '{shown}'")
            return None
        if len(children) > 1:
            extra_line = children[1].map[0] if children[1].map else start
            self.report(
                self.at(extra_line, key_column), "E310", f"lane '{match['key']}' has more than one line of content"
            )
        value = " ".join(part.strip() for part in match["value"].split("\n")).strip()
        value_column = key_column
        if value:
            found = line.find(value.split(" ", 1)[0], key_column - 1 + len(match["key"]))
            value_column = found + 1 if found >= 0 else key_column
        return match["key"], value, self.at(start, key_column), self.at(start, value_column)

    def step_item(self, step: _StepDraft, item: Block) -> None:
        parts = self.split_item(item)
        if parts is None:
            return
        raw_key, value, key_loc, value_loc = parts
        key = canonical_key(raw_key, LANE_KEYS)
        if key is None:
            if canonical_key(raw_key, STAGE_KEYS) is not None:
                self.report(key_loc, "E309", f"'{raw_key}' belongs under a stage, not a step")
            else:
                hint = did_you_mean(raw_key, LANE_KEYS) or None
                self.report(key_loc, "E302", f"unknown lane key '{raw_key}'", hint)
            return
        if not value:
            self.report(key_loc, "E305", f"lane '{raw_key}' has no value")
            return
        if key in SINGLE_VALUED and self.seen(step.lanes, key, step.id_loc):
            self.report(key_loc, "E311", f"'{raw_key}' is given twice for this step")
            return
        if key == "id":
            step.explicit_id, step.id_loc = self.checked_id(value, value_loc), key_loc
            return
        found: Problem | None = None
        if key == "feeling":  # a bad score keeps the lane as written: no "missing feeling" follows
            step.emotion, found = read_feeling(value, value_loc)
        elif key == "type":
            step.type = read_type(value)
        elif key == "moment-of-truth":
            step.moment_of_truth, found = read_truth(value, value_loc)
        if found is not None:
            self.problems.append(found)
        step.lanes.append(Lane(key=key, value=value, loc=key_loc))

    def stage_item(self, stage: _StageDraft, item: Block) -> None:
        parts = self.split_item(item)
        if parts is None:
            return
        raw_key, value, key_loc, value_loc = parts
        key = canonical_key(raw_key, STAGE_KEYS)
        if key is None:
            if canonical_key(raw_key, LANE_KEYS) is not None:
                self.report(
                    key_loc, "E309", f"lane '{raw_key}' belongs under a step ('###'), not directly under a stage"
                )
            else:
                hint = (
                    did_you_mean(raw_key, STAGE_KEYS) or "a stage takes '- goal:' and '- id:'; lanes go under its steps"
                )
                self.report(key_loc, "E302", f"unknown stage key '{raw_key}'", hint)
            return
        if not value:
            self.report(key_loc, "E305", f"'{raw_key}' has no value")
        elif key == "goal":
            stage.goals.append(value)
        elif stage.id_loc is not None:
            self.report(key_loc, "E311", f"'{raw_key}' is given twice for this stage")
        else:
            stage.explicit_id, stage.id_loc = self.checked_id(value, value_loc), key_loc

    @staticmethod
    def seen(lanes: list[Lane], key: str, id_loc: Location | None) -> bool:
        if key == "id":
            return id_loc is not None
        return any(lane.key == key for lane in lanes)

    def checked_id(self, value: str, loc: Location) -> str:
        if ID_PATTERN.match(value) is None:
            self.report(loc, "E307", f"'{value}' is not a valid id")
            return ""
        return value

    # -- ids and the finished model ---------------------------------------------------

    def make_id(self, title: str, explicit: str, loc: Location, used: dict[str, Location], what: str) -> str:
        ident = explicit or slugify(title)
        if not ident:
            self.report(
                loc,
                "E307",
                f"no id can be made from the {what} title '{title}'",
                f"add '- id: some-{what}-name' under the heading",
            )
            return ""
        if ident in used:
            first = used[ident]
            self.report(loc, "E303", f"{what} id '{ident}' is already used by the {what} at line {first.line}")
        else:
            used[ident] = loc
        return ident

    def stages_model(self) -> tuple[Stage, ...]:
        stage_ids: dict[str, Location] = {}
        step_ids: dict[str, Location] = {}
        stages = []
        for stage in self.stages:
            steps = []
            for step in stage.steps:
                id_loc = step.id_loc if step.explicit_id and step.id_loc else step.loc
                step_id = self.make_id(step.title, step.explicit_id, id_loc, step_ids, "step")
                steps.append(
                    Step(
                        id=step_id,
                        title=step.title,
                        notes=block_text(self.doc, step.note_blocks),
                        lanes=tuple(step.lanes),
                        emotion=step.emotion,
                        type=step.type,
                        moment_of_truth=step.moment_of_truth,
                        loc=step.loc,
                    )
                )
            id_loc = stage.id_loc if stage.explicit_id and stage.id_loc else stage.loc
            stage_id = self.make_id(stage.title, stage.explicit_id, id_loc, stage_ids, "stage")
            stages.append(
                Stage(
                    id=stage_id,
                    title=stage.title,
                    description=block_text(self.doc, stage.text_blocks),
                    goals=tuple(stage.goals),
                    steps=tuple(steps),
                    loc=stage.loc,
                )
            )
        return tuple(stages)


def _inline_text(block: Block) -> str:
    """The raw inline Markdown of a heading or paragraph, lines joined."""
    for child in block.children:
        if child.type == "inline":
            return child.content.strip()
    return ""


MAX_STEPS = 2000
_STEP_LINE = re.compile(r"^ {0,3}(?:###(?:[ \t]|$)|(?P<fence>`{3,}|~{3,}))", re.MULTILINE)
"""A line that opens a step heading (CommonMark: ``###`` then a space, a tab or the end
of the line, indented at most three spaces) or a code fence."""


def _rest_of_line(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]


def _step_heading_lines(text: str) -> Iterator[int]:
    """The offsets of step headings as the parser sees them: none inside a fenced block."""
    fence = ""
    for match in _STEP_LINE.finditer(text):
        opening = match["fence"] or ""
        if fence:
            closes = opening[:1] == fence[:1] and len(opening) >= len(fence)
            if closes and not _rest_of_line(text, match.end()).strip():
                fence = ""
        elif opening:
            if not (opening[0] == "`" and "`" in _rest_of_line(text, match.end())):  # not a fence: inline code
                fence = opening
        else:
            yield match.start()


def parse_journey(text: str, path: str, journey_id: str) -> tuple[Journey, list[Problem]]:
    """Parse a journey file's text; ``journey_id`` is its file name without ``.md``.

    A journey of more than ``MAX_STEPS`` steps is refused before it is parsed: no one
    can read its map, and parsing it would take many seconds.
    """
    for count, offset in enumerate(_step_heading_lines(text), start=1):
        if count > MAX_STEPS:
            line = text.count("\n", 0, offset) + 1
            loc = Location(path=path, line=line, column=1)
            message = f"the journey has more than {MAX_STEPS} steps"
            return Journey(id=journey_id, title="", persona="", loc=loc), [problem(loc, "E312", message)]
    document, problems = read_document(text, path)
    front, fm_problems = (
        read_front_matter(document.front_matter, path, document.front_matter_line, JOURNEY_FIELDS)
        if document.front_matter is not None
        else (None, [])
    )
    problems.extend(fm_problems)
    parser = _Parser(document)
    parser.run()
    stages = parser.stages_model()
    problems.extend(parser.problems)
    values = front.values if front else {}
    state = str(values.get("state", "current")).casefold()
    canonical_state = canonical_key(state, STATES)
    if canonical_state is None and front is not None:
        problems.append(
            problem(front.locs["state"], "E213", f"state '{values['state']}' is neither 'current' nor 'future'")
        )
    language = (
        canonical_key(str(values.get("language", "")).casefold(), LANGUAGE_NAMES) if values.get("language") else ""
    )
    if language is None and front is not None:
        shown = values["language"]
        problems.append(problem(front.locs["language"], "E214", f"language '{shown}' is neither 'en' nor 'nl'"))
    start = Location(path=path, line=1, column=1)
    if document.front_matter is not None and not any(stage.steps for stage in stages):
        problems.append(problem(start, "E308", "the journey has no steps"))
    reviewed = values.get("reviewed")
    extra = values.get("extra", {})
    journey = Journey(
        id=journey_id,
        title=str(values.get("title", "")),
        persona=str(values.get("persona", "")),
        owner=str(values.get("owner", "")),
        state=canonical_state or "current",
        reviewed=reviewed if reviewed is not None else None,  # type: ignore[arg-type]
        expectations=str(values.get("expectations", "")),
        tags=tuple(values.get("tags", ())),  # type: ignore[arg-type]
        language=language or "",
        replaces=str(values.get("replaces", "")).strip(),
        service=" ".join(str(values.get("service", "")).split()),
        extra=extra if isinstance(extra, dict) else {},
        scenario=block_text(document, parser.scenario),
        stages=stages,
        loc=start,
        key_locs=dict(front.locs) if front else {},
    )
    return journey, problems
