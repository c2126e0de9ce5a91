"""Templates for ``journeymap new``: commented files that pass ``journeymap check`` as written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator.config import Settings
from generator.read.source import display_path
from generator.vocabulary import ID_PATTERN, slugify

__all__ = ["ScaffoldError", "init_site", "journey_template", "persona_template", "write_journey", "write_persona"]


class ScaffoldError(Exception):
    """The file cannot be created as asked (bad name, existing file, no persona)."""


JOURNEY_TEMPLATE = """\
---
# A journey follows one persona toward one goal. Every key is documented in the
# format reference; Dutch aliases (titel, eigenaar, ...) work too.
title: {title}
persona: {persona}              # file name of a persona in {personas_dir}/
owner: Customer experience team    # who is accountable for this journey
state: current                  # current (as-is) or future (to-be)
reviewed: {today}             # last validated with real customers
expectations: What the customer expects before they start, in their own words.
tags: []
---

Describe the scenario here: who the customer is in this journey, what triggers it and
what they want to achieve. Everything before the first stage is the scenario.

## Orientation
A stage (phase) groups steps. Give it a goal from the customer's point of view.
- goal: Find out whether we can help

### Searches for a solution online
A step is one moment of interaction; its title is what the customer does.
Each bullet below is a lane. Keys may repeat (two pains are two bullets).
- channel: Website
- touchpoint: Home page
- doing: Reads the home page and compares offers
- thinking: "Is this what I need?"
- feeling: 0 curious
- pain: It is unclear what the offer includes
- opportunity: Show a short overview of what is included
- owner: Web team
- type: critical

## Purchase
- goal: Buy with confidence

### Places the order
- channel: Website
- touchpoint: Checkout
- doing: Fills in the order form and pays
- feeling: 1 relieved
- owner: Sales team
- backstage: Order system
- kpi: Checkout completion rate (target 80%)
- moment-of-truth: yes
"""

PERSONA_TEMPLATE = """\
---
# A persona is a customer archetype that journeys refer to by this file's name.
name: {name}
role: What they do, in a few words
quote: "Something they would say about the service."
age: 35
location: Utrecht
segment: Private customers
# photo: {photo}           # an image next to this file, inside the content folder
goals:
  - What they want to achieve
needs:
  - What they need from us to get there
frustrations:
  - What gets in their way today
behaviours:
  - How they usually go about it
channels: [Website, E-mail]
---

Tell their story: their context, their ambitions, and what a good experience means
to them. This narrative appears on the persona's page.
"""


def _name_and_id(name: str) -> tuple[str, str]:
    """``'Book a trip'`` → ``('Book a trip', 'book-a-trip')``; ``'book-a-trip'`` → ``('Book a trip', ...)``."""
    name = name.strip()
    ident = slugify(name)
    if not ident or not ID_PATTERN.match(ident):
        raise ScaffoldError(f"cannot make a file name from {name!r}: use letters, digits and hyphens")
    title = name if (" " in name or name != name.lower()) else name.replace("-", " ").capitalize()
    return title, ident


def _create(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        raise ScaffoldError(f"{display_path(path)} already exists; choose another name") from None
    return display_path(path)


def journey_template(title: str, persona: str, today: dt.date, personas_dir: str = "personas") -> str:
    """The text of a new journey file."""
    quoted = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return JOURNEY_TEMPLATE.format(title=quoted, persona=persona, today=today.isoformat(), personas_dir=personas_dir)


def persona_template(name: str, ident: str) -> str:
    """The text of a new persona file."""
    quoted = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return PERSONA_TEMPLATE.format(name=quoted, photo=f"{ident}.jpg")


def write_journey(settings: Settings, name: str, *, persona: str | None, today: dt.date) -> str:
    """Create a journey file; returns the path written."""
    title, ident = _name_and_id(name)
    known = sorted(p.stem for p in settings.personas_path.glob("*.md")) if settings.personas_path.is_dir() else []
    if persona is None:
        if not known:
            raise ScaffoldError("there are no personas yet: run 'journeymap new persona NAME' first")
        persona = known[0]
    elif persona not in known:
        raise ScaffoldError(f"unknown persona {persona!r}; known personas: {', '.join(known) or 'none'}")
    text = journey_template(title, persona, today, settings.personas_dir)
    return _create(settings.journeys_path / f"{ident}.md", text)


def write_persona(settings: Settings, name: str) -> str:
    """Create a persona file; returns the path written."""
    title, ident = _name_and_id(name)
    return _create(settings.personas_path / f"{ident}.md", persona_template(title, ident))


SITE_CONFIG = """\
# The journeys site: `journeymap build` makes it, `journeymap serve` previews it.
site_name: {site_name}
docs_dir: content
theme:
  name: material        # mkdocs-material under MkDocs; Zensical reads it too
  language: {language}
  features:
    - navigation.sections
    - search.highlight
plugins:
  - search
  - journeys:           # every option: the format reference's Configuration section
      language: {language}
      review_period: 180
"""

HOME_PAGE = """\
# {site_name}

How our customers experience us, journey by journey. Every card below is a journey
map; open one to see its stages, steps, feelings and pain points.

<!-- journeymap:cards -->

## Personas

<!-- journeymap:personas -->
"""


def init_site(folder: Path, *, site_name: str, language: str, today: dt.date) -> list[str]:
    """Make ``folder`` a working journeys site: ``mkdocs.yml``, a home page with journey
    cards, one persona and one journey that follows them. Nothing is overwritten: an
    existing file stops it before anything is written. Returns the paths written."""
    quoted = '"' + site_name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    files = {
        folder / "mkdocs.yml": SITE_CONFIG.format(site_name=quoted, language=language),
        folder / "content" / "index.md": HOME_PAGE.format(site_name=site_name),
        folder / "content" / "personas" / "first-customer.md": persona_template("First customer", "first-customer"),
        folder / "content" / "journeys" / "first-journey.md": journey_template(
            "First journey", "first-customer", today
        ),
    }
    existing = [display_path(path) for path in files if path.exists()]
    if existing:
        raise ScaffoldError(f"{', '.join(existing)}: already there; journeymap init only starts new sites")
    return [_create(path, text) for path, text in files.items()]
