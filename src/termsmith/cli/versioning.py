"""Versioning commands: ``diff``, ``history``, ``release``, ``git-setup`` and git's ``merge-driver``."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from termsmith.cli.common import echo, notice, project


class DiffFormat(StrEnum):
    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"


def diff(
    old: Annotated[
        str, typer.Argument(metavar="[A]", help="The older version: a tag, branch or commit.")
    ] = "HEAD",
    new: Annotated[
        str | None,
        typer.Argument(metavar="[B]", help="The newer version (default: the working tree)."),
    ] = None,
    lang: Annotated[str | None, typer.Option(help="Only translations into this language.")] = None,
    fmt: Annotated[
        DiffFormat, typer.Option("--format", help="table, json, or markdown for a pull request.")
    ] = DiffFormat.TABLE,
) -> None:
    """Show what changed in the glossary between two versions (default: HEAD → working tree)."""
    from termsmith import versioning  # git and merge machinery: off other commands' start-up

    proj = project()
    language = proj.check_language(lang) if lang else None
    source = versioning.GlossaryRepo.of(proj.glossary_dir)
    result = versioning.diff_revisions(source, old, new, language)
    typer.echo(versioning.FORMATTERS[fmt.value](result), nl=False)


def history(
    term_id: Annotated[str, typer.Argument(metavar="ID", help="The term's id.")],
    lang: Annotated[str | None, typer.Option(help="Only this language.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show every revision of a term and its translations, from the git history."""
    from termsmith import versioning

    proj = project()
    source = versioning.GlossaryRepo.of(proj.glossary_dir)
    if lang:
        langs = [proj.check_language(lang)]
    else:
        langs = sorted(set(proj.languages) | set(proj.load_store().languages()))
    revisions = versioning.history(source, term_id, langs)
    if lang:
        revisions = [r for r in revisions if r.lang == langs[0]]
    if as_json:
        echo(json.dumps([r.to_json() for r in revisions], ensure_ascii=False, indent=2))
    else:
        typer.echo(versioning.format_history(revisions), nl=False)


def release(
    version: Annotated[str, typer.Argument(metavar="X.Y.Z", help="The new semantic version.")],
    message: Annotated[
        str,
        typer.Option("--message", "-m", help="What this release is, for the changelog and tag."),
    ] = "",
) -> None:
    """Release the glossary: set its version, write glossary/CHANGELOG.md, commit and tag it."""
    from termsmith import versioning

    proj = project()
    done = versioning.release(proj.glossary_dir, version, message)
    echo(done.section.rstrip("\n"))
    since = f" (changes since {done.previous})" if done.previous else ""
    if done.tag:
        notice(f"Released {version}{since}: committed and tagged {done.tag}.")
        notice(f"Publish it with: git push origin {done.tag}")
    else:
        notice(f"Released {version}{since}; not a git repository, so nothing was tagged.")


def git_setup() -> None:
    """Register the glossary and PO merge drivers in .git/config (see .gitattributes)."""
    from termsmith import merge
    from termsmith.gitrepo import GitRepo

    proj = project()
    repo = GitRepo.find(proj.root)
    report = merge.install_drivers(repo, proj.root)
    if report.attributes_written:
        notice(f"Wrote {report.attributes_written}; commit it so every clone merges the same way.")
    for name, command in report.drivers.items():
        echo(f"merge.{name}.driver = {command}")
    for path, driver in report.assigned.items():
        echo(f"{path}\t{driver}")


def merge_driver(
    kind: Annotated[str, typer.Argument(help="store or po.")],
    base: Annotated[Path, typer.Argument(help="The common ancestor's version (%O).")],
    ours: Annotated[Path, typer.Argument(help="Our version, replaced by the result (%A).")],
    theirs: Annotated[Path, typer.Argument(help="Their version (%B).")],
    name: Annotated[str, typer.Argument(help="The file's path in the repository (%P).")] = "",
) -> None:
    """Merge one file three ways for git; exit 1 when conflicts are left."""
    from termsmith import merge

    conflicts = merge.merge_driver(kind, base, ours, theirs, name or ours.name)
    for conflict in conflicts:
        notice(f"termsmith: CONFLICT {conflict}")
    if conflicts:
        notice("termsmith: resolve with 'termsmith set ID LANG TEXT', then 'git add' the file")
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command()(diff)
    app.command()(history)
    app.command()(release)
    app.command("git-setup")(git_setup)
    app.command("merge-driver", hidden=True)(merge_driver)
