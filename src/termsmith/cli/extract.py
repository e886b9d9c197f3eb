"""``termsmith extract``: the key terms of English documents, scored, with their contexts."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from termsmith.cli.common import echo, is_terminal, notice, project, state
from termsmith.errors import ProjectNotFoundError

if TYPE_CHECKING:
    from termsmith.extraction import Candidate


class OutputFormat(StrEnum):
    """How ``extract`` prints its terms."""

    TABLE = "table"
    TSV = "tsv"
    JSON = "json"


SENTENCE_CHARS = 80
TSV_HEADER = ("term", "score", "frequency", "documents", "kind", "variants", "expands", "sentence")


def extract(
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE...", help="Text or Markdown files, folders (recursed), or - for stdin."
        ),
    ],
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Output: table, tsv or json.")
    ] = OutputFormat.TABLE,
    top: Annotated[int | None, typer.Option("--top", min=1, help="Only the N best terms.")] = None,
    min_score: Annotated[
        float | None, typer.Option("--min-score", help="Only terms scoring at least S.")
    ] = None,
    add: Annotated[
        bool,
        typer.Option(
            "--add", help="Record the terms in the glossary as candidates, with their sources."
        ),
    ] = False,
    encoding: Annotated[
        str, typer.Option("--encoding", help="Encoding of the input files.")
    ] = "utf-8",
    source_lang: Annotated[
        str | None,
        typer.Option(
            "--source-lang", help="Language of the documents (default: the project's; en)."
        ),
    ] = None,
) -> None:
    """Find the key terms of documents, best first (without --top/--min-score: the tool's pick)."""
    # Imported here: extraction loads lexicons that other commands never need.
    from termsmith.extraction import add_to_store, check_language, read
    from termsmith.extraction import extract as run_extraction

    proj = None
    try:
        proj = project()
    except ProjectNotFoundError:
        if add or state.root is not None:
            raise
    lang = source_lang or (proj.config.source if proj else "en")
    check_language(lang)
    docs = read(files, encoding)
    candidates = run_extraction(
        docs,
        top=top,
        min_score=min_score,
        stop=proj.config.stop if proj else (),
        keep=proj.config.keep if proj else (),
        source_lang=lang,
    )
    for doc in docs:
        if not doc.text.strip():
            notice(f"{doc.name}: empty document, no terms")
    if not candidates:
        notice("No terms found.")
    _print(candidates, fmt)
    if add and proj is not None and candidates:
        with proj.transaction() as store:
            added = add_to_store(store, candidates, proj.root)
        kept = len(candidates) - len(added)
        notice(
            f"Added {len(added)} candidate terms to the glossary"
            + (f"; {kept} were already there." if kept else ".")
        )


def _print(candidates: list[Candidate], fmt: OutputFormat) -> None:
    if fmt is OutputFormat.JSON:
        echo(json.dumps([_as_json(c) for c in candidates], ensure_ascii=False, indent=2))
    elif fmt is OutputFormat.TSV:
        echo("\t".join(TSV_HEADER))
        for c in candidates:
            cells = [
                c.term,
                f"{c.score:.3f}",
                str(c.frequency),
                str(c.documents),
                str(c.kind),
                "; ".join(c.variants),
                c.expands,
                c.sentence,
            ]
            echo("\t".join(_cell(x) for x in cells))
    elif is_terminal():
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        table = Table()
        table.add_column("term", min_width=12)
        for name in ("score", "freq", "docs"):
            table.add_column(name, justify="right", no_wrap=True)
        table.add_column("kind", min_width=4)
        table.add_column("variants", max_width=30)
        table.add_column("first sentence", max_width=60)
        for c in candidates:
            kind = f"{c.kind} of {c.expands}" if c.expands else str(c.kind)
            # Text, not markup: a term may hold "[...]".
            table.add_row(
                Text(c.term),
                f"{c.score:.2f}",
                str(c.frequency),
                str(c.documents),
                Text(kind),
                Text(", ".join(c.variants)),
                Text(_shorten(c.sentence, SENTENCE_CHARS)),
            )
        Console().print(table)
    else:
        width = max((len(c.term) for c in candidates), default=4)
        echo(f"{'term':<{width}}  {'score':>7}  {'freq':>5}  {'docs':>4}  kind")
        for c in candidates:
            kind = f"{c.kind} of {c.expands}" if c.expands else str(c.kind)
            echo(f"{c.term:<{width}}  {c.score:>7.2f}  {c.frequency:>5}  {c.documents:>4}  {kind}")


def _shorten(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with "…".

    >>> _shorten("one two three", 9)
    'one two…'
    """
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _cell(text: str) -> str:
    """A TSV cell: tabs and line breaks would break the columns."""
    return " ".join(text.split())


def _as_json(c: Candidate) -> dict[str, object]:
    return {
        "term": c.term,
        "score": c.score,
        "frequency": c.frequency,
        "documents": c.documents,
        "kind": str(c.kind),
        "variants": c.variants,
        "expands": c.expands,
        "sources": [
            {"doc": o.doc, "line": o.line, "start": o.start, "end": o.end, "sentence": o.sentence}
            for o in c.occurrences
        ],
    }


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command()(extract)
