"""The workshop kit: every sheet, every paper size, Dutch, tiles, embedded fonts."""

from __future__ import annotations

import math
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


def _page_sizes(pdf: Path) -> set[tuple[float, float]]:
    """Every page's size in pt, either way up, as pdfinfo reports it."""
    pages = int(_pdfinfo(pdf)["Pages"])
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(pages), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = set()
    for line in out.splitlines():
        if line.startswith("Page") and "size:" in line:
            width, height = (float(v) for v in re.findall(r"[\d.]+", line.split("size:")[1])[:2])
            sizes.add((max(width, height), min(width, height)))
    return sizes


KIT_PAPERS = ("A4", "A3", "A1", "letter")


@pytest.fixture(scope="module")
def kits(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The kit of the example site (its personas) at every paper size the tests look at."""
    out = tmp_path_factory.mktemp("kits")
    for paper in KIT_PAPERS:
        result = Project(REPO).run("toolkit", "-o", str(out / paper), "--paper", paper, "-q")
        assert result.exit_code == 0, result.output
    return {paper: out / paper for paper in KIT_PAPERS}


@needs_poppler
@pytest.mark.parametrize("paper", KIT_PAPERS)
def test_every_sheet_at_every_paper_size(kits: dict[str, Path], paper: str) -> None:
    """Canvases on the chosen paper, worksheets, cards and texts on A4 (or letter); every
    font embedded, the italic face among them."""
    small = (792.0, 612.0) if paper == "letter" else (841.89, 595.28)
    fonts_seen = set()
    for pdf in sorted(kits[paper].glob("*.pdf")):
        big = pdf.name.startswith(("journey-canvas", "persona-", "empathy", "stakeholder", "prioritisation"))
        wanted = SIZES[paper] if big else small
        sizes = _page_sizes(pdf)
        assert len(sizes) == 1, (pdf.name, sizes)
        assert next(iter(sizes)) == pytest.approx(wanted, abs=0.05), (pdf.name, sizes)
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
        assert fonts[2:], pdf.name
        assert all(line.split()[-5] == "yes" for line in fonts[2:]), pdf.name
        fonts_seen |= {line.split()[0].split("+")[-1] for line in fonts[2:]}
    assert {"Inter-Regular-Identity-H", "Inter-Bold-Identity-H", "Inter-Italic-Identity-H"} <= fonts_seen


def _grey_pages(pdf: Path, dpi: int) -> list[tuple[int, int, bytes]]:
    """Every page of ``pdf`` as 8-bit grey pixels: (width, height, rows)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), str(pdf), f"{folder}/p"], check=True)
        pages = []
        for image in sorted(Path(folder).glob("p-*.pgm")):
            data = image.read_bytes()
            header = data.split(maxsplit=4)
            width, height = int(header[1]), int(header[2])
            pages.append((width, height, data[-width * height :]))
        return pages


@needs_poppler
@pytest.mark.parametrize("paper", KIT_PAPERS)
def test_nothing_is_printed_within_5_mm_of_any_edge(kits: dict[str, Path], paper: str) -> None:
    dpi = 30 if paper == "A1" else 50
    band = math.ceil(5 / 25.4 * dpi)  # 5 mm in pixels, rounded up
    for pdf in sorted(kits[paper].glob("*.pdf")):
        for number, (width, height, pixels) in enumerate(_grey_pages(pdf, dpi), start=1):
            for y in range(height):
                row = pixels[y * width : (y + 1) * width]
                edge = row if y < band or y >= height - band else row[:band] + row[width - band :]
                assert min(edge) > 250, f"{pdf.name} page {number}: ink within 5 mm of the edge at row {y}"


def _words(pdf: Path, page: int) -> list[tuple[str, float, float]]:
    """The words of one page with their left and top, in pt (pdftotext -bbox)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out)
    return [(word, float(x), float(y)) for x, y, word in found]


@needs_poppler
@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_poster_cells_take_a_sticky_note(kits: dict[str, Path], paper: str) -> None:
    """The distance between the ids of neighbouring cells, measured in the PDF, is at least
    80 mm both ways (a 76 mm note with room around it); lane labels are large type."""
    pdf = kits[paper] / "journey-canvas.pdf"
    widths, heights = [], []
    for page in range(2, int(_pdfinfo(pdf)["Pages"]) + 1):
        where = {word: (x, y) for word, x, y in _words(pdf, page)}
        for word, (x, y) in where.items():
            match = re.fullmatch(r"(\d)\.(\d)\.(pain|opportunity)", word)
            if not match:
                continue
            stage, step, lane = match.groups()
            right = where.get(f"{stage}.{int(step) + 1}.{lane}")
            if right:
                widths.append((right[0] - x) * 25.4 / 72)
            below = where.get(f"{stage}.{step}.opportunity") if lane == "pain" else None
            if below:
                heights.append((below[1] - y) * 25.4 / 72)
    assert widths
    assert heights
    assert min(widths) >= 80, min(widths)
    assert min(heights) >= 80, min(heights)
    text = _text(pdf)
    assert "Sheet R2C2: row 2 of" in text
    assert "cut along the print, lay over R1C2" in text
    assert "glue: R1C2 goes over the grey strip" in text


@needs_poppler
def test_the_poster_tiles_with_an_assembly_map(kits: dict[str, Path]) -> None:
    from generator.print.canvas_plan import blank_plan, lay_out
    from generator.print.tiles import plan_tiles

    layout = lay_out(blank_plan(Settings()))
    tiling = plan_tiles(layout.width, layout.height, PAPERS["A4"])
    pdf = kits["A4"] / "journey-canvas.pdf"
    assert int(_pdfinfo(pdf)["Pages"]) == tiling.count + 1
    first = subprocess.run(["pdftotext", "-l", "1", str(pdf), "-"], capture_output=True, text=True, check=True)
    words = " ".join(first.stdout.split())
    assert f"on {tiling.count} sheets of A4 ({tiling.columns} columns × {tiling.rows} rows)" in words
    assert "bar below must measure 100 mm" in words
    # Every window overlaps its neighbours by 15 to 40 mm, and together they cover the poster.
    assert 15 <= tiling.overlap_x <= 40
    assert 15 <= tiling.overlap_y <= 40
    assert tiling.step_x * (tiling.columns - 1) + tiling.area_w >= layout.width
    assert tiling.step_y * (tiling.rows - 1) + tiling.area_h >= layout.height


@needs_poppler
def test_one_sheet_overview_and_the_feeling_scale(kits: dict[str, Path]) -> None:
    pdf = kits["A3"] / "journey-canvas-overview.pdf"
    assert int(_pdfinfo(pdf)["Pages"]) == 1
    words = _words(pdf, 1)
    ids = {word for word, _, _ in words}
    assert {"1.stage", "1.goal", "1.1.step", "5.2.kpi", "3.1.moment-of-truth", "2.2.type", "4.1.feeling"} <= ids
    # The scale is printed at both ends of the feeling lane, on the same line.
    plus_two = sorted(x for word, x, _ in words if word == "+2")
    assert len(plus_two) == 2
    assert plus_two[1] - plus_two[0] > 600


@needs_poppler
def test_stages_and_steps_are_the_facilitators_choice(kit_project: Project) -> None:
    assert kit_project.run("toolkit", "-o", "kit", "--stages", "7", "--steps", "3", "-q").exit_code == 0
    words = {word for word, _, _ in _words(kit_project.root / "kit" / "journey-canvas-overview.pdf", 1)}
    assert "7.3.pain" in words
    assert "8.1.pain" not in words
    assert "7.4.pain" not in words
    transcript = (kit_project.root / "kit" / "transcript.csv").read_text(encoding="utf-8-sig")
    assert "\n7.3.pain," in transcript
    assert kit_project.run("toolkit", "-o", "kit", "--stages", "0").exit_code == 2


@needs_poppler
def test_dutch_kit(kit_project: Project) -> None:
    kit_project.run("toolkit", "-o", "kit", "--lang", "nl")
    expected = {
        "journey-canvas.pdf": ["Klantreiscanvas", "Pijnpunten", "Zichtbaarheidslijn", "1.1.pijn", "roze notes"],
        "empathy-map.pdf": ["Empathiekaart", "Denkt", "Voelt", "Winst"],
        "emotion-cards.pdf": ["zeer negatief", "neutraal"],
        "prioritisation-matrix.pdf": ["Snelle winst", "Inspanning voor ons"],
        "validation-checklist.pdf": ["Een klantreiskaart valideren"],
        "facilitation-guide.pdf": ["Handleiding voor de begeleider", "Programma"],
        "transcription-sheet.pdf": ["Het canvas uittypen", "2.2.pijn"],
    }
    for name, words in expected.items():
        text = _text(kit_project.root / "kit" / name)
        for word in words:
            assert word in text, (name, word)
    for pdf in (kit_project.root / "kit").glob("*.pdf"):
        assert set(re.findall(rb"/Lang\s*\(([^)]*)\)", pdf.read_bytes())) == {b"nl"}, pdf.name
    assert (kit_project.root / "kit" / "transcript.csv").read_bytes().startswith(b"\xef\xbb\xbfcel;tekst;gevoel;")


def test_everything_is_greyscale_and_user_text_is_literal() -> None:
    tricky = Persona(id="x", name='Ann "]#panic()[', quote="#set page(width: 1mm)", goals=("$x^2$", "<label>"))
    for language in ("en", "nl"):
        settings = Settings(language=language)
        sheets = kit_sheets(settings, [tricky], REPO / "toolkit", paper=PAPERS["A3"])
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
    fill in on the wall; a site that lists actors in 'lanes' gets them printed, measured
    data never (it comes from data files)."""
    kit_project.run("toolkit", "-o", "kit")
    canvas = _text(kit_project.root / "kit" / "journey-canvas.pdf")
    assert "Pain points" in canvas
    assert "Actors" not in canvas
    assert "Measured data" not in canvas
    kit_project.write(
        "mkdocs.yml", "docs_dir: content\nplugins:\n  - journeys:\n      lanes: [steps, actors, feeling, measured]\n"
    )
    assert kit_project.run("toolkit", "-o", "kit2").exit_code == 0
    canvas = _text(kit_project.root / "kit2" / "journey-canvas.pdf")
    assert "Actors" in canvas
    assert "1.1.actors" in canvas
    assert "Measured data" not in canvas


@needs_poppler
def test_one_page_sheets_stay_on_one_page(kits: dict[str, Path]) -> None:
    for paper, folder in kits.items():
        for pdf in sorted(folder.glob("*.pdf")):
            if pdf.name.startswith(("journey-canvas.", "facilitation-guide", "validation-checklist", "emotion")):
                continue
            assert _pdfinfo(pdf)["Pages"].strip() == "1", (paper, pdf.name)


@needs_poppler
def test_the_persona_story_is_reflowed_and_the_quote_set_off(kit_project: Project) -> None:
    kit_project.write(
        "content/personas/noor.md",
        "---\nname: Noor\nquote: Just tell me when\n---\nShe\nreads\nevery\nletter\ntwice.\n\nA second paragraph.\n",
    )
    assert kit_project.run("toolkit", "-o", "kit", "--paper", "A4").exit_code == 0
    pdf = kit_project.root / "kit" / "persona-noor.pdf"
    words = _words(pdf, 1)
    lines = {word: y for word, _, y in words}
    assert lines["She"] == lines["reads"] == lines["every"] == lines["letter"], "the file's line breaks are gone"
    assert lines["A"] > lines["She"], "paragraphs stay apart"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Inter-Italic" in fonts
    assert "\u201cJust tell me when\u201d" in _text(pdf)


@needs_poppler
def test_a_journey_printed_for_validation(kit_project: Project) -> None:
    journey = (REPO / "content/journeys/laptop-incident.md").read_text().replace("hybrid-employee", "tester")
    kit_project.journey("laptop", journey)
    result = kit_project.run("toolkit", "-o", "kit", "--journey", "content/journeys/laptop.md")
    assert result.exit_code == 0, result.output
    overview = _text(kit_project.root / "kit" / "validation-laptop-overview.pdf")
    for text in ("Getting a broken laptop fixed", "Calls the service desk", "1.1.step", "2.1.pain"):
        assert text in overview, text
    poster = kit_project.root / "kit" / "validation-laptop.pdf"
    assert int(_pdfinfo(poster)["Pages"]) > 2
    assert "Calls the service desk" in _text(poster)
    # A journey with errors prints nothing, and says where the errors are.
    kit_project.journey("broken", "---\ntitle: B\npersona: tester\n---\n## S\n### T\n- feeling: 9\n")
    bad = kit_project.run("toolkit", "-o", "kit-bad", "--journey", "content/journeys/broken.md")
    assert bad.exit_code == 1
    assert "broken.md:7:12: error[E402]" in bad.output
    assert not (kit_project.root / "kit-bad").exists()
    missing = kit_project.run("toolkit", "-o", "kit-bad", "--journey", "nope.md")
    assert missing.exit_code == 2


@needs_poppler
@pytest.mark.parametrize(
    ("options", "expected", "absent"),
    [
        ("      emotion_scale: [1, 5]\n", ["very negative", "neutral", "very positive"], ["+1", "\u2212"]),
        ("      emotion_scale: [-3, 3]\n", ["slightly negative", "+3", "\u22123"], []),
        (
            "      emotion_scale: [1, 3]\n      emotion_words: [Boos, Gaat wel, Blij]\n",
            ["Boos", "Gaat wel", "Blij"],
            ["neutral"],
        ),
    ],
)
def test_emotion_cards_follow_the_configured_scale(
    kit_project: Project, options: str, expected: list[str], absent: list[str]
) -> None:
    kit_project.write("mkdocs.yml", "docs_dir: content\nplugins:\n  - journeys:\n" + options)
    result = kit_project.run("toolkit", "-o", "kit")
    assert result.exit_code == 0, result.output
    text = _text(kit_project.root / "kit" / "emotion-cards.pdf")
    for word in expected:
        assert word in text, word
    for word in absent:
        assert word not in text, word


def test_emotion_words_must_match_the_scale(kit_project: Project) -> None:
    kit_project.write("mkdocs.yml", "docs_dir: content\nplugins:\n  - journeys:\n      emotion_words: [sad, happy]\n")
    result = kit_project.run("check")
    assert result.exit_code == 1
    assert "error[E601]: journeys option 'emotion_words': must give 5 words, one for each score from -2 to 2" in (
        result.output
    )


def test_the_faces_smile_above_the_middle_and_frown_below() -> None:
    from generator.config import Settings
    from generator.labels import Labels
    from generator.print.render_print import PAPERS
    from generator.print.worksheets import emotion_cards

    def bend(score: int, low: int, high: int) -> float:
        sheet = emotion_cards(Settings(emotion_scale=(low, high)), Labels("en"), PAPERS["A4"])
        found = re.findall(r"curve\.quad\(\(18mm, ([\d.-]+)mm\)", sheet.source)
        assert len(found) == high - low + 1  # a card per score, the highest first
        return float(found[high - score]) - 23

    assert bend(5, 1, 5) > 0 > bend(1, 1, 5)
    assert bend(3, 1, 5) == 0
    assert bend(2, -2, 2) > bend(1, -2, 2) > 0


@needs_poppler
@pytest.mark.parametrize(("language", "paper"), [("en", "A4"), ("nl", "letter")])
def test_no_agenda_row_splits_across_pages(kit_project: Project, language: str, paper: str) -> None:
    kit_project.write(
        "toolkit/guide.en.md" if language == "en" else "toolkit/guide.nl.md",
        "# Guide\n\n"
        + "Filler paragraph. " * 330
        + "\n\n| time | part | what happens |\n|---|---|---|\n"
        + "".join(f"| {h}:00 | Part {h} | " + "word " * 60 + f"end{h} |\n" for h in range(12)),
    )
    assert kit_project.run("toolkit", "-o", "kit", "--lang", language, "--paper", paper).exit_code == 0
    pdf = kit_project.root / "kit" / "facilitation-guide.pdf"
    pages = int(_pdfinfo(pdf)["Pages"])
    assert pages >= 2
    where: dict[str, int] = {}
    for page in range(1, pages + 1):
        for word, _, _ in _words(pdf, page):
            where.setdefault(word, page)
    for hour in range(12):
        assert where[f"{hour}:00"] == where[f"end{hour}"], f"row {hour} is split over two pages"


@pytest.mark.parametrize("language", ["en", "nl"])
def test_the_guide_uses_every_sheet_it_prints(language: str) -> None:
    """Every sheet the guide's print list names comes up again in the agenda or the
    instructions: nothing is printed for nothing."""
    guide = (KIT_SOURCES / f"guide.{language}.md").read_text(encoding="utf-8")
    table, rest = guide.split("## Wand" if language == "nl" else "## Wall", 1)
    rows = table.split("| hoeveel |" if language == "nl" else "| how many |")[1].splitlines()
    sheets = [row.split("|")[1].strip() for row in rows if row.startswith("| ") and not row.startswith("|---")]
    assert len(sheets) >= 10
    for sheet in sheets:
        name = re.sub(r"\s*\(.*", "", sheet).split(",")[0].strip().lower()
        if name.startswith(("journey canvas", "klantreiscanvas")):
            name = "poster"
        assert name in rest.lower(), name


def test_a_journey_too_long_for_any_wall_is_refused(kit_project: Project) -> None:
    steps = "".join(f"### Step {n}\n- feeling: 1\n" for n in range(97))
    kit_project.journey("long", f"---\ntitle: Long\npersona: tester\n---\n## All\n{steps}")
    result = kit_project.run("toolkit", "-o", "kit", "--journey", "content/journeys/long.md")
    assert result.exit_code == 2
    assert "long has 97 steps: a wall canvas holds at most 96" in result.output
    assert not (kit_project.root / "kit").exists()
