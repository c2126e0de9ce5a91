"""Export to CSV and JSON, and the way back from a workshop transcript (CSV) to Markdown."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

from generator.export.export import journey_to_csv, journey_to_data, journey_to_json
from generator.export.import_csv import journey_from_csv
from generator.export.serialize import journey_to_markdown
from generator.model import Journey, Lane
from generator.read.parse_journey import parse_journey
from tests.conftest import JOURNEY, REPO, Project
from tests.test_fuzz import journeys

SCHEMA = json.loads((REPO / "generator" / "schema" / "journey.schema.json").read_text(encoding="utf-8"))
EXAMPLES = sorted((REPO / "content" / "journeys").glob("*.md"))


def _example(path: Path) -> Journey:
    journey, problems = parse_journey(path.read_text(encoding="utf-8"), path.name, path.stem)
    assert problems == []
    return journey


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_csv_round_trip_of_the_examples(path: Path) -> None:
    journey = _example(path)
    back, problems = journey_from_csv(journey_to_csv(journey), "t.csv", journey.id)
    assert problems == []
    assert back == dataclasses.replace(journey, extra={})  # CSV carries no free `extra` data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journeys().filter(lambda j: len({s.title for s in j.stages}) == len(j.stages)))
def test_csv_round_trip_property(journey: Journey) -> None:
    """In a transcript a stage is known by its title, a step by its cell id (or title)."""
    plain = dataclasses.replace(journey, extra={})
    back, problems = journey_from_csv(journey_to_csv(plain), "t.csv", plain.id)
    assert problems == []
    assert back == plain


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_json_export_follows_the_published_schema(path: Path) -> None:
    data = journey_to_data(_example(path))
    jsonschema.validate(data, SCHEMA)
    assert data["stages"][0]["steps"][0]["feeling"]["score"] is not None


def test_the_schema_names_every_lane_key() -> None:
    from generator.vocabulary import LANE_KEYS

    lane = SCHEMA["$defs"]["step"]["properties"]["lanes"]["items"]["properties"]["key"]
    assert set(lane["enum"]) == set(LANE_KEYS) - {"id"}


def test_formula_cells_are_neutralised_and_restored() -> None:
    journey = _example(EXAMPLES[0])
    step = journey.stages[0].steps[0]
    evil = '=HYPERLINK("http://x","click")'
    lanes = (
        *step.lanes,
        Lane(key="pain", value=evil),
        Lane(key="kpi", value="+1 more"),
        Lane(key="owner", value="@team"),
    )
    stage = dataclasses.replace(
        journey.stages[0], steps=(dataclasses.replace(step, lanes=lanes), *journey.stages[0].steps[1:])
    )
    changed = dataclasses.replace(journey, stages=(stage, *journey.stages[1:]), extra={})
    text = journey_to_csv(changed)
    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'" + evil in cells
    assert "'+1 more" in cells
    assert "'@team" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    back, problems = journey_from_csv(text, "t.csv", changed.id)
    assert problems == []
    assert back == changed


TRANSCRIPT = """\
fase,stap,baan,tekst,cel,gevoel
,,titel,Buying a train ticket,,
,,persona,tester,,
Orientation,,doel,Find the cheapest fare,,
Orientation,Checks the timetable,kanaal,App,checks-timetable/channel/1,-1
Orientation,Checks the timetable,pijnpunt,Fares are hidden,,
Purchase,Pays at the machine,channel,Ticket machine,,2 relieved
"""


def test_import_a_dutch_transcript(project: Project) -> None:
    project.write("t.csv", TRANSCRIPT)
    result = project.run("import", "csv", "t.csv", "-o", "content/journeys/train.md", "--today", "2026-10-01")
    assert result.exit_code == 0, result.output
    text = (project.root / "content/journeys/train.md").read_text()
    assert "- id: checks-timetable" in text
    assert "- feeling: -1" in text
    assert "- feeling: 2 relieved" in text
    check = project.run("check", "--today", "2026-10-01")
    assert check.exit_code == 0, check.output
    assert "error[" not in check.output


def test_import_what_dutch_excel_saves(project: Project) -> None:
    """Semicolons between the cells, a byte order mark, and a cell holding a comma."""
    rows = TRANSCRIPT.replace(",", ";").replace("Fares are hidden", '"Fares, taxes and fees are hidden"')
    project.write("t.csv", b"\xef\xbb\xbf" + rows.encode("utf-8"))
    result = project.run("import", "csv", "t.csv", "--today", "2026-10-01")
    assert result.exit_code == 0, result.output
    text = (project.root / "content/journeys/t.md").read_text()  # -o defaults to the journeys folder
    assert "- pain: Fares, taxes and fees are hidden" in text
    assert "- feeling: 2 relieved" in text
    assert project.run("check", "--today", "2026-10-01").exit_code == 0


CSV_ERROR_CASES = [
    ("stage,step,text\nA,B,c\n", "t.csv:1:1", "E701"),
    (TRANSCRIPT.replace("pijnpunt", "pijnpnt"), "t.csv:6:3", "E702"),
    (TRANSCRIPT.replace("Orientation,,doel", ",Lost step,doel"), "t.csv:4:1", "E703"),
    (TRANSCRIPT.replace(",,titel,Buying a train ticket,,\n", ""), "t.csv:1:1", "E704"),
    (TRANSCRIPT.replace("2 relieved", "very"), "t.csv:7:6", "E401"),
    (TRANSCRIPT.replace("2 relieved", "5 ecstatic"), "t.csv:7:6", "E402"),
    (TRANSCRIPT.replace(",,persona,tester", ",,persona,nobody"), "t.csv:1:1", "E501"),
    (
        TRANSCRIPT + "Orientation,Checks the timetable,pain,Slow,1.1.pain,\nPurchase,Pays,pain,Slow,1.1.pain,\n",
        "t.csv:9:1",
        "E706",
    ),
    (TRANSCRIPT + "Purchase,Pays at the machine,pain,Slow,,-2\n", "t.csv:8:6", "E707"),
    (TRANSCRIPT + ",,,Too slow,2.1.pain,\n", "t.csv:8:5", "E708"),
]


@pytest.mark.parametrize(("csv_text", "where", "code"), CSV_ERROR_CASES)
def test_import_errors_point_at_row_and_column(project: Project, csv_text: str, where: str, code: str) -> None:
    project.write("t.csv", csv_text)
    result = project.run("import", "csv", "t.csv", "-o", "content/journeys/train.md")
    assert result.exit_code == 1
    assert f"{where}: error[{code}]" in result.output, result.output
    assert not (project.root / "content/journeys/train.md").exists()


def test_unknown_lane_suggests_the_key(project: Project) -> None:
    project.write("t.csv", TRANSCRIPT.replace("pijnpunt", "pijnpnt"))
    assert "did you mean 'pijnpunt' ('pain')?" in project.run("import", "csv", "t.csv", "-o", "x.md").output


def test_import_never_overwrites_without_force(project: Project) -> None:
    project.write("t.csv", TRANSCRIPT)
    existing = project.journey("train", "mine\n")
    result = project.run("import", "csv", "t.csv", "-o", "content/journeys/train.md")
    assert result.exit_code == 2
    assert existing.read_text() == "mine\n"
    forced = project.run("import", "csv", "t.csv", "-o", "content/journeys/train.md", "--force")
    assert forced.exit_code == 0
    assert "Buying a train ticket" in existing.read_text()


def test_title_and_persona_options(project: Project) -> None:
    project.write("t.csv", "stage,step,lane,text\nS,Does it,feeling,1\n")
    result = project.run(
        "import", "csv", "t.csv", "-o", "content/journeys/x.md", "--title", "Given", "--persona", "tester"
    )
    assert result.exit_code == 0, result.output
    assert "title: Given" in (project.root / "content/journeys/x.md").read_text()


def test_export_command(project: Project) -> None:
    project.journey(
        "a", (REPO / "content/journeys/laptop-incident.md").read_text().replace("hybrid-employee", "tester")
    )
    out = project.run("export", "content/journeys/a.md", "--format", "json")
    assert out.exit_code == 0
    jsonschema.validate(json.loads(out.stdout), SCHEMA)
    written = project.run("export", "content/journeys/a.md", "--format", "csv", "-o", "a.csv")
    assert written.exit_code == 0
    assert (project.root / "a.csv").read_bytes().startswith(b"stage,step,lane,text,cell\r\n")
    broken = project.journey("b", "---\ntitle: x\n---\n")
    assert project.run("export", str(broken), "--format", "csv").exit_code == 1


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journeys())
def test_json_download_is_the_standard_librarys_text(journey: Journey) -> None:
    expected = json.dumps(journey_to_data(journey), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert journey_to_json(journey) == expected


@pytest.mark.parametrize("written", ["language: nl", "taal: Nederlands", "language: Dutch"])
def test_a_journeys_own_language_is_read_and_kept(written: str) -> None:
    source = JOURNEY.replace("reviewed: 2026-09-01", f"reviewed: 2026-09-01\n{written}")
    journey, problems = parse_journey(source, "j.md", "j")
    assert problems == []
    assert journey.language == "nl"
    again, _ = parse_journey(journey_to_markdown(journey), "j.md", "j")
    assert again == journey
    data = json.loads(journey_to_json(journey))
    assert data["language"] == "nl"
    jsonschema.validate(data, SCHEMA)
    plain, _ = parse_journey(JOURNEY, "j.md", "j")
    assert plain.language == ""
    assert "language" not in json.loads(journey_to_json(plain))


def test_the_site_csv_opens_as_utf8_and_drops_bidi_controls() -> None:
    source = JOURNEY.replace("- channel: Website", "- channel: Web\u202esite café")
    journey, _ = parse_journey(source, "j.md", "j")
    text = journey_to_csv(journey, bom=True)
    assert text.startswith("\ufeffstage,step,lane,text,cell\r\n")
    assert "Website café" in text
    assert "\u202e" not in text
    assert not journey_to_csv(journey).startswith("\ufeff")  # the command's export stays as it was
    back, _ = journey_from_csv(text.encode("utf-8").decode("utf-8-sig"), "t.csv", "j")
    assert back is not None
    assert back.steps[0].first("channel") == "Website café"
