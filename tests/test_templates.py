"""The site's HTML templates: one line per block, autoescaped, overridable from the theme
folder with located errors, and a golden journey page that any change to them shows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes
from markupsafe import Markup

from generator.config import Settings
from generator.overrides import override_problems
from generator.print.typst_templates import typst_environment
from generator.read.parse_journey import parse_journey
from generator.site.map_strip import MapParts
from generator.site.pages import journey_page
from generator.site.templates import render_block, site_environment
from tests.conftest import FIXTURES, JOURNEY, Project
from tests.test_site_build import SITE_CONFIG

TEMPLATE_CODES = {"E603"}
"""The error codes these tests produce (no fixture file of a journey can hold them)."""

TEMPLATES = Path(__file__).parent.parent / "generator" / "templates" / "site"
THEMED = SITE_CONFIG.replace("  font: false\n", "  font: false\n  custom_dir: overrides\n")


@pytest.fixture
def themed(project: Project) -> Project:
    project.write("mkdocs.yml", THEMED)
    project.write("content/index.md", "# Home\n\n<!-- journeymap:cards -->\n")
    project.journey("good", JOURNEY)
    (project.root / "overrides").mkdir()  # MkDocs wants the folder to exist
    return project


@pytest.mark.parametrize(
    ("folder", "suffix", "environment", "at_least"),
    [("site", ".html.j2", site_environment, 21), ("print", ".typ.j2", typst_environment, 10)],
)
def test_every_template_compiles_and_says_what_it_is_given(
    folder: str, suffix: str, environment: Callable[[None], jinja2.Environment], at_least: int
) -> None:
    """The page blocks and the printed sheets alike."""
    env = environment(None)
    found = sorted((TEMPLATES.parent / folder).glob(f"*{suffix}"))
    assert len(found) >= at_least
    for path in found:
        env.get_template(f"{folder}/{path.name}")
        assert path.read_text(encoding="utf-8").startswith("{#-"), f"{path.name} has no opening comment"


def test_a_template_s_lines_are_joined_and_a_value_s_are_kept(tmp_path: Path) -> None:
    (tmp_path / "journeymap" / "site").mkdir(parents=True)
    (tmp_path / "journeymap" / "site" / "paragraph.html.j2").write_text(
        "<div>\n    <p>\n        {{ text }}\n    </p>\n    {{ text|prose }}\n</div>\n", encoding="utf-8"
    )
    out = render_block(tmp_path, "paragraph", text="one\n\ntwo <b>", cls="", inline=False)
    assert out == "<div><p>one\n\ntwo &lt;b&gt;</p><p>one</p>\n<p>two &lt;b&gt;</p>\n</div>"


def test_values_are_escaped_and_cleaned_markup_is_not_escaped_twice() -> None:
    hostile = '"><script>x</script>\u202e\x07'
    out = render_block(None, "link", href=hostile, text=hostile)
    assert out == '<a href="&#34;&gt;&lt;script&gt;x&lt;/script&gt;">&#34;&gt;&lt;script&gt;x&lt;/script&gt;</a>'
    box = render_block(None, "journey-list", journeys=[("u", type("J", (), {"title": Markup("<b>ok</b>")})())])
    assert "<b>ok</b>" in box


def test_inline_markdown_is_rendered_and_raw_html_stays_text() -> None:
    out = render_block(None, "paragraph", text="**bold** <img src=x onerror=alert(1)>", cls="jm-help", inline=True)
    assert out == '<p class="jm-help"><strong>bold</strong> &lt;img src=x onerror=alert(1)&gt;</p>'


def test_a_journey_page_matches_its_golden_file(golden) -> None:  # type: ignore[no-untyped-def]
    """Every block of a journey page, from the fixture with every lane: a change to a
    template, or to what the Python side gives it, shows here."""
    text = (FIXTURES / "maps" / "journeys" / "full.md").read_text(encoding="utf-8")
    journey, problems = parse_journey(text, "full.md", "full")
    assert [p for p in problems if p.code.startswith("E")] == []
    parts = MapParts('<svg id="map"/>', '<div class="labels"/>', '<div class="strip"/>')
    page = journey_page(
        journey,
        None,
        Settings(),
        parts=parts,
        link=lambda uri: f"/{uri}",
        today=dt.date(2026, 12, 1),
        downloads=("svg", "pdf"),
        source_stem="journeys/full",
        history=[("2026-11-30", "Edit <b>", "1 step changed")],
    )
    golden("journey-page.md", page.markdown)


def test_no_template_writes_a_line_break_of_its_own() -> None:
    """An engine's Markdown ends an HTML block at a blank line: what the templates write
    between their tags is one line; only values (prose, located problems) hold breaks."""
    env = site_environment(None)
    for path in sorted(TEMPLATES.glob("*.html.j2")):
        tree = env.parse(path.read_text(encoding="utf-8"), path.name)
        for node in tree.find_all(nodes.TemplateData):
            assert "\n" not in node.data, f"{path.name}: {node.data!r}"


def test_an_override_changes_the_page_and_a_rebuild_follows_it(themed: Project, engine: str) -> None:
    step = themed.write(
        "overrides/journeymap/site/step.html.j2",
        '{#- mine -#}\n<div class="mine" id="_jm-{{ step.id }}">\n'
        "{% for label, kind, values in lanes %}<b>{{ label }}</b>{% endfor %}\n</div>\n",
    )
    assert themed.run("build", "--engine", engine, "-d", "out").exit_code == 0
    page = (themed.root / "out" / "journeys" / "good" / "index.html").read_text(encoding="utf-8")
    assert '<div class="mine" id="_jm-does-something"><b>Channel</b><b>Feeling</b></div>' in page
    step.write_text(step.read_text(encoding="utf-8").replace('"mine"', '"mine again"'), encoding="utf-8")
    assert themed.run("build", "--engine", engine, "-d", "out").exit_code == 0
    page = (themed.root / "out" / "journeys" / "good" / "index.html").read_text(encoding="utf-8")
    assert 'class="mine again"' in page  # the disk cache's pages were made again
    step.unlink()
    assert themed.run("build", "--engine", engine, "-d", "out").exit_code == 0
    page = (themed.root / "out" / "journeys" / "good" / "index.html").read_text(encoding="utf-8")
    assert "mine" not in page
    assert 'class="jm-step-detail"' in page


def test_a_template_that_does_not_compile_is_a_located_error(themed: Project, engine: str) -> None:
    assert themed.run("build", "--engine", engine, "-d", "out").exit_code == 0
    before = {p: p.read_bytes() for p in (themed.root / "out").rglob("*") if p.is_file()}
    themed.write("overrides/journeymap/site/summary.html.j2", "{#- x -#}\n<p>\n{% for x in y %}\n{{ x }\n</p>\n")
    result = themed.run("build", "--engine", engine, "-d", "out")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "overrides/journeymap/site/summary.html.j2:4:1: error[E603]: template 'site/summary.html.j2'" in (
        result.output
    )
    assert "\n  hint: " in result.output
    assert {p: p.read_bytes() for p in (themed.root / "out").rglob("*") if p.is_file()} == before
    check = themed.run("check")
    assert check.exit_code == 1
    assert "summary.html.j2:4:1: error[E603]" in check.output


def test_a_template_that_fails_on_a_page_is_a_located_error(themed: Project, engine: str) -> None:
    assert themed.run("build", "--engine", engine, "-d", "out").exit_code == 0
    before = {p: p.read_bytes() for p in (themed.root / "out").rglob("*") if p.is_file()}
    themed.write(
        "overrides/journeymap/site/stage.html.j2", "{#- x -#}\n<p>\n{{ stage.title }}\n{{ no_such.value }}\n</p>\n"
    )
    result = themed.run("build", "--engine", engine, "-d", "out")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    where = "overrides/journeymap/site/stage.html.j2:4:1: error[E603]: "
    assert where + "template 'site/stage.html.j2': 'no_such' is undefined" in result.output
    assert {p: p.read_bytes() for p in (themed.root / "out").rglob("*") if p.is_file()} == before


def test_override_problems_of_an_svg_template_and_of_unreadable_bytes(tmp_path: Path) -> None:
    folder = tmp_path / "journeymap"
    (folder / "site").mkdir(parents=True)
    (folder / "map.svg.j2").write_text("<svg>\n{% if %}\n</svg>\n", encoding="utf-8")
    (folder / "site" / "step.html.j2").write_bytes(b"\xff\xfe not text")
    (folder / "site" / "fine.html.j2").write_text("<p>{{ x }}</p>\n", encoding="utf-8")
    found = {p.loc.path.rsplit("/", 1)[1]: p for p in override_problems(tmp_path)}
    assert sorted(found) == ["map.svg.j2", "step.html.j2"]
    assert found["map.svg.j2"].loc.line == 2
    assert found["map.svg.j2"].code == "E603"
    assert "cannot be read" in found["step.html.j2"].message
    assert override_problems(None) == []
    assert override_problems(tmp_path / "none") == []


def test_a_wrong_call_of_our_own_template_is_a_bug_not_a_user_error() -> None:
    with pytest.raises(jinja2.UndefinedError, match="'text' is undefined"):
        render_block(None, "link", href="x")  # StrictUndefined refuses to guess


@pytest.mark.slow
def test_the_preview_shows_an_edited_template(themed: Project, engine: str) -> None:
    from tests.serving import served

    with served(themed.root, engine) as (_, wait_for):
        wait_for("/journeys/good/", 'class="jm-step-detail"')
        themed.write(
            "overrides/journeymap/site/step.html.j2",
            '{#- mine -#}\n<div class="mine" id="_jm-{{ step.id }}">{{ number }}</div>\n',
        )
        wait_for("/journeys/good/", '<div class="mine" id="_jm-does-something">1</div>')
