"""The documentation stays true: every command has help and is in the README's CLI reference."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from termsmith.cli.main import app

README = Path(__file__).resolve().parents[1] / "README.md"


def _commands() -> list[str]:
    group = typer.main.get_command(app)
    names: list[str] = []

    def walk(command: object, prefix: str) -> None:
        subcommands = getattr(command, "commands", {})
        for name, sub in sorted(subcommands.items()):
            if getattr(sub, "hidden", False):
                continue
            full = f"{prefix} {name}".strip()
            names.append(full)
            walk(sub, full)

    walk(group, "")
    return names


COMMANDS = _commands()


def test_there_are_commands() -> None:
    assert {"init", "add", "set", "show", "export", "import"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help(name: str) -> None:
    group = typer.main.get_command(app)
    command = group
    for part in name.split():
        command = command.commands[part]  # type: ignore[attr-defined]
    assert (command.help or "").strip(), f"'termsmith {name}' has no help text"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name: str) -> None:
    text = README.read_text(encoding="utf-8")
    assert re.search(rf"`termsmith {re.escape(name)}\b", text), (
        f"README does not document 'termsmith {name}'"
    )
