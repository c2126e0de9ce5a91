"""The workshop kit: printable canvases, worksheets, cards and the facilitation guide.

Every sheet is typst source built here (user text only ever as typst string literals),
compiled with the bundled fonts into a PDF, and into the SVGs behind it. Everything is
black, white and grey, so it photocopies well; margins suit office printers. File names
are stable whatever the language.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.cells import format_cell
from generator.config import Settings
from generator.labels import Labels
from generator.model import Persona
from generator.print.canvas import FIT, canvas_block, score_label
from generator.print.canvas_plan import CanvasPlan, blank_plan, fit_to, lay_out
from generator.print.render_print import PAPERS, Paper, typst_compile
from generator.print.tiles import tiled_source
from generator.print.transcript_kit import blank_transcript, transcription_sheet
from generator.print.typst_markup import markdown_to_typst, tstr

__all__ = ["KIT_FILES", "Sheet", "build_kit"]

KIT_FILES = (
    "journey-canvas.pdf",
    "journey-canvas-overview.pdf",
    "persona-canvas.pdf",
    "empathy-map.pdf",
    "stakeholder-map.pdf",
    "touchpoint-inventory.pdf",
    "emotion-cards.pdf",
    "prioritisation-matrix.pdf",
    "kpi-sheet.pdf",
    "validation-checklist.pdf",
    "transcription-sheet.pdf",
    "transcript.csv",
    "facilitation-guide.pdf",
)


@dataclass(frozen=True, slots=True)
class Sheet:
    """One file of the kit: its name and typst source."""

    name: str
    source: str


def _page(paper: Paper, *, landscape: bool = True, margin: float | None = None) -> str:
    width, height = (paper.width, paper.height) if landscape else (paper.height, paper.width)
    edge = paper.margin if margin is None else margin
    return f"#set page(width: {width}mm, height: {height}mm, margin: {edge}mm)\n"


def type_scale(paper: Paper) -> float:
    """How much larger a sheet's type is than on A4: 1 on A4 and letter, 1.4 on A3, 2.8 on A1 and up."""
    return min(max(min(paper.width, paper.height) / 210, 1.0), 2.8)


def _prelude(say: Labels, sheet_title: str, scale: float = 1.0) -> str:
    return (
        f'#set text(font: "Inter", size: {10 * scale:.1f}pt, lang: "{say.language}", fill: luma(20))\n'
        f'#show raw: set text(lang: "{say.language}")\n'  # code would be tagged English otherwise
        "#set par(justify: false)\n"
        f"#set document(title: {tstr(sheet_title)})\n"
    )


def _opening(say: Labels, paper: Paper, title: str, fields: tuple[str, ...] = (), *, landscape: bool = True) -> str:
    """What a one-page sheet starts with: its page, document settings and title line."""
    return _page(paper, landscape=landscape) + _prelude(say, title, type_scale(paper)) + _header(say, title, fields)


def _header(say: Labels, title: str, fields: tuple[str, ...] = ()) -> str:
    """The sheet's title and write-in fields (journey, date) in one line."""
    writein = "".join(
        f"#h(1fr)#text(size: 0.9em)[#{tstr(label)}: #box(width: 14em, stroke: (bottom: 0.5pt + luma(90)))[]]"
        for label in fields
    )
    return (
        f"#text(size: 1.6em, weight: 700)[#{tstr(title)}]{writein}\n"
        f"#v(-0.5em)#text(size: 0.7em, fill: luma(90))[#{tstr(say('kit.title'))}]\n#v(0.5em)\n"
    )


def _label(text: str, size: float = 9) -> str:
    """A bold label, ``size`` pt on A4 and as much larger as the sheet's type."""
    return f"#text(size: {size / 10:.2f}em, weight: 700)[#{tstr(text)}]"


def journey_canvas(say: Labels, paper: Paper, plan: CanvasPlan, name: str = "journey-canvas") -> Sheet:
    """The canvas as a wall poster of sticky-note cells, tiled over sheets of ``paper``."""
    layout = lay_out(plan)
    title = say("kit.journey-canvas") + (f": {plan.title}" if plan.title else "")
    return Sheet(name, tiled_source(canvas_block(layout, say), layout.width, layout.height, paper, say, title))


def overview_canvas(say: Labels, paper: Paper, plan: CanvasPlan, name: str = "journey-canvas-overview") -> Sheet:
    """The same canvas on one sheet of ``paper``, for pen work."""
    width, height = paper.width - 2 * paper.margin, paper.height - 2 * paper.margin
    layout = fit_to(plan, width, height)
    title = say("kit.journey-canvas") + (f": {plan.title}" if plan.title else "")
    block = canvas_block(layout, say)
    shrink = min(1.0, width / layout.width, height / layout.height)
    if shrink < 1:  # a journey with more text than the sheet holds even in small type
        block = f"scale(x: {shrink * 100:.3f}%, y: {shrink * 100:.3f}%, origin: top + left, reflow: true)[#{block}]"
    return Sheet(name, _page(paper) + _prelude(say, title) + "#" + block + "\n")


def _box(title: str, body: str = "", *, height: str = "1fr", right: bool = False) -> str:
    label = f"#align(right)[{_label(title)}]" if right else f"{_label(title)}#linebreak()"
    return f"rect(width: 100%, height: {height}, stroke: 0.6pt + luma(80), inset: 3mm)[{label}{body}]"


def _lines(values: tuple[str, ...]) -> str:
    return "".join(f"- #{tstr(value)}\n" for value in values)


def _fitted_box(title: str, body: str, largest: float) -> str:
    """A box of the persona canvas: its label, and ``body`` sized (at most ``largest`` pt)
    to fill the rest of it."""
    inner = f"#fit(largest: {largest:.1f}pt)[{body}]" if body else ""
    return (
        "rect(width: 100%, height: 100%, stroke: 0.6pt + luma(80), inset: 0.9em)"
        f"[#grid(rows: (auto, 1fr), row-gutter: 0.7em, [{_label(title, 10)}], [{inner}])]"
    )


def reflowed(text: str) -> str:
    """Prose as typst paragraphs: the lines of each paragraph joined, as Markdown reads them."""
    paragraphs = [" ".join(part.split()) for part in text.replace("\r", "").split("\n\n")]
    return "\n\n".join(f"#{tstr(p)}" for p in paragraphs if p)


def persona_canvas(settings: Settings, say: Labels, paper: Paper, persona: Persona | None = None) -> Sheet:
    """A blank persona canvas, or one filled in from ``persona``; every box fits its page."""
    p = persona
    name = f"#text(size: 1.4em, weight: 700)[#{tstr(p.name)}]" if p else ""
    quote = ""
    if p and p.quote:
        quote = (
            "#v(0.6em)#block(inset: (left: 2.5mm), stroke: (left: 1.4pt + luma(110)))"
            f'[#text(style: "italic")[#{tstr(chr(8220) + p.quote + chr(8221))}]]'
        )
    if p:
        facts = "".join(
            f"#strong[#{tstr(say('persona.' + key))}:] #{tstr(value)}#linebreak()"
            for key, value in (("role", p.role), ("age", p.age), ("location", p.location), ("segment", p.segment))
            if value
        )
    else:
        facts = "".join(
            f"#strong[#{tstr(say('persona.' + key))}:]#linebreak()#v(4mm)"
            for key in ("role", "age", "location", "segment")
        )

    def listed(key: str) -> str:
        return _lines(getattr(p, key)) if p else ""

    story = reflowed(p.narrative) if p and p.narrative else ""
    title = say("kit.persona-canvas") + (f": {p.name}" if p else "")
    largest = 10 * type_scale(paper)

    def box(label: str, body: str) -> str:
        return _fitted_box(label, body, largest)

    grid = (
        "#block(height: 1fr, width: 100%)[#grid(columns: (1fr, 1fr, 1fr), rows: (1fr, 1fr, 1fr), gutter: 3mm,\n"
        f"  {box(say('kit.name'), name + quote)},\n"
        f"  {_box(say('kit.photo'), height='100%')},\n"
        f"  {box(say('kit.profile'), facts)},\n"
        f"  {box(say('persona.goals'), listed('goals'))},\n"
        f"  {box(say('persona.needs'), listed('needs'))},\n"
        f"  {box(say('persona.frustrations'), listed('frustrations'))},\n"
        f"  {box(say('persona.behaviours'), listed('behaviours'))},\n"
        f"  {box(say('persona.channels'), listed('channels'))},\n"
        f"  {box(say('kit.story'), story)},\n)]"
    )
    source = _opening(say, paper, title) + FIT + grid + "\n"
    return Sheet(f"persona-{p.id}" if p else "persona-canvas", source)


def empathy_map(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    # The centre asks its two questions at the top of each half, leaving room to answer.
    radius = 30 * type_scale(paper)
    question = "#block(width: {w:.1f}mm)[#align(center)[{text}]]"
    centre = (
        f"#place(center + horizon)[#circle(radius: {radius:.1f}mm, fill: white, stroke: 0.8pt)]"
        f"#place(center + horizon, dy: -{radius * 0.72:.1f}mm)"
        f"[{question.format(w=radius * 1.3, text=_label(say('kit.who'), 7.5))}]"
        f"#place(center + horizon, dy: {radius * 0.05:.1f}mm)[#line(length: {radius * 1.9:.1f}mm, stroke: 0.4pt + luma(140))]"
        f"#place(center + horizon, dy: {radius * 0.22:.1f}mm)"
        f"[{question.format(w=radius * 1.5, text=_label(say('kit.goal'), 7.5))}]"
    )
    grid = (
        "#grid(columns: (1fr, 1fr), rows: (0.8fr, 1fr, 1fr, 0.8fr), gutter: 3mm,\n"
        f"  {_box(say('kit.sees'))}, {_box(say('kit.hears'), right=True)},\n"
        f"  {_box(say('kit.says'))}, {_box(say('kit.thinks'), right=True)},\n"
        f"  {_box(say('kit.does'))}, {_box(say('kit.feels'), right=True)},\n"
        f"  {_box(say('kit.pains'))}, {_box(say('kit.gains'), right=True)},\n)"
    )
    body = f"#block(height: 1fr, width: 100%)[{grid}{centre}]"
    source = _opening(say, paper, say("kit.empathy-map"), (say("persona"),)) + body + "\n"
    return Sheet("empathy-map", source)


def stakeholder_map(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    rings = ""
    for index, (key, radius) in enumerate(
        (("kit.ring-outside", 0.46), ("kit.ring-organisation", 0.32), ("kit.ring-close", 0.18))
    ):
        shade = 250 - index * 12
        rings += (
            f"#place(center + horizon)[#circle(radius: {radius} * h, fill: luma({shade}), stroke: 0.7pt + luma(70))]"
            f"#place(center + horizon, dy: -{radius} * h + 1.3em)[#text(size: {0.8 if index < 2 else 0.7}em, "
            f"weight: 700)[#{tstr(say(key))}]]"
        )
    rings += f"#place(center + horizon)[#circle(radius: 0.07 * h, fill: white, stroke: 1pt)[#align(center + horizon)[{_label(say('kit.customer'))}]]]"
    body = "#layout(size => { let h = size.height; block(width: 100%, height: 100%)[" + rings + "] })"
    bottom = f"#grid(columns: (1fr, 1fr), gutter: 3mm, {_box(say('kit.we-do'), height='30mm')}, {_box(say('kit.they-do'), height='30mm')})"
    source = (
        _opening(say, paper, say("kit.stakeholder-map"), (say("kit.journey"),))
        + f"#block(height: 1fr, width: 100%)[{body}]\n#v(3mm)\n{bottom}\n"
    )
    return Sheet("stakeholder-map", source)


def _worksheet(
    say: Labels, paper: Paper, title: str, headers: list[str], widths: str, rows: int, field: str, body: str = ""
) -> str:
    head = ", ".join(f"[{_label(h, 8.5)}]" for h in headers)
    cells = ", ".join(
        f"[{body}]" if body and (index % len(headers)) == len(headers) - 1 else "[]"
        for index in range(len(headers) * rows)
    )
    table = (
        f"#table(columns: {widths}, rows: (auto, ..({rows} * (1fr,))), inset: 2.5mm, stroke: 0.6pt + luma(80), "
        f"fill: (x, y) => if y == 0 {{ luma(230) }}, {head}, {cells})"
    )
    example = format_cell(2, 1, field, say.language)
    help_line = f"#v(1mm)#text(size: 7pt, fill: luma(70))[#{tstr(say('kit.sheet-help', example=example))}]\n"
    return (
        _opening(say, paper, title, (say("kit.journey"),), landscape=False)
        + f"#block(height: 1fr)[{table}]\n"
        + help_line
    )


def touchpoint_inventory(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    """One row per touchpoint: the cell id of its note on the canvas, and a box per type."""
    types = "#linebreak()".join(
        f"#box(width: 2.6mm, height: 2.6mm, stroke: 0.6pt, baseline: 15%) #text(size: 7pt)[#{tstr(say.touchpoint_type(t))}]"
        for t in settings.touchpoint_types
    )
    source = _worksheet(
        say,
        paper,
        say("kit.inventory"),
        [say("kit.cell-id"), say("kit.touchpoint"), say("kit.channel"), say("kit.owner"), say("kit.type")],
        "(22mm, 2fr, 1.2fr, 1.2fr, 1.5fr)",
        14,
        "touchpoint",
        types,
    )
    return Sheet("touchpoint-inventory", source)


def kpi_sheet(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    headers = [
        say("kit.cell-id"),
        say("kit.touchpoint"),
        say("kit.desired"),
        say("kit.measure"),
        say("kit.frequency"),
        say("kit.owner"),
    ]
    return Sheet(
        "kpi-sheet",
        _worksheet(say, paper, say("kit.kpi-sheet"), headers, "(20mm, 1.3fr, 1.5fr, 1.5fr, 0.9fr, 1fr)", 14, "kpi"),
    )


def _face(score: int, low: int, high: int) -> str:
    """A face drawn with shapes: the mouth curves up above the scale's middle, down below it."""
    middle = (low + high) / 2
    bend = (score - middle) / max(high - middle, 1) * 7
    return (
        "#box(width: 36mm, height: 36mm)[#place(center + horizon)[#circle(radius: 17mm, stroke: 1.4pt)]"
        "#place(top + left, dx: 11mm, dy: 12mm)[#circle(radius: 1.8mm, fill: black)]"
        "#place(top + left, dx: 21.4mm, dy: 12mm)[#circle(radius: 1.8mm, fill: black)]"
        f"#place(top + left)[#curve(stroke: 1.4pt, curve.move((10mm, 23mm)), curve.quad((18mm, {23 + bend:.1f}mm), (26mm, 23mm)))]]"
    )


def emotion_word(settings: Settings, say: Labels, score: int) -> str:
    """The word for ``score``: from the ``emotion_words`` option, else by where the score
    lies on the scale (very negative … neutral … very positive)."""
    low, high = settings.emotion_scale
    if settings.emotion_words:
        return settings.emotion_words[score - low]
    middle, half = (low + high) / 2, max((high - low) / 2, 0.5)
    place = (score - middle) / half
    strength = abs(place)
    side = "positive" if place > 0 else "negative"
    if strength < 1e-9:
        return say("kit.feel.neutral")
    if strength < 0.45:
        return say(f"kit.feel.slightly-{side}")
    return say(f"kit.feel.{'very-' if strength >= 0.9 else ''}{side}")


def emotion_cards(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    low, high = settings.emotion_scale
    cards = []
    for score in range(high, low - 1, -1):
        cards.append(
            'rect(width: 100%, height: 100%, stroke: (thickness: 0.6pt, dash: "dashed"), inset: 4mm)[#align(center + horizon)['
            f"#text(size: 34pt, weight: 700)[{score_label(score, low)}]"
            f"#v(2mm){_face(score, low, high)}#v(2mm)#text(size: 14pt)[#{tstr(emotion_word(settings, say, score))}]]]"
        )
    per_page = 6
    pages = []
    for start in range(0, len(cards), per_page):
        chunk = cards[start : start + per_page]
        chunk += ["[]"] * (per_page - len(chunk))
        grid = f"#grid(columns: (1fr, 1fr), rows: (1fr, 1fr, 1fr), gutter: 0mm, {', '.join(chunk)})"
        pages.append(f"#block(height: 1fr, width: 100%)[{grid}]")
    source = (
        _page(paper, landscape=False)
        + _prelude(say, say("kit.emotion-cards"))
        + f"#text(size: 8pt, fill: luma(80))[#{tstr(say('kit.emotion-cards'))} · #{tstr(say('kit.cut'))}]\n"
        + "\n#pagebreak()\n".join(pages)
        + "\n"
    )
    return Sheet("emotion-cards", source)


def prioritisation_matrix(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    def quadrant(key: str, shade: int) -> str:
        return f"rect(width: 100%, height: 100%, fill: luma({shade}), stroke: 0.7pt + luma(70), inset: 4mm)[{_label(say(key), 12)}]"

    grid = (
        "#grid(columns: (12mm, 1fr, 1fr), rows: (1fr, 1fr, 12mm), gutter: 0mm,\n"
        f"  [#align(center + horizon)[#rotate(-90deg, reflow: true)[{_label(say('kit.high'), 8)}]]], {quadrant('kit.quick-wins', 245)}, {quadrant('kit.big-bets', 232)},\n"
        f"  [#align(center + horizon)[#rotate(-90deg, reflow: true)[{_label(say('kit.low'), 8)}]]], {quadrant('kit.fill-ins', 252)}, {quadrant('kit.reconsider', 238)},\n"
        f"  [], [#align(center + horizon)[{_label(say('kit.low'), 8)}]], [#align(center + horizon)[{_label(say('kit.high'), 8)}]],\n)"
    )
    axes = (
        f"#place(left + horizon, dx: -3mm)[#rotate(-90deg, reflow: true)[{_label('↑ ' + say('kit.impact'), 9)}]]"
        f"#place(bottom + center, dy: 6mm)[{_label(say('kit.effort') + ' →', 9)}]"
    )
    body = f"#block(height: 1fr, width: 100%, inset: (left: 6mm, bottom: 8mm))[{grid}{axes}]"
    source = _opening(say, paper, say("kit.prioritisation"), (say("kit.journey"),)) + body + "\n"
    return Sheet("prioritisation-matrix", source)


def _document(say: Labels, paper: Paper, title: str, markdown: str, *, checklist: bool = False, body: str = "") -> str:
    marker = (
        "#set list(marker: box(width: 3.2mm, height: 3.2mm, stroke: 0.7pt, baseline: 0.4mm))\n" if checklist else ""
    )
    footer = f"#set page(footer: context align(right, text(size: 7pt, fill: luma(90))[#{tstr(title)} · #counter(page).display()]))\n"
    # The language is set before the footer, so every text of the PDF is tagged with it;
    # table rows never split over two pages (an agenda row stays whole).
    return (
        _prelude(say, title)
        + _page(paper, landscape=False, margin=18)
        + footer
        + "#set table.cell(breakable: false)\n"
        + "#set heading(numbering: none)\n#show heading.where(level: 1): set text(size: 18pt)\n"
        + marker
        + (body or markdown_to_typst(markdown))
        + "\n"
    )


KIT_SOURCES = Path(__file__).resolve().parent / "kit"
"""The kit's texts as journeymap ships them: the facilitation guide and the validation
checklist, in English and Dutch. A project's ``toolkit/`` folder overrides any of them."""


def kit_texts(toolkit_dir: Path | None) -> dict[str, str]:
    """File name → text of every kit source: journeymap's, each replaced by the project's
    file of the same name in ``toolkit_dir`` when there is one."""
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted(KIT_SOURCES.glob("*.md"))}
    if toolkit_dir is not None and toolkit_dir.is_dir():
        texts.update((path.name, path.read_text(encoding="utf-8")) for path in sorted(toolkit_dir.glob("*.md")))
    return texts


def _source_text(texts: dict[str, str], stem: str, language: str) -> str:
    return texts.get(f"{stem}.{language}.md") or texts[f"{stem}.en.md"]


def kit_sheets(
    settings: Settings,
    personas: list[Persona],
    toolkit_dir: Path | None,
    *,
    paper: Paper,
    stages: int = 5,
    steps: int = 2,
    journeys: tuple[CanvasPlan, ...] = (),
) -> list[Sheet]:
    """Every sheet of the kit for these settings, personas and paper (texts: ``kit_texts``):
    a blank canvas of ``stages`` × ``steps``, and a filled one for each of ``journeys``."""
    say = Labels(settings.language)
    texts = kit_texts(toolkit_dir)
    small = PAPERS["letter"] if paper.name in ("letter", "tabloid") else PAPERS["A4"]
    blank = blank_plan(settings, stages, steps)
    return [
        journey_canvas(say, paper, blank),
        overview_canvas(say, paper, blank),
        *(journey_canvas(say, paper, plan, f"validation-{plan.journey_id}") for plan in journeys),
        *(overview_canvas(say, paper, plan, f"validation-{plan.journey_id}-overview") for plan in journeys),
        persona_canvas(settings, say, paper),
        *(persona_canvas(settings, say, paper, persona) for persona in sorted(personas, key=lambda p: p.id)),
        empathy_map(settings, say, paper),
        stakeholder_map(settings, say, paper),
        touchpoint_inventory(settings, say, small),
        emotion_cards(settings, say, small),
        prioritisation_matrix(settings, say, paper),
        kpi_sheet(settings, say, small),
        Sheet(
            "validation-checklist",
            _document(say, small, say("kit.checklist"), _source_text(texts, "checklist", say.language), checklist=True),
        ),
        Sheet(
            "transcription-sheet",
            _document(
                say,
                small,
                say("kit.transcription"),
                "",
                body=transcription_sheet(say, _source_text(texts, "transcription", say.language), blank.rows),
            ),
        ),
        Sheet(
            "facilitation-guide",
            _document(say, small, say("kit.guide"), _source_text(texts, "guide", say.language)),
        ),
    ]


def build_kit(
    settings: Settings,
    personas: list[Persona],
    toolkit_dir: Path | None,
    *,
    paper: Paper,
    stages: int = 5,
    steps: int = 2,
    journeys: tuple[CanvasPlan, ...] = (),
    with_svg: bool = True,
) -> dict[str, bytes]:
    """File name → content for the whole kit: PDFs, and SVGs of their pages in ``svg/``."""
    out: dict[str, bytes] = {}
    sheets = kit_sheets(settings, personas, toolkit_dir, paper=paper, stages=stages, steps=steps, journeys=journeys)
    say = Labels(settings.language)
    out["transcript.csv"] = blank_transcript(blank_plan(settings, stages, steps), say.language)
    for sheet in sheets:
        out[f"{sheet.name}.pdf"] = typst_compile(sheet.source, {})
        if with_svg:
            for index, page in enumerate(typst_compile_svg(sheet.source), start=1):
                out[f"svg/{sheet.name}-{index}.svg"] = page
    return out


def typst_compile_svg(source: str) -> list[bytes]:
    """Every page of a typst document as SVG."""
    import tempfile

    import typst

    from generator.print.render_print import FONT_DIR

    with tempfile.TemporaryDirectory(prefix="journeymap-kit-") as folder:
        main = Path(folder) / "main.typ"
        main.write_text(source, encoding="utf-8")
        result = typst.compile(
            str(main), root=folder, font_paths=[str(FONT_DIR)], ignore_system_fonts=True, format="svg"
        )
    pages = result if isinstance(result, list) else [result]
    return [bytes(page) for page in pages]
