"""The records of the translation memory: terms and translation units."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class TermStatus(StrEnum):
    """Where a term stands in review."""

    CANDIDATE = "candidate"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class TermKind(StrEnum):
    """What sort of term: a concept, a proper name, or an abbreviation."""

    TERM = "term"
    NAME = "name"
    ABBREVIATION = "abbreviation"


class UnitStatus(StrEnum):
    """The life of a translation: ``draft`` → ``translated`` → ``reviewed``."""

    DRAFT = "draft"
    TRANSLATED = "translated"
    REVIEWED = "reviewed"
    REJECTED = "rejected"


@dataclass(slots=True)
class Source:
    """Where a term was found: document, sentence, character offsets in the document."""

    doc: str
    sentence: str = ""
    start: int | None = None
    end: int | None = None
    line: int | None = None


@dataclass(slots=True)
class Alternative:
    """Another rendering kept beside the chosen one: an n-best hypothesis or a conflict."""

    text: str
    origin: str = ""
    score: float | None = None


@dataclass(slots=True)
class Term:
    """A source-language term and what we know about it."""

    id: str
    term: str
    status: TermStatus = TermStatus.CANDIDATE
    kind: TermKind = TermKind.TERM
    note: str = ""
    pos: str = ""
    domain: str = ""
    variants: list[str] = field(default_factory=list)
    expands: str = ""
    sources: list[Source] = field(default_factory=list)
    score: float | None = None


@dataclass(slots=True)
class Unit:
    """The translation of one term into one language.

    ``origin`` is one of ``mt:<engine>/<model>@<version>``, ``curated``,
    ``human:<name>``, ``import:<file>``. ``rev`` counts changes; ``changed`` is
    the date of the last one. ``conflict`` marks a merge conflict to resolve.
    """

    term_id: str
    lang: str
    text: str
    status: UnitStatus = UnitStatus.DRAFT
    origin: str = ""
    rev: int = 1
    changed: str = ""
    note: str = ""
    alternatives: list[Alternative] = field(default_factory=list)
    conflict: bool = False


ORIGIN_PREFIXES = ("mt:", "curated", "human:", "import:")


def valid_origin(origin: str) -> bool:
    """Whether ``origin`` is of a recognised form.

    >>> valid_origin("mt:argos/translate-en_fr@1.9"), valid_origin("guess")
    (True, False)
    """
    return origin == "curated" or any(
        origin.startswith(p) and len(origin) > len(p) for p in ORIGIN_PREFIXES if p != "curated"
    )
