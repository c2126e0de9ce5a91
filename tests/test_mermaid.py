"""Mermaid journey diagrams: export, and import with scores checked line by line."""

from __future__ import annotations

import pytest

from generator.config import Settings
from generator.export.mermaid import journey_from_mermaid, journey_to_mermaid
from generator.read.parse_journey import parse_journey
from tests.conftest import REPO, Project

DIAGRAM = """\
journey
  title My working day
  %% a comment
  section Go to work
    Make tea: 5: Me
    Go upstairs: 3: Me
    Do work: 1: Me, Cat
  section Go home
    Go downstairs: 5: Me
"""


def _example() -> str:
    path = REPO / "content" / "journeys" / "usa-round-trip.md"
    journey, _ = parse_journey(path.read_text(encoding="utf-8"), path.name, path.stem)
    return journey_to_mermaid(journey, Settings(), "Lotte, the budget explorer")


def test_export() -> None:
    text = _example()
    lines = text.splitlines()
    assert lines[:3] == ["journey", "  title Booking a round trip through the USA", "  section Orientation"]
    assert "    Searches tours on the website: 1: Lotte" in lines  # -2 on -2..2 is Mermaid's 1
    assert "    Asks a question in the chat: 5: Lotte" in lines
    assert "    Compares two tours side by side: 3: Lotte" in lines
    assert sum(1 for line in lines if line.startswith("    ")) == 11


def test_export_keeps_fields_apart() -> None:
    journey, _ = parse_journey(
        "---\ntitle: 'A: b; c # d'\npersona: p\n---\n## S: one\n### Calls: twice %% here\n- feeling: 2\n", "x.md", "x"
    )
    text = journey_to_mermaid(journey, Settings(), "Ann, the tester")
    assert text == "journey\n  title A b c d\n  section S one\n    Calls twice here: 5: Ann\n"


def test_import_maps_scores_onto_the_scale() -> None:
    journey, problems = journey_from_mermaid(DIAGRAM, "day.mmd", "day", Settings(), persona="tester")
    assert problems == []
    assert journey is not None
    assert journey.title == "My working day"
    assert [s.title for s in journey.stages] == ["Go to work", "Go home"]
    scores = [step.emotion.score for step in journey.steps if step.emotion]
    assert scores == [2.0, 0.0, -2.0, 2.0]
    assert journey.steps[2].notes == "Actors: Me, Cat"
    custom, _ = journey_from_mermaid(DIAGRAM, "day.mmd", "day", Settings(emotion_scale=(1, 10)), persona="tester")
    assert custom is not None
    assert [s.emotion.score for s in custom.steps if s.emotion] == [10.0, 5.5, 1.0, 10.0]


def test_round_trip_keeps_titles_and_scores() -> None:
    journey, problems = journey_from_mermaid(_example(), "x.mmd", "x", Settings(), persona="budget-explorer")
    assert problems == []
    assert journey is not None
    original, _ = parse_journey((REPO / "content/journeys/usa-round-trip.md").read_text(), "a", "a")
    assert [s.title for s in journey.steps] == [s.title for s in original.steps]
    assert [s.emotion.score for s in journey.steps if s.emotion] == [
        s.emotion.score for s in original.steps if s.emotion
    ]


MERMAID_ERROR_CASES = [
    (DIAGRAM.replace("Make tea: 5", "Make tea: 6"), "day.mmd:5:15", "E802"),
    (DIAGRAM.replace("Go upstairs: 3", "Go upstairs: 2.5"), "day.mmd:6:18", "E802"),
    (DIAGRAM.replace("Do work: 1: Me, Cat", "Do work"), "day.mmd:7:5", "E801"),
    ("graph TD\n  A --> B\n", "day.mmd:1:1", "E801"),
    (DIAGRAM.replace("  title My working day\n", ""), "day.mmd:1:1", "E704"),
]


@pytest.mark.parametrize(("diagram", "where", "code"), MERMAID_ERROR_CASES)
def test_import_errors_are_located(project: Project, diagram: str, where: str, code: str) -> None:
    project.write("day.mmd", diagram)
    result = project.run("import", "mermaid", "day.mmd", "-o", "content/journeys/day.md", "--persona", "tester")
    assert result.exit_code == 1
    assert f"{where}: error[{code}]" in result.output, result.output
    assert not (project.root / "content/journeys/day.md").exists()


def test_import_command_writes_a_checked_journey(project: Project) -> None:
    project.write("day.mmd", DIAGRAM)
    result = project.run("import", "mermaid", "day.mmd", "-o", "content/journeys/day.md", "--persona", "tester")
    assert result.exit_code == 0, result.output
    check = project.run("check", "content/journeys/day.md", "--today", "2026-10-01")
    assert check.exit_code == 0
    assert "error[" not in check.output


def test_export_command(project: Project) -> None:
    project.journey(
        "a", (REPO / "content/journeys/laptop-incident.md").read_text().replace("hybrid-employee", "tester")
    )
    result = project.run("export", "content/journeys/a.md", "--format", "mermaid")
    assert result.exit_code == 0
    assert result.stdout.startswith("journey\n  title Getting a broken laptop fixed\n")
    assert ": Test persona\n" in result.stdout
