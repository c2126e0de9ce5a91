"""A site as its readers meet it: a 40-step journey, a Dutch journey on an English site,
a long web address, and a home page that places no journey cards itself."""

from __future__ import annotations

from pathlib import Path

LONG_URL = "https://www.example.org/" + "/".join(f"section-{n}-with-a-long-name" for n in range(8)) + "?ref=map"

FEELINGS = [1, 0, -1, -2, 2, 1, -1, 0]


def forty_steps() -> str:
    """Eight stages of five steps; step 23 is the lowest moment (-2, lost)."""
    lines = [
        "---",
        "title: Renewing a passport",
        "persona: tester",
        "owner: Civil affairs",
        "reviewed: 2026-09-01",
        "---",
        "",
    ]
    number = 0
    for stage in range(8):
        lines += [f"## Stage {stage + 1} of the renewal", ""]
        for _ in range(5):
            number += 1
            score = -2 if number == 23 else max(-1, FEELINGS[number % len(FEELINGS)])
            word = "lost" if number == 23 else "fine"
            lines += [f"### Step {number} of the renewal", "- channel: Website" if number % 2 else "- channel: Desk"]
            lines.append(f"- feeling: {score:+d} {word}")
            if number % 4 == 0:
                lines.append(f"- pain: Waiting at moment {number}")
            if number % 10 == 0:
                lines.append("- owner: Front office")
            lines.append("")
    return "\n".join(lines)


DUTCH = """\
---
title: Verhuizen naar een huurwoning
persona: tester
language: nl
reviewed: 2026-09-01
---

## Aanvraag

### Vult het formulier in
- doet: Kiest of zij ‘hoofdbewoner’ is of “medebewoner”
- pijnpunt: Het woord “inschrijfduur,” staat nergens uitgelegd.
- gevoel: -1 onzeker

### Stuurt de stukken op
- id: stukken-opsturen
- kanaal: E-mail
- gevoel: 1 opgelucht
"""

LINKED = f"""\
---
title: Looking up the opening hours
persona: tester
reviewed: 2026-09-01
---

The page lives at <{LONG_URL}>.

## Search

### Opens the address from a letter
- touchpoint: {LONG_URL}
- feeling: 0 unsure

### Reads the opening hours
- thinking: Is the “counter,” the same as the ‘front desk’?
- feeling: 1 fine
"""

PERSONA = f"""\
---
name: Tess, the tester
role: Resident
quote: I keep {LONG_URL} in my bookmarks.
goals: [Renew on time]
channels: ["{LONG_URL}"]
---

Tess tries every road into the service.
"""

CONFIG = """\
site_name: Reader site
docs_dir: content
theme:
  name: material
plugins:
  - search
  - journeys:
      review_period: 180
"""


def write_reader_site(folder: Path) -> Path:
    """The site's ``mkdocs.yml`` in ``folder``, with its content."""
    journeys = folder / "content" / "journeys"
    journeys.mkdir(parents=True)
    (folder / "content" / "personas").mkdir()
    (folder / "content" / "index.md").write_text("# Our services\n\nHow residents meet us.\n", encoding="utf-8")
    (folder / "content" / "personas" / "tester.md").write_text(PERSONA, encoding="utf-8")
    (journeys / "passport.md").write_text(forty_steps(), encoding="utf-8")
    (journeys / "verhuizen.md").write_text(DUTCH, encoding="utf-8")
    (journeys / "opening-hours.md").write_text(LINKED, encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(CONFIG, encoding="utf-8")
    return config
