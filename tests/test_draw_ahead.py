"""Maps and step details made in a second process while MkDocs converts pages: the same
site either way, the parent taking over whatever the child did not finish."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from generator.site import draw_ahead
from generator.site.build_site import build_site
from generator.site.draw_ahead import DrawAhead, can_fork
from tests.conftest import JOURNEY, Project, snapshot
from tests.test_site_build import SITE_CONFIG

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or len(os.sched_getaffinity(0)) < 2, reason="needs Linux and two cores"
)


@pytest.fixture(autouse=True)
def _threads_left_by_typst_do_not_count(monkeypatch: pytest.MonkeyPatch) -> None:
    """Earlier tests ran typst in this process, and it leaves idle threads, which stop
    a fork. The jobs here never use typst, so forking is safe; the thread check itself
    is tested in a fresh interpreter below."""
    monkeypatch.setattr(draw_ahead, "_only_thread", lambda: True)


def _pid() -> int:
    return os.getpid()


def test_the_child_does_the_jobs_in_order() -> None:
    ahead = DrawAhead.start([_pid, _pid, _pid])
    try:
        assert ahead.running
        ahead.wait()
        child = ahead.result(0)
        assert child not in (None, os.getpid())
        assert ahead.result(1) == child
        assert ahead.result(2) == child
        assert ahead.result(3) is None  # there is no fourth job
    finally:
        ahead.stop()
    with pytest.raises(ChildProcessError):  # reaped: no zombie left behind
        os.waitpid(child, 0)


PARENT = os.getpid()


def _slow() -> int:
    """0.2 s in the child, 0.5 s in the parent: no two events fall together."""
    time.sleep(0.5 if os.getpid() == PARENT else 0.2)
    return os.getpid()


def test_a_waiting_parent_takes_jobs_from_the_far_end() -> None:
    ahead = DrawAhead.start([_slow, _slow, _slow, _slow])
    try:
        # The child is on job 0: meanwhile the parent does job 3 (0.5 s), and the
        # child does jobs 0 and 1 and is halfway through job 2.
        assert ahead.result(0) not in (None, PARENT)
        assert ahead.result(1) not in (None, PARENT)
        assert ahead.result(2) is None  # the next job nobody has finished: the parent's now
        assert ahead.result(3) == PARENT  # done while waiting for job 0
    finally:
        ahead.stop()


def test_a_failing_job_leaves_it_and_the_rest_to_the_parent() -> None:
    def fail() -> str:
        raise ValueError("broken journey")

    ahead = DrawAhead.start([lambda: "first", fail, lambda: "third"])
    try:
        ahead.wait()
        assert not ahead.running
        assert ahead.result(0) == "first"
        assert ahead.result(1) is None
        assert ahead.result(2) is None
    finally:
        ahead.stop()


def test_stop_ends_a_busy_child_and_removes_its_folder() -> None:
    ahead = DrawAhead.start([lambda: time.sleep(60), lambda: None])
    folder = ahead._folder
    assert folder is not None
    assert folder.is_dir()
    started = time.monotonic()
    ahead.stop()
    assert time.monotonic() - started < 5
    assert not folder.exists()
    assert ahead.result(0) is None


def test_stop_can_let_the_child_finish_what_it_is_writing(tmp_path: Path) -> None:
    target = tmp_path / "download.csv"
    started = tmp_path / "started"

    def writing() -> None:
        started.touch()
        time.sleep(0.3)
        target.write_text("complete\n")

    ahead = DrawAhead.start([writing, lambda: None])
    while not started.exists():
        time.sleep(0.01)
    ahead.stop(wait=True)
    assert target.read_text() == "complete\n"


def test_one_process_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYMAP_PROCESSES", "1")
    assert not can_fork()
    assert not DrawAhead.start([_pid, _pid]).running


def test_no_fork_while_other_threads_run() -> None:
    script = (
        "import threading, typst\n"
        "from generator.site.draw_ahead import can_fork\n"
        "alone = can_fork()\n"
        "stop = threading.Event(); thread = threading.Thread(target=stop.wait); thread.start()\n"
        "with_thread = can_fork(); stop.set(); thread.join()\n"
        "typst.compile(bytes('hello', 'utf-8'), format='pdf')\n"
        "print(alone, with_thread, can_fork())\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "JOURNEYMAP_PROCESSES"}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.split() == ["True", "False", "False"]  # typst's idle threads count too


@pytest.fixture
def site(project: Project) -> Project:
    project.write(
        "mkdocs.yml", SITE_CONFIG.replace("  - journeys\n", "  - journeys:\n      downloads: [svg, csv, json]\n")
    )
    project.write("content/index.md", "# Home\n")
    for index in range(4):
        project.journey(f"j{index}", JOURNEY.replace("A small journey", f"Journey number {index}"))
    return project


def _children(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The pids of the drawing processes started from now on."""
    pids: list[int] = []
    original = DrawAhead.start.__func__  # type: ignore[attr-defined]

    def recording(cls: type[DrawAhead], jobs: list) -> DrawAhead:  # type: ignore[type-arg]
        ahead: DrawAhead = original(cls, jobs)
        pids.append(ahead.pid)
        return ahead

    monkeypatch.setattr(DrawAhead, "start", classmethod(recording))
    return pids


def test_the_site_is_the_same_drawn_in_one_process_or_two(site: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOURNEYMAP_CACHE_DIR", str(site.root / "cache-one"))
    monkeypatch.setenv("JOURNEYMAP_PROCESSES", "1")
    children = _children(monkeypatch)
    build_site(site.root / "mkdocs.yml", site.root / "one", echo=False)
    assert children == [0]
    monkeypatch.setenv("JOURNEYMAP_CACHE_DIR", str(site.root / "cache-two"))
    monkeypatch.delenv("JOURNEYMAP_PROCESSES")
    build_site(site.root / "mkdocs.yml", site.root / "two", echo=False)
    assert children[1] > 0
    assert snapshot(site.root / "two") == snapshot(site.root / "one")
    assert snapshot(site.root / "cache-two") == snapshot(site.root / "cache-one")
    # and with every page from the child
    monkeypatch.setenv("JOURNEYMAP_CACHE_DIR", str(site.root / "cache-three"))
    got = _child_does_all(monkeypatch)
    build_site(site.root / "mkdocs.yml", site.root / "three", echo=False)
    assert len(got) == 4
    assert None not in got
    assert snapshot(site.root / "three") == snapshot(site.root / "one")
    assert snapshot(site.root / "cache-three") == snapshot(site.root / "cache-one")


def _child_does_all(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The parent waits for the child before taking any page: the child does them all.
    Returns what the parent got from the child, from now on."""
    got: list[object] = []
    original = DrawAhead.result

    def waiting(self: DrawAhead, index: int) -> object:
        self.wait()
        got.append(original(self, index))
        return got[-1]

    monkeypatch.setattr(DrawAhead, "result", waiting)
    return got


def test_what_the_child_drew_stays_in_the_cache(site: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = site.root / "cache"
    monkeypatch.setenv("JOURNEYMAP_CACHE_DIR", str(cache))
    got = _child_does_all(monkeypatch)
    build_site(site.root / "mkdocs.yml", site.root / "out", echo=False)
    assert len(got) == 4
    assert None not in got
    entries = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (cache / "mkdocs").iterdir()}
    assert len(entries) == 4 * 4  # each journey: its page's map, SVG, CSV and JSON
    build_site(site.root / "mkdocs.yml", site.root / "out", echo=False)
    again = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in (cache / "mkdocs").iterdir()}
    assert again == entries  # none pruned, none written again


def _exchange_folders() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("journeymap-ahead-*"))


def test_a_child_that_fails_midway_leaves_the_rest_to_the_parent(
    site: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_site(site.root / "mkdocs.yml", site.root / "expected", echo=False)
    import generator.export

    parent = os.getpid()
    original = generator.export.journey_to_csv
    made_here: list[str] = []

    def fails_in_the_child(journey):  # type: ignore[no-untyped-def]
        if os.getpid() != parent and journey.id == "j2":
            os._exit(3)  # as if killed
        if os.getpid() == parent:
            made_here.append(journey.id)
        return original(journey)

    monkeypatch.setattr(generator.export, "journey_to_csv", fails_in_the_child)
    before = _exchange_folders()
    monkeypatch.setenv("JOURNEYMAP_CACHE_DIR", str(site.root / "fresh-cache"))
    children = _children(monkeypatch)
    build_site(site.root / "mkdocs.yml", site.root / "out", echo=False)
    assert children[0] > 0
    assert "j2" in made_here  # the child ended there: the parent made it
    assert snapshot(site.root / "out") == snapshot(site.root / "expected")
    assert _exchange_folders() == before  # the child's folder is gone too


def test_parts_from_another_version_of_the_file_are_not_used(site: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    build_site(site.root / "mkdocs.yml", site.root / "expected", echo=False)

    def from_an_edited_file(self: DrawAhead, index: int) -> object:
        return (f"j{index}", 12345, (["<p>EDITED</p>"] * 40, []))  # a checksum this build never read

    monkeypatch.setattr(DrawAhead, "result", from_an_edited_file)
    monkeypatch.setenv("JOURNEYMAP_CACHE_DIR", str(site.root / "fresh-cache"))
    build_site(site.root / "mkdocs.yml", site.root / "out", echo=False)
    assert snapshot(site.root / "out") == snapshot(site.root / "expected")


def test_a_new_process_builds_the_same_site_with_pdfs_and_history(project: Project) -> None:
    """`mkdocs build` in a process of its own, as users run it: typst has not run yet, so
    the build forks, and the child renders the PDF downloads too."""
    project.write("mkdocs.yml", SITE_CONFIG)  # default downloads: SVG, PDF, CSV and JSON
    project.write("content/index.md", "# Home\n")
    project.journey("good", JOURNEY)
    project.journey("other", JOURNEY.replace("A small journey", "Another journey"))

    def git(*args: str) -> None:
        command = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args]
        subprocess.run(command, cwd=project.root, check=True, capture_output=True)

    git("init", "-q")
    git("add", ".")
    git("commit", "-q", "-m", "First version")
    project.journey("good", JOURNEY.replace("A small journey", "A small journey, reviewed"))
    git("commit", "-q", "-am", "Reviewed")
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    env = {k: v for k, v in os.environ.items() if k != "JOURNEYMAP_PROCESSES"} | {"NO_MKDOCS_2_WARNING": "1"}
    two = subprocess.run(
        [mkdocs, "build", "-v", "-d", "two"], check=False, cwd=project.root, env=env, capture_output=True, text=True
    )
    assert two.returncode == 0, two.stderr
    assert "drawn in a second process too" in two.stderr
    one_env = env | {"JOURNEYMAP_PROCESSES": "1"}
    one = subprocess.run(
        [mkdocs, "build", "-v", "-d", "one"], check=False, cwd=project.root, env=one_env, capture_output=True, text=True
    )
    assert one.returncode == 0, one.stderr
    assert "second process" not in one.stderr
    assert (project.root / "two" / "journeys" / "good.pdf").read_bytes().startswith(b"%PDF")
    assert "Reviewed" in (project.root / "two" / "journeys" / "good" / "index.html").read_text(encoding="utf-8")
    assert snapshot(project.root / "two") == snapshot(project.root / "one")
