"""From documents to ranked candidate terms with their evidence."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from termsmith.errors import LanguageError
from termsmith.extraction import abbreviations, lexicon, scoring, variants
from termsmith.extraction.candidates import (
    LINKS,
    NAME_LINKS,
    Sentence,
    Token,
    name_word,
    sentences,
    spans,
    tokenize,
)
from termsmith.extraction.documents import Document
from termsmith.model import TermKind

# Default selection: the terms scoring at least MIN_SCORE, at most SIZE_FACTOR *
# tokens^(2/3) of them (≈70 for a one-page press release, ≈1,600 for a 50,000-word
# corpus). The floor decides on both (≈45 and ≈1,000–1,500 terms); the cap is a
# safeguard against texts where everything recurs.
SIZE_FACTOR = 1.25
SIZE_EXPONENT = 2 / 3
MIN_SCORE = 1.5
SOURCES_KEPT = 5
COORDINATION_MIN = 5
CONTEXT_CHARS = 400
ADJECTIVE_WEIGHT = 0.6
EVENT_WEIGHT = 0.3
# A name built on another name ("GRECO Statute", "OECD Convention") mostly
# names a part of what the first one stands for: that one is the entry.
NAME_ON_NAME_WEIGHT = 0.25
# A phrase holding a word that is (almost) always capitalised in the text, a name or
# an abbreviation, weighs this much ("EU level", "Kretinga county").
PROPER_WEIGHT = 0.4
PROPER_SHARE = 0.9
COMMON_PROPER = 4.5
# Domain prior: a term holding a word of the law (lexicon.LEGAL_WORDS) weighs
# this much more; termsmith is a legal terminology tool. ``legal=False`` turns it off.
LEGAL_PRIOR = 2.0


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where a term occurs: document, sentence, character offsets, line."""

    doc: str
    sentence: str
    start: int
    end: int
    line: int


@dataclass(slots=True)
class Candidate:
    """A candidate term, ranked by ``score``, with the evidence for it."""

    term: str
    key: str
    kind: TermKind
    score: float
    frequency: int
    documents: int
    variants: list[str] = field(default_factory=list)
    occurrences: list[Occurrence] = field(default_factory=list)
    expands: str = ""

    @property
    def sentence(self) -> str:
        """The first sentence the term occurs in."""
        return self.occurrences[0].sentence if self.occurrences else ""


@dataclass(slots=True)
class _Stats:
    forms: Counter[str] = field(default_factory=Counter)
    initial: Counter[str] = field(default_factory=Counter)
    frequency: int = 0
    capitalised: int = 0
    countable: int = 0
    fragments: int = 0
    adjective: int = 0
    words: int = 0
    units: tuple[str, ...] = ()
    docs: dict[int, Occurrence] = field(default_factory=dict)


@dataclass(slots=True)
class _Cases:
    """How often each word of a key is capitalised where case says something."""

    capitalised: Counter[str] = field(default_factory=Counter)
    upper: Counter[str] = field(default_factory=Counter)
    seen: Counter[str] = field(default_factory=Counter)

    def add(self, sentence: Sentence) -> None:
        if sentence.heading:
            return
        # The first word of a sentence is capitalised whatever it is.
        for token in sentence.tokens[1:]:
            if token.role == "X" or not token.lower[0].isalpha():
                continue
            for word in token.norm.split():
                self.seen[word] += 1
                if token.cap:
                    self.capitalised[word] += 1
                    if token.text.isupper():
                        self.upper[word] += 1

    def proper(self) -> frozenset[str]:
        """Words (almost) always capitalised: names and abbreviations ("EU", "Kretinga").

        A capitalised word common in general English ("European", "Chinese") is a
        proper adjective, which terms are made with ("European arrest warrant").
        """
        return frozenset(
            w
            for w, n in self.seen.items()
            if self.upper[w] >= PROPER_SHARE * n
            or (self.capitalised[w] >= PROPER_SHARE * n and lexicon.zipf(w) < COMMON_PROPER)
        )


def check_language(code: str) -> None:
    """Refuse a source language other than English, which is all extraction knows.

    >>> check_language("en-GB")
    >>> check_language("fr")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    termsmith.errors.LanguageError: term extraction does not support ... 'fr' yet (...)
    """
    if code.replace("_", "-").split("-")[0].lower() != "en":
        raise LanguageError(
            f"term extraction does not support source language '{code}' yet",
            hint="only English documents can be extracted from for now",
        )


def phrase_key(text: str) -> str:
    """The grouping key of a term written by a user (stop and keep lists).

    >>> phrase_key("Procuratorial Organs")
    'procuratorial organ'
    """
    tokens = [t for t in tokenize(text, 0, len(text)) if t.lower[:1].isalnum()]
    # "the SPP" in a stop list means "SPP": leading determiners go.
    while len(tokens) > 1 and tokens[0].lower in lexicon.DETERMINERS:
        tokens.pop(0)
    return variants.key(tokens) if tokens else ""


def extract(
    documents: Iterable[Document],
    *,
    top: int | None = None,
    min_score: float | None = None,
    stop: Sequence[str] = (),
    keep: Sequence[str] = (),
    source_lang: str = "en",
    legal: bool = True,
) -> list[Candidate]:
    """The candidate terms of ``documents``, best first.

    Without ``top`` or ``min_score`` the selection adapts to the input's size
    (see :data:`SIZE_FACTOR`). Terms in ``stop`` are never proposed; terms in
    ``keep`` always are, when they occur.
    """
    check_language(source_lang)
    stats: dict[str, _Stats] = {}
    counts: Counter[str] = Counter()
    cases = _Cases()
    expansions: dict[str, Counter[str]] = {}
    docs = list(documents)
    for d, doc in enumerate(docs):
        for sentence in sentences(doc.text):
            _collect(doc, d, sentence, stats, counts, cases, expansions)
    total = sum(counts.values())
    if not total or not stats:
        return []
    return _select(
        stats,
        counts,
        total,
        cases.proper(),
        expansions,
        len(docs),
        top,
        min_score,
        stop,
        keep,
        legal,
    )


def _collect(
    doc: Document,
    d: int,
    sentence: Sentence,
    stats: dict[str, _Stats],
    counts: Counter[str],
    cases: _Cases,
    expansions: dict[str, Counter[str]],
) -> None:
    tokens = sentence.tokens
    for token in tokens:
        if token.lower[0].isalpha():
            counts[token.norm] += 1
    cases.add(sentence)
    seen = {(span.i, span.j) for span in spans(sentence)}
    for short, first, last in abbreviations.definitions(sentence):
        seen.add((first, last))
        long_tokens = tokens[first : last + 1]
        expansions.setdefault(short.lower, Counter())[variants.key(long_tokens)] += 1
    text = doc.text
    heading = sentence.heading
    links = LINKS
    # Sorted: which of two same-key spans of a sentence is cited must not vary.
    for i, j in sorted(seen):
        start_token = tokens[i]
        if i == j:
            if len(start_token.lower) < 2:
                continue
            key = start_token.norm
            form = start_token.text[:-2] if start_token.possessive else start_token.text
            content_words = 1
            units: tuple[str, ...] = (start_token.norm,)
            all_caps = start_token.cap
        else:
            words = tokens[i : j + 1]
            key = " ".join(t.norm for t in words)
            form = variants.surface(text, words)
            content = [w for w in words if w.lower not in links]
            content_words = len(content)
            units = tuple(w.norm for w in content)
            all_caps = all(w.cap for w in content)
        entry = stats.get(key)
        if entry is None:
            entry = stats[key] = _Stats(words=content_words, units=units)
        entry.forms[form] += 1
        if i == 0:
            entry.initial[form] += 1
        entry.frequency += 1
        if i == j and start_token.role == "A":
            entry.adjective += 1
        # Headings and a lone capital starting a sentence say nothing about names.
        if not heading and not (i == 0 and content_words == 1):
            entry.countable += 1
            if all_caps:
                entry.capitalised += 1
                if _inside_name(tokens, i, j):
                    entry.fragments += 1
        if d not in entry.docs:
            end_token = tokens[j]
            line = sentence.line + text.count("\n", sentence.start, start_token.start)
            entry.docs[d] = Occurrence(
                doc.name,
                _context(text, sentence, start_token.start, end_token.end),
                start_token.start,
                end_token.end - (2 if end_token.possessive else 0),
                line,
            )


def _context(text: str, sentence: Sentence, start: int, end: int) -> str:
    """The sentence around ``text[start:end]``, on one line; a window of a very long one."""
    a, b = sentence.start, sentence.end
    if b - a > CONTEXT_CHARS:
        # A "sentence" of a whole unpunctuated file: keep words around the term.
        half = CONTEXT_CHARS // 2
        a, b = max(a, start - half), min(b, end + half)
        head = "…" if a > sentence.start else ""
        tail = "…" if b < sentence.end else ""
        return head + " ".join(text[a:b].split()) + tail
    return " ".join(text[a:b].split())


def _inside_name(tokens: list[Token], i: int, j: int) -> bool:
    """Whether capitalised words ``i..j`` continue into a longer name ("EU Member" States)."""
    after = j + 1 < len(tokens) and name_word(tokens[j + 1]) and not tokens[j].possessive
    before = i > 0 and name_word(tokens[i - 1]) and (i > 1 or tokens[i - 1].text.isupper())
    return after or before


def _select(
    stats: dict[str, _Stats],
    counts: Counter[str],
    total: int,
    proper: frozenset[str],
    expansions: dict[str, Counter[str]],
    ndocs: int,
    top: int | None,
    min_score: float | None,
    stop: Sequence[str],
    keep: Sequence[str],
    legal: bool,
) -> list[Candidate]:
    stop_keys = {phrase_key(t) for t in stop} - {""}
    keep_keys = {phrase_key(t) for t in keep} - {""}
    kinds: dict[str, TermKind] = {}
    for key, entry in stats.items():
        if key in stop_keys:
            continue
        kind = _kind(key, entry, key in keep_keys, stats)
        if kind is not None:
            kinds[key] = kind
    # Nesting counts among admitted candidates only: a one-off coordination
    # ("legal procedures and impartial justice") must not hide its parts.
    cvalues = scoring.c_values(
        {k: stats[k].frequency for k in kinds}, {k: stats[k].words for k in kinds}
    )
    scores = {
        key: _score(key, stats[key], kind, counts, total, cvalues[key], ndocs, legal)
        for key, kind in kinds.items()
    }
    # An abbreviation of a term ("HAWT": horizontal axis wind turbine) is a word of
    # the domain, not a name: "HAWT rotor" is a term.
    proper = proper - {
        short
        for short, longs in expansions.items()
        if kinds.get(longs.most_common(1)[0][0]) is TermKind.TERM
    }
    for key, kind in kinds.items():
        # "EU level", "GRECO evaluation", "Lendimai wind farm": a name's attribute
        # or a thing of one place, not a term of the domain.
        if (
            kind is TermKind.TERM
            and stats[key].words > 1
            and key not in keep_keys
            and any(w in proper for w in scoring.content_words(key))
        ):
            scores[key] = round(scores[key] * PROPER_WEIGHT, 4)
    names = {k for k, kind in kinds.items() if kind is not TermKind.TERM}
    for key in names:
        if key not in keep_keys and _on_a_name(key, names):
            scores[key] = round(scores[key] * NAME_ON_NAME_WEIGHT, 4)
    expands: dict[str, str] = {}
    for short, longs in expansions.items():
        target = longs.most_common(1)[0][0]
        if short not in kinds or target not in kinds or target == short:
            continue
        kinds[short] = TermKind.ABBREVIATION
        expands[short] = target
        # An abbreviation and its expansion share their standing.
        scores[short] = scores[target] = max(scores[short], scores[target])
    ranked = sorted(kinds, key=lambda k: (-scores[k], k))
    if top is None and min_score is None:
        limit = max(1, math.ceil(SIZE_FACTOR * total**SIZE_EXPONENT))
        chosen = [k for k in ranked if scores[k] >= MIN_SCORE][:limit]
    else:
        chosen = [k for k in ranked if min_score is None or scores[k] >= min_score]
        if top is not None:
            chosen = chosen[:top]
    chosen.extend(k for k in sorted(keep_keys) if k in kinds and k not in chosen)
    # An abbreviation comes with its expansion.
    chosen.extend(
        dict.fromkeys(expands[k] for k in chosen if k in expands and expands[k] not in chosen)
    )
    chosen.sort(key=lambda k: (-scores[k], k))
    made = {k: _candidate(k, stats[k], kinds[k], scores[k]) for k in chosen}
    for key, target in expands.items():
        if key in made:
            made[key].expands = made[target].term
    return list(made.values())


def _on_a_name(key: str, names: set[str]) -> bool:
    """Whether a name starts with another name used as its modifier ("GRECO Statute").

    "OECD Convention", "EU Member States", "Council Regulation": the first name
    is the entry; "Council of Europe" (a link word follows) is a name of its own.
    """
    words = key.split()
    return any(
        words[k] not in NAME_LINKS and " ".join(words[:k]) in names for k in range(1, len(words))
    )


def _kind(key: str, entry: _Stats, force: bool, stats: dict[str, _Stats]) -> TermKind | None:
    """What sort of term a candidate is, or None when it is not one."""
    words = key.split()
    # A single word is a name when it is (almost) never written in lower case.
    name_like = _name_like(entry, len(words))
    if len(words) == 1 and abbreviations.is_acronym(max(entry.forms, key=entry.forms.__getitem__)):
        return TermKind.ABBREVIATION
    if not force and entry.fragments * 2 > entry.frequency:
        # Mostly part of a longer name: "EU Member" (States), "European Anti-Fraud" (Office).
        return None
    if name_like:
        if force:
            return TermKind.NAME
        if _personal(words) or ("and" in words and not _one_name(key, stats)):
            return None
        return TermKind.NAME
    return TermKind.TERM if force or _plausible(key, entry, stats) else None


def _score(
    key: str,
    entry: _Stats,
    kind: TermKind,
    counts: Counter[str],
    total: int,
    cvalue: float,
    ndocs: int,
    legal: bool,
) -> float:
    words = key.split()
    spec = scoring.specificity(entry.units, counts, total)
    score = scoring.combine(cvalue, spec, len(entry.docs), ndocs)
    if len(words) == 1 and kind is TermKind.TERM:
        score *= scoring.everyday_weight(words[0])
        if entry.adjective * 2 > entry.frequency:
            # An adjective alone is a weaker glossary entry than a noun.
            score *= ADJECTIVE_WEIGHT
    if kind is TermKind.TERM and words[variants.head_index(words)] in lexicon.EVENT_NOUNS:
        score *= EVENT_WEIGHT
    if legal and any(w in lexicon.LEGAL_WORDS for w in words):
        score *= LEGAL_PRIOR
    # Institutions and titles are what a glossary of legal texts is for.
    if (
        kind is TermKind.NAME
        and len(words) > 1
        and any(w in lexicon.INSTITUTION_WORDS or w in lexicon.TITLE_WORDS for w in words)
    ):
        # A name's length is no sign against it, unlike a phrase's.
        score *= 1.5 / scoring.length_weight(entry.words)
    return round(score, 4)


def _candidate(key: str, entry: _Stats, kind: TermKind, score: float) -> Candidate:
    words = key.split()
    term = variants.display(entry.forms, entry.initial, key)
    if (
        kind is TermKind.TERM
        and len(words) == 1
        and term[:1].isupper()
        and term[1:].islower()
        and any(f[:1].islower() for f in entry.forms)
    ):
        # Written in lower case somewhere: a common noun, whatever the headings say.
        term = term[:1].lower() + term[1:]
    variant_forms = sorted(
        {(f[:1].lower() + f[1:]) if entry.initial[f] == entry.forms[f] else f for f in entry.forms}
        - {term}
    )
    occurrences = [entry.docs[d] for d in sorted(entry.docs)][:SOURCES_KEPT]
    return Candidate(
        term=term,
        key=key,
        kind=kind,
        score=score,
        frequency=entry.frequency,
        documents=len(entry.docs),
        variants=variant_forms,
        occurrences=occurrences,
    )


def _personal(words: list[str]) -> bool:
    """A name of a person or place: no institution or title word, ends in an unknown word."""
    if any(w in lexicon.INSTITUTION_WORDS or w in lexicon.TITLE_WORDS for w in words):
        return False
    if len(words) == 1:
        return True
    return not lexicon.classes(words[-1])


def _one_name(key: str, stats: dict[str, _Stats]) -> bool:
    """Whether a capitalised phrase with "and" is one name, not two names side by side.

    "University of Political Science and Law" is one name; "EU and Member States",
    "Audit Committee and Ethics Committee", "Council of Europe and OECD Conventions"
    are two: no "of" before the "and", or what follows it is a name of its own.
    Such a pair is one name only when it recurs as a fixed pair, like a term.
    """
    left, _, right = key.partition(" and ")
    after = stats.get(right)
    if "of" in left.split() and not (after and _name_like(after, len(right.split()))):
        return True
    return _fixed_pair(key, stats[key].frequency, stats)


def _name_like(entry: _Stats, size: int) -> bool:
    """Whether a phrase is capitalised wherever its case says something."""
    share = 0.9 if size == 1 else 0.5
    return entry.capitalised > 0 and entry.capitalised >= share * entry.countable


def _fixed_pair(key: str, frequency: int, stats: dict[str, _Stats]) -> bool:
    """Whether "X and Y" recurs as one unit: often enough, never as "Y and X"."""
    left, _, right = key.partition(" and ")
    return frequency >= COORDINATION_MIN and f"{right} and {left}" not in stats


def _plausible(key: str, entry: _Stats, stats: dict[str, _Stats]) -> bool:
    """Whether a phrase can be a term at all, before scoring."""
    words = key.split()
    frequency = entry.frequency
    if len(words) == 1:
        word = words[0]
        if word in lexicon.GENERAL_NOUNS:
            return False
        # An everyday word seen once is too little evidence for a term.
        if frequency < 2 and lexicon.zipf(word) >= 3.5:
            return False
        # Short lower-case words no dictionary knows are symbols and unit
        # fragments ("rw", "dq", "ies"), not terms.
        written_lower = all(f.islower() for f in entry.forms)
        return not (len(word) <= 3 and written_lower and not lexicon.classes(word))
    if "and" in words:
        # Mostly two terms written together ("fraud and corruption"): one term
        # only when the pair recurs, always in the same order ("horse and rider"
        # next to "rider and horse" is a free coordination).
        return _fixed_pair(key, frequency, stats)
    return frequency >= 2 or "of" not in words
