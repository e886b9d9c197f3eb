"""Looking terms up in any language: exact, prefix, substring, or fuzzy (typo-tolerant).

Every string is compared by its :func:`~termsmith.index.search_key` (case and
Latin accents folded, Japanese marks kept). Without ``fuzzy``, exact matches
come first, then prefix, then substring matches (inside words too, so Japanese
needs no word boundaries); within each, shorter matched strings first. With
``fuzzy``, candidates are ranked by Levenshtein similarity,
``100 * (1 - distance / longer length)`` as translate-toolkit computes it, with its
75 % floor.

>>> from termsmith.lookup import similarity
>>> similarity("prokuratura", "procuratura")
90.9
"""

from __future__ import annotations

import array
import math
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from termsmith.index import NO_SPACES, SOURCE, TERM, TRANSLATION, VARIANT, Index, search_key

#: translate-toolkit's default minimum similarity for fuzzy matches
FUZZY_FLOOR = 75.0
DEFAULT_LIMIT = 10

_HOW = ("exact", "prefix", "substring")
_FIELD = {TERM: "term", VARIANT: "variant", TRANSLATION: "translation"}


@dataclass(frozen=True)
class Translation:
    """One language of a found term."""

    text: str
    status: str
    conflict: bool = False


@dataclass
class Hit:
    """A found term: what matched, how well, and the term with all its languages."""

    id: str
    term: str
    status: str
    kind: str
    note: str
    #: ``exact``, ``prefix``, ``substring`` or ``fuzzy``
    how: str
    #: the language of the matched string ("" for the source term or a variant)
    lang: str
    #: ``term``, ``variant`` or ``translation``
    kind_of_match: str
    #: the matched string as stored
    matched: str
    #: similarity in percent (100 for exact, prefix and substring matches)
    score: float = 100.0
    translations: dict[str, Translation] = field(default_factory=dict)

    def to_json(self, source: str, langs: list[str] | None = None) -> dict[str, Any]:
        """A JSON-ready dict; ``source`` names the source language, ``langs`` limits the
        translations shown."""
        obj: dict[str, Any] = {
            "id": self.id,
            "term": self.term,
            "status": self.status,
            "kind": self.kind,
        }
        if self.note:
            obj["note"] = self.note
        obj["match"] = {
            "how": self.how,
            "lang": self.lang or source,
            "field": self.kind_of_match,
            "text": self.matched,
            "score": self.score,
        }
        obj["translations"] = {
            lang: {"text": t.text, "status": t.status, **({"conflict": True} if t.conflict else {})}
            for lang, t in self.translations.items()
            if langs is None or lang in langs
        }
        return obj


def similarity(a: str, b: str) -> float:
    """Levenshtein similarity in percent, one decimal: translate-toolkit's formula.

    >>> similarity("parquet", "parquet"), similarity("parquet", "parqet")
    (100.0, 85.7)
    """
    from rapidfuzz.distance import Levenshtein

    return round(100.0 * Levenshtein.normalized_similarity(a, b), 1)


def lookup(
    index: Index,
    query: str,
    *,
    lang: str | None = None,
    fuzzy: bool = False,
    limit: int = DEFAULT_LIMIT,
) -> list[Hit]:
    """The best ``limit`` terms matching ``query``.

    ``lang`` searches only that language (:data:`~termsmith.index.SOURCE`, "", for the
    source terms and their variants); every language of a found term is returned.
    """
    key = search_key(query)
    if not key or limit < 1:
        return []
    found = _fuzzy(index.db, key, lang, limit) if fuzzy else _plain(index.db, key, lang, limit)
    return _hits(index.db, found)


# A match before its term is fetched: term number, how, lang, field, matched text, score.
_Found = tuple[int, str, str, int, str, float]


def _plain(db: sqlite3.Connection, key: str, lang: str | None, limit: int) -> list[_Found]:
    where_lang = "" if lang is None else " AND e.lang = ?"
    extra: tuple[str, ...] = () if lang is None else (lang,)
    # U+10FFFF sorts after every character (UTF-8 byte order): [key, key + max) is the prefix range.
    upper = key + "\U0010ffff"
    queries = [
        (
            "SELECT e.num, e.lang, e.field, e.text FROM entries e WHERE e.key = ?"
            + where_lang
            + " ORDER BY e.field, e.num",
            (key, *extra),
        ),
        (
            "SELECT e.num, e.lang, e.field, e.text FROM entries e "
            "WHERE e.key > ? AND e.key < ?"
            + where_lang
            + " ORDER BY length(e.key), e.field, e.num",
            (key, upper, *extra),
        ),
    ]
    if len(key) >= 3:
        # Rows holding every trigram of the key, confirmed by instr(): a detail=none index
        # keeps no positions (and is a third smaller and faster to build for it).
        grams = dict.fromkeys(key[i : i + 3] for i in range(len(key) - 2))
        phrase = " AND ".join('"' + g.replace('"', '""') + '"' for g in grams)
        queries.append(
            (
                "SELECT e.num, e.lang, e.field, e.text FROM grams JOIN entries e "
                "ON e.rowid = grams.rowid WHERE grams MATCH ? AND instr(e.key, ?) > 1"
                + where_lang
                + " ORDER BY length(e.key), e.field, e.num",
                (phrase, key, *extra),
            )
        )
    elif NO_SPACES.search(key):
        # One or two characters of Japanese (a word, often) have no trigram: bigrams.
        queries.append(
            (
                "SELECT e.num, e.lang, e.field, e.text FROM bigrams b JOIN entries e "
                "ON e.rowid = b.entry WHERE b.gram >= ? AND b.gram < ? AND instr(e.key, ?) > 1"
                + where_lang
                + " ORDER BY length(e.key), e.field, e.num",
                (key, upper, key, *extra),
            )
        )
    else:
        # One or two Latin or Cyrillic letters: rarely wanted inside words; a scan will do.
        queries.append(
            (
                "SELECT e.num, e.lang, e.field, e.text FROM entries e WHERE instr(e.key, ?) > 1"
                + where_lang
                + " ORDER BY length(e.key), e.field, e.num",
                (key, *extra),
            )
        )
    found: list[_Found] = []
    seen: set[int] = set()
    for how, (sql, params) in zip(_HOW, queries, strict=True):
        for num, row_lang, row_field, text in db.execute(sql, params):
            if num in seen:
                continue
            seen.add(num)
            found.append((num, how, row_lang, row_field, text, 100.0))
            if len(found) >= limit:
                return found
    return found


def _fuzzy(db: sqlite3.Connection, key: str, lang: str | None, limit: int) -> list[_Found]:
    from rapidfuzz import process
    from rapidfuzz.distance import Levenshtein

    n = len(key)
    # similarity >= 75 % needs the lengths within 25 % of the longer one.
    shortest, longest = math.ceil(n * 0.75), math.floor(n / 0.75)
    sql = "SELECT keys, rowids FROM fuzzy WHERE len BETWEEN ? AND ?"
    params: tuple[object, ...] = (shortest, longest)
    if lang is not None:
        sql += " AND lang = ?"
        params = (*params, lang)
    keys: list[str] = []
    rowids = array.array("q")
    for joined, blob in db.execute(sql + " ORDER BY lang, len", params):
        keys.extend(joined.split("\n"))
        rowids.frombytes(blob)
    # Several strings of one term may match (en and fr alike): take enough to fill ``limit``.
    best = process.extract(
        key,
        keys,
        scorer=Levenshtein.normalized_similarity,
        score_cutoff=FUZZY_FLOOR / 100,
        limit=max(limit * 8, 50),
    )
    if not best:
        return []
    picked = {rowids[i]: round(100.0 * score, 1) for _, score, i in best}
    marks = ",".join("?" * len(picked))
    rows = db.execute(
        f"SELECT rowid, num, lang, field, text, length(key) FROM entries WHERE rowid IN ({marks})",
        tuple(picked),
    ).fetchall()
    rows.sort(key=lambda r: (-picked[r[0]], r[3], r[5], r[1]))
    found: list[_Found] = []
    seen: set[int] = set()
    for rowid, num, row_lang, row_field, text, _ in rows:
        if num in seen:
            continue
        seen.add(num)
        found.append((num, "fuzzy", row_lang, row_field, text, picked[rowid]))
        if len(found) >= limit:
            break
    return found


def _hits(db: sqlite3.Connection, found: list[_Found]) -> list[Hit]:
    if not found:
        return []
    nums = tuple(f[0] for f in found)
    marks = ",".join("?" * len(nums))
    terms = {
        row[0]: row[1:]
        for row in db.execute(
            f"SELECT num, id, term, status, kind, note FROM terms WHERE num IN ({marks})", nums
        )
    }
    units: dict[int, dict[str, Translation]] = {}
    for num, lang, text, status, conflict in db.execute(
        f"SELECT num, lang, text, status, conflict FROM units WHERE num IN ({marks}) "
        "ORDER BY num, lang",
        nums,
    ):
        units.setdefault(num, {})[lang] = Translation(text, status, bool(conflict))
    hits = []
    for num, how, lang, fld, text, score in found:
        term_id, term, status, kind, note = terms[num]
        hits.append(
            Hit(
                id=term_id,
                term=term,
                status=status,
                kind=kind,
                note=note,
                how=how,
                lang=lang,
                kind_of_match=_FIELD[fld],
                matched=text,
                score=score,
                translations=units.get(num, {}),
            )
        )
    return hits


__all__ = ["DEFAULT_LIMIT", "FUZZY_FLOOR", "SOURCE", "Hit", "Translation", "lookup", "similarity"]
