"""Mermaid journey diagrams: a corpus of diagrams as people write them, imported, checked,
rendered and exported; errors at their line and column; exports that read back the same."""

from __future__ import annotations

import html
import shutil
from pathlib import Path

import pytest

from generator.config import Settings
from generator.draw.text import actor_names
from generator.export.mermaid import journey_from_mermaid, journey_to_mermaid
from generator.export.mermaid_text import decode, encode
from generator.model import Journey
from generator.read.parse_journey import parse_journey
from tests.conftest import REPO, Project

CORPUS = Path(__file__).parent / "mermaid"

# file -> (title, persona, [(stage, [(step, feeling or None, actors lane)])])
Expected = tuple[str, str, list[tuple[str, list[tuple[str, float | None, str]]]]]
EXPECTED: dict[str, Expected] = {
    "basic.mmd": (
        "A morning at the library",
        "me",
        [
            (
                "Arrive",
                [("Finds a bike rack", 1, ""), ("Walks to the desk", 0, ""), ("Returns two books", -2, "Librarian")],
            ),
            ("Study", [("Finds a quiet table", 2, "")]),
        ],
    ),
    "front-matter.mmd": (
        "Renewing a parking permit",
        "resident",
        [
            ("Reminder", [("Gets the renewal letter", 0, "")]),
            ("Online", [("Logs in with the city's app", -1, ""), ("Pays the fee", 1, "City payments desk")]),
        ],
    ),
    "accessibility.mmd": (
        "Moving house with a change of address",
        "tenant",
        [("Before the move", [("Fills in the change of address", -1, ""), ("Gets a confirmation email", 1, "")])],
    ),
    "acc-line.mmd": ("Booking a sports hall", "secretary", [("Book", [("Checks the calendar", 0, "")])]),
    "comments.mmd": (
        "Reporting a broken streetlight",
        "neighbour",
        [("Report", [("Opens the report form", 1, ""), ("Adds a photo", 0, "")])],
    ),
    "capitals.mmd": (
        "Ordering a replacement bin",
        "resident",
        [("Order", [("Chooses a bin size", 0, "")]), ("Delivery", [("Bin arrives", 2, "Waste collection")])],
    ),
    "empty-sections.mmd": (
        "Claiming a travel refund",
        "traveller",
        [("Before", []), ("Claim", [("Uploads the ticket", -1, "")]), ("Afterwards", [])],
    ),
    "no-score-no-actors.mmd": (
        "Signing up for a newsletter",
        "reader",
        [
            (
                "Sign up",
                [
                    ("Sees the sign-up box", 1, ""),
                    ("Types an email address", None, ""),
                    ("Confirms the address", None, "Mail service"),
                    ("Reads the first issue", 2, ""),
                ],
            )
        ],
    ),
    "entities.mmd": (
        "Ticket #4521: a double charge",
        "customer",
        [
            (
                "Call & chat",
                [('Quotes "order 12; item 3"', -1, ""), ("Hears : 5 minutes left", -2, "Call centre, level 1")],
            )
        ],
    ),
    "wiki-page.md": (
        "Enrolling a child at school",
        "parent",
        [("Choose", [("Visits an open day", 1, "Child")]), ("Enrol", [("Sends the enrolment form", -1, "")])],
    ),
    "devops-wiki.md": (
        "Requesting a new laptop",
        "employee",
        [("Request", [("Fills in the request", 0, ""), ("Manager approves", 1, "Manager")])],
    ),
}


def _shape(journey: Journey) -> list[tuple[str, list[tuple[str, float | None, str]]]]:
    return [
        (
            stage.title,
            [(s.title, s.emotion.score if s.emotion else None, s.first("actors")) for s in stage.steps],
        )
        for stage in journey.stages
    ]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_corpus_imports_checks_renders_and_exports(project: Project, name: str) -> None:
    """One command per file: no -o, no --persona. The journey passes check, renders,
    and its export reads back as the same journey."""
    title, persona, shape = EXPECTED[name]
    (project.root / name).write_bytes((CORPUS / name).read_bytes())
    result = project.run("import", "mermaid", name, "--today", "2026-11-01")
    assert result.exit_code == 0, result.output
    written = project.root / "content" / "journeys" / f"{Path(name).stem}.md"
    assert f"wrote content/journeys/{written.name}" in result.output
    assert f"wrote content/personas/{persona}.md: a new persona" in result.output
    journey, problems = parse_journey(written.read_text(encoding="utf-8"), written.name, written.stem)
    assert [p for p in problems if p.severity == "error"] == []
    assert journey is not None
    assert (journey.title, journey.persona) == (title, persona)
    assert _shape(journey) == shape
    assert "name: " in (project.root / "content" / "personas" / f"{persona}.md").read_text(encoding="utf-8")

    check = project.run("check", "--today", "2026-11-01")
    assert check.exit_code == 0, check.output
    assert "error[" not in check.output
    render = project.run("render", f"content/journeys/{written.name}", "-o", "map.svg")
    assert render.exit_code == 0, render.output
    svg = (project.root / "map.svg").read_text(encoding="utf-8")
    actors = [name for _, steps in shape for _, _, lane in steps for name in actor_names([lane])]
    assert svg.count('class="jm-chip"') == len(actors)
    for actor in actors:
        assert f">{html.escape(actor, quote=False)}<" in svg

    export = project.run("export", f"content/journeys/{written.name}", "--format", "mermaid")
    assert export.exit_code == 0, export.output
    back, back_problems = journey_from_mermaid(
        export.stdout,
        "x.mmd",
        journey.id,
        Settings(),
        persona=persona,
        persona_names=frozenset({journey_name(project, persona)}),
    )
    assert [p for p in back_problems if p.severity == "error"] == []
    assert back is not None
    assert (back.title, _shape(back)) == (journey.title, _shape(journey))


def journey_name(project: Project, persona: str) -> str:
    text = (project.root / "content" / "personas" / f"{persona}.md").read_text(encoding="utf-8")
    return next(line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("name: "))


def test_description_and_titles_from_the_diagram(project: Project) -> None:
    (project.root / "a.mmd").write_bytes((CORPUS / "accessibility.mmd").read_bytes())
    assert project.run("import", "mermaid", "a.mmd").exit_code == 0
    text = (project.root / "content/journeys/a.md").read_text(encoding="utf-8")
    assert "\nA tenant tells the services of the city that they move.\n" in text  # accDescr { … }
    # A title line wins over accTitle; front matter's title gives way to a title line.
    front = "---\ntitle: From front matter\n---\njourney\n  accTitle: Accessible\n"
    assert _read(front + "  title Line: with colon\n  section S\n    T: 3\n").title == "Line: with colon"
    assert _read(front + "  section S\n    T: 3\n").title == "From front matter"
    described = _read("journey\n  title T\n  accDescr: - not a list, # not a heading\n  section S\n    T: 3\n")
    assert described.scenario == "\\- not a list, # not a heading"


def _read(text: str) -> Journey:
    journey, problems = journey_from_mermaid(text, "x.mmd", "x", Settings(), persona="me")
    assert journey is not None, problems
    return journey


def test_scores_map_onto_the_scale() -> None:
    text = (CORPUS / "basic.mmd").read_text(encoding="utf-8")
    custom, problems = journey_from_mermaid(text, "b.mmd", "b", Settings(emotion_scale=(1, 10)), persona="me")
    assert problems == []
    assert custom is not None
    assert [s.emotion.score for s in custom.steps if s.emotion] == [8.0, 5.5, 1.0, 10.0]


def test_lenient_where_mermaid_is_strict() -> None:
    """A capitalised header and a bare 'Task:' are refused by Mermaid, read here."""
    journey, problems = journey_from_mermaid(
        "JOURNEY\n  TITLE Loud\n  Section S\n    Quiet task:\n", "l.mmd", "l", Settings(), persona="me"
    )
    assert [p.code for p in problems] == []
    assert journey is not None
    assert journey.steps[0].emotion is None
    assert journey.steps[0].title == "Quiet task"


def test_persona_from_flag_is_not_repeated_as_an_actor(project: Project) -> None:
    project.write(
        "day.mmd", "journey\n  title Day\n  section S\n    Works: 3: Test persona, Cat\n    Naps: 5: Tester\n"
    )
    result = project.run("import", "mermaid", "day.mmd", "--persona", "tester")
    assert result.exit_code == 0, result.output
    assert "a new persona" not in result.output
    journey, _ = parse_journey((project.root / "content/journeys/day.md").read_text(), "day.md", "day")
    assert journey is not None
    assert [s.first("actors") for s in journey.steps] == ["Cat", ""]


def test_an_existing_persona_is_used_not_rewritten(project: Project) -> None:
    project.write("content/personas/me.md", "---\nname: Maria, the early riser\n---\nHer story.\n")
    project.write("day.mmd", "journey\n  title Day\n  section S\n    Wakes up: 4: Me\n    Runs: 5: Maria, Dog\n")
    result = project.run("import", "mermaid", "day.mmd")
    assert result.exit_code == 0, result.output
    assert "a new persona" not in result.output
    assert (
        project.root / "content/personas/me.md"
    ).read_text() == "---\nname: Maria, the early riser\n---\nHer story.\n"
    journey, _ = parse_journey((project.root / "content/journeys/day.md").read_text(), "day.md", "day")
    assert journey is not None
    assert journey.persona == "me"
    assert [s.first("actors") for s in journey.steps] == ["", "Dog"]


def test_markdown_diagram_choice(project: Project) -> None:
    (project.root / "two.md").write_bytes((CORPUS / "two-diagrams.md").read_bytes())
    result = project.run("import", "mermaid", "two.md")
    assert result.exit_code == 1
    assert "two.md:11:1: error[E804]: the file holds 2 journey diagrams (from lines 4, 11); which one?" in result.output
    assert not (project.root / "content/journeys/two.md").exists()
    result = project.run("import", "mermaid", "two.md", "--diagram", "2")
    assert result.exit_code == 0, result.output
    journey, _ = parse_journey((project.root / "content/journeys/two-2.md").read_text(), "two-2.md", "two-2")
    assert journey is not None
    assert (journey.title, journey.persona) == ("Second diagram", "ben")
    result = project.run("import", "mermaid", "two.md", "--diagram", "3", "-o", "content/journeys/x.md")
    assert result.exit_code == 1
    assert "two.md:1:1: error[E804]: there is no diagram 3: the file holds 2 journey diagrams" in result.output


def test_existing_output_needs_force(project: Project) -> None:
    (project.root / "basic.mmd").write_bytes((CORPUS / "basic.mmd").read_bytes())
    assert project.run("import", "mermaid", "basic.mmd").exit_code == 0
    again = project.run("import", "mermaid", "basic.mmd")
    assert again.exit_code == 2
    assert "content/journeys/basic.md already exists; use --force" in again.output
    assert project.run("import", "mermaid", "basic.mmd", "--force").exit_code == 0


DIAGRAM = "journey\n  title My working day\n  section Go to work\n    Make tea: 5: Me\n    Do work: 1: Me, Cat\n"

MERMAID_ERROR_CASES = [
    (DIAGRAM.replace("Make tea: 5", "Make tea: 6"), "day.mmd:4:15", "E802"),
    (DIAGRAM.replace("Make tea: 5", "Make tea: 2.5"), "day.mmd:4:15", "E802"),
    (DIAGRAM.replace("Make tea: 5: Me", "Make tea"), "day.mmd:4:5", "E801"),
    (DIAGRAM.replace("Make tea: 5: Me", "Make tea; then: 5: Me"), "day.mmd:4:13", "E801"),
    (DIAGRAM.replace("section Go to work", "section Go: to work"), "day.mmd:3:13", "E801"),
    (DIAGRAM.replace("Make tea: 5: Me", "Journey planner opened: 5: Me"), "day.mmd:4:5", "E801"),
    (DIAGRAM.replace("Make tea: 5: Me", ": 5: Me"), "day.mmd:4:5", "E801"),
    ("graph TD\n  A --> B\n", "day.mmd:1:1", "E801"),
    ("%%{init: {}\njourney\n  title T\n", "day.mmd:1:1", "E801"),
    ("---\ntitle: T\njourney\n", "day.mmd:1:1", "E801"),
    ("---\ntitle: 'T\n---\njourney\n  title T\n", "day.mmd:2:8", "E203"),
    (DIAGRAM.replace("  title My working day\n", "  accDescr {\n  never closed\n"), "day.mmd:2:3", "E801"),
    ((CORPUS / "no-tasks.mmd").read_text(), "day.mmd:1:1", "E803"),
    ((CORPUS / "untitled.mmd").read_text(), "day.mmd:1:1", "E704"),
    ((CORPUS / "two-diagrams.md").read_text(), "day.mmd:11:1", "E804"),
    ("journey\n  title T\n  section S\n    T: 3\n", "day.mmd:1:1", "E704"),  # no actor, no --persona
]


@pytest.mark.parametrize(("diagram", "where", "code"), MERMAID_ERROR_CASES)
def test_import_errors_are_located(project: Project, diagram: str, where: str, code: str) -> None:
    project.write("day.mmd", diagram)
    result = project.run("import", "mermaid", "day.mmd")
    assert result.exit_code == 1, result.output
    assert f"{where}: error[{code}]" in result.output, result.output
    assert "Traceback" not in result.output
    assert not (project.root / "content/journeys/day.md").exists()
    assert sorted(p.name for p in (project.root / "content/personas").iterdir()) == ["tester.md"]


def test_errors_in_a_markdown_block_point_at_the_file_line(project: Project) -> None:
    project.write(
        "page.md",
        "# Page\n\nText.\n\n  ```mermaid\n  journey\n    title T\n    section S\n      Bad; task: 3: Me\n  ```\n",
    )
    result = project.run("import", "mermaid", "page.md")
    assert result.exit_code == 1
    assert "page.md:9:10: error[E801]: Mermaid refuses a ';' here" in result.output


def test_what_mermaid_ignores_is_a_warning(project: Project) -> None:
    project.write(
        "day.mmd",
        "journey\n  title My day\n  section S\n    Works: 3: Me: more\n    Title deeds checked: 4: Me\n",
    )
    result = project.run("import", "mermaid", "day.mmd")
    assert result.exit_code == 0, result.output
    assert "day.mmd:4:17: warning[W801]: Mermaid ignores ': more' after the task's actors" in result.output
    assert "day.mmd:5:5: warning[W801]: Mermaid reads this line as the diagram's title, in place of 'My day'" in (
        result.output
    )


# -- export ---------------------------------------------------------------------------


def _tricky() -> Journey:
    path = CORPUS / "tricky-titles.md"
    journey, problems = parse_journey(path.read_text(encoding="utf-8"), path.name, "tricky-titles")
    assert journey is not None
    assert not [p for p in problems if p.severity == "error"]
    return journey


def _mermaid_score(score: float) -> int:
    return max(1, min(5, round(1 + (score + 2) / 4 * 4)))


def test_export_reads_back_to_the_same_text() -> None:
    journey = _tricky()
    text = journey_to_mermaid(journey, Settings(), "Test persona, the tester")
    back, problems = journey_from_mermaid(
        text, "x.mmd", journey.id, Settings(), persona="tester", persona_names=frozenset({"Test persona"})
    )
    assert [p for p in problems if p.severity == "error"] == [], problems
    assert back is not None
    assert back.title == journey.title
    assert [s.title for s in back.stages] == [s.title for s in journey.stages]  # the empty stage too
    assert [s.title for s in back.steps] == [s.title for s in journey.steps]
    assert [s.first("actors") for s in back.steps] == [s.first("actors") for s in journey.steps]
    assert [_mermaid_score(s.emotion.score) if s.emotion else None for s in back.steps] == [
        _mermaid_score(s.emotion.score) if s.emotion else None for s in journey.steps
    ]


def test_export_text() -> None:
    lines = journey_to_mermaid(_tricky(), Settings(), "Test persona, the tester").splitlines()
    assert lines[1] == "  title Title deeds#58; checked#59; #35;1 at 50% #38; <b>more</b>"
    assert "  section Section 8 housing#58; application" in lines
    assert "  section Waiting" in lines
    assert "    #83;ection 8 housing application approved: 5: Test persona, Housing office" in lines
    assert "    #74;ourney planner opened: 2: Test persona" in lines
    assert "    #84;itle deeds checked by the notary: 4: Test persona, Notary, Bank#58; KYC team #35;2" in lines
    assert "    #97;ccTitle is a word too: 3: Test persona" in lines
    assert "    #65;ccDescr starts this step: 1: Test persona" in lines
    assert "    Pays 50#37;#37; now#59; or later#58; #35;2: 4: Test persona" in lines
    assert "    %% journeymap: no feeling" in lines
    assert lines[lines.index("    %% journeymap: no feeling") + 1] == "    Check #35;: 3: Test persona, Neighbour"
    assert "    #37;#37; not a comment: 2: Test persona" in lines
    assert "  accDescr {" in lines


def test_entity_codes_round_trip() -> None:
    for text in ("a: b; c # d", "#35; literal", "50%% off", "title x", "Ann, Bo", "&amp; #x;", "%%{init}%%"):
        for flags in ({}, {"task": True}, {"actor": True}, {"title": True}):
            coded = encode(text, **flags)
            assert decode(coded) == text, (text, flags, coded)
            assert not any(c in coded.replace("#", "").replace(";", "") for c in ":")


def test_export_command_uses_the_persona_and_actors(project: Project) -> None:
    project.journey(
        "a", (REPO / "content/journeys/laptop-incident.md").read_text().replace("hybrid-employee", "tester")
    )
    result = project.run("export", "content/journeys/a.md", "--format", "mermaid")
    assert result.exit_code == 0
    assert result.stdout.startswith("journey\n  title Getting a broken laptop fixed\n")
    assert ": Test persona\n" in result.stdout


# -- the real Mermaid --------------------------------------------------------------------


def _mmdc() -> Path | None:
    import os

    given = os.environ.get("JOURNEYMAP_MMDC")
    if given:
        return Path(given)
    found = shutil.which("mmdc")
    return Path(found) if found else None


def test_mermaid_renders_the_export(tmp_path: Path) -> None:
    """The export drawn by Mermaid's own CLI (npm @mermaid-js/mermaid-cli with Debian's
    Chromium): every title and name shows as written, and nothing is a parse error."""
    import json
    import os
    import re
    import subprocess

    mmdc = _mmdc()
    if mmdc is None:
        if os.environ.get("JOURNEYMAP_REQUIRE_MMDC"):
            pytest.fail("JOURNEYMAP_REQUIRE_MMDC is set but no mmdc was found")
        pytest.skip(
            "Mermaid's CLI (mmdc) is not installed: npm install @mermaid-js/mermaid-cli, or set JOURNEYMAP_MMDC"
        )
    journeys = [_tricky()]
    for name in ("usa-round-trip", "laptop-incident"):
        path = REPO / "content" / "journeys" / f"{name}.md"
        parsed, _ = parse_journey(path.read_text(encoding="utf-8"), path.name, name)
        assert parsed is not None
        journeys.append(parsed)
    blocks = [journey_to_mermaid(j, Settings(), "Test persona") for j in journeys]
    source = tmp_path / "all.md"
    source.write_text("".join(f"```mermaid\n{block}```\n\n" for block in blocks), encoding="utf-8")
    config = tmp_path / "puppeteer.json"
    chromium = os.environ.get("JOURNEYMAP_CHROMIUM", "/usr/bin/chromium")
    flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    config.write_text(json.dumps({"executablePath": chromium, "args": flags}), encoding="utf-8")
    done = subprocess.run(
        [str(mmdc), "-q", "-p", str(config), "-i", str(source), "-o", str(tmp_path / "out.md")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for number, journey in enumerate(journeys, start=1):
        svg = (tmp_path / f"out-{number}.svg").read_text(encoding="utf-8")
        texts: dict[str, list[str]] = {}
        for match in re.finditer(r"<text\b([^>]*)>(.*?)</text>", svg, re.DOTALL):
            shown = html.unescape(re.sub(r"<[^>]+>", "", match[2]))
            kind = re.search(r'class="([^"]*)"', match[1])
            texts.setdefault(kind[1].split()[0] if kind else "title", []).append(" ".join(shown.split()))
        assert texts["task"] == [s.title for s in journey.steps]
        assert texts["journey-section"] == [s.title for s in journey.stages if s.steps]
        assert texts["title"] == [journey.title]
        assert "Test persona" in texts["legend"]


# -- hostile sources ------------------------------------------------------------------


def test_a_fifo_or_a_huge_file_is_refused_not_read(project: Project) -> None:
    import os

    os.mkfifo(project.root / "pipe.mmd")
    result = project.run("import", "mermaid", "pipe.mmd")
    assert result.exit_code == 2
    assert "pipe.mmd is not a regular file" in result.output
    with (project.root / "huge.mmd").open("wb") as stream:
        stream.truncate(16 * 1024 * 1024 + 1)
    result = project.run("import", "mermaid", "huge.mmd")
    assert result.exit_code == 1
    assert "huge.mmd:1:1: error[E103]: huge.mmd is over the 16 MB limit" in result.output


def test_messages_quote_at_most_a_line(project: Project) -> None:
    project.write("day.mmd", "journey\n  title T\n  section S\n    T: 3: Me" + ": x" * 100_000 + "\n")
    result = project.run("import", "mermaid", "day.mmd")
    assert result.exit_code == 0
    warning = next(line for line in result.output.splitlines() if "W801" in line)
    assert len(warning) < 200
    assert warning.endswith("…' after the task's actors")


def test_many_unclosed_directives_are_read_in_one_pass() -> None:
    """200,000 openers without a close: scanning from each to the end again would not
    finish in any CI run's time; one pass takes a fraction of a second."""
    text = "journey\n  title T\n" + "%%{ x\n" * 200_000
    journey, problems = journey_from_mermaid(text, "x.mmd", "x", Settings(), persona="me")
    assert journey is None
    assert str(problems[0]) == "x.mmd:3:1: error[E801]: a '%%{' directive is never closed with '}%%'"
