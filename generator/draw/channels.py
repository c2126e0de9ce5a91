"""Recognising common channels and the small glyph drawn for each (16×16 path data)."""

from __future__ import annotations

import re

__all__ = ["GLYPHS", "channel_glyph"]

# Outline icons on a 16×16 grid, drawn with stroke, no fill.
GLYPHS: dict[str, str] = {
    "web": "M2 3h12v10H2z M2 6h12 M4 4.5h.01 M6 4.5h.01",
    "email": "M8 10.5a2.5 2.5 0 1 1 2.5-2.5v1a1.5 1.5 0 0 0 3 0V8a5.5 5.5 0 1 0-2.2 4.4 M10.5 8V5.5",
    "phone": "M5.5 2 4 2.5C3 3 2.5 4 2.8 5.2 4 9.5 6.5 12 10.8 13.2 12 13.5 13 13 13.5 12l.5-1.5-3-1.5-1.3 1.3"
    "C8 9.6 6.4 8 5.7 6.3L7 5z",
    "chat": "M2 3h12v8H7l-3 3v-3H2z M5 7h.01 M8 7h.01 M11 7h.01",
    "chatbot": "M3 5h10v8H3z M8 5V2.5 M6 8.5h.01 M10 8.5h.01 M6 11h4 M1.5 8v2 M14.5 8v2",
    "social": "M5 5.5a2 2 0 1 0 0-.01 M11 3.5a2 2 0 1 0 0-.01 M11 12.5a2 2 0 1 0 0-.01 "
    "M6.8 6.5l2.4-1.5 M6.8 8.5l2.4 2.5",
    "selfservice": "M8 5.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 1 0 0-5 M8 1.5v2 M8 12.5v2 M1.5 8h2 M12.5 8h2 "
    "M3.4 3.4l1.4 1.4 M11.2 11.2l1.4 1.4 M3.4 12.6l1.4-1.4 M11.2 4.8l1.4-1.4",
    "app": "M4.5 1.5h7v13h-7z M7 12.5h2",
    "store": "M2 6.5 3.5 2.5h9L14 6.5z M3 6.5v7h10v-7 M6.5 13.5v-4h3v4",
    "letter": "M2 4h12v8H2z M2 4l6 4.5L14 4",
    "device": "M3 3.5h10v7H3z M1.5 12.5h13",
}

# Order matters: the first match wins ("chatbot" before "chat", "e-mail" before "mail").
_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("chatbot", re.compile(r"chatbot|\bbot\b|virtual assistant|virtuele assistent")),
    ("email", re.compile(r"e-?mail|inbox|newsletter|nieuwsbrief")),
    ("chat", re.compile(r"chat|whatsapp|messenger|teams|slack|sms|text message")),
    ("phone", re.compile(r"phone|telefo|\bcall|bellen|hotline|\bline\b|voicemail")),
    ("social", re.compile(r"social|instagram|facebook|twitter|linkedin|tiktok|youtube")),
    ("selfservice", re.compile(r"self-?service|zelfservice|portal|portaal|my account|mijn omgeving|kiosk")),
    ("app", re.compile(r"\bapp\b|mobile app|mobiele app")),
    ("store", re.compile(r"store|shop|winkel|branch|filiaal|service point|servicepunt|desk|balie|office")),
    ("letter", re.compile(r"letter|\bbrief|\bpost\b|mail")),
    ("web", re.compile(r"web|site|online|internet|search engine|google|comparison")),
    ("device", re.compile(r"device|laptop|computer|apparaat")),
]


def channel_glyph(channel: str) -> str | None:
    """The glyph name for a channel as people write it, or ``None`` for a plain label."""
    lowered = channel.casefold()
    for name, pattern in _RULES:
        if pattern.search(lowered):
            return name
    return None
