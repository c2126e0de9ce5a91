"""Turning a file's bytes into text: UTF-8 (with or without BOM), any line ending."""

from __future__ import annotations

import os

from generator.errors import Problem, problem
from generator.model import Location

__all__ = ["decode_source", "display_path"]


def decode_source(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode ``data`` as UTF-8 with ``\\n`` line endings, or report the first bad byte."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # Lines end at \n, \r\n or a lone \r (old Mac files), as they do once decoded.
        line_start = max(data.rfind(b"\n", 0, exc.start), data.rfind(b"\r", 0, exc.start)) + 1
        breaks = data.count(b"\n", 0, exc.start) + data.count(b"\r", 0, exc.start) - data.count(b"\r\n", 0, exc.start)
        line = breaks + 1
        # Column in characters: decode what precedes the bad byte on its line.
        column = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        byte = data[exc.start]
        loc = Location(path=path, line=line, column=column)
        message = f"file is not valid UTF-8: byte 0x{byte:02X} cannot start or continue a character"
        guess = _other_encoding(data)
        if guess:
            message += f"; it looks like {guess}"
        return None, [problem(loc, "E101", message)]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, []


def _other_encoding(data: bytes) -> str:
    """The encoding a non-UTF-8 file most likely has, named as a spreadsheet user knows it."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16 (Excel's 'Unicode Text')"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return ""
    return "Windows-1252 (Excel's plain 'CSV (Comma delimited)', or Latin-1)"


def display_path(path: os.PathLike[str] | str) -> str:
    """A path as a user would type it: relative to the working directory when inside it."""
    absolute = os.path.abspath(path)
    try:
        relative = os.path.relpath(absolute)
    except ValueError:  # another drive on Windows
        return absolute
    if relative == ".." or relative.startswith(".." + os.sep):
        return absolute
    return relative.replace(os.sep, "/")
