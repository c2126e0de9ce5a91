"""Located problems: the one error type every stage reports, and the code catalogue.

A stage never raises on bad content; it returns :class:`Problem` objects, so that one
run can report every problem of every file. The catalogue below is the single list of
codes: the format reference documents each one and a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from generator.model import Location

__all__ = ["CODES", "Code", "Problem", "Severity", "shorten", "sort_problems"]


class Severity(StrEnum):
    """How bad a problem is: errors fail a run, warnings fail it only with ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Code:
    """A problem code: its severity, a short name, and the usual fix."""

    code: str
    name: str
    fix: str

    @property
    def severity(self) -> Severity:
        return Severity.WARNING if self.code.startswith("W") else Severity.ERROR


_CATALOGUE = [
    # Files
    Code(
        "E101",
        "not-utf8",
        "Save the file as UTF-8 (any editor offers it under 'Save as' or 'Encoding'; Excel as 'CSV UTF-8').",
    ),
    Code(
        "E102",
        "unsafe-file",
        "Keep only regular files inside the content folder: replace a link with the file it points at, "
        "and remove devices, FIFOs and sockets.",
    ),
    Code("E103", "file-too-large", "Split the file: no journey, persona or page is read past 16 MB."),
    Code("E104", "name-not-utf8", "Rename the file: file and folder names must be valid UTF-8."),
    # Front matter and YAML
    Code("E201", "no-front-matter", "Start the file with a line '---', the file's keys, and another '---'."),
    Code("E202", "unclosed-front-matter", "Close the front matter with a line that holds only '---'."),
    Code(
        "E203", "yaml-syntax", "Fix the YAML at the reported position: an unclosed quote or bracket, or a bad indent."
    ),
    Code("E204", "yaml-alias", "Write the value out in full; YAML anchors (&) and aliases (*) are not accepted."),
    Code("E205", "yaml-tag", "Remove the tag ('!!...' or '!...'); values are plain text, lists and mappings."),
    Code("E206", "duplicate-key", "Keep one of the two keys; a key may appear once in the front matter."),
    Code("E207", "too-deep", "Flatten the value; front matter nests at most four levels deep."),
    Code("E208", "front-matter-not-mapping", "Write the front matter as 'key: value' lines."),
    Code("E209", "unknown-front-matter-key", "Use a documented key, or put custom data under 'extra:'."),
    Code("E210", "missing-key", "Add the required key to the front matter."),
    Code("E211", "wrong-type", "Give the value the documented shape: text, a list like [a, b], or a mapping."),
    Code("E212", "invalid-date", "Write the date as YYYY-MM-DD, for example 2026-09-01."),
    Code("E213", "invalid-state", "Use 'current' (as-is) or 'future' (to-be)."),
    Code(
        "E214", "invalid-language", "Use 'en' (English) or 'nl' (Dutch), or leave the key out for the site's language."
    ),
    # Structure
    Code("E301", "step-before-stage", "Add a '## Stage' heading before the first '### Step'."),
    Code("E302", "unknown-lane-key", "Use a documented lane key (or its Dutch alias); see the lane table."),
    Code("E303", "duplicate-id", "Give one of the two an explicit, different '- id:'."),
    Code("E304", "not-a-lane", "Write lanes as '- key: value'; put free text in a paragraph instead of a bullet."),
    Code("E305", "empty-lane", "Give the lane a value, or remove the line."),
    Code("E306", "level-one-heading", "Set the title in the front matter; use '##' for stages and '###' for steps."),
    Code("E307", "invalid-id", "Use lower-case letters, digits and hyphens, starting with a letter or digit."),
    Code("E308", "empty-journey", "Add at least one '## Stage' with a '### Step'."),
    Code("E309", "key-out-of-place", "Move the key: 'goal' belongs under a stage, the lane keys under a step."),
    Code("E310", "nested-lane-content", "Keep a lane's value on its bullet line; use the step's notes for more text."),
    Code("E311", "repeated-key", "Keep one: this key may appear only once per step or stage."),
    Code("E312", "too-many-steps", "Split the journey into several journeys of at most 2000 steps."),
    Code("E313", "linked-journey", "Remove the link: a journey lives in one file (copy it to start a variant)."),
    # Values
    Code(
        "E401",
        "feeling-not-a-number",
        "Start the feeling with a number on the scale, then an optional word: '-1 worried'.",
    ),
    Code("E402", "feeling-out-of-range", "Use a score inside the configured emotion scale."),
    Code("E403", "unknown-touchpoint-type", "Use one of the configured touchpoint types."),
    Code("E404", "invalid-moment-of-truth", "Write 'yes' or 'no' ('ja' or 'nee')."),
    # References
    Code("E501", "unknown-persona", "Create the persona file, or use the id (file name) of an existing persona."),
    Code(
        "E502",
        "photo-outside-content",
        "Keep the photo inside the content folder and give a path relative to the persona file.",
    ),
    Code("E503", "photo-not-found", "Fix the path, or add the image file next to the persona."),
    Code("E504", "unknown-journey", "Use the id (file name without .md) of a journey in the journeys folder."),
    Code(
        "E505",
        "replaces-not-future",
        "Give 'replaces' to the future (to-be) journey, naming the current (as-is) journey it redesigns.",
    ),
    # Configuration
    Code("E601", "invalid-config", "Fix the option in the 'journeys' entry of mkdocs.yml."),
    Code("E602", "unknown-config-option", "Use a documented option of the 'journeys' plugin."),
    Code(
        "E603",
        "template-error",
        "Fix the template at the reported line, or remove it: journeymap's own template is used then.",
    ),
    # CSV transcripts (journeymap import csv)
    Code(
        "E701",
        "csv-missing-column",
        "Give the CSV a header row with at least stage, step, lane and text (or cell and text).",
    ),
    Code(
        "E702",
        "csv-unknown-lane",
        "Use a lane key of the format, its Dutch alias, or the lane's name as the canvas prints it.",
    ),
    Code("E703", "csv-row-out-of-place", "Give the row a stage (and a step for step lanes), as the columns require."),
    Code("E704", "csv-missing-journey-data", "Add a title and persona row, or pass --title and --persona."),
    Code("E705", "csv-unreadable", "Fix the record: close its quotes (a quote inside a cell is written twice)."),
    Code("E706", "csv-cell-conflict", "Give each canvas its own transcript, or correct the cell id."),
    Code("E707", "csv-conflicting-feeling", "Keep the one score the group settled on."),
    Code("E708", "csv-untitled", "Add the row that names the stage or step (its cell id ends in .stage or .step)."),
    # Mermaid journey diagrams (journeymap import mermaid)
    Code("E801", "mermaid-syntax", "Write 'journey', 'title …', 'section …' and 'Task: score: actors' lines."),
    Code(
        "E802",
        "mermaid-score",
        "Give the task a whole score from 1 to 5, as Mermaid's journey diagrams use, or leave it empty: 'Task:'.",
    ),
    Code("E803", "mermaid-no-tasks", "Add at least one task line 'Task: score: actors' under a section."),
    Code(
        "E804",
        "mermaid-which-diagram",
        "Pass --diagram N to choose one of the file's journey diagrams (1 is the first).",
    ),
    # Measured data (content/data/*.csv)
    Code("E901", "data-column", "Give the file a header row: journey, step, metric, value, period (and unit)."),
    Code(
        "E902",
        "data-missing-value",
        "Fill in the cell: every row names a journey, a step, a metric, a value, a period.",
    ),
    Code("E903", "data-unknown-journey", "Use the id (file name without .md) of a journey in the journeys folder."),
    Code("E904", "data-not-a-number", "Write the value as a plain number: 54, 54.5 or 54,5."),
    Code("E905", "data-unknown-unit", "Use one of the units the format reference lists, or leave the unit empty."),
    Code("E906", "data-duplicate-row", "Keep one row per journey, step, metric and period."),
    Code("E907", "data-bad-period", "Write the period as 2026, 2026-H2, 2026-Q3, 2026-09, 2026-W36 or 2026-09-30."),
    Code("E908", "data-unknown-step", "Use the id of a step of that journey (its '- id:', or its title as a slug)."),
    # Warnings
    Code("W101", "step-without-feeling", "Add '- feeling: <score> <word>' so the emotion curve has a point here."),
    Code("W102", "stage-without-steps", "Add a '### Step' under the stage, or remove the stage."),
    Code("W103", "review-overdue", "Validate the journey with customers again and update 'reviewed'."),
    Code("W104", "never-reviewed", "Add 'reviewed: YYYY-MM-DD' once the journey has been validated with customers."),
    Code(
        "W105",
        "data-moved-since-review",
        "Validate the journey again against what the data shows, and update 'reviewed'.",
    ),
    Code("W701", "csv-same-title", "Write the title the same way in every row."),
    Code("W702", "csv-similar-title", "If the two are one stage or step, write its title the same way in every row."),
    Code("W801", "mermaid-ignored", "Remove the text Mermaid ignores, or write it with entity codes ('#58;' for ':')."),
]

CODES: dict[str, Code] = {code.code: code for code in _CATALOGUE}


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem: ``path:line:col: severity[CODE]: message`` plus a hint."""

    loc: Location
    code: str
    message: str
    hint: str = ""

    @property
    def severity(self) -> Severity:
        return CODES[self.code].severity

    def __str__(self) -> str:
        return f"{self.loc}: {self.severity.value}[{self.code}]: {self.message}"


def shorten(text: str, limit: int = 60) -> str:
    """``text`` as a message quotes it: at most ``limit`` characters."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def problem(loc: Location, code: str, message: str, hint: str | None = None) -> Problem:
    """Make a problem; the hint defaults to the code's documented fix."""
    if code not in CODES:
        raise KeyError(code)
    return Problem(loc, code, message, CODES[code].fix if hint is None else hint)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Problems in a stable order: by path, line, column, code."""
    return sorted(problems, key=lambda p: (p.loc.path, p.loc.line, p.loc.column, p.code, p.message))
