"""CSV: Hypothesis round trip store → CSV → store over arbitrary Unicode."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import line_texts, texts

from termsmith import project as project_mod
from termsmith.formats import csv as csv_format
from termsmith.interchange import LanguageMapper, apply_import
from termsmith.model import UnitStatus
from termsmith.store import Store

LANGS = ["fr", "ru", "ja", "mn", "vi"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        line_texts,
        st.dictionaries(st.sampled_from(LANGS), texts.filter(lambda s: s.strip() == s and s != "")),
        max_size=5,
    )
)
def test_csv_round_trip(glossary: dict[str, dict[str, str]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        proj = project_mod.init(Path(tmp) / "p", languages=LANGS)
        store = Store(proj.glossary_dir)
        for english, translations in glossary.items():
            term = store.add_term(english)
            for lang, text in translations.items():
                store.set_unit(term.id, lang, text, status=UnitStatus.TRANSLATED, origin="curated")
        out = Path(tmp) / "g.csv"
        out.write_text(csv_format.export(store, proj), encoding="utf-8", newline="")
        entries = csv_format.read(out, proj)
        fresh = Store(proj.glossary_dir)
        apply_import(fresh, entries, origin="curated", mapper=LanguageMapper("en", LANGS))
        assert {t.id: t.term for t in fresh.terms.values()} == {
            t.id: t.term for t in store.terms.values()
        }
        assert {
            (u.term_id, lang, u.text) for lang, table in fresh.units.items() for u in table.values()
        } == {
            (u.term_id, lang, u.text) for lang, table in store.units.items() for u in table.values()
        }
