"""Matching: exact, prefix, substring and fuzzy, in Latin with diacritics, Cyrillic and Japanese."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import texts

from termsmith.index import SOURCE, Index, open_index, search_key
from termsmith.lookup import Hit, lookup, similarity
from termsmith.model import UnitStatus
from termsmith.project import Project

GLOSSARY = {
    "procuratorial organs": {
        "fr": "organes du parquet",
        "ru": "органы прокуратуры",
        "ja": "検察機関",
        "vi": "cơ quan kiểm sát",
        "mn": "прокурорын байгууллага",
    },
    "Supreme People's Procuratorate": {
        "fr": "Parquet populaire suprême",
        "ru": "Верховная народная прокуратура",
        "ja": "最高人民検察院",
        "vi": "Viện Kiểm sát nhân dân tối cao",
        "mn": "Улсын Ерөнхий Прокурорын газар",
    },
    "national sovereignty": {
        "fr": "souveraineté nationale",
        "ru": "государственный суверенитет",
        "ja": "国家主権",
        "vi": "chủ quyền quốc gia",
        "mn": "үндэсний бүрэн эрхт байдал",
    },
    "court": {"fr": "tribunal", "ja": "裁判所", "ru": "суд"},
    "court of appeal": {"fr": "cour d'appel", "ja": "控訴裁判所", "ru": "апелляционный суд"},
    "joint investigation": {"ru": "объединённое расследование", "ja": "共同捜査"},
    "governance": {"ja": "ガバナンス"},
}


@pytest.fixture
def ix(project: Project) -> Iterator[Index]:
    with project.transaction() as store:
        for english, translations in GLOSSARY.items():
            variants = ["SPP"] if english.startswith("Supreme") else []
            term = store.add_term(english, variants=variants)
            for n, (lang, text) in enumerate(sorted(translations.items())):
                status = list(UnitStatus)[n % 3]
                store.set_unit(term.id, lang, text, status=status, origin="curated")
    opened = open_index(project.glossary_dir, project.cache_dir)
    yield opened
    opened.close()


def found(hits: list[Hit]) -> list[tuple[str, str, str]]:
    return [(h.id, h.how, h.lang) for h in hits]


# --- Latin ---------------------------------------------------------------------


def test_exact_is_case_insensitive_and_shows_every_language(ix: Index) -> None:
    hits = lookup(ix, "PROCURATORIAL Organs")
    assert found(hits)[0] == ("procuratorial-organs", "exact", SOURCE)
    hit = hits[0]
    assert hit.term == "procuratorial organs" and hit.kind_of_match == "term"
    assert sorted(hit.translations) == ["fr", "ja", "mn", "ru", "vi"]
    assert hit.translations["fr"].text == "organes du parquet"
    assert {t.status for t in hit.translations.values()} == {"draft", "translated", "reviewed"}


def test_exact_then_prefix_then_substring(ix: Index) -> None:
    assert found(lookup(ix, "court")) == [
        ("court", "exact", SOURCE),
        ("court-of-appeal", "prefix", SOURCE),
    ]
    assert found(lookup(ix, "appeal")) == [("court-of-appeal", "substring", SOURCE)]


def test_french_accents_fold_both_ways(ix: Index) -> None:
    for query in ("souverainete", "SOUVERAINETÉ", unicodedata.normalize("NFD", "souveraineté")):
        assert found(lookup(ix, query)) == [("national-sovereignty", "prefix", "fr")]
    assert found(lookup(ix, "Souveraineté Nationale")) == [("national-sovereignty", "exact", "fr")]
    assert found(lookup(ix, "populaire supreme")) == [
        ("supreme-peoples-procuratorate", "substring", "fr")
    ]
    # "supreme" starts the English term: a prefix match of the source comes first.
    assert found(lookup(ix, "supreme")) == [("supreme-peoples-procuratorate", "prefix", SOURCE)]


def test_reverse_lookup_parquet(ix: Index) -> None:
    # "parquet" starts the French name of the SPP and ends the procuratorial organs.
    assert found(lookup(ix, "parquet")) == [
        ("supreme-peoples-procuratorate", "prefix", "fr"),
        ("procuratorial-organs", "substring", "fr"),
    ]


def test_vietnamese_with_and_without_marks_and_decomposed(ix: Index) -> None:
    expected = [
        ("procuratorial-organs", "substring", "vi"),
        ("supreme-peoples-procuratorate", "substring", "vi"),
    ]
    assert found(lookup(ix, "kiểm sát")) == expected
    assert found(lookup(ix, "kiem sat")) == expected
    assert found(lookup(ix, unicodedata.normalize("NFD", "KIỂM SÁT"))) == expected
    assert found(lookup(ix, unicodedata.normalize("NFD", "cơ quan kiểm sát"))) == [
        ("procuratorial-organs", "exact", "vi")
    ]


def test_variant_is_found(ix: Index) -> None:
    hits = lookup(ix, "spp")
    assert found(hits) == [("supreme-peoples-procuratorate", "exact", SOURCE)]
    assert hits[0].kind_of_match == "variant" and hits[0].matched == "SPP"


# --- Cyrillic ------------------------------------------------------------------


def test_russian_reverse_lookup(ix: Index) -> None:
    assert found(lookup(ix, "ПРОКУРАТУРА")) == [
        ("supreme-peoples-procuratorate", "substring", "ru")
    ]
    assert found(lookup(ix, "прокуратур")) == [
        ("procuratorial-organs", "substring", "ru"),
        ("supreme-peoples-procuratorate", "substring", "ru"),
    ]
    # Substrings inside words too: государственный holds суд.
    assert found(lookup(ix, "суд")) == [
        ("court", "exact", "ru"),
        ("court-of-appeal", "substring", "ru"),
        ("national-sovereignty", "substring", "ru"),
    ]


def test_russian_yo_is_e(ix: Index) -> None:
    assert found(lookup(ix, "объединенное")) == [("joint-investigation", "prefix", "ru")]
    assert found(lookup(ix, "ОБЪЕДИНЁННОЕ РАССЛЕДОВАНИЕ")) == [
        ("joint-investigation", "exact", "ru")
    ]


def test_russian_short_kept_apart(ix: Index) -> None:
    # й is a letter of its own, not и with a mark.
    assert found(lookup(ix, "государственныи")) == []
    assert found(lookup(ix, "государственный")) == [("national-sovereignty", "prefix", "ru")]


def test_mongolian(ix: Index) -> None:
    assert found(lookup(ix, "прокурорын")) == [
        ("procuratorial-organs", "prefix", "mn"),
        ("supreme-peoples-procuratorate", "substring", "mn"),
    ]
    assert found(lookup(ix, "ҮНДЭСНИЙ бүрэн")) == [("national-sovereignty", "prefix", "mn")]
    # ү and ө are letters, not у and о with marks.
    assert found(lookup(ix, "ундэсний")) == []


# --- Japanese ------------------------------------------------------------------


def test_japanese_substring_inside_a_word(ix: Index) -> None:
    # Two characters (bigrams) and three or more (trigrams), inside text without spaces.
    assert found(lookup(ix, "検察")) == [
        ("procuratorial-organs", "prefix", "ja"),
        ("supreme-peoples-procuratorate", "substring", "ja"),
    ]
    assert found(lookup(ix, "人民検察")) == [("supreme-peoples-procuratorate", "substring", "ja")]
    assert found(lookup(ix, "裁判所")) == [
        ("court", "exact", "ja"),
        ("court-of-appeal", "substring", "ja"),
    ]


def test_japanese_single_character(ix: Index) -> None:
    assert found(lookup(ix, "院")) == [("supreme-peoples-procuratorate", "substring", "ja")]
    assert found(lookup(ix, "主")) == [("national-sovereignty", "substring", "ja")]


def test_japanese_voicing_marks_matter(ix: Index) -> None:
    assert found(lookup(ix, "ガバナンス")) == [("governance", "exact", "ja")]
    assert found(lookup(ix, "カハナンス")) == []
    # Half-width katakana is the same text (NFKC), so it matches.
    assert found(lookup(ix, "ｶﾞﾊﾞﾅﾝｽ")) == [("governance", "exact", "ja")]


# --- options -------------------------------------------------------------------


def test_lang_restricts_the_search(ix: Index) -> None:
    assert found(lookup(ix, "parquet", lang="ru")) == []
    assert found(lookup(ix, "parquet", lang="fr"))[0][0] == "supreme-peoples-procuratorate"
    assert found(lookup(ix, "court", lang=SOURCE)) == [
        ("court", "exact", SOURCE),
        ("court-of-appeal", "prefix", SOURCE),
    ]


def test_limit_and_empty_query(ix: Index) -> None:
    assert len(lookup(ix, "o", limit=2)) == 2
    assert lookup(ix, "   ") == []
    assert lookup(ix, "court", limit=0) == []


# --- fuzzy ---------------------------------------------------------------------


def test_fuzzy_finds_one_typo_in_each_script(ix: Index) -> None:
    cases = {
        "procuratorial organz": ("procuratorial-organs", SOURCE),
        "organes du parqet": ("procuratorial-organs", "fr"),
        "cơ quan kiểm xát": ("procuratorial-organs", "vi"),
        "органы прокуратуро": ("procuratorial-organs", "ru"),
        "検察機閑": ("procuratorial-organs", "ja"),
        "soverainete nationale": ("national-sovereignty", "fr"),
    }
    for query, (term_id, lang) in cases.items():
        hits = lookup(ix, query, fuzzy=True)
        assert hits, query
        assert (hits[0].id, hits[0].how, hits[0].lang) == (term_id, "fuzzy", lang), query
        assert 75 <= hits[0].score < 100


def test_fuzzy_exact_scores_100_and_ranks_by_similarity(ix: Index) -> None:
    hits = lookup(ix, "court", fuzzy=True)
    assert [(h.id, h.score) for h in hits] == [("court", 100.0)]
    scores = [h.score for h in lookup(ix, "court of apeal", fuzzy=True)]
    assert scores == sorted(scores, reverse=True) and scores[0] == similarity(
        "court of apeal", "court of appeal"
    )


def test_fuzzy_floor(ix: Index) -> None:
    # 3 edits in 10 characters: 70 %, under translate-toolkit's 75 % floor.
    assert similarity("tribunaxxx", "tribunal") < 75
    assert lookup(ix, "tribunaxxx", fuzzy=True) == []
    assert lookup(ix, "zzzz", fuzzy=True) == []


def test_fuzzy_lang(ix: Index) -> None:
    assert lookup(ix, "organes du parqet", fuzzy=True, lang="ru") == []
    assert found(lookup(ix, "organes du parqet", fuzzy=True, lang="fr")) == [
        ("procuratorial-organs", "fuzzy", "fr")
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("parquet", "parqet"),
        ("procuratorial organs", "procuratorial organz"),
        ("検察機関", "検察機閑"),
        ("court", "court of appeal"),
        ("прокуратура", "прокурор"),
    ],
)
def test_similarity_is_translate_toolkits(a: str, b: str) -> None:
    from translate.search.lshtein import LevenshteinComparer

    assert similarity(a, b) == round(LevenshteinComparer().similarity(a, b, 0), 1)


def test_hit_json(ix: Index) -> None:
    obj = lookup(ix, "検察機関")[0].to_json("en", ["fr", "ja"])
    assert obj == {
        "id": "procuratorial-organs",
        "term": "procuratorial organs",
        "status": "candidate",
        "kind": "term",
        "match": {
            "how": "exact",
            "lang": "ja",
            "field": "translation",
            "text": "検察機関",
            "score": 100.0,
        },
        "translations": {
            "fr": {"text": "organes du parquet", "status": "draft"},
            "ja": {"text": "検察機関", "status": "translated"},
        },
    }


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=texts, query=st.one_of(texts, st.sampled_from(['"', "*", "a OR b", "NEAR(", "'"])))
def test_any_text_is_found_and_any_query_is_safe(project: Project, text: str, query: str) -> None:
    # Arbitrary Unicode in the store and in queries: FTS5 syntax, quotes, NUL, marks, newlines.
    with project.transaction() as store:
        term = store.add_term("x" + text.strip() if text.strip() else "x")
        store.set_unit(term.id, "ja", text, status=UnitStatus.DRAFT, origin="curated")
    opened = open_index(project.glossary_dir, project.cache_dir)
    try:
        if search_key(text):
            hits = lookup(opened, text, lang="ja")
            assert hits and hits[0].id == term.id and hits[0].how == "exact"
            assert lookup(opened, text, lang="ja", fuzzy=True)[0].id == term.id
        for hit in lookup(opened, query) + lookup(opened, query, fuzzy=True):
            if hit.how != "fuzzy":
                assert search_key(query) in search_key(hit.matched)
    finally:
        opened.close()
        with project.transaction() as store:
            store.remove_term(term.id)
