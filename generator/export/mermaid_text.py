"""Text inside a Mermaid diagram: entity codes in, and text that Mermaid reads back out.

Mermaid turns ``#35;`` (a code point) and ``#quot;`` (an HTML entity name) into the
character before it parses anything, so they are the one way to write a ``#``, ``;`` or
``:`` inside a name. Its grammar ends a name at ``:``, ``;`` and ``#``, takes a line that
starts with ``title``, ``section``, ``journey``, ``accTitle`` or ``accDescr`` (in any
letter case) as that statement, and reads a line starting with ``%%`` as a comment.
"""

from __future__ import annotations

import html.entities
import re

__all__ = ["ENTITY", "KEYWORDS", "decode", "encode"]

ENTITY = re.compile(r"#([A-Za-z0-9_]+);")
"""An entity code as Mermaid finds them (its ``\\w`` is ASCII)."""

KEYWORDS = ("journey", "title", "section", "acctitle", "accdescr")
"""Words that make a line another statement when it starts with them."""

_ALWAYS = {"#": "#35;", ";": "#59;", ":": "#58;"}


def _entity(match: re.Match[str]) -> str:
    name = match[1]
    if name.isdigit():
        code = int(name)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else match[0]
    return html.entities.html5.get(name + ";", match[0])


def decode(text: str) -> str:
    """``text`` with its entity codes replaced by the characters they stand for; an
    unknown name stays as written."""
    return ENTITY.sub(_entity, text) if "#" in text else text


def encode(text: str, *, task: bool = False, actor: bool = False, title: bool = False) -> str:
    """One line of ``text`` that Mermaid shows as ``text`` and ``decode`` reads back.

    ``task``: the text starts a task line, so a leading keyword is disguised; ``actor``:
    commas (which separate actors) are kept inside the name; ``title``: ``&`` is coded,
    as Mermaid would show it escaped twice in the diagram's title.
    """
    out = []
    line = " ".join(text.split())
    for index, char in enumerate(line):
        if char in _ALWAYS:
            out.append(_ALWAYS[char])
        elif char == "%" and ("%%" in line[max(index - 1, 0) : index + 2]):
            out.append("#37;")  # '%%' could start a comment or a directive
        elif (char == "," and actor) or (char == "&" and title):
            out.append(f"#{ord(char)};")
        else:
            out.append(char)
    coded = "".join(out)
    if task and coded.casefold().startswith(KEYWORDS):
        coded = f"#{ord(coded[0])};{coded[1:]}"
    return coded
