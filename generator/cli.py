"""The ``journeymap`` command: thin click wrappers over ``generator.build``.

Only click is imported at start-up; each command imports what it needs, so that
``journeymap --help`` stays fast.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from generator import __version__

if TYPE_CHECKING:
    from generator.config import Settings
    from generator.errors import Problem

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_IO, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 3, 4, 130


class _Group(click.Group):
    """Maps failures to the documented exit codes, with no traceback unless ``--debug``."""

    def invoke(self, ctx: click.Context) -> Any:
        from generator.overrides import TemplateOverrideError
        from generator.read.load import MissingPathError, ReadError
        from generator.site.disk_cache import CacheFolderError

        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            _fail("interrupted", EXIT_INTERRUPTED)
        except BrokenPipeError:
            # The reader went away (`journeymap check | head`): stop quietly, as Unix tools do.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            sys.exit(EXIT_CONTENT)
        except (MissingPathError, CacheFolderError) as exc:
            _fail(str(exc), EXIT_USAGE)
        except TemplateOverrideError as exc:
            _fail(str(exc), EXIT_CONTENT)
        except (ReadError, OSError) as exc:
            if ctx.meta.get("debug"):
                raise
            _fail(str(exc), EXIT_IO)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            if ctx.meta.get("debug"):
                raise
            _fail(f"internal error: {exc!r} (run with --debug for the traceback)", EXIT_BUG)


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"journeymap: error: {message}", err=True)
    sys.exit(code)


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    click.echo(f"journeymap, version {__version__}")
    ctx.exit()


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and exit.",
)
@click.option(
    "--config",
    "config_file",
    type=click.Path(path_type=Path),
    help="mkdocs.yml to read (default: ./mkdocs.yml if present).",
)
@click.option("--debug", is_flag=True, help="Show tracebacks for unexpected failures.")
@click.pass_context
def main(ctx: click.Context, config_file: Path | None, debug: bool) -> None:
    """Customer journey maps as code: check, render and publish journeys kept in Markdown."""
    ctx.meta["debug"] = debug
    if config_file is not None and not config_file.is_file():
        raise click.BadParameter(f"{config_file} does not exist", param_hint="'--config'")
    ctx.meta["config_file"] = (
        config_file if config_file else (Path("mkdocs.yml") if Path("mkdocs.yml").is_file() else None)
    )


def _settings(ctx: click.Context) -> tuple[Settings, list[Problem]]:
    from generator.config import load_settings

    return load_settings(ctx.meta["config_file"])


_today = click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Date to check review periods against (YYYY-MM-DD; default: today).",
)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "github", "json"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("-q", "--quiet", is_flag=True, help="Print problems only, no summary.")
@_today
@click.pass_context
def check(
    ctx: click.Context, paths: tuple[Path, ...], fmt: str, strict: bool, quiet: bool, today: dt.datetime | None
) -> None:
    """Check journeys and personas (default: the whole content folder) and report every problem."""
    from generator.build import check as run_check
    from generator.check.report import format_github, format_json, format_text, summary_line
    from generator.errors import sort_problems

    settings, problems = _settings(ctx)
    result = run_check(settings, list(paths) or None, today.date() if today else None)
    problems = sort_problems(problems + result.problems)
    if fmt == "json":
        click.echo(format_json(problems, strict=strict, journeys=result.journeys, personas=result.personas))
    elif fmt == "github":
        if problems:
            click.echo(format_github(problems, strict=strict))
    elif problems:
        click.echo(format_text(problems, strict=strict, color=sys.stdout.isatty()))
    if not quiet and fmt != "json":
        click.echo(
            summary_line(problems, journeys=result.journeys, personas=result.personas, data=result.data, strict=strict),
            err=fmt == "github",
        )
    failed = any(p.severity.value == "error" or strict for p in problems)
    ctx.exit(EXIT_CONTENT if failed else EXIT_OK)


def _print_problems(problems: list[Problem], *, strict: bool = False) -> None:
    from generator.check.report import format_text

    if problems:
        click.echo(format_text(problems, strict=strict, color=sys.stdout.isatty()))


_PAPERS = ["A4", "A3", "A2", "A1", "A0", "letter", "tabloid"]


@main.command()
@click.argument("journeys", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", required=True, type=click.Path(path_type=Path), help="A file (one journey) or a folder."
)
@click.option("--format", "fmt", type=click.Choice(["svg", "pdf", "png"]), help="Default: from -o's suffix, else svg.")
@click.option("--paper", type=click.Choice(_PAPERS, case_sensitive=False), default="A3", show_default=True)
@click.option("--lang", type=click.Choice(["en", "nl"]), help="Language of the map's labels (default: from config).")
@click.option(
    "--compare", is_flag=True, help="One chart of two journeys: the current one, then the future one that replaces it."
)
@click.option(
    "--overlay", is_flag=True, help="One chart of the emotion curves of two or more journeys, stages aligned."
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
@_today
@click.pass_context
def render(
    ctx: click.Context,
    journeys: tuple[Path, ...],
    output: Path,
    fmt: str | None,
    paper: str,
    lang: str | None,
    compare: bool,
    overlay: bool,
    quiet: bool,
    today: dt.datetime | None,
) -> None:
    """Draw journeys as SVG maps, print-ready PDFs or PNG images; with --compare or
    --overlay, several journeys' emotion curves as one chart."""
    from dataclasses import replace

    from generator.build import RenderUsageError
    from generator.build import render as run_render

    settings, problems = _settings(ctx)
    if lang:
        settings = replace(settings, language=lang)
    paper = next(name for name in _PAPERS if name.lower() == paper.lower())
    show = not quiet and sys.stderr.isatty()

    def progress(items: Any) -> Any:
        return click.progressbar(items, label="rendering", file=sys.stderr) if show else items

    day = today.date() if today else None
    try:
        if compare and overlay:
            raise RenderUsageError("--compare and --overlay draw different charts: choose one")
        if compare or overlay:
            from generator.charts import render_chart

            mode: Any = "compare" if compare else "overlay"
            result = render_chart(settings, list(journeys), output, mode=mode, fmt=fmt, today=day)
        else:
            result = run_render(settings, list(journeys), output, fmt=fmt, paper=paper, today=day, progress=progress)
    except RenderUsageError as exc:
        _fail(str(exc), EXIT_USAGE)
    problems = problems + result.problems
    _print_problems(problems)
    if any(p.severity.value == "error" for p in problems):
        if not quiet:
            click.echo(f"rendered nothing: {sum(p.severity.value == 'error' for p in problems)} errors", err=True)
        ctx.exit(EXIT_CONTENT)
    from generator.read.source import display_path

    if not result.written:  # a folder without journeys: say so, and fail
        named = ", ".join(display_path(path) for path in journeys) or display_path(settings.journeys_path)
        click.echo(f"journeymap: error: no journey to render in {named}", err=True)
        ctx.exit(EXIT_CONTENT)
    if not quiet:
        where = display_path(output)
        maps = "chart" if compare or overlay else "map" if len(result.written) == 1 else "maps"
        click.echo(f"rendered {len(result.written)} {maps} to {where}")


_engine = click.option(
    "--engine",
    type=click.Choice(["mkdocs", "zensical"]),
    help="Site engine (default: the journeys option 'engine', else MkDocs when installed, else Zensical).",
)


@main.command()
@click.option("-d", "--site-dir", type=click.Path(path_type=Path), help="Where to write the site (default: site_dir).")
@click.option("--strict", is_flag=True, help="Fail on any warning, journey problems included.")
@_engine
@click.option("-q", "--quiet", is_flag=True, help="Only problems, no summary.")
@click.pass_context
def build(ctx: click.Context, site_dir: Path | None, strict: bool, engine: str | None, quiet: bool) -> None:
    """Build the site with MkDocs or Zensical; the previous site stays until the new one is complete."""
    from generator.read.source import display_path
    from generator.site.build_site import SiteBuildError, build_site

    try:
        result = build_site(_require_config(ctx), site_dir, strict=strict, engine=engine)
    except SiteBuildError as exc:
        _fail(str(exc), exc.code)
    if not quiet:
        warnings = len(result.warnings)
        noun = "warning" if warnings == 1 else "warnings"
        click.echo(
            f"built {result.pages} pages with {result.engine} into {display_path(result.site_dir)}: {warnings} {noun}"
        )


@main.command()
@click.option("-a", "--dev-addr", help="IP address and port to serve on (default 127.0.0.1:8000).")
@click.option("--open", "open_browser", is_flag=True, help="Open the site in a browser.")
@_engine
@click.pass_context
def serve(ctx: click.Context, dev_addr: str | None, open_browser: bool, engine: str | None) -> None:
    """Preview the site; pages and maps are rebuilt when a file under content/ changes."""
    from generator.site.build_site import SiteBuildError, serve_site

    try:
        serve_site(_require_config(ctx), dev_addr, open_in_browser=open_browser, engine=engine)
    except SiteBuildError as exc:
        _fail(str(exc), exc.code)


@main.command()
@click.argument("output", type=click.Path(path_type=Path))
@click.option("--no-directory-urls", is_flag=True, help="Link pages as x.html, for an engine without directory URLs.")
@click.option("-q", "--quiet", is_flag=True, help="Only problems, no summary.")
@click.pass_context
def docs(ctx: click.Context, output: Path, no_directory_urls: bool, quiet: bool) -> None:
    """Write the site's docs tree alone into OUTPUT: Markdown pages with their maps, the
    downloads and assets, for any engine that builds a site from Markdown."""
    from generator.read.source import display_path
    from generator.site.build_site import SiteBuildError, write_docs

    try:
        pages, problems = write_docs(ctx.meta["config_file"], output, directory_urls=not no_directory_urls)
    except SiteBuildError as exc:
        _fail(str(exc), exc.code)
    for message in problems:
        click.echo(f"WARNING: {message}", err=True)
    if not quiet:
        click.echo(f"wrote {pages} pages into {display_path(output)}: {len(problems)} problems")


def _require_config(ctx: click.Context) -> Path:
    config_file: Path | None = ctx.meta["config_file"]
    if config_file is None:
        _fail("no mkdocs.yml here; run in the project folder or pass --config", EXIT_USAGE)
    return config_file


@main.command()
@click.argument("journey", type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "mermaid"]), required=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here instead of to standard output.")
@click.pass_context
def export(ctx: click.Context, journey: Path, fmt: str, output: Path | None) -> None:
    """Write one journey as CSV (a workshop transcript), JSON (the whole model) or a
    Mermaid journey diagram (for READMEs that GitHub renders)."""
    from generator.build import RenderUsageError, write_atomically
    from generator.build import export as run_export

    settings, problems = _settings(ctx)
    try:
        text, found = run_export(settings, journey, fmt)
    except RenderUsageError as exc:
        _fail(str(exc), EXIT_USAGE)
    problems += found
    if text is None:
        _print_problems(problems)
        ctx.exit(EXIT_CONTENT)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text.encode("utf-8"))
        click.echo(f"wrote {output}", err=True)


@main.group("import")
def import_() -> None:
    """Turn workshop material back into journey files."""


_OUTPUT_HELP = "The journey file to write (default: content/journeys/<source name>.md)."


@import_.command("csv")
@click.argument("source", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path), help=_OUTPUT_HELP)
@click.option("--title", help="The journey's title (overrides a title row).")
@click.option("--persona", help="The persona id (overrides a persona row).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@_today
@click.pass_context
def import_csv(
    ctx: click.Context,
    source: Path,
    output: Path | None,
    title: str | None,
    persona: str | None,
    force: bool,
    today: dt.datetime | None,
) -> None:
    """Read a transcript (stage, step, lane, text[, cell, feeling]) into a journey file."""
    from generator.importing import default_output
    from generator.importing import import_csv as run_import

    settings, problems = _settings(ctx)
    day = today.date() if today else None
    target = output or default_output(settings, source)
    _finish_import(
        ctx,
        problems,
        lambda: run_import(settings, source, target, title=title, persona=persona, force=force, today=day),
    )


def _finish_import(ctx: click.Context, problems: list[Problem], run: Any) -> None:
    """Run an import, report its problems, and say what was written (or exit 1)."""
    from generator.build import RenderUsageError

    try:
        result = run()
    except RenderUsageError as exc:
        _fail(str(exc), EXIT_USAGE)
    _print_problems(problems + result.problems)
    if result.written is None:
        ctx.exit(EXIT_CONTENT)
    from generator.read.source import display_path

    if result.new_persona is not None:
        click.echo(f"wrote {display_path(result.new_persona)}: a new persona with only a name; describe them there")
    click.echo(f"wrote {display_path(result.written)}")


@main.command()
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("toolkit-print"), show_default=True)
@click.option(
    "--paper",
    type=click.Choice(_PAPERS, case_sensitive=False),
    default="A3",
    show_default=True,
    help="Sheet size: the wall canvas is tiled over as many as it needs; worksheets, cards and the guide "
    "use A4 (or letter).",
)
@click.option("--lang", type=click.Choice(["en", "nl"]), help="Language of the kit (default: from config).")
@click.option("--stages", type=click.IntRange(1, 12), default=5, show_default=True, help="Stages on the blank canvas.")
@click.option(
    "--steps", type=click.IntRange(1, 8), default=2, show_default=True, help="Steps per stage on the blank canvas."
)
@click.option(
    "--journey",
    "journeys",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Also print this journey as a filled canvas, for a validation workshop (repeatable).",
)
@click.option("-q", "--quiet", is_flag=True)
@click.pass_context
def toolkit(
    ctx: click.Context,
    output: Path,
    paper: str,
    lang: str | None,
    stages: int,
    steps: int,
    journeys: tuple[Path, ...],
    quiet: bool,
) -> None:
    """Write the printable workshop kit: canvases, worksheets, cards and the facilitation guide."""
    from dataclasses import replace

    from generator.build import toolkit as run_toolkit
    from generator.read.source import display_path

    settings, problems = _settings(ctx)
    if problems:
        _print_problems(problems)
        ctx.exit(EXIT_CONTENT)
    if lang:
        settings = replace(settings, language=lang)
    for path in journeys:
        if not path.is_file():
            _fail(f"{display_path(path)}: no such journey file", EXIT_USAGE)
    paper = next(name for name in _PAPERS if name.lower() == paper.lower())
    from generator.build import RenderUsageError

    try:
        written, found = run_toolkit(settings, output, paper=paper, stages=stages, steps=steps, journeys=list(journeys))
    except RenderUsageError as exc:
        _fail(str(exc), EXIT_USAGE)
    _print_problems(found)
    if not written:
        ctx.exit(EXIT_CONTENT)
    if not quiet:
        pdfs = sum(1 for path in written if path.suffix == ".pdf")
        click.echo(f"wrote {pdfs} PDFs (and their pages as SVG) to {display_path(output)}")


@main.command()
@click.argument("base", required=False)
@click.argument("head", required=False)
@click.option("--format", "fmt", type=click.Choice(["md", "json"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write here instead of to standard output.")
@click.option(
    "--svg", "svg_dir", type=click.Path(path_type=Path), help="Also write a visual diff map per journey here."
)
@click.pass_context
def diff(
    ctx: click.Context, base: str | None, head: str | None, fmt: str, output: Path | None, svg_dir: Path | None
) -> None:
    """What changed in journeys and personas between BASE (default: the merge base with the
    default branch) and HEAD (default: the working tree), as a reviewer would read it."""
    from generator.build import diff as run_diff
    from generator.build import write_atomically
    from generator.diff.git_history import GitError
    from generator.diff.report_diff import diff_json, diff_markdown

    settings, _ = _settings(ctx)
    try:
        diffs, shown_base, shown_head = run_diff(settings, base, head, svg_dir=svg_dir)
    except GitError as exc:
        _fail(f"git: {exc}", EXIT_USAGE)
    render = diff_json if fmt == "json" else diff_markdown
    text = render(diffs, base=shown_base, head=shown_head)
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomically(output, text.encode("utf-8"))


@import_.command("mermaid")
@click.argument("source", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path), help=_OUTPUT_HELP)
@click.option(
    "--persona", help="The persona id the journey follows (default: the first actor, made a persona if none exists)."
)
@click.option("--title", help="The journey's title (default: the diagram's title).")
@click.option(
    "--diagram", type=click.IntRange(min=1), help="Which journey diagram of a Markdown file to read (1 is the first)."
)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@_today
@click.pass_context
def import_mermaid(
    ctx: click.Context,
    source: Path,
    output: Path | None,
    persona: str | None,
    title: str | None,
    diagram: int | None,
    force: bool,
    today: dt.datetime | None,
) -> None:
    """Read a Mermaid journey diagram (a .mmd file, or a ```mermaid block in Markdown):
    sections become stages, tasks steps, scores feelings, actors the actors lane."""
    from generator.importing import default_output
    from generator.importing import import_mermaid as run_import

    settings, problems = _settings(ctx)
    day = today.date() if today else None
    target = output or default_output(settings, source, diagram)
    _finish_import(
        ctx,
        problems,
        lambda: run_import(
            settings, source, target, persona=persona, title=title, diagram=diagram, force=force, today=day
        ),
    )


@main.command()
@click.argument("folder", type=click.Path(path_type=Path), default=Path())
@click.option("--name", "site_name", default="Customer journeys", show_default=True, help="The site's name.")
@click.option("--lang", type=click.Choice(["en", "nl"]), default="en", show_default=True, help="Language of the site.")
@_today
def init(folder: Path, site_name: str, lang: str, today: dt.datetime | None) -> None:
    """Make FOLDER (default: here) a journeys site: mkdocs.yml, a home page with journey
    cards, one persona and one journey; never overwrites."""
    from generator.scaffold import ScaffoldError, init_site

    try:
        written = init_site(
            folder, site_name=site_name, language=lang, today=today.date() if today else dt.date.today()
        )
    except ScaffoldError as exc:
        _fail(str(exc), EXIT_USAGE)
    for path in written:
        click.echo(f"wrote {path}")
    click.echo("next: journeymap serve, then open http://127.0.0.1:8000")


@main.group()
def new() -> None:
    """Create a journey or persona file from a commented template."""


@new.command("journey")
@click.argument("name")
@click.option("--persona", help="Persona id the journey follows (default: the first persona).")
@_today
@click.pass_context
def new_journey(ctx: click.Context, name: str, persona: str | None, today: dt.datetime | None) -> None:
    """Write content/journeys/<name>.md, ready to fill in; never overwrites."""
    from generator.scaffold import ScaffoldError, write_journey

    settings, _ = _settings(ctx)
    try:
        path = write_journey(settings, name, persona=persona, today=today.date() if today else dt.date.today())
    except ScaffoldError as exc:
        _fail(str(exc), EXIT_USAGE)
    click.echo(f"wrote {path}")


@new.command("persona")
@click.argument("name")
@click.pass_context
def new_persona(ctx: click.Context, name: str) -> None:
    """Write content/personas/<name>.md, ready to fill in; never overwrites."""
    from generator.scaffold import ScaffoldError, write_persona

    settings, _ = _settings(ctx)
    try:
        path = write_persona(settings, name)
    except ScaffoldError as exc:
        _fail(str(exc), EXIT_USAGE)
    click.echo(f"wrote {path}")
