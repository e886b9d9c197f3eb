"""Term commands: ``add``, ``set``, ``show``."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from termsmith.cli.common import echo, is_terminal, project
from termsmith.errors import TermsmithError
from termsmith.model import TermKind, TermStatus, UnitStatus
from termsmith.store import term_to_obj, unit_to_obj


def add(
    term: Annotated[str, typer.Argument(help="The English term.")],
    note: Annotated[str, typer.Option(help="A one-line definition or usage note.")] = "",
    status: Annotated[
        TermStatus, typer.Option(help="Review status of the term.")
    ] = TermStatus.ACCEPTED,
    kind: Annotated[
        TermKind, typer.Option(help="term, name (institution, title) or abbreviation.")
    ] = TermKind.TERM,
    pos: Annotated[str, typer.Option(help="Part of speech, e.g. noun.")] = "",
    expands: Annotated[
        str, typer.Option(help="For an abbreviation: the id of the term it abbreviates.")
    ] = "",
    homograph: Annotated[
        bool,
        typer.Option(
            "--homograph", help="Add a second sense of an existing term, with its own id."
        ),
    ] = False,
) -> None:
    """Add a term to the glossary and print its id."""
    with project().transaction() as store:
        existed = {t.id for t in store.find(term)}
        added = store.add_term(term, homograph=homograph)
        if added.id in existed:
            echo(f"{added.id}\t(already in the glossary; use --homograph for another sense)")
            return
        if expands:
            store.term(expands)
            kind = TermKind.ABBREVIATION
        added.status, added.kind, added.note, added.pos = status, kind, note, pos
        added.expands = expands
    echo(added.id)


def set_(
    term_id: Annotated[str, typer.Argument(metavar="ID", help="The term's id (see 'show').")],
    lang: Annotated[str, typer.Argument(help="Target language code.")],
    text: Annotated[str, typer.Argument(help="The translation.")],
    status: Annotated[
        UnitStatus, typer.Option(help="Status of the translation.")
    ] = UnitStatus.TRANSLATED,
    by: Annotated[str, typer.Option(help="Who translated it; recorded as origin human:<by>.")] = "",
    curated: Annotated[
        bool,
        typer.Option(
            "--curated", help="Record origin 'curated' (project curation) instead of a person."
        ),
    ] = False,
    note: Annotated[str | None, typer.Option(help="Basis of the rendering, for reviewers.")] = None,
) -> None:
    """Set the translation of a term in one language (and resolve a merge conflict)."""
    proj = project()
    language = proj.check_language(lang)
    if not text.strip():
        raise TermsmithError("the translation is empty", hint="give the text in quotes")
    origin = "curated" if curated else f"human:{by or _user()}"
    with proj.transaction() as store:
        unit = store.set_unit(
            term_id, language, text, status=status, origin=origin, note=note, conflict=False
        )
    if unit is None:
        echo(f"{term_id} [{language}] unchanged")
    else:
        echo(f"{term_id} [{language}] = {unit.text} ({unit.status}, {unit.origin}, rev {unit.rev})")


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


def show(
    term_id: Annotated[str, typer.Argument(metavar="ID", help="The term's id.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show a term with all its translations, statuses and origins."""
    proj = project()
    store = proj.load_store()
    term = store.term(term_id)
    units = store.units_of(term_id)
    if as_json:
        obj = term_to_obj(term)
        obj["translations"] = {lang: unit_to_obj(u) for lang, u in units.items()}
        echo(json.dumps(obj, ensure_ascii=False, indent=2))
        return
    lines = [f"{term.id}: {term.term}  [{term.status}, {term.kind}]"]
    if term.note:
        lines.append(f"  note: {term.note}")
    if term.expands:
        lines.append(f"  abbreviation of: {term.expands}")
    if term.variants:
        lines.append(f"  variants: {', '.join(term.variants)}")
    if term.sources:
        first = term.sources[0]
        lines.append(f"  source: {first.doc}" + (f":{first.line}" if first.line else ""))
    if is_terminal():
        from rich.console import Console
        from rich.table import Table

        console = Console()
        for line in lines:
            console.print(line, markup=False, highlight=False)
        table = Table("lang", "translation", "status", "origin", "rev", "changed")
        for lang in proj.languages:
            unit = units.get(lang)
            if unit is None:
                table.add_row(lang, "—", "missing", "", "", "")
            else:
                status = f"{unit.status} CONFLICT" if unit.conflict else str(unit.status)
                table.add_row(lang, unit.text, status, unit.origin, str(unit.rev), unit.changed)
        console.print(table)
    else:
        for line in lines:
            echo(line)
        for lang in proj.languages:
            unit = units.get(lang)
            if unit is None:
                echo(f"  {lang}\t—\tmissing")
            else:
                flag = "\tCONFLICT" if unit.conflict else ""
                echo(f"  {lang}\t{unit.text}\t{unit.status}\t{unit.origin}\trev {unit.rev}{flag}")
    for lang, unit in units.items():
        for alt in unit.alternatives:
            score = f" {alt.score:.3f}" if alt.score is not None else ""
            echo(f"  {lang} alternative: {alt.text} ({alt.origin}{score})")


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command()(add)
    app.command("set")(set_)
    app.command()(show)
