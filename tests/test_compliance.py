"""Glossary compliance of translated documents: each script, each matching rule."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termsmith import compliance
from termsmith.checks import Level
from termsmith.compliance import Verdict, check_text, source_pattern
from termsmith.errors import InputFileError
from termsmith.model import Alternative, Term, TermKind, TermStatus, UnitStatus
from termsmith.store import Store


def make_store(
    entries: dict[str, dict[str, str]],
    *,
    kind: TermKind = TermKind.TERM,
    status: UnitStatus = UnitStatus.REVIEWED,
    store: Store | None = None,
) -> Store:
    store = store or Store(Path("glossary"))
    for english, translations in entries.items():
        term = store.add_term(english, status=TermStatus.ACCEPTED, kind=kind)
        for lang, text in translations.items():
            store.set_unit(term.id, lang, text, status=status, origin="curated")
    return store


GLOSSARY = {
    "procuratorial organs": {
        "ru": "прокурорские органы",
        "de": "Organe der Staatsanwaltschaft",
        "ja": "検察機関",
        "fr": "organes du parquet",
        "vi": "cơ quan kiểm sát",
        "mn": "прокурорын байгууллага",
    },
    "foreign-related prosecution": {
        "ru": "прокурорская работа по делам с иностранным элементом",
        "de": "auslandsbezogene Strafverfolgung",
        "ja": "渉外検察",
        "fr": "poursuites à caractère étranger",
        "vi": "công tố có yếu tố nước ngoài",
        "mn": "гадаадтай холбоотой прокурорын ажил",
    },
}
SOURCE = (
    "Procuratorial organs must enhance foreign-related prosecution.\n"
    "The procuratorial organ reported.\n"
)


def verdicts(report: compliance.ComplianceReport) -> list[tuple[int, str, Verdict]]:
    return [(o.line, o.term_id, o.verdict) for o in report.occurrences]


# --- finding terms in the source ---------------------------------------------------------


def test_source_pattern_is_case_insensitive_with_plurals_hyphens_and_apostrophes() -> None:
    pattern = source_pattern(
        Term("x", "foreign-related authority", variants=["People's procuratorate"])
    )
    text = "FOREIGN RELATED authorities; Foreign–related authority; people’s procuratorates"
    assert [m.group(0) for m in pattern.finditer(text)] == [
        "FOREIGN RELATED authorities",
        "Foreign–related authority",
        "people’s procuratorates",
    ]
    assert not pattern.search("foreign-related authorityship")


def test_abbreviations_and_names_keep_their_exact_form() -> None:
    spp = source_pattern(Term("spp", "SPP", kind=TermKind.ABBREVIATION))
    assert [m.group(0) for m in spp.finditer("SPP spp SPPs")] == ["SPP"]
    name = source_pattern(Term("n", "Tong Jianming", kind=TermKind.NAME))
    assert not name.search("Tong Jianmings")


def test_longest_match_first_without_overlaps() -> None:
    store = make_store(
        {
            "procuratorial organs": {"fr": "organes du parquet"},
            "foreign-related procuratorial organs": {"fr": "organes du parquet étrangers"},
            "organs": {"fr": "organes"},
        }
    )
    report = check_text(
        store,
        "Foreign-related procuratorial organs, procuratorial organs and organs.",
        "organes du parquet étrangers, organes du parquet et organes.",
        "fr",
    )
    assert [(o.column, o.found) for o in report.occurrences] == [
        (1, "Foreign-related procuratorial organs"),
        (39, "procuratorial organs"),
        (64, "organs"),
    ]
    assert report.ok


def test_only_accepted_terms_are_the_glossary() -> None:
    store = make_store({"procuratorial organs": {"fr": "organes du parquet"}})
    store.term("procuratorial-organs").status = TermStatus.CANDIDATE
    assert check_text(store, "procuratorial organs", "rien", "fr").occurrences == []


# --- each script ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "translation"),
    [
        # Russian: cases and number change the endings.
        (
            "ru",
            "Прокурорским органам следует усилить прокурорскую работу по делам с иностранным "
            "элементом.\nПрокурорский орган сообщил.",
        ),
        # German: inflected nouns, and the article of the rendering agrees with the text.
        (
            "de",
            "Den Organen der Staatsanwaltschaft obliegt die auslandsbezogene Strafverfolgung.\n"
            "Das Organ der Staatsanwaltschaft berichtete.",
        ),
        # Japanese: no spaces, full-width and half-width forms agree.
        ("ja", "検察機関は渉外検察を強化しなければならない。\n検察機関が報告した。"),
        # French: plural and capitals.
        (
            "fr",
            "Les Organes du parquet doivent renforcer les poursuites à caractère étranger.\n"
            "L'organe du parquet a rendu compte.",
        ),
        # Vietnamese written decomposed (NFD): compared in NFC.
        (
            "vi",
            unicodedata.normalize(
                "NFD",
                "Các cơ quan kiểm sát phải tăng cường công tố có yếu tố nước ngoài.\n"
                "Cơ quan kiểm sát đã báo cáo.",
            ),
        ),
        # Mongolian: no stemmer, suffixes tolerated.
        (
            "mn",
            "Прокурорын байгууллагууд гадаадтай холбоотой прокурорын ажилд анхаарах ёстой.\n"
            "Прокурорын байгууллагаас мэдээлэв.",
        ),
    ],
)
def test_glossary_renderings_are_found_in_every_script(lang: str, translation: str) -> None:
    report = check_text(make_store(GLOSSARY), SOURCE, translation, lang)
    assert verdicts(report) == [
        (1, "procuratorial-organs", Verdict.OK),
        (1, "foreign-related-prosecution", Verdict.OK),
        (2, "procuratorial-organs", Verdict.OK),
    ]
    assert report.ok and report.aligned


@pytest.mark.parametrize(
    ("lang", "translation"),
    [
        ("ru", "Обвинительные органы должны усилить работу.\nОрган сообщил."),
        ("de", "Die Anklagebehörden müssen handeln.\nDie Behörde berichtete."),
        ("ja", "検事局は渉外業務を強化しなければならない。\n検事局が報告した。"),
        ("fr", "Les organes de poursuite doivent agir.\nL'organe a rendu compte."),
        ("vi", "Các cơ quan công tố phải hành động.\nCơ quan đã báo cáo."),
    ],
)
def test_other_renderings_fail_naming_term_and_line(lang: str, translation: str) -> None:
    report = check_text(make_store(GLOSSARY), SOURCE, translation, lang)
    assert [v for _, _, v in verdicts(report)] == [Verdict.MISSING] * 3
    assert not report.ok
    first = report.occurrences[0]
    rendering = GLOSSARY["procuratorial organs"][lang]
    assert first.message == (
        f"'Procuratorial organs' (procuratorial-organs) should be rendered '{rendering}'; "
        "not found in translation line 1"
    )
    assert [o.line for o in compliance.iter_failures(report)] == [1, 1, 2]


def test_japanese_needs_no_word_boundaries_but_a_longer_rendering_must_be_whole() -> None:
    store = make_store({"procuratorate": {"ja": "検察院"}})
    assert check_text(store, "the procuratorate", "最高人民検察院では", "ja").ok
    assert not check_text(store, "the procuratorate", "検察庁では", "ja").ok
    assert check_text(store, "the procuratorate", "検察 院", "ja").ok  # spaces do not count


def test_vietnamese_tone_marks_matter() -> None:
    store = make_store(GLOSSARY)
    report = check_text(store, "procuratorial organs", "cơ quan kiem sat", "vi")
    [occurrence] = report.occurrences
    assert occurrence.verdict is Verdict.ACCENTS
    assert occurrence.level is Level.ERROR
    assert occurrence.message == (
        "'procuratorial organs' (procuratorial-organs) is written 'cơ quan kiem sat' in "
        "translation line 1, which differs from 'cơ quan kiểm sát' in its tone marks and "
        "diacritics"
    )
    assert not report.ok


def test_latin_accents_only_warn() -> None:
    store = make_store({"Supreme People's Procuratorate": {"fr": "Parquet populaire suprême"}})
    report = check_text(
        store, "The Supreme People's Procuratorate", "LE PARQUET POPULAIRE SUPREME", "fr"
    )
    [occurrence] = report.occurrences
    assert (occurrence.verdict, occurrence.level) == (Verdict.ACCENTS, Level.WARNING)
    assert report.ok


def test_russian_yo_is_e() -> None:
    store = make_store({"united nations": {"ru": "Объединённые Нации"}})
    assert check_text(store, "united nations", "Объединенных Наций", "ru").ok


# --- lines ----------------------------------------------------------------------------


def test_aligned_documents_are_checked_line_by_line() -> None:
    store = make_store(GLOSSARY)
    source = "procuratorial organs\nnothing here"
    report = check_text(store, source, "rien ici\norganes du parquet", "fr")
    assert report.aligned
    assert verdicts(report) == [(1, "procuratorial-organs", Verdict.MISSING)]


def test_unaligned_documents_are_checked_as_a_whole() -> None:
    store = make_store(GLOSSARY)
    source = "procuratorial organs\nnothing here"
    report = check_text(store, source, "rien ici\nencore\norganes du parquet", "fr")
    assert not report.aligned
    [occurrence] = report.occurrences
    assert (occurrence.verdict, occurrence.translation_line) == (Verdict.OK, 3)


# --- which renderings count -----------------------------------------------------------


def test_terms_without_a_rendering_are_information_only() -> None:
    store = make_store({"procuratorial organs": {"fr": "organes du parquet"}})
    make_store(
        {"judicial organs": {"fr": "organes judiciaires"}}, store=store, status=UnitStatus.DRAFT
    )
    report = check_text(store, "procuratorial organs, judicial organs", "autre chose", "ru")
    assert [(o.verdict, o.level) for o in report.occurrences] == [
        (Verdict.NO_RENDERING, Level.INFO),
        (Verdict.NO_RENDERING, Level.INFO),
    ]
    assert report.ok
    drafts = check_text(store, "judicial organs", "organes judiciaires", "fr")
    assert drafts.occurrences[0].message == (
        "'judicial organs' (judicial-organs) has only a draft in fr; not checked"
    )
    with_drafts = check_text(
        store, "judicial organs", "organes judiciaires", "fr", include_drafts=True
    )
    [occurrence] = with_drafts.occurrences
    assert (occurrence.verdict, occurrence.level) == (Verdict.OK, Level.WARNING)
    assert occurrence.message.endswith("(checked against a draft rendering)")


def test_human_alternatives_count_machine_ones_do_not() -> None:
    store = make_store({"procuratorial organs": {"fr": "organes du parquet"}})
    store.set_unit(
        "procuratorial-organs",
        "fr",
        "organes du parquet",
        status=UnitStatus.REVIEWED,
        origin="curated",
        alternatives=[
            Alternative("organes procuratoriaux", "human:ana"),
            Alternative("organes de poursuite", "mt:argos/en_fr@1.0", 0.5),
        ],
    )
    assert check_text(store, "procuratorial organs", "organes procuratoriaux", "fr").ok
    assert not check_text(store, "procuratorial organs", "organes de poursuite", "fr").ok


def test_a_unit_in_conflict_accepts_either_side_with_a_warning() -> None:
    store = make_store({"procuratorial organs": {"fr": "organes du parquet"}})
    store.set_unit(
        "procuratorial-organs",
        "fr",
        "organes du parquet",
        status=UnitStatus.TRANSLATED,
        origin="curated",
        alternatives=[Alternative("organes de poursuite", "mt:argos/en_fr@1.0")],
        conflict=True,
    )
    report = check_text(store, "procuratorial organs", "organes de poursuite", "fr")
    [occurrence] = report.occurrences
    assert (occurrence.verdict, occurrence.level) == (Verdict.OK, Level.WARNING)
    assert report.ok


def test_report_serializes() -> None:
    report = check_text(make_store(GLOSSARY), SOURCE, "rien\norganes du parquet", "fr")
    obj = report.to_obj()
    assert obj["ok"] is False
    assert obj["summary"] == {"ok": 1, "accents": 0, "missing": 2, "no-rendering": 0}
    assert obj["occurrences"][2] == {
        "line": 2,
        "column": 5,
        "term_id": "procuratorial-organs",
        "term": "procuratorial organs",
        "found": "procuratorial organ",
        "verdict": "ok",
        "level": "info",
        "renderings": ["organes du parquet"],
        "translation_line": 2,
        "message": "'procuratorial organ' (procuratorial-organs) is rendered "
        "'organes du parquet' in translation line 2",
    }


# --- documents ------------------------------------------------------------------------


def test_read_document_names_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_bytes(b"ligne un\nligne deux \xff\n")
    with pytest.raises(InputFileError) as info:
        compliance.read_document(path)
    assert str(info.value) == f"{path}:2: invalid UTF-8 (save the file as UTF-8)"
    path.write_text("\ufeffbonjour\n", encoding="utf-8")
    assert compliance.read_document(path) == "bonjour\n"
    with pytest.raises(InputFileError, match="no such file"):
        compliance.read_document(tmp_path / "none.txt")


# --- a property: every rendering matches itself ------------------------------------------

_LETTERS = st.characters(
    codec="utf-8",
    categories=["Lu", "Ll", "Lo", "Nd"],
    exclude_characters="ʼ",
)
_WORDS = st.lists(st.text(_LETTERS, min_size=1, max_size=8), min_size=1, max_size=4)
_SEPARATORS = st.sampled_from([" ", " - ", "'", "\t", "・"])


@settings(max_examples=50, deadline=None)
@given(
    words=_WORDS,
    separator=_SEPARATORS,
    lang=st.sampled_from(["fr", "ru", "es", "de", "ja", "mn", "vi", "zh"]),
    padding=st.sampled_from(["", "« ", "Texte: ", "（"]),
)
def test_a_rendering_is_found_in_any_text_that_contains_it(
    words: list[str], separator: str, lang: str, padding: str
) -> None:
    rendering = separator.join(words)
    store = make_store({"the term": {lang: rendering}})
    text = f"{padding}{rendering} — fin."
    report = check_text(store, "The term.", text, lang)
    assert [o.verdict for o in report.occurrences] == [Verdict.OK], rendering
