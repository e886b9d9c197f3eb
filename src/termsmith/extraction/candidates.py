"""Candidate terms: sentences, tokens, and the noun phrases and names that may be terms.

No tagger model: each word gets a coarse role from closed-class lists and the
open classes lemminflect's lexicon allows it (see :func:`role`). Noun phrases
are runs of modifiers ending in a noun, up to :data:`MAX_WORDS` words,
optionally joined by ``of``, ``and`` or ``against`` ("abuse of power", "fight
against corruption").
Capitalised runs joined by ``of``/``for``/``and`` and possessives are
candidate names ("Supreme People's Procuratorate").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from termsmith.extraction import lexicon
from termsmith.extraction.lexicon import words

MAX_WORDS = 6
MAX_WORD_CHARS = 40
MAX_HYPHENS = 4

# Web and mail addresses (one token, never a term), then words, with inner
# hyphens, apostrophes and dots ("opening-up", "People's", "U.S."), then marks.
_TOKEN = re.compile(
    r"(?:https?://|www\.)[^\s,;)\]]*[^\s,;)\].]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\b\w+\.(?:com|org|net|int|eu|gov)\b\S*"
    r"|(?:[^\W\d_]\.){2,}|[^\W_](?:[\w]|[-'’](?=[^\W_])|\.(?=\w\.))*[^\W_]?|[^\w\s]",
)
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n\s*")
_NO_BREAK_BEFORE = words(
    "mr mrs ms dr prof st no nos art arts para paras vs cf e.g i.e ch sec fig vol "
    "jan feb mar apr jun jul aug sep sept oct nov dec inc ltd co corp gen gov dept"
)
LINKS = frozenset({"of", "and", "against"})
NAME_LINKS = frozenset({"of", "for", "and", "on", "de", "du"})
_PARTICIPLE = re.compile(r"(?:ed|en|ing)$")
_DIGIT = re.compile(r"\d")
_CONTRACTION = re.compile(r"['’](?:ll|re|ve|d|m|t)$|n['’]t$")
# After these a word that can be a noun or a verb is a verb ("should focus").
VERB_CONTEXT = words(
    "to i you he she we they will would shall should can could may might must not "
    "cannot does do did also please let"
)
# Accented letters of English loanwords and names ("café", "Müller").
_LATIN_EXTRA = frozenset("éèêëàâäïîôöüûùçñ")
# Codes that keep their digits ("co2", "g-20").
_CODE = re.compile(r"^[a-z]{0,2}[a-z-]*[a-z]{2,}[-]?\d+[a-z]?$|^[a-z]-\d+$")
# Unknown words with these endings are adjectives ("procuratorial", "prudential").
_ADJECTIVE_SUFFIXES = ("ial", "ical", "ive", "ous", "able", "ible", "ful", "less", "ary")


@dataclass(slots=True)
class Token:
    """A word or punctuation mark; offsets are in the document."""

    text: str
    start: int
    end: int
    lower: str
    role: str
    cap: bool
    possessive: bool = False
    norm: str = ""


@dataclass(frozen=True, slots=True)
class Span:
    """A candidate occurrence: tokens ``i..j`` (inclusive) of a sentence."""

    i: int
    j: int
    name: bool = False


@dataclass(slots=True)
class Sentence:
    """A sentence of a document: where it is and its tokens."""

    start: int
    end: int
    line: int
    tokens: list[Token]
    heading: bool = False


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence: at ``.!?`` before a capital, and at line breaks.

    >>> t = "Dr. Li met the SPP. It said so.\\nNext line"
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['Dr. Li met the SPP.', 'It said so.', 'Next line']
    """
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end() if match.group().strip() else match.start()
        if match.group().startswith("."):
            space = max(
                text.rfind(" ", start, match.start()), text.rfind("\n", start, match.start())
            )
            word = text[max(space + 1, start) : match.start()].lower()
            if word in _NO_BREAK_BEFORE or (len(word) == 1 and word.isalpha()):
                continue
        piece = text[start:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            yield start + lead, start + len(piece.rstrip())
        start = match.end()
    piece = text[start:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        yield start + lead, start + len(piece.rstrip())


@lru_cache(maxsize=200_000)
def role(lower: str) -> str:
    """The part a lower-case word can play in a term.

    ``N`` noun (can end a term), ``A`` adjective (modifier only), ``V`` participle
    (modifier only), ``G`` general modifier (never in a term), ``X`` breaks a phrase.

    >>> [role(w) for w in ("organs", "judicial", "taken", "other", "the", "held")]
    ['N', 'A', 'V', 'G', 'X', 'X']
    """
    if lower in lexicon.FUNCTION_WORDS or not any(c.isalpha() for c in lower):
        return "X"
    if len(lower) > MAX_WORD_CHARS or lower.count("-") >= MAX_HYPHENS:
        # "a-a-a-…", base64, identifiers: not words of a term.
        return "X"
    if _CONTRACTION.search(lower) or "." in lower or "/" in lower or "@" in lower:
        return "X"
    # Formulas, symbols and words of other scripts ("λr", "p0", "türbin") are not
    # English terms; digits are kept in abbreviations ("CO2", "G-20").
    if not lower.isascii() and not all(c.isascii() or c in _LATIN_EXTRA for c in lower):
        return "X"
    if any(c.isdigit() for c in lower) and not _CODE.match(lower):
        return "X"
    if lower in lexicon.GENERAL_MODIFIERS:
        return "G"
    if "-" in lower:
        last = lower.rsplit("-", 1)[1]
        if not last:
            return "X"
        if _PARTICIPLE.search(last) and "NOUN" not in lexicon.classes(last):
            return "A"
        inner = role(last)
        return "N" if inner in ("X", "G") else inner
    known = lexicon.classes(lower)
    if not known:
        if lower.endswith("ly") and len(lower) > 4:
            return "X"
        if lower.endswith(_ADJECTIVE_SUFFIXES) and len(lower) > 6:
            return "A"
        return "N"
    if "NOUN" in known or "PROPN" in known:
        return "N"
    if "ADJ" in known:
        return "A"
    # "-ed" participles modify nouns ("organised crime"); "-ing" forms that are
    # only verbs mostly govern an object ("advancing modernization").
    if lower.endswith(("ed", "en")) and lexicon.is_participle(lower):
        return "V"
    return "X"


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]``, with roles."""
    tokens = []
    for match in _TOKEN.finditer(text, start, end):
        surface = match.group()
        lower = surface.lower()
        possessive = False
        if lower.endswith(("'s", "’s")) and len(lower) > 2:
            possessive = True
            lower = lower[:-2]
        cap = surface[0].isupper()
        kind = role(lower)
        if kind != "X" and _DIGIT.search(lower) and sum(c.isupper() for c in surface) < 2:
            kind = "X"
        tokens.append(Token(surface, match.start(), match.end(), lower, kind, cap, possessive))
    _verbs_in_context(tokens)
    for token in tokens:
        token.norm = _norm(token.lower, token.role)
    return tokens


@lru_cache(maxsize=200_000)
def _norm(lower: str, kind: str) -> str:
    """A token's part of a grouping key: nouns singular, hyphens as spaces."""
    word = lexicon.noun_lemma(lower) if kind == "N" else lower
    return word.replace("-", " ").replace("’", "'")


_OBJECT_START = words("a an the this these those its their his her our my your")
_PARTICLES = words("down up out off")
_AFTER_VERB = _OBJECT_START | words("to him them it us me")
_NOUN_CONTEXT = lexicon.DETERMINERS | lexicon.PREPOSITIONS | frozenset({""})


def _verbs_in_context(tokens: list[Token]) -> None:
    """Read noun-or-verb words as verbs where the context says so.

    After "to", a modal or a subject pronoun ("organs should focus on"), and
    at the start of a sentence before a determiner ("Keep the horse straight").
    """
    for k, token in enumerate(tokens):
        if token.role not in ("N", "A") or (token.cap and k) or "-" in token.lower:
            continue
        known = lexicon.classes(token.lower)
        if "VERB" not in known:
            continue
        before = tokens[k - 1].lower if k else ""
        after = tokens[k + 1].lower if k + 1 < len(tokens) else ""
        if (
            before in VERB_CONTEXT
            or (k == 0 and after in _OBJECT_START)
            or (after in _OBJECT_START and before not in _NOUN_CONTEXT)
            or after in _PARTICLES
            or _third_person(tokens, k, after)
        ):
            token.role = "X"


def _third_person(tokens: list[Token], k: int, after: str) -> bool:
    """ "the rider needs to", "the horse remains the": an -s verb after its subject."""
    if not k or not tokens[k].lower.endswith("s") or after not in _AFTER_VERB:
        return False
    subject = tokens[k - 1]
    return subject.role == "N" and not subject.possessive and not subject.lower.endswith("s")


def sentences(text: str) -> list[Sentence]:
    """The sentences of a document, tokenised."""
    out = []
    line, pos = 1, 0
    for start, end in split_sentences(text):
        line += text.count("\n", pos, start)
        pos = start
        tokens = tokenize(text, start, end)
        alpha = [t for t in tokens if t.lower[0].isalpha()]
        # A title-case heading says nothing about which words are names.
        heading = (
            len(alpha) >= 2
            and sum(t.cap for t in alpha) >= 0.6 * len(alpha)
            and (tokens[-1].text not in ".!?" or all(t.cap for t in alpha))
        )
        out.append(Sentence(start, end, line, tokens, heading))
    return out


def spans(sentence: Sentence) -> Iterator[Span]:
    """Every candidate span of a sentence (noun phrases and names; may overlap)."""
    tokens = sentence.tokens
    runs = _runs(tokens)
    for a, b in runs:
        yield from _phrases(tokens, a, b)
    # "X of Y" and "X and Y" joining two adjacent runs.
    for (a1, b1), (a2, b2) in itertools.pairwise(runs):
        if a2 != b1 + 2 or tokens[b1 + 1].lower not in LINKS:
            continue
        if tokens[b1].role != "N" or tokens[b1].possessive:
            continue
        for i in range(b1, max(a1, b1 - 2) - 1, -1):
            if tokens[i].role not in ("N", "A", "V"):
                continue
            for j in range(a2, min(b2, i + MAX_WORDS - 1) + 1):
                if tokens[j].role == "N":
                    yield Span(i, j)
    if not sentence.heading:
        yield from _names(tokens)


def _runs(tokens: list[Token]) -> list[tuple[int, int]]:
    """Maximal runs of modifiers and nouns; a possessive ends a run."""
    runs = []
    start = None
    for k, token in enumerate(tokens):
        if token.role in ("N", "A", "V"):
            if start is None:
                start = k
            if token.possessive:
                runs.append((start, k))
                start = None
        elif start is not None:
            runs.append((start, k - 1))
            start = None
    if start is not None:
        runs.append((start, len(tokens) - 1))
    return runs


def _phrases(tokens: list[Token], a: int, b: int) -> Iterator[Span]:
    for j in range(a, b + 1):
        if tokens[j].role != "N":
            # An adjective can be a term of its own: rare ("procuratorial") or common
            # ("financial", "offshore"); scoring weighs it down, frequency decides.
            if tokens[j].role == "A":
                yield Span(j, j)
            continue
        for i in range(j, max(a, j - MAX_WORDS + 1) - 1, -1):
            yield Span(i, j)


def _names(tokens: list[Token]) -> Iterator[Span]:
    """Capitalised sequences, linked by of/for/and; at least one capital not sentence-first."""
    n = len(tokens)
    k = 0
    while k < n:
        if not name_word(tokens[k]):
            k += 1
            continue
        i = k
        j = k
        after_of = False
        while j + 1 < n:
            nxt = tokens[j + 1]
            if name_word(nxt):
                j += 1
            elif (
                nxt.lower in NAME_LINKS
                and not nxt.cap
                and j + 2 < n
                and name_word(tokens[j + 2])
                and j + 2 - i < MAX_WORDS + 2
                # "and" joins words inside a name ("University of Political Science
                # and Law"), not two names ("Audit Committee and Ethics Committee").
                and (nxt.lower != "and" or after_of)
            ):
                after_of = after_of or nxt.lower in ("of", "for", "on")
                j += 2
            else:
                break
        if j > i or i > 0:
            yield Span(i, j, name=True)
        k = j + 1


def name_word(token: Token) -> bool:
    return token.cap and token.lower[0].isalpha() and token.lower not in lexicon.FUNCTION_WORDS
