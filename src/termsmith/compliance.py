"""Glossary compliance of a translated document: are the glossary terms rendered as agreed?

:func:`check_text` finds the glossary's English terms (and their variants) in
a source document, then looks in the translation for the glossary rendering of
each occurrence. ``docs/checks.md`` documents the matching rules; in short:

- source: case-insensitive (abbreviations case-sensitive), longest match first,
  no overlaps, a plural ``s``/``es``/``ies`` tolerated;
- translation: the unit's text, or an alternative recorded by a person
  (``curated``, ``human:…``, ``import:…``; machine n-best lists do not count),
  matched per language (:mod:`termsmith.stems`): Japanese and Chinese as
  substrings, Russian, German, French, Spanish… on word stems, Vietnamese
  syllable by syllable with tone marks, others allowing short endings;
- lines: when both documents have as many lines, line *n* of the source is
  checked against line *n* of the translation; otherwise against the whole
  translation.

>>> from termsmith.store import Store
>>> store = Store(Path("glossary"))
>>> term = store.add_term("procuratorial organs", status=TermStatus.ACCEPTED)
>>> _ = store.set_unit(
...     term.id, "ru", "прокурорские органы", status=UnitStatus.REVIEWED, origin="curated"
... )
>>> report = check_text(store, "Procuratorial organs act.", "Прокурорских органов нет.", "ru")
>>> [(o.line, o.verdict.value) for o in report.occurrences], report.ok
([(1, 'ok')], True)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from termsmith import stems, textfile
from termsmith.checks import Level
from termsmith.errors import InputFileError
from termsmith.model import Term, TermKind, TermStatus, Unit, UnitStatus
from termsmith.store import Store
from termsmith.textnorm import nfc


class Verdict(StrEnum):
    """What became of one occurrence of a glossary term."""

    OK = "ok"
    ACCENTS = "accents"
    MISSING = "missing"
    NO_RENDERING = "no-rendering"


# Origins of alternatives a person stands behind; machine n-best lists are not.
_ACCEPTED_ALT_PREFIXES = ("curated", "human:", "import:")


@dataclass(frozen=True)
class Reference:
    """The glossary's renderings of one term in one language."""

    term: Term
    renderings: tuple[str, ...]
    status: UnitStatus | None  # None when there is no unit
    conflict: bool = False


@dataclass(frozen=True)
class Occurrence:
    """One glossary term found in the source, and what the translation does with it."""

    term_id: str
    term: str
    found: str
    line: int
    column: int
    verdict: Verdict
    level: Level
    message: str
    renderings: tuple[str, ...] = ()
    translation_line: int | None = None

    def to_obj(self) -> dict[str, Any]:
        obj: dict[str, Any] = {
            "line": self.line,
            "column": self.column,
            "term_id": self.term_id,
            "term": self.term,
            "found": self.found,
            "verdict": str(self.verdict),
            "level": str(self.level),
            "renderings": list(self.renderings),
        }
        if self.translation_line is not None:
            obj["translation_line"] = self.translation_line
        obj["message"] = self.message
        return obj


@dataclass
class ComplianceReport:
    """Every occurrence of a glossary term in the source, in document order."""

    lang: str
    aligned: bool
    occurrences: list[Occurrence] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether every term found is rendered as the glossary says (no error)."""
        return not any(o.level is Level.ERROR for o in self.occurrences)

    def count(self, verdict: Verdict) -> int:
        return sum(1 for o in self.occurrences if o.verdict is verdict)

    def to_obj(self) -> dict[str, Any]:
        """The report as one JSON object."""
        return {
            "lang": self.lang,
            "aligned": self.aligned,
            "ok": self.ok,
            "summary": {str(v): self.count(v) for v in Verdict},
            "occurrences": [o.to_obj() for o in self.occurrences],
        }


# --- the glossary side ---------------------------------------------------------


def references(store: Store, lang: str, *, include_drafts: bool = False) -> list[Reference]:
    """The renderings of every accepted term in ``lang`` (none where there is no usable unit)."""
    out = []
    for term in store.iter_terms([TermStatus.ACCEPTED]):
        unit = store.unit(term.id, lang)
        out.append(_reference(term, unit, include_drafts))
    return out


def _reference(term: Term, unit: Unit | None, include_drafts: bool) -> Reference:
    if unit is None or unit.status is UnitStatus.REJECTED or not unit.text.strip():
        return Reference(term, (), None)
    if unit.status is UnitStatus.DRAFT and not include_drafts:
        return Reference(term, (), unit.status)
    texts = [unit.text]
    for alt in unit.alternatives:
        if unit.conflict or alt.origin.startswith(_ACCEPTED_ALT_PREFIXES):
            texts.append(alt.text)
    unique = tuple(dict.fromkeys(t for t in texts if t.strip()))
    return Reference(term, unique, unit.status, unit.conflict)


def source_pattern(term: Term) -> re.Pattern[str]:
    """The regular expression that finds ``term`` (or a variant) in English text.

    >>> p = source_pattern(Term("x", "procuratorial organ", variants=["People's procuratorate"]))
    >>> [m.group(0) for m in p.finditer("Procuratorial  organs; people’s procuratorates.")]
    ['Procuratorial  organs', 'people’s procuratorates']
    >>> bool(source_pattern(Term("o", "judicial organs")).search("a judicial organ"))
    True
    >>> bool(source_pattern(Term("spp", "SPP", kind=TermKind.ABBREVIATION)).search("spp"))
    False
    """
    forms = sorted({nfc(f).strip() for f in [term.term, *term.variants] if f.strip()}, key=len)
    alternatives = [_form_regex(f, term.kind) for f in reversed(forms)]
    flags = 0 if term.kind is TermKind.ABBREVIATION else re.IGNORECASE
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", flags)


def _form_regex(form: str, kind: TermKind) -> str:
    parts: list[str] = []
    for char in form:
        if char.isspace():
            if not parts or parts[-1] != r"\s+":
                parts.append(r"\s+")
        elif char in "-‐‑‒–":
            parts.append(r"[-‐‑‒–\s]")
        elif char in "'’ʼ":
            parts.append(r"['’ʼ]")
        else:
            parts.append(re.escape(char))
    if kind is not TermKind.TERM or not form[-1:].isalpha():
        return "".join(parts)
    # English number on the last word, either way: organ ⇄ organs, authority ⇄ authorities.
    lower = form.lower()
    if lower.endswith("ies"):
        return "".join(parts[:-3]) + "(?:y|ies)"
    if lower.endswith("y"):
        return "".join(parts[:-1]) + "(?:y|ies)"
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return "".join(parts[:-1]) + "(?:s|es)?"
    return "".join(parts) + "(?:s|es)?"


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    ref: Reference


class TermIndex:
    """The glossary's source patterns, indexed by their first word (singular, lower case).

    A line is only searched for the terms whose first word it contains, and a
    pattern is compiled the first time it is needed, which keeps a large
    glossary fast.
    """

    def __init__(self, refs: list[Reference]) -> None:
        self._by_key: dict[str, list[Reference]] = {}
        self._patterns: dict[str, re.Pattern[str]] = {}
        for ref in refs:
            keys = {_index_key(form) for form in [ref.term.term, *ref.term.variants]}
            for key in sorted(k for k in keys if k is not None):
                self._by_key.setdefault(key, []).append(ref)

    def candidates(self, line: str) -> list[tuple[Reference, re.Pattern[str]]]:
        """The (reference, pattern) pairs worth trying on ``line``, each once."""
        seen: dict[str, Reference] = {}
        for word in set(stems.words(line)):
            for key in _word_keys(word):
                for ref in self._by_key.get(key, ()):
                    seen.setdefault(ref.term.id, ref)
        return [(seen[k], self._pattern(seen[k])) for k in sorted(seen)]

    def _pattern(self, ref: Reference) -> re.Pattern[str]:
        pattern = self._patterns.get(ref.term.id)
        if pattern is None:
            pattern = self._patterns[ref.term.id] = source_pattern(ref.term)
        return pattern

    def find(self, line: str) -> list[_Hit]:
        """Glossary terms in one source line: longest first, no overlaps, in line order."""
        return find_terms(line, self.candidates(line))


def _index_key(form: str) -> str | None:
    first = stems.words(nfc(form))
    return stems.singular(first[0].casefold()) if first else None


def _word_keys(word: str) -> set[str]:
    # A source word may be the plural of a one-word term: cases → case, boxes → box.
    low = word.casefold()
    keys = {low, stems.singular(low)}
    if low.endswith("es"):
        keys.add(low[:-2])
    return keys


def find_terms(line: str, refs: list[tuple[Reference, re.Pattern[str]]]) -> list[_Hit]:
    """Glossary terms in one source line: longest first, no overlaps, in line order."""
    hits = [
        _Hit(m.start(), m.end(), ref)
        for ref, pattern in refs
        for m in pattern.finditer(line)
        if m.end() > m.start()
    ]
    hits.sort(key=lambda h: (h.start - h.end, h.start, h.ref.term.id))
    chosen: list[_Hit] = []
    for hit in hits:
        if all(hit.end <= c.start or hit.start >= c.end for c in chosen):
            chosen.append(hit)
    return sorted(chosen, key=lambda h: h.start)


# --- the translation side -------------------------------------------------------


@dataclass(frozen=True)
class _Token:
    key: str
    start: int
    end: int


class _Text:
    """A translation line, tokenized on demand for strict and accent-blind matching."""

    def __init__(self, text: str, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.mode = stems.mode(lang)
        self._tokens: dict[bool, list[_Token]] = {}
        self._chars: str | None = None

    def chars(self) -> str:
        if self._chars is None:
            self._chars = _squeeze(stems.normalize(self.text, self.lang))
        return self._chars

    def tokens(self, accents: bool) -> list[_Token]:
        if accents not in self._tokens:
            self._tokens[accents] = [
                _Token(_word_key(m.group(0), self.lang, accents), m.start(), m.end())
                for m in re.finditer(r"[^\W_]+", self.text)
            ]
        return self._tokens[accents]


def _squeeze(text: str) -> str:
    # Scripts without spaces: spaces and middle dots in a rendering are not significant.
    return re.sub(r"[\s・·]+", "", text)


@lru_cache(maxsize=65536)
def _word_key(word: str, lang: str, accents: bool) -> str:
    return stems.stem(stems.normalize(word, lang, accents=accents), lang)


@lru_cache(maxsize=16384)
def _rendering_keys(rendering: str, lang: str, accents: bool) -> tuple[str | None, ...]:
    """The keys of a rendering's words; None for an inflecting article (any word matches)."""
    articles = stems.INFLECTED_ARTICLES.get(stems.base(lang), frozenset())
    words = stems.words(nfc(rendering))
    if all(stems.normalize(w, lang) in articles for w in words):
        # A rendering of articles only ("die") must match them as they are.
        return tuple(_word_key(w, lang, accents) for w in words)
    keys = [
        None if stems.normalize(w, lang) in articles else _word_key(w, lang, accents) for w in words
    ]
    while keys and keys[0] is None:
        keys.pop(0)  # a leading article agrees with the text's case, whatever it is
    return tuple(keys)


def find_rendering(rendering: str, text: _Text, accents: bool) -> tuple[int, int] | None:
    """The span of ``rendering`` in ``text`` (by the language's rules), or None."""
    if text.mode is stems.Mode.CHARS:
        needle = _squeeze(stems.normalize(rendering, text.lang))
        if needle and needle in text.chars():
            return (0, len(text.text))
        return None
    wanted = _rendering_keys(rendering, text.lang, accents)
    if not wanted:
        return None
    tokens = text.tokens(accents)
    for i in range(len(tokens) - len(wanted) + 1):
        if all(
            w is None or stems.same_word(w, tokens[i + j].key, text.mode)
            for j, w in enumerate(wanted)
        ):
            return (tokens[i].start, tokens[i + len(wanted) - 1].end)
    return None


# --- the check ---------------------------------------------------------------------


def check_text(
    store: Store,
    source: str,
    translation: str,
    lang: str,
    *,
    include_drafts: bool = False,
) -> ComplianceReport:
    """Check that ``translation`` renders every glossary term of ``source`` as agreed."""
    source_lines = nfc(source).splitlines()
    target_lines = nfc(translation).splitlines()
    aligned = len(source_lines) == len(target_lines)
    finder = _Finder([_Text(line, lang) for line in target_lines], aligned)
    index = TermIndex(references(store, lang, include_drafts=include_drafts))
    report = ComplianceReport(lang, aligned)
    for number, line in enumerate(source_lines, 1):
        for hit in index.find(line):
            report.occurrences.append(_judge(hit, line, number, finder, lang))
    return report


class _Finder:
    """Looks renderings up in the translation: on the aligned line, or anywhere (memoized)."""

    def __init__(self, texts: list[_Text], aligned: bool) -> None:
        self.texts = texts
        self.aligned = aligned
        self._anywhere: dict[tuple[str, bool], tuple[int, tuple[int, int]] | None] = {}

    def find(self, rendering: str, accents: bool, line: int) -> tuple[int, tuple[int, int]] | None:
        """``(translation line, span)`` of the rendering for source line ``line``, or None."""
        if self.aligned:
            span = find_rendering(rendering, self.texts[line - 1], accents)
            return (line, span) if span else None
        key = (rendering, accents)
        if key not in self._anywhere:
            self._anywhere[key] = None
            for number, text in enumerate(self.texts, 1):
                span = find_rendering(rendering, text, accents)
                if span:
                    self._anywhere[key] = (number, span)
                    break
        return self._anywhere[key]


def _judge(hit: _Hit, line: str, number: int, finder: _Finder, lang: str) -> Occurrence:
    ref = hit.ref
    term = ref.term
    found = line[hit.start : hit.end]
    where = f"translation line {number}" if finder.aligned else "the translation"

    def occurrence(
        verdict: Verdict, level: Level, message: str, at: int | None = None
    ) -> Occurrence:
        return Occurrence(
            term.id,
            term.term,
            found,
            number,
            hit.start + 1,
            verdict,
            level,
            message,
            ref.renderings,
            at,
        )

    if not ref.renderings:
        why = "only a draft" if ref.status is UnitStatus.DRAFT else "no glossary rendering"
        return occurrence(
            Verdict.NO_RENDERING,
            Level.INFO,
            f"'{found}' ({term.id}) has {why} in {lang}; not checked",
        )
    quoted = " or ".join(f"'{r}'" for r in ref.renderings)
    caveat = ""
    if ref.conflict:
        caveat = " (the glossary unit is in merge conflict)"
    elif ref.status is UnitStatus.DRAFT:
        caveat = " (checked against a draft rendering)"
    for rendering in ref.renderings:
        if located := finder.find(rendering, True, number):
            at = located[0]
            return occurrence(
                Verdict.OK,
                Level.WARNING if caveat else Level.INFO,
                f"'{found}' ({term.id}) is rendered '{rendering}' in translation line {at}{caveat}",
                at,
            )
    for rendering in ref.renderings:
        if located := finder.find(rendering, False, number):
            at, span = located
            written = finder.texts[at - 1].text[span[0] : span[1]]
            tones = stems.mode(lang) is stems.Mode.EXACT
            return occurrence(
                Verdict.ACCENTS,
                Level.ERROR if tones else Level.WARNING,
                f"'{found}' ({term.id}) is written '{written}' in translation line {at}, "
                f"which differs from '{rendering}' in its "
                + ("tone marks and diacritics" if tones else "accents"),
                at,
            )
    return occurrence(
        Verdict.MISSING,
        Level.ERROR,
        f"'{found}' ({term.id}) should be rendered {quoted}{caveat}; not found in {where}",
    )


def read_document(path: Path) -> str:
    """A UTF-8 text file (a byte-order mark is dropped); errors name the file and line."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError("no such file", path, hint="check the path") from None
    except IsADirectoryError:
        raise InputFileError("is a directory, not a text file", path) from None
    return textfile.decode(data, path, hint="save the file as UTF-8").removeprefix("\ufeff")


def iter_failures(report: ComplianceReport) -> Iterator[Occurrence]:
    """The occurrences that make the check fail."""
    return (o for o in report.occurrences if o.level is Level.ERROR)
