"""The store's fast paths (100,000-term scale) behave exactly like the checked paths."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import texts

from termsmith.errors import CorruptStoreError
from termsmith.model import Term, TermStatus, Unit
from termsmith.store import (
    Store,
    dumps_line,
    parse_lines,
    term_from_obj,
    unit_from_obj,
)

values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), texts, st.lists(texts)
)


@settings(max_examples=50, deadline=None)
@given(st.dictionaries(st.sampled_from(["a", "é", "検", "\n"]), values, max_size=4), texts)
def test_dumps_line_is_json_dumps(obj: dict[str, Any], text: str) -> None:
    obj["text"] = text
    assert dumps_line(obj) == json.dumps(obj, ensure_ascii=False)


@pytest.mark.parametrize(
    ("obj", "message"),
    [
        ({"id": "a", "text": "x", "rev": "3"}, "field 'rev' must be an integer"),
        ({"id": "a", "text": "x", "rev": True}, "field 'rev' must be an integer"),
        ({"id": "a", "text": "x", "status": "bogus"}, "'bogus' is not a valid UnitStatus"),
        ({"id": "a", "text": "x", "status": 0}, "field 'status' must be a string"),
        ({"id": "a", "text": "x", "origin": "guess"}, "unknown origin 'guess'"),
        ({"id": "a", "text": "x", "conflict": None}, "field 'conflict' must be true or false"),
        ({"id": "a", "text": 5}, "field 'text' must be a string"),
        ({"text": "x"}, "missing field 'id'"),
    ],
)
def test_bad_units_fail_as_before(obj: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        unit_from_obj(obj, "fr")


def test_unit_defaults() -> None:
    unit = unit_from_obj({"id": "a", "text": "x", "status": "", "rev": None}, "fr")
    assert (unit.status, unit.rev, unit.origin, unit.changed) == ("draft", 1, "", "")


@pytest.mark.parametrize(
    ("obj", "message"),
    [
        ({"id": "a", "term": "x", "status": "nope"}, "'nope' is not a valid TermStatus"),
        ({"id": "a", "term": "x", "variants": ["v", 1]}, "must be a list of strings"),
        ({"id": "a", "term": "x", "score": "0.5"}, "field 'score' must be a number"),
        ({"id": "a", "term": "x", "score": False}, "field 'score' must be a number"),
        ({"id": "a", "term": None}, "missing field 'term'"),
    ],
)
def test_bad_terms_fail_as_before(obj: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        term_from_obj(obj)


def test_term_score_int_becomes_float_and_variants_are_copied() -> None:
    variants = ["SPP"]
    term = term_from_obj({"id": "a", "term": "x", "score": 2, "variants": variants})
    assert term.score == 2.0 and isinstance(term.score, float)
    assert term.variants == variants and term.variants is not variants


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ('{"a": 1}\n{"a": 2}\n', [1, 2]),
        ('{"a": 1}\r\n{"a": 2}\r\n', [1, 2]),
        ('\n{"a": 1}\n\n  \n{"a": 2}', [2, 5]),
        ('{"a": 1}\n\n\n', [1]),
        ("", []),
    ],
)
def test_parse_lines_numbers_lines(text: str, numbers: list[int]) -> None:
    assert [n for n, _ in parse_lines(text, Path("x.jsonl"))] == numbers


def test_parse_lines_names_the_bad_line() -> None:
    with pytest.raises(CorruptStoreError, match=r"x\.jsonl:3: not valid JSON"):
        parse_lines('{"a": 1}\n\n{"a": \n{"a": 2}\n', Path("x.jsonl"))
    with pytest.raises(CorruptStoreError, match=r"x\.jsonl:2: not valid JSON"):
        parse_lines('{"a": 1}\n{"a": 1}, {"a": 2}\n', Path("x.jsonl"))


def test_find_follows_additions_removals_and_direct_inserts(tmp_path: Path) -> None:
    store = Store(tmp_path)
    first = store.add_term("court")
    assert store.find("court") == [first]
    assert store.add_term("court") is first
    second = store.add_term("court", homograph=True)
    assert [t.id for t in store.find(" court ")] == ["court", "court-2"]
    store.remove_term("court")
    assert store.find("court") == [second]
    store.terms["x"] = Term("x", "court", status=TermStatus.ACCEPTED)
    assert [t.id for t in store.find("court")] == ["court-2", "x"]
    assert store.add_term("tribunal").id == "tribunal"
    assert store.add_term("court", homograph=True).id == "court-3"  # "court" stays retired


def test_unit_fields_keep_the_order_the_bulk_loader_relies_on() -> None:
    # _bulk_units builds Unit positionally: a field inserted before these would misplace values.
    names = [f.name for f in fields(Unit)]
    assert names[:10] == [
        "term_id",
        "lang",
        "text",
        "status",
        "origin",
        "rev",
        "changed",
        "note",
        "alternatives",
        "conflict",
    ]


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(texts, st.sampled_from(["", "draft", "reviewed"])), max_size=5))
def test_bulk_and_record_by_record_loads_agree(rows: list[tuple[str, str]]) -> None:
    lines = [
        dumps_line(
            {
                "id": f"t{i}",
                "text": text,
                "status": status,
                "origin": "curated",
                "rev": i + 1,
                "changed": "2026-01-01",
            }
        )
        for i, (text, status) in enumerate(rows)
    ]
    terms = "".join(dumps_line({"id": f"t{i}", "term": f"t{i}"}) + "\n" for i in range(len(rows)))
    units = "".join(line + "\n" for line in lines)
    bulk = Store.from_files(Path("g"), {"terms.jsonl": terms, "units/fr.jsonl": units})
    expected = {f"t{i}": unit_from_obj(json.loads(line), "fr") for i, line in enumerate(lines)}
    assert bulk.units.get("fr", {}) == expected


@pytest.mark.parametrize(
    ("units", "message"),
    [
        (
            '{"id": "a", "text": "x", "status": "draft", "origin": "curated", "rev": 1, '
            '"changed": ""}\n' * 2,
            "fr.jsonl:2: second unit for term 'a'",
        ),
        (
            '{"id": "b", "text": "x", "status": "draft", "origin": "curated", "rev": 1, '
            '"changed": ""}\n',
            "fr.jsonl:1: unit for unknown term 'b'",
        ),
        (
            '{"id": "a", "text": "x", "status": "draft", "origin": "curated", "rev": "1", '
            '"changed": ""}\n',
            "fr.jsonl:1: field 'rev' must be an integer",
        ),
    ],
)
def test_bulk_load_falls_back_to_name_the_line(units: str, message: str) -> None:
    files = {"terms.jsonl": '{"id": "a", "term": "a"}\n', "units/fr.jsonl": units}
    store = Store.from_files(Path("g"), files)
    with pytest.raises(CorruptStoreError, match=message):
        store.table("fr")
