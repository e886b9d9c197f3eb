"""What every command module shares: the project, consoles, error output."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer
from typer.core import TyperGroup

from termsmith.errors import TermsmithError
from termsmith.project import Project


@dataclass
class State:
    """Options of the top-level callback (``--root``), for the commands."""

    root: Path | None = None


state = State()


def project() -> Project:
    """The current project: ``--root`` or found by walking up from the current directory."""
    return Project.find(state.root)


def echo(message: str = "") -> None:
    """A line on stdout."""
    typer.echo(message)


def notice(message: str) -> None:
    """A line on stderr, for what a user should know but a script should not parse."""
    typer.echo(message, err=True)


def fail(error: TermsmithError) -> typer.Exit:
    """Print ``Error: <what> (<how to fix>)`` on stderr; return the exit to raise."""
    typer.echo(f"Error: {error}", err=True)
    return typer.Exit(1)


def is_terminal() -> bool:
    """Whether stdout is an interactive terminal (rich tables) or a pipe (plain text)."""
    return sys.stdout.isatty()


class ErrorHandlingGroup(TyperGroup):
    """Turns every :class:`TermsmithError` into ``Error: …`` and exit 1, without traceback."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except TermsmithError as error:
            raise fail(error) from None
        except KeyboardInterrupt:
            typer.echo("Interrupted; nothing half-written was kept.", err=True)
            raise typer.Exit(130) from None
