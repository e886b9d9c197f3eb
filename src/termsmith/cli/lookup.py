"""``termsmith lookup``: find a term in any language, from the index in ``.termsmith/``.

Run many times a day, so it starts fast: it reads ``termsmith.toml`` itself
(without validating language codes through Babel, which the other commands do),
and imports rich only to draw a table on a terminal and rapidfuzz only for
``--fuzzy``.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Annotated

import typer

from termsmith.cli.common import echo, is_terminal, notice, project, state
from termsmith.config import CONFIG_FILE, find_root
from termsmith.index import SOURCE, open_index
from termsmith.languages import normalize_code
from termsmith.lookup import DEFAULT_LIMIT, Hit, lookup


def _languages(root: Path) -> tuple[str, list[str]]:
    """The project's source and target languages, read cheaply from its config."""
    try:
        data = tomllib.loads((root / CONFIG_FILE).read_text(encoding="utf-8"))
        table = data.get("project", {})
        source = normalize_code(str(table.get("source", "en")))
        targets = [normalize_code(str(code)) for code in table.get("languages", [])]
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, AttributeError, TypeError):
        full = project()  # reports what is wrong with the config, as every command does
        return full.config.source, full.languages
    return source, targets


def lookup_cmd(
    query: Annotated[
        str,
        typer.Argument(
            help="What to look for: a term or translation in any language, or part of one."
        ),
    ],
    lang: Annotated[
        str | None,
        typer.Option(
            "--lang", "-l", help="Search only this language (and show only it beside the term)."
        ),
    ] = None,
    fuzzy: Annotated[
        bool, typer.Option("--fuzzy", help="Tolerate typos: rank by similarity (at least 75 %).")
    ] = False,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="Show at most this many terms.")
    ] = DEFAULT_LIMIT,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Look a term up in any language: exact, prefix, then substring matches; --fuzzy for typos.

    Exits 0 when something matched, 1 when nothing did.
    """
    if not query.strip():
        raise typer.BadParameter("the query is empty", param_hint="QUERY")
    root = state.root.resolve() if state.root is not None else find_root(Path.cwd())
    source, targets = _languages(root)
    where: str | None = None
    shown = targets
    if lang is not None:
        code = normalize_code(lang)
        if code == source:
            where = SOURCE
        elif code in targets:
            where, shown = code, [code]
        else:
            raise typer.BadParameter(
                f"'{lang}' is not a language of this project; use one of "
                + ", ".join([source, *targets]),
                param_hint="--lang",
            )
    index = open_index(root / "glossary", root / ".termsmith", notify=notice)
    try:
        hits = lookup(index, query, lang=where, fuzzy=fuzzy, limit=limit)
    finally:
        index.close()
    if as_json:
        echo(json.dumps([h.to_json(source, shown) for h in hits], ensure_ascii=False, indent=2))
    elif hits and is_terminal():
        _print_tables(hits, source, shown)
    else:
        for hit in hits:
            _print_plain(hit, source, shown)
    if not hits:
        hint = "" if fuzzy else "; try --fuzzy"
        scope = f" in '{lang}'" if lang is not None else ""
        notice(f"No term matches '{query}'{scope}{hint}.")
        raise typer.Exit(1)


def _match_line(hit: Hit, source: str) -> str:
    how = f"fuzzy {hit.score:g}%" if hit.how == "fuzzy" else hit.how
    where = hit.lang or source
    if hit.kind_of_match == "variant":
        where += " variant"
    return f"{how} match in {where}: {hit.matched}"


def _print_plain(hit: Hit, source: str, shown: list[str]) -> None:
    echo(f"{hit.id}\t{hit.term}\t{hit.status}\t{_match_line(hit, source)}")
    for code in shown:
        unit = hit.translations.get(code)
        if unit is None:
            echo(f"  {code}\t—\tmissing")
        else:
            flag = "\tCONFLICT" if unit.conflict else ""
            echo(f"  {code}\t{unit.text}\t{unit.status}{flag}")


def _print_tables(hits: list[Hit], source: str, shown: list[str]) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    console = Console()
    for hit in hits:
        table = Table(
            "lang",
            "translation",
            "status",
            caption=escape(_match_line(hit, source)),
            caption_justify="left",
        )
        for code in shown:
            unit = hit.translations.get(code)
            if unit is None:
                table.add_row(code, "—", "missing")
            else:
                status = f"{unit.status} CONFLICT" if unit.conflict else unit.status
                table.add_row(code, escape(unit.text), status)
        console.print(Text.assemble((hit.id, "bold"), ": ", hit.term, (f"  [{hit.status}]", "dim")))
        console.print(table)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command("lookup")(lookup_cmd)
