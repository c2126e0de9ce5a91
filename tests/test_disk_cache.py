"""Maps and downloads kept on disk between builds: used when nothing changed, never when
something did, never when damaged, and pruned."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.site.build_site import build_site
from generator.site.disk_cache import MARKER, DiskCache
from tests.conftest import JOURNEY, Project, snapshot
from tests.test_diff import git
from tests.test_site_build import SITE_CONFIG


@pytest.fixture
def site(project: Project, monkeypatch: pytest.MonkeyPatch) -> Project:
    monkeypatch.delenv("JOURNEYMAP_CACHE_DIR")  # the default place: .cache beside mkdocs.yml
    options = "  - journeys:\n      downloads: [svg, csv, json]\n      toolkit: false\n"  # journeys' entries only
    project.write("mkdocs.yml", SITE_CONFIG.replace("  - journeys\n", options))
    project.write("content/index.md", "# Home\n")
    project.journey("good", JOURNEY)
    project.journey("other", JOURNEY.replace("A small journey", "Another journey"))
    return project


_NOT_ENTRIES = (MARKER, ".gitignore")
"""The files journeymap writes into its cache folder besides entries."""


def _entries(project: Project) -> set[str]:
    folder = project.root / ".cache" / "journeymap" / "mkdocs"
    return {path.name for path in folder.iterdir() if path.name not in _NOT_ENTRIES} if folder.is_dir() else set()


def _drawn(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of journeys laid out from now on (in this process: no second one draws)."""
    import generator.draw.layout

    calls: list[str] = []
    original = generator.draw.layout.layout_map

    def counting(journey, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(journey.id)
        return original(journey, *args, **kwargs)

    monkeypatch.setattr(generator.draw.layout, "layout_map", counting)
    return calls


def _parsed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The journey files parsed from now on."""
    from generator.read.parse_journey import parse_journey

    calls: list[str] = []

    def counting(text, path, journey_id):  # type: ignore[no-untyped-def]
        calls.append(journey_id)
        return parse_journey(text, path, journey_id)

    monkeypatch.setattr("generator.read.load.parse_journey", counting)
    return calls


def _build(project: Project, out: str = "out") -> Path:
    build_site(project.root / "mkdocs.yml", project.root / out, echo=False)
    return project.root / out


def _insights(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many journeys each insights page made from now on had."""
    from generator.site.insights import insights_page

    made: list[int] = []

    def counting(journeys, *args, **kwargs):  # type: ignore[no-untyped-def]
        made.append(len(journeys))
        return insights_page(journeys, *args, **kwargs)

    monkeypatch.setattr("generator.site.docs_tree.insights_page", counting)
    return made


def test_a_rebuild_uses_the_cache_and_gives_the_same_site(site: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    first = snapshot(_build(site, "first"))
    # per journey: map, SVG, CSV, JSON, page and the file as parsed; and the insights page
    assert len(_entries(site)) == 13
    assert sum(1 for name in _entries(site) if name.endswith(".insights")) == 1
    calls, parsed, insights = _drawn(monkeypatch), _parsed(monkeypatch), _insights(monkeypatch)
    second = snapshot(_build(site, "second"))
    assert calls == []
    assert parsed == [], "an unchanged file is read back as parsed, not parsed again"
    assert insights == [], "the insights page of the same journeys is read back"
    assert second == first


def test_an_edited_journey_is_drawn_again_and_its_old_entries_go(
    site: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    _build(site)
    before = _entries(site)
    calls, parsed, insights = _drawn(monkeypatch), _parsed(monkeypatch), _insights(monkeypatch)
    site.journey("other", JOURNEY.replace("A small journey", "Another journey, edited"))
    out = _build(site)
    assert calls == ["other"]
    assert parsed == ["other"]
    assert insights == [2], "the insights page is made again from both journeys"
    assert "Another journey, edited" in (out / "journeys" / "other.svg").read_text(encoding="utf-8")
    assert "Another journey, edited" in (out / "insights" / "index.html").read_text(encoding="utf-8")
    after = _entries(site)
    assert len(after) == 13
    assert len(before & after) == 6  # the unchanged journey's six entries stay; the insights page is new


def test_changed_settings_draw_everything_again(site: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    _build(site)
    calls = _drawn(monkeypatch)
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("downloads:", "language: nl\n      downloads:"))
    out = _build(site)
    assert sorted(calls) == ["good", "other"]
    assert "Klantstappen" in (out / "journeys" / "good.svg").read_text(encoding="utf-8")


def test_a_damaged_entry_is_drawn_again(site: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    first = snapshot(_build(site, "first"))
    folder = site.root / ".cache" / "journeymap" / "mkdocs"
    for path in folder.iterdir():
        if path.suffix == ".svg":
            data = path.read_bytes()
            path.write_bytes(data[: len(data) // 2])  # half-written
        elif path.suffix == ".csv":
            flipped = bytearray(path.read_bytes())
            flipped[-3] ^= 0xFF  # a flipped byte
            path.write_bytes(bytes(flipped))
    calls = _drawn(monkeypatch)
    second = snapshot(_build(site, "second"))
    assert sorted(calls) == ["good", "other"]
    assert second == first


def test_a_parsed_entry_of_another_shape_is_parsed_again(site: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """An entry with a good signature whose JSON is not a parsed journey (a foreign or
    older file): the journey file is parsed again and the site is the same."""
    from generator.site.disk_cache import cache_key

    first = snapshot(_build(site, "first"))
    folder = site.root / ".cache" / "journeymap" / "mkdocs"
    planted = [b'[1, ["good"], []]', b'{"not": "a list"}']
    entries = sorted(path for path in folder.iterdir() if path.suffix == ".parsed")
    assert len(entries) == 2
    for path, body in zip(entries, planted, strict=True):
        DiskCache(folder, cache_key(site.root)).put(path.name, body)  # signed as the user's build signs
    parsed = _parsed(monkeypatch)
    second = snapshot(_build(site, "second"))
    assert sorted(parsed) == ["good", "other"]
    assert second == first


@pytest.mark.parametrize(
    "body",
    [b"", b"\x00\x00", (999).to_bytes(8, "big") + b"short", (2).to_bytes(8, "big") + b"\xff\xfe[]"],
    ids=["empty", "shorter than its length", "a length past the end", "not UTF-8"],
)
def test_a_page_entry_of_another_shape_is_made_again(site: Project, body: bytes) -> None:
    """A journey page or insights page entry with a good signature but of another shape:
    the page is made again and the site is the same."""
    from generator.site.disk_cache import cache_key

    first = snapshot(_build(site, "first"))
    folder = site.root / ".cache" / "journeymap" / "mkdocs"
    entries = sorted(path for path in folder.iterdir() if path.suffix in (".page", ".insights"))
    assert len(entries) == 3
    for path in entries:
        DiskCache(folder, cache_key(site.root)).put(path.name, body)  # signed as the user's build signs
    assert snapshot(_build(site, "second")) == first


def test_a_slot_file_of_another_shape_leaves_its_slot(tmp_path: Path) -> None:
    from generator.site.slots import PageSlots, fill

    slots = PageSlots(tmp_path, "page.md")
    page = slots("<p>one</p>", "one") + slots("<p>two</p>", "two")
    slots.save()
    assert fill(page, tmp_path) == "<p>one</p><p>two</p>"
    (tmp_path / f"{slots.key}.json").write_text('{"not": "a list"}', encoding="utf-8")
    assert fill(page, tmp_path) == page  # the slots stay, with their words
    (tmp_path / f"{slots.key}.json").write_text('["only one"]', encoding="utf-8")
    assert fill(page, tmp_path).startswith('only one<div class="jm-slot"')
    (tmp_path / f"{slots.key}.json").write_bytes(b"\xff not json")
    assert fill(page, tmp_path) == page


def test_cache_false_keeps_nothing(site: Project) -> None:
    config = site.root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("downloads:", "cache: false\n      downloads:"))
    _build(site)
    assert not (site.root / ".cache").exists()


def test_the_cache_folder_can_be_moved(site: Project, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("JOURNEYMAP_CACHE_DIR", str(tmp_path / "elsewhere"))
    _build(site)
    assert not (site.root / ".cache").exists()
    assert len([p for p in (tmp_path / "elsewhere" / "mkdocs").iterdir() if p.name not in _NOT_ENTRIES]) == 13


def test_leftovers_of_a_killed_build_are_removed(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path)
    cache.put("kept.svg", b"<svg/>")
    (tmp_path / ".tmp-abc123").write_bytes(b"half")
    assert cache.get("kept.svg") == b"<svg/>"
    cache.prune()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*_NOT_ENTRIES, "kept.svg"])


def test_a_cache_that_cannot_be_written_only_costs_time(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    cache = DiskCache(blocked / "cache")
    cache.put("x.svg", b"data")  # no error
    assert cache.get("x.svg") is None


def test_the_workshop_kit_is_compiled_once_and_kept(site: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    site.write("mkdocs.yml", site.root.joinpath("mkdocs.yml").read_text().replace("toolkit: false", "toolkit: true"))
    import generator.print.toolkit

    compiled: list[str] = []
    original = generator.print.toolkit.build_kit

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        compiled.append("kit")
        return original(*args, **kwargs)

    monkeypatch.setattr(generator.print.toolkit, "build_kit", counting)
    first = snapshot(_build(site, "first"))
    assert compiled == ["kit"]
    assert (
        sum(1 for name in _entries(site) if ".kit" in name)
        == len([n for n in first if n.startswith("toolkit/") and n.endswith((".pdf", ".csv"))]) + 1
    )
    second = snapshot(_build(site, "second"))
    assert compiled == ["kit"]  # from the cache: the texts, the personas and the settings are as they were
    assert second == first
    site.write("toolkit/guide.en.md", "# Our guide\n\nAnother text.\n")
    _build(site, "third")
    assert compiled == ["kit", "kit"]  # an overridden text compiles the kit again


def test_a_folder_that_is_not_the_caches_is_refused_untouched(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project.write("mkdocs.yml", SITE_CONFIG)
    shared = tmp_path / "home-cache"  # JOURNEYMAP_CACHE_DIR=~/.cache: the cache would be ~/.cache/mkdocs
    (shared / "mkdocs").mkdir(parents=True)
    (shared / "mkdocs" / "precious").write_text("keep me", encoding="utf-8")
    monkeypatch.setenv("JOURNEYMAP_CACHE_DIR", str(shared))
    for engine in ("mkdocs", "zensical"):
        result = project.run("build", "--engine", engine, "-d", "out")
        assert result.exit_code == 2, result.output
        assert "holds files that are not journeymap's cache" in result.output
    assert sorted(p.name for p in (shared / "mkdocs").iterdir()) == ["precious"]
    assert not (project.root / "out").exists()


def test_pruning_removes_only_entries(tmp_path: Path) -> None:
    from generator.site.disk_cache import open_cache

    cache = open_cache(tmp_path / "cache")
    cache.put("a" * 64 + ".svg", b"old")
    cache.put("b" * 64 + ".svg", b"kept")
    (tmp_path / "cache" / "notes.txt").write_text("someone's notes", encoding="utf-8")
    (tmp_path / "cache" / ("c" * 64 + ".svg")).write_bytes(b"<svg>an unsigned entry of an older journeymap</svg>")
    assert open_cache(tmp_path / "cache").get("c" * 64 + ".svg") is None  # unsigned: never used
    later = open_cache(tmp_path / "cache")  # the next build: the marker makes the folder ours
    assert later.get("b" * 64 + ".svg") == b"kept"
    later.prune()
    left = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert left == sorted([*_NOT_ENTRIES, "b" * 64 + ".svg", "notes.txt"])


def test_a_cache_an_earlier_journeymap_left_is_taken_over(tmp_path: Path) -> None:
    from generator.site.disk_cache import open_cache

    folder = tmp_path / "mkdocs"
    folder.mkdir()
    (folder / ("d" * 64 + ".inline")).write_bytes(b"old")
    (folder / ".tmp-x1").write_bytes(b"half")
    cache = open_cache(folder)  # entries only: no marker yet, still journeymap's
    cache.put("e" * 64 + ".svg", b"new")
    cache.prune()
    assert sorted(p.name for p in folder.iterdir()) == sorted([*_NOT_ENTRIES, "e" * 64 + ".svg"])


def test_a_download_is_linked_into_the_site_or_copied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``place_file``: a hard link on one file system, a copy where links fail; a target
    is replaced whole, and a later rewrite of the source leaves it as it was."""
    import os

    from generator.site.tree_files import place_file, write_if_changed

    source, linked, copied = tmp_path / "late.pdf", tmp_path / "site.pdf", tmp_path / "copy.pdf"
    source.write_bytes(b"first")
    linked.write_bytes(b"an older build's")
    place_file(source, linked)
    assert linked.read_bytes() == b"first"
    assert os.path.samefile(source, linked)
    place_file(source, linked)  # already the same file: left alone
    assert os.path.samefile(source, linked)
    write_if_changed(source, b"second")  # a rename: the site keeps what it was given
    assert linked.read_bytes() == b"first"

    def no_links(*args: object) -> None:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", no_links)
    place_file(source, copied)
    assert copied.read_bytes() == b"second"
    assert not os.path.samefile(source, copied)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.pdf", "late.pdf", "site.pdf"], "no temporary left"


def test_a_tree_that_stands_alone_never_gets_a_built_site_s_slots(site: Project) -> None:
    """The same insights page is kept twice: with its blocks in slots for a build, in the
    page for ``journeymap docs``; neither is ever given for the other."""
    assert site.run("build", "-q", "--engine", "zensical", "-d", "out").exit_code == 0  # settings as docs sees them
    assert site.run("docs", "-q", "tree").exit_code == 0
    insights = (site.root / "tree" / "insights.md").read_text(encoding="utf-8")
    assert "jm-slot" not in insights
    assert "<table>" in insights
    assert sum(1 for name in _entries(site) if name.endswith(".insights")) == 2
    assert site.run("build", "-q", "--engine", "zensical", "-d", "out").exit_code == 0
    assert "<table>" in (site.root / "out" / "insights" / "index.html").read_text(encoding="utf-8")


def test_entries_planted_without_the_key_are_never_used(site: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pull request can commit ``.cache/journeymap`` files named as a build would name
    them; signed with any key but the user's, each is drawn or made again, and none of
    their HTML reaches the site."""
    first = snapshot(_build(site, "first"))
    folder = site.root / ".cache" / "journeymap" / "mkdocs"
    names = sorted(_entries(site))
    assert any(name.endswith(".page") for name in names)
    assert any(name.endswith(".parsed") for name in names)
    planted = DiskCache(folder, key=b"a key that is not the user's")
    for name in names:
        planted.put(name, b'<script>alert("planted")</script>')
    calls = _drawn(monkeypatch)
    parsed = _parsed(monkeypatch)
    second = snapshot(_build(site, "second"))
    assert sorted(calls) == ["good", "other"]
    assert sorted(parsed) == ["good", "other"]
    assert second == first
    pages = "".join(path.read_text("utf-8") for path in (site.root / "second").rglob("*.html"))
    assert "planted" not in pages


def test_an_entry_answers_only_to_its_own_name(tmp_path: Path) -> None:
    cache = DiskCache(tmp_path, key=b"k" * 32)
    cache.put("a" * 64 + ".svg", b"<svg>a</svg>")
    (tmp_path / ("b" * 64 + ".svg")).write_bytes((tmp_path / ("a" * 64 + ".svg")).read_bytes())  # renamed
    assert cache.get("a" * 64 + ".svg") == b"<svg>a</svg>"
    assert cache.get("b" * 64 + ".svg") is None
    assert DiskCache(tmp_path, key=b"j" * 32).get("a" * 64 + ".svg") is None


def test_the_key_is_made_once_outside_the_project_for_this_user_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import stat

    from generator.site import disk_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    disk_cache._kept_key.cache_clear()
    key = disk_cache.cache_key(tmp_path / "project")
    path = tmp_path / "user-cache" / "journeymap" / "cache-key"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    text = path.read_text("ascii")
    disk_cache._kept_key.cache_clear()  # as the next process reads it
    assert disk_cache.cache_key(tmp_path / "project") == key
    assert path.read_text("ascii") == text
    assert [p.name for p in path.parent.iterdir()] == ["cache-key"], "no temporary left"
    path.write_text("cut", encoding="ascii")  # no key: replaced by a new one
    disk_cache._kept_key.cache_clear()
    assert disk_cache.cache_key(tmp_path / "project") not in (key, disk_cache._process_key())
    assert len(path.read_text("ascii").strip()) == 64
    disk_cache._kept_key.cache_clear()


def test_a_key_file_inside_the_project_or_nowhere_gives_a_key_of_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.site import disk_cache

    project = tmp_path / "project"
    (project / ".cache" / "journeymap").mkdir(parents=True)
    (project / ".cache" / "journeymap" / "cache-key").write_text("0" * 64, encoding="ascii")  # planted
    monkeypatch.setenv("XDG_CACHE_HOME", str(project / ".cache"))  # HOME is the project
    disk_cache._kept_key.cache_clear()
    assert disk_cache.cache_key(project) == disk_cache._process_key()
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    disk_cache._kept_key.cache_clear()
    assert disk_cache.cache_key(project) == disk_cache._process_key()
    cache = DiskCache(tmp_path / "cache", disk_cache.cache_key(project))
    cache.put("x.svg", b"<svg/>")
    assert cache.get("x.svg") == b"<svg/>"  # the cache still serves the build it is in
    disk_cache._kept_key.cache_clear()


def test_a_key_given_in_the_environment_signs_instead(
    site: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``JOURNEYMAP_CACHE_KEY`` (a CI secret): a cache kept with one key is used again
    with the same key on another machine (another key file), and not with another key."""
    monkeypatch.setenv("JOURNEYMAP_CACHE_KEY", "ci-secret-1")
    first = snapshot(_build(site, "first"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "another-machine"))
    calls = _drawn(monkeypatch)
    assert snapshot(_build(site, "second")) == first
    assert calls == []
    monkeypatch.setenv("JOURNEYMAP_CACHE_KEY", "ci-secret-2")
    assert snapshot(_build(site, "third")) == first
    assert sorted(calls) == ["good", "other"]


def test_git_add_leaves_the_cache_out(site: Project) -> None:
    assert site.run("build", "-d", "out").exit_code == 0
    assert (site.root / ".cache" / "journeymap" / "mkdocs" / ".gitignore").read_text("utf-8") == "*\n"
    git(site.root, "init", "-q", "-b", "main")
    git(site.root, "add", "-A")
    assert git(site.root, "ls-files", "--", ".cache") == ""
    assert "content/journeys/good.md" in git(site.root, "ls-files")


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_a_cache_committed_to_git_stops_the_build(site: Project, engine: str) -> None:
    """An engine's cache (Zensical's rendered pages in ``.cache/``, a theme plugin's
    downloads) is used as it is: committed, it could put into the site what no review of
    the content showed."""
    git(site.root, "init", "-q", "-b", "main")
    site.write(".cache/1000963581572184781", '{"data": "<script>planted</script>"}')
    git(site.root, "add", "-A")
    git(site.root, "add", "-f", ".cache/1000963581572184781")
    git(site.root, "commit", "-q", "-m", "A page and a cache file")
    result = site.run("build", "--engine", engine, "-d", "out")
    assert result.exit_code == 2, result.output
    assert ".cache/1000963581572184781: a cache is committed to git" in result.output
    assert "git rm -r --cached .cache" in result.output
    assert "Traceback" not in result.output
    assert not (site.root / "out").exists()
    git(site.root, "rm", "-r", "-q", "--cached", ".cache")
    assert site.run("build", "--engine", engine, "-d", "out").exit_code == 0


def test_mkdocs_run_by_hand_refuses_a_committed_cache_too(site: Project) -> None:
    import subprocess
    import sys

    git(site.root, "init", "-q", "-b", "main")
    site.write(".cache/plugin/privacy/assets/script.js", "alert('planted')\n")
    git(site.root, "add", "-A")
    git(site.root, "add", "-f", ".cache")
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", "out"]
    result = subprocess.run(command, cwd=site.root, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert ".cache/plugin/privacy/assets/script.js: a cache is committed to git" in result.stderr
    assert not (site.root / "out").exists()
    git(site.root, "rm", "-r", "-q", "--cached", ".cache")
    result = subprocess.run(command, cwd=site.root, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_a_key_file_others_may_write_or_a_link_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Such a key may be known to someone else: it is replaced by a new one of this
    user's; in a folder others may write to, no key is kept at all."""
    import stat

    from generator.site import disk_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "shared"))
    disk_cache._kept_key.cache_clear()
    kept = disk_cache.cache_key(tmp_path / "project")
    path = disk_cache.key_file()
    path.chmod(0o666)
    disk_cache._kept_key.cache_clear()
    replaced = disk_cache.cache_key(tmp_path / "project")
    assert replaced not in (kept, disk_cache._process_key())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.unlink()
    (tmp_path / "elsewhere").write_text("f" * 64, encoding="ascii")
    path.symlink_to(tmp_path / "elsewhere")
    disk_cache._kept_key.cache_clear()
    assert disk_cache.cache_key(tmp_path / "project") not in (kept, replaced, disk_cache._process_key())
    assert not path.is_symlink()
    assert (tmp_path / "elsewhere").read_text("ascii") == "f" * 64, "the link's target is left alone"
    path.parent.chmod(0o777)  # a folder anyone may write to
    disk_cache._kept_key.cache_clear()
    assert disk_cache.cache_key(tmp_path / "project") == disk_cache._process_key()
    path.parent.chmod(0o700)
    disk_cache._kept_key.cache_clear()


def test_a_key_file_in_the_repository_of_a_project_in_a_subfolder_is_not_trusted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.site import disk_cache

    repository = tmp_path / "repository"
    (repository / ".git").mkdir(parents=True)
    (repository / "docs").mkdir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(repository / "planted"))
    disk_cache._kept_key.cache_clear()
    assert disk_cache.cache_key(repository / "docs") == disk_cache._process_key()
    assert not (repository / "planted").exists()
    disk_cache._kept_key.cache_clear()


def test_the_key_is_kept_where_hard_links_fail(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    from generator.site import disk_cache

    def no_links(*args: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "fuse"))
    monkeypatch.setattr(os, "link", no_links)
    disk_cache._kept_key.cache_clear()
    key = disk_cache.cache_key(tmp_path / "project")
    assert key != disk_cache._process_key()
    assert len(disk_cache.key_file().read_text("ascii").strip()) == 64
    disk_cache._kept_key.cache_clear()
    assert disk_cache.cache_key(tmp_path / "project") == key
    disk_cache._kept_key.cache_clear()


def test_a_cache_an_earlier_journeymap_made_gets_its_gitignore(tmp_path: Path) -> None:
    folder = tmp_path / "mkdocs"
    folder.mkdir()
    (folder / MARKER).write_text("journeymap's cache\n", encoding="utf-8")
    DiskCache(folder, key=b"k" * 32).put("a" * 64 + ".svg", b"<svg/>")
    assert (folder / ".gitignore").read_text("utf-8") == "*\n"


def test_a_committed_cache_file_with_a_name_that_is_not_utf8_is_named_escaped(site: Project) -> None:
    import os

    git(site.root, "init", "-q", "-b", "main")
    odd = site.root / os.fsdecode(b".cache/\xffname\x1b[31m")
    odd.parent.mkdir(parents=True)
    odd.write_text("planted", encoding="utf-8")
    git(site.root, "add", "-f", ".cache")
    result = site.run("build", "-d", "out")
    assert result.exit_code == 2, result.output
    assert "a cache is committed to git" in result.output
    assert "\\udcff" in result.output
    assert "\x1b" not in result.output


def test_git_that_will_not_answer_is_said_and_the_build_goes_on(site: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.diff import git_history
    from generator.diff.git_history import GitError

    def refusing(root: Path, folder: str) -> list[str]:
        raise GitError("detected dubious ownership in repository")

    git(site.root, "init", "-q", "-b", "main")
    monkeypatch.setattr(git_history, "tracked_files", refusing)
    result = site.run("build", "--strict", "-d", "out")
    assert result.exit_code == 0, result.output
    assert "could not ask git whether files under .cache/ are committed (detected dubious ownership" in result.output
