"""Content from a pull request: links out of the folder, devices, FIFOs, huge files.

Nothing outside the content folder is read or published, by ``check`` or by either
engine, and each such entry is a located error.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.read.content_safety import MAX_FILE_BYTES
from tests.conftest import JOURNEY, Project
from tests.test_site_build import SITE_CONFIG

SECRET = "root-secret-" + "x" * 8


@pytest.fixture
def hostile(project: Project, tmp_path: Path) -> Project:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "shadow").write_text(f"{SECRET}\n", encoding="utf-8")
    (outside / "page.md").write_text(f"# Leaked\n\n{SECRET}\n", encoding="utf-8")
    project.write("mkdocs.yml", SITE_CONFIG)
    project.write("content/index.md", "# Home\n\n<!-- journeymap:cards -->\n")
    project.journey("good", JOURNEY)
    content = project.root / "content"
    (content / "env.txt").symlink_to(outside / "shadow")
    (content / "about.md").symlink_to(outside / "page.md")
    (content / "journeys" / "stolen.md").symlink_to(outside / "page.md")
    (content / "everything").symlink_to(outside, target_is_directory=True)
    (content / "journeys" / "again.md").symlink_to(content / "journeys" / "good.md")
    (content / "loop.md").symlink_to(content / "loop.md")
    (content / "journeys" / "zero.md").symlink_to("/dev/zero")
    os.mkfifo(content / "pipe.md")
    return project


EXPECTED = [
    "content/about.md:1:1: error[E102]: 'about.md' is a link to a file outside the content folder",
    "content/env.txt:1:1: error[E102]: 'env.txt' is a link to a file outside the content folder",
    "content/everything:1:1: error[E102]: 'everything' is a link to a folder outside the content folder",
    "content/journeys/again.md:1:1: error[E313]: this journey is a link to content/journeys/good.md",
    "content/journeys/stolen.md:1:1: error[E102]: 'stolen.md' is a link to a file outside the content folder",
    "content/loop.md:1:1: error[E102]: 'loop.md' is a link that points nowhere or loops",
    "content/journeys/zero.md:1:1: error[E102]: 'zero.md' is a link to a file outside the content folder",
    "content/pipe.md:1:1: error[E102]: 'pipe.md' is a FIFO, not a regular file",
]


HOSTILE_ENTRY_CASES = len(EXPECTED) + 3
"""Entries of content/ tried here: those of EXPECTED, a file over the size limit, and a
file and a page whose names are not UTF-8 (the Reliability page states this number)."""

CODES_COVERED = {line.split("error[", 1)[1][:4] for line in EXPECTED} | {"E103", "E104", "E705"}
"""The error codes these tests produce from real links, FIFOs and files (no fixture file can hold them)."""


def test_check_reports_every_entry_and_reads_none(hostile: Project) -> None:
    result = hostile.run("check", "--strict")
    assert result.exit_code == 1
    for line in EXPECTED:
        assert line in result.output
    assert SECRET not in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_builds_fail_strict_and_never_publish_the_targets(hostile: Project, engine: str) -> None:
    strict = hostile.run("build", "--engine", engine, "--strict", "-d", "out")
    assert strict.exit_code == 1
    assert "error[E102]" in strict.output
    assert not (hostile.root / "out").exists()
    lenient = hostile.run("build", "--engine", engine, "-d", "out")
    assert lenient.exit_code == 0, lenient.output
    site = hostile.root / "out"
    for path in site.rglob("*"):
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path  # pages, search index, copies
    assert not (site / "env.txt").exists()
    assert not (site / "about").exists()
    assert not (site / "everything").exists()
    assert (site / "journeys" / "good" / "index.html").is_file()
    again = (site / "journeys" / "again" / "index.html").read_text(encoding="utf-8")
    assert "error[E313]" in again  # the link gets an error page, not a second copy


@pytest.mark.slow
def test_check_neither_hangs_on_a_fifo_nor_reads_dev_zero(hostile: Project) -> None:
    """In a process of its own, with a time limit and 1 GB of address space: reading
    the FIFO would hang, reading /dev/zero would grow without end."""
    import resource
    import subprocess
    import sys

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1_000_000_000, 1_000_000_000))

    exe = os.path.join(os.path.dirname(sys.executable), "journeymap")
    done = subprocess.run(
        [exe, "check"], cwd=hostile.root, capture_output=True, text=True, preexec_fn=cap, timeout=60, check=False
    )
    assert done.returncode == 1, done.stderr
    assert "'zero.md' is a link to a file outside the content folder" in done.stdout + done.stderr
    assert "'pipe.md' is a FIFO" in done.stdout + done.stderr


def test_a_file_over_the_limit_is_refused_unread(project: Project) -> None:
    big = project.root / "content" / "journeys" / "huge.md"
    with open(big, "wb") as out:
        out.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written, nothing is read
    result = project.run("check")
    assert result.exit_code == 1
    assert "content/journeys/huge.md:1:1: error[E103]: 'huge.md' is 16,777,217 bytes, over the 16 MB limit" in (
        result.output
    )


def _steps(count: int, heading: str = "### ") -> str:
    return "---\ntitle: Many\npersona: tester\n---\n\n## S\n\n" + "".join(
        f"{heading}Step {n}\n- feeling: 1\n\n" for n in range(count)
    )


@pytest.mark.parametrize("heading", ["### ", "###\t", "   ### "])
def test_the_step_limit_counts_every_heading_form(project: Project, heading: str) -> None:
    project.journey("many", _steps(2001, heading))
    result = project.run("check")
    assert result.exit_code == 1
    assert "error[E312]: the journey has more than 2000 steps" in result.output


def test_headings_inside_code_fences_are_not_steps() -> None:
    from generator.read.parse_journey import MAX_STEPS, parse_journey

    fenced = "```text\n" + "### not a step\n" * (MAX_STEPS + 5) + "```\n"
    source = _steps(3).replace("## S\n", "## S\n\n" + fenced.replace("```", "~~~~"), 1)
    journey, problems = parse_journey(source, "j.md", "j")
    assert [p.code for p in problems if p.code == "E312"] == []
    assert len(journey.steps) == 3


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_review_date_at_the_end_of_the_calendar_works(project: Project, engine: str) -> None:
    project.write("mkdocs.yml", SITE_CONFIG)
    project.journey("late", JOURNEY.replace("reviewed: 2026-09-01", "reviewed: 9999-12-31"))
    assert project.run("check").exit_code == 0
    result = project.run("build", "--engine", engine, "-d", "out", "--strict")
    assert result.exit_code == 0, result.output
    page = (project.root / "out" / "journeys" / "late" / "index.html").read_text(encoding="utf-8")
    assert "9999-12-31" in page


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_file_names_that_are_not_utf8_are_located_errors(project: Project, engine: str) -> None:
    project.write("mkdocs.yml", SITE_CONFIG)
    content = os.fsencode(project.root / "content")
    with open(content + b"/journeys/bad\xff.md", "wb") as out:
        out.write(JOURNEY.encode("utf-8"))
    with open(content + b"/notes\xfe.md", "wb") as out:
        out.write(b"# Notes\n")
    result = project.run("check")
    assert result.exit_code == 1
    assert (
        "content/journeys/bad\\xff.md:1:1: error[E104]: 'bad\\xff.md' is not a valid UTF-8 file name" in result.output
    )
    assert "content/notes\\xfe.md:1:1: error[E104]" in result.output
    built = project.run("build", "--engine", engine, "-d", "out")
    assert built.exit_code == 0, built.output
    assert "internal error" not in built.output
    assert project.run("build", "--engine", engine, "-d", "out", "--strict").exit_code == 1


def test_a_csv_cell_of_any_size_imports(project: Project) -> None:
    """A cell longer than the csv module's default limit (131,072 characters) is read, and
    the limit the rest of the process sees is left as it was."""
    import csv

    before = csv.field_size_limit()
    long_text = "word " * 40_000
    transcript = project.write("big.csv", f"stage,step,lane,text\nS,T,doing,short\nS,T,thinking,{long_text}\n")
    result = project.run("import", "csv", str(transcript), "--title", "T", "--persona", "tester", "-o", "out.md")
    assert result.exit_code == 0, result.output[-500:]
    assert long_text.strip() in (project.root / "out.md").read_text()
    assert csv.field_size_limit() == before


def test_a_real_leading_apostrophe_survives_the_csv_round_trip() -> None:
    from generator.export.export import journey_to_csv
    from generator.export.import_csv import journey_from_csv
    from generator.read.parse_journey import parse_journey

    values = ["'=not a formula", "'quoted start", "=SUM(A1)", "''two", "plain"]
    source = JOURNEY.replace("- channel: Website", "\n".join(f"- doing: {v}" for v in values))
    journey, _ = parse_journey(source, "j.md", "j")
    assert journey.steps[0].values("doing") == tuple(values)
    back, _ = journey_from_csv(journey_to_csv(journey), "j.csv", "j")
    assert back is not None
    assert back.steps[0].values("doing") == tuple(values)


def test_a_bad_byte_in_a_file_with_old_mac_line_ends_is_located(project: Project) -> None:
    text = JOURNEY.replace("- channel: Website", "- channel: caf\xe9").encode("latin-1").replace(b"\n", b"\r")
    (project.root / "content" / "journeys" / "mac.md").write_bytes(text)
    result = project.run("check")
    assert "content/journeys/mac.md:9:15: error[E101]" in result.output


def test_a_site_folder_inside_the_content_folder_is_refused(project: Project) -> None:
    project.write("mkdocs.yml", SITE_CONFIG)
    for engine in ("mkdocs", "zensical"):
        result = project.run("build", "--engine", engine, "-d", "content/out")
        assert result.exit_code == 2
        assert "is inside the content folder" in result.output
        assert not (project.root / "content" / "out").exists()


def test_github_annotations_stay_one_line_per_problem_for_any_file_name(project: Project) -> None:
    name = "odd\nname,with::colons%.md"
    (project.root / "content" / "journeys" / name).write_text(JOURNEY.replace("1 fine", "nine"), encoding="utf-8")
    result = project.run("check", "--format", "github")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.startswith("::")]
    assert len(lines) == 1
    assert [line for line in result.output.splitlines() if not line.startswith(("::", "checked "))] == []
    assert "file=content/journeys/odd%0Aname%2Cwith%3A%3Acolons%25.md" in lines[0]


def test_render_of_a_folder_without_journeys_says_so(project: Project, tmp_path: Path) -> None:
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    result = project.run("render", str(empty), "-o", str(tmp_path / "maps"))
    assert result.exit_code == 1
    assert "no journey to render in" in result.output


def test_a_large_image_is_published_and_never_an_error(project: Project) -> None:
    project.write("mkdocs.yml", SITE_CONFIG)
    poster = project.root / "content" / "poster.pdf"
    with open(poster, "wb") as out:
        out.write(b"%PDF-1.7\n")
        out.truncate(MAX_FILE_BYTES + 1024)
    assert project.run("check", "--strict").exit_code == 0
    for engine in ("mkdocs", "zensical"):
        result = project.run("build", "--engine", engine, "-d", f"out-{engine}", "--strict")
        assert result.exit_code == 0, result.output
        assert (project.root / f"out-{engine}" / "poster.pdf").stat().st_size == MAX_FILE_BYTES + 1024


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_the_new_site_takes_the_old_ones_place_in_one_step(
    project: Project, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The site folder is exchanged with the staged one (renameat2): there is no moment
    without a complete site, so the two-rename fallback is never needed on Linux."""
    project.write("mkdocs.yml", SITE_CONFIG)
    assert project.run("build", "--engine", engine, "-d", "out").exit_code == 0
    first = (project.root / "out").stat().st_ino
    renamed: list[str] = []
    real_rename = Path.rename

    def watched(self: Path, target: str | os.PathLike[str]) -> Path:
        renamed.append(self.name)
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", watched)
    assert project.run("build", "--engine", engine, "-d", "out").exit_code == 0
    assert (project.root / "out").stat().st_ino != first  # a new folder in its place
    assert "out" not in renamed  # the live site was never renamed away
    assert (project.root / "out" / "index.html").is_file()
    assert sorted(p.name for p in project.root.iterdir() if p.name.startswith(".out")) == []


def test_the_png_of_the_largest_accepted_journey_stays_within_its_pixel_bound() -> None:
    from generator.draw.layout import layout_map
    from generator.draw.text import InterMetrics
    from generator.print.render_print import MAX_PNG_PIXELS, png_ratio
    from generator.read.parse_journey import MAX_STEPS, parse_journey

    journey, problems = parse_journey(_steps(MAX_STEPS), "j.md", "j")
    assert [p for p in problems if p.severity.name == "ERROR"] == []
    from generator.config import Settings

    layout = layout_map(journey, Settings(), InterMetrics())
    ratio = png_ratio(layout.width, layout.height, 2.0)
    assert ratio < 2.0
    assert layout.width * ratio * layout.height * ratio <= MAX_PNG_PIXELS
    assert png_ratio(800, 600, 2.0) == 2.0  # an ordinary map keeps its sharpness


@pytest.mark.slow
def test_rendering_the_png_of_a_2000_step_journey_fits_in_3_gb(project: Project) -> None:
    import resource
    import subprocess
    import sys

    source = project.journey("big", _steps(2000))
    exe = os.path.join(os.path.dirname(sys.executable), "journeymap")

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (3_000_000_000, 3_000_000_000))

    done = subprocess.run(
        [exe, "render", str(source), "-o", str(project.root / "big.png")],
        cwd=project.root,
        capture_output=True,
        text=True,
        preexec_fn=cap,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (project.root / "big.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
