"""Interchange formats: a registry from format name and file extension to reader and writer.

Each format module offers ``export(store, project) -> str`` and
``read(path, project) -> list[ImportEntry]``; :mod:`termsmith.interchange`
merges what they read.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

from termsmith.errors import TermsmithError

#: format name -> module under termsmith.formats
FORMATS: dict[str, str] = {
    "csv": "csv",
    "json": "json",
    "tmx": "tmx",
    "tbx": "tbx",
    "tbx3": "tbx3",
    "po": "po",
}

#: file extension -> format name, for ``import`` without ``--format``
EXTENSIONS: dict[str, str] = {
    ".csv": "csv",
    ".json": "json",
    ".tmx": "tmx",
    ".tbx": "tbx",  # v2 or v3: the reader tells them apart by the root element
    ".po": "po",
    ".pot": "po",
}


def register(name: str, module: str, *extensions: str) -> None:
    """Add a format (used by the format modules' authors, kept here in one place)."""
    FORMATS[name] = module
    for ext in extensions:
        EXTENSIONS[ext] = name


def get(name: str) -> ModuleType:
    """The module implementing format ``name``."""
    if name not in FORMATS:
        raise TermsmithError(
            f"unknown format '{name}'", hint=f"use one of {', '.join(sorted(FORMATS))}"
        )
    return importlib.import_module(f"termsmith.formats.{FORMATS[name]}")


def guess(path: Path) -> str:
    """The format of ``path`` from its extension."""
    suffix = path.suffix.lower()
    if suffix not in EXTENSIONS:
        raise TermsmithError(
            f"cannot tell the format of {path.name}",
            hint=f"pass --format, one of {', '.join(sorted(FORMATS))}",
        )
    return EXTENSIONS[suffix]
