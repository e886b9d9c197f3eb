"""The lookup index: an SQLite database derived from the store, in ``.termsmith/index.sqlite``.

The index is a cache, never committed and never trusted blindly. Every
:func:`open_index` compares the store files' stats (size, mtime, inode) with
those recorded at build time; when they differ it hashes the files' contents,
and rebuilds when the hash differs too (after ``set``, ``import``, ``po sync``,
a ``git checkout``…). A store file written in the same clock tick as the
recording ("racy", as git calls it) is always re-hashed. A missing, corrupt or
outdated index is rebuilt into a temporary file, then renamed into place.

Tables: ``terms`` and ``units`` (what lookup shows), ``entries`` (every searchable
string: the term, its variants and its translations, with a folded search key),
``grams`` (an FTS5 trigram index over the keys, for substrings in any script) and
``fuzzy`` (the keys by language and length, for typo-tolerant matching).
"""

from __future__ import annotations

import array
import gc
import hashlib
import json
import os
import re
import sqlite3
import time
from collections.abc import Callable
from contextlib import closing, suppress
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from termsmith.errors import TermsmithError
from termsmith.store import META_FILE, TERMS_FILE, UNITS_DIR, Store, decode_text
from termsmith.textnorm import fold

INDEX_FILE = "index.sqlite"
#: bump when the schema or the search key changes: older indexes are then rebuilt
SCHEMA_VERSION = "2"
#: the language column of the source term and its variants (the store knows no source code)
SOURCE = ""
#: field column: what an entry is
TERM, VARIANT, TRANSLATION = 0, 1, 2
#: characters of scripts written without spaces between words (kana, CJK, Hangul, Thai…)
NO_SPACES = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]"
)
#: ends every key in the bigram table
END = "\x03"
#: a file modified this close to the recording of its stats may change again unseen
RACY_NS = 2_000_000_000

Notify = Callable[[str], None]

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE terms (
    num INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, term TEXT NOT NULL,
    status TEXT NOT NULL, kind TEXT NOT NULL, note TEXT NOT NULL
);
CREATE TABLE units (
    num INTEGER NOT NULL, lang TEXT NOT NULL, text TEXT NOT NULL, status TEXT NOT NULL,
    conflict INTEGER NOT NULL, PRIMARY KEY (num, lang)
) WITHOUT ROWID;
CREATE TABLE entries (
    rowid INTEGER PRIMARY KEY, num INTEGER NOT NULL, lang TEXT NOT NULL,
    field INTEGER NOT NULL, text TEXT NOT NULL, key TEXT NOT NULL
);
CREATE TABLE fuzzy (
    lang TEXT NOT NULL, len INTEGER NOT NULL, keys TEXT NOT NULL, rowids BLOB NOT NULL,
    PRIMARY KEY (lang, len)
) WITHOUT ROWID;
CREATE TABLE bigrams (gram TEXT NOT NULL, entry INTEGER NOT NULL, PRIMARY KEY (gram, entry))
    WITHOUT ROWID;
"""
# Built after the rows are in: one sort instead of 800,000 B-tree insertions. The trigram
# index comes first: with entries_key present, its rebuild reads the rows in key order, not
# rowid order, and FTS5 then spends minutes merging overlapping segments.
_INDEXES = """
CREATE VIRTUAL TABLE grams USING fts5(
    key, content='entries', content_rowid='rowid',
    tokenize='trigram case_sensitive 1', detail='none'
);
INSERT INTO grams (grams) VALUES ('rebuild');
CREATE INDEX entries_key ON entries (key);
"""


class IndexBuildError(TermsmithError):
    """The lookup index cannot be built (SQLite without FTS5 trigrams, unwritable cache)."""


def search_key(text: str) -> str:
    """The form every string is searched by: folded (case, Latin accents), spaces collapsed,
    NUL dropped.

    >>> search_key("  Viện  KIỂM SÁT ")
    'vien kiem sat'
    >>> search_key("最高人民検察院")
    '最高人民検察院'
    """
    if "\x00" in text:
        # SQLite's FTS5 query parser ends a string at NUL; it is never meant to be searched.
        text = text.replace("\x00", "")
    if text.isascii():
        # fold() of ASCII text is its lower case; most keys of a glossary take this path.
        return " ".join(text.lower().split())
    return " ".join(_fold_word(word) for word in text.split())


@lru_cache(maxsize=1 << 16)
def _fold_word(word: str) -> str:
    # Whitespace stops every mark and composition, so folding word by word equals folding
    # the whole text; and a glossary repeats its words, so most are folded only once.
    return " ".join(fold(word).split())


def trigram_support() -> bool:
    """Whether this SQLite has the FTS5 trigram tokenizer (SQLite 3.34 or later)."""
    if sqlite3.sqlite_version_info < (3, 34, 0):
        return False
    try:
        with closing(sqlite3.connect(":memory:")) as db:
            db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
    except sqlite3.Error:
        return False
    return True


# --- fingerprints ------------------------------------------------------------


def store_files(glossary_dir: Path) -> list[str]:
    """The store's files, relative to its directory, in a fixed order."""
    names = [META_FILE, TERMS_FILE]
    units = glossary_dir / UNITS_DIR
    with suppress(FileNotFoundError):
        names += sorted(
            f"{UNITS_DIR}/{entry.name}"
            for entry in os.scandir(units)
            if entry.name.endswith(".jsonl") and entry.is_file()
        )
    return names


def file_stats(glossary_dir: Path) -> dict[str, list[int]]:
    """Size, mtime, inode and ctime of each store file: a check that costs microseconds."""
    stats: dict[str, list[int]] = {}
    for rel in store_files(glossary_dir):
        try:
            st = (glossary_dir / rel).stat()
        except FileNotFoundError:
            continue
        stats[rel] = [st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns]
    return stats


def _settled(stats: dict[str, list[int]], now_ns: int) -> dict[str, list[int]]:
    """Stats worth recording: a file changed within RACY_NS of now gets an mtime that never
    matches, so the next check hashes it instead of trusting a clock tick that may repeat."""
    return {
        rel: [size, mtime if now_ns - max(mtime, ctime) > RACY_NS else -1, ino, ctime]
        for rel, (size, mtime, ino, ctime) in stats.items()
    }


def read_store_files(glossary_dir: Path) -> dict[str, bytes]:
    """The bytes of every store file, by relative path."""
    out: dict[str, bytes] = {}
    for rel in store_files(glossary_dir):
        try:
            out[rel] = (glossary_dir / rel).read_bytes()
        except FileNotFoundError:
            continue
    return out


def content_hash(files: dict[str, bytes]) -> str:
    """A hash of the store's contents (names and bytes), independent of timestamps."""
    digest = hashlib.blake2b(digest_size=20)
    for rel in sorted(files):
        data = files[rel]
        digest.update(f"{rel}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


# --- the index ---------------------------------------------------------------


@dataclass
class Index:
    """An open, up-to-date lookup index."""

    db: sqlite3.Connection
    path: Path
    #: why it was (re)built on opening, or "" when it was fresh
    rebuilt: str = ""

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def count(self) -> int:
        """How many terms the index holds."""
        row = self.db.execute("SELECT count(*) FROM terms").fetchone()
        return int(row[0])


def index_path(cache_dir: Path) -> Path:
    """Where the index of a project with this cache directory lives."""
    return cache_dir / INDEX_FILE


def open_index(glossary_dir: Path, cache_dir: Path, notify: Notify | None = None) -> Index:
    """The index of the store in ``glossary_dir``, rebuilt first if missing, corrupt or stale.

    ``notify`` receives a line when a missing or corrupt index is rebuilt.
    """
    path = index_path(cache_dir)
    stats = file_stats(glossary_dir)
    reason = ""
    if not path.exists():
        reason = "missing"
    else:
        try:
            db = _connect(path)
        except sqlite3.Error:
            reason = "corrupt"
        else:
            try:
                state = _check(db, glossary_dir, stats)
            except (sqlite3.Error, ValueError):
                state = "corrupt"
            if state == "fresh":
                return Index(db, path)
            db.close()
            reason = state
    what = {
        "missing": "not built yet",
        "corrupt": "unreadable",
        "outdated": "built by another termsmith version",
    }
    if reason in what and notify is not None:
        notify(f"notice: the lookup index was {what[reason]}; rebuilding {path}")
    build(glossary_dir, path, stats)
    return Index(_connect(path), path, rebuilt=reason)


def _connect(path: Path) -> sqlite3.Connection:
    # Opened read-write (for the stats refresh) but without creating: a deleted file is
    # rebuilt by open_index, never silently recreated empty.
    # A short busy timeout: the only write is the optional stats refresh, never worth a wait.
    return sqlite3.connect(f"file:{path}?mode=rw", uri=True, isolation_level=None, timeout=0.5)


def _check(db: sqlite3.Connection, glossary_dir: Path, stats: dict[str, list[int]]) -> str:
    """``fresh``, ``stale``, ``outdated`` or ``corrupt``; refreshes the recorded stats of
    unchanged content."""
    meta = dict(db.execute("SELECT key, value FROM meta").fetchall())
    if "hash" not in meta or "stats" not in meta or "schema" not in meta:
        return "corrupt"
    if meta["schema"] != SCHEMA_VERSION:
        return "outdated"
    if json.loads(meta["stats"]) == stats:
        return "fresh"
    files = read_store_files(glossary_dir)
    if content_hash(files) != meta["hash"]:
        return "stale"
    # Same content, new stats (a checkout, a touch, a racy write): remember them.
    # A read-only cache still answers; it will hash again next time.
    with suppress(sqlite3.Error):
        db.execute(
            "UPDATE meta SET value = ? WHERE key = 'stats'",
            (json.dumps(_settled(stats, time.time_ns())),),
        )
    return "fresh"


def build(glossary_dir: Path, path: Path, stats: dict[str, list[int]] | None = None) -> None:
    """Build the index of the store in ``glossary_dir`` into ``path`` (atomically)."""
    if not trigram_support():
        raise IndexBuildError(
            f"SQLite {sqlite3.sqlite_version} has no FTS5 trigram tokenizer",
            hint="termsmith lookup needs Python built with SQLite 3.34 or later",
        )
    if stats is None:
        stats = file_stats(glossary_dir)
    # Stats first, then the bytes, then the store from those very bytes: a store written
    # meanwhile makes the recorded stats differ, so the next lookup checks again.
    raw = read_store_files(glossary_dir)
    digest = content_hash(raw)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.unlink(missing_ok=True)
        # Built in memory, then copied page by page into a temporary file renamed into
        # place: building the trigram index on disk is several times slower.
        with closing(sqlite3.connect(":memory:", isolation_level=None)) as db:
            db.executescript(_SCHEMA)
            db.execute("BEGIN")
            # The store's million objects hold no cycles: collecting would only cost time.
            gc_was_enabled = gc.isenabled()
            gc.disable()
            try:
                _fill(db, _load(glossary_dir, raw))
            finally:
                if gc_was_enabled:
                    gc.enable()
            del raw
            db.executemany(
                "INSERT INTO meta VALUES (?, ?)",
                [
                    ("schema", SCHEMA_VERSION),
                    ("hash", digest),
                    ("stats", json.dumps(_settled(stats, time.time_ns()))),
                ],
            )
            db.execute("COMMIT")
            db.executescript(f"BEGIN; {_INDEXES} COMMIT;")
            with closing(sqlite3.connect(tmp)) as out:
                db.backup(out)
        tmp.replace(path)
    except (OSError, sqlite3.Error) as exc:
        with suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise IndexBuildError(
            f"cannot write the lookup index {path}: {exc}",
            hint=f"check that {path.parent} is writable and the disk is not full",
        ) from None
    except BaseException:
        with suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise


def _load(glossary_dir: Path, raw: dict[str, bytes]) -> Store:
    texts = {rel: decode_text(data, glossary_dir / rel) for rel, data in raw.items()}
    return Store.from_files(glossary_dir, texts)


def _fill(db: sqlite3.Connection, store: Store) -> None:
    nums = {term_id: n for n, term_id in enumerate(sorted(store.terms), 1)}
    rows = []
    for term_id, n in nums.items():
        t = store.terms[term_id]
        rows.append((n, t.id, t.term, t.status.value, t.kind.value, t.note))
    db.executemany("INSERT INTO terms VALUES (?, ?, ?, ?, ?, ?)", rows)
    db.executemany(
        "INSERT INTO units VALUES (?, ?, ?, ?, ?)",
        (
            (nums[u.term_id], lang, u.text, u.status.value, int(u.conflict))
            for lang, table in sorted(store.units.items())
            for u in table.values()
        ),
    )
    entries: list[tuple[int, int, str, int, str, str]] = []
    for term_id, n in nums.items():
        term = store.terms[term_id]
        entries.append((len(entries) + 1, n, SOURCE, TERM, term.term, search_key(term.term)))
        for variant in dict.fromkeys(term.variants):
            entries.append((len(entries) + 1, n, SOURCE, VARIANT, variant, search_key(variant)))
    for lang, table in sorted(store.units.items()):
        for term_id in sorted(table):
            text = table[term_id].text
            num = nums[term_id]
            entries.append((len(entries) + 1, num, lang, TRANSLATION, text, search_key(text)))
    db.executemany("INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?)", entries)
    # Trigrams cannot find a one- or two-character query, and in scripts written without
    # spaces such a query is a whole word (検察): those keys also get their bigrams, the last
    # character paired with END so that a one-character query is a prefix range.
    db.executemany(
        "INSERT OR IGNORE INTO bigrams VALUES (?, ?)",
        (
            (padded[i : i + 2], rowid)
            for rowid, _, _, _, _, key in entries
            if NO_SPACES.search(key)
            for padded in (key + END,)
            for i in range(len(key))
        ),
    )
    # Keys by language and length, one row each, newline-joined (keys hold no newline: their
    # whitespace is collapsed): fuzzy matching loads a few blobs instead of 800,000 rows.
    buckets: dict[tuple[str, int], tuple[list[str], array.array[int]]] = {}
    for rowid, _, lang, _, _, key in entries:
        if not key:
            continue
        keys, rowids = buckets.setdefault((lang, len(key)), ([], array.array("q")))
        keys.append(key)
        rowids.append(rowid)
    db.executemany(
        "INSERT INTO fuzzy VALUES (?, ?, ?, ?)",
        (
            (lang, length, "\n".join(keys), rowids.tobytes())
            for (lang, length), (keys, rowids) in sorted(buckets.items())
        ),
    )
