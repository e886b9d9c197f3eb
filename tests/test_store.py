"""The store's contract: what it keeps, how it writes, how it fails."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from termsmith.errors import CorruptStoreError, StoreError, StoreLockedError
from termsmith.model import Alternative, TermStatus, UnitStatus
from termsmith.project import Project
from termsmith.store import Store, transaction


def make(path: Path) -> Store:
    store = Store(path)
    term = store.add_term(
        "procuratorial organs", status=TermStatus.ACCEPTED, note="prosecution bodies"
    )
    store.set_unit(
        term.id, "fr", "organes du parquet", status=UnitStatus.TRANSLATED, origin="curated"
    )
    store.set_unit(
        term.id,
        "ja",
        "検察機関",
        status=UnitStatus.DRAFT,
        origin="mt:argos/en_ja@1.0",
        alternatives=[Alternative("検察", origin="mt:argos/en_ja@1.0", score=-0.5)],
    )
    store.add_term("national sovereignty")
    return store


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    store = make(tmp_path)
    store.save()
    loaded = Store.load(tmp_path)
    assert loaded.terms == store.terms
    assert loaded.units == store.units
    assert loaded.version == "0.1.0"


def test_layout_is_one_line_per_record_sorted(tmp_path: Path) -> None:
    make(tmp_path).save()
    terms = (tmp_path / "terms.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["id"] for line in terms] == [
        "national-sovereignty",
        "procuratorial-organs",
    ]
    fr = (tmp_path / "units" / "fr.jsonl").read_text(encoding="utf-8")
    assert fr == (
        '{"id": "procuratorial-organs", "text": "organes du parquet", "status": "translated", '
        '"origin": "curated", "rev": 1, "changed": "2026-01-01"}\n'
    )


def test_saving_twice_writes_nothing_the_second_time(tmp_path: Path) -> None:
    store = make(tmp_path)
    assert store.save()
    assert Store.load(tmp_path).save() == []


def test_one_changed_translation_changes_one_line(tmp_path: Path) -> None:
    make(tmp_path).save()
    before = (tmp_path / "units" / "fr.jsonl").read_text(encoding="utf-8").splitlines()
    store = Store.load(tmp_path)
    store.add_term("international law")
    store.set_unit(
        "international-law",
        "fr",
        "droit international",
        status=UnitStatus.TRANSLATED,
        origin="curated",
    )
    store.set_unit(
        "procuratorial-organs",
        "fr",
        "organes de parquet",
        status=UnitStatus.REVIEWED,
        origin="human:anne",
    )
    written = store.save()
    assert tmp_path / "units" / "ja.jsonl" not in written
    after = (tmp_path / "units" / "fr.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(after) == len(before) + 1
    changed = [line for line in after if line not in before]
    assert len(changed) == 2  # the new unit and the edited one, nothing else
    edited = json.loads(next(line for line in changed if "procuratorial" in line))
    assert edited["rev"] == 2 and edited["status"] == "reviewed"


def test_set_unit_without_change_keeps_revision(tmp_path: Path) -> None:
    store = make(tmp_path)
    assert (
        store.set_unit(
            "procuratorial-organs",
            "fr",
            "organes du parquet",
            status=UnitStatus.TRANSLATED,
            origin="curated",
        )
        is None
    )
    unit = store.unit("procuratorial-organs", "fr")
    assert unit is not None and unit.rev == 1


def test_text_is_stored_nfc(tmp_path: Path) -> None:
    store = make(tmp_path)
    decomposed = "Vie\u0323\u0302n kie\u0302\u0309m sa\u0301t"
    unit = store.set_unit(
        "procuratorial-organs", "vi", decomposed, status=UnitStatus.DRAFT, origin="curated"
    )
    assert unit is not None and unit.text == "Viện kiểm sát"


def test_ids_are_stable_and_never_reused(tmp_path: Path) -> None:
    store = make(tmp_path)
    assert store.add_term("procuratorial organs").id == "procuratorial-organs"
    assert store.add_term("procuratorial organs", homograph=True).id == "procuratorial-organs-2"
    store.remove_term("national-sovereignty")
    assert store.add_term("national sovereignty").id == "national-sovereignty-2"
    store.save()
    assert "national-sovereignty" in Store.load(tmp_path).retired


def test_unknown_origin_is_refused(tmp_path: Path) -> None:
    store = make(tmp_path)
    with pytest.raises(StoreError, match="unknown origin 'guess'"):
        store.set_unit("procuratorial-organs", "fr", "x", status=UnitStatus.DRAFT, origin="guess")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ('{"id": "a"}', "missing field 'term'"),
        ('{"id": "a", "term": "a", "status": "maybe"}', "'maybe' is not a valid TermStatus"),
        ('["a"]', "a term must be a JSON object"),
    ],
)
def test_corrupt_terms_file_names_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    make(tmp_path).save()
    path = tmp_path / "terms.jsonl"
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    with pytest.raises(CorruptStoreError, match=message) as info:
        Store.load(tmp_path)
    assert f"{path}:3:" in str(info.value)


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    make(tmp_path).save()
    path = tmp_path / "units" / "fr.jsonl"
    path.write_bytes(path.read_bytes() + b'{"id": "x", "text": "\xff"}\n')
    with pytest.raises(CorruptStoreError, match=r"fr.jsonl:2: invalid UTF-8"):
        Store.load(tmp_path)


def test_unit_of_unknown_term_is_corrupt(tmp_path: Path) -> None:
    make(tmp_path).save()
    path = tmp_path / "units" / "fr.jsonl"
    path.write_text('{"id": "ghost", "text": "x"}\n', encoding="utf-8")
    store = Store.load(tmp_path)  # units are checked when their language is first used
    with pytest.raises(CorruptStoreError, match=r"fr\.jsonl:1: unit for unknown term 'ghost'"):
        store.table("fr")


def test_failed_transaction_writes_nothing(project: Project) -> None:
    with project.transaction() as store:
        store.add_term("legal procedures")
    before = (project.glossary_dir / "terms.jsonl").read_bytes()
    with pytest.raises(RuntimeError), project.transaction() as store:
        store.add_term("impartial justice")
        raise RuntimeError("interrupted")
    assert (project.glossary_dir / "terms.jsonl").read_bytes() == before


def test_second_writer_gets_a_clear_error(project: Project) -> None:
    entered, release = threading.Event(), threading.Event()

    def hold() -> None:
        with transaction(project.glossary_dir):
            entered.set()
            release.wait(5)

    worker = threading.Thread(target=hold)
    worker.start()
    entered.wait(5)
    try:
        with (
            pytest.raises(StoreLockedError, match="being written by another termsmith process"),
            transaction(project.glossary_dir),
        ):
            pass
    finally:
        release.set()
        worker.join()


def test_no_temp_files_left_behind(tmp_path: Path) -> None:
    make(tmp_path).save()
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]
