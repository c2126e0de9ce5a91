"""The kit's typst templates: text always a literal, overridable from the theme folder
with located errors, and an overridden sheet really printed."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import Settings
from generator.labels import Labels
from generator.print.render_print import PAPERS
from generator.print.typst_markup import tstr
from generator.print.typst_templates import Typst, macros, render_typst, typst_environment
from generator.print.worksheets import empathy_map
from tests.conftest import Project
from tests.test_render_cli import needs_poppler
from tests.test_toolkit import _text

TEMPLATES = Path(__file__).parent.parent / "generator" / "templates" / "print"


def test_text_prints_as_a_literal_numbers_as_digits_and_typst_as_it_is(tmp_path: Path) -> None:
    (tmp_path / "journeymap" / "print").mkdir(parents=True)
    (tmp_path / "journeymap" / "print" / "probe.typ.j2").write_text(
        '{% import "print/macros.typ.j2" as jm %}\n'
        "#text[#{{ text }}] {{ n }} {{ x|fixed(2) }} {{ 4|unit('mm') }} {{ markup }} {{ jm.label(text) }}\n",
        encoding="utf-8",
    )
    hostile = '"]#panic()[ \\ #set page(width: 1mm)'
    out = render_typst(tmp_path, "probe", text=hostile, n=3, x=1.5, markup=Typst("#v(1mm)"))
    literal = tstr(hostile)
    assert out == f"#text[#{literal}] 3 1.50 4mm #v(1mm) #text(size: 0.90em, weight: 700)[#{literal}]\n"


def test_lengths_and_columns_take_only_lengths() -> None:
    env = typst_environment(None)
    with pytest.raises(ValueError, match="unknown typst unit"):
        env.from_string("{{ 3|unit('); panic(') }}").render()
    with pytest.raises(ValueError, match="not a typst length"):
        env.from_string("{{ columns('1fr', '1fr); panic(') }}").render()
    assert env.from_string("{{ columns('22mm', '1.5fr', '10%') }}").render() == "(22mm, 1.5fr, 10%)"
    with pytest.raises(TypeError, match="truth value"):
        env.from_string("{{ flag }}").render(flag=True)


def test_the_python_pieces_are_the_macros() -> None:
    from generator.print.sheet_base import box, label, page

    assert label("Sees", 10) == str(macros().label("Sees", 10)) == '#text(size: 1.00em, weight: 700)[#"Sees"]'
    assert box("Sees", height="30mm").startswith("rect(width: 100%, height: 30mm, ")
    a4 = PAPERS["A4"]
    assert page(a4) == f"#set page(width: {a4.width}mm, height: {a4.height}mm, margin: {a4.margin}mm)\n"
    assert page(a4, landscape=False, margin=18).startswith(f"#set page(width: {a4.height}mm, height: {a4.width}mm, ")


@pytest.fixture
def themed_kit(project: Project) -> Project:
    project.write(
        "mkdocs.yml", "docs_dir: content\ntheme:\n  name: material\n  custom_dir: overrides\nplugins:\n  - journeys\n"
    )
    (project.root / "overrides").mkdir()
    return project


@needs_poppler
def test_an_overridden_sheet_is_printed(themed_kit: Project) -> None:
    shipped = (TEMPLATES / "empathy-map.typ.j2").read_text(encoding="utf-8")
    themed_kit.write(
        "overrides/journeymap/print/empathy-map.typ.j2",
        shipped.replace('{{ jm.box(say("kit.pains")) }}', '{{ jm.box("Our own box: " ~ say("kit.pains")) }}'),
    )
    result = themed_kit.run("toolkit", "-o", "kit")
    assert result.exit_code == 0, result.output
    assert "Our own box: Pains" in _text(themed_kit.root / "kit" / "empathy-map.pdf")
    assert "Our own box" not in _text(themed_kit.root / "kit" / "stakeholder-map.pdf")


def test_an_overridden_sheet_that_fails_is_a_located_error(themed_kit: Project) -> None:
    themed_kit.write("overrides/journeymap/print/kpi-sheet.typ.j2", '{% extends "print/worksheet.typ.j2" %}\n')
    result = themed_kit.run("toolkit", "-o", "kit")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "overrides/journeymap/print/" in result.output
    assert "error[E603]: template 'print/kpi-sheet.typ.j2': 'title' is undefined" in result.output
    assert not (themed_kit.root / "kit").exists()
    themed_kit.write("overrides/journeymap/print/kpi-sheet.typ.j2", "{% if %}\n")
    check = themed_kit.run("check")
    assert check.exit_code == 1
    assert "overrides/journeymap/print/kpi-sheet.typ.j2:1:1: error[E603]" in check.output


def test_a_sheet_of_journeymap_s_own_is_unchanged_by_another_folder() -> None:
    """A theme folder without print templates prints journeymap's sheets."""
    say, paper = Labels("en"), PAPERS["A4"]
    assert empathy_map(Settings(theme_dir=Path("/nonexistent")), say, paper) == empathy_map(Settings(), say, paper)
