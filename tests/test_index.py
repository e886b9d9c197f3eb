"""The lookup index: built from the store, rebuilt when the store changes, never stale."""

from __future__ import annotations

import os
import sqlite3
import unicodedata
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import texts

from termsmith import index
from termsmith.errors import CorruptStoreError
from termsmith.index import SOURCE, open_index, search_key
from termsmith.model import UnitStatus
from termsmith.project import Project
from termsmith.textnorm import fold


def fill(project: Project) -> None:
    with project.transaction() as store:
        term = store.add_term("procuratorial organs", variants=["procuratorate organs"])
        store.set_unit(
            term.id, "fr", "organes du parquet", status=UnitStatus.REVIEWED, origin="curated"
        )
        store.set_unit(term.id, "ja", "検察機関", status=UnitStatus.DRAFT, origin="curated")
        store.add_term("national sovereignty")


def open_(project: Project, notices: list[str] | None = None) -> index.Index:
    sink = notices.append if notices is not None else None
    return open_index(project.glossary_dir, project.cache_dir, notify=sink)


def keys(ix: index.Index) -> list[tuple[str, str]]:
    return ix.db.execute("SELECT lang, key FROM entries ORDER BY rowid").fetchall()


def test_sqlite_has_trigrams() -> None:
    assert index.trigram_support()


def test_search_key_folds_case_latin_accents_and_spaces() -> None:
    assert search_key("  Organes   du PARQUET ") == "organes du parquet"
    assert search_key("Souveraineté") == "souverainete"
    assert search_key(unicodedata.normalize("NFD", "Viện Kiểm sát")) == "vien kiem sat"
    assert search_key("ПРОКУРАТУРА") == "прокуратура"
    assert search_key("Объединённый") == "объединенный"
    assert search_key("ガバナンス") == "ガバナンス" != search_key("カハナンス")


@settings(max_examples=50, deadline=None)
@given(st.one_of(texts, st.text(max_size=20)))
def test_search_key_is_fold_with_collapsed_spaces(text: str) -> None:
    # search_key folds word by word (cached); it must equal folding the whole text.
    assert search_key(text) == " ".join(fold(text.replace("\x00", "")).split())


def test_first_open_builds_with_a_notice(project: Project) -> None:
    fill(project)
    notices: list[str] = []
    ix = open_(project, notices)
    assert ix.rebuilt == "missing" and ix.count() == 2
    assert notices == [
        f"notice: the lookup index was not built yet; rebuilding {project.cache_dir / 'index.sqlite'}"
    ]
    assert keys(ix) == [
        (SOURCE, "national sovereignty"),
        (SOURCE, "procuratorial organs"),
        (SOURCE, "procuratorate organs"),
        ("fr", "organes du parquet"),
        ("ja", "検察機関"),
    ]
    ix.close()
    again = open_(project, notices)
    assert again.rebuilt == "" and len(notices) == 1
    again.close()
    # Built in a temporary file renamed into place: nothing else is left in the cache.
    assert sorted(p.name for p in project.cache_dir.iterdir()) == ["index.sqlite"]


def test_a_store_change_rebuilds_silently(project: Project) -> None:
    fill(project)
    open_(project).close()
    with project.transaction() as store:
        store.set_unit(
            "national-sovereignty",
            "fr",
            "souveraineté nationale",
            status=UnitStatus.TRANSLATED,
            origin="curated",
        )
    notices: list[str] = []
    ix = open_(project, notices)
    assert ix.rebuilt == "stale" and notices == []
    assert ("fr", "souverainete nationale") in keys(ix)
    ix.close()


def test_a_removed_term_leaves_the_index(project: Project) -> None:
    fill(project)
    open_(project).close()
    with project.transaction() as store:
        store.remove_term("procuratorial-organs")
    ix = open_(project)
    assert ix.rebuilt == "stale" and keys(ix) == [(SOURCE, "national sovereignty")]
    ix.close()


def test_same_content_with_new_timestamps_is_not_rebuilt(project: Project) -> None:
    fill(project)
    open_(project).close()
    terms = project.glossary_dir / "terms.jsonl"
    terms.write_bytes(terms.read_bytes())  # as a git checkout does: same bytes, new inode/mtime
    ix = open_(project)
    assert ix.rebuilt == ""
    recorded = ix.db.execute("SELECT value FROM meta WHERE key = 'stats'").fetchone()[0]
    assert str(terms.stat().st_size) in recorded
    ix.close()


def test_same_size_same_mtime_edit_is_still_seen(project: Project) -> None:
    # The racy case: a same-size rewrite within one timestamp tick of the build.
    fill(project)
    open_(project).close()
    fr = project.glossary_dir / "units" / "fr.jsonl"
    before = fr.stat()
    fr.write_text(fr.read_text(encoding="utf-8").replace("parquet", "PARQUET"), encoding="utf-8")
    os.utime(fr, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert fr.stat().st_size == before.st_size
    ix = open_(project)
    assert ix.rebuilt == "stale"
    assert ("fr", "organes du parquet") in keys(ix)
    assert ix.db.execute("SELECT text FROM units WHERE lang = 'fr'").fetchone() == (
        "organes du PARQUET",
    )
    ix.close()


def test_settled_stats_distrust_recent_files() -> None:
    now = 10_000_000_000
    stats = {"old": [5, 1_000, 7, 1_000], "new": [5, now - 10, 8, now - 10]}
    assert index._settled(stats, now) == {"old": [5, 1_000, 7, 1_000], "new": [5, -1, 8, now - 10]}


def test_deleted_index_is_rebuilt_with_a_notice(project: Project) -> None:
    fill(project)
    open_(project).close()
    (project.cache_dir / "index.sqlite").unlink()
    notices: list[str] = []
    ix = open_(project, notices)
    assert ix.rebuilt == "missing" and ix.count() == 2 and len(notices) == 1
    ix.close()


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(b"this is not a database" * 100),
        lambda p: p.write_bytes(p.read_bytes()[:1000]),
        lambda p: (
            sqlite3.connect(p)
            .execute("UPDATE meta SET value = '{' WHERE key = 'stats'")
            .connection.commit()
        ),
        lambda p: sqlite3.connect(p).execute("DROP TABLE meta").connection.commit(),
    ],
    ids=["garbage", "truncated", "bad-stats", "no-meta"],
)
def test_corrupt_index_is_rebuilt_with_a_notice(project: Project, damage: object) -> None:
    # (An old schema reads as outdated, with its own notice: see the next test.)
    fill(project)
    open_(project).close()
    path = project.cache_dir / "index.sqlite"
    assert callable(damage)
    damage(path)
    notices: list[str] = []
    ix = open_(project, notices)
    assert ix.rebuilt == "corrupt" and ix.count() == 2
    assert notices == [f"notice: the lookup index was unreadable; rebuilding {path}"]
    ix.close()


def test_an_empty_project_has_an_empty_index(project: Project) -> None:
    ix = open_(project)
    assert ix.count() == 0
    ix.close()


def test_fuzzy_buckets_hold_every_key_once(project: Project) -> None:
    fill(project)
    ix = open_(project)
    bucketed = []
    for lang, length, joined, blob in ix.db.execute("SELECT lang, len, keys, rowids FROM fuzzy"):
        words = joined.split("\n")
        assert all(len(w) == length for w in words)
        assert len(blob) == 8 * len(words)
        bucketed += [(lang, w) for w in words]
    assert sorted(bucketed) == sorted(keys(ix))
    ix.close()


def test_corrupt_store_is_reported_with_its_line(project: Project) -> None:
    fill(project)
    terms = project.glossary_dir / "terms.jsonl"
    terms.write_text(terms.read_text(encoding="utf-8") + "{not json\n", encoding="utf-8")
    with pytest.raises(CorruptStoreError, match=r"terms\.jsonl:3: not valid JSON"):
        open_(project)
    assert not (project.cache_dir / "index.sqlite").exists()


def test_build_into_a_given_path(project: Project, tmp_path: Path) -> None:
    fill(project)
    target = tmp_path / "elsewhere" / "ix.sqlite"
    index.build(project.glossary_dir, target)
    with sqlite3.connect(target) as db:
        assert db.execute("SELECT count(*) FROM terms").fetchone() == (2,)


def test_unwritable_cache_is_a_clear_error(project: Project) -> None:
    fill(project)
    project.cache_dir.write_text("a file where the cache folder should be", encoding="utf-8")
    with pytest.raises(index.IndexBuildError, match="cannot write the lookup index"):
        open_(project)


def test_index_of_another_version_is_rebuilt_with_a_notice(project: Project) -> None:
    fill(project)
    open_(project).close()
    path = project.cache_dir / "index.sqlite"
    with closing(sqlite3.connect(path)) as db:
        db.execute("UPDATE meta SET value = '0' WHERE key = 'schema'")
        db.commit()
    notices: list[str] = []
    ix = open_(project, notices)
    assert ix.rebuilt == "outdated" and ix.count() == 2
    assert notices == [
        f"notice: the lookup index was built by another termsmith version; rebuilding {path}"
    ]
    ix.close()
