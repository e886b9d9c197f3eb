"""``termsmith translate``: machine-translate the missing units as drafts."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from termsmith.cli.common import echo, is_terminal, notice, project
from termsmith.errors import EngineError


def translate(
    lang: Annotated[
        list[str] | None,
        typer.Option("--lang", "-l", help="Target language (repeatable; default: all)."),
    ] = None,
    engine: Annotated[
        str | None, typer.Option(help="Use only this engine: memory, argos or ct2.")
    ] = None,
    term: Annotated[
        list[str] | None,
        typer.Option("--term", "-t", metavar="ID", help="Only this term (repeatable)."),
    ] = None,
    retranslate: Annotated[
        bool,
        typer.Option(
            "--retranslate",
            help="Translate existing units again; a person's text is kept as an alternative.",
        ),
    ] = False,
    strict: Annotated[
        bool,
        typer.Option("--strict", help="Fail if a language has no model, instead of skipping it."),
    ] = False,
) -> None:
    """Machine-translate the missing units of accepted and candidate terms, as drafts."""
    from termsmith import translation
    from termsmith.engines import ENGINES

    if engine is not None and engine not in ENGINES:
        raise typer.BadParameter(
            f"'{engine}' is not one of {', '.join(ENGINES)}", param_hint="--engine"
        )
    proj = project()
    kwargs: dict[str, Any] = {
        "engine": engine,
        "term_ids": term or None,
        "retranslate": retranslate,
        "strict": strict,
    }
    if is_terminal():
        from rich.progress import Progress

        with Progress(transient=True) as bar:
            tasks: dict[str, Any] = {}

            def progress(code: str, done: int, total: int) -> None:
                if code not in tasks:
                    tasks[code] = bar.add_task(f"en→{code}", total=total)
                bar.update(tasks[code], completed=done)

            report = translation.translate(proj, lang or None, progress=progress, **kwargs)
    else:
        report = translation.translate(proj, lang or None, **kwargs)
    for rep in report.languages:
        (notice if rep.skipped or rep.error else echo)(rep.line())
    if report.errors:
        raise EngineError(
            "translation failed for " + ", ".join(r.lang for r in report.errors),
            hint="see the messages above; the other languages were saved",
        )


def register(app: typer.Typer) -> None:
    """Add the ``translate`` command."""
    app.command("translate")(translate)
