"""``journeymap render``: SVG, PDF and PNG files as a user gets them, checked with poppler."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.build import write_atomically
from tests.conftest import FIXTURES, Project

POPPLER = shutil.which("pdfinfo") and shutil.which("pdffonts") and shutil.which("pdftotext")
needs_poppler = pytest.mark.skipif(
    not POPPLER and os.environ.get("CI") != "true",
    reason="poppler-utils not installed (apt-get install poppler-utils); mandatory under CI=true",
)
# Landscape sheet sizes in pt, as pdfinfo prints them (to 0.01 pt).
SIZES = {
    "A4": (841.89, 595.28),
    "A3": (1190.55, 841.89),
    "A2": (1683.78, 1190.55),
    "A1": (2383.94, 1683.78),
    "A0": (3370.39, 2383.94),
    "letter": (792.0, 612.0),
    "tabloid": (1224.0, 792.0),
}


@pytest.fixture
def maps(project: Project) -> Project:
    shutil.copytree(FIXTURES / "maps" / "journeys", project.root / "content" / "journeys", dirs_exist_ok=True)
    shutil.copy(FIXTURES / "maps" / "personas" / "walker.md", project.root / "content" / "personas")
    return project


def _pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in out.splitlines() if ":" in line)


def test_render_svg_folder(maps: Project) -> None:
    result = maps.run("render", "content/journeys", "-o", "out", "--today", "2026-10-01")
    assert result.exit_code == 0, result.output
    assert "rendered 3 maps to out" in result.output
    for name in ("minimal", "full", "edge"):
        root = ET.parse(maps.root / "out" / f"{name}.svg").getroot()
        assert root.get("role") == "img"


def test_render_uses_the_persona_name(maps: Project) -> None:
    maps.run("render", "content/journeys/minimal.md", "-o", "m.svg")
    assert "Persona: Wim, the walker" in (maps.root / "m.svg").read_text()


@needs_poppler
@pytest.mark.parametrize("paper", sorted(SIZES))
def test_pdf_paper_sizes_and_fonts(maps: Project, paper: str) -> None:
    result = maps.run("render", "content/journeys/full.md", "-o", f"full-{paper}.pdf", "--paper", paper)
    assert result.exit_code == 0, result.output
    pdf = maps.root / f"full-{paper}.pdf"
    info = _pdfinfo(pdf)
    width, height = (float(v) for v in re.findall(r"[\d.]+", info["Page size"])[:2])
    assert (width, height) == pytest.approx(SIZES[paper], abs=0.05)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts, "text is real text, in fonts"
    for line in fonts:
        assert "Inter" in line
        assert line.split()[-5] == "yes", f"font not embedded: {line}"


@needs_poppler
def test_wide_journey_prints_over_pages_in_order(project: Project) -> None:
    from bench.synthetic import journey_text

    project.journey("wide", journey_text(24))
    result = project.run("render", "content/journeys/wide.md", "-o", "wide.pdf", "--paper", "A4")
    assert result.exit_code == 0, result.output
    pdf = project.root / "wide.pdf"
    pages = int(_pdfinfo(pdf)["Pages"])
    assert pages >= 3
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    sheets = text.split("\f")[:pages]
    for index, sheet in enumerate(sheets, start=1):
        assert f"page {index} of {pages}" in sheet
        assert "Customer steps" in sheet, "lane labels repeat on every page"
        assert "Pain points" in sheet
    steps = re.findall(r"Step (\d+) ", text)
    order = [int(n) for n in steps]
    assert sorted(set(order)) == list(range(1, 25))
    assert order == sorted(order), "steps appear in order across pages"


@needs_poppler
def test_dutch_pdf(maps: Project) -> None:
    maps.run("render", "content/journeys/full.md", "-o", "nl.pdf", "--lang", "nl")
    text = subprocess.run(
        ["pdftotext", str(maps.root / "nl.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    for word in ("Klantstappen", "Pijnpunten", "Zichtbaarheidslijn", "Moment van de waarheid"):
        assert word in text


def test_png_output(maps: Project) -> None:
    result = maps.run("render", "content/journeys/minimal.md", "-o", "m.png")
    assert result.exit_code == 0, result.output
    data = (maps.root / "m.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(data[16:20], "big")
    assert width > 600  # 2 device pixels per CSS pixel


def test_pdf_is_reproducible(maps: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    maps.run("render", "content/journeys/full.md", "-o", "a.pdf")
    maps.run("render", "content/journeys/full.md", "-o", "b.pdf")
    assert (maps.root / "a.pdf").read_bytes() == (maps.root / "b.pdf").read_bytes()
    assert b"D:19700101000000" in (maps.root / "a.pdf").read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    maps.run("render", "content/journeys/full.md", "-o", "c.pdf")
    assert b"D:20260101000000" in (maps.root / "c.pdf").read_bytes()


def test_errors_stop_rendering_and_keep_old_output(maps: Project) -> None:
    old = maps.write("out/minimal.svg", "previous map")
    maps.journey("broken", "---\ntitle: x\npersona: walker\n---\n## S\n### T\n- feeling: nine\n")
    result = maps.run("render", "content/journeys", "-o", "out")
    assert result.exit_code == 1
    assert "content/journeys/broken.md:7:12: error[E401]" in result.output
    assert "rendered nothing: 1 errors" in result.output
    assert old.read_text() == "previous map"
    assert sorted(p.name for p in (maps.root / "out").iterdir()) == ["minimal.svg"]


def test_several_journeys_need_a_folder(maps: Project) -> None:
    result = maps.run("render", "content/journeys", "-o", "all.pdf")
    assert result.exit_code == 2
    assert "3 journeys cannot go into one file" in result.output


def test_format_and_suffix_must_agree(maps: Project) -> None:
    result = maps.run("render", "content/journeys/minimal.md", "-o", "m.svg", "--format", "pdf")
    assert result.exit_code == 2


def test_write_atomically_leaves_no_temporary_files(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "map.svg"
    write_atomically(target, b"one")
    write_atomically(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["map.svg"]
