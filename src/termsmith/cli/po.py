"""PO catalog commands: ``po`` (generate, ``--mo`` to compile) and ``po sync`` (read back)."""

from __future__ import annotations

from typing import Annotated

import typer

from termsmith.cli.common import echo, notice, project

po_app = typer.Typer(
    help="PO catalogs in locales/: write them, compile them, read reviewed translations back.",
    invoke_without_command=True,
    no_args_is_help=False,
)


@po_app.callback(invoke_without_command=True)
def generate(
    ctx: typer.Context,
    mo: Annotated[
        bool, typer.Option("--mo", help="Also compile .mo files (fuzzy drafts left out).")
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Overwrite edits in the PO files that 'po sync' has not read back."
        ),
    ] = False,
) -> None:
    """Write locales/<domain>.pot and one PO file per target language (unchanged files stay)."""
    if ctx.invoked_subcommand is not None:
        return
    from termsmith import catalogs  # polib: only for the commands that need it

    proj = project()
    store = proj.load_store()
    if not force:
        catalogs.require_synced(
            proj,
            store,
            hint="read them into the glossary with 'termsmith po sync', or pass --force to discard them",
        )
    written = catalogs.write_all(proj, store)
    if mo:
        written += catalogs.compile_mo(proj, store)
    for path in written:
        notice(f"Wrote {path.relative_to(proj.root)}")
    if not written:
        notice("Catalogs are up to date.")


@po_app.command("sync")
def sync() -> None:
    """Read edited PO files back: reviewed and draft translations, conflicts kept as alternatives."""
    from termsmith import catalogs

    proj = project()
    report = catalogs.sync(proj)
    for line in report.lines():
        echo(line)
    for path in report.written:
        notice(f"Wrote {path.relative_to(proj.root)}")


def register(app: typer.Typer) -> None:
    """Add the ``po`` command group to ``app``."""
    app.add_typer(po_app, name="po")
