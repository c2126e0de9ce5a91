"""Keys a journey author may write, their Dutch aliases, and did-you-mean suggestions.

Keys are case-insensitive; spaces and underscores count as hyphens, so
``Moment of truth`` and ``moment_of_truth`` both mean ``moment-of-truth``.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "LANE_KEYS",
    "STAGE_KEYS",
    "canonical_key",
    "normalise_key",
    "slugify",
    "suggest",
]

# canonical key -> Dutch aliases (the canonical English key is always accepted).
LANE_KEYS: dict[str, tuple[str, ...]] = {
    "id": ("sleutel",),
    "channel": ("kanaal",),
    "touchpoint": ("contactmoment", "raakpunt"),
    "actors": ("betrokkenen", "actoren"),
    "doing": ("doet", "doen"),
    "thinking": ("denkt", "denken"),
    "feeling": ("gevoel", "emotie"),
    "pain": ("pijnpunt", "pijn"),
    "opportunity": ("kans", "verbeterkans"),
    "owner": ("eigenaar", "verantwoordelijke"),
    "backstage": ("achter-de-schermen",),
    "support": ("ondersteuning",),
    "kpi": ("prestatie-indicator",),
    "metric": ("meting", "meetwaarde"),
    "type": ("soort",),
    "moment-of-truth": ("moment-van-de-waarheid", "sleutelmoment"),
}

STAGE_KEYS: dict[str, tuple[str, ...]] = {
    "id": ("sleutel",),
    "goal": ("doel",),
}

# Keys that hold one value per step or stage; the others may repeat.
SINGLE_VALUED = frozenset({"id", "feeling", "type", "moment-of-truth"})

_SEPARATORS = re.compile(r"[\s_]+")


def normalise_key(key: str) -> str:
    """Lower-case a key and write its spaces and underscores as hyphens."""
    return _SEPARATORS.sub("-", key.strip().casefold())


def canonical_key(key: str, vocabulary: dict[str, tuple[str, ...]]) -> str | None:
    """The canonical key for ``key`` or one of its aliases, or ``None``."""
    wanted = normalise_key(key)
    for canonical, aliases in vocabulary.items():
        if wanted == canonical or wanted in aliases:
            return canonical
    return None


def suggest(word: str, choices: list[str] | tuple[str, ...] | set[str]) -> str | None:
    """The closest of ``choices`` to ``word``, if one is close enough to be a typo."""
    import difflib  # only a file with a typo needs it: not imported by every command

    wanted = normalise_key(word)
    ordered = sorted(choices)
    matches = difflib.get_close_matches(wanted, ordered, n=1, cutoff=0.6)
    if matches:
        return matches[0]
    # A prefix is a likely slip too ("opp" for "opportunity").
    prefixed = [choice for choice in ordered if len(wanted) >= 3 and choice.startswith(wanted)]
    return prefixed[0] if len(prefixed) == 1 else None


def did_you_mean(word: str, vocabulary: dict[str, tuple[str, ...]]) -> str:
    """A hint naming the closest key (and, for an alias, the key it stands for)."""
    spellings = {name: name for name in vocabulary}
    spellings.update({alias: canonical for canonical, aliases in vocabulary.items() for alias in aliases})
    match = suggest(word, set(spellings))
    if match is None:
        return ""
    canonical = spellings[match]
    if canonical != match:
        return f"did you mean '{match}' ('{canonical}')?"
    return f"did you mean '{match}'?"


_NOT_WORD = re.compile(r"[\W_]+")


def slugify(text: str) -> str:
    """A stable id from a title: lower case, accents folded, words joined by hyphens."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return _NOT_WORD.sub("-", folded.casefold()).strip("-")


ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
