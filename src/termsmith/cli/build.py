"""``termsmith build``: the main job, as ``make demo`` runs it."""

from __future__ import annotations

from typing import Annotated

import typer

from termsmith.cli.common import echo, notice, project


def build(
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Report what would change; write nothing, run no model."),
    ] = False,
) -> None:
    """Extract from seeds/, translate what is missing, regenerate PO catalogs and the index, check."""
    # The pipeline pulls in every stage's modules: imported here, off other commands' start-up.
    from termsmith import pipeline
    from termsmith.checks import Level

    proj = project()
    report = pipeline.build(proj, dry_run=dry_run, notify=notice)
    would = "would be " if dry_run else ""
    echo(
        f"Extraction: {report.extracted} terms selected from {report.documents} document(s); "
        f"{len(report.added)} new candidate(s) {would}added"
    )
    for term_id in report.added:
        echo(f"  + {term_id}")
    echo("Translation:")
    for line in report.translation.lines():
        echo(f"  {line}")
    if report.catalogs:
        echo(f"Catalogs: {len(report.catalogs)} file(s) {would or ''}written")
    else:
        echo("Catalogs: up to date")
    echo(f"Index: {report.index}")
    echo(f"Glossary: {pipeline.term_summary(report.terms)}")
    if report.check is not None:
        echo("Coverage of accepted terms (reviewed / translated / draft / missing):")
        for lang, cov in report.check.coverage.items():
            echo(f"  {lang}: {cov.reviewed} / {cov.translated} / {cov.draft} / {cov.missing}")
    if report.changed:
        echo("Would change:" if dry_run else "Changed:")
        for path in report.changed:
            echo(f"  {path}")
    else:
        echo("Nothing " + ("would change." if dry_run else "changed."))
    if report.check is not None:
        errors = [f for f in report.check.findings if f.level is Level.ERROR]
        echo(f"Check: {report.check.summary()} (details: termsmith check)")
        for finding in errors:
            where = "/".join(x for x in (finding.lang, finding.term_id) if x)
            echo(f"  error: {finding.check}: {where}: {finding.message}")


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command()(build)
