"""The small interface every translation engine meets, and what they share.

An engine translates a batch of English terms into one target language and
returns, per term, its n-best hypotheses, best first. It names itself in the
``origin`` of what it produced: ``mt:<engine>/<model>@<version>``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Hypothesis:
    """One candidate translation; ``origin`` overrides the engine's own where set (memory)."""

    text: str
    score: float | None = None
    origin: str = ""


class Engine(Protocol):
    """What :mod:`termsmith.translation` needs from an engine."""

    #: the engine family: ``memory``, ``argos`` or ``ct2``
    name: str

    @property
    def model_id(self) -> str:
        """The provenance of this engine's output, ``mt:<engine>/<model>@<version>``."""
        ...

    def translate_batch(
        self, texts: Sequence[str], num_hypotheses: int = 4
    ) -> list[list[Hypothesis]]:
        """Per text, its hypotheses best first (an empty list: nothing to offer)."""
        ...


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """An installed or registered model, as ``models list`` shows it."""

    engine: str
    name: str
    version: str
    path: Path
    source: str
    targets: tuple[str, ...]
    problem: str = ""

    @property
    def origin(self) -> str:
        """``mt:<engine>/<name>@<version>``."""
        return model_origin(self.engine, self.name, self.version)


def model_origin(engine: str, name: str, version: str) -> str:
    """The provenance string of a model.

    >>> model_origin("argos", "translate-en_fr", "1.9")
    'mt:argos/translate-en_fr@1.9'
    """
    return f"mt:{engine}/{name}@{version or 'unversioned'}"


def cpu_count() -> int:
    """The cores this process may use (the affinity mask, not the machine's total)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
