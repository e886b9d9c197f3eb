"""Candidate generation: sentences, tokens, roles, noun phrases and names."""

from __future__ import annotations

from termsmith.extraction.candidates import role, sentences, spans, split_sentences, tokenize


def phrases(text: str, names_only: bool = False) -> set[str]:
    """Every candidate span of ``text``, as written."""
    out = set()
    for sentence in sentences(text):
        for span in spans(sentence):
            if names_only and not span.name:
                continue
            tokens = sentence.tokens[span.i : span.j + 1]
            out.add(text[tokens[0].start : tokens[-1].end])
    return out


def test_sentences_split_at_stops_and_lines_not_abbreviations() -> None:
    text = "Mr. Li met Dr. Wang on Aug. 27. The SPP said so!\nA heading\n\nNext one."
    got = [text[a:b] for a, b in split_sentences(text)]
    assert got == ["Mr. Li met Dr. Wang on Aug. 27.", "The SPP said so!", "A heading", "Next one."]


def test_sentence_lines_are_counted() -> None:
    text = "First line.\nSecond line.\n\nFourth line."
    assert [s.line for s in sentences(text)] == [1, 2, 4]


def test_tokens_keep_hyphens_possessives_and_offsets() -> None:
    text = "The People's high-level opening-up."
    tokens = tokenize(text, 0, len(text))
    assert [t.text for t in tokens] == ["The", "People's", "high-level", "opening-up", "."]
    people = tokens[1]
    assert people.possessive and people.lower == "people"
    assert text[people.start : people.end] == "People's"


def test_roles_from_closed_lists_and_lexicon() -> None:
    assert role("the") == "X"
    assert role("of") == "X"
    assert role("prosecutors") == "N"
    assert role("judicial") == "A"
    assert role("other") == "G"
    assert role("emphasize") == "X"  # a verb only
    assert role("emphasized") == "V"  # a participle: a modifier, never a head
    assert role("procuratorial") == "A"  # unknown word, adjective ending
    assert role("procuratorate") == "N"  # unknown word: a noun
    assert role("foreign-related") == "A"
    assert role("strictly") == "X"


def test_formulas_urls_and_foreign_scripts_are_no_terms() -> None:
    text = "See www.example.com and λr or p0 in the türbin and CO2 emissions."
    tokens = {t.text: t.role for t in tokenize(text, 0, len(text))}
    assert tokens["www.example.com"] == "X"
    assert tokens["λr"] == "X"
    assert tokens["p0"] == "X"
    assert tokens["CO2"] == "N"


def test_noun_phrases_up_to_the_head_noun() -> None:
    got = phrases("Procuratorial organs should reinforce top-level planning.")
    assert {"Procuratorial organs", "organs", "top-level planning", "planning"} <= got
    assert "reinforce top-level planning" not in got
    assert "organs should" not in got


def test_verbs_are_read_from_context() -> None:
    got = phrases("Procuratorial organs should focus on training programs.")
    assert "focus" not in got
    assert "training programs" in got
    got = phrases("They crack down on crimes.")
    assert "crack" not in got


def test_of_phrases_and_coordinations() -> None:
    got = phrases("The abuse of power and the fight against corruption need science and law.")
    assert "abuse of power" in got
    assert "fight against corruption" in got
    assert "science and law" in got


def test_names_span_links_and_possessives() -> None:
    text = (
        "Experts from the Department of Asian Affairs of the Ministry of Foreign Affairs "
        "and the Supreme People's Procuratorate attended."
    )
    got = phrases(text)
    assert "Department of Asian Affairs" in got
    assert "Ministry of Foreign Affairs" in got
    assert "Supreme People's Procuratorate" in got
    assert "Department of Asian Affairs of the Ministry" not in got


def test_title_case_headings_do_not_make_names() -> None:
    text = "Preventing Corruption In Corporate Life\nCorruption harms corporate life."
    first, _ = sentences(text)
    assert first.heading
    assert "corporate life" in {p.lower() for p in phrases(text)}


def test_general_modifiers_start_no_term() -> None:
    got = phrases("Other countries and various forms of national security.")
    assert "Other countries" not in got
    assert "various forms" not in got
    assert "national security" in got


def test_and_joins_words_inside_a_name_not_two_names() -> None:
    got = phrases(
        "Experts from China University of Political Science and Law met "
        "the Audit Committee and Ethics Committee.",
        names_only=True,
    )
    assert got == {
        "China University of Political Science and Law",
        "Audit Committee",
        "Ethics Committee",
    }


def test_third_person_verbs_after_their_subject() -> None:
    assert "rider needs" not in phrases("The rider needs to sit.")
    assert "horse remains" not in phrases("The horse remains the same.")
    # Not before an object: "needs" is a noun here.
    assert "rider needs" in phrases("The rider needs matter.")
