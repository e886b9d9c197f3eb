"""Hypothesis: whatever the store holds comes back identical after save and load."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.strategies import line_texts, texts

from termsmith.model import Alternative, Source, TermKind, TermStatus, UnitStatus
from termsmith.store import Store

LANGS = ["fr", "ru", "ja", "mn", "vi"]

units = st.fixed_dictionaries(
    {
        "text": texts,
        "status": st.sampled_from(list(UnitStatus)),
        "origin": st.sampled_from(
            ["curated", "human:анна", "import:a b.tmx", "mt:argos/en_ja@1.0"]
        ),
        "note": texts | st.just(""),
        "alternatives": st.lists(
            st.builds(
                Alternative,
                text=texts,
                origin=st.just("mt:x/y@1"),
                score=st.none() | st.floats(-50, 0),
            ),
            max_size=2,
        ),
        "conflict": st.booleans(),
    }
)

terms = st.fixed_dictionaries(
    {
        "text": line_texts,
        "note": texts | st.just(""),
        "kind": st.sampled_from(list(TermKind)),
        "status": st.sampled_from(list(TermStatus)),
        "variants": st.lists(texts, max_size=2),
        "sources": st.lists(
            st.builds(
                Source,
                doc=texts,
                sentence=texts,
                start=st.integers(0, 10**6),
                end=st.integers(0, 10**6),
                line=st.none() | st.integers(1, 999),
            ),
            max_size=1,
        ),
        "units": st.dictionaries(st.sampled_from(LANGS), units, max_size=3),
    }
)


@settings(max_examples=50, deadline=None)
@given(st.lists(terms, max_size=5))
def test_store_round_trip(entries: list[dict]) -> None:  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(Path(tmp))
        for entry in entries:
            term = store.add_term(
                entry["text"],
                homograph=True,
                note=entry["note"],
                kind=entry["kind"],
                status=entry["status"],
                variants=entry["variants"],
                sources=entry["sources"],
            )
            for lang, unit in entry["units"].items():
                store.set_unit(term.id, lang, **{**unit, "text": unit["text"]})
        store.save()
        loaded = Store.load(Path(tmp))
        assert loaded.terms == store.terms
        assert loaded.units == store.units
        assert loaded.serialize() == store.serialize()
