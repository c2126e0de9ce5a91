"""Reading a CSV file people exported from a spreadsheet: records with their line and the
character column of every cell, comma- or semicolon-separated (Dutch Excel uses ``;``).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from generator.errors import Problem, problem
from generator.model import Location

__all__ = ["Record", "read_records", "sniff_delimiter"]


@dataclass(frozen=True, slots=True)
class Record:
    """One CSV record: the file line it starts on, its cells, and each cell's column."""

    line: int
    cells: tuple[str, ...]
    columns: tuple[int, ...]

    def column(self, index: int) -> int:
        """The 1-based character column of cell ``index`` (past the end: after the last)."""
        if index < len(self.columns):
            return self.columns[index]
        return (self.columns[-1] + len(self.cells[-1]) + 1) if self.columns else 1


def sniff_delimiter(first_line: str) -> str:
    """``;`` when the header holds more semicolons than commas outside quotes, else ``,``."""
    counts = {",": 0, ";": 0}
    quoted = False
    for char in first_line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    return ";" if counts[";"] > counts[","] else ","


def _starts(line: str, delimiter: str) -> list[int]:
    """The 1-based columns where the cells of ``line`` begin (quotes respected)."""
    starts = [1]
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            starts.append(index + 2)
    return starts


def read_records(text: str, path: str) -> tuple[list[Record], Problem | None]:
    """Every record of ``text`` (already decoded, ``\\n`` line ends), or the first one the
    reader refused as a located E705."""
    lines = text.split("\n")
    delimiter = sniff_delimiter(lines[0] if lines else "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[Record] = []
    line = 1
    # A cell may be as long as the file (itself bounded by the caller): the csv module's
    # limit, shared by the whole process, is raised for this read only.
    limit = csv.field_size_limit()
    csv.field_size_limit(max(limit, len(text) + 1))
    try:
        for cells in reader:
            starts = _starts(lines[line - 1], delimiter) if line <= len(lines) else [1]
            records.append(Record(line, tuple(cells), tuple(starts[: len(cells)])))
            line = reader.line_num + 1
    except csv.Error as exc:
        return records, problem(Location(path=path, line=line, column=1), "E705", f"unreadable CSV record: {exc}")
    finally:
        csv.field_size_limit(limit)
    return records, None
