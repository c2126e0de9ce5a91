"""Building the site with an engine into a staging folder, swapped in only when it succeeded.

A failed, interrupted or killed build leaves the previous site as it was. A folder is
only ever replaced when it is empty or holds the marker file that journeymap writes
into every site it builds, so a mistyped ``-d`` never deletes someone's work. Staging
folders carry their build's process id: a build removes only those whose process is gone.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.config import Settings
from generator.site.docs_tree import DocsTree
from generator.site.engines import EngineError, choose_engine

__all__ = [
    "MARKER",
    "SiteBuildError",
    "SiteResult",
    "build_site",
    "refuse_committed_caches",
    "serve_site",
    "write_docs",
]

MARKER = ".journeymap-site"
_STAGING = ".journeymap-staging-"
_OLD = ".journeymap-old-"
_WORK = ".journeymap-build-"
_TREE = Path(".cache") / "journeymap-tree"
"""Where a Zensical build keeps its docs tree between builds (beside ``mkdocs.yml``): at
one path, Zensical's own cache serves a rebuild's unchanged pages."""

SiteBuildError = EngineError


@dataclass
class SiteResult:
    site_dir: Path
    engine: str = "mkdocs"
    warnings: list[str] = field(default_factory=list)
    pages: int = 0


def _gone(path: Path) -> bool:
    """Whether the build that made ``path`` (its name ends in its process id) has ended."""
    pid = path.name.rsplit("-", 1)[-1]
    if not pid.isdigit():
        return True
    if int(pid) == os.getpid():
        return True
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _recover(target: Path) -> None:
    """Finish or undo a swap that was cut short, and drop staging folders of ended builds."""
    parent = target.parent
    if not parent.is_dir():
        return
    for stale in [*parent.glob(f".{target.name}{_STAGING}*"), *parent.glob(f"{_WORK}*")]:
        if _gone(stale):
            shutil.rmtree(stale, ignore_errors=True)
    olds = sorted(parent.glob(f".{target.name}{_OLD}*"))
    if not target.exists() and olds:
        olds.pop().rename(target)
    for old in olds:
        if _gone(old):
            shutil.rmtree(old, ignore_errors=True)


def refuse_committed_caches(root: Path) -> str | None:
    """Stop (exit 2) when git tracks files in ``root/.cache``: the engines' and their
    plugins' caches (Zensical's pages, mkdocs-material's downloaded assets) are used as
    they are, so a cache file from a commit would put into the site what a review of the
    content never showed. journeymap's own entries are signed and would only be ignored.
    Outside a work tree there is nothing to ask; when git is missing or will not answer
    (a repository it does not trust, ``safe.directory``), the warning to show."""
    from generator.diff.git_history import GitError, enclosing_repository, tracked_files

    if enclosing_repository(root) is None:
        return None
    try:
        committed = tracked_files(root, ".cache")
    except GitError as exc:
        return f"could not ask git whether files under .cache/ are committed ({exc}); they are not checked"
    if committed:
        first = committed[0] if committed[0].isprintable() else ascii(committed[0])
        more = f" (and {len(committed) - 1} more)" if len(committed) > 1 else ""
        raise SiteBuildError(
            f"{first}{more}: a cache is committed to git, and an engine would build from it what "
            "no review of the content showed; remove it from git (git rm -r --cached .cache) and add "
            ".cache/ to .gitignore",
            2,
        )
    return None


def _check_committed_caches(root: Path, *, echo: bool = True) -> None:
    """``refuse_committed_caches``, its warning said on stderr: not counted as a build
    warning, so git's own refusal cannot fail a --strict build."""
    unchecked = refuse_committed_caches(root)
    if unchecked and echo:
        print(f"journeymap: {unchecked}", file=sys.stderr)


def _check_replaceable(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise SiteBuildError(f"{target} exists and is not a folder; refusing to replace it", 2)
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists():
        raise SiteBuildError(
            f"{target} is not empty and was not built by journeymap; refusing to replace it (choose another -d)", 2
        )


def _prepare(target: Path) -> Path:
    """The staging folder for a site that will replace ``target`` (a resolved path)."""
    _recover(target)
    _check_replaceable(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.parent / f".{target.name}{_STAGING}{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    return staging


def build_site(
    config_file: Path,
    site_dir: Path | None = None,
    *,
    strict: bool = False,
    echo: bool = True,
    engine: str | None = None,
) -> SiteResult:
    """Build the site of ``config_file`` into ``site_dir`` (default: its ``site_dir``)."""
    from generator.check.report import format_text
    from generator.config import load_settings

    settings, problems = load_settings(config_file)
    if problems:
        raise SiteBuildError(f"invalid configuration\n{format_text(problems)}", 1)
    chosen = choose_engine(engine or settings.engine)
    from generator.site.docs_tree import cache_for

    cache_for(settings)  # a cache folder that is not journeymap's stops the build before it starts
    _check_committed_caches(config_file.parent, echo=echo)
    staged: list[tuple[Path, Path]] = []
    locks = contextlib.ExitStack()

    def staging_for(configured: Path) -> Path:
        target = (Path(site_dir) if site_dir is not None else configured).resolve()
        content = settings.content_dir.resolve()
        if target == content or target.is_relative_to(content):  # the site would hold itself, build on build
            raise SiteBuildError(f"{target} is inside the content folder {content}; choose a folder outside it", 2)
        locks.enter_context(_locked(_lock_file(target), f"building {target}"))
        staging = _prepare(target)
        staged.append((staging, target))
        return staging

    work, keep = _zensical_work(settings, config_file)
    try:
        locks.enter_context(_terminate_cleanly())
        if chosen == "mkdocs":
            from generator.site.engines import mkdocs_build

            warnings = mkdocs_build(config_file, staging_for, strict=strict, echo=echo)
        else:
            locks.enter_context(_locked(_lock_file(work), f"using {work}"))
            warnings = _zensical_build(settings, config_file, work, staging_for, strict=strict, echo=echo)
        staging, target = staged[-1]
        (staging / MARKER).write_text(
            "Built by journeymap; this folder is replaced by the next build.\n", encoding="utf-8"
        )
        pages = sum(1 for _ in staging.rglob("index.html"))
        _swap(staging, target)
        staged.clear()
        return SiteResult(site_dir=target, engine=chosen, warnings=warnings, pages=pages)
    finally:
        for staging, _ in staged:
            shutil.rmtree(staging, ignore_errors=True)
        shutil.rmtree(work / "site" if keep else work, ignore_errors=True)
        locks.close()


@contextlib.contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """While a build runs, SIGTERM (a cancelled CI job) ends it as Ctrl-C does: through
    the build's clean-up, so no staging or work folder is left. Only in the main thread,
    and only where SIGTERM still has its default action."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or signal.getsignal(signal.SIGTERM) != signal.SIG_DFL:
        yield
        return

    def terminated(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _zensical_work(settings: Settings, config_file: Path) -> tuple[Path, bool]:
    """Where a Zensical build writes its tree (inside the project, as Zensical requires),
    and whether it is kept: in the default cache folder, or else for this build only."""
    root = config_file.parent.resolve()
    if settings.cache and not os.environ.get("JOURNEYMAP_CACHE_DIR"):
        return root / _TREE / config_file.stem, True
    return root / f"{_WORK}{os.getpid()}", False


def _lock_file(path: Path) -> Path:
    """The lock of a site or tree folder: in this user's temporary folder, so that
    neither the project nor the site gets a file of it."""
    import tempfile

    digest = hashlib.sha256(str(path).encode("utf-8")).hexdigest()[:16]
    user = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"journeymap-{user}" / "locks" / f"{digest}.lock"


@contextlib.contextmanager
def _locked(path: Path, doing: str) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` (a file made for it), or refuse at once (exit 2):
    two builds writing one site, or one tree, would each see half of the other's files."""
    try:
        import fcntl
    except ImportError:  # no advisory locks on this platform
        yield
        return
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SiteBuildError(f"another journeymap build is {doing}; try again when it has finished", 2) from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _zensical_build(
    settings: Settings,
    config_file: Path,
    work: Path,
    staging_for: Callable[[Path], Path],
    *,
    strict: bool,
    echo: bool,
) -> list[str]:
    """Write the docs tree and have Zensical build it; the site is moved to its staging folder."""
    from generator.site.docs_tree import TreeOptions, write_docs_tree
    from generator.site.engines import zensical_config

    loaded = zensical_config(config_file)
    staging = staging_for(Path(loaded["root_dir"]) / loaded["site_dir"])
    directory_urls = bool(loaded.get("use_directory_urls", True))
    shutil.rmtree(work / "site", ignore_errors=True)
    options = TreeOptions.for_project(
        settings, directory_urls=directory_urls, maps_dir=work / "maps", late_dir=work / "late"
    )
    tree = write_docs_tree(settings, work / "docs", options)
    try:
        warnings = _zensical_site(tree, config_file, loaded, work, strict=strict, echo=echo)
    finally:
        tree.drawer.finish()
    _move(work / "site", staging)
    options.cache.prune()
    return warnings


def _zensical_site(
    tree: DocsTree, config_file: Path, loaded: dict[str, Any], work: Path, *, strict: bool, echo: bool
) -> list[str]:
    """Zensical's build of ``tree`` in ``work/site``, with the late downloads and the slots filled."""
    from generator.site.engines import zensical_build
    from generator.site.slots import fill

    warnings = tree.messages
    if echo:
        for message in warnings:
            print(f"WARNING: {message}", file=sys.stderr)
    if strict and warnings:
        raise SiteBuildError(f"build failed: {len(warnings)} warnings in strict mode", 1)
    zensical_build(config_file, loaded, work / "docs", work / "site", language=tree.settings.language)
    tree.finish(work / "site")  # the PDFs compiled while Zensical built the pages
    for page in (work / "site").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        filled = fill(html, work / "maps")
        if filled is not html:
            page.write_text(filled, encoding="utf-8")
    return warnings


def _move(source: Path, destination: Path) -> None:
    """Rename ``source`` to ``destination``, copying when they are on different file systems."""
    try:
        source.rename(destination)
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
        shutil.copytree(source, destination, symlinks=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step (Linux ``renameat2`` with ``RENAME_EXCHANGE``, called
    through libc); ``False`` where the system or file system cannot."""
    import ctypes
    import errno

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    renameat2.restype = ctypes.c_int
    at_cwd, rename_exchange = -100, 2
    if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EXDEV):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _swap(staging: Path, target: Path) -> None:
    """Put the built ``staging`` folder in the place of ``target``: in one step where the
    system can (readers see the old site or the new one, never none), else by two
    renames, the old site put back if the second fails."""
    if target.is_dir() and not target.is_symlink() and _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # it holds the old site now
        return
    old = target.parent / f".{target.name}{_OLD}{os.getpid()}"
    if target.exists():
        target.rename(old)
    try:
        staging.rename(target)
    except BaseException:
        if old.exists() and not target.exists():
            old.rename(target)
        raise
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(old)


def write_docs(config_file: Path | None, output: Path, *, directory_urls: bool = True) -> tuple[int, list[str]]:
    """Write the docs tree alone into ``output`` (maps inside their pages), replacing an
    earlier tree there as a site is replaced; how many pages, and the problems."""
    from generator.check.report import format_text
    from generator.config import load_settings
    from generator.site.docs_tree import TREE_MARKER, TreeOptions, write_docs_tree

    settings, problems = load_settings(config_file)
    if problems:
        raise SiteBuildError(f"invalid configuration\n{format_text(problems)}", 1)
    target = output.resolve()
    if target.is_dir() and any(target.iterdir()) and not (target / TREE_MARKER).exists():
        raise SiteBuildError(f"{output} is not empty and was not written by journeymap docs; refusing to replace it", 2)
    if target == settings.content_dir.resolve() or target.is_relative_to(settings.content_dir.resolve()):
        raise SiteBuildError(f"{output} is inside the content folder; choose a folder outside it", 2)
    staging = target.parent / f".{target.name}{_STAGING}{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        tree = write_docs_tree(settings, staging, TreeOptions.for_project(settings, directory_urls=directory_urls))
        _swap(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    pages = sum(1 for _ in target.rglob("*.md"))
    return pages, tree.messages


def serve_site(
    config_file: Path, dev_addr: str | None = None, *, open_in_browser: bool = False, engine: str | None = None
) -> None:
    """Serve the site with live reload: MkDocs through the ``journeys`` plugin, Zensical
    from a docs tree that is written again whenever a file under the content folder changes."""
    from generator.config import load_settings

    settings, _ = load_settings(config_file)
    chosen = choose_engine(engine or settings.engine)
    if chosen == "mkdocs":
        import logging

        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        from mkdocs.commands.serve import serve

        logging.getLogger("mkdocs").addHandler(logging.StreamHandler(sys.stderr))
        logging.getLogger("mkdocs").setLevel(logging.INFO)
        options: dict[str, Any] = {"dev_addr": dev_addr} if dev_addr else {}
        # Dirty rebuilds: only the pages whose docs-tree file changed are built again.
        serve(config_file=str(config_file), open_in_browser=open_in_browser, build_type="dirty", **options)
        return
    from generator.site.live_tree import serve_with_zensical

    _check_committed_caches(config_file.parent)  # MkDocs' preview asks through the plugin
    serve_with_zensical(settings, config_file, dev_addr=dev_addr, open_in_browser=open_in_browser)
