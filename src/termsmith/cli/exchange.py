"""Interchange commands: ``export`` and ``import``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from termsmith import atomic, formats
from termsmith.cli.common import echo, notice, project
from termsmith.errors import TermsmithError
from termsmith.interchange import LanguageMapper, apply_import, import_origin


def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="Output format: " + ", ".join(sorted(formats.FORMATS)) + "."
        ),
    ] = "csv",
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to this file (default: stdout).", dir_okay=False
        ),
    ] = None,
    lang: Annotated[
        str | None, typer.Option(help="Export only this language (required for po).")
    ] = None,
) -> None:
    """Export the glossary for other tools (stdout, or a file with -o)."""
    proj = project()
    store = proj.load_store()
    module = formats.get(fmt)
    text: str = module.export(store, proj, lang=proj.check_language(lang) if lang else None)
    if output is None:
        sys.stdout.write(text)
    else:
        written = atomic.write_text(output, text)
        notice(f"Wrote {output}" if written else f"{output} is up to date")


def import_(
    file: Annotated[Path, typer.Argument(help="The file to import.", dir_okay=False)],
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="Input format (default: from the extension)."),
    ] = None,
    lang_map: Annotated[
        list[str] | None,
        typer.Option(
            "--lang-map",
            help="Map a file's language tag to a project language, e.g. fr-CA=fr. Repeatable.",
        ),
    ] = None,
) -> None:
    """Import translations from a file; reviewed translations are never overwritten."""
    proj = project()
    if not file.is_file():
        raise TermsmithError(f"no such file: {file}", hint="check the path")
    mapping = {}
    for item in lang_map or []:
        tag, sep, target = item.partition("=")
        if not sep or not tag.strip() or not target.strip():
            raise typer.BadParameter(f"'{item}' is not TAG=LANG", param_hint="--lang-map")
        mapping[tag.strip()] = proj.check_language(target.strip())
    module = formats.get(fmt or formats.guess(file))
    entries = module.read(file, proj)
    mapper = LanguageMapper(proj.config.source, proj.languages, mapping)
    with proj.transaction() as store:
        summary = apply_import(store, entries, origin=import_origin(file), mapper=mapper)
    for line in summary.lines():
        echo(line)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command()(export)
    app.command("import")(import_)
