"""``termsmith init``: create a new glossary project."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from termsmith import project as project_mod
from termsmith.cli.common import echo
from termsmith.languages import describe


def init(
    directory: Annotated[
        Path, typer.Argument(help="Where to create the project.", file_okay=False)
    ],
    source: Annotated[str, typer.Option(help="Source language of the documents.")] = "en",
    languages: Annotated[
        str, typer.Option(help="Comma-separated target languages, e.g. fr,ru,es,de,ja,mn,vi.")
    ] = "",
    name: Annotated[str, typer.Option(help="Project name (default: the directory's name).")] = "",
) -> None:
    """Create a glossary project: termsmith.toml, seeds/, glossary/, locales/."""
    codes = [c for c in (part.strip() for part in languages.split(",")) if c]
    created = project_mod.init(directory, source=source, languages=codes, name=name)
    echo(f"Created glossary project in {created.root}")
    echo(f"  source: {describe(created.config.source)}")
    for lang in created.config.languages:
        echo(f"  target: {lang}  {describe(lang)}")
    echo("Next: put documents in seeds/ and run 'termsmith extract seeds --add'.")


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command()(init)
