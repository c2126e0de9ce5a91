"""Measured data in content/data/: read as spreadsheets export it, checked with located errors."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.read.measured import parse_period, read_measurements
from tests.conftest import Project

JOURNEY = """\
---
title: Renewing a permit
persona: tester
reviewed: 2026-09-01
---
## Apply
### Fills in the form
- feeling: -1
### Pays the fee
- feeling: 1
"""

HEADER = "journey,step,metric,value,period,unit\n"
GOOD = "permit,fills-in-the-form,CSAT,54,2026-Q2,%\npermit,fills-in-the-form,CSAT,57.5,2026-Q3,%\n"


def test_a_data_file_is_read_with_its_units_and_periods() -> None:
    rows, problems = read_measurements(HEADER + GOOD + "permit,pays-the-fee,Wait,3,2026-09,minutes\n", "s.csv")
    assert problems == []
    assert [(r.metric, r.value, r.period, r.unit) for r in rows] == [
        ("CSAT", 54.0, "2026-Q2", "%"),
        ("CSAT", 57.5, "2026-Q3", "%"),
        ("Wait", 3.0, "2026-09", "min"),
    ]
    assert rows[0].starts == dt.date(2026, 4, 1)
    assert rows[0].ends == dt.date(2026, 6, 30)


def test_dutch_excel_semicolons_headers_and_decimal_commas() -> None:
    text = "klantreis;Stap;meting;waarde;periode;eenheid\npermit;pays-the-fee;CES;3,8;2026-w36;punten\n"
    rows, problems = read_measurements(text, "nl.csv")
    assert problems == []
    assert [(r.metric, r.value, r.period, r.unit) for r in rows] == [("CES", 3.8, "2026-W36", "score")]
    assert rows[0].starts == dt.date(2026, 8, 31)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026", (dt.date(2026, 1, 1), dt.date(2026, 12, 31))),
        ("2026-H2", (dt.date(2026, 7, 1), dt.date(2026, 12, 31))),
        ("2026-q4", (dt.date(2026, 10, 1), dt.date(2026, 12, 31))),
        ("2024-02", (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
        ("2026-09-30", (dt.date(2026, 9, 30), dt.date(2026, 9, 30))),
        ("2026-13", None),
        ("2026-02-30", None),
        ("2026-W54", None),
        ("Q3 2026", None),
    ],
)
def test_periods(text: str, expected: tuple[dt.date, dt.date] | None) -> None:
    assert parse_period(text) == expected


DATA_ERROR_CASES = [
    ("", "s.csv:1:1", "E901"),
    ("journey,step,metric,value\n", "s.csv:1:1", "E901"),
    ("journey,step,metrc,value,period\n", "s.csv:1:14", "E901"),
    (HEADER + "permit,,CSAT,54,2026-Q2,%\n", "s.csv:2:8", "E902"),
    (HEADER + "permt,fills-in-the-form,CSAT,54,2026-Q2,%\n", "s.csv:2:1", "E903"),
    (HEADER + "permit,fills-in-the-form,CSAT,54%,2026-Q2,%\n", "s.csv:2:31", "E904"),
    (HEADER + "permit,fills-in-the-form,CSAT,1.234,5,2026-Q2\n", "s.csv:2:37", "E907"),
    (HEADER + "permit,fills-in-the-form,Wait,3,2026-Q2,minuts\n", "s.csv:2:41", "E905"),
    (HEADER + GOOD + "permit,fills-in-the-form,CSAT,58,2026-Q3,%\n", "s.csv:4:1", "E906"),
    (HEADER + "permit,fills-in-the-from,CSAT,54,2026-Q2,%\n", "s.csv:2:8", "E908"),
    (HEADER + 'permit,fills-in-the-form,"CSAT,54,2026-Q2,%\n', "s.csv:2:1", "E705"),
]


@pytest.mark.parametrize(("text", "where", "code"), DATA_ERROR_CASES)
def test_data_errors_are_located(project: Project, text: str, where: str, code: str) -> None:
    project.journey("permit", JOURNEY)
    project.write("content/data/s.csv", text)
    result = project.run("check", "--today", "2026-10-01")
    assert result.exit_code == 1, result.output
    assert f"content/data/{where}: error[{code}]" in result.output, result.output
    assert "Traceback" not in result.output


def test_hints_name_the_close_match(project: Project) -> None:
    project.journey("permit", JOURNEY)
    rows = "permt,fills-in-the-form,CSAT,54,2026-Q2,%\npermit,fills-in-the-from,CSAT,54,2026-Q2,%\n"
    project.write("content/data/s.csv", HEADER + rows + "permit,pays-the-fee,Wait,3,2026-Q2,minuts\n")
    output = project.run("check", "--today", "2026-10-01").output
    assert "error[E903]: unknown journey 'permt'\n  hint: did you mean 'permit'?" in output
    assert "has no step 'fills-in-the-from'\n  hint: did you mean 'fills-in-the-form'?" in output
    assert "unknown unit 'minuts'\n  hint: did you mean 'minutes' ('min')?" in output


def test_a_data_file_checked_on_its_own_knows_the_journeys(project: Project) -> None:
    project.journey("permit", JOURNEY.replace("persona: tester", "persona: nobody"))  # its own error
    project.write("content/data/s.csv", HEADER + GOOD)
    result = project.run("check", "content/data/s.csv", "--today", "2026-10-01")
    assert result.exit_code == 0, result.output
    assert result.output == "checked 0 journeys, 0 personas and 1 data file: no problems\n"
    project.write("content/data/s.csv", HEADER + GOOD.replace("fills-in-the-form,CSAT,57.5", "filled,CSAT,57.5"))
    result = project.run("check", "content/data/s.csv", "--today", "2026-10-01")
    assert "content/data/s.csv:3:8: error[E908]: journey 'permit' has no step 'filled'" in result.output


def test_utf8_bom_and_other_encodings(project: Project) -> None:
    project.journey("permit", JOURNEY)
    project.write("content/data/s.csv", b"\xef\xbb\xbf" + (HEADER + GOOD).encode())
    assert project.run("check", "--today", "2026-10-01").exit_code == 0
    project.write("content/data/s.csv", (HEADER + GOOD.replace("CSAT", "Tevredenheid \xe9")).encode("latin-1"))
    result = project.run("check", "--today", "2026-10-01")
    assert result.exit_code == 1
    assert "content/data/s.csv:2:39: error[E101]: file is not valid UTF-8" in result.output


def test_a_strict_site_build_fails_on_bad_data(project: Project) -> None:
    project.journey("permit", JOURNEY)
    project.write("mkdocs.yml", "site_name: Data\ndocs_dir: content\nplugins:\n  - journeys\n")
    project.write("content/data/s.csv", HEADER + "permit,fills-in-the-form,CSAT,lots,2026-Q2,%\n")
    result = project.run("build", "--strict", "-d", "out")
    assert result.exit_code == 1
    assert "content/data/s.csv:2:31: error[E904]: 'lots' is not a number" in result.output
    assert not (project.root / "out").exists()


def test_the_map_and_the_page_show_the_data(project: Project) -> None:
    project.journey("permit", JOURNEY)
    project.write("content/data/s.csv", HEADER + GOOD + "permit,pays-the-fee,Wait,12,2026-Q3,min\n")
    assert project.run("render", "content/journeys/permit.md", "-o", "m.svg").exit_code == 0
    svg = (project.root / "m.svg").read_text(encoding="utf-8")
    assert 'data-lane="measured"' in svg
    assert "CSAT: 57.5% (2026-Q3)" in svg
    assert "▲ up 3.5 pp since 2026-Q2" in svg  # the change in words, not only the bar
    assert svg.count('class="jm-number" fill="#1f2328"/>') >= 1  # the bar of a percentage
    assert "Wait: 12 min (2026-Q3)" in svg
    project.write("mkdocs.yml", "site_name: Data\ndocs_dir: content\nplugins:\n  - journeys\n")
    assert project.run("build", "--strict", "-d", "out").exit_code == 0
    page = (project.root / "out" / "journeys" / "permit" / "index.html").read_text(encoding="utf-8")
    assert "<dt>Measured data</dt><dd>CSAT: 57.5% (2026-Q3), ▲ up 3.5 pp since 2026-Q2</dd>" in page
    assert "<th>2026-Q2</th><th>2026-Q3</th>" in page


def test_a_journey_without_data_has_no_measured_row(project: Project) -> None:
    project.journey("permit", JOURNEY)
    assert project.run("render", "content/journeys/permit.md", "-o", "m.svg").exit_code == 0
    assert 'data-lane="measured"' not in (project.root / "m.svg").read_text(encoding="utf-8")


def test_targets_and_trends_on_the_insights_page(project: Project) -> None:
    journey = JOURNEY.replace("### Pays the fee\n", "### Pays the fee\n- kpi: Paid online (target 80%)\n").replace(
        "### Fills in the form\n", "### Fills in the form\n- kpi: Drop-off (target under 10%)\n"
    )
    project.journey("permit", journey)
    rows = "permit,pays-the-fee,Paid online,82,2026-Q3,%\npermit,fills-in-the-form,Drop-off,14,2026-Q3,%\n"
    project.write("content/data/s.csv", HEADER + "permit,fills-in-the-form,Drop-off,12,2026-Q2,%\n" + rows)
    project.write("mkdocs.yml", "site_name: Data\ndocs_dir: content\nplugins:\n  - journeys\n")
    assert project.run("build", "-d", "out").exit_code == 0
    insights = (project.root / "out" / "insights" / "index.html").read_text(encoding="utf-8")
    assert "Measured data by touchpoint" in insights
    assert "<td>14% (2026-Q3)</td><td>▲ up 2 pp since 2026-Q2</td><td>target under 10%: not met</td>" in insights
    assert "<td>82% (2026-Q3)</td><td>–</td><td>target 80%: met</td>" in insights


def test_data_that_moved_since_the_review_makes_a_review_due(project: Project) -> None:
    project.journey("permit", JOURNEY)  # reviewed 2026-09-01
    before = "permit,fills-in-the-form,CSAT,70,2026-Q2,%\n"
    project.write("content/data/s.csv", HEADER + before + "permit,fills-in-the-form,CSAT,75,2026-Q3,%\n")
    assert "W105" not in project.run("check", "--today", "2026-10-01").output  # 5 points: under 10
    project.write("content/data/s.csv", HEADER + before + "permit,fills-in-the-form,CSAT,52,2026-Q3,%\n")
    result = project.run("check", "--today", "2026-10-01")
    assert (
        "content/journeys/permit.md:4:11: warning[W105]: measured 'CSAT' of step 'fills-in-the-form' moved from "
        "70% (2026-Q2) to 52% (2026-Q3) since the review on 2026-09-01"
    ) in result.output
    assert project.run("check", "--strict", "--today", "2026-10-01").exit_code == 1
    project.write(
        "mkdocs.yml", "site_name: Data\ndocs_dir: content\nplugins:\n  - journeys:\n      data_review_threshold: 20\n"
    )
    assert "W105" not in project.run("check", "--today", "2026-10-01").output
    project.write("mkdocs.yml", "site_name: Data\ndocs_dir: content\nplugins:\n  - journeys\n")
    assert project.run("build", "-d", "out").exit_code == 0  # reviewed 2026-09-01: not overdue yet
    page = (project.root / "out" / "journeys" / "permit" / "index.html").read_text(encoding="utf-8")
    assert 'class="jm-badge jm-review-moved"' in page
    assert "Due: measured data moved since the review of" in page
