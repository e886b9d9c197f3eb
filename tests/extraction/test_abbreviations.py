"""Abbreviations linked to their expansions."""

from __future__ import annotations

from termsmith.extraction import Document, extract
from termsmith.extraction.abbreviations import definitions, is_acronym, long_form
from termsmith.extraction.candidates import sentences
from termsmith.model import TermKind


def test_schwartz_hearst_long_forms() -> None:
    assert long_form("SPP", ["held", "by", "the", "Supreme", "People's", "Procuratorate"]) == 3
    assert long_form("EU", ["member", "of", "the", "European", "Union"]) == 2
    assert long_form("NGOs", ["non-governmental", "organisations"]) == 2
    assert long_form("WHO", ["the", "big", "report"]) is None


def test_acronym_shapes() -> None:
    assert is_acronym("SPP") and is_acronym("NGOs") and is_acronym("G20")
    assert not is_acronym("Tong") and not is_acronym("A") and not is_acronym("spp")


def test_definitions_in_a_sentence() -> None:
    text = "The European Central Bank (ECB) by Regulation (EC) decided."
    (sentence,) = sentences(text)
    found = [
        (s.text, sentence.tokens[a].text, sentence.tokens[b].text)
        for s, a, b in definitions(sentence)
    ]
    assert found == [("ECB", "European", "Bank")]


def test_extract_links_abbreviation_to_expansion() -> None:
    text = (
        "The Supreme People's Procuratorate (SPP) held a meeting on prosecution. "
        "The SPP said prosecution matters. The SPP agreed."
    )
    cands = {c.term: c for c in extract([Document("a.txt", text)], top=20)}
    spp = cands["SPP"]
    assert spp.kind is TermKind.ABBREVIATION
    assert spp.expands == "Supreme People's Procuratorate"
    assert cands["Supreme People's Procuratorate"].kind is TermKind.NAME


def test_selected_abbreviation_brings_its_expansion() -> None:
    text = "The Financial Action Task Force (FATF) met. " + "The FATF said so. " * 8
    got = [c.term for c in extract([Document("a.txt", text)], top=1)]
    assert got[0] == "FATF"
    assert "Financial Action Task Force" in got
