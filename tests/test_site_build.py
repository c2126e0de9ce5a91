"""Real MkDocs builds: the example site, small sites with broken journeys, safe swaps."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path

import pytest

from generator.site.build_site import MARKER, SiteBuildError, build_site
from tests.conftest import JOURNEY, REPO, Project

SITE_CONFIG = (
    "site_name: Test site\ndocs_dir: content\ntheme:\n  name: material\n  font: false\n"
    "plugins:\n  - search\n  - journeys\n"
)


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("example") / "site"
    result = build_site(REPO / "mkdocs.yml", site, strict=True, echo=False)
    assert result.warnings == []
    return site


def test_example_site_pages(example_site: Path) -> None:
    for page in (
        "index.html",
        "insights/index.html",
        "journeys/usa-round-trip/index.html",
        "journeys/laptop-incident/index.html",
        "journeys/billing-question/index.html",
        "personas/budget-explorer/index.html",
        "guide/format/index.html",
        "guide/maps/index.html",
    ):
        assert (example_site / page).is_file(), page
    assert (example_site / MARKER).is_file()
    for kind in ("svg", "pdf", "csv", "json"):
        assert (example_site / "journeys" / f"usa-round-trip.{kind}").stat().st_size > 500
    assert (example_site / "schema" / "journey.schema.json").is_file()
    assert (example_site / "schema" / "diff.schema.json").is_file()


def test_toolkit_page(example_site: Path) -> None:
    from generator.print.toolkit import KIT_FILES

    html = (example_site / "toolkit" / "index.html").read_text(encoding="utf-8")
    for name in (*KIT_FILES, "persona-budget-explorer.pdf"):
        data = (example_site / "toolkit" / name).read_bytes()
        assert data[:5] == b"%PDF-" if name.endswith(".pdf") else data.startswith(b"\xef\xbb\xbfcell,text,"), name
        assert f'href="{name}"' in html


def test_journey_page_content(example_site: Path) -> None:
    html = (example_site / "journeys/usa-round-trip/index.html").read_text(encoding="utf-8")
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" id="jm-usa-round-trip" class="jm-map" role="group"') == 1
    assert "jm-slot" not in html
    # A step's anchor is its id: the heading carries it, the table of contents links it.
    assert '<h3 id="searches-tours-on-the-website">' in html
    assert 'href="#searches-tours-on-the-website"' in html
    assert 'id="_jm-searches-tours-on-the-website"' in html  # its details, which the map step describes itself by
    assert 'aria-describedby="_jm-searches-tours-on-the-website"' in html
    assert "No filter on country, price or number of days" in html
    assert 'href="../../personas/budget-explorer/"' in html
    for download in (
        "../usa-round-trip.svg",
        "../usa-round-trip.pdf",
        "../usa-round-trip.csv",
        "../usa-round-trip.json",
    ):
        assert f'href="{download}"' in html
    assert '<h2 id="pain-points-and-opportunities">' in html


def test_search_indexes_step_text_and_pages_keep_the_markup(example_site: Path) -> None:
    import json

    index = json.loads((example_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    sections = {doc["location"]: doc["text"] for doc in index["docs"]}
    step = sections["journeys/usa-round-trip/#searches-tours-on-the-website"]
    assert "Pain point: No filter on country, price or number of days" in step
    assert "jm-map" not in json.dumps(index)  # the map goes in after indexing
    # The tables repeat step text: search leaves them out and finds the steps instead.
    assert not sections.get("journeys/usa-round-trip/#pain-points-and-opportunities", "").strip()
    html = (example_site / "journeys/usa-round-trip/index.html").read_text(encoding="utf-8")
    assert "jm-slot" not in html
    assert html.count('<dl class="jm-lanes">') == html.count('class="jm-step-detail"') > 5
    assert '<div class="jm-table jm-table-wrap"><table>' in html
    assert "Pain point: No filter" not in html  # the words search indexed gave way to the details


def test_home_persona_and_insights_pages(example_site: Path) -> None:
    home = (example_site / "index.html").read_text(encoding="utf-8")
    assert home.count('class="jm-card"') == 9  # five journeys, four personas
    assert 'data-jm-filter="persona"' in home
    persona = (example_site / "personas/budget-explorer/index.html").read_text(encoding="utf-8")
    assert "I want to see as much as I can" in persona
    assert 'href="../../journeys/usa-round-trip/"' in persona
    insights = (example_site / "insights/index.html").read_text(encoding="utf-8")
    for heading in (
        "Worst moments",
        "Pain points and feeling by stage",
        "Touchpoints by channel",
        "Who owns the moments of truth",
        "KPI catalogue",
        "Review status",
        "Redesigns: expected gain by stage",
    ):
        assert heading in insights


def test_no_external_requests_in_pages(example_site: Path) -> None:
    for page in example_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        loads = re.findall(r'src="(https?://[^"]+)"', html) + re.findall(r'<link[^>]*href="(https?://[^"]+)"', html)
        for url in loads:
            pytest.fail(f"{page.relative_to(example_site)} loads {url}")
        assert "fonts.googleapis" not in html
        assert "fonts.gstatic" not in html


@pytest.fixture
def site_project(project: Project) -> Project:
    project.write("mkdocs.yml", SITE_CONFIG)
    project.write("content/index.md", "# Home\n\n<!-- journeymap:cards -->\n")
    project.journey("good", JOURNEY)
    return project


def test_broken_journey_fails_strict_and_shows_an_error_box(site_project: Project, engine: str) -> None:
    site_project.journey("broken", JOURNEY.replace("- channel: Website", "- chanel: Website"))
    strict = site_project.run("build", "--engine", engine, "--strict", "-d", "out")
    assert strict.exit_code == 1
    assert "content/journeys/broken.md:9:3: error[E302]: unknown lane key 'chanel'" in strict.output
    assert not (site_project.root / "out").exists()
    lenient = site_project.run("build", "--engine", engine, "-d", "out")
    assert lenient.exit_code == 0, lenient.output
    assert "1 warning" in lenient.output
    page = (site_project.root / "out/journeys/broken/index.html").read_text(encoding="utf-8")
    assert 'class="jm-error" role="alert"' in page
    assert "unknown lane key &#39;chanel&#39;" in page
    home = (site_project.root / "out/index.html").read_text(encoding="utf-8")
    assert home.count('class="jm-card"') == 1  # the broken journey gets no card


def test_failed_build_keeps_the_previous_site(site_project: Project, engine: str) -> None:
    assert site_project.run("build", "--engine", engine, "--strict", "-d", "out").exit_code == 0
    before = {p: p.read_bytes() for p in (site_project.root / "out").rglob("*") if p.is_file()}
    site_project.journey("good", JOURNEY.replace("- feeling: 1 fine", "- feeling: 7 impossible"))
    result = site_project.run("build", "--engine", engine, "--strict", "-d", "out")
    assert result.exit_code == 1
    after = {p: p.read_bytes() for p in (site_project.root / "out").rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in site_project.root.iterdir() if "journeymap-" in p.name] == []


def test_refuses_to_replace_a_folder_it_did_not_build(site_project: Project) -> None:
    precious = site_project.write("docs-backup/notes.txt", "do not delete")
    result = site_project.run("build", "-d", "docs-backup")
    assert result.exit_code == 2
    assert "was not built by journeymap; refusing to replace it" in result.output
    assert precious.read_text() == "do not delete"


def test_interrupted_swap_is_recovered(site_project: Project, engine: str) -> None:
    assert site_project.run("build", "--engine", engine, "-d", "out").exit_code == 0
    out = site_project.root / "out"
    out.rename(site_project.root / ".out.journeymap-old-99999")  # killed between the two renames
    (site_project.root / ".out.journeymap-staging-99999").mkdir()  # and a staging folder left behind
    assert site_project.run("build", "--engine", engine, "-d", "out").exit_code == 0
    assert (out / MARKER).exists()
    assert sorted(p.name for p in site_project.root.iterdir() if p.name.startswith(".out")) == []


def test_title_cannot_break_out_of_the_page_head(site_project: Project, engine: str, tmp_path: Path) -> None:
    payload = "</title><script>window.pwned=1</script> & <b>bold</b>"
    site_project.journey("attack", JOURNEY.replace("title: A small journey", f"title: '{payload}'"))
    assert site_project.run("build", "--engine", engine, "--strict", "-d", "out").exit_code == 0
    html = (site_project.root / "out/journeys/attack/index.html").read_text(encoding="utf-8")
    head = html[: html.index("</head>")]
    assert "<script>window.pwned" not in html
    assert re.search(
        r"<title>&lt;/title&gt;&lt;script&gt;window.pwned=1&lt;/script&gt; &amp;(amp;)? &lt;b&gt;bold", head
    )


def test_journey_fence_in_any_page(site_project: Project, engine: str) -> None:
    site_project.write(
        "content/about.md",
        "# About\n\n```journey\nid: good\n```\n\n```journey\n---\ntitle: Inline\npersona: tester\n"
        "reviewed: 2026-09-01\n---\n## S\n### Calls\n- feeling: -1 cross\n```\n",
    )
    assert site_project.run("build", "--engine", engine, "--strict", "-d", "out").exit_code == 0
    html = (site_project.root / "out/about/index.html").read_text(encoding="utf-8")
    assert html.count('class="jm-map"') == 2
    assert html.count('<figure class="jm-figure jm-embed"') == 2  # maps on phones too: no step list here
    assert re.search(r'<figcaption><a href="[./]*journeys/good/">A small journey</a></figcaption>', html)
    ids = re.findall(r'<svg[^>]* id="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_dutch_site(site_project: Project, engine: str) -> None:
    site_project.write("mkdocs.yml", SITE_CONFIG.replace("  - journeys\n", "  - journeys:\n      language: nl\n"))
    assert site_project.run("build", "--engine", engine, "--strict", "-d", "out").exit_code == 0
    html = (site_project.root / "out/journeys/good/index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in html
    assert "Klantstappen" in html
    assert "Huidige situatie" in html


def test_settings_inherited_from_another_file(site_project: Project, engine: str) -> None:
    """A site whose mkdocs.yml takes the journeys options from a parent file (INHERIT)
    gets them on both engines: journeymap reads the parent as the engine does."""
    site_project.write("shared.yml", SITE_CONFIG.replace("  - journeys\n", "  - journeys:\n      language: nl\n"))
    site_project.write("mkdocs.yml", "INHERIT: shared.yml\nsite_name: Klantreizen\n")
    assert site_project.run("build", "--engine", engine, "--strict", "-d", "out").exit_code == 0
    html = (site_project.root / "out/journeys/good/index.html").read_text(encoding="utf-8")
    assert "Klantstappen" in html
    assert "Werkmateriaal" in (site_project.root / "out/toolkit/index.html").read_text(encoding="utf-8")


def test_a_rebuild_draws_only_the_edited_journey(
    site_project: Project, engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.draw.layout

    calls: list[str] = []
    original = generator.draw.layout.layout_map

    def counting(journey, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(journey.id)
        return original(journey, *args, **kwargs)

    monkeypatch.setattr(generator.draw.layout, "layout_map", counting)
    site_project.journey("other", JOURNEY.replace("A small journey", "Another journey"))
    config = site_project.root / "mkdocs.yml"
    build_site(config, site_project.root / "out", echo=False, engine=engine)
    assert sorted(set(calls)) == ["good", "other"]
    calls.clear()
    site_project.journey("other", JOURNEY.replace("A small journey", "Another journey, edited"))
    build_site(config, site_project.root / "out", echo=False, engine=engine)
    assert set(calls) == {"other"}  # the unchanged journey's map and downloads come from the cache
    page = (site_project.root / "out/journeys/good/index.html").read_text(encoding="utf-8")
    assert "A small journey" in page
    assert 'class="jm-map"' in page


def test_site_without_config_is_a_usage_error(project: Project) -> None:
    result = project.run("build")
    assert result.exit_code == 2
    assert "no mkdocs.yml here" in result.output


def test_bad_plugin_option_stops_the_build(site_project: Project) -> None:
    site_project.write("mkdocs.yml", SITE_CONFIG.replace("  - journeys\n", "  - journeys:\n      review_period: -5\n"))
    with pytest.raises(SiteBuildError) as caught:
        build_site(site_project.root / "mkdocs.yml", site_project.root / "out", echo=False)
    assert caught.value.code == 1


@pytest.mark.slow
def test_serve_redraws_an_edited_journey(site_project: Project, engine: str) -> None:
    """A real `journeymap serve`: edit a journey and the served page changes; stopped, it
    leaves nothing behind."""
    import re
    import urllib.request
    from urllib.parse import urljoin

    from tests.serving import served

    with served(site_project.root, engine) as (address, wait_for):
        first = wait_for("/journeys/good/", "Does something")
        # The page's own links lead somewhere in the preview too (Zensical rewrites them).
        hrefs = re.findall(r'<a class="jm-download" href="([^"]+)"', first)
        hrefs += re.findall(r'Persona: <a href="([^"]+)"', first)
        assert len(hrefs) >= 3
        for href in hrefs:
            url = urljoin(f"{address}/journeys/good/", href)
            with urllib.request.urlopen(url, timeout=5) as response:
                assert response.status == 200, url
        site_project.journey("good", JOURNEY.replace("Does something", "Does something new"))
        html = wait_for("/journeys/good/", "Does something new")
        assert 'class="jm-map"' in html
        assert "Does something new" in html[html.index('class="jm-map"') :]  # the map is redrawn too
        # A mistake in mkdocs.yml or in a journey: the preview keeps answering.
        site_project.write(
            "mkdocs.yml", SITE_CONFIG.replace("  - journeys\n", "  - journeys:\n      emotion_scal: 5\n")
        )
        site_project.journey(
            "good", JOURNEY.replace("Does something", "Does it again").replace("2026-09-01", "9999-12-31")
        )
        assert "Does it again" in wait_for("/journeys/good/", "Does it again")
        site_project.journey("good", JOURNEY.replace("reviewed: 2026-09-01", "reviewed: 2026-99-01"))
        assert "error[E212]" in wait_for("/journeys/good/", "error[E212]")
    assert [p.name for p in site_project.root.iterdir() if p.name.startswith(".journeymap")] == []


def test_edit_link_points_at_the_journey_source(site_project: Project, engine: str) -> None:
    site_project.write(
        "mkdocs.yml",
        SITE_CONFIG.replace(
            "site_name: Test site\n", "site_name: Test site\nrepo_url: https://git.example.org/cx/journeys\n"
        ).replace("  font: false\n", "  font: false\n  features: [content.action.edit]\n")
        + "edit_uri: edit/main/content/\n",
    )
    assert site_project.run("build", "--engine", engine, "--strict", "-d", "out").exit_code == 0
    html = (site_project.root / "out/journeys/good/index.html").read_text(encoding="utf-8")
    assert 'href="https://git.example.org/cx/journeys/edit/main/content/journeys/good.md"' in html


def test_journey_page_shows_its_history(site_project: Project, engine: str) -> None:
    import subprocess

    def git(*args: str) -> None:
        command = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args]
        subprocess.run(command, cwd=site_project.root, check=True, capture_output=True)

    assert site_project.run("build", "--engine", engine, "-d", "out").exit_code == 0
    page = (site_project.root / "out/journeys/good/index.html").read_text(encoding="utf-8")
    assert 'id="changes"' not in page  # not in a git repository: no history, and no error
    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "First version of the journey")
    site_project.journey("good", JOURNEY.replace("- feeling: 1 fine", "- feeling: -1 worried\n- pain: Too slow"))
    git("commit", "-q", "-am", "Validated with three customers")
    assert site_project.run("build", "--engine", engine, "-d", "out").exit_code == 0
    page = (site_project.root / "out/journeys/good/index.html").read_text(encoding="utf-8")
    assert '<h2 id="changes">Changes' in page
    assert "Validated with three customers" in page
    assert "feeling worse at 1 step, 1 new pain point" in page
    assert "First version of the journey" in page
    assert "journey created" in page


def test_a_plain_material_site_asks_no_other_host_and_has_a_dark_scheme(project: Project, engine: str) -> None:
    """With `theme: material` and no font or palette, the site serves its own font and
    still follows the reader's light or dark preference."""
    project.write(
        "mkdocs.yml", "site_name: Plain\ndocs_dir: content\ntheme: material\nplugins:\n  - search\n  - journeys\n"
    )
    project.write("content/index.md", "# Home\n\n<!-- journeymap:cards -->\n")
    project.journey("good", JOURNEY)
    result = project.run("build", "--strict", "--engine", engine, "-d", "out")
    assert result.exit_code == 0, result.output
    pages = list((project.root / "out").rglob("*.html"))
    assert len(pages) >= 4
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.findall(r'<(?:link|script|img)[^>]+(?:href|src)="(?:https?:)?//', html), page
        assert "fonts.googleapis" not in html
        assert "fonts.gstatic" not in html
    home = (project.root / "out" / "index.html").read_text(encoding="utf-8")
    assert 'data-md-color-scheme="slate"' in home
    assert 'data-md-color-media="(prefers-color-scheme: dark)"' in home


def test_a_second_build_of_the_same_site_refuses_while_one_runs(site_project: Project, engine: str) -> None:
    from generator.site.build_site import _lock_file, _locked

    out = (site_project.root / "out").resolve()
    with _locked(_lock_file(out), "held by the test"):  # as a build running in another process holds it
        result = site_project.run("build", "--engine", engine, "-d", "out")
    assert result.exit_code == 2
    assert f"another journeymap build is building {out}" in result.output
    assert not out.exists()
    assert site_project.run("build", "--engine", engine, "-d", "out").exit_code == 0  # released: builds again


def test_docs_writes_a_tree_that_any_engine_builds_as_it_is(site_project: Project) -> None:
    result = site_project.run("docs", "tree")
    assert result.exit_code == 0, result.output
    assert "wrote 5 pages into tree: 0 problems" in result.output  # home, journey, persona, insights, toolkit
    tree = site_project.root / "tree"
    page = (tree / "journeys" / "good.md").read_text(encoding="utf-8")
    assert page.startswith("# A small journey\n")
    assert '<svg xmlns="http://www.w3.org/2000/svg" id="jm-good"' in page  # the map inside its page
    assert "jm-slot" not in page
    for name in ("journeys/good.svg", "journeys/good.pdf", "assets/journeymap/journeymap.css", "index.md"):
        assert (tree / name).is_file(), name
    assert 'class="jm-card"' in (tree / "index.md").read_text(encoding="utf-8")
    # MkDocs builds the tree as it is: the journeys plugin leaves a tree alone.
    site_project.write(
        "tree.yml", SITE_CONFIG.replace("docs_dir: content", "docs_dir: tree").replace("Test site", "Tree")
    )
    from generator.site.engines import mkdocs_build

    config = site_project.root / "tree.yml"
    warnings = mkdocs_build(config, lambda _: site_project.root / "built", strict=True, echo=False)
    assert warnings == []
    html = (site_project.root / "built" / "journeys" / "good" / "index.html").read_text(encoding="utf-8")
    assert html.count('id="jm-good"') == 1
    # Blocks search should not find are marked for both engines' search (a preview's
    # insights tables, repeating every step, made Zensical's preview stop).
    insights = (tree / "insights.md").read_text(encoding="utf-8")
    assert insights.count("<div data-search-exclude><div") >= 3
    indexed = _search_texts(site_project.root / "built")
    assert "Owner" not in " ".join(text for where, text in indexed.items() if where.startswith("insights/#kpi"))
    # Written again, the tree replaces itself; a folder it did not write is refused, as is one inside content/.
    assert site_project.run("docs", "tree").exit_code == 0
    site_project.write("other/notes.txt", "mine")
    refused = site_project.run("docs", "other")
    assert refused.exit_code == 2
    assert "was not written by journeymap docs" in refused.output
    inside = site_project.run("docs", "content/tree")
    assert inside.exit_code == 2
    assert "inside the content folder" in inside.output


def _map_of(page: Path, journey_id: str) -> str:
    html = page.read_text(encoding="utf-8")
    start = html.index(f'<svg xmlns="http://www.w3.org/2000/svg" id="jm-{journey_id}"')
    return html[start : html.index("</svg>", html.rindex('class="jm-legend', start)) + 6]


def test_maps_and_downloads_are_the_same_bytes_whatever_the_engine_and_the_workers(site_project: Project) -> None:
    site_project.journey("other", JOURNEY.replace("A small journey", "Another journey"))
    built = {}
    for engine, workers in (("mkdocs", 1), ("mkdocs", 3), ("zensical", 2)):
        config = SITE_CONFIG.replace("  - journeys\n", f"  - journeys:\n      workers: {workers}\n")
        site_project.write("mkdocs.yml", config)
        shutil.rmtree(site_project.root / ".cache", ignore_errors=True)  # drawn afresh each time
        out = f"out-{engine}-{workers}"
        assert site_project.run("build", "--strict", "--engine", engine, "-d", out).exit_code == 0
        site = site_project.root / out
        files = {
            f"{j}.{kind}": (site / "journeys" / f"{j}.{kind}").read_bytes()
            for j in ("good", "other")
            for kind in ("svg", "pdf", "csv", "json")
        }
        files["maps"] = "".join(_map_of(site / "journeys" / j / "index.html", j) for j in ("good", "other")).encode()
        built[(engine, workers)] = files
    first, *others = built.values()
    assert all(len(data) > 100 for data in first.values())
    for other in others:
        assert other == first


def test_markers_in_code_or_in_a_sentence_stay_text(site_project: Project, engine: str) -> None:
    site_project.write(
        "content/about.md",
        "# About\n\nWrite `<!-- journeymap:cards -->` on a line of its own.\n\n"
        "```markdown\n<!-- journeymap:personas -->\n```\n\n<!-- journeymap:cards -->\n",
    )
    assert site_project.run("build", "--strict", "--engine", engine, "-d", "out").exit_code == 0
    html = (site_project.root / "out/about/index.html").read_text(encoding="utf-8")
    assert html.count('class="jm-cards"') == 1  # the marker on a line of its own
    assert html.count("&lt;!-- journeymap:cards --&gt;") == 1  # the one in the sentence
    assert "&lt;!-- journeymap:personas --&gt;" in html  # the one in a code block
    assert 'class="jm-grid"' in html
    assert html.count('class="jm-card"') == 1


def _nav_pages(page: Path, folder: str) -> list[str]:
    """The pages of ``folder`` in the order the navigation of ``page`` lists them."""
    html = page.read_text(encoding="utf-8")
    nav = html.split('class="md-sidebar md-sidebar--primary"', 1)[1].split(
        'class="md-sidebar md-sidebar--secondary"', 1
    )[0]
    found = re.findall(rf'href="(?:\./|\.\./)*{folder}/([a-z-]*)/?"', nav)
    return list(dict.fromkeys(found))


def test_navigation_lists_journeys_by_title_and_personas_by_name(project: Project, engine: str) -> None:
    project.write("mkdocs.yml", SITE_CONFIG)
    project.write("content/index.md", "# Home\n\nNo cards here.\n")
    project.journey("aaa", JOURNEY.replace("A small journey", "Zulu, the last one"))
    project.journey("zzz", JOURNEY.replace("A small journey", "alpha, the first one"))
    project.journey("mmm", JOURNEY.replace("A small journey", "Middle"))
    project.write("content/personas/aardvark.md", "---\nname: Zoë\n---\n")
    result = project.run("build", "--engine", engine, "-d", "out", "--strict")
    assert result.exit_code == 0, result.output
    page = project.root / "out" / "index.html"
    assert _nav_pages(page, "journeys") == ["", "zzz", "mmm", "aaa"]  # the overview, then by title
    assert _nav_pages(page, "personas") == ["tester", "aardvark"]  # Test persona, Zoë
    landing = (project.root / "out" / "journeys" / "index.html").read_text(encoding="utf-8")
    assert landing.count('class="jm-card"') == 3
    assert 'data-jm-filter="persona"' in landing
    assert "<h1" in landing
    assert "All journeys" in landing


def test_a_site_without_a_home_page_gets_the_journeys_overview_as_its_home(project: Project, engine: str) -> None:
    project.write("mkdocs.yml", SITE_CONFIG)
    project.journey("good", JOURNEY)
    result = project.run("build", "--engine", engine, "-d", "out", "--strict")
    assert result.exit_code == 0, result.output
    home = (project.root / "out" / "index.html").read_text(encoding="utf-8")
    assert home.count('class="jm-card"') == 1
    assert not (project.root / "out" / "journeys" / "index.html").exists()


def test_a_home_page_with_the_cards_gets_no_second_overview(site_project: Project, engine: str) -> None:
    result = site_project.run("build", "--engine", engine, "-d", "out")
    assert result.exit_code == 0, result.output
    assert not (site_project.root / "out" / "journeys" / "index.html").exists()
    assert (site_project.root / "out" / "index.html").read_text(encoding="utf-8").count('class="jm-card"') == 1


TITLES = ["Fish &amp; chips", "R&D *fast* `code`", "Café <b>crème</b>", "“Quoted” — &#x27;"]


def test_a_title_reads_the_same_in_heading_head_navigation_and_map(project: Project, engine: str) -> None:
    """Titles are plain text: what was written is shown, nothing decoded or formatted."""
    project.write("mkdocs.yml", SITE_CONFIG)
    for number, title in enumerate(TITLES):
        project.journey(f"j{number}", JOURNEY.replace("title: A small journey", f"title: {json.dumps(title)}"))
    result = project.run("build", "--engine", engine, "-d", "out")
    assert result.exit_code == 0, result.output
    for number, title in enumerate(TITLES):
        page = (project.root / "out" / "journeys" / f"j{number}" / "index.html").read_text(encoding="utf-8")
        heading = re.search(r"<h1[^>]*>(.*?)(?:<a class=\"headerlink\"|</h1>)", page, re.DOTALL)
        head = re.search(r"<title>(.*?)</title>", page, re.DOTALL)
        drawn = re.search(r'<svg[^>]*class="jm-map"[^>]*>\s*<title[^>]*>(.*?)</title>', page, re.DOTALL)
        active = re.search(r'md-nav__link--active[^>]*>\s*(?:<span class="md-ellipsis">)?\s*(.*?)\s*<', page, re.DOTALL)
        assert heading is not None
        assert head is not None
        assert drawn is not None
        assert active is not None
        assert html.unescape(heading[1].strip()) == title
        assert html.unescape(head[1]).startswith(f"{title} - ")
        assert html.unescape(drawn[1]) == title
        assert html.unescape(active[1]) == title


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler not installed (apt-get install poppler-utils)")
def test_a_journeys_pdf_is_dated_by_its_last_change_and_passes_pdfinfo(
    site_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    import subprocess

    def pdfinfo() -> tuple[str, str]:
        done = subprocess.run(
            ["pdfinfo", str(site_project.root / "out/journeys/good.pdf")], capture_output=True, text=True, check=True
        )
        created = next(line for line in done.stdout.splitlines() if line.startswith("CreationDate:"))
        return created, done.stderr

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert site_project.run("build", "-d", "out").exit_code == 0
    created, errors = pdfinfo()
    assert errors == ""  # no "Syntax Error" of any kind
    assert "Sep  1 00:00:00 2026" in created  # not in git: the day it was reviewed
    env = {"GIT_COMMITTER_DATE": "2026-10-05T12:00:00Z", "GIT_AUTHOR_DATE": "2026-10-05T12:00:00Z"}
    for args in (("init", "-q", "-b", "main"), ("add", "-A"), ("commit", "-q", "-m", "First version")):
        command = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args]
        subprocess.run(command, cwd=site_project.root, check=True, capture_output=True, env={**os.environ, **env})
    assert site_project.run("build", "-d", "out").exit_code == 0
    assert "Oct  5 00:00:00 2026" in pdfinfo()[0]  # its last commit
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    assert site_project.run("build", "-d", "out").exit_code == 0
    assert "Jan  1 00:00:00 2026" in pdfinfo()[0]


@pytest.mark.parametrize("engine_name", ["mkdocs", "zensical"])
def test_every_relative_link_of_the_example_site_resolves(tmp_path: Path, engine_name: str) -> None:
    """Every relative href and src of every page names a file of the built site. Zensical
    rewrites relative links in a page's raw HTML as if relative to its source file, so
    journeymap keeps its blocks out of the engine's sight (slots) to keep theirs right."""
    import posixpath
    from urllib.parse import unquote, urlsplit

    site = tmp_path / "site"
    build_site(REPO / "mkdocs.yml", site, strict=True, echo=False, engine=engine_name)
    broken = []
    checked = 0
    for page in sorted(site.rglob("*.html")):
        folder = page.parent.relative_to(site).as_posix()
        for href in re.findall(r'(?:href|src)="([^"]+)"', page.read_text(encoding="utf-8")):
            if re.match(r"^(?:[a-z][a-z0-9+.-]*:|#|/)", href):
                continue  # other sites, anchors, and the 404 page's links from the site's root
            path = unquote(urlsplit(href).path)
            if not path:
                continue
            target = posixpath.normpath(posixpath.join(folder, path))
            found = site / target
            if href.endswith("/") or found.is_dir():
                found = found / "index.html"
            checked += 1
            if target.startswith("..") or not found.is_file():
                broken.append(f"{page.relative_to(site)}: {href}")
    assert checked > 500
    assert broken == []


def test_titles_with_brackets_and_dollars_stay_literal(site_project: Project, engine: str) -> None:
    """Zensical's defaults include arithmatex: an escaped \\( … \\) or a pair of $ in a
    heading would become maths."""
    title = "Pays (online) $5 or $10 [today]"
    site_project.journey("good", JOURNEY.replace("### Does something", f"### {title}"))
    assert site_project.run("build", "--engine", engine, "-d", "out").exit_code == 0
    html = (site_project.root / "out/journeys/good/index.html").read_text(encoding="utf-8")
    assert "arithmatex" not in html
    heading = re.search(r'<h3 [^>]*>(.*?)(?:<a class="headerlink"|</h3>)', html)
    assert heading is not None
    assert heading[1] == f"1. {title}"


def _search_texts(site: Path) -> dict[str, str]:
    """Every indexed section's text by location, from MkDocs' or Zensical's index."""
    import json

    mkdocs_index = site / "search" / "search_index.json"
    if mkdocs_index.is_file():
        docs = json.loads(mkdocs_index.read_text(encoding="utf-8"))["docs"]
    else:
        docs = json.loads((site / "search.json").read_text(encoding="utf-8"))["items"]
    return {doc["location"]: doc["text"] for doc in docs}


def test_search_leaves_out_cards_and_indexes_a_long_block_in_part(site_project: Project, engine: str) -> None:
    """Zensical refuses to build a large site whose index holds one long text (a card
    list of 1,000 journeys was 267 KB): cards are not indexed, their words are on the
    journeys' own pages, and a block gives search its first 1,000 words."""
    from generator.site.slots import SEARCH_WORDS

    words = " ".join(f"word{n}" for n in range(3000))
    site_project.journey("long", JOURNEY.replace("- channel: Website", f"- channel: Website\n- pain: {words}"))
    result = site_project.run("build", "--engine", engine, "-d", "out")
    assert result.exit_code == 0, result.output
    texts = _search_texts(site_project.root / "out")
    home = next(text for location, text in texts.items() if location in ("", "index.html"))
    assert "A small journey" not in home, "the cards' words stay out of search"
    longest = max(texts.values(), key=len)
    assert "word0 " in longest
    assert f"word{SEARCH_WORDS - 20} " in longest
    assert len(re.sub(r"<[^>]+>", " ", longest).split()) == SEARCH_WORDS
    assert f"word{SEARCH_WORDS} " not in " ".join(texts.values())
    page = (site_project.root / "out/journeys/long/index.html").read_text(encoding="utf-8")
    assert "word2999" in page, "the page itself holds every word"


def test_search_words_are_cut_at_words_and_bytes() -> None:
    from generator.site.slots import SEARCH_WORDS, search_words

    assert search_words("a few words") == "a few words"
    many = " ".join(["word"] * (SEARCH_WORDS + 5))
    assert search_words(many).split() == ["word"] * SEARCH_WORDS
    assert len(search_words("x" * 100_000)) == 8 * SEARCH_WORDS


def test_search_leaves_out_the_map_and_its_phone_view(site_project: Project, engine: str) -> None:
    """The map's buttons and lane labels and the phone view repeat every step: indexed,
    'Download' or 'Whole map' found every journey page, and a step's words its page twice."""
    assert site_project.run("build", "--engine", engine, "-d", "out").exit_code == 0
    texts = _search_texts(site_project.root / "out")
    text = " ".join(value for location, value in texts.items() if "journeys/good" in location)
    assert "At a glance" in text  # the summary is still found
    assert "Does something" in text  # and the step, in its section
    for control in ("Skip the map", "Whole map"):
        assert control not in text
    page = (site_project.root / "out/journeys/good/index.html").read_text(encoding="utf-8")
    assert re.search(r'<figure class="jm-figure"[^>]* data-search-exclude>', page)
    assert re.search(r'<div class="jm-vertical"[^>]* data-search-exclude>', page)
