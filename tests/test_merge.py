"""Three-way merges of store files and PO catalogs, without git."""

from __future__ import annotations

import json
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import texts

from termsmith.errors import CorruptStoreError, TermsmithError
from termsmith.merge import (
    merge_driver,
    merge_meta,
    merge_po,
    merge_stores,
    merge_terms,
    merge_units,
)
from termsmith.model import UnitStatus
from termsmith.store import Store, dumps_line, unit_from_obj


def unit(
    term_id: str,
    text: str,
    status: str = "translated",
    origin: str = "curated",
    rev: int = 1,
    changed: str = "2026-01-01",
    **more: object,
) -> dict[str, object]:
    return {
        "id": term_id,
        "text": text,
        "status": status,
        "origin": origin,
        "rev": rev,
        "changed": changed,
        **more,
    }


def jsonl(*records: dict[str, object]) -> str:
    return "".join(dumps_line(r) + "\n" for r in sorted(records, key=lambda r: str(r["id"])))


def parsed(text: str) -> dict[str, dict[str, object]]:
    return {obj["id"]: obj for obj in map(json.loads, text.splitlines())}


BASE = jsonl(unit("a", "parquet"), unit("b", "organes"), unit("c", "poursuite"))


def test_neighbouring_units_changed_on_each_side_merge_cleanly() -> None:
    ours = jsonl(
        unit("a", "ministère public", origin="human:marie", rev=2),
        unit("b", "organes"),
        unit("c", "poursuite"),
    )
    theirs = jsonl(
        unit("a", "parquet"), unit("b", "organes du parquet", rev=2), unit("c", "poursuite")
    )
    result = merge_units(BASE, ours, theirs, "fr")
    assert result.clean
    assert result.text == jsonl(
        unit("a", "ministère public", origin="human:marie", rev=2),
        unit("b", "organes du parquet", rev=2),
        unit("c", "poursuite"),
    )


def test_identical_changes_on_different_days_merge_to_the_later() -> None:
    ours = jsonl(
        unit("a", "ministère public", rev=2, changed="2026-01-02"),
        unit("b", "organes"),
        unit("c", "poursuite"),
    )
    theirs = jsonl(
        unit("a", "ministère public", rev=3, changed="2026-01-05"),
        unit("b", "organes"),
        unit("c", "poursuite"),
    )
    result = merge_units(BASE, ours, theirs, "fr")
    assert result.clean
    assert parsed(result.text)["a"] == unit("a", "ministère public", rev=3, changed="2026-01-05")


def test_same_text_keeps_the_further_reviewed_side() -> None:
    ours = jsonl(
        unit("a", "ministère public", origin="human:marie", rev=2),
        unit("b", "organes"),
        unit("c", "poursuite"),
    )
    theirs = jsonl(
        unit("a", "ministère public", status="reviewed", origin="human:paul", rev=2),
        unit("b", "organes"),
        unit("c", "poursuite"),
    )
    result = merge_units(BASE, ours, theirs, "fr")
    assert result.clean
    assert parsed(result.text)["a"]["status"] == "reviewed"


def test_a_true_conflict_keeps_ours_and_records_theirs() -> None:
    ours = jsonl(
        unit("a", "ministère public", origin="human:marie", rev=2),
        unit("b", "organes"),
        unit("c", "poursuite"),
    )
    theirs = jsonl(
        unit("a", "procureur", origin="human:paul", rev=3, changed="2026-02-01"),
        unit("b", "organes"),
        unit("c", "poursuite"),
    )
    result = merge_units(BASE, ours, theirs, "fr", "glossary/units/fr.jsonl")
    assert parsed(result.text)["a"] == unit(
        "a",
        "ministère public",
        origin="human:marie",
        rev=3,
        changed="2026-02-01",
        conflict=True,
        alternatives=[{"text": "procureur", "origin": "human:paul"}],
    )
    assert [str(c) for c in result.conflicts] == [
        "glossary/units/fr.jsonl: a: ours 'ministère public' (translated, human:marie), "
        "theirs 'procureur' (translated, human:paul); kept ours, marked conflict"
    ]
    # the result is a valid units file
    for obj in map(json.loads, result.text.splitlines()):
        unit_from_obj(obj, "fr")


def test_units_added_on_both_sides_differently_conflict() -> None:
    result = merge_units(
        "", jsonl(unit("x", "un")), jsonl(unit("x", "deux", origin="human:bo")), "fr"
    )
    assert not result.clean
    assert parsed(result.text)["x"]["alternatives"] == [{"text": "deux", "origin": "human:bo"}]


def test_deleted_on_one_side_changed_on_the_other_stays_deleted() -> None:
    ours = jsonl(unit("b", "organes"), unit("c", "poursuite"))
    theirs = jsonl(
        unit("a", "ministère public", rev=2), unit("b", "organes"), unit("c", "poursuite")
    )
    result = merge_units(BASE, ours, theirs, "fr")
    assert set(parsed(result.text)) == {"b", "c"}
    assert [c.message for c in result.conflicts] == [
        "deleted on one side, changed on theirs (to 'ministère public'); kept deleted"
    ]


def test_a_broken_side_is_an_error_naming_side_file_and_line() -> None:
    with pytest.raises(CorruptStoreError) as info:
        merge_units(BASE, BASE + "<<<<<<< HEAD\n", BASE, "fr", "glossary/units/fr.jsonl")
    assert str(info.value).startswith("ours:glossary/units/fr.jsonl:4: not valid JSON")


def test_terms_merge_field_by_field() -> None:
    base = jsonl({"id": "a", "term": "procuratorate", "status": "candidate"})
    ours = jsonl({"id": "a", "term": "procuratorate", "status": "accepted"})
    theirs = jsonl(
        {"id": "a", "term": "procuratorate", "status": "candidate", "note": "a prosecution office"}
    )
    result = merge_terms(base, ours, theirs)
    assert result.clean
    assert parsed(result.text)["a"] == {
        "id": "a",
        "term": "procuratorate",
        "status": "accepted",
        "note": "a prosecution office",
    }
    clash = jsonl({"id": "a", "term": "procuratorate", "status": "rejected"})
    result = merge_terms(base, ours, clash)
    assert parsed(result.text)["a"]["status"] == "accepted"
    assert [c.message for c in result.conflicts] == [
        '\'status\' changed on both sides: ours "accepted", theirs "rejected"; kept ours'
    ]


def test_meta_takes_the_greater_version_and_every_retired_id() -> None:
    def meta(version: str, *retired: str) -> str:
        return json.dumps({"format": 1, "version": version, "retired": list(retired)})

    result = merge_meta(meta("1.0.0"), meta("1.1.0", "x"), meta("1.0.1", "y"))
    assert result.clean
    assert json.loads(result.text) == {"format": 1, "version": "1.1.0", "retired": ["x", "y"]}


def test_merge_stores_drops_units_of_removed_terms(tmp_path: Path) -> None:
    base = Store(tmp_path)
    base.add_term("procuratorate")
    ours = Store.from_files(tmp_path, base.serialize())
    ours.remove_term("procuratorate")
    theirs = Store.from_files(tmp_path, base.serialize())
    theirs.set_unit(
        "procuratorate", "fr", "parquet", status=UnitStatus.TRANSLATED, origin="curated"
    )
    merged, conflicts = merge_stores(base, ours, theirs)
    assert merged.terms == {} and merged.units.get("fr", {}) == {}
    assert merged.retired == {"procuratorate"}
    assert [str(c) for c in conflicts] == [
        "units/fr.jsonl: procuratorate: its term was removed; unit dropped"
    ]


# Round trips: a side that did not change gives exactly the other side.

unit_records = st.dictionaries(
    st.sampled_from(["a", "b", "c", "d", "é-1", "検察"]),
    st.tuples(texts, st.sampled_from(["draft", "translated", "reviewed", "rejected"])),
    max_size=5,
)


def _units_text(records: dict[str, tuple[str, str]], base: dict[str, tuple[str, str]]) -> str:
    # as the store does it: a unit's rev goes up when it changes
    return jsonl(
        *(
            unit(
                k,
                text,
                status=status,
                rev=1 if base.get(k, (text, status)) == (text, status) else 2,
            )
            for k, (text, status) in records.items()
        )
    )


@settings(max_examples=40, deadline=None)
@given(unit_records, unit_records)
def test_units_merge_with_an_unchanged_side_is_the_other_side(
    base: dict[str, tuple[str, str]], changed: dict[str, tuple[str, str]]
) -> None:
    b, c = _units_text(base, base), _units_text(changed, base)
    assert merge_units(b, b, c, "fr").text == c
    assert merge_units(b, c, b, "fr").text == c
    assert merge_units(b, c, c, "fr").text == c


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(st.sampled_from(["a", "b", "x-2"]), texts, max_size=3),
    st.dictionaries(st.sampled_from(["a", "b", "x-2"]), texts, max_size=3),
)
def test_terms_merge_with_an_unchanged_side_is_the_other_side(
    base: dict[str, str], changed: dict[str, str]
) -> None:
    b = jsonl(*({"id": k, "term": v, "status": "candidate"} for k, v in base.items()))
    c = jsonl(*({"id": k, "term": v, "status": "candidate"} for k, v in changed.items()))
    assert merge_terms(b, b, c).text == c
    assert merge_terms(b, c, b).text == c


# PO catalogs, written with polib as `termsmith po` writes them.


def catalog(entries: dict[str, tuple[str, str]], date: str = "2026-01-01 00:00+0000") -> str:
    po = polib.POFile(wrapwidth=78)
    po.metadata = {
        "Project-Id-Version": "test",
        "PO-Revision-Date": date,
        "Content-Type": "text/plain; charset=UTF-8",
    }
    for ctx, (msgid, msgstr) in entries.items():
        po.append(polib.POEntry(msgctxt=ctx, msgid=msgid, msgstr=msgstr))
    return str(po).rstrip("\n") + "\n"


PO_BASE = {
    "a": ("procuratorate", "parquet"),
    "b": ("procuratorial organs", "organes"),
    "c": ("prosecution", ""),
}


def test_po_entries_changed_on_each_side_merge_cleanly() -> None:
    ours = catalog({**PO_BASE, "a": ("procuratorate", "ministère public")}, "2026-01-02 00:00+0000")
    theirs = catalog(
        {**PO_BASE, "b": ("procuratorial organs", "organes du parquet")}, "2026-01-03 00:00+0000"
    )
    result = merge_po(catalog(PO_BASE), ours, theirs)
    assert result.clean
    assert result.text == catalog(
        {
            **PO_BASE,
            "a": ("procuratorate", "ministère public"),
            "b": ("procuratorial organs", "organes du parquet"),
        },
        "2026-01-03 00:00+0000",
    )


def test_po_entry_added_by_theirs_goes_after_its_predecessor() -> None:
    ours = catalog({**PO_BASE, "a": ("procuratorate", "ministère public")})
    theirs = catalog(
        {
            "a": PO_BASE["a"],
            "ab": ("procuratorial", "du parquet"),
            "b": PO_BASE["b"],
            "c": PO_BASE["c"],
        }
    )
    result = merge_po(catalog(PO_BASE), ours, theirs)
    assert [e.msgctxt for e in polib.pofile(result.text)] == ["a", "ab", "b", "c"]


def test_po_conflict_keeps_ours_fuzzy() -> None:
    ours = catalog({**PO_BASE, "a": ("procuratorate", "ministère public")})
    theirs = catalog({**PO_BASE, "a": ("procuratorate", "procureur")})
    result = merge_po(catalog(PO_BASE), ours, theirs, "locales/fr/LC_MESSAGES/glossary.po")
    entry = polib.pofile(result.text).find("procuratorate", msgctxt="a")
    assert entry is not None and entry.msgstr == "ministère public" and "fuzzy" in entry.flags
    assert [str(c) for c in result.conflicts] == [
        "locales/fr/LC_MESSAGES/glossary.po: a|procuratorate: ours 'ministère public', "
        "theirs 'procureur'; kept ours as fuzzy (resolve the store, then run 'termsmith po')"
    ]


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), st.tuples(texts, texts), max_size=4))
def test_po_merge_with_an_unchanged_side_is_the_other_side(
    changed: dict[str, tuple[str, str]],
) -> None:
    base, other = catalog(PO_BASE), catalog(changed)
    assert merge_po(base, base, other).text == other
    assert merge_po(base, other, base).text == other


def test_driver_writes_the_result_into_ours(tmp_path: Path) -> None:
    files = {}
    for name, text in (
        ("base", BASE),
        ("ours", BASE.replace("parquet", "ministère public")),
        ("theirs", BASE.replace("poursuite", "poursuites")),
    ):
        files[name] = tmp_path / name
        files[name].write_text(text, encoding="utf-8")
    conflicts = merge_driver(
        "store", files["base"], files["ours"], files["theirs"], "glossary/units/fr.jsonl"
    )
    assert conflicts == []
    assert files["ours"].read_text(encoding="utf-8") == BASE.replace(
        "parquet", "ministère public"
    ).replace("poursuite", "poursuites")
    with pytest.raises(TermsmithError, match="unknown merge driver kind 'tmx'"):
        merge_driver("tmx", files["base"], files["ours"], files["theirs"], "x")
