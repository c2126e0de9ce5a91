"""The workshop kit: every sheet, every paper size, Dutch, tiles, embedded fonts."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from generator.config import Settings
from generator.labels import Labels
from generator.model import Persona
from generator.print.render_print import PAPERS
from generator.print.toolkit import KIT_FILES, KIT_SOURCES, kit_sheets
from tests.conftest import REPO, Project
from tests.test_render_cli import SIZES, _pdfinfo, needs_poppler


@pytest.fixture
def kit_project(project: Project) -> Project:
    """A project with no kit sources of its own: the kit comes with journeymap."""
    project.write("mkdocs.yml", "docs_dir: content\nplugins:\n  - journeys\n")
    return project


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_kit_files(kit_project: Project) -> None:
    result = kit_project.run("toolkit", "-o", "kit")
    assert result.exit_code == 0, result.output
    names = {p.name for p in (kit_project.root / "kit").iterdir()}
    assert set(KIT_FILES) | {"persona-tester.pdf", "svg"} == names
    svgs = sorted(p.name for p in (kit_project.root / "kit" / "svg").iterdir())
    assert "journey-canvas-1.svg" in svgs
    assert "facilitation-guide-2.svg" in svgs


def test_file_names_do_not_change_with_the_language(kit_project: Project) -> None:
    kit_project.run("toolkit", "-o", "en")
    kit_project.run("toolkit", "-o", "nl", "--lang", "nl")
    english = sorted(p.name for p in (kit_project.root / "en").rglob("*"))
    dutch = sorted(p.name for p in (kit_project.root / "nl").rglob("*"))
    assert english == dutch


@needs_poppler
@pytest.mark.parametrize("paper", sorted(SIZES))
def test_canvas_paper_sizes(kit_project: Project, paper: str) -> None:
    assert kit_project.run("toolkit", "-o", "kit", "--paper", paper).exit_code == 0
    for name in (
        "journey-canvas.pdf",
        "persona-canvas.pdf",
        "empathy-map.pdf",
        "stakeholder-map.pdf",
        "prioritisation-matrix.pdf",
    ):
        info = _pdfinfo(kit_project.root / "kit" / name)
        width, height = (float(v) for v in re.findall(r"[\d.]+", info["Page size"])[:2])
        assert (width, height) == pytest.approx(SIZES[paper], abs=0.05), name
    small = (612.0, 792.0) if paper in ("letter", "tabloid") else (595.28, 841.89)
    for name in ("touchpoint-inventory.pdf", "kpi-sheet.pdf", "emotion-cards.pdf", "facilitation-guide.pdf"):
        info = _pdfinfo(kit_project.root / "kit" / name)
        width, height = (float(v) for v in re.findall(r"[\d.]+", info["Page size"])[:2])
        assert (width, height) == pytest.approx(small, abs=0.05), name


@needs_poppler
def test_fonts_embedded_and_cell_ids_printed(kit_project: Project) -> None:
    kit_project.run("toolkit", "-o", "kit")
    for pdf in sorted((kit_project.root / "kit").glob("*.pdf")):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[
            2:
        ]
        assert fonts, pdf.name
        assert all(line.split()[-5] == "yes" for line in fonts), pdf.name
    canvas = _text(kit_project.root / "kit" / "journey-canvas.pdf")
    for cell in ("c01/pain", "c10/kpi", "c05/feeling"):
        assert cell in canvas


@needs_poppler
def test_dutch_kit(kit_project: Project) -> None:
    kit_project.run("toolkit", "-o", "kit", "--lang", "nl")
    expected = {
        "journey-canvas.pdf": ["Klantreiscanvas", "Pijnpunten", "Zichtbaarheidslijn"],
        "empathy-map.pdf": ["Empathiekaart", "Denkt", "Voelt", "Winst"],
        "emotion-cards.pdf": ["zeer negatief", "neutraal"],
        "prioritisation-matrix.pdf": ["Snelle winst", "Inspanning voor ons"],
        "validation-checklist.pdf": ["Een klantreiskaart valideren"],
        "facilitation-guide.pdf": ["Handleiding voor de begeleider", "Programma"],
    }
    for name, words in expected.items():
        text = _text(kit_project.root / "kit" / name)
        for word in words:
            assert word in text, (name, word)


@needs_poppler
def test_tiled_poster(kit_project: Project) -> None:
    assert kit_project.run("toolkit", "-o", "kit", "--paper", "A1", "--tile", "A4").exit_code == 0
    pdf = kit_project.root / "kit" / "journey-canvas-tiled-A4.pdf"
    info = _pdfinfo(pdf)
    # A1 less 15 mm margins is 811 x 564 mm; landscape A4 tiles with 10 mm overlap
    # cover 267 x 180 mm each: 3 columns x 4 rows.
    assert int(info["Pages"]) == 12
    assert "A4" in info["Page size"]
    text = _text(pdf)
    assert "Sheet 1-1 of 4×3" in text
    assert "Sheet 4-3 of 4×3" in text


def test_everything_is_greyscale_and_user_text_is_literal() -> None:
    tricky = Persona(id="x", name='Ann "]#panic()[', quote="#set page(width: 1mm)", goals=("$x^2$", "<label>"))
    for language in ("en", "nl"):
        settings = Settings(language=language)
        sheets = kit_sheets(settings, [tricky], REPO / "toolkit", paper=PAPERS["A3"], tile=PAPERS["A4"])
        for sheet in sheets:
            assert "rgb(" not in sheet.source
            assert "cmyk(" not in sheet.source
    persona = next(
        s for s in kit_sheets(Settings(), [tricky], REPO / "toolkit", paper=PAPERS["A3"]) if s.name == "persona-x"
    )
    assert '#"Ann \\"]#panic()["' in persona.source
    assert Labels("en")("kit.title") in persona.source


@needs_poppler
def test_persona_text_prints_literally(kit_project: Project) -> None:
    kit_project.write("content/personas/tricky.md", '---\nname: Ann "]#panic()[\nquote: "#set page(width: 1mm)"\n---\n')
    assert kit_project.run("toolkit", "-o", "kit").exit_code == 0
    text = _text(kit_project.root / "kit" / "persona-tricky.pdf")
    assert 'Ann "]#panic()[' in text
    assert "#set page(width: 1mm)" in text


@needs_poppler
def test_a_project_file_overrides_one_kit_text(kit_project: Project) -> None:
    kit_project.write("toolkit/guide.en.md", "# Our own guide\n\nWe start at nine with coffee.\n")
    assert kit_project.run("toolkit", "-o", "kit").exit_code == 0
    assert "We start at nine with coffee." in _text(kit_project.root / "kit" / "facilitation-guide.pdf")
    checklist = _text(kit_project.root / "kit" / "validation-checklist.pdf")  # not overridden: journeymap's
    shipped = (KIT_SOURCES / "checklist.en.md").read_text(encoding="utf-8")
    first_item = next(line for line in shipped.splitlines() if line.startswith("- "))[2:]
    assert " ".join(first_item.split()[:4]) in " ".join(checklist.split())


def test_the_blank_canvas_keeps_to_the_workshop_rows(kit_project: Project) -> None:
    """Actors (from Mermaid) and measured data (from content/data/) are not rows people
    fill in on the wall; a site that lists them in 'lanes' gets them printed."""
    kit_project.run("toolkit", "-o", "kit")
    canvas = _text(kit_project.root / "kit" / "journey-canvas.pdf")
    assert "Pain points" in canvas
    assert "Actors" not in canvas
    assert "Measured data" not in canvas
    kit_project.write(
        "mkdocs.yml", "docs_dir: content\nplugins:\n  - journeys:\n      lanes: [steps, actors, feeling, measured]\n"
    )
    kit_project.run("toolkit", "-o", "kit2")
    canvas = _text(kit_project.root / "kit2" / "journey-canvas.pdf")
    assert "Actors" in canvas
    assert "Measured data" in canvas
