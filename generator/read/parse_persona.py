"""Persona files into the model: front matter plus a free narrative body."""

from __future__ import annotations

from generator.errors import Problem
from generator.model import Location, Persona
from generator.read.document import block_text, read_document
from generator.read.front_matter import FieldSpec, read_front_matter

__all__ = ["PERSONA_FIELDS", "parse_persona"]

PERSONA_FIELDS: dict[str, FieldSpec] = {
    "name": FieldSpec("text", ("naam",), required=True),
    "role": FieldSpec("text", ("rol",)),
    "quote": FieldSpec("text", ("citaat",)),
    "age": FieldSpec("text", ("leeftijd",)),
    "location": FieldSpec("text", ("woonplaats",)),
    "segment": FieldSpec("text", ("doelgroep",)),
    "photo": FieldSpec("text", ("foto",)),
    "goals": FieldSpec("list", ("doelen",)),
    "needs": FieldSpec("list", ("behoeften",)),
    "frustrations": FieldSpec("list", ("frustraties",)),
    "behaviours": FieldSpec("list", ("behaviors", "gedrag")),
    "channels": FieldSpec("list", ("kanalen",)),
    "extra": FieldSpec("mapping", ()),
}


def parse_persona(text: str, path: str, persona_id: str) -> tuple[Persona, list[Problem]]:
    """Parse a persona file's text; ``persona_id`` is its file name without ``.md``."""
    document, problems = read_document(text, path)
    values: dict[str, object] = {}
    locs: dict[str, Location] = {}
    if document.front_matter is not None:
        front, fm_problems = read_front_matter(document.front_matter, path, document.front_matter_line, PERSONA_FIELDS)
        problems.extend(fm_problems)
        values, locs = front.values, front.locs

    def text_of(key: str) -> str:
        return str(values.get(key, ""))

    def list_of(key: str) -> tuple[str, ...]:
        value = values.get(key, ())
        return tuple(str(item) for item in value) if isinstance(value, tuple) else ()

    extra = values.get("extra", {})
    persona = Persona(
        id=persona_id,
        name=text_of("name"),
        role=text_of("role"),
        quote=text_of("quote"),
        age=text_of("age"),
        location=text_of("location"),
        segment=text_of("segment"),
        photo=text_of("photo"),
        goals=list_of("goals"),
        needs=list_of("needs"),
        frustrations=list_of("frustrations"),
        behaviours=list_of("behaviours"),
        channels=list_of("channels"),
        extra=extra if isinstance(extra, dict) else {},
        narrative=block_text(document, list(document.blocks)),
        loc=Location(path=path, line=1, column=1),
        key_locs=locs,
    )
    return persona, problems
