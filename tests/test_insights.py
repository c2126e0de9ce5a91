"""The insights page: worst moments, each journey's own stages, channels counted as one."""

from __future__ import annotations

import datetime as dt
import re

from generator.config import Settings
from generator.read.parse_journey import parse_journey
from generator.site.insights import WORST_MOMENTS, channel_key, insights_page

TODAY = dt.date(2026, 12, 1)


def _journey(name: str, title: str, stages: list[tuple[str, list[tuple[str, int | None, str, list[str]]]]]) -> str:
    lines = ["---", f"title: {title}", "persona: tester", "---", ""]
    for stage, steps in stages:
        lines += [f"## {stage}", ""]
        for step, score, channel, pains in steps:
            lines.append(f"### {step}")
            if channel:
                lines.append(f"- channel: {channel}")
            if score is not None:
                lines.append(f"- feeling: {score} word{score}")
            lines += [f"- pain: {p}" for p in pains]
            lines.append("")
    return "\n".join(lines)


def _page(*sources: str) -> str:
    journeys = []
    for number, source in enumerate(sources):
        journey, problems = parse_journey(source, f"j{number}.md", f"j{number}")
        assert not [p for p in problems if p.severity.name == "ERROR"], problems
        journeys.append(journey)
    page = insights_page(journeys, Settings(), link=lambda uri: uri.removesuffix(".md") + "/", today=TODAY)
    return page.markdown


BILL = _journey(
    "bill",
    "Paying a bill",
    [
        ("Awareness", [("Gets the letter", -1, "Letter", ["Unclear total"]), ("Reads it", 0, "Email", [])]),
        ("Payment", [("Pays online", -2, "E-mail", ["Site down", "No receipt"]), ("Calls", 1, "", [])]),
    ],
)
MOVE = _journey(
    "move",
    "Moving house",
    [
        ("Planning", [("Books a van", 2, "email", []), ("Packs", None, "", [])]),
        ("Arrival", [("Unpacks", -2, "App", [])]),
    ],
)


def test_each_journey_keeps_its_own_stage_names() -> None:
    page = _page(BILL, MOVE)
    assert "Stage 1" not in page
    for stage in ("Awareness", "Payment", "Planning", "Arrival"):
        assert f'<th scope="row">{stage}</th>' in page
    # numbers and words, colour only repeats them
    assert "-0.5 (negative)" in page  # Awareness: (-1 + 0) / 2
    assert "+2.0 (positive)" in page  # Planning: the step without a feeling is not counted
    assert "negative: mean feeling below 0" in page  # the legend


def test_worst_moments_rank_the_lowest_steps_of_all_journeys() -> None:
    page = _page(BILL, MOVE)
    section = page.split("Worst moments", 1)[1].split("Pain points and feeling by stage", 1)[0]
    steps = re.findall(r'<a href="[^"]+">([^<]+)</a>', section)
    # -2 first; of two at -2 the one with more pain points; then -1, 0, 1, 2
    assert steps[:3] == [
        "Paying a bill: 3. Pays online",
        "Moving house: 3. Unpacks",
        "Paying a bill: 1. Gets the letter",
    ]
    assert "<li>Site down</li><li>No receipt</li>" in section
    assert "-2 (negative, word-2)" in section  # a step's score as written; means get one decimal
    assert len(steps) == 6  # the step without a feeling is not ranked
    assert WORST_MOMENTS == 10


def test_channels_are_counted_as_one_whatever_their_spelling() -> None:
    assert channel_key("E-mail") == channel_key("email") == channel_key("Email ") == "email"
    page = _page(BILL, MOVE)
    section = page.split("Touchpoints by channel", 1)[1].split("Who owns", 1)[0]
    rows = re.findall(r'<tr><th scope="row"[^>]*>(.*?)</th><td>(\d+)</td>', section)
    counted = {re.sub(r"<br>.*", "", name): int(count) for name, count in rows}
    assert counted["E-mail"] == 3  # Email, E-mail and email; on a tie the first spelling alphabetically
    assert "written as E-mail, Email, email" in section
    assert counted["(no channel)"] == 2  # the steps without a channel are counted as such
    assert list(counted)[-1] == "(no channel)"


def test_every_link_says_where_it_goes() -> None:
    page = _page(BILL, MOVE)
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', page)
    texts: dict[str, set[str]] = {}
    for href, text in links:
        texts.setdefault(text, set()).add(href)
    assert all(len(hrefs) == 1 for hrefs in texts.values()), texts  # one text never names two places
