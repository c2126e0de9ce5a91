"""Several journeys' emotion curves on one chart, their stages aligned.

Used for a current journey against its redesign (``render --compare``) and for the
personas of one service (``render --overlay``). Each curve differs from the others by
colour, line pattern and marker shape, and the legend names it in words; every point
carries its step, journey and score as text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.config import Settings
from generator.draw.align import AlignedStage, align_stages, stage_mean
from generator.draw.layout import svg_number
from generator.draw.palette import SERIES, map_css
from generator.draw.text import TextMeasurer, wrap
from generator.labels import Labels
from generator.model import Journey

__all__ = ["Curves", "curves_layout", "render_curves_svg"]

DASHES = ("", "8 4", "2 3", "10 3 2 3", "4 4")
MARKERS = ("circle", "square", "triangle", "diamond", "cross")

_MARGIN = 24.0
_SCALE_WIDTH = 40.0
_STEP_WIDTH = 64.0
_MIN_COLUMN = 140.0
_PLOT_HEIGHT = 220.0
_TITLE_SIZE = 18.0
_SMALL = 11.0
_BODY = 12.0


def _r(value: float) -> float:
    return round(value, 1)


@dataclass(frozen=True, slots=True)
class Label:
    x: float
    y: float
    lines: tuple[str, ...]
    size: float
    bold: bool = False
    anchor: str = "start"
    muted: bool = False


@dataclass(frozen=True, slots=True)
class Point:
    x: float
    y: float
    text: str
    """What the point says: journey, step and score."""
    shape: str
    """The marker's outline, an SVG path."""


@dataclass(frozen=True, slots=True)
class Curve:
    index: int
    name: str
    """The curve's name in the legend."""
    points: tuple[Point, ...]
    dash: str
    marker: str
    colour: int

    @property
    def path(self) -> str:
        return "M" + "L".join(f"{svg_number(p.x)} {svg_number(p.y)}" for p in self.points)


@dataclass(frozen=True, slots=True)
class Column:
    x: float
    width: float
    label: Label
    shared: bool


@dataclass
class Curves:
    """The chart's geometry, every coordinate rounded to 0.1 px."""

    prefix: str
    title: str
    description: str
    language: str
    width: float = 0.0
    height: float = 0.0
    heading: list[Label] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    notes: list[Label] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)
    zero: float | None = None
    plot_top: float = 0.0
    band_top: float = 0.0
    band_height: float = 0.0
    plot_left: float = 0.0
    plot_right: float = 0.0
    curves: list[Curve] = field(default_factory=list)
    legend: list[tuple[Curve, Label, float]] = field(default_factory=list)
    """Each curve's legend entry: its label and the y of its sample line."""


def _label(text: str, x: float, top: float, width: float, size: float, measure: TextMeasurer, **style: object) -> Label:
    lines = tuple(wrap(text, width, size, measure, bool(style.get("bold", False))))
    return Label(_r(x), _r(top + size), lines, size, **style)  # type: ignore[arg-type]


def _height(label: Label) -> float:
    return (len(label.lines) - 1) * label.size * 1.3 + label.size * 1.3 if label.lines else 0.0


def curves_layout(
    journeys: Sequence[Journey],
    names: Sequence[str],
    settings: Settings,
    measure: TextMeasurer,
    *,
    short_names: Sequence[str] | None = None,
    title: str,
    subtitle: str = "",
    notes: Sequence[str] = (),
    prefix: str = "jm-curves",
) -> Curves:
    """Lay out one curve per journey, named ``names`` in the legend and ``short_names``
    (default: ``names``) where a stage or a point says whose it is; ``notes`` (one per
    aligned stage, or none) are printed under the stages, such as a redesign's gain."""
    short = list(short_names or names)
    say = Labels(settings.language)
    aligned = align_stages(journeys)
    low, high = settings.emotion_scale
    chart = Curves(prefix=prefix, title=title, description="", language=settings.language)
    y = _MARGIN
    widths = [max(_MIN_COLUMN, _STEP_WIDTH * max((len(s.steps) for s in a.stages if s), default=1)) for a in aligned]
    # Text wraps to the plot's width, and never narrower than a legend line needs.
    text_width = max(_SCALE_WIDTH + sum(widths), 480.0)
    heading = _label(title, _MARGIN, y, text_width, _TITLE_SIZE, measure, bold=True)
    chart.heading.append(heading)
    y += _height(heading) + 4
    if subtitle:
        sub = _label(subtitle, _MARGIN, y, text_width, _BODY, measure, muted=True)
        chart.heading.append(sub)
        y += _height(sub)
    y += 12
    left = _MARGIN + _SCALE_WIDTH
    chart.plot_left = left
    stage_labels = []
    x = left
    for column, width in zip(aligned, widths, strict=True):
        text = column.title
        if not column.shared:
            present = [short[i] for i, stage in enumerate(column.stages) if stage is not None]
            text = f"{text} ({say('compare.only-in')} {', '.join(present)})"
        stage_labels.append(_label(text, x + 6, y, width - 12, _SMALL, measure, bold=column.shared))
        x += width
    header = max((_height(label) for label in stage_labels), default=0.0) + 8
    chart.plot_right = x
    x = left
    for column, width, label in zip(aligned, widths, stage_labels, strict=True):
        chart.columns.append(Column(_r(x), _r(width), label, column.shared))
        x += width
    top = y + header
    chart.plot_top = _r(top)
    chart.band_top = _r(y - 6)
    chart.band_height = _r(top + _PLOT_HEIGHT + 6 - (y - 6))

    def y_of(score: float) -> float:
        return _r(top + (high - score) / (high - low) * _PLOT_HEIGHT)

    step = 1 if high - low <= 10 else max(1, (high - low) // 5)
    chart.ticks = [(y_of(v), f"{v:+d}" if v else "0") for v in range(low, high + 1, step)]
    chart.zero = y_of(0) if low < 0 < high else None
    for index, name in enumerate(names):
        chart.curves.append(_curve(index, name, short[index], aligned, widths, left, y_of))
    bottom = top + _PLOT_HEIGHT + 10
    if notes:
        x = left
        tallest = 0.0
        for note, width in zip(notes, widths, strict=True):
            if note:
                label = _label(note, x + width / 2, bottom, width - 12, _SMALL, measure, bold=True, anchor="middle")
                chart.notes.append(label)
                tallest = max(tallest, _height(label))
            x += width
        bottom += tallest + 6
    legend_y = bottom + 8
    text_left = _MARGIN + 44
    for curve in chart.curves:
        label = _label(curve.name, text_left, legend_y, _MARGIN + text_width - text_left, _BODY, measure)
        chart.legend.append((curve, label, _r(legend_y + _BODY * 0.6)))
        legend_y += _height(label) + 6
    chart.width = _r(_MARGIN + text_width + _MARGIN)
    chart.height = _r(legend_y + _MARGIN)
    chart.description = _description(journeys, names, aligned, say)
    return chart


def _curve(
    index: int,
    name: str,
    short: str,
    aligned: list[AlignedStage],
    widths: list[float],
    left: float,
    y_of: Callable[[float], float],
) -> Curve:
    points = []
    marker = MARKERS[(index + index // len(MARKERS)) % len(MARKERS)]
    x = left
    for column, width in zip(aligned, widths, strict=True):
        stage = column.stages[index]
        if stage is not None and stage.steps:
            gap = width / len(stage.steps)
            for i, step in enumerate(stage.steps):
                if step.emotion is None:
                    continue
                text = f"{short}: {step.title}: {step.emotion.score_text}"
                px, py = _r(x + gap * (i + 0.5)), y_of(step.emotion.score)
                points.append(Point(px, py, text, marker_path(marker, px, py)))
        x += width
    return Curve(
        index=index,
        name=name,
        points=tuple(points),
        dash=DASHES[index % len(DASHES)],
        marker=marker,
        colour=index % SERIES,
    )


def marker_path(kind: str, x: float, y: float, size: float = 5.5) -> str:
    """A marker of ``kind`` centred on (x, y): circle, square, triangle, diamond or cross."""
    n = svg_number
    s = size
    if kind == "circle":
        return f"M{n(x - s)} {n(y)}a{n(s)} {n(s)} 0 1 0 {n(2 * s)} 0a{n(s)} {n(s)} 0 1 0 {n(-2 * s)} 0Z"
    if kind == "square":
        d = _r(s * 0.9)
        return f"M{n(x - d)} {n(y - d)}h{n(2 * d)}v{n(2 * d)}h{n(-2 * d)}Z"
    if kind == "triangle":
        top, base, half = _r(y - s * 1.15), _r(y + s * 0.8), _r(s * 1.1)
        return f"M{n(x)} {n(top)}L{n(_r(x + half))} {n(base)}L{n(_r(x - half))} {n(base)}Z"
    if kind == "diamond":
        d = _r(s * 1.2)
        return f"M{n(x)} {n(y - d)}L{n(x + d)} {n(y)}L{n(x)} {n(y + d)}L{n(x - d)} {n(y)}Z"
    d, w = _r(s * 1.0), _r(s * 0.4)  # a cross: two bars
    return (
        f"M{n(x - d)} {n(y - w)}h{n(2 * d)}v{n(2 * w)}h{n(-2 * d)}Z"
        f"M{n(x - w)} {n(y - d)}h{n(2 * w)}v{n(2 * d)}h{n(-2 * w)}Z"
    )


def _description(journeys: Sequence[Journey], names: Sequence[str], aligned: list[AlignedStage], say: Labels) -> str:
    """The chart in words: each curve's stages with their mean feeling."""
    parts = []
    for member, (_, name) in enumerate(zip(journeys, names, strict=True)):
        stages = []
        for column in aligned:
            mean = stage_mean(column.stages[member])
            if mean is not None:
                stages.append(f"{column.title} {mean:+.1f}".replace("+0.0", "0"))
        parts.append(f"{name}: {', '.join(stages) or say('site.no-scores')}")
    return ". ".join(parts) + "."


def render_curves_svg(chart: Curves, *, standalone: bool = True, theme_dir: Path | None = None) -> str:
    """The chart as SVG, from the ``curves.svg.j2`` template (overridable from the theme)."""
    from generator.draw.render_svg import template_environment

    template = template_environment(theme_dir).get_template("curves.svg.j2")
    return template.render(
        c=chart, css=map_css(media_dark=True, series=True) if standalone else "", marker_path=marker_path
    )
