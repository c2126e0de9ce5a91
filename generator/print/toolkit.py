"""The workshop kit: printable canvases, worksheets, cards and the facilitation guide.

Every sheet is typst source built here (user text only ever as typst string literals),
compiled with the bundled fonts into a PDF, and into the SVGs behind it. Everything is
black, white and grey, so it photocopies well; margins suit office printers. File names
are stable whatever the language.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

from generator.config import MAP_LANES, Settings
from generator.labels import Labels
from generator.model import Persona
from generator.print.render_print import PAPERS, Paper, typst_compile
from generator.print.typst_markup import markdown_to_typst, tstr

__all__ = ["KIT_FILES", "Sheet", "build_kit"]

KIT_FILES = (
    "journey-canvas.pdf",
    "persona-canvas.pdf",
    "empathy-map.pdf",
    "stakeholder-map.pdf",
    "touchpoint-inventory.pdf",
    "emotion-cards.pdf",
    "prioritisation-matrix.pdf",
    "kpi-sheet.pdf",
    "validation-checklist.pdf",
    "facilitation-guide.pdf",
)
STEP_COLUMNS = 10
STAGE_SPAN = 2
OVERLAP_MM = 10.0


@dataclass(frozen=True, slots=True)
class Sheet:
    """One file of the kit: its name and typst source."""

    name: str
    source: str


def _page(paper: Paper, *, landscape: bool = True, margin: float | None = None) -> str:
    width, height = (paper.width, paper.height) if landscape else (paper.height, paper.width)
    edge = paper.margin if margin is None else margin
    return f"#set page(width: {width}mm, height: {height}mm, margin: {edge}mm)\n"


def _prelude(say: Labels, sheet_title: str) -> str:
    return (
        f'#set text(font: "Inter", size: 10pt, lang: "{say.language}", fill: luma(20))\n'
        "#set par(justify: false)\n"
        f"#set document(title: {tstr(sheet_title)})\n"
    )


def _opening(say: Labels, paper: Paper, title: str, fields: tuple[str, ...] = (), *, landscape: bool = True) -> str:
    """What a one-page sheet starts with: its page, document settings and title line."""
    return _page(paper, landscape=landscape) + _prelude(say, title) + _header(say, title, fields)


def _header(say: Labels, title: str, fields: tuple[str, ...] = ()) -> str:
    """The sheet's title and write-in fields (journey, date) in one line."""
    writein = "".join(
        f"#h(1fr)#text(size: 9pt)[#{tstr(label)}: #box(width: 45mm, stroke: (bottom: 0.5pt + luma(90)))[]]"
        for label in fields
    )
    return (
        f"#text(size: 16pt, weight: 700)[#{tstr(title)}]{writein}\n"
        f"#v(-2mm)#text(size: 7pt, fill: luma(90))[#{tstr(say('kit.title'))}]\n#v(2mm)\n"
    )


def _label(text: str, size: float = 9) -> str:
    return f"#text(size: {size}pt, weight: 700)[#{tstr(text)}]"


def _cell_id(text: str) -> str:
    return f"#place(bottom + right, dx: 1mm, dy: 1mm)[#text(size: 5.5pt, fill: luma(110))[#{tstr(text)}]]"


def _canvas_body(settings: Settings, say: Labels, width: float, height: float) -> str:
    """The blank journey canvas as a block of ``width`` × ``height`` mm."""
    # The blank canvas keeps to the workshop's rows: actors come in from Mermaid diagrams and
    # measured data from content/data/; they are printed only when a site's 'lanes' asks.
    default = settings.lanes == MAP_LANES
    lanes = [lane for lane in settings.lanes if not (default and lane in ("actors", "measured"))]
    weights = {"steps": 1.3, "feeling": 1.6, "visibility": 0.25}
    header_mm = 24.0
    stage_mm = 12.0
    body = height - header_mm - stage_mm - 4
    total = sum(weights.get(lane, 1.0) for lane in lanes)
    rows = [f"{stage_mm}mm"] + [f"{body * weights.get(lane, 1.0) / total:.1f}mm" for lane in lanes]
    label_mm = 32.0
    cells = ["table.cell(stroke: none)[]"]
    stages = STEP_COLUMNS // STAGE_SPAN
    for number in range(1, stages + 1):
        cells.append(
            f"table.cell(colspan: {STAGE_SPAN}, fill: luma(235))[{_label(say('kit.stage'), 8)} #text(size: 8pt)[{number}]"
            f"{_cell_id(f's{number}')}]"
        )
    low, high = settings.emotion_scale
    for lane in lanes:
        if lane == "visibility":
            cells.append(f"table.cell(stroke: none)[#text(size: 6.5pt, weight: 700)[#{tstr(say('lane.visibility'))}]]")
            cells.append(
                f"table.cell(colspan: {STEP_COLUMNS}, stroke: none, inset: 0pt)"
                '[#align(horizon)[#line(length: 100%, stroke: (thickness: 1pt, dash: "dashed"))]]'
            )
            continue
        cells.append(f"[{_label(say('lane.' + lane), 8.5)}]")
        for column in range(1, STEP_COLUMNS + 1):
            ident = f"c{column:02}/{'feeling' if lane == 'feeling' else lane}"
            if lane == "feeling":
                ticks = "".join(
                    f'#place(top + left, dy: {(high - v) / (high - low) * 100:.1f}%)[#line(length: 100%, stroke: (thickness: 0.3pt, paint: luma(170), dash: "dotted"))]'
                    for v in range(high, low - 1, -1)
                )
                scale = "".join(
                    f"#place(top + left, dx: -1mm, dy: {(high - v) / (high - low) * 100:.1f}% - 1.2mm)[#text(size: 5pt, fill: luma(110))[{v:+d}]]"
                    if v
                    else "#place(top + left, dx: -1mm, dy: 50% - 1.2mm)[#text(size: 5pt, fill: luma(110))[0]]"
                    for v in range(high, low - 1, -1)
                )
                content = (scale if column == 1 else "") + ticks
                cells.append(f"[#box(width: 100%, height: 100%)[{content}]{_cell_id(ident)}]")
            else:
                cells.append(f"[{_cell_id(ident)}]")
    columns = f"({label_mm}mm, " + ", ".join(["1fr"] * STEP_COLUMNS) + ")"
    return (
        f"#block(width: {width}mm, height: {height}mm)[\n"
        f"{_header(say, say('kit.journey-canvas'), (say('kit.journey'), say('persona'), say('kit.date')))}"
        f"#box(width: 100%, height: 7mm, stroke: 0.5pt + luma(90), inset: 2mm)[#text(size: 8pt)[#{tstr(say('kit.expectations'))}:]]\n#v(2mm)\n"
        f"#table(columns: {columns}, rows: ({', '.join(rows)}), stroke: 0.6pt + luma(80), inset: 2mm,\n  "
        + ",\n  ".join(cells)
        + f")\n#v(1mm)#text(size: 6pt, fill: luma(90))[#{tstr(say('kit.cell-help'))}]\n]"
    )


def journey_canvas(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    width, height = paper.width - 2 * paper.margin, paper.height - 2 * paper.margin
    source = _page(paper) + _prelude(say, say("kit.journey-canvas")) + _canvas_body(settings, say, width, height)
    return Sheet("journey-canvas", source)


def tiled_canvas(settings: Settings, say: Labels, poster: Paper, tile: Paper) -> Sheet:
    """The poster cut into ``tile`` sheets with overlap, cut marks and assembly labels."""
    width, height = poster.width - 2 * poster.margin, poster.height - 2 * poster.margin
    best = None
    for landscape in (True, False):
        tw, th = (tile.width, tile.height) if landscape else (tile.height, tile.width)
        area_w, area_h = tw - 2 * tile.margin, th - 2 * tile.margin
        columns = max(1, math.ceil((width - OVERLAP_MM) / (area_w - OVERLAP_MM)))
        rows = max(1, math.ceil((height - OVERLAP_MM) / (area_h - OVERLAP_MM)))
        if best is None or columns * rows < best[0]:
            best = (columns * rows, columns, rows, tw, th, area_w, area_h)
    assert best is not None
    _, columns, rows, tw, th, area_w, area_h = best
    pages = []
    for row in range(rows):
        for column in range(columns):
            dx = column * (area_w - OVERLAP_MM)
            dy = row * (area_h - OVERLAP_MM)
            note = say("kit.tile", row=row + 1, column=column + 1, rows=rows, columns=columns)
            marks = (
                f"#place(top + left, dx: {OVERLAP_MM}mm, dy: -3mm)[#line(length: 3mm, angle: 90deg, stroke: 0.4pt)]"
                f"#place(top + left, dx: -3mm, dy: {OVERLAP_MM}mm)[#line(length: 3mm, stroke: 0.4pt)]"
            )
            pages.append(
                f"#box(width: {area_w}mm, height: {area_h}mm, clip: true)[#place(top + left, dx: -{dx:.1f}mm, dy: -{dy:.1f}mm)[#canvas]]"
                f"#place(top + left, dx: 0mm, dy: 0mm)[{marks}]"
                f"#place(bottom + left, dy: {tile.margin - 2}mm)[#text(size: 6.5pt, fill: luma(80))[#{tstr(note)}]]"
            )
    source = (
        f"#set page(width: {tw}mm, height: {th}mm, margin: {tile.margin}mm)\n"
        + _prelude(say, say("kit.journey-canvas"))
        + f"#let canvas = {_canvas_body(settings, say, width, height)[1:]}\n"
        + "\n#pagebreak()\n".join(pages)
        + "\n"
    )
    return Sheet(f"journey-canvas-tiled-{tile.name}", source)


def _box(title: str, body: str = "", *, height: str = "1fr", right: bool = False) -> str:
    label = f"#align(right)[{_label(title)}]" if right else f"{_label(title)}#linebreak()"
    return f"rect(width: 100%, height: {height}, stroke: 0.6pt + luma(80), inset: 3mm)[{label}{body}]"


def _lines(values: tuple[str, ...]) -> str:
    return "".join(f"- #{tstr(value)}\n" for value in values)


def persona_canvas(settings: Settings, say: Labels, paper: Paper, persona: Persona | None = None) -> Sheet:
    """A blank persona canvas, or one filled in from ``persona``."""
    p = persona
    name = f"#text(size: 14pt, weight: 700)[#{tstr(p.name)}]" if p else ""
    quote = f"#emph[#{tstr(p.quote)}]" if p and p.quote else ""
    facts = ""
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
        return f"#text(size: 9pt)[\n{_lines(getattr(p, key))}]" if p else ""

    story = f"#text(size: 8.5pt)[#{tstr(p.narrative)}]" if p and p.narrative else ""
    title = say("kit.persona-canvas") + (f": {p.name}" if p else "")
    grid = (
        "#grid(columns: (1fr, 1fr, 1fr), rows: (1fr, 1fr, 1fr), gutter: 3mm,\n"
        f"  {_box(say('kit.name'), name + '#v(2mm)' + quote)},\n"
        f"  {_box(say('kit.photo'))},\n"
        f"  {_box(say('kit.profile'), facts)},\n"
        f"  {_box(say('persona.goals'), listed('goals'))},\n"
        f"  {_box(say('persona.needs'), listed('needs'))},\n"
        f"  {_box(say('persona.frustrations'), listed('frustrations'))},\n"
        f"  {_box(say('persona.behaviours'), listed('behaviours'))},\n"
        f"  {_box(say('persona.channels'), listed('channels'))},\n"
        f"  {_box(say('kit.story'), story)},\n)"
    )
    source = _opening(say, paper, title) + grid + "\n"
    return Sheet(f"persona-{p.id}" if p else "persona-canvas", source)


def empathy_map(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    centre = (
        "#place(center + horizon)[#circle(radius: 21mm, fill: white, stroke: 0.8pt)[#align(center + horizon)"
        f"[{_label(say('kit.who'), 8)}#v(12mm){_label(say('kit.goal'), 8)}]]]"
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
            f"#place(center + horizon, dy: -{radius} * h + 7mm)[#text(size: 8pt, weight: 700)[#{tstr(say(key))}]]"
        )
    rings += f"#place(center + horizon)[#circle(radius: 0.07 * h, fill: white, stroke: 1pt)[#align(center + horizon)[{_label(say('kit.customer'))}]]]"
    body = "#layout(size => { let h = size.height; block(width: 100%, height: 100%)[" + rings + "] })"
    bottom = f"#grid(columns: (1fr, 1fr), gutter: 3mm, {_box(say('kit.we-do'), height='30mm')}, {_box(say('kit.they-do'), height='30mm')})"
    source = (
        _opening(say, paper, say("kit.stakeholder-map"), (say("kit.journey"),))
        + f"#block(height: 1fr, width: 100%)[{body}]\n#v(3mm)\n{bottom}\n"
    )
    return Sheet("stakeholder-map", source)


def _worksheet(say: Labels, paper: Paper, title: str, headers: list[str], widths: str, rows: int) -> str:
    head = ", ".join(f"[{_label(h, 8.5)}]" for h in headers)
    empty = ", ".join("[]" for _ in range(len(headers) * rows))
    table = f"#table(columns: {widths}, rows: (auto, ..({rows} * (1fr,))), inset: 2.5mm, stroke: 0.6pt + luma(80), fill: (x, y) => if y == 0 {{ luma(230) }}, {head}, {empty})"
    return _opening(say, paper, title, (say("kit.journey"),), landscape=False) + f"#block(height: 1fr)[{table}]\n"


def touchpoint_inventory(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    types = " ".join(
        f"#box(width: 2.6mm, height: 2.6mm, stroke: 0.6pt) #text(size: 7pt)[#{tstr(say.touchpoint_type(t))}]"
        for t in settings.touchpoint_types
    )
    source = _worksheet(
        say,
        paper,
        say("kit.inventory"),
        ["#", say("kit.touchpoint"), say("kit.channel"), say("kit.owner"), say("kit.type")],
        "(8mm, 2fr, 1.2fr, 1.2fr, 2.2fr)",
        16,
    )
    source += f"#v(1mm)#text(size: 7pt)[#{tstr(say('kit.type'))}: {types}]\n"
    return Sheet("touchpoint-inventory", source)


def kpi_sheet(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    headers = [say("kit.touchpoint"), say("kit.desired"), say("kit.measure"), say("kit.frequency"), say("kit.owner")]
    return Sheet(
        "kpi-sheet", _worksheet(say, paper, say("kit.kpi-sheet"), headers, "(1.4fr, 1.6fr, 1.6fr, 1fr, 1fr)", 14)
    )


def _face(score: int, low: int, high: int) -> str:
    """A face drawn with shapes: the mouth curves with the score."""
    middle = (low + high) / 2
    bend = (score - middle) / max(high - middle, 1) * 7
    return (
        "#box(width: 36mm, height: 36mm)[#place(center + horizon)[#circle(radius: 17mm, stroke: 1.4pt)]"
        "#place(top + left, dx: 11mm, dy: 12mm)[#circle(radius: 1.8mm, fill: black)]"
        "#place(top + left, dx: 21.4mm, dy: 12mm)[#circle(radius: 1.8mm, fill: black)]"
        f"#place(top + left)[#curve(stroke: 1.4pt, curve.move((10mm, 23mm)), curve.quad((18mm, {23 + bend:.1f}mm), (26mm, 23mm)))]]"
    )


def emotion_cards(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    low, high = settings.emotion_scale
    cards = []
    for score in range(high, low - 1, -1):
        key = f"kit.emotion.{score}"
        try:
            word = say(key)
        except KeyError:
            word = ""
        cards.append(
            'rect(width: 100%, height: 100%, stroke: (thickness: 0.6pt, dash: "dashed"), inset: 4mm)[#align(center + horizon)['
            f"#text(size: 34pt, weight: 700)[{score:+d}]".replace("+0", "0")
            + f"#v(2mm){_face(score, low, high)}#v(2mm)#text(size: 14pt)[#{tstr(word)}]]]"
        )
    per_page = 6
    pages = []
    for start in range(0, len(cards), per_page):
        chunk = cards[start : start + per_page]
        chunk += ["[]"] * (per_page - len(chunk))
        pages.append(f"#grid(columns: (1fr, 1fr), rows: (1fr, 1fr, 1fr), gutter: 0mm, {', '.join(chunk)})")
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


def _document(say: Labels, paper: Paper, title: str, markdown: str, *, checklist: bool = False) -> str:
    marker = (
        "#set list(marker: box(width: 3.2mm, height: 3.2mm, stroke: 0.7pt, baseline: 0.4mm))\n" if checklist else ""
    )
    footer = f"#set page(footer: context align(right, text(size: 7pt, fill: luma(90))[#{tstr(title)} · #counter(page).display()]))\n"
    return (
        _page(paper, landscape=False, margin=18)
        + footer
        + _prelude(say, title)
        + "#set heading(numbering: none)\n#show heading.where(level: 1): set text(size: 18pt)\n"
        + marker
        + markdown_to_typst(markdown)
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
    settings: Settings, personas: list[Persona], toolkit_dir: Path | None, *, paper: Paper, tile: Paper | None = None
) -> list[Sheet]:
    """Every sheet of the kit for these settings, personas and paper (texts: ``kit_texts``)."""
    say = Labels(settings.language)
    texts = kit_texts(toolkit_dir)
    small = PAPERS["letter"] if paper.name in ("letter", "tabloid") else PAPERS["A4"]
    sheets = [
        journey_canvas(settings, say, paper),
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
            "facilitation-guide",
            _document(say, small, say("kit.guide"), _source_text(texts, "guide", say.language)),
        ),
    ]
    if tile is not None:
        sheets.append(tiled_canvas(settings, say, paper, tile))
    return sheets


def build_kit(
    settings: Settings,
    personas: list[Persona],
    toolkit_dir: Path | None,
    *,
    paper: Paper,
    tile: Paper | None = None,
    with_svg: bool = True,
) -> dict[str, bytes]:
    """File name → content for the whole kit: PDFs, and SVGs of their pages in ``svg/``."""
    out: dict[str, bytes] = {}
    for sheet in kit_sheets(settings, personas, toolkit_dir, paper=paper, tile=tile):
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
