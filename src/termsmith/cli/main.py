"""The top-level ``termsmith`` app: global options and the command modules joined together."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from termsmith import __version__
from termsmith.cli import (
    build,
    check,
    exchange,
    extract,
    init,
    lookup,
    models,
    po,
    terms,
    translate,
    versioning,
)
from termsmith.cli.common import ErrorHandlingGroup, state

app = typer.Typer(
    name="termsmith",
    cls=ErrorHandlingGroup,
    help="Offline multilingual legal terminology: extract, translate, review, look up.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"termsmith {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    root: Annotated[
        Path | None,
        typer.Option(
            "--root",
            help="The glossary project's root (default: the nearest directory with termsmith.toml).",
            file_okay=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Offline multilingual legal terminology: extract, translate, review, look up."""
    state.root = root


# In the order of the workflow, as --help lists them.
for module in (
    init,
    build,
    extract,
    terms,
    lookup,
    translate,
    models,
    po,
    check,
    versioning,
    exchange,
):
    module.register(app)


def main() -> None:
    """Console-script entry point."""
    app()
