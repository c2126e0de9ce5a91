"""The workshop's one vocabulary: the cell ids printed on the canvas and the field names a
transcript may use, the same on paper and in the importer.

A cell id names its stage, its step and its field: ``2.3.pain`` is the pain points of
the third step of stage 2, ``2.stage`` is stage 2's title, ``2.goal`` its goal and
``2.3.step`` the step's title. Numbers count across the whole canvas, so an id is unique
over every sheet it is printed on. The field is printed in the kit's language (``2.3.pijn``
on a Dutch canvas) and read in either: any lane key, Dutch alias or lane label printed on
the canvas ("Pain points", "Touchpoint & channel", "Pijnpunten") is accepted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.vocabulary import LANE_KEYS, canonical_key, did_you_mean, slugify

__all__ = [
    "STAGE_FIELDS",
    "CellRef",
    "field_hint",
    "field_key",
    "field_word",
    "format_cell",
    "looks_like_cell",
    "parse_cell",
    "printed_fields",
]

# field -> its printed word in English and Dutch (each is also read back).
_WORDS: dict[str, tuple[str, str]] = {
    "stage": ("stage", "fase"),
    "goal": ("goal", "doel"),
    "step": ("step", "stap"),
    "touchpoint": ("touchpoint", "contactmoment"),
    "channel": ("channel", "kanaal"),
    "actors": ("actors", "betrokkenen"),
    "doing": ("doing", "doet"),
    "thinking": ("thinking", "denkt"),
    "feeling": ("feeling", "gevoel"),
    "pain": ("pain", "pijn"),
    "opportunity": ("opportunity", "kans"),
    "owner": ("owner", "eigenaar"),
    "backstage": ("backstage", "achter-de-schermen"),
    "support": ("support", "ondersteuning"),
    "kpi": ("kpi", "kpi"),
    "metric": ("metric", "meting"),
    "type": ("type", "soort"),
    "moment-of-truth": ("moment-of-truth", "sleutelmoment"),
}
STAGE_FIELDS = frozenset({"stage", "goal"})
"""Fields of a stage (``2.goal``); every other field belongs to a step (``2.3.pain``)."""

# The labels the canvas prints beside its rows, in both languages, read as the field.
_PRINTED: dict[str, str] = {
    "customer-steps": "step",
    "klantstappen": "step",
    "steps": "step",
    "stappen": "step",
    "stages": "stage",
    "fasen": "stage",
    "touchpoint-channel": "touchpoint",
    "contactmoment-kanaal": "touchpoint",
    "touchpoints": "touchpoint",
    "contactmomenten": "touchpoint",
    "pain-points": "pain",
    "pijnpunten": "pain",
    "opportunities": "opportunity",
    "kansen": "opportunity",
    "support-processes": "support",
    "ondersteunende-processen": "support",
    "kpis-metrics": "kpi",
    "kpi-s-metingen": "kpi",
    "kpis": "kpi",
    "kpi-s": "kpi",
    "achter-de-schermen": "backstage",
    "stage-goal": "goal",
    "doel-van-de-fase": "goal",
    "touchpoint-type": "type",
    "soort-contactmoment": "type",
    "moment-van-de-waarheid": "moment-of-truth",
}

# An export's cell column holds ``step-id/lane/n``: a slash is never part of a printed id.
_ID = re.compile(r"^\s*(\d{1,3})\s*(?:[.\-:]\s*(\d{1,3}))?\s*[.\-: ]\s*([^\d\s./][^/]*?)\s*$")


@dataclass(frozen=True, slots=True)
class CellRef:
    """A parsed cell id: stage number, step number (none for a stage field) and field."""

    stage: int
    step: int | None
    field: str


def field_word(field: str, language: str) -> str:
    """The word the canvas prints for ``field`` in ``language``."""
    english, dutch = _WORDS[field]
    return dutch if language == "nl" else english


def format_cell(stage: int, step: int | None, field: str, language: str) -> str:
    """The printed id of a cell: ``2.3.pain``, ``2.goal``."""
    word = field_word(field, language)
    return f"{stage}.{word}" if step is None else f"{stage}.{step}.{word}"


def field_key(word: str) -> str | None:
    """The field ``word`` names: a field word, a lane key or alias, or a printed label."""
    slug = slugify(word)
    for field, spellings in _WORDS.items():
        if slug == field or slug in spellings:
            return field
    found = canonical_key(word, LANE_KEYS)
    if found is not None and found != "id":
        return found
    return _PRINTED.get(slug)


def printed_fields() -> dict[str, tuple[str, ...]]:
    """Field → every spelling the importer reads for it (for did-you-mean hints)."""
    spellings: dict[str, set[str]] = {field: set(words) for field, words in _WORDS.items()}
    for key, aliases in LANE_KEYS.items():
        if key != "id":
            spellings.setdefault(key, set()).update(aliases)
    for printed, field in _PRINTED.items():
        spellings[field].add(printed)
    return {field: tuple(sorted(words - {field})) for field, words in spellings.items()}


def field_hint(word: str) -> str | None:
    """``did you mean 'pijnpunt' ('pain')?`` for a misspelt field name, if one is close."""
    wanted = slugify(word)
    return did_you_mean(wanted, dict.fromkeys(_WORDS, ())) or did_you_mean(wanted, printed_fields()) or None


def parse_cell(text: str) -> CellRef | None:
    """The cell ``text`` names (``2.3.pain``, ``2.3 Pain points``, ``2-goal``), or ``None``
    when it is not written like a printed cell id or names no field."""
    match = _ID.match(text)
    if match is None:
        return None
    stage, step, word = match.groups()
    field = field_key(word)
    if field is None or int(stage) < 1 or (step is not None and int(step) < 1):
        return None
    if (step is None) != (field in STAGE_FIELDS):
        return None
    return CellRef(int(stage), int(step) if step is not None else None, field)


def looks_like_cell(text: str) -> bool:
    """Whether ``text`` is written like a cell id (a number first), known field or not."""
    return _ID.match(text) is not None
