"""Variant grouping: plural and singular, hyphenation, case, possessives."""

from __future__ import annotations

from collections import Counter

from termsmith.extraction import Document, extract, phrase_key
from termsmith.extraction.variants import display


def test_keys_group_number_case_hyphens_and_possessives() -> None:
    assert phrase_key("Procuratorial Organs") == phrase_key("procuratorial organ")
    assert phrase_key("opening-up") == phrase_key("opening up")
    assert phrase_key("the procuratorate's") == phrase_key("procuratorates")
    assert phrase_key("conflicts of interest") == phrase_key("conflict of interest")
    assert phrase_key("wind turbines") != phrase_key("wind turbine blade")


def test_display_prefers_commonest_then_singular_and_drops_sentence_capitals() -> None:
    forms = Counter({"Wind turbines": 2, "wind turbine": 1})
    assert display(forms, Counter({"Wind turbines": 2}), "wind turbine") == "wind turbines"
    tie = Counter({"wind turbines": 1, "wind turbine": 1})
    assert display(tie, Counter(), "wind turbine") == "wind turbine"
    # A proper adjective keeps its capital even at the start of a sentence.
    assert (
        display(
            Counter({"Chinese modernization": 1}),
            Counter({"Chinese modernization": 1}),
            "chinese modernization",
        )
        == "Chinese modernization"
    )


def test_extract_reports_variants_of_one_term() -> None:
    text = (
        "The wind turbine is tall. Wind turbines turn. The wind-turbine's blade broke. "
        "Every wind turbine needs a wind turbine tower."
    )
    (turbine,) = [c for c in extract([Document("a.txt", text)], top=50) if c.key == "wind turbine"]
    assert turbine.term == "wind turbine"
    assert turbine.frequency == 5
    assert set(turbine.variants) == {"wind turbines", "wind-turbine"}
