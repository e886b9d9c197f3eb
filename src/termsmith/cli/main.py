"""The top-level ``termsmith`` app: global options and the command modules joined together."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from termsmith import __version__
from termsmith.cli import exchange, init, terms
from termsmith.cli import models as models_cli
from termsmith.cli import translate as translate_cli
from termsmith.cli import po as po_cli
from termsmith.cli import versioning as versioning_cli
from termsmith.cli import check as check_cli
from termsmith.cli import extract as extract_cli
from termsmith.cli import build as build_cli
from termsmith.cli import lookup as lookup_cli
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


init.register(app)
terms.register(app)
exchange.register(app)
po_cli.register(app)
models_cli.register(app)
translate_cli.register(app)
versioning_cli.register(app)
check_cli.register(app)
extract_cli.register(app)
build_cli.register(app)
lookup_cli.register(app)


def main() -> None:
    """Console-script entry point."""
    app()
