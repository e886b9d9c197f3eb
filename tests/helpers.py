"""Helpers for tests: run the CLI and get stdout, stderr and the exit code."""

from __future__ import annotations

from dataclasses import dataclass

from typer.testing import CliRunner

from termsmith.cli.main import app


@dataclass
class Run:
    """The outcome of one CLI invocation."""

    code: int
    out: str
    err: str


def cli(*args: str, input: str | None = None) -> Run:
    """Run ``termsmith ARGS`` in-process."""
    result = CliRunner().invoke(app, list(args), input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Run(result.exit_code, result.stdout, result.stderr)
