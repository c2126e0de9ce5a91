"""Typing the wall in: transcripts with the canvas's cell ids and printed lane names, and
everything a real transcript gets wrong, imported or reported at row and column."""

from __future__ import annotations

import pytest

from generator.cells import STAGE_FIELDS, format_cell, parse_cell, printed_fields
from generator.labels import Labels
from tests.conftest import Project

TODAY = ("--today", "2026-10-01")

CANVAS_ONLY = """\
cell,text
,
1.stage,Orientation
1.goal,Find out what a ticket costs
1.1.step,Checks the timetable
1.1.touchpoint,Journey planner app
1.1.pain,Fares are hidden until the last screen
1.1.feeling,-1 annoyed
1.1.moment-of-truth,yes
1.1.type,critical
1.2.step,Asks a friend
2.stage,Purchase
2.1.step,Pays at the machine
2.1.feeling,2
2.1.opportunity,Tap to pay
"""


def _import(project: Project, text: str | bytes, *extra: str) -> tuple[int, str, str]:
    project.write("t.csv", text)
    result = project.run("import", "csv", "t.csv", "-o", "content/journeys/t.md", *extra, *TODAY)
    path = project.root / "content/journeys/t.md"
    return result.exit_code, result.output, path.read_text(encoding="utf-8") if path.exists() else ""


def _meta(title: str = "Buying a ticket") -> tuple[str, ...]:
    return ("--title", title, "--persona", "tester")


def test_a_transcript_of_cell_ids_alone(project: Project) -> None:
    code, output, journey = _import(project, CANVAS_ONLY, *_meta())
    assert code == 0, output
    assert "## Orientation" in journey
    assert "- goal: Find out what a ticket costs" in journey
    assert "### Checks the timetable" in journey
    assert "- touchpoint: Journey planner app" in journey
    assert "- moment-of-truth: yes" in journey
    assert "- type: critical" in journey
    assert "- opportunity: Tap to pay" in journey
    # The printed ids are the sheet's, never the journey's: no '- id:' lines at all.
    assert "- id:" not in journey
    assert "1.1" not in journey
    assert journey.index("### Checks the timetable") < journey.index("### Asks a friend") < journey.index("## Purchase")
    check = project.run("check", *TODAY)
    assert check.exit_code == 0, check.output


def test_rows_typed_in_any_order_land_in_canvas_order(project: Project) -> None:
    lines = CANVAS_ONLY.splitlines()
    shuffled = "\n".join([lines[0], *reversed(lines[1:])]) + "\n"
    code, output, journey = _import(project, shuffled, *_meta())
    assert code == 0, output
    assert journey.index("## Orientation") < journey.index("## Purchase")
    assert journey.index("### Checks the timetable") < journey.index("### Asks a friend")


@pytest.mark.parametrize(
    ("language", "rows"),
    [
        (
            "en",
            [
                ("Orientation", "Checks the timetable", "Touchpoint & channel", "App"),
                ("Orientation", "Checks the timetable", "Pain points", "Fares are hidden"),
                ("Orientation", "Checks the timetable", "Opportunities", "Show the fare first"),
                ("Orientation", "Checks the timetable", "Support processes", "Fare table"),
                ("Orientation", "Checks the timetable", "KPIs & metrics", "Searches per sale"),
                ("Orientation", "Checks the timetable", "Moment of truth", "yes"),
            ],
        ),
        (
            "nl",
            [
                ("Oriëntatie", "Bekijkt de dienstregeling", "Contactmoment & kanaal", "App"),
                ("Oriëntatie", "Bekijkt de dienstregeling", "Pijnpunten", "Prijzen zijn verborgen"),
                ("Oriëntatie", "Bekijkt de dienstregeling", "Kansen", "Toon de prijs eerst"),
                ("Oriëntatie", "Bekijkt de dienstregeling", "Ondersteunende processen", "Tarieventabel"),
                ("Oriëntatie", "Bekijkt de dienstregeling", "KPI's & metingen", "Zoekacties per verkoop"),
                ("Oriëntatie", "Bekijkt de dienstregeling", "Achter de schermen", "Tariefsysteem"),
            ],
        ),
    ],
)
def test_the_lane_names_printed_on_the_canvas_are_read(
    project: Project, language: str, rows: list[tuple[str, ...]]
) -> None:
    header = "stage,step,lane,text" if language == "en" else "fase,stap,baan,tekst"
    body = "\n".join(",".join(f'"{cell}"' for cell in row) for row in rows)
    code, output, journey = _import(project, f"{header}\n{body}\n", *_meta())
    assert code == 0, output
    for key in ("touchpoint", "pain", "opportunity", "support", "kpi"):
        assert f"- {key}: " in journey, key


def test_every_printed_label_and_id_reads_back() -> None:
    """What the canvas prints (row labels and cell ids, both languages) is what the importer reads."""
    from generator.cells import field_key

    for language in ("en", "nl"):
        say = Labels(language)
        for lane in ("steps", "touchpoint", "thinking", "feeling", "pain", "opportunity", "owner", "kpi"):
            expected = "step" if lane == "steps" else lane
            assert field_key(say(f"lane.{lane}")) == expected, (language, lane)
        for field in printed_fields():
            step = None if field in STAGE_FIELDS else 4
            printed = format_cell(12, step, field, language)
            ref = parse_cell(printed)
            assert ref is not None, printed
            assert (ref.stage, ref.step, ref.field) == (12, step, field), printed


def test_the_same_step_title_in_two_stages(project: Project) -> None:
    text = (
        "stage,step,lane,text\n"
        "Orientation,Calls the helpdesk,pain,Long wait\n"
        "Repair,Calls the helpdesk,pain,Nobody knows the ticket\n"
        "Repair,Calls the helpdesk,feeling,-2\n"
    )
    code, output, journey = _import(project, text, *_meta())
    assert code == 0, output
    assert journey.count("### Calls the helpdesk") == 2
    assert "- id: repair-calls-the-helpdesk" in journey
    assert project.run("check", *TODAY).exit_code == 0


def test_repeated_titles_on_the_canvas_get_unique_ids(project: Project) -> None:
    text = "cell,text\n1.stage,Contact\n1.1.step,Calls\n1.2.step,Calls\n2.stage,Contact\n2.1.step,Calls\n"
    code, output, journey = _import(project, text, *_meta())
    assert code == 0, output
    assert journey.count("### Calls") == 3
    assert journey.count("## Contact") == 2
    assert project.run("check", *TODAY).exit_code == 0


def test_a_stage_written_two_ways_is_one_stage(project: Project) -> None:
    text = "stage,step,lane,text\nDrop-off,Leaves the car,doing,Parks\nDrop off,Hands in the key,doing,At the desk\n"
    code, output, journey = _import(project, text, *_meta())
    assert code == 0, output
    assert journey.count("## Drop") == 1
    assert "t.csv:3:1: warning[W701]: stage 'Drop off' is written 'Drop-off' at line 2" in output


def test_a_stage_nearly_named_like_another_is_reported(project: Project) -> None:
    text = "stage,step,lane,text\nOrientation,Looks,doing,x\nOrientaton,Reads,doing,y\n"
    code, output, _ = _import(project, text, *_meta())
    assert code == 0, output
    assert "t.csv:3:1: warning[W702]: stage 'Orientaton' is nearly 'Orientation' (line 2)" in output
    assert "hint: If it is the same stage, write it as 'Orientation'." in output


def test_the_same_feeling_twice_is_fine_and_two_feelings_are_not(project: Project) -> None:
    same = "stage,step,lane,text,feeling\nS,T,pain,x,+2\nS,T,feeling,2 happy,\n"
    code, output, _ = _import(project, same, *_meta())
    assert code == 0, output
    differ = "stage,step,lane,text,feeling\nS,T,pain,x,2\nS,T,doing,y,-1\n"
    code, output, _ = _import(project, differ, *_meta())
    assert code == 1
    assert "t.csv:3:5: error[E707]: step 'T' has feeling '2' at line 2 and '-1' here" in output
    assert "Traceback" not in output


def test_a_second_canvas_with_the_same_ids(project: Project) -> None:
    text = "stage,step,lane,text,cell\nOrientation,Searches,pain,x,1.1.pain\nBooking,Pays,pain,y,1.1.pain\n"
    code, output, _ = _import(project, text, *_meta())
    assert code == 1
    assert "t.csv:3:1: error[E706]: cell 1.1.pain belongs to stage 'Orientation' (line 2), not 'Booking'" in output
    assert "give each canvas its own transcript" in output


def test_a_step_nobody_named(project: Project) -> None:
    code, output, _ = _import(project, "cell,text\n1.stage,Orientation\n1.1.pain,Too slow\n", *_meta())
    assert code == 1
    assert "t.csv:3:1: error[E708]: step 1.1 has no title" in output
    assert "cell 1.1.step" in output


def test_a_misspelt_cell_id(project: Project) -> None:
    code, output, _ = _import(project, "cell,text\n1.stage,S\n1.1.step,T\n1.1.pian,x\n", *_meta())
    assert code == 1
    assert "t.csv:4:1: error[E702]: cell id '1.1.pian' names no lane of the canvas" in output
    assert "did you mean 'pain'?" in output


def test_dutch_excel_with_dutch_labels(project: Project) -> None:
    text = (
        "fase;stap;baan;tekst;cel;gevoel\n"
        ";;titel;Een kaartje kopen;;\n;;persona;tester;;\n"
        'Oriëntatie;Zoekt de prijs;Pijnpunten;"Prijs, belasting en kosten verborgen";1.1.pijn;-1\n'
        "Oriëntatie;Zoekt de prijs;Kansen;Prijs eerst tonen;1.1.kans;\n"
    )
    code, output, journey = _import(project, b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert code == 0, output
    assert "- pain: Prijs, belasting en kosten verborgen" in journey
    assert "- opportunity: Prijs eerst tonen" in journey
    assert "- feeling: -1" in journey


@pytest.mark.parametrize(
    ("data", "named"),
    [
        ("stage,step,lane,text\nCafé,T,pain,x\n".encode("cp1252"), "Windows-1252"),
        ("stage,step,lane,text\nS,T,pain,x\n".encode("utf-16"), "UTF-16"),
    ],
)
def test_other_encodings_are_named(project: Project, data: bytes, named: str) -> None:
    code, output, _ = _import(project, data, *_meta())
    assert code == 1
    assert "error[E101]" in output
    assert f"it looks like {named}" in output
    assert "CSV UTF-8" in output


def test_an_unknown_persona_says_how_to_make_it(project: Project) -> None:
    code, output, _ = _import(project, "stage,step,lane,text\nS,T,pain,x\n", "--title", "T", "--persona", "Noor")
    assert code == 1
    assert "error[E501]: unknown persona 'Noor'" in output
    assert "journeymap new persona noor" in output


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_kits_blank_transcript_filled_in_imports(project: Project, language: str) -> None:
    """The transcript.csv of the kit, with a few of its rows filled in as a scribe would,
    and rows typed from the inventory, KPI sheet and improvements strip."""
    import csv
    import io

    from generator.config import Settings
    from generator.print.canvas_plan import blank_plan
    from generator.print.transcript_kit import blank_transcript

    data = blank_transcript(blank_plan(Settings(language=language)), language)
    delimiter = ";" if language == "nl" else ","
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))
    head = rows[0]
    nl = language == "nl"

    def fill(ident: str, text: str) -> None:
        row = next(r for r in rows if r[0] == ident)
        row[1] = text

    for row in rows[1:5]:
        row[1] = {"title": "Buying a ticket", "titel": "Buying a ticket", "persona": "tester"}.get(row[5], "")
    fill("1.fase" if nl else "1.stage", "Orientation")
    fill("1.doel" if nl else "1.goal", "Know the price")
    fill("1.1.stap" if nl else "1.1.step", "Checks the price")
    fill("1.1.pijn" if nl else "1.1.pain", "Hidden fees")
    fill("1.1.gevoel" if nl else "1.1.feeling", "-1")
    fill("1.1.sleutelmoment" if nl else "1.1.moment-of-truth", "ja" if nl else "yes")
    fill("1.1.soort" if nl else "1.1.type", "kritisch" if nl else "critical")
    touchpoint = "1.1.contactmoment" if nl else "1.1.touchpoint"

    def sheet_row(**values: str) -> list[str]:
        row = [""] * len(head)
        row[0] = touchpoint
        for column, value in values.items():
            row[head.index(column.replace("_", " "))] = value
        return row

    if nl:
        rows.append(sheet_row(contactmoment="Website", kanaal="Web", eigenaar="Webteam", soort="kritisch"))
        rows.append(sheet_row(gewenst_resultaat="Prijs gevonden", hoe_gemeten="Enquête", hoe_vaak="per maand"))
        rows.append(sheet_row(verbetering="Prijs eerst tonen", eigenaar="Anna", datum="2027-02-01"))
    else:
        rows.append(sheet_row(touchpoint="Website", channel="Web", owner="Web team", type="critical"))
        rows.append(sheet_row(desired_result="Price found", how_measured="Survey", how_often="monthly"))
        rows.append(sheet_row(improvement="Show the price first", owner="Anna", date="2027-02-01"))
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter).writerows(rows)
    code, output, journey = _import(project, b"\xef\xbb\xbf" + out.getvalue().encode("utf-8"))
    assert code == 0, output
    for line in (
        "## Orientation",
        "- goal: Know the price",
        "### Checks the price",
        "- pain: Hidden fees",
        "- feeling: -1",
        "- moment-of-truth:",
        "- touchpoint: Website",
        "- channel: Web",
        "- kpi: ",
    ):
        assert line in journey, line
    agreed = (
        "Afgesproken: Prijs eerst tonen (Anna, 2027-02-01)" if nl else "Agreed: Show the price first (Anna, 2027-02-01)"
    )
    assert f"- opportunity: {agreed}" in journey
    assert journey.count("### ") == 1, "rows nobody filled in make no steps"
    assert project.run("check", *TODAY).exit_code == 0


def test_a_sheet_row_without_a_cell_id(project: Project) -> None:
    text = "cell,text,touchpoint,owner\n1.stage,S\n1.1.step,T\n,,Website,Web team\n"
    code, output, _ = _import(project, text, *_meta())
    assert code == 1
    assert "t.csv:4:1: error[E703]: this row names no step" in output


def test_numbered_stage_names_are_not_typos(project: Project) -> None:
    text = "stage,step,lane,text\nPhase 1,Looks,doing,x\nPhase 2,Reads,doing,y\n"
    code, output, _ = _import(project, text, *_meta())
    assert code == 0, output
    assert "W702" not in output


def test_a_transcript_too_long_for_a_journey_is_refused_where_it_starts(project: Project) -> None:
    """5,000 steps in 5,000 stages: a located E312, never an internal error (and no
    comparison of every title with every other)."""
    rows = "".join(f"Stage {n},Step {n},pain,x\n" for n in range(5000))
    code, output, _ = _import(project, "stage,step,lane,text\n" + rows, *_meta())
    assert code == 1
    assert "t.csv:1:1: error[E312]: the journey has more than 2000 steps" in output
    assert "internal error" not in output


def test_a_cell_id_the_canvas_never_prints(project: Project) -> None:
    code, output, _ = _import(project, "cell,text\n1.stage,S\n1.100000.pain,x\n", *_meta())
    assert code == 1
    assert "t.csv:3:1: error[E702]: cell id '1.100000.pain' is not one the canvas prints" in output


def test_an_export_keeps_titles_that_differ_only_in_punctuation_apart(project: Project) -> None:
    """Spelling variants are merged for hand-typed rows; an export's rows name their ids,
    so stages and steps titled "0" and "0." (with different ids) come back as they were."""
    from generator.export.export import journey_to_csv
    from generator.export.import_csv import journey_from_csv
    from generator.model import Journey, Stage, Step

    journey = Journey(
        id="t",
        title="T",
        persona="tester",
        stages=(
            Stage(id="first", title="0", steps=(Step(id="a", title="Go"), Step(id="b", title="Go."))),
            Stage(id="second", title="0.", steps=(Step(id="c", title="Stop"),)),
        ),
    )
    back, problems = journey_from_csv(journey_to_csv(journey), "t.csv", "t")
    assert problems == []
    assert back is not None
    assert [(s.id, s.title, [(p.id, p.title) for p in s.steps]) for s in back.stages] == [
        ("first", "0", [("a", "Go"), ("b", "Go.")]),
        ("second", "0.", [("c", "Stop")]),
    ]
