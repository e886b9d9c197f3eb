"""Quality commands: ``check`` (QA report over the glossary) and ``check-text`` (compliance)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from termsmith import checks
from termsmith.checks import Level
from termsmith.cli.common import echo, is_terminal, project
from termsmith.errors import TermsmithError

if TYPE_CHECKING:
    from termsmith import compliance


class OutputFormat(StrEnum):
    """How a report is printed."""

    TABLE = "table"
    JSON = "json"


_STYLE = {Level.ERROR: "bold red", Level.WARNING: "yellow", Level.INFO: "dim"}


def check(
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Exit 1 when any error-level finding exists (CI, pre-commit)."
        ),
    ] = False,
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table (default) or json.")
    ] = OutputFormat.TABLE,
    only: Annotated[
        list[str] | None,
        typer.Option(
            "--only", help="Run only this check (repeatable): " + ", ".join(checks.CHECKS) + "."
        ),
    ] = None,
) -> None:
    """Report glossary problems: missing translations, drafts, inconsistencies, conflicts, stale catalogs."""
    for name in only or []:
        if name not in checks.CHECKS:
            raise typer.BadParameter(
                f"unknown check '{name}'; use one of {', '.join(checks.CHECKS)}",
                param_hint="--only",
            )
    proj = project()
    report = checks.run(proj, checks=only or None)
    if fmt is OutputFormat.JSON:
        echo(json.dumps(report.to_obj(), ensure_ascii=False, indent=2))
    else:
        print_report(report)
    if strict and report.has_errors:
        raise TermsmithError(
            f"check failed: {report.summary()}",
            hint="fix the error-level findings above, or run without --strict",
        )


def print_report(report: checks.Report) -> None:
    """Print a check report: a rich table on a terminal, tab-separated lines when piped.

    Other commands (``build``) use it to show the result of the checks.
    """
    if is_terminal():
        _check_rich(report)
    else:
        _check_plain(report)


def _where(finding: checks.Finding) -> str:
    if finding.path:
        return f"{finding.path}:{finding.line}" if finding.line is not None else finding.path
    return finding.term_id or "-"


def _check_plain(report: checks.Report) -> None:
    for f in report.findings:
        echo(f"{f.level}\t{f.check}\t{f.lang or '-'}\t{_where(f)}\t{f.message}")
    for lang, cov in report.coverage.items():
        echo(
            f"coverage\t{lang}\treviewed {cov.reviewed}, translated {cov.translated}, "
            f"draft {cov.draft}, missing {cov.missing} of {cov.accepted}"
        )
    echo(report.summary())


def _check_rich(report: checks.Report) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    if report.findings:
        table = Table("level", "check", "lang", "term / file", "message")
        for f in report.findings:
            table.add_row(
                Text(str(f.level), style=_STYLE[f.level]),
                f.check,
                f.lang,
                Text(_where(f)),
                Text(f.message),
            )
        console.print(table)
    cov_table = Table("lang", "accepted", "reviewed", "translated", "draft", "missing", "conflict")
    for lang, cov in report.coverage.items():
        cov_table.add_row(
            lang,
            *(
                str(n)
                for n in (
                    cov.accepted,
                    cov.reviewed,
                    cov.translated,
                    cov.draft,
                    cov.missing,
                    cov.conflict,
                )
            ),
        )
    console.print(cov_table)
    console.print(report.summary(), markup=False, highlight=False)


def check_text(
    source: Annotated[
        Path, typer.Argument(help="The English source document (UTF-8 text).", dir_okay=False)
    ],
    translation: Annotated[
        Path, typer.Argument(help="Its translation (UTF-8 text).", dir_okay=False)
    ],
    lang: Annotated[str, typer.Option("--lang", "-l", help="The translation's language.")],
    fmt: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="table (default) or json.")
    ] = OutputFormat.TABLE,
    drafts: Annotated[
        bool,
        typer.Option(
            "--drafts", help="Also check against draft renderings (reported as warnings)."
        ),
    ] = False,
) -> None:
    """Check that a translated document uses the glossary's renderings; exit 1 if not."""
    from termsmith import compliance  # stemmers: only for this command

    proj = project()
    language = proj.check_language(lang)
    source_text = compliance.read_document(source)
    translation_text = compliance.read_document(translation)
    store = proj.load_store()
    report = compliance.check_text(
        store, source_text, translation_text, language, include_drafts=drafts
    )
    if fmt is OutputFormat.JSON:
        obj = {"source": str(source), "translation": str(translation), **report.to_obj()}
        echo(json.dumps(obj, ensure_ascii=False, indent=2))
    elif is_terminal():
        _text_rich(report, source)
    else:
        for o in report.occurrences:
            echo(f"{source}:{o.line}:{o.column}: {o.verdict}: {o.message}")
        echo(_text_summary(report))
    if not report.ok:
        failures = list(compliance.iter_failures(report))
        names = ", ".join(f"'{o.found}' (line {o.line})" for o in failures[:5])
        more = f" and {len(failures) - 5} more" if len(failures) > 5 else ""
        raise TermsmithError(
            f"{len(failures)} glossary term occurrence{'s' if len(failures) != 1 else ''} "
            f"not rendered as the glossary says: {names}{more}",
            hint="use the glossary rendering, or change the glossary with 'termsmith set'",
        )


def _text_summary(report: compliance.ComplianceReport) -> str:
    from termsmith.compliance import Verdict

    total = len(report.occurrences)
    where = (
        "line by line" if report.aligned else "against the whole translation (line counts differ)"
    )
    return (
        f"{total} glossary term occurrence{'s' if total != 1 else ''} checked {where}: "
        f"{report.count(Verdict.OK)} ok, {report.count(Verdict.MISSING)} missing, "
        f"{report.count(Verdict.ACCENTS)} with other accents, "
        f"{report.count(Verdict.NO_RENDERING)} without a glossary rendering"
    )


def _text_rich(report: compliance.ComplianceReport, source: Path) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    if report.occurrences:
        table = Table("line", "term", "verdict", "message")
        for o in report.occurrences:
            style = (
                _STYLE[o.level]
                if o.level is not Level.INFO
                else ("green" if o.verdict == "ok" else "dim")
            )
            table.add_row(
                Text(f"{source.name}:{o.line}"),
                Text(o.found),
                Text(str(o.verdict), style=style),
                Text(o.message),
            )
        console.print(table)
    console.print(_text_summary(report), markup=False, highlight=False)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command()(check)
    app.command("check-text")(check_text)
