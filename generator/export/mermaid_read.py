"""Reading a Mermaid ``journey`` diagram the way Mermaid reads it, with every position kept.

What Mermaid accepts, this accepts: YAML front matter (``title``, ``config``), ``%%{init}%%``
directives on one line or many, ``%%`` comment lines and ``#`` comments, keywords in any
letter case, ``accTitle``/``accDescr`` (line and ``{ … }`` block form), entity codes, tasks
with or without actors and with an empty score. A Markdown file's ```` ```mermaid ````
(or ``::: mermaid``) block is read in place, with the file's own line numbers. What Mermaid
refuses (a ``;``, a task without ``:``, a second ``journey``) is a located problem here.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from generator.errors import Problem, problem, shorten
from generator.export.mermaid_text import ENTITY, decode
from generator.model import Location
from generator.read.front_matter import FieldSpec, read_front_matter

__all__ = ["Diagram", "Section", "Source", "Task", "choose_diagram", "find_diagrams", "read_diagram"]

NO_FEELING = "journeymap: no feeling"
"""The comment journeymap writes above a task whose step has no feeling (its score is
only there because Mermaid needs one)."""


@dataclass(slots=True)
class Task:
    name: str
    loc: Location
    score: str
    """The score as written (``""`` when empty), checked by the caller."""
    score_loc: Location
    actors: list[str]
    feeling: bool = True
    """False when journeymap marked the task's score as a stand-in."""


@dataclass(slots=True)
class Section:
    name: str
    loc: Location
    tasks: list[Task] = field(default_factory=list)


@dataclass(slots=True)
class Diagram:
    """A journey diagram as read: titles and description, sections of tasks."""

    loc: Location
    title: str = ""
    front_title: str = ""
    acc_title: str = ""
    description: str = ""
    sections: list[Section] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Source:
    """The lines of one diagram, with the file line of the first (1-based)."""

    path: str
    first_line: int
    lines: tuple[str, ...]


_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})[ \t]*mermaid\b")
_COLONS = re.compile(r"^[ \t]*:::[ \t]*mermaid\b")
_HEADER = re.compile(r"journey\b", re.IGNORECASE)


def find_diagrams(text: str, path: str) -> list[Source]:
    """The Mermaid blocks of a Markdown file that hold a journey, or the whole text when
    it has no Mermaid block (a ``.mmd`` file)."""
    lines = text.split("\n")
    blocks: list[Source] = []
    index = 0
    found_block = False
    while index < len(lines):
        line = lines[index]
        fence = _FENCE.match(line)
        colons = _COLONS.match(line) if fence is None else None
        if fence is None and colons is None:
            index += 1
            continue
        found_block = True
        if fence is not None:
            mark = fence["fence"]
            closing = re.compile(rf"^[ \t]*{re.escape(mark[0])}{{{len(mark)},}}[ \t]*$")
        else:
            closing = re.compile(r"^[ \t]*:::[ \t]*$")
        end = index + 1
        while end < len(lines) and closing.match(lines[end]) is None:
            end += 1
        # Lines keep their indent, so columns are the file's: no statement minds it.
        source = Source(path, index + 2, tuple(lines[index + 1 : end]))
        if _first_statement(source) is not None:
            blocks.append(source)
        index = end + 1
    if found_block:
        return blocks
    return [Source(path, 1, tuple(lines))]


def choose_diagram(text: str, path: str, number: int | None = None) -> tuple[Source | None, list[Problem]]:
    """Journey diagram ``number`` (1-based) of ``text``; without a number, the only one."""
    sources = find_diagrams(text, path)
    start = Location(path=path, line=1, column=1)
    if not sources:
        return None, [problem(start, "E801", "the file holds no Mermaid journey diagram")]
    if number is not None and not 1 <= number <= len(sources):
        held = f"{len(sources)} journey diagram" + ("s" if len(sources) > 1 else "")
        return None, [problem(start, "E804", f"there is no diagram {number}: the file holds {held}")]
    if number is None and len(sources) > 1:
        lines = ", ".join(str(s.first_line) for s in sources)
        message = f"the file holds {len(sources)} journey diagrams (from lines {lines}); which one?"
        return None, [problem(Location(path=path, line=sources[1].first_line, column=1), "E804", message)]
    return sources[(number or 1) - 1], []


def _first_statement(source: Source) -> int | None:
    """The index of the ``journey`` line, if the diagram is a journey."""
    lines = list(source.lines)
    span = _front_matter_span(lines)
    start = span[1] + 1 if span is not None and span[1] >= 0 else 0
    blanked, _ = _blank_directives("\n".join(lines[start:]))
    for offset, line in enumerate(blanked.split("\n")):
        stripped = line.strip()
        if stripped and not stripped.startswith("%%"):
            return start + offset if _HEADER.match(stripped) else None
    return None


def _front_matter_span(lines: list[str]) -> tuple[int, int] | None:
    """The indices of a leading front matter's ``---`` lines (the closing one ``-1`` when
    it is never closed), or ``None`` without front matter."""
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start == len(lines) or lines[start].strip() != "---":
        return None
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() == "---"), -1)
    return start, end


def _blank_directives(text: str) -> tuple[str, int | None]:
    """``text`` with every ``%%{ … }%%`` turned into spaces (line breaks kept), and where
    an unclosed one starts. One pass, however many there are."""
    parts: list[str] = []
    position = 0
    while True:
        opening = text.find("%%{", position)
        if opening < 0:
            parts.append(text[position:])
            return "".join(parts), None
        closing = text.find("}%%", opening + 3)
        if closing < 0:
            parts.append(text[position:])
            return "".join(parts), opening
        parts.append(text[position:opening])
        parts.append("".join("\n" if char == "\n" else " " for char in text[opening : closing + 3]))
        position = closing + 3


_FRONT_MATTER = {
    "title": FieldSpec("text"),
    "config": FieldSpec("mapping"),
    "displayMode": FieldSpec("text"),
}
_TITLE = re.compile(r"title(?:\s+(?P<value>.*)|$)", re.IGNORECASE)
_ACC = re.compile(r"acc(?P<kind>title|descr)\s*(?P<sep>[:{])\s*", re.IGNORECASE)
_SECTION = re.compile(r"section(?:\s+(?P<value>.*)|$)", re.IGNORECASE)


class _Reader:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.diagram = Diagram(loc=self.at(0, 0))
        self.no_feeling = False

    def at(self, index: int, column: int) -> Location:
        return Location(path=self.source.path, line=self.source.first_line + index, column=column + 1)

    def error(self, index: int, column: int, code: str, message: str, hint: str | None = None) -> None:
        self.problems.append(problem(self.at(index, column), code, message, hint))

    # -- around the diagram --------------------------------------------------------------

    def front_matter(self, lines: list[str]) -> int:
        """Read a leading ``---`` block; the index of the first line after it."""
        span = _front_matter_span(lines)
        if span is None:
            return 0
        start, end = span
        if end < 0:
            self.error(start, 0, "E801", "the front matter's '---' is never closed", "Close it with a line '---'.")
            return len(lines)
        text = "\n".join(lines[start + 1 : end])
        first = self.source.first_line + start + 1
        found, problems = read_front_matter(text, self.source.path, first, _FRONT_MATTER)
        # Mermaid ignores keys it does not use; so does the importer.
        self.problems += [p for p in problems if p.code != "E209"]
        title = found.values.get("title")
        if isinstance(title, str):
            self.diagram.front_title = " ".join(title.split())
        return end + 1

    def directives(self, lines: list[str], start: int) -> list[str]:
        """``lines`` with every ``%%{ … }%%`` blanked out, line breaks kept."""
        joined = "\n".join(lines[start:])
        blanked, unclosed = _blank_directives(joined)
        if unclosed is not None:
            index = start + joined.count("\n", 0, unclosed)
            column = unclosed - (joined.rfind("\n", 0, unclosed) + 1)
            self.error(index, column, "E801", "a '%%{' directive is never closed with '}%%'")
        return lines[:start] + blanked.split("\n")

    # -- statements ----------------------------------------------------------------------

    def read(self) -> Diagram | None:
        lines = list(self.source.lines)
        start = self.front_matter(lines)
        lines = self.directives(lines, start)
        seen_header = False
        index = start
        while index < len(lines):
            raw = lines[index]
            stripped = raw.lstrip()
            column = len(raw) - len(stripped)
            if not stripped.strip():
                index += 1
                continue
            if stripped.startswith("%%"):
                self.no_feeling = stripped[2:].strip() == NO_FEELING
                index += 1
                continue
            if not seen_header:
                header = _HEADER.match(stripped)
                if header is None:
                    self.error(index, column, "E801", "a Mermaid journey diagram starts with 'journey'")
                    return None
                seen_header = True
                self.diagram.loc = self.at(index, column)
                rest = stripped[header.end() :]
                if not rest.strip():
                    index += 1
                    continue
                column += header.end() + len(rest) - len(rest.lstrip())
                stripped = rest.lstrip()
            index = self.statement(lines, index, column, stripped)
        if not seen_header:
            self.error(0, 0, "E801", "the file holds no Mermaid journey diagram")
            return None
        return self.diagram

    def statement(self, lines: list[str], index: int, column: int, text: str) -> int:
        """Read the statement ``text`` (at ``column`` of line ``index``); the next line's index."""
        acc = _ACC.match(text)
        if acc is not None:
            return self.accessibility(lines, index, column, text, acc)
        body = _cut(text)
        semicolon = _mask(body).find(";")
        if semicolon >= 0:
            where = semicolon
            self.error(
                index,
                column + where,
                "E801",
                "Mermaid refuses a ';' here",
                "Write '#59;' for a semicolon inside a name, as Mermaid's entity codes do.",
            )
            return index + 1
        title = _TITLE.match(body)
        if title is not None and title["value"] is not None and title["value"].strip():
            value = " ".join(decode(title["value"]).split())
            if self.diagram.title:
                self.problems.append(
                    problem(
                        self.at(index, column),
                        "W801",
                        f"Mermaid reads this line as the diagram's title, in place of '{shorten(self.diagram.title)}'",
                        "If it is a task, write its first letter as an entity code: '#84;itle …'.",
                    )
                )
            self.diagram.title = value
            return index + 1
        section = _SECTION.match(body)
        if section is not None and section["value"] is not None and section["value"].strip():
            self.section(index, column, section["value"], body)
            return index + 1
        if _HEADER.match(body):
            self.error(
                index,
                column,
                "E801",
                "'journey' may only start the diagram",
                "A task whose name starts with 'journey' is written '#74;ourney …' (an entity code for 'J').",
            )
            return index + 1
        self.task(index, column, body)
        return index + 1

    def accessibility(self, lines: list[str], index: int, column: int, text: str, acc: re.Match[str]) -> int:
        kind = acc["kind"].casefold()
        value = text[acc.end() :]
        if acc["sep"] == "{":
            parts = []
            end = index
            while "}" not in value and end + 1 < len(lines):
                parts.append(value)
                end += 1
                value = lines[end]
            if "}" not in value:
                self.error(index, column, "E801", "an 'accDescr {' block is never closed with '}'")
                return len(lines)
            parts.append(value[: value.index("}")])
            value = "\n".join(parts)
            index = end
        value = decode(value.strip())
        if kind == "title":
            self.diagram.acc_title = " ".join(value.split())
        else:
            self.diagram.description = value
        return index + 1

    def section(self, index: int, column: int, value: str, body: str) -> None:
        colon = _mask(body).find(":")
        if colon >= 0:
            self.error(
                index,
                column + colon,
                "E801",
                "a section's name ends at ':', and Mermaid refuses what follows",
                "Write '#58;' for a colon inside a section name.",
            )
            return
        name = " ".join(decode(value).split())
        self.diagram.sections.append(Section(name, self.at(index, column)))
        self.no_feeling = False

    def task(self, index: int, column: int, body: str) -> None:
        mask = _mask(body)
        if ":" not in mask:
            self.error(
                index,
                column,
                "E801",
                f"not a task line: '{shorten(body.strip())}'",
                "Write a task as 'Task: score: actors' ('Task:' for a task without a score).",
            )
            return
        colon = mask.index(":")
        name = " ".join(decode(body[:colon]).split())
        if not name:
            self.error(index, column, "E801", "a task needs a name before its ':'")
            return
        pieces = _split(body[colon + 1 :], ":")
        score = pieces[0].strip()
        offset = colon + 1 + len(pieces[0]) - len(pieces[0].lstrip())
        actors = [" ".join(decode(a).split()) for a in _split(pieces[1], ",")] if len(pieces) > 1 else []
        if len(pieces) > 2:
            later = colon + 1 + len(pieces[0]) + 1 + len(pieces[1])
            self.problems.append(
                problem(
                    self.at(index, column + later),
                    "W801",
                    f"Mermaid ignores '{shorten(body[later:].strip())}' after the task's actors",
                    "Remove it, or write '#58;' for a colon inside an actor's name.",
                )
            )
        if not self.diagram.sections:
            self.diagram.sections.append(Section("", self.at(index, column)))
        self.diagram.sections[-1].tasks.append(
            Task(
                name=name,
                loc=self.at(index, column),
                score=score,
                score_loc=self.at(index, column + offset),
                actors=[a for a in actors if a],
                feeling=not self.no_feeling,
            )
        )
        self.no_feeling = False


def _mask(text: str) -> str:
    """``text`` with each entity code blanked to NULs of its length: what is left of
    ``#``, ``:``, ``;`` and ``,`` is Mermaid's syntax."""
    return ENTITY.sub(lambda m: "\0" * len(m[0]), text) if "#" in text else text


def _cut(text: str) -> str:
    """``text`` up to its ``#`` comment; an entity code such as ``#35;`` is not one."""
    hash_at = _mask(text).find("#")
    return (text if hash_at < 0 else text[:hash_at]).rstrip()


def _split(text: str, separator: str) -> list[str]:
    """``text`` split at ``separator`` where it is syntax (``#58;`` or ``#44;`` are not)."""
    cuts = [-1, *(i for i, char in enumerate(_mask(text)) if char == separator), len(text)]
    return [text[a + 1 : b] for a, b in itertools.pairwise(cuts)]


def read_diagram(source: Source) -> tuple[Diagram | None, list[Problem]]:
    """The diagram in ``source``, and every problem found reading it."""
    reader = _Reader(source)
    diagram = reader.read()
    return diagram, reader.problems
