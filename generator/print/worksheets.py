"""The kit's worksheets: persona canvas, empathy map, stakeholder map, touchpoint
inventory, KPI sheet, emotion cards and prioritisation matrix. Everything is black,
white and grey, so it photocopies well; user text only ever as typst string literals."""

from __future__ import annotations

from generator.cells import format_cell
from generator.config import Settings
from generator.labels import Labels
from generator.model import Persona
from generator.print.canvas import FIT, score_label
from generator.print.render_print import Paper
from generator.print.sheet_base import Sheet, box, label, opening, page, prelude, type_scale
from generator.print.typst_markup import tstr

__all__ = [
    "emotion_cards",
    "emotion_word",
    "empathy_map",
    "kpi_sheet",
    "persona_canvas",
    "prioritisation_matrix",
    "reflowed",
    "stakeholder_map",
    "touchpoint_inventory",
]


def _lines(values: tuple[str, ...]) -> str:
    return "".join(f"- #{tstr(value)}\n" for value in values)


def _fitted_box(title: str, body: str, largest: float) -> str:
    """A box of the persona canvas: its label, and ``body`` sized (at most ``largest`` pt)
    to fill the rest of it."""
    inner = f"#fit(largest: {largest:.1f}pt)[{body}]" if body else ""
    return (
        "rect(width: 100%, height: 100%, stroke: 0.6pt + luma(80), inset: 0.9em)"
        f"[#grid(rows: (auto, 1fr), row-gutter: 0.7em, [{label(title, 10)}], [{inner}])]"
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
            "#v(0.6em)#block(inset: (left: 0.8em), stroke: (left: 1.4pt + luma(110)))"
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

    def fitted(title: str, body: str) -> str:
        return _fitted_box(title, body, largest)

    grid = (
        "#block(height: 1fr, width: 100%)[#grid(columns: (1fr, 1fr, 1fr), rows: (1fr, 1fr, 1fr), gutter: 3mm,\n"
        f"  {fitted(say('kit.name'), name + quote)},\n"
        f"  {box(say('kit.photo'), height='100%')},\n"
        f"  {fitted(say('kit.profile'), facts)},\n"
        f"  {fitted(say('persona.goals'), listed('goals'))},\n"
        f"  {fitted(say('persona.needs'), listed('needs'))},\n"
        f"  {fitted(say('persona.frustrations'), listed('frustrations'))},\n"
        f"  {fitted(say('persona.behaviours'), listed('behaviours'))},\n"
        f"  {fitted(say('persona.channels'), listed('channels'))},\n"
        f"  {fitted(say('kit.story'), story)},\n)]"
    )
    source = opening(say, paper, title) + FIT + grid + "\n"
    return Sheet(f"persona-{p.id}" if p else "persona-canvas", source)


def empathy_map(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    # The centre asks its two questions at the top of each half, leaving room to answer.
    radius = 30 * type_scale(paper)
    question = "#block(width: {w:.1f}mm)[#align(center)[{text}]]"
    centre = (
        f"#place(center + horizon)[#circle(radius: {radius:.1f}mm, fill: white, stroke: 0.8pt)]"
        f"#place(center + horizon, dy: -{radius * 0.72:.1f}mm)"
        f"[{question.format(w=radius * 1.3, text=label(say('kit.who'), 7.5))}]"
        f"#place(center + horizon, dy: {radius * 0.05:.1f}mm)[#line(length: {radius * 1.9:.1f}mm, stroke: 0.4pt + luma(140))]"
        f"#place(center + horizon, dy: {radius * 0.22:.1f}mm)"
        f"[{question.format(w=radius * 1.5, text=label(say('kit.goal'), 7.5))}]"
    )
    grid = (
        "#grid(columns: (1fr, 1fr), rows: (0.8fr, 1fr, 1fr, 0.8fr), gutter: 3mm,\n"
        f"  {box(say('kit.sees'))}, {box(say('kit.hears'), right=True)},\n"
        f"  {box(say('kit.says'))}, {box(say('kit.thinks'), right=True)},\n"
        f"  {box(say('kit.does'))}, {box(say('kit.feels'), right=True)},\n"
        f"  {box(say('kit.pains'))}, {box(say('kit.gains'), right=True)},\n)"
    )
    body = f"#block(height: 1fr, width: 100%)[{grid}{centre}]"
    source = opening(say, paper, say("kit.empathy-map"), (say("persona"),)) + body + "\n"
    return Sheet("empathy-map", source)


def stakeholder_map(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    rings = ""
    for index, (key, radius) in enumerate(
        (("kit.ring-outside", 0.46), ("kit.ring-organisation", 0.32), ("kit.ring-close", 0.18))
    ):
        shade = 250 - index * 12
        rings += (
            f"#place(center + horizon)[#circle(radius: {radius} * h, fill: luma({shade}), stroke: 0.7pt + luma(70))]"
            # in a box as wide as the ring is near its top, so a long label wraps inside the ring
            f"#place(center + horizon, dy: -{radius} * h + {1.3 if index < 2 else 2.1}em)"
            f"[#box(width: {radius * 1.05:.3f} * h)[#align(center)[#text(size: {0.8 if index < 2 else 0.7}em, "
            f"weight: 700)[#{tstr(say(key))}]]]]"
        )
    rings += f"#place(center + horizon)[#circle(radius: 0.07 * h, fill: white, stroke: 1pt)[#align(center + horizon)[{label(say('kit.customer'))}]]]"
    body = "#layout(size => { let h = size.height; block(width: 100%, height: 100%)[" + rings + "] })"
    tall = f"{30 * type_scale(paper):.0f}mm"
    bottom = f"#grid(columns: (1fr, 1fr), gutter: 3mm, {box(say('kit.we-do'), height=tall)}, {box(say('kit.they-do'), height=tall)})"
    source = (
        opening(say, paper, say("kit.stakeholder-map"), (say("kit.journey"),))
        + f"#block(height: 1fr, width: 100%)[{body}]\n#v(3mm)\n{bottom}\n"
    )
    return Sheet("stakeholder-map", source)


def _worksheet(
    say: Labels, paper: Paper, title: str, headers: list[str], widths: str, rows: int, field: str, body: str = ""
) -> str:
    head = ", ".join(f"[{label(h, 8.5)}]" for h in headers)
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
        opening(say, paper, title, (say("kit.journey"),), landscape=False)
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
        12,
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
        page(paper, landscape=False)
        + prelude(say, say("kit.emotion-cards"))
        + f"#text(size: 8pt, fill: luma(80))[#{tstr(say('kit.emotion-cards'))} · #{tstr(say('kit.cut'))}]\n"
        + "\n#pagebreak()\n".join(pages)
        + "\n"
    )
    return Sheet("emotion-cards", source)


def prioritisation_matrix(settings: Settings, say: Labels, paper: Paper) -> Sheet:
    def quadrant(key: str, shade: int) -> str:
        return f"rect(width: 100%, height: 100%, fill: luma({shade}), stroke: 0.7pt + luma(70), inset: 4mm)[{label(say(key), 12)}]"

    grid = (
        "#grid(columns: (12mm, 1fr, 1fr), rows: (1fr, 1fr, 12mm), gutter: 0mm,\n"
        f"  [#align(center + horizon)[#rotate(-90deg, reflow: true)[{label(say('kit.high'), 8)}]]], {quadrant('kit.quick-wins', 245)}, {quadrant('kit.big-bets', 232)},\n"
        f"  [#align(center + horizon)[#rotate(-90deg, reflow: true)[{label(say('kit.low'), 8)}]]], {quadrant('kit.fill-ins', 252)}, {quadrant('kit.reconsider', 238)},\n"
        f"  [], [#align(center + horizon)[{label(say('kit.low'), 8)}]], [#align(center + horizon)[{label(say('kit.high'), 8)}]],\n)"
    )
    axes = (
        f"#place(left + horizon, dx: -3mm)[#rotate(-90deg, reflow: true)[{label('↑ ' + say('kit.impact'), 9)}]]"
        f"#place(bottom + center, dy: 6mm)[{label(say('kit.effort') + ' →', 9)}]"
    )
    body = f"#block(height: 1fr, width: 100%, inset: (left: 6mm, bottom: 8mm))[{grid}{axes}]"
    source = opening(say, paper, say("kit.prioritisation"), (say("kit.journey"),)) + body + "\n"
    return Sheet("prioritisation-matrix", source)
