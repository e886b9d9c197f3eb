"""Units are parsed per language on first use; save() rewrites only what may have changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.helpers import cli

from termsmith.errors import CorruptStoreError
from termsmith.model import TermStatus, UnitStatus
from termsmith.project import Project
from termsmith.store import Store

BAD = '{"id": "court", "text": "Gericht", "rev": "two"}\n'


def make(path: Path) -> Store:
    """Two terms translated into French, German and Japanese, saved."""
    store = Store(path)
    for text in ("court", "prosecutor"):
        term = store.add_term(text, status=TermStatus.ACCEPTED)
        for lang in ("fr", "de", "ja"):
            store.set_unit(
                term.id, lang, f"{text} ({lang})", status=UnitStatus.DRAFT, origin="curated"
            )
    store.save()
    return store


def corrupt(path: Path, lang: str) -> Path:
    """Append a bad third line to the units file of ``lang``."""
    target = path / "units" / f"{lang}.jsonl"
    target.write_text(target.read_text(encoding="utf-8") + BAD, encoding="utf-8")
    return target


def test_a_bad_line_is_reported_when_its_language_is_first_used(tmp_path: Path) -> None:
    make(tmp_path)
    target = corrupt(tmp_path, "fr")
    store = Store.load(tmp_path)  # terms only: French is not parsed yet
    assert store.languages() == ["de", "fr", "ja"]
    assert store.unit("court", "de") is not None
    for use in (
        lambda: store.table("fr"),
        lambda: store.unit("court", "fr"),
        lambda: store.units,
        lambda: store.units_of("court"),
    ):
        with pytest.raises(CorruptStoreError, match="field 'rev' must be an integer") as info:
            use()
        assert f"{target}:3:" in str(info.value)


def test_saving_after_a_french_change_leaves_other_languages_alone(tmp_path: Path) -> None:
    make(tmp_path)
    target = corrupt(tmp_path, "de")  # proves German is neither parsed nor re-serialised
    before = target.read_bytes()
    store = Store.load(tmp_path)
    store.set_unit("court", "fr", "tribunal", status=UnitStatus.TRANSLATED, origin="curated")
    assert store.save() == [tmp_path / "units" / "fr.jsonl"]
    assert target.read_bytes() == before
    assert Store.load(tmp_path).unit("court", "fr").text == "tribunal"  # type: ignore[union-attr]


def test_a_language_that_failed_to_parse_is_kept_on_disk(tmp_path: Path) -> None:
    make(tmp_path)
    target = corrupt(tmp_path, "de")
    before = target.read_bytes()
    store = Store.load(tmp_path)
    with pytest.raises(CorruptStoreError):
        store.table("de")
    assert store.languages() == ["de", "fr", "ja"]
    assert store.save() == []
    assert target.read_bytes() == before


def test_a_dropped_language_is_deleted_and_an_unused_one_kept(tmp_path: Path) -> None:
    make(tmp_path)
    store = Store.load(tmp_path)
    del store.units["ja"]
    assert store.save() == [tmp_path / "units" / "ja.jsonl"]
    assert sorted(p.name for p in (tmp_path / "units").iterdir()) == ["de.jsonl", "fr.jsonl"]
    Store.load(tmp_path).save()  # nothing used: every file stays
    assert sorted(p.name for p in (tmp_path / "units").iterdir()) == ["de.jsonl", "fr.jsonl"]


def test_an_unused_language_keeps_its_file_as_written(tmp_path: Path) -> None:
    make(tmp_path)
    target = tmp_path / "units" / "fr.jsonl"
    reordered = "".join(reversed(target.read_text(encoding="utf-8").splitlines(keepends=True)))
    target.write_text(reordered, encoding="utf-8")
    Store.load(tmp_path).save()
    assert target.read_text(encoding="utf-8") == reordered  # never parsed, never rewritten
    store = Store.load(tmp_path)
    store.table("fr")
    store.save()
    assert target.read_text(encoding="utf-8") != reordered  # used: written sorted again


def test_equality_parses_what_it_compares(tmp_path: Path) -> None:
    store = make(tmp_path)
    assert Store.load(tmp_path) == store
    assert Store.load(tmp_path) == Store.load(tmp_path)
    other = Store.load(tmp_path)
    other.set_unit("court", "ja", "裁判所", status=UnitStatus.DRAFT, origin="curated")
    assert other != Store.load(tmp_path)
    assert "pending=['de', 'fr', 'ja']" in repr(Store.load(tmp_path))


def test_units_checked_against_the_terms_as_loaded(tmp_path: Path) -> None:
    make(tmp_path)
    store = Store.load(tmp_path)
    del store.terms["court"]  # as an eager load would have, the French unit is kept
    assert sorted(store.table("fr")) == ["court", "prosecutor"]


def test_from_files_is_lazy_and_save_writes_every_file(tmp_path: Path) -> None:
    files = make(tmp_path / "a").serialize()
    files["units/de.jsonl"] += BAD
    copy = Store.from_files(tmp_path / "b", files, where=Path("HEAD:glossary"))
    assert copy.unit("court", "fr") is not None
    with pytest.raises(CorruptStoreError, match=r"HEAD:glossary/units/de\.jsonl:3:"):
        copy.table("de")
    good = make(tmp_path / "c").serialize()
    copy = Store.from_files(tmp_path / "b", good)
    copy.save()  # texts from elsewhere reach the disk although never used
    assert sorted(p.name for p in (tmp_path / "b" / "units").iterdir()) == [
        "de.jsonl",
        "fr.jsonl",
        "ja.jsonl",
    ]
    assert Store.load(tmp_path / "b").serialize() == good


def test_cli_with_a_corrupt_german_file(project: Project) -> None:
    assert cli("add", "court").code == 0
    assert cli("set", "court", "de", "Gericht").code == 0
    assert cli("set", "court", "fr", "tribunal").code == 0
    target = corrupt(project.glossary_dir, "de")
    before = target.read_bytes()
    # French work goes on, and German stays byte for byte as it was.
    run = cli("set", "court", "fr", "juridiction")
    assert run.code == 0, run.err
    assert target.read_bytes() == before
    # Whatever touches German names the bad line, and writes nothing.
    fr = (project.glossary_dir / "units" / "fr.jsonl").read_bytes()
    for args in (("set", "court", "de", "Hof"), ("show", "court")):
        run = cli(*args)
        assert run.code == 1
        assert f"{target}:2: field 'rev' must be an integer" in run.err  # one term: line 2
    assert (project.glossary_dir / "units" / "fr.jsonl").read_bytes() == fr
    assert target.read_bytes() == before


def test_a_store_saved_elsewhere_writes_every_language(tmp_path: Path) -> None:
    make(tmp_path / "a")
    store = Store.load(tmp_path / "a")
    store.path = tmp_path / "b"
    store.save()
    assert (tmp_path / "b" / "units" / "de.jsonl").read_bytes() == (
        tmp_path / "a" / "units" / "de.jsonl"
    ).read_bytes()
    assert Store.load(tmp_path / "b").serialize() == Store.load(tmp_path / "a").serialize()
