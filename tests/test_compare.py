"""As-is against to-be, and several journeys on one chart: stage alignment, the comparison,
the chart's structure, the render command and the site's pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.charts import compare_chart, overlay_chart
from generator.check.validate import validate_project
from generator.config import Settings
from generator.diff.compare import compare_journeys
from generator.draw.align import align_stages
from generator.draw.curves import render_curves_svg
from generator.draw.text import InterMetrics
from generator.model import Journey, Persona, Stage
from generator.read.parse_journey import parse_journey
from generator.site.build_site import build_site
from tests.conftest import PERSONA, Project

FIXTURES = Path(__file__).parent / "fixtures" / "compare"
TESTER = Persona(id="tester", name="Test persona")


def _load(name: str) -> Journey:
    path = FIXTURES / f"{name}.md"
    journey, problems = parse_journey(path.read_text(encoding="utf-8"), path.name, name)
    assert problems == []
    return journey


def _stages(*titles: str) -> Journey:
    stages = tuple(Stage(id=title.casefold().replace(" ", "-"), title=title) for title in titles)
    return Journey(id="x", title="x", persona="p", stages=stages)


# -- alignment and comparison ----------------------------------------------------------


def test_stages_align_by_id_or_title_and_keep_their_order() -> None:
    aligned = align_stages([_stages("A", "B", "C"), _stages("Pre", "b", "Mid", "C", "Post"), _stages("A", "C", "Z")])
    assert [(a.title, [s.title if s else None for s in a.stages]) for a in aligned] == [
        ("A", ["A", None, "A"]),
        ("Pre", [None, "Pre", None]),
        ("B", ["B", "b", None]),
        ("Mid", [None, "Mid", None]),
        ("C", ["C", "C", "C"]),
        ("Post", [None, "Post", None]),
        ("Z", [None, None, "Z"]),
    ]
    assert [a.shared for a in aligned] == [False, False, False, False, True, False, False]


def test_a_redesign_against_today() -> None:
    result = compare_journeys(_load("current"), _load("future"))
    assert [(g.title, g.current, g.future, g.gain) for g in result.gains] == [
        ("Reminder", -1.0, 1.0, 2.0),
        ("Renewal", -1.0, 2.0, 3.0),  # matched by the stage id
        ("Borrowing", 2.0, 2.0, 0.0),
    ]
    assert [p.text for p in result.resolved] == [
        "The letter arrives after the card has expired",
        "Only one desk is open at lunchtime",
    ]
    assert [(p.text, p.step) for p in result.remaining] == [("Only cash is accepted", "Renews in the app")]
    assert [(p.text, p.step) for p in result.new] == [("The app logs out during checkout", "Borrows a book again")]
    assert sorted(result.steps_added) == ["Gets a reminder e-mail", "Renews in the app"]
    assert sorted(result.steps_removed) == ["Gets a reminder letter", "Pays the fee", "Queues at the desk"]
    assert result.steps_changed == ["Borrows a book again"]  # a pain point more
    assert result.owners_added == ["Digital team"]
    assert result.owners_removed == ["Membership desk", "Finance"]


def _problems(journeys: list[Journey], ids: tuple[str, ...] = ()) -> list[str]:
    import datetime as dt

    found = validate_project(journeys, [TESTER], Settings(), dt.date(2026, 10, 1), ids)
    return [f"{p.code} {p.message} | {p.hint}" for p in found if p.code.startswith("E")]


def test_replaces_is_checked() -> None:
    current, future = _load("current"), _load("future")
    assert _problems([current, future]) == []
    assert _problems([future], ("current",)) == []  # checked alone, the other file only listed
    typo = _with(future, replaces="curent")
    assert _problems([current, typo]) == ["E504 unknown journey 'curent' | did you mean 'current'?"]
    assert _problems([current, _with(future, replaces="future")]) == [
        "E505 a journey cannot replace itself | Give 'replaces' to the future (to-be) journey, "
        "naming the current (as-is) journey it redesigns."
    ]
    assert _problems([current, _with(future, state="current")])[0].startswith("E505 only a future journey replaces")
    second = _with(future, id="second", replaces="future")
    assert _problems([current, future, second])[0].startswith("E505 'future' is a future journey too")


def _with(journey: Journey, **changes: object) -> Journey:
    from dataclasses import replace

    return replace(journey, **changes)  # type: ignore[arg-type]


# -- the chart ------------------------------------------------------------------------


def test_three_personas_of_one_service() -> None:
    people = [Persona(id="ann", name="Ann, the reader"), Persona(id="bo", name="Bo"), Persona(id="cy", name="Cy")]
    journeys = [_with(_load(n), persona=p.id) for n, p in zip(("current", "student", "future"), people, strict=True)]
    chart = overlay_chart(journeys, people, Settings(), InterMetrics())
    assert [curve.name for curve in chart.curves] == [
        "Ann, the reader: Renewing a library card",
        "Bo: Renewing a student library card",
        "Cy: Renewing a library card online",
    ]
    assert chart.title == "Emotion curves side by side"  # their services differ
    assert "Student check (only in Bo)" in " ".join(re.sub(r"<[^>]+>", " ", render_curves_svg(chart)).split())


def test_overlay_chart_structure() -> None:
    journeys = [_load("current"), _load("student"), _load("future")]
    chart = overlay_chart(journeys, [TESTER], Settings(), InterMetrics())
    svg = render_curves_svg(chart)
    curves = re.findall(r'<g class="jm-curve" data-curve="(\d)">(.*?)</g>', svg, re.DOTALL)
    assert [index for index, _ in curves] == ["0", "1", "2"]
    lines = [re.search(r'<path d="M[^"]*" fill="none" class="jm-series-(\d)"[^>]*>', body) for _, body in curves]
    assert [m[1] for m in lines if m] == ["0", "1", "2"]
    dashes = [re.search(r'stroke-dasharray="([^"]*)"', m[0]) for m in lines if m]
    assert [d[1] if d else "solid" for d in dashes] == ["solid", "8 4", "2 3"]
    # solid, dashed, dotted: not colour alone
    markers = [re.findall(r'<path d="(M[^"]*)" class="jm-marker', body)[0] for _, body in curves]
    shapes = [("a" in d, d.count("L"), d.count("h")) for d in markers]
    assert len(set(shapes)) == 3  # circle, square, triangle
    legend = re.findall(r'<g class="jm-legend-item" data-curve="\d">.*?<text[^>]*>(.*?)</text>', svg, re.DOTALL)
    assert legend == [
        "Test persona: Renewing a library card",
        "Test persona: Renewing a student library card",
        "Test persona: Renewing a library card online",
    ]
    assert svg.count("<title>") == 4 + 3 + 3  # every scored step says its journey, step and score
    words = " ".join(re.sub(r"<[^>]+>", " ", svg).split())
    assert "Student check (only in Test persona (Renewing a student library card))" in words
    assert 'stroke-dasharray="5 4"' in svg  # the stage not every journey has
    assert svg == render_curves_svg(overlay_chart(journeys, [TESTER], Settings(), InterMetrics()))


def test_compare_chart_names_its_curves_and_gains() -> None:
    chart = compare_chart(_load("current"), _load("future"), Settings(), InterMetrics())
    svg = render_curves_svg(chart)
    assert "Current state (as-is): Renewing a library card" in svg
    assert "Future state (to-be): Renewing a library card online" in svg
    assert [t.lines[0] for t in chart.notes] == ["expected gain +2.0", "expected gain +3.0", "expected gain 0.0"]
    assert "as-is: Queues at the desk: -2" in svg
    assert chart.description.startswith("Current state (as-is): Renewing a library card: Reminder -1.0, Renewal")


def test_user_text_is_escaped_in_the_chart() -> None:
    evil = _with(_load("current"), title='</title><script>alert(1)</script> & "q"')
    svg = render_curves_svg(compare_chart(evil, _load("future"), Settings(), InterMetrics()))
    assert "<script>" not in svg
    assert "&lt;/title&gt;&lt;script&gt;" in svg


def test_golden_compare_chart(golden: Callable[[str, str], None]) -> None:
    golden(
        "compare.svg", render_curves_svg(compare_chart(_load("current"), _load("future"), Settings(), InterMetrics()))
    )


# -- the command ----------------------------------------------------------------------


@pytest.fixture
def library(project: Project) -> Project:
    for name in ("current", "future", "student"):
        shutil.copy(FIXTURES / f"{name}.md", project.root / "content" / "journeys" / f"{name}.md")
    return project


def test_render_compare_and_overlay(library: Project) -> None:
    result = library.run(
        "render", "--compare", "content/journeys/current.md", "content/journeys/future.md", "-o", "c.svg"
    )
    assert result.exit_code == 0, result.output
    assert "rendered 1 chart to c.svg" in result.output
    svg = (library.root / "c.svg").read_text(encoding="utf-8")
    assert svg.count('class="jm-legend-item"') == 2
    assert "@media (prefers-color-scheme: dark)" in svg
    journeys = [f"content/journeys/{n}.md" for n in ("current", "student", "future")]
    result = library.run("render", "--overlay", *journeys, "-o", "o.pdf")
    assert result.exit_code == 0, result.output
    info = subprocess.run(["pdfinfo", str(library.root / "o.pdf")], capture_output=True, text=True, check=True)
    assert "Pages:           1" in info.stdout
    assert "Syntax Error" not in info.stderr


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--compare", "content/journeys/current.md"], "--compare takes two journeys"),
        (["--overlay", "content/journeys/current.md"], "--overlay takes two or more journeys"),
        (["--compare", "--overlay", "content/journeys/current.md", "content/journeys/future.md"], "choose one"),
        (["--overlay", "content/journeys/current.md", "content/journeys/future.md", "-o", "out"], "one file"),
    ],
)
def test_render_chart_usage_errors(library: Project, arguments: list[str], message: str) -> None:
    output = [] if "-o" in arguments else ["-o", "x.svg"]
    result = library.run("render", *arguments, *output)
    assert result.exit_code == 2
    assert message in result.output
    assert not (library.root / "x.svg").exists()


def test_render_compare_with_a_bad_reference_writes_nothing(library: Project) -> None:
    path = library.root / "content" / "journeys" / "future.md"
    path.write_text(path.read_text().replace("replaces: current", "replaces: curent"), encoding="utf-8")
    result = library.run(
        "render", "--compare", "content/journeys/current.md", "content/journeys/future.md", "-o", "c.svg"
    )
    assert result.exit_code == 1
    assert "content/journeys/future.md:6:11: error[E504]: unknown journey 'curent'" in result.output
    assert "did you mean 'current'?" in result.output
    assert not (library.root / "c.svg").exists()


# -- the site -------------------------------------------------------------------------


def test_site_pages_link_each_other(tmp_path: Path) -> None:
    root = tmp_path / "site"
    (root / "content" / "journeys").mkdir(parents=True)
    (root / "content" / "personas").mkdir()
    (root / "content" / "personas" / "tester.md").write_text(PERSONA, encoding="utf-8")
    for name in ("current", "future", "student"):
        shutil.copy(FIXTURES / f"{name}.md", root / "content" / "journeys" / f"{name}.md")
    (root / "content" / "index.md").write_text(
        "# Home\n\n```overlay\ncurrent\n- student\n```\n\n```overlay\ncurrent\nnobody\n```\n\n"
        "```overlay\ncurrent\ncurrent\n```\n",
        encoding="utf-8",
    )
    (root / "mkdocs.yml").write_text(
        "site_name: Library\ndocs_dir: content\nplugins:\n  - journeys\n", encoding="utf-8"
    )
    result = build_site(root / "mkdocs.yml", root / "out", echo=False)
    out = root / "out"
    current = (out / "journeys" / "current" / "index.html").read_text(encoding="utf-8")
    assert 'Redesigned in: <a href="../future/">Renewing a library card online</a>' in current
    assert '(<a href="../../compare/future/">compare</a>)' in current
    assert 'Service: <a href="../../services/library-membership/">Library membership</a>' in current
    future = (out / "journeys" / "future" / "index.html").read_text(encoding="utf-8")
    assert 'Redesigns: <a href="../current/">Renewing a library card</a>' in future
    compare = (out / "compare" / "future" / "index.html").read_text(encoding="utf-8")
    assert "Renewing a library card online against Renewing a library card</h1>" in compare
    assert compare.count('class="jm-legend-item"') == 2
    for heading in ("Resolved (2)", "Remaining (1)", "New (1)", "Added (2)", "Removed (3)", "Changed (1)"):
        assert heading in compare
    service = (out / "services" / "library-membership" / "index.html").read_text(encoding="utf-8")
    assert service.count('class="jm-legend-item"') == 2
    assert "Student check" in service
    home = (out / "index.html").read_text(encoding="utf-8")
    assert home.count('class="jm-legend-item"') == 2  # the first block; the second names no journey
    assert 'class="jm-error"' in home
    assert any("overlay block refers to unknown or broken journeys: nobody" in w for w in result.warnings)
    assert any("overlay block lists fewer than two journeys: current" in w for w in result.warnings)
    insights = (out / "insights" / "index.html").read_text(encoding="utf-8")
    assert "Redesigns: expected gain by stage" in insights
    assert re.search(r">\s*Redesigns\s*<", current)  # the sections' titles, in the site's language
    assert re.search(r">\s*Services\s*<", current)
