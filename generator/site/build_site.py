"""Building the site with MkDocs into a staging folder, swapped in only when it succeeded.

A failed, interrupted or killed build leaves the previous site as it was. A folder is
only ever replaced when it is empty or holds the marker file that journeymap writes
into every site it builds, so a mistyped ``-d`` never deletes someone's work.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["MARKER", "SiteBuildError", "SiteResult", "build_site", "serve_site"]

MARKER = ".journeymap-site"
_STAGING = ".journeymap-staging-"
_OLD = ".journeymap-old-"


class SiteBuildError(Exception):
    """The site could not be built; ``code`` is the exit code the CLI should use."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


@dataclass
class SiteResult:
    site_dir: Path
    warnings: list[str] = field(default_factory=list)
    pages: int = 0


class _Collect(logging.Handler):
    """Counts MkDocs warnings (our plugin's content problems among them) and echoes them."""

    def __init__(self, echo: bool) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.echo = echo

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        self.messages.append(message)
        if self.echo:
            print(f"{record.levelname}: {message}", file=sys.stderr)


def _recover(target: Path) -> None:
    """Finish or undo a swap that was cut short, and drop staging folders of killed builds."""
    parent = target.parent
    if not parent.is_dir():
        return
    for stale in parent.glob(f".{target.name}{_STAGING}*"):
        shutil.rmtree(stale, ignore_errors=True)
    olds = sorted(parent.glob(f".{target.name}{_OLD}*"))
    if not target.exists() and olds:
        olds.pop().rename(target)
    for old in olds:
        shutil.rmtree(old, ignore_errors=True)


def _check_replaceable(target: Path) -> None:
    if target.exists() and not target.is_dir():
        raise SiteBuildError(f"{target} exists and is not a folder; refusing to replace it", 2)
    if target.is_dir() and any(target.iterdir()) and not (target / MARKER).exists():
        raise SiteBuildError(
            f"{target} is not empty and was not built by journeymap; refusing to replace it (choose another -d)", 2
        )


def build_site(
    config_file: Path, site_dir: Path | None = None, *, strict: bool = False, echo: bool = True
) -> SiteResult:
    """Build the MkDocs site of ``config_file`` into ``site_dir`` (default: its ``site_dir``)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError, MkDocsException

    collector = _Collect(echo)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(collector)
    mkdocs_log.setLevel(logging.INFO)
    mkdocs_log.propagate = False
    staging: Path | None = None
    try:
        try:
            config = load_config(config_file=str(config_file), strict=strict)
        except (ConfigurationError, MkDocsException) as exc:
            raise SiteBuildError(f"{config_file}: {exc}", 1) from exc
        target = Path(site_dir) if site_dir is not None else Path(config.site_dir)
        target = target.resolve()
        _recover(target)
        _check_replaceable(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = target.parent / f".{target.name}{_STAGING}{os.getpid()}"
        shutil.rmtree(staging, ignore_errors=True)
        config.site_dir = str(staging)
        try:
            build(config)
        except Abort as exc:
            raise SiteBuildError(f"build failed: {exc}", 1) from exc
        except MkDocsException as exc:
            raise SiteBuildError(f"build failed: {exc}", 1) from exc
        (staging / MARKER).write_text(
            "Built by journeymap; this folder is replaced by the next build.\n", encoding="utf-8"
        )
        pages = sum(1 for _ in staging.rglob("index.html"))
        _swap(staging, target)
        staging = None
        return SiteResult(site_dir=target, warnings=collector.messages, pages=pages)
    finally:
        mkdocs_log.removeHandler(collector)
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)


def _swap(staging: Path, target: Path) -> None:
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


def serve_site(config_file: Path, dev_addr: str | None = None, *, open_in_browser: bool = False) -> None:
    """Serve the site with live reload; only journeys whose source changed are redrawn."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.serve import serve

    logging.getLogger("mkdocs").addHandler(logging.StreamHandler(sys.stderr))
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    if dev_addr:
        serve(config_file=str(config_file), open_in_browser=open_in_browser, dev_addr=dev_addr)
    else:
        serve(config_file=str(config_file), open_in_browser=open_in_browser)
