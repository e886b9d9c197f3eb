"""Translation engines: the memory, Argos Translate packages, multilingual CTranslate2 models.

Every engine meets :class:`~termsmith.engines.base.Engine`. The heavy libraries
(``argostranslate``, ``ctranslate2``, ``sentencepiece``) are imported inside the
engine modules' functions only, so importing this package costs nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from termsmith.engines.base import Engine, Hypothesis, ModelInfo, model_origin

ENGINES = ("memory", "argos", "ct2")
MT_ENGINES = ("argos", "ct2")

__all__ = [
    "ENGINES",
    "MT_ENGINES",
    "Choice",
    "Engine",
    "Hypothesis",
    "ModelInfo",
    "choose",
    "how_to_get",
    "model_origin",
]


@dataclass(frozen=True, slots=True)
class Choice:
    """The MT model that would translate into a language, or why there is none."""

    lang: str
    model: ModelInfo | None
    reason: str = ""


def how_to_get(source: str, target: str) -> str:
    """What a user can do to get a model for ``source`` → ``target``."""
    route = (
        f"install an Argos package: 'termsmith models install {source}-{target}' when online, "
        f"or 'termsmith models install FILE.argosmodel'"
    )
    if target == "mn":
        # The Argos index has no en→mn package.
        route = "there is no Argos package for Mongolian"
    return (
        f"{route}; or convert NLLB-200 with ct2-transformers-converter and register it with "
        f"'termsmith models add-ct2 DIR --family nllb'"
    )


def choose(source: str, target: str, engines: list[str]) -> Choice:
    """The first MT engine in ``engines`` that has a model for ``source`` → ``target``."""
    from termsmith.engines import argos, ct2

    for name in engines:
        if name == "argos":
            found = argos.find(source, target)
            if found is not None:
                return Choice(target, found)
        elif name == "ct2":
            entry = ct2.find(source, target)
            if entry is not None:
                return Choice(target, entry.info())
    tried = [e for e in engines if e in MT_ENGINES]
    if not tried:
        return Choice(
            target,
            None,
            f"no MT engine configured for {target} (only {', '.join(engines) or 'none'})",
        )
    return Choice(target, None, f"no {' or '.join(tried)} model for {source}→{target}")


def open_engine(choice: Choice) -> Engine:
    """The engine object for a chosen model (loads nothing heavy until it translates)."""
    from termsmith.engines import argos, ct2
    from termsmith.errors import EngineError

    model = choice.model
    if model is None:
        raise EngineError(choice.reason, hint=how_to_get("en", choice.lang))
    if model.engine == "argos":
        return argos.ArgosEngine(model)
    entry = next((e for e in ct2.load_registry() if e.name == model.name), None)
    if entry is None:  # pragma: no cover - the registry changed under us
        raise EngineError(
            f"model '{model.name}' is no longer registered", hint="run the command again"
        )
    return ct2.Ct2Engine(entry, choice.lang)
