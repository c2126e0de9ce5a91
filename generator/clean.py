"""Text a user wrote, made safe to place in any output: no characters XML cannot hold,
no bidi embeddings, overrides or isolates (which can make text read other than it is)."""

from __future__ import annotations

import re
from typing import Final

__all__ = ["clean_printed", "clean_text"]

# Not allowed in XML 1.0, plus bidi embeddings, overrides and isolates.
_UNSAFE: Final = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def clean_text(value: str) -> str:
    """Text safe to put in XML, HTML or CSV: invalid characters and bidi controls removed."""
    if value.isprintable():  # no control, bidi, surrogate or non-character code point
        return value
    return _UNSAFE.sub("", value)


def clean_printed(value: object) -> object:
    """What a template prints, as Jinja's ``finalize``: text cleaned by ``clean_text``;
    markup (a ``str`` subclass) and anything else as it is, markup was cleaned when made."""
    if type(value) is str and not value.isprintable():
        return clean_text(value)
    return value
