"""The built site in real headless Chromium (Debian's, driven by Playwright from pip).

Under CI=true these tests are mandatory; elsewhere they skip, saying why, when no
Chromium is installed (apt-get install chromium).
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from generator.site.build_site import build_site
from tests.conftest import JOURNEY, REPO
from tests.payloads import FIELDS, TRAPS, payload_journey
from tests.reader_site import write_reader_site
from tests.test_site_build import SITE_CONFIG

CHROMIUM = os.environ.get("JOURNEYMAP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not Path(CHROMIUM).exists():
    if os.environ.get("CI") == "true":
        pytest.fail(f"Chromium not found at {CHROMIUM}: browser tests are mandatory in CI", pytrace=False)
    pytest.skip("Chromium not installed (apt-get install chromium); browser tests skipped", allow_module_level=True)

sync_api = pytest.importorskip("playwright.sync_api")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module", params=["mkdocs", "zensical"])
def sites(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Built by each engine: the example site at /, a site full of injection payloads at
    /attack/, the example site in Dutch at /nl/, and the reader site (``tests.reader_site``)
    at /reader/."""
    engine = str(request.param)
    root = tmp_path_factory.mktemp("served")
    build_site(REPO / "mkdocs.yml", root / "site", strict=True, echo=False, engine=engine)
    attack = tmp_path_factory.mktemp("attack")
    (attack / "content" / "journeys").mkdir(parents=True)
    (attack / "content" / "personas").mkdir()
    (attack / "content" / "personas" / "tester.md").write_text(
        "---\nname: '<img src=x onerror=\"window.pwned=1\">'\nquote: '<script>window.pwned=2</script>'\n---\n"
        "<script>window.pwned=3</script>\n"
    )
    (attack / "content" / "index.md").write_text("# Attack\n\n<!-- journeymap:cards -->\n")
    payload = JOURNEY.replace("title: A small journey", "title: '</title><script>window.pwned=4</script>'").replace(
        "- channel: Website",
        "- channel: <svg onload=window.pwned=5>\n- pain: [click](javascript:window.pwned=6)\n"
        "- opportunity: <img src=x onerror=window.pwned=7>",
    )
    (attack / "content" / "journeys" / "attack.md").write_text(payload)
    (attack / "mkdocs.yml").write_text(SITE_CONFIG.replace("Test site", "Attack"))
    for number, trap in enumerate(TRAPS):
        (attack / "content" / "journeys" / f"payload-{number:02}.md").write_text(payload_journey(trap))
    build_site(attack / "mkdocs.yml", root / "site" / "attack", strict=False, echo=False, engine=engine)
    dutch = tmp_path_factory.mktemp("nl") / "mkdocs.yml"
    for folder in ("content", "theme"):  # a project of its own (Zensical wants docs_dir inside it)
        shutil.copytree(REPO / folder, dutch.parent / folder)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    dutch.write_text(config.replace("      language: en", "      language: nl"), encoding="utf-8")
    build_site(dutch, root / "site" / "nl", strict=True, echo=False, engine=engine)
    reader = write_reader_site(tmp_path_factory.mktemp("reader"))
    build_site(reader, root / "site" / "reader", strict=True, echo=False, engine=engine)
    handler = functools.partial(_Quiet, directory=str(root / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


class Visit:
    """A page with its console errors and every request that left the machine recorded."""

    def __init__(self, browser: Any, url: str, scheme: str = "light", width: int = 1400, height: int = 1000) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.external: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on("dialog", self._dialog)
        self.page.route("**/*", self._route)
        self.page.goto(url)
        self.page.wait_for_load_state("networkidle")

    def _dialog(self, dialog: Any) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _route(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1", "data:", "blob:")):
            route.continue_()
        else:
            self.external.append(url)
            route.abort()

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Any, sites: str) -> Iterator[Any]:
    opened: list[Visit] = []

    def open_page(path: str, scheme: str = "light", width: int = 1400, height: int = 1000) -> Visit:
        page = Visit(browser, sites + path, scheme, width, height)
        opened.append(page)
        return page

    yield open_page
    for page in opened:
        page.close()


PAGES = [
    "/",
    "/journeys/usa-round-trip/",
    "/personas/budget-explorer/",
    "/insights/",
    "/toolkit/",
    "/nl/journeys/usa-round-trip/",
    "/compare/billing-question-redesign/",
    "/services/energy-billing/",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_cleanly_and_locally(visit: Any, path: str, tmp_path: Path) -> None:
    page = visit(path)
    assert page.errors == []
    assert page.external == []
    page.page.screenshot(path=str(tmp_path / "page.png"))


def test_journey_map_is_shown(visit: Any) -> None:
    page = visit("/journeys/usa-round-trip/").page
    page.click('[data-jm-zoom="0"]')  # actual size
    box = page.locator(".jm-scroll svg.jm-map").bounding_box()
    assert box is not None
    assert box["width"] > 1500
    assert box["height"] > 600
    assert page.locator("svg.jm-map .jm-step").count() == 11
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert font.startswith("Inter")
    assert page.evaluate("document.fonts.check('12px Inter')")


def test_focus_and_hover_show_step_details(visit: Any) -> None:
    page = visit("/journeys/usa-round-trip/").page
    details = page.locator(".jm-details")
    assert details.is_hidden()
    page.focus('svg.jm-map [data-step="searches-tours-on-the-website"]')
    assert details.is_visible()
    assert "No filter on country, price or number of days" in details.inner_text()
    page.hover('svg.jm-map [data-step="waits-for-the-itinerary"] rect')
    assert "No itinerary e-mail after booking" in details.inner_text()


def test_keyboard_and_click_jump_to_the_step(visit: Any) -> None:
    page = visit("/journeys/usa-round-trip/").page
    page.focus('svg.jm-map [data-step="pays-the-deposit"]')
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#pays-the-deposit'")
    page.click('svg.jm-map [data-step="receives-travel-documents"] rect')
    page.wait_for_function("location.hash === '#receives-travel-documents'")


def test_zoom(visit: Any) -> None:
    page = visit("/journeys/usa-round-trip/").page
    page.click('[data-jm-zoom="0"]')
    before = page.locator(".jm-scroll svg.jm-map").bounding_box()["width"]
    page.click('[data-jm-zoom="1"]')
    after = page.locator(".jm-scroll svg.jm-map").bounding_box()["width"]
    assert after == pytest.approx(before * 1.25, rel=0.01)
    assert page.locator('[data-jm-zoom="0"]').inner_text() == "125%"


def test_home_filters(visit: Any) -> None:
    page = visit("/").page
    cards = page.locator(".jm-cards .jm-card")
    assert cards.count() == 5
    assert page.locator(".jm-count").inner_text() == "5 of 5 journeys shown"
    page.select_option('select[data-jm-filter="persona"]', label="Ravi, the hybrid employee")
    assert page.locator(".jm-count").inner_text() == "1 of 5 journeys shown"
    visible = [card.inner_text() for card in cards.all() if card.is_visible()]
    assert len(visible) == 1
    assert "Getting a broken laptop fixed" in visible[0]
    page.select_option('select[data-jm-filter="persona"]', value="")
    page.select_option('select[data-jm-filter="channel"]', value="Chatbot")
    assert page.locator(".jm-count").inner_text() == "2 of 5 journeys shown"


def test_dark_scheme_restyles_the_map(visit: Any) -> None:
    page = visit("/journeys/usa-round-trip/").page
    script = "getComputedStyle(document.querySelector('svg.jm-map .jm-lane-band')).fill"
    light = page.evaluate(script)
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    dark = page.evaluate(script)
    assert light == "rgb(244, 246, 248)"
    assert dark == "rgb(21, 27, 34)"
    text = page.evaluate("getComputedStyle(document.querySelector('svg.jm-map .jm-step-title')).fill")
    assert text == "rgb(230, 237, 243)"


def test_nothing_a_user_wrote_executes(visit: Any) -> None:
    for path in ("/attack/", "/attack/journeys/attack/", "/attack/personas/tester/"):
        page = visit(path)
        page.page.wait_for_timeout(200)
        assert page.page.evaluate("typeof window.pwned") == "undefined", path
        assert page.dialogs == []
    journey = visit("/attack/journeys/attack/").page
    assert "</title><script>window.pwned=4</script>" in journey.title()
    assert "<svg onload=window.pwned=5>" in journey.locator(".jm-step-detail").first.inner_text()


AXE_PAGES = [
    *PAGES,
    "/nl/",
    "/nl/personas/budget-explorer/",
    "/nl/insights/",
    "/reader/",
    "/reader/journeys/passport/",
    "/reader/journeys/verhuizen/",
    "/reader/personas/tester/",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", AXE_PAGES)
def test_accessibility_axe(visit: Any, path: str, scheme: str) -> None:
    """axe-core finds no violation of any impact, on every kind of page, light and dark."""
    axe_js = Path(pytest.importorskip("axe_playwright_python").__file__).parent / "axe.min.js"
    page = visit(path, scheme=scheme).page
    page.add_script_tag(path=str(axe_js))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    found = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]
    assert found == [], "\n".join(found)


def test_dutch_site_in_the_browser(visit: Any) -> None:
    page = visit("/nl/").page
    assert page.get_attribute("html", "lang") == "nl"
    assert page.locator(".jm-count").inner_text() == "5 van 5 klantreizen getoond"
    search = page.locator(".md-search__input, .md-search__button").first  # MkDocs' field, Zensical's button
    assert (search.get_attribute("placeholder") or search.inner_text()).strip() == "Zoeken"
    journey = visit("/nl/journeys/usa-round-trip/", scheme="dark").page
    labels = journey.locator(".jm-scroll svg.jm-map .jm-lane text").all_text_contents()
    assert "Klantstappen" in labels
    assert "Pijnpunten" in labels
    redesign = visit("/nl/compare/billing-question-redesign/").page
    assert "tegenover" in redesign.locator("h1").inner_text()
    assert redesign.locator("svg.jm-curves .jm-legend-item").count() == 2
    assert any(h.startswith("Verwachte winst per fase") for h in redesign.locator("h2").all_text_contents())
    navigation = " ".join(redesign.locator(".md-nav").all_text_contents())
    assert "Nieuwe ontwerpen" in navigation
    assert "Diensten" in navigation


def test_print_layout(visit: Any, tmp_path: Path) -> None:
    """Printing a journey page: no navigation, the whole map across the sheet."""
    page = visit("/journeys/usa-round-trip/").page
    page.emulate_media(media="print")
    assert page.locator(".md-sidebar--primary").is_hidden()
    assert page.locator(".jm-toolbar").is_hidden()
    content = page.locator(".md-content").bounding_box()
    map_box = page.locator(".jm-scroll svg.jm-map").bounding_box()
    assert content is not None
    assert map_box is not None
    assert map_box["width"] <= content["width"] + 1  # scaled to the sheet, nothing cut off
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    assert pdf.read_bytes()[:5] == b"%PDF-"


def test_over_a_hundred_payload_fields_never_execute(visit: Any, sites: str) -> None:
    """Every trap in every user field, built into a site and loaded in Chromium."""
    assert len(TRAPS) * FIELDS >= 100
    for number in range(len(TRAPS)):
        page = visit(f"/attack/journeys/payload-{number:02}/")
        page.page.wait_for_timeout(100)
        assert page.page.evaluate("typeof window.pwned") == "undefined", TRAPS[number]
        assert page.dialogs == []
        assert "pwned=1" in page.page.inner_text("article")  # shown as text instead
        handlers = page.page.evaluate(
            """() => [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
                 .filter(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value))
                 .map(a => e.tagName + ' ' + a.name + '=' + a.value))"""
        )
        assert handlers == [], handlers
    home = visit("/attack/")
    assert home.page.evaluate("typeof window.pwned") == "undefined"


@pytest.mark.parametrize("path", ["/personas/budget-explorer/", "/journeys/usa-round-trip/", "/"])
def test_no_page_is_wider_than_a_phone(visit: Any, path: str) -> None:
    page = visit(path, width=390, height=844).page
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{path} is {widths[0]} px wide on a {widths[1]} px screen"
    if path.startswith("/personas/"):  # the header wraps; the initials stay a circle above the text
        box = page.locator(".jm-initials").bounding_box()
        assert box is not None
        assert box["width"] == pytest.approx(box["height"], abs=1)


def test_step_details_read_left_to_right(visit: Any) -> None:
    page = visit("/journeys/usa-round-trip/").page
    page.focus('svg.jm-map [data-step="searches-tours-on-the-website"]')
    assert page.evaluate("getComputedStyle(document.querySelector('.jm-details')).textAlign") in ("left", "start")


# -- the journey page as its readers meet it: a laptop and a phone (tests.reader_site) ---------

LAPTOP = {"width": 1440, "height": 900}
PHONE = {"width": 390, "height": 844}
PASSPORT = "/reader/journeys/passport/"


def _box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, selector
    return dict(box)


def _inside(inner: Mapping[str, float], outer: Mapping[str, float], slack: float = 1.0) -> bool:
    return (
        inner["x"] >= outer["x"] - slack
        and inner["y"] >= outer["y"] - slack
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"] + slack
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"] + slack
    )


def test_a_wide_map_opens_legible_and_fits_whole(visit: Any) -> None:
    page = visit(PASSPORT, **LAPTOP).page
    assert page.locator('[data-jm-zoom="0"]').inner_text() == "85%"  # too wide to fit legibly: the strip shows all
    assert page.locator(".jm-overview").is_visible()
    page.click('[data-jm-zoom="fit"]')
    page.locator(".jm-figure").scroll_into_view_if_needed()
    viewport = {"x": 0, "y": 0, "width": LAPTOP["width"], "height": LAPTOP["height"]}
    drawing = _box(page, ".jm-scroll svg.jm-map")
    assert _inside(drawing, _box(page, ".jm-scroll"))
    assert _inside(drawing, viewport)
    assert page.evaluate("(s => s.scrollWidth <= s.clientWidth)(document.querySelector('.jm-scroll'))")
    assert page.locator(".jm-overview").is_hidden()  # nothing left for it to navigate


def test_zoom_keeps_the_focused_step_where_it_is(visit: Any) -> None:
    page = visit(PASSPORT, **LAPTOP).page
    step = '.jm-scroll [data-step="step-3-of-the-renewal"]'
    page.focus(step)
    before = _box(page, step)
    page.keyboard.press("+")
    after = _box(page, step)
    assert after["width"] == pytest.approx(before["width"] * 1.25, rel=0.02)
    assert after["x"] + after["width"] / 2 == pytest.approx(before["x"] + before["width"] / 2, abs=2)
    centre = "(s => (s.scrollLeft + s.clientWidth / 2) / s.querySelector('svg').getBoundingClientRect().width)"
    point = page.evaluate(f"{centre}(document.querySelector('.jm-scroll'))")
    page.click('[data-jm-zoom="-1"]')  # a button zooms about the middle of the box
    assert page.evaluate(f"{centre}(document.querySelector('.jm-scroll'))") == pytest.approx(point, abs=0.002)


def test_lane_labels_stay_in_view_while_the_map_scrolls_sideways(visit: Any) -> None:
    page = visit(PASSPORT, **LAPTOP).page
    assert page.locator(".jm-labels").is_hidden()  # the map's own labels are in view
    page.evaluate("document.querySelector('.jm-scroll').scrollLeft = 3000")
    page.wait_for_function("!document.querySelector('.jm-labels').hidden")
    scroll = _box(page, ".jm-scroll")
    own = _box(page, '.jm-scroll .jm-lane[data-lane="steps"] text')
    assert own["x"] + own["width"] < scroll["x"]  # scrolled away with the drawing
    kept = page.locator(".jm-labels text", has_text="Customer steps")
    assert kept.is_visible()
    assert _inside(dict(kept.bounding_box() or {}), scroll)
    assert page.locator(".jm-labels text", has_text="+2").is_visible()  # the feeling scale too
    stage = page.locator(".jm-labels-stage")  # and the stage whose band scrolled under the column
    assert stage.is_visible()
    assert stage.inner_text() in {f"Stage {n} of the renewal" for n in range(2, 9)}


def test_hovering_a_step_shows_its_details_beside_it(visit: Any) -> None:
    page = visit(PASSPORT, **LAPTOP).page
    page.locator(".jm-figure").scroll_into_view_if_needed()
    step = '.jm-scroll [data-step="step-2-of-the-renewal"]'
    page.hover(f"{step} rect")
    details = page.locator(".jm-details")
    assert details.is_visible()
    assert details.inner_text().startswith("2. Step 2 of the renewal")
    assert "Desk" in details.inner_text()
    box, cell = _box(page, ".jm-details"), _box(page, f"{step} .jm-cell")
    assert _inside(box, {"x": 0, "y": 0, **LAPTOP})
    assert box["x"] >= cell["x"] + cell["width"] or box["x"] + box["width"] <= cell["x"]  # beside, not over it
    assert min(abs(box["x"] - cell["x"] - cell["width"]), abs(cell["x"] - box["x"] - box["width"])) < 20
    assert page.evaluate("getComputedStyle(document.querySelector('.jm-details')).textAlign") in ("left", "start")
    page.keyboard.press("Escape")
    assert details.is_hidden()


def test_the_overview_strip_brings_the_end_of_the_journey_into_view(visit: Any) -> None:
    page = visit(PASSPORT, **LAPTOP).page
    strip = _box(page, ".jm-overview")
    last = '.jm-scroll [data-step="step-39-of-the-renewal"] .jm-cell'
    assert not _inside(_box(page, last), _box(page, ".jm-scroll"))
    page.mouse.click(strip["x"] + strip["width"] * 0.96, strip["y"] + strip["height"] / 2)
    scroll = _box(page, ".jm-scroll")
    cell = _box(page, last)
    assert scroll["x"] <= cell["x"]
    assert cell["x"] + cell["width"] <= scroll["x"] + scroll["width"]
    view = _box(page, ".jm-ov-view")
    assert view["x"] > strip["x"] + strip["width"] * 0.6  # the strip shows where the box is


def test_a_phone_gets_the_journey_stage_by_stage(visit: Any) -> None:
    page = visit(PASSPORT, **PHONE).page
    assert page.locator(".jm-figure").is_hidden()
    cards = page.locator(".jm-vertical .jm-vstep")
    assert cards.count() == 40
    assert cards.nth(22).inner_text().split()[:3] == ["23", "Step", "23"]
    assert "-2 lost" in cards.nth(22).inner_text()
    assert page.locator(".jm-vertical .jm-vstage").count() == 8
    assert page.locator(".jm-vertical svg.jm-sparkline").count() == 8


@pytest.mark.parametrize(
    "path", ["/reader/", PASSPORT, "/reader/journeys/opening-hours/", "/reader/personas/tester/", "/reader/insights/"]
)
def test_no_reader_page_is_wider_than_a_phone(visit: Any, path: str) -> None:
    page = visit(path, **PHONE).page
    widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{path} is {widths[0]} px wide on a {widths[1]} px screen"


def test_wide_tables_scroll_in_their_own_box_with_a_cue(visit: Any) -> None:
    page = visit("/insights/", **PHONE).page
    boxes = page.locator(".jm-table-wrap, .md-typeset__scrollwrap")
    wide = [i for i in range(boxes.count()) if boxes.nth(i).evaluate("b => b.scrollWidth > b.clientWidth + 2")]
    assert wide, "no table is wider than a phone: nothing to test"
    cues = page.locator(".jm-cue:visible")
    shown = cues.count()
    assert shown >= len(wide)
    assert cues.first.inner_text().startswith("Scroll sideways")
    boxes.nth(wide[0]).evaluate("b => { b.scrollLeft = b.scrollWidth; b.dispatchEvent(new Event('scroll')); }")
    assert cues.count() == shown - 1  # at the end of that table: its cue goes


def test_a_steps_anchor_is_its_id_everywhere(visit: Any) -> None:
    page = visit("/reader/journeys/verhuizen/").page
    assert page.locator("h3#stukken-opsturen").count() == 1  # the explicit '- id:'
    assert page.locator("h3#vult-het-formulier-in").count() == 1  # the slug of its title
    assert page.locator('.md-sidebar--secondary a[href$="#stukken-opsturen"]').count() == 1
    step = page.locator('.jm-scroll [data-step="stukken-opsturen"]')
    assert step.get_attribute("aria-label") == "2. Stuurt de stukken op"  # short: number and title
    assert step.locator("title").count() == 0
    described = step.get_attribute("aria-describedby")
    assert page.locator(f"#{described}").inner_text().count("E-mail") == 1  # its details, read once
    step.focus()
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#stukken-opsturen'")


def test_a_dutch_journey_on_an_english_site(visit: Any) -> None:
    page = visit("/reader/journeys/verhuizen/").page
    assert page.get_attribute("html", "lang") == "en"
    assert page.get_attribute("article h1", "lang") == "nl"
    assert page.get_attribute(".jm-scroll svg.jm-map", "lang") == "nl"
    assert "Klantstappen" in page.locator(".jm-scroll svg.jm-map .jm-lane text").all_text_contents()
    assert page.locator(".jm-summary").inner_text().startswith("In het kort")
    assert page.locator(".jm-summary").evaluate("e => e.closest('[lang]').lang") == "nl"


def test_skip_the_map(visit: Any) -> None:
    page = visit(PASSPORT, **LAPTOP).page
    page.focus(".jm-skip")
    assert _inside(_box(page, ".jm-skip"), {"x": 0, "y": 0, **LAPTOP})
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement && document.activeElement.id === 'jm-after-passport'")


def test_the_summary_tells_the_shape_of_the_journey(visit: Any) -> None:
    page = visit(PASSPORT, **LAPTOP).page
    summary = page.locator(".jm-summary").inner_text()
    assert "Lowest moment\n23. Step 23 of the renewal (-2, lost)" in summary
    assert "10 pain points in 10 of 40 steps" in summary
    assert "Civil affairs, Front office" in summary
    assert "Reviewed 2026-09-01, next review by 2027-02-28" in summary
    link = page.locator(".jm-summary a").first
    assert link.get_attribute("href") == "#step-23-of-the-renewal"


@pytest.mark.parametrize(
    ("word", "step", "title"),
    [
        ("hoofdbewoner", "verhuizen/#vult-het-formulier-in", "Vult het formulier in"),
        ("medebewoner", "verhuizen/#vult-het-formulier-in", "Vult het formulier in"),
        ("inschrijfduur", "verhuizen/#vult-het-formulier-in", "Vult het formulier in"),
        ("counter", "opening-hours/#reads-the-opening-hours", "Reads the opening hours"),
    ],
)
def test_search_finds_words_in_typographic_quotes(visit: Any, word: str, step: str, title: str) -> None:
    """Dutch and English words in curly quotes or before a comma; the result is the step."""
    page = visit("/reader/").page
    button = page.locator("button.md-search__button, .md-search__button")  # Zensical opens a dialog
    if button.count():
        button.first.click()
    else:
        page.locator(".md-search__input").click()
    page.keyboard.type(word)
    # MkDocs' result list, Zensical's dialog. The page's own result may come first (its
    # summary names the step too); the step's result is the one that leads to the step.
    result = page.locator(f'a[href$="journeys/{step}"]', has_text=title)
    result.first.wait_for(timeout=5000)
    result.first.click()
    page.wait_for_function(f"location.hash === '#{step.split('#')[1]}'")
