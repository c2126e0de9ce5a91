"""Draw every kind of map into a folder: ``python tests/draw_everything.py OUT``.

``tests/test_compiled.py`` runs it once with the compiled modules of a regular install
and once with the plain Python source, and compares the folders byte for byte. It
covers every drawing path: the golden fixtures, the example journeys in both
languages, inline and standalone SVG, a page of a map printed over several pages, a
visual diff, a straight curve, escaping payloads and generated journeys of all sizes.
Run with the repository last on ``sys.path``, so that ``generator`` is whichever one
``PYTHONPATH`` names.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.append(str(REPO))  # bench and tests; generator comes from PYTHONPATH first

from bench.synthetic import journey_text  # noqa: E402
from generator import compiled  # noqa: E402
from generator.config import Settings  # noqa: E402
from generator.layout import layout_map  # noqa: E402
from generator.parse_journey import parse_journey  # noqa: E402
from generator.render_svg import render_map_svg, render_map_svgs  # noqa: E402
from generator.text import InterMetrics  # noqa: E402
from tests.payloads import TRAPS  # noqa: E402

CONTROLS = ["a\u202eb\x00c\x08d\u2066", "tab\there & 'single' \"double\" <>", "\ufffe\uffff end"]


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    measure = InterMetrics()
    journeys = {}
    for path in sorted((REPO / "tests" / "fixtures" / "maps" / "journeys").glob("*.md")):
        journeys[f"fixture-{path.stem}"] = parse_journey(path.read_text(encoding="utf-8"), path.name, path.stem)[0]
    for path in sorted((REPO / "content" / "journeys").glob("*.md")):
        journeys[f"example-{path.stem}"] = parse_journey(path.read_text(encoding="utf-8"), path.name, path.stem)[0]
    for count in (1, 7, 30, 120):
        journeys[f"synthetic-{count}"] = parse_journey(journey_text(count, seed=count), "s.md", f"s{count}")[0]

    def write(name: str, svg: str) -> None:
        (out / f"{name}.svg").write_text(svg, encoding="utf-8")

    for name, journey in journeys.items():
        persona = "Wim, the walker" if name.startswith("fixture-") else ""
        write(name, render_map_svg(layout_map(journey, Settings(), measure, persona_name=persona)))
        inline, standalone = render_map_svgs(layout_map(journey, Settings(language="nl"), measure))
        write(f"{name}-nl-inline", inline)
        write(f"{name}-nl", standalone)
        write(f"{name}-straight", render_map_svg(layout_map(journey, Settings(curve="straight"), measure)))

    full = journeys["example-usa-round-trip"]
    steps = full.steps
    # A later page of a map printed over several pages: all lanes kept, numbering continued.
    page = dataclasses.replace(full, stages=full.stages[1:])
    lanes = ("steps", "touchpoint", "thinking", "feeling", "pain", "opportunity", "visibility", "backstage")
    layout = layout_map(page, Settings(), measure, lanes=lanes, first_number=4, subtitle="page 2 of 3")
    write("page", render_map_svg(layout))
    # A visual diff: every status, and changed lanes.
    status = {steps[0].id: "added", steps[1].id: "removed", steps[2].id: "moved", steps[3].id: "renamed"}
    changed = {steps[4].id: {"pain", "touchpoint"}, steps[5].id: {"steps"}}
    write("diff", render_map_svg(layout_map(full, Settings(), measure, status=status, changed_lanes=changed)))
    # Every payload in every text a user writes.
    for index, payload in enumerate(TRAPS + CONTROLS):
        step = steps[0]
        lanes_with_payload = tuple(dataclasses.replace(lane, value=payload) for lane in step.lanes)
        stage = dataclasses.replace(
            full.stages[0],
            title=payload,
            goals=(payload,),
            steps=(dataclasses.replace(step, title=payload, lanes=lanes_with_payload),),
        )
        journey = dataclasses.replace(full, title=payload, owner=payload, expectations=payload, stages=(stage,))
        write(f"payload-{index}", render_map_svg(layout_map(journey, Settings(), measure, persona_name=payload)))
    # Another measurer: wrapping and word breaking without the bundled font's fast path.
    for name in ("fixture-edge", "example-laptop-incident"):
        layout = layout_map(journeys[name], Settings(), _Monospace(), persona_name="Wim")
        write(f"{name}-monospace", render_map_svg(layout))
    (out / "compiled.json").write_text(json.dumps(compiled()), encoding="utf-8")


class _Monospace:
    """A measurer of fixed-width glyphs, 0.6 em each."""

    def width(self, text: str, size: float, bold: bool = False) -> float:
        return len(text) * size * (0.66 if bold else 0.6)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
