"""Charts of several journeys: a current journey against its redesign, and the journeys
of one service (typically its personas) overlaid. The use case behind
``journeymap render --compare`` and ``--overlay``, and what the site's pages draw.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from generator.build import RenderResult, RenderUsageError, write_atomically
from generator.check.validate import validate_loaded
from generator.config import Settings
from generator.draw.align import mean_text
from generator.draw.curves import Curves, curves_layout, render_curves_svg
from generator.draw.text import TextMeasurer
from generator.errors import Severity, sort_problems
from generator.labels import Labels
from generator.model import Journey, Persona
from generator.read.load import load_project

__all__ = ["compare_chart", "overlay_chart", "render_chart"]

Mode = Literal["compare", "overlay"]


def _persona_names(journeys: Sequence[Journey], personas: Sequence[Persona]) -> list[str]:
    names = {persona.id: persona.name for persona in personas}
    return [names.get(journey.persona, journey.persona) for journey in journeys]


def compare_chart(
    current: Journey, future: Journey, settings: Settings, measure: TextMeasurer, *, prefix: str = "jm-compare"
) -> Curves:
    """Today's journey and its redesign on one chart, each stage's expected gain under it."""
    from generator.diff.compare import compare_journeys

    say = Labels(future.language or settings.language)
    comparison = compare_journeys(current, future)
    names = [f"{say('state.current')}: {current.title}", f"{say('state.future')}: {future.title}"]
    notes = [f"{say('compare.gain')} {mean_text(g.gain)}" if g.gain is not None else "" for g in comparison.gains]
    return curves_layout(
        [current, future],
        names,
        settings,
        measure,
        short_names=[say("compare.as-is"), say("compare.to-be")],
        title=say("compare.title", future=future.title, current=current.title),
        notes=notes,
        prefix=prefix,
    )


def overlay_chart(
    journeys: Sequence[Journey],
    personas: Sequence[Persona],
    settings: Settings,
    measure: TextMeasurer,
    *,
    title: str = "",
    prefix: str = "jm-overlay",
) -> Curves:
    """The emotion curves of ``journeys`` on one chart, each named by its persona (and
    its title when two journeys follow the same persona)."""
    say = Labels(settings.language)
    people = _persona_names(journeys, personas)
    short = [p if people.count(p) == 1 else f"{p} ({j.title})" for p, j in zip(people, journeys, strict=True)]
    names = [f"{p}: {j.title}" for p, j in zip(people, journeys, strict=True)]
    services = {journey.service for journey in journeys}
    heading = title or (services.pop() if len(services) == 1 and "" not in services else say("overlay.title"))
    return curves_layout(
        journeys,
        names,
        settings,
        measure,
        short_names=short,
        title=heading,
        subtitle=say("overlay.subtitle", count=len(journeys)),
        prefix=prefix,
    )


def render_chart(
    settings: Settings,
    paths: list[Path],
    output: Path,
    *,
    mode: Mode,
    fmt: str | None = None,
    today: dt.date | None = None,
) -> RenderResult:
    """Check the journeys in ``paths`` and draw them on one chart into the file ``output``
    (SVG, or PDF and PNG for print). ``compare`` takes the current journey, then the
    future one; ``overlay`` two or more."""
    from generator.draw.text import InterMetrics

    project = load_project(settings, paths)
    problems = sort_problems(project.problems + validate_loaded(project, settings, today or dt.date.today()))
    result = RenderResult(problems=problems, journeys=len(project.journeys), personas=len(project.personas))
    if any(p.severity is Severity.ERROR for p in problems):
        return result
    chosen = _format(output, fmt)
    journeys = _in_given_order(project.journeys, paths)
    if mode == "compare" and len(journeys) != 2:
        raise RenderUsageError(
            f"--compare takes two journeys, the current one and the future one: {len(journeys)} given"
        )
    if mode == "overlay" and len(journeys) < 2:
        raise RenderUsageError(f"--overlay takes two or more journeys: {len(journeys)} given")
    measure = InterMetrics()
    if mode == "compare":
        chart = compare_chart(journeys[0], journeys[1], settings, measure)
    else:
        chart = overlay_chart(journeys, project.personas, settings, measure)
    svg = render_curves_svg(chart, standalone=chosen == "svg", theme_dir=settings.theme_dir)
    if chosen == "svg":
        data = svg.encode("utf-8")
    else:
        from generator.print.render_print import PX_TO_PT, svg_image, typst_compile

        width, height = chart.width * PX_TO_PT, chart.height * PX_TO_PT
        page = f"#set page(width: {width:.1f}pt, height: {height:.1f}pt, margin: 0pt)\n"
        source = f"{page}#{svg_image('chart.svg', '100%')}\n"
        data = typst_compile(
            source, {"chart.svg": svg}, fmt="png" if chosen == "png" else "pdf", ppi=192 if chosen == "png" else None
        )
    write_atomically(output, data)
    result.written.append(output)
    return result


def _format(output: Path, fmt: str | None) -> str:
    suffix = output.suffix.lstrip(".").lower()
    if suffix not in ("svg", "pdf", "png"):
        raise RenderUsageError(f"a chart goes into one file: give -o a name ending in .svg, .pdf or .png, not {output}")
    if fmt is not None and fmt != suffix:
        raise RenderUsageError(f"--format {fmt} does not match the file name {output.name}")
    return suffix


def _in_given_order(journeys: list[Journey], paths: list[Path]) -> list[Journey]:
    """The journeys in the order their files were named (a folder's in file order)."""
    order: dict[str, int] = {}
    for rank, path in enumerate(paths):
        for journey in journeys:
            if journey.loc.path and Path(journey.loc.path).resolve() == path.resolve():
                order.setdefault(journey.id, rank)
    return sorted(journeys, key=lambda j: order.get(j.id, len(paths)))
