"""``termsmith models``: list, install and remove translation models."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

import typer

from termsmith.cli.common import echo, notice, state
from termsmith.errors import EngineError, ProjectNotFoundError, TermsmithError

models_app = typer.Typer(
    help="Translation models: Argos packages and multilingual CTranslate2 models.",
    no_args_is_help=True,
)

_PAIR = re.compile(r"^([a-z]{2,3})[-_]([a-z]{2,3})$")


@models_app.command("list")
def list_() -> None:
    """Per target language, the engine and model that would translate it, or why none.

    Outside a project, every installed and registered model is listed.
    """
    from termsmith import engines
    from termsmith.engines import argos, ct2
    from termsmith.project import Project

    try:
        proj = Project.find(state.root)
    except ProjectNotFoundError:
        proj = None
    if proj is not None:
        for lang in proj.languages:
            names = proj.config.engines_for(lang)
            choice = engines.choose(proj.config.source, lang, names)
            model = choice.model
            if model is None:
                echo(f"{lang}\t-\t{choice.reason}; {engines.how_to_get(proj.config.source, lang)}")
                continue
            broken = f"\tBROKEN: {model.problem}" if model.problem else ""
            echo(f"{lang}\t{model.engine}\t{model.name}\t{model.version}\t{model.path}{broken}")
        return
    found = argos.installed() + ct2.installed()
    if not found:
        notice("No models installed. See 'termsmith models install --help' and 'add-ct2 --help'.")
    for model in found:
        langs = ",".join(model.targets)
        broken = f"\tBROKEN: {model.problem}" if model.problem else ""
        echo(
            f"{model.engine}\t{model.name}\t{model.version}\t{model.source}->{langs}\t{model.path}{broken}"
        )


@models_app.command("install")
def install(
    packages: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE.argosmodel|FROM-TO...",
            help="Package files to install offline, or language pairs (en-fr) to download when online.",
        ),
    ],
) -> None:
    """Install Argos Translate packages from files, or download them by language pair."""
    from termsmith.engines import argos

    for item in packages:
        path = Path(item)
        match = _PAIR.match(item.lower())
        if path.suffix == ".argosmodel" or path.exists() or match is None:
            model = argos.install_file(path)
        else:
            model = argos.install_remote(match.group(1), match.group(2))
        echo(
            f"installed {model.name} {model.version} ({model.source}->{model.targets[0]}) in {model.path}"
        )


@models_app.command("remove")
def remove(
    name: Annotated[str, typer.Argument(help="The model's name, as 'models list' shows it.")],
) -> None:
    """Remove an Argos package, or unregister a CTranslate2 model (its files stay)."""
    from termsmith.engines import argos, ct2

    gone = [m.path for m in argos.remove(name)]
    for path in gone:
        echo(f"removed {name} ({path})")
    for entry in ct2.remove(name):
        echo(f"unregistered {name} (the files in {entry.path} are kept)")
        gone.append(entry.path)
    if not gone:
        raise TermsmithError(f"no model named '{name}'", hint="see 'termsmith models list'")


@models_app.command("add-ct2")
def add_ct2(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            help="A CTranslate2 model directory (ct2-transformers-converter output + sentencepiece.bpe.model).",
        ),
    ],
    family: Annotated[str, typer.Option(help="Model family: nllb or m2m100.")] = "nllb",
    name: Annotated[
        str, typer.Option(help="Name to register it under (default: the directory name).")
    ] = "",
    version: Annotated[
        str, typer.Option(help="Version for provenance (default: a hash of the weights).")
    ] = "",
) -> None:
    """Register a multilingual CTranslate2 model (NLLB-200, M2M-100) for the languages it knows."""
    from termsmith.engines import ct2

    try:
        fam = ct2.Family(family)
    except ValueError:
        raise typer.BadParameter(
            f"'{family}' is not nllb or m2m100", param_hint="--family"
        ) from None
    entry = ct2.add(directory, fam, name=name, version=version)
    if not entry.languages:
        raise EngineError(
            f"{directory}: the model knows none of termsmith's languages", hint="check the model"
        )
    echo(
        f"registered {entry.name} {entry.version} ({entry.family}: en->{','.join(entry.languages)})"
    )


def register(app: typer.Typer) -> None:
    """Add the ``models`` sub-app."""
    app.add_typer(models_app, name="models")
