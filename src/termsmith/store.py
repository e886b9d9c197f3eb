"""The translation-memory store: terms and units kept as sorted JSON Lines in ``glossary/``.

Layout (see ``docs/store-format.md``)::

    glossary/glossary.json     format version, glossary version, retired ids
    glossary/terms.jsonl       one term per line, sorted by id
    glossary/units/<lang>.jsonl one translation unit per line, sorted by term id

One line per record means one changed translation is a one-line diff, and a
French and a German translator never touch the same file.
"""

from __future__ import annotations

import difflib
import gc
import json
import json.encoder
import operator
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from contextlib import contextmanager
from functools import lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any, NamedTuple

from termsmith import atomic, clock, textfile
from termsmith.errors import CorruptStoreError, StoreError, StoreLockedError, TermNotFoundError
from termsmith.model import (
    Alternative,
    Source,
    Term,
    TermKind,
    TermStatus,
    Unit,
    UnitStatus,
    valid_origin,
)
from termsmith.slug import unique_id
from termsmith.textnorm import nfc

FORMAT_VERSION = 1
META_FILE = "glossary.json"
TERMS_FILE = "terms.jsonl"
UNITS_DIR = "units"
LOCK_FILE = ".lock"


# --- serialisation -----------------------------------------------------------


def _unserializable(obj: Any) -> Any:
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


# json.dumps() builds a new encoder for every call; saving 800,000 records wants one, made once.
# Records hold no cycles, so the cycle check (markers) is off. Same output as json.dumps().
_make_encoder = getattr(json.encoder, "c_make_encoder", None)
_C_ENCODE = (
    _make_encoder(
        None, _unserializable, json.encoder.encode_basestring, None, ": ", ", ", False, False, True
    )
    if _make_encoder is not None
    else None
)


def dumps_line(obj: dict[str, Any]) -> str:
    """One record as one line of JSON, readable (no ASCII escapes), keys in given order."""
    if _C_ENCODE is None:
        return json.dumps(obj, ensure_ascii=False)
    return "".join(_C_ENCODE(obj, 0))


def term_to_obj(term: Term) -> dict[str, Any]:
    """The JSON object for a term; empty fields are left out to keep lines short."""
    obj: dict[str, Any] = {"id": term.id, "term": term.term, "status": str(term.status)}
    if term.kind is not TermKind.TERM:
        obj["kind"] = str(term.kind)
    if term.expands:
        obj["expands"] = term.expands
    for key in ("note", "pos", "domain"):
        value = getattr(term, key)
        if value:
            obj[key] = value
    if term.variants:
        obj["variants"] = term.variants
    if term.score is not None:
        obj["score"] = term.score
    if term.sources:
        obj["sources"] = [_source_to_obj(s) for s in term.sources]
    return obj


def _source_to_obj(source: Source) -> dict[str, Any]:
    obj: dict[str, Any] = {"doc": source.doc}
    for key in ("line", "start", "end"):
        value = getattr(source, key)
        if value is not None:
            obj[key] = value
    if source.sentence:
        obj["sentence"] = source.sentence
    return obj


def unit_to_obj(unit: Unit) -> dict[str, Any]:
    """The JSON object for a translation unit (its language is the file it lives in)."""
    obj: dict[str, Any] = {
        "id": unit.term_id,
        "text": unit.text,
        "status": str(unit.status),
        "origin": unit.origin,
        "rev": unit.rev,
        "changed": unit.changed,
    }
    if unit.note:
        obj["note"] = unit.note
    if unit.conflict:
        obj["conflict"] = True
    if unit.alternatives:
        obj["alternatives"] = [_alt_to_obj(a) for a in unit.alternatives]
    return obj


def _alt_to_obj(alt: Alternative) -> dict[str, Any]:
    obj: dict[str, Any] = {"text": alt.text}
    if alt.origin:
        obj["origin"] = alt.origin
    if alt.score is not None:
        obj["score"] = alt.score
    return obj


def _str(obj: dict[str, Any], key: str, required: bool = False) -> str:
    value = obj.get(key)
    if value is None:
        if required:
            raise ValueError(f"missing field '{key}'")
        return ""
    if not isinstance(value, str):
        raise ValueError(f"field '{key}' must be a string")
    return value


def _int(obj: dict[str, Any], key: str) -> int | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"field '{key}' must be an integer")
    return value


def _float(obj: dict[str, Any], key: str) -> float | None:
    value = obj.get(key)
    if value is None:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise ValueError(f"field '{key}' must be a number")
    return float(value)


def _list(obj: dict[str, Any], key: str) -> list[Any]:
    value = obj.get(key, [])
    if not isinstance(value, list):
        raise ValueError(f"field '{key}' must be a list")
    return value


# Loading 800,000 records must take about a second: records of plain, well-typed fields (nearly
# all) take a fast path; anything else goes through the full checks, which name the problem.
_TERM_STATUS = {s.value: s for s in TermStatus}
_TERM_KIND = {k.value: k for k in TermKind}
_UNIT_STATUS = {s.value: s for s in UnitStatus}
_PLAIN_TERM = frozenset(
    ("id", "term", "status", "kind", "note", "pos", "domain", "expands", "variants", "score")
)
_PLAIN_UNIT = frozenset(("id", "text", "status", "origin", "rev", "changed", "note", "conflict"))
_valid_origin = lru_cache(maxsize=4096)(valid_origin)


def _plain_term(obj: dict[str, Any]) -> Term | None:
    """The term of a record of plain fields; None when it needs :func:`term_from_obj`'s checks."""
    term_id, text = obj.get("id"), obj.get("term")
    status, kind = obj.get("status", ""), obj.get("kind", "")
    note, pos = obj.get("note", ""), obj.get("pos", "")
    domain, expands = obj.get("domain", ""), obj.get("expands", "")
    variants, score = obj.get("variants", []), obj.get("score")
    if not (
        type(term_id) is str
        and type(text) is str
        and type(status) is str
        and type(kind) is str
        and type(note) is str
        and type(pos) is str
        and type(domain) is str
        and type(expands) is str
        and type(variants) is list
        and all(type(v) is str for v in variants)
        and (score is None or type(score) is float or type(score) is int)
    ):
        return None
    term_status = _TERM_STATUS.get(status or "candidate")
    term_kind = _TERM_KIND.get(kind or "term")
    if term_status is None or term_kind is None:
        return None
    return Term(
        id=term_id,
        term=text,
        status=term_status,
        kind=term_kind,
        note=note,
        pos=pos,
        domain=domain,
        variants=list(variants),
        expands=expands,
        sources=[],
        score=None if score is None else float(score),
    )


def _plain_unit(obj: dict[str, Any], lang: str) -> Unit | None:
    """The unit of a record of plain fields; None when it needs :func:`unit_from_obj`'s checks."""
    term_id, text = obj.get("id"), obj.get("text")
    status, origin = obj.get("status", ""), obj.get("origin", "")
    rev, changed = obj.get("rev", 1), obj.get("changed", "")
    note, conflict = obj.get("note", ""), obj.get("conflict", False)
    if not (
        type(term_id) is str
        and type(text) is str
        and type(status) is str
        and type(origin) is str
        and type(rev) is int
        and type(changed) is str
        and type(note) is str
        and type(conflict) is bool
    ):
        return None
    unit_status = _UNIT_STATUS.get(status or "draft")
    if unit_status is None or (origin and not _valid_origin(origin)):
        return None
    return Unit(
        term_id=term_id,
        lang=lang,
        text=text,
        status=unit_status,
        origin=origin,
        rev=rev,
        changed=changed,
        note=note,
        alternatives=[],
        conflict=conflict,
    )


_UNIT_FIELDS = operator.itemgetter("id", "text", "status", "origin", "rev", "changed")
_UNIT_STATUS_OR_DRAFT = {**_UNIT_STATUS, "": UnitStatus.DRAFT}


def _bulk_units(
    numbered: list[tuple[int, Any]], lang: str, known: AbstractSet[str], table: dict[str, Unit]
) -> bool:
    """Fill ``table`` with a file of plain unit records, checked column by column.

    The usual file (every record with exactly the six fields save() writes for a plain
    unit) is checked and built with C-level loops, about twice as fast as record by
    record. Returns False, leaving ``table`` untouched, when any record is unusual or
    wrong: the record-by-record path then builds it or names the bad line.
    """
    objs = [obj for _, obj in numbered]
    if not objs:
        return True
    if set(map(type, objs)) != {dict} or set(map(len, objs)) != {6}:
        return False
    try:
        rows = list(map(_UNIT_FIELDS, objs))
    except KeyError:
        return False
    ids, texts, statuses, origins, revs, changed = zip(*rows, strict=True)
    if not (
        set(map(type, ids + texts + statuses + origins + changed)) == {str}
        and set(map(type, revs)) == {int}
        and set(statuses) <= _UNIT_STATUS_OR_DRAFT.keys()
        and all(not o or _valid_origin(o) for o in set(origins))
        and len(set(ids)) == len(ids)
        and known >= set(ids)
    ):
        return False
    count = len(ids)
    units = map(
        Unit,
        ids,
        repeat(lang, count),
        texts,
        map(_UNIT_STATUS_OR_DRAFT.__getitem__, statuses),
        origins,
        revs,
        changed,
        repeat("", count),
        ([] for _ in range(count)),
        repeat(False, count),
    )
    table.update(zip(ids, units, strict=True))
    return True


def _parse_units(
    text: str, unit_path: Path, lang: str, known: AbstractSet[str], table: dict[str, Unit]
) -> None:
    """Fill the empty ``table`` from a units file; units must belong to ``known`` term ids."""
    numbered = parse_lines(text, unit_path)
    if _bulk_units(numbered, lang, known, table):
        return
    for n, obj in numbered:
        try:
            unit = unit_from_obj(obj, lang)
        except ValueError as exc:
            raise CorruptStoreError(str(exc), unit_path, n, hint=_FIX) from None
        if unit.term_id not in known:
            raise CorruptStoreError(
                f"unit for unknown term '{unit.term_id}'", unit_path, n, hint=_FIX
            )
        if unit.term_id in table:
            raise CorruptStoreError(
                f"second unit for term '{unit.term_id}'", unit_path, n, hint=_FIX
            )
        table[unit.term_id] = unit


def term_from_obj(obj: Any) -> Term:
    """Build a :class:`Term`; ``ValueError`` says what is wrong."""
    if type(obj) is dict and obj.keys() <= _PLAIN_TERM:
        plain = _plain_term(obj)
        if plain is not None:
            return plain
    if not isinstance(obj, dict):
        raise ValueError("a term must be a JSON object")
    variants = _list(obj, "variants")
    if not all(isinstance(v, str) for v in variants):
        raise ValueError("field 'variants' must be a list of strings")
    sources = []
    for item in _list(obj, "sources"):
        if not isinstance(item, dict):
            raise ValueError("each source must be an object")
        sources.append(
            Source(
                doc=_str(item, "doc", required=True),
                sentence=_str(item, "sentence"),
                start=_int(item, "start"),
                end=_int(item, "end"),
                line=_int(item, "line"),
            )
        )
    return Term(
        id=_str(obj, "id", required=True),
        term=_str(obj, "term", required=True),
        status=TermStatus(_str(obj, "status") or "candidate"),
        kind=TermKind(_str(obj, "kind") or "term"),
        note=_str(obj, "note"),
        pos=_str(obj, "pos"),
        domain=_str(obj, "domain"),
        variants=variants,
        expands=_str(obj, "expands"),
        sources=sources,
        score=_float(obj, "score"),
    )


def unit_from_obj(obj: Any, lang: str) -> Unit:
    """Build a :class:`Unit`; ``ValueError`` says what is wrong."""
    if type(obj) is dict and obj.keys() <= _PLAIN_UNIT:
        plain = _plain_unit(obj, lang)
        if plain is not None:
            return plain
    if not isinstance(obj, dict):
        raise ValueError("a unit must be a JSON object")
    alternatives = []
    for item in _list(obj, "alternatives"):
        if not isinstance(item, dict):
            raise ValueError("each alternative must be an object")
        alternatives.append(
            Alternative(
                text=_str(item, "text", required=True),
                origin=_str(item, "origin"),
                score=_float(item, "score"),
            )
        )
    origin = _str(obj, "origin")
    if origin and not valid_origin(origin):
        raise ValueError(f"unknown origin '{origin}'")
    rev = _int(obj, "rev")
    conflict = obj.get("conflict", False)
    if not isinstance(conflict, bool):
        raise ValueError("field 'conflict' must be true or false")
    return Unit(
        term_id=_str(obj, "id", required=True),
        lang=lang,
        text=_str(obj, "text", required=True),
        status=UnitStatus(_str(obj, "status") or "draft"),
        origin=origin,
        rev=1 if rev is None else rev,
        changed=_str(obj, "changed"),
        note=_str(obj, "note"),
        alternatives=alternatives,
        conflict=conflict,
    )


def parse_lines(text: str, path: Path) -> list[tuple[int, Any]]:
    """Decode a JSON Lines text into ``(line number, object)`` pairs.

    Parses the whole file in one ``json.loads`` call for speed, then falls back
    to line-by-line parsing to name the line of a syntax error.
    """
    body = text.rstrip("\n")
    if body and not body[0].isspace():
        # The usual file, one record per line and no blank line: one decode, no line list.
        try:
            objs = json.loads("[" + body.replace("\n", ",") + "]")
            if len(objs) == body.count("\n") + 1:
                return list(enumerate(objs, 1))
        except json.JSONDecodeError:
            pass
    numbered = [(n, line) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    try:
        objs = json.loads("[" + ",".join(line for _, line in numbered) + "]")
        if len(objs) == len(numbered):
            return [(n, obj) for (n, _), obj in zip(numbered, objs, strict=True)]
    except json.JSONDecodeError:
        pass
    out = []
    for n, line in numbered:
        try:
            out.append((n, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise CorruptStoreError(
                f"not valid JSON: {exc.msg}",
                path,
                n,
                hint="fix or remove the line; every line holds one JSON object",
            ) from None
    return out


def read_text(path: Path) -> str:
    """Read a store file as UTF-8, naming the line of any invalid byte."""
    return decode_text(path.read_bytes(), path)


def decode_text(data: bytes, path: Path) -> str:
    """Decode store file bytes (from disk or git) as UTF-8, naming the line of any invalid byte."""
    return textfile.decode(
        data, path, hint="store files must be UTF-8; restore it from git", error=CorruptStoreError
    )


# --- the store ---------------------------------------------------------------


class _Pending(NamedTuple):
    """A units file read but not parsed yet (see :meth:`Store.table`)."""

    text: str
    where: Path  # the file named in errors
    # The store directory whose file holds exactly this text (None: read from elsewhere);
    # save() leaves the file alone while the store still lives there.
    home: Path | None


class Store:
    """All terms and translation units of one glossary, in memory.

    Units are read per language on first use: :meth:`load` parses the terms and only
    reads the units files, and a language is parsed (and checked) when something asks
    for it through :meth:`table`, :meth:`unit`, :meth:`set_unit`, or all of them at
    once through :attr:`units`.

    >>> store = Store(Path("glossary"))
    >>> store.add_term("procuratorial organs").id
    'procuratorial-organs'
    """

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def __init__(
        self,
        path: Path,
        version: str = "0.1.0",
        terms: dict[str, Term] | None = None,
        units: dict[str, dict[str, Unit]] | None = None,
        retired: set[str] | None = None,
    ) -> None:
        self.path = path
        self.version = version
        self.terms: dict[str, Term] = {} if terms is None else terms
        self.retired: set[str] = set() if retired is None else retired
        self._tables: dict[str, dict[str, Unit]] = {} if units is None else units
        self._pending: dict[str, _Pending] = {}
        # The term ids a pending file is checked against: those of the store it was read with,
        # so that parsing later gives the same answer as parsing at once would have.
        self._known: frozenset[str] = frozenset()
        self._removed = False
        # English text -> ids, so that find() and add_term() stay O(1) on a 100,000-term import;
        # rebuilt whenever the number of terms differs from what it was built from.
        self._by_text: dict[str, list[str]] = {}
        self._indexed = -1

    @property
    def units(self) -> dict[str, dict[str, Unit]]:
        """Every language's units by term id, by language (parses every pending language)."""
        if self._pending:
            for lang in sorted(self._pending):
                self._materialise(lang)
            # Language order as an eager load gives it, whatever order they were used in.
            ordered = sorted(self._tables.items())
            self._tables.clear()
            self._tables.update(ordered)
        return self._tables

    @units.setter
    def units(self, value: dict[str, dict[str, Unit]]) -> None:
        self._tables = value
        self._pending.clear()

    def table(self, lang: str) -> dict[str, Unit]:
        """The units of one language by term id, parsing only that language's file.

        A language without units gives an empty dict that the store does not keep
        (like ``units.get(lang, {})``): add units with :meth:`set_unit`.
        """
        table = self._tables.get(lang)
        if table is None:
            table = self._materialise(lang) if lang in self._pending else {}
        return table

    def languages(self) -> list[str]:
        """Languages with a units table, parsed or not, sorted; parses nothing."""
        return sorted(self._tables.keys() | self._pending.keys())

    def _materialise(self, lang: str) -> dict[str, Unit]:
        pending = self._pending[lang]
        table: dict[str, Unit] = {}
        with _gc_paused():
            _parse_units(pending.text, pending.where, lang, self._known, table)
        # Only a parsed language leaves the pending list: one that failed stays there, so
        # save() neither writes it nor deletes its file.
        self._tables[lang] = table
        del self._pending[lang]
        return table

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Store):
            return NotImplemented
        return (
            self.path == other.path
            and self.version == other.version
            and self.terms == other.terms
            and self.units == other.units
            and self.retired == other.retired
            and self._removed == other._removed
        )

    def __repr__(self) -> str:
        # Parses nothing: a repr must not raise on a corrupt file.
        return (
            f"Store(path={self.path!r}, version={self.version!r}, terms={self.terms!r}, "
            f"units={self._tables!r}, pending={sorted(self._pending)!r}, "
            f"retired={self.retired!r}, _removed={self._removed!r})"
        )

    # loading and saving

    @classmethod
    def load(cls, path: Path) -> Store:
        """Load the store in ``path`` (an empty store when the directory has none).

        Meta data and terms are parsed and checked now; each units file is read
        (and its UTF-8 checked) now but parsed when its language is first used, so
        a bad line in ``units/de.jsonl`` is reported then, as file:line.
        """
        files: dict[str, str] = {}
        for rel in (META_FILE, TERMS_FILE):
            if (path / rel).exists():
                files[rel] = read_text(path / rel)
        units_dir = path / UNITS_DIR
        if units_dir.is_dir():
            for unit_path in sorted(units_dir.glob("*.jsonl")):
                files[f"{UNITS_DIR}/{unit_path.name}"] = read_text(unit_path)
        with _gc_paused():
            return cls._build(path, files, None, home=path)

    @classmethod
    def from_files(cls, path: Path, files: Mapping[str, str], where: Path | None = None) -> Store:
        """Build a store from file texts by relative path, as :meth:`serialize` gives them.

        For stores read from elsewhere than ``path``, e.g. a git revision; errors then
        name the files under ``where`` (such as ``HEAD:glossary``). Units are parsed on
        first use, as with :meth:`load`; :meth:`save` writes them all to ``path``.

        >>> files = {"terms.jsonl": '{"id": "a", "term": "a"}\\n'}
        >>> Store.from_files(Path("g"), files).terms["a"].term
        'a'
        """
        with _gc_paused():
            return cls._build(path, files, where, home=None)

    @classmethod
    def _build(
        cls, path: Path, files: Mapping[str, str], where: Path | None, *, home: Path | None
    ) -> Store:
        store = cls(path)
        base = path if where is None else where
        if META_FILE in files:
            store._load_meta(files[META_FILE], base / META_FILE)
        if TERMS_FILE in files:
            terms_path = base / TERMS_FILE
            for n, obj in parse_lines(files[TERMS_FILE], terms_path):
                try:
                    term = term_from_obj(obj)
                except ValueError as exc:
                    raise CorruptStoreError(str(exc), terms_path, n, hint=_FIX) from None
                if term.id in store.terms:
                    raise CorruptStoreError(
                        f"duplicate term id '{term.id}'", terms_path, n, hint=_FIX
                    )
                store.terms[term.id] = term
        for rel in sorted(files):
            folder, _, name = rel.partition("/")
            if folder == UNITS_DIR and name.endswith(".jsonl") and "/" not in name:
                lang = name.removesuffix(".jsonl")
                store._pending[lang] = _Pending(files[rel], base / rel, home)
        if store._pending:
            store._known = frozenset(store.terms)
        return store

    def _load_meta(self, text: str, meta_path: Path) -> None:
        try:
            meta = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CorruptStoreError(
                f"not valid JSON: {exc.msg}", meta_path, exc.lineno, hint=_FIX
            ) from None
        if not isinstance(meta, dict):
            raise CorruptStoreError("must hold a JSON object", meta_path, 1, hint=_FIX)
        fmt = meta.get("format", FORMAT_VERSION)
        if fmt != FORMAT_VERSION:
            raise StoreError(
                f"{meta_path}: store format {fmt} is not supported",
                hint=f"this termsmith reads format {FORMAT_VERSION}; upgrade termsmith",
            )
        self.version = str(meta.get("version", self.version))
        self.retired = set(meta.get("retired", []))

    def serialize(self) -> dict[str, str]:
        """Every store file's text, by path relative to the store directory (parses all)."""
        self.units  # noqa: B018  # parse every pending language
        return self._serialize()

    def _serialize(self) -> dict[str, str]:
        """The texts of meta data, terms and every parsed language."""
        files: dict[str, str] = {}
        meta: dict[str, Any] = {"format": FORMAT_VERSION, "version": self.version}
        if self.retired:
            meta["retired"] = sorted(self.retired)
        files[META_FILE] = json.dumps(meta, ensure_ascii=False, indent=2) + "\n"
        files[TERMS_FILE] = "".join(
            dumps_line(term_to_obj(self.terms[k])) + "\n" for k in sorted(self.terms)
        )
        for lang, table in sorted(self._tables.items()):
            files[f"{UNITS_DIR}/{lang}.jsonl"] = "".join(
                dumps_line(unit_to_obj(table[k])) + "\n" for k in sorted(table)
            )
        return files

    def save(self) -> list[Path]:
        """Write every changed file atomically; returns the files written.

        Languages never used since loading are unchanged by definition and are
        neither parsed nor rewritten. Terms are written before units, so a crash
        between files leaves terms without translations, never translations of
        unknown terms (after a removal, the other way round).
        """
        for lang in [k for k, p in self._pending.items() if p.home != self.path]:
            self._materialise(lang)  # texts from elsewhere (from_files, a moved store) are new
        files = self._serialize()
        order = sorted(files, key=lambda p: (p != TERMS_FILE) != self._removed)
        written = []
        for rel in order:
            target = self.path / rel
            if atomic.write_text(target, files[rel]):
                written.append(target)
        # A units file of no language in the store is stale (its table was dropped);
        # one still pending is the store's own, unchanged.
        keep = files.keys() | {f"{UNITS_DIR}/{lang}.jsonl" for lang in self._pending}
        units_dir = self.path / UNITS_DIR
        if units_dir.is_dir():
            for stale in units_dir.glob("*.jsonl"):
                if f"{UNITS_DIR}/{stale.name}" not in keep:
                    stale.unlink()
                    written.append(stale)
        self._removed = False
        return written

    # queries

    def term(self, term_id: str) -> Term:
        """The term with this id, or :class:`TermNotFoundError` naming the closest id."""
        try:
            return self.terms[term_id]
        except KeyError:
            close = difflib.get_close_matches(term_id, list(self.terms), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "list terms with 'termsmith export'"
            raise TermNotFoundError(f"no term with id '{term_id}'", hint) from None

    def find(self, text: str) -> list[Term]:
        """Terms whose English form is ``text`` (exactly, after NFC), in id order."""
        wanted = nfc(text).strip()
        if self._indexed != len(self.terms):
            self._by_text = {}
            for key, term in self.terms.items():
                self._by_text.setdefault(term.term, []).append(key)
            self._indexed = len(self.terms)
        # Candidates are checked again, in case a term was changed in place since.
        found = [self.terms[k] for k in self._by_text.get(wanted, ()) if k in self.terms]
        return sorted((t for t in found if t.term == wanted), key=lambda t: t.id)

    def unit(self, term_id: str, lang: str) -> Unit | None:
        """The unit of ``term_id`` in ``lang``, if any."""
        return self.table(lang).get(term_id)

    def units_of(self, term_id: str) -> dict[str, Unit]:
        """All units of one term, by language."""
        return {
            lang: table[term_id] for lang, table in sorted(self.units.items()) if term_id in table
        }

    def iter_terms(self, statuses: Iterable[TermStatus] | None = None) -> Iterator[Term]:
        """Terms in id order, optionally only those with the given statuses."""
        wanted = set(statuses) if statuses is not None else None
        for key in sorted(self.terms):
            term = self.terms[key]
            if wanted is None or term.status in wanted:
                yield term

    def conflicts(self) -> list[Unit]:
        """Units marked as in merge conflict, by language then term."""
        return [
            unit
            for _, table in sorted(self.units.items())
            for _, unit in sorted(table.items())
            if unit.conflict
        ]

    # changes

    def add_term(
        self, text: str, *, term_id: str | None = None, homograph: bool = False, **fields: Any
    ) -> Term:
        """Add a term (NFC, stripped) with a new stable id; returns it.

        An existing term with the same English text is returned unchanged
        unless ``homograph`` asks for a second sense with its own id. ``term_id``
        keeps an id given by an imported file, if it is free.
        """
        clean = nfc(text).strip()
        if not clean:
            raise StoreError("a term cannot be empty", hint="give the English term in quotes")
        existing = self.find(clean)
        if existing and not homograph and term_id is None:
            return existing[0]
        taken = _Taken(self.terms, self.retired)
        if term_id is not None and (term_id in taken or not term_id.strip()):
            raise StoreError(f"term id '{term_id}' is already used", hint="ids are never reused")
        term = Term(id=term_id or unique_id(clean, taken), term=clean, **fields)
        self.terms[term.id] = term
        if self._indexed == len(self.terms) - 1:
            self._by_text.setdefault(clean, []).append(term.id)
            self._indexed += 1
        return term

    def remove_term(self, term_id: str) -> Term:
        """Remove a term and its units; its id is retired, never to be reused."""
        term = self.term(term_id)
        del self.terms[term_id]
        for table in self.units.values():
            table.pop(term_id, None)
        self.retired.add(term_id)
        self._removed = True
        return term

    def set_unit(
        self,
        term_id: str,
        lang: str,
        text: str,
        *,
        status: UnitStatus,
        origin: str,
        note: str | None = None,
        alternatives: list[Alternative] | None = None,
        conflict: bool | None = None,
    ) -> Unit | None:
        """Create or change the unit of ``term_id`` in ``lang``.

        Returns the unit when anything changed (its ``rev`` bumped and ``changed``
        set to today), or None when it already held exactly this.
        """
        self.term(term_id)
        if not valid_origin(origin):
            raise StoreError(
                f"unknown origin '{origin}'",
                hint="use mt:<engine>/<model>@<version>, curated, human:<name> or import:<file>",
            )
        clean = nfc(text)
        table = self.table(lang)
        if lang not in self._tables:
            self._tables[lang] = table
        unit = table.get(term_id)
        if unit is None:
            unit = Unit(
                term_id=term_id,
                lang=lang,
                text=clean,
                status=status,
                origin=origin,
                rev=1,
                changed=clock.today(),
                note=note or "",
                alternatives=alternatives or [],
                conflict=bool(conflict),
            )
            table[term_id] = unit
            return unit
        before = unit_to_obj(unit)
        unit.text, unit.status, unit.origin = clean, status, origin
        if note is not None:
            unit.note = note
        if alternatives is not None:
            unit.alternatives = alternatives
        if conflict is not None:
            unit.conflict = conflict
        after = unit_to_obj(unit)
        if after == before:
            return None
        unit.rev += 1
        unit.changed = clock.today()
        return unit


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic objects.

    Loading 800,000 records otherwise triggers full collections over an ever larger
    heap, which costs a third of the load time and frees nothing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Taken:
    """Ids in use or retired, without copying either collection for every new term."""

    def __init__(self, terms: dict[str, Term], retired: set[str]) -> None:
        self.terms, self.retired = terms, retired

    def __contains__(self, key: object) -> bool:
        return key in self.terms or key in self.retired


_FIX = "fix the line by hand or restore the file with 'git checkout -- glossary/'"


@contextmanager
def transaction(path: Path) -> Iterator[Store]:
    """Lock the store, load it, yield it, and save it if the block succeeds.

    A second writer gets :class:`StoreLockedError` at once instead of waiting.
    Nothing is written when the block raises.
    """
    from filelock import FileLock, Timeout

    path.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(path / LOCK_FILE), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise StoreLockedError(
            f"the store in {path} is being written by another termsmith process",
            hint="wait for the other command to finish, then run this one again",
        ) from None
    try:
        store = Store.load(path)
        yield store
        store.save()
    finally:
        lock.release()
