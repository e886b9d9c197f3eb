"""QA checks over the store: one crafted case per check and per script."""

from __future__ import annotations

import json

import pytest

from termsmith import catalogs, checks
from termsmith.checks import Finding, Level
from termsmith.model import Alternative, TermKind, TermStatus, UnitStatus
from termsmith.project import Project
from termsmith.store import Store


def glossary(
    store: Store,
    entries: dict[str, dict[str, str]],
    *,
    kind: TermKind = TermKind.TERM,
    status: UnitStatus = UnitStatus.TRANSLATED,
) -> None:
    """Accepted terms with their translations, by English term then language."""
    for english, translations in entries.items():
        term = store.add_term(english, status=TermStatus.ACCEPTED, kind=kind)
        for lang, text in translations.items():
            store.set_unit(term.id, lang, text, status=status, origin="curated")


def found(findings: list[Finding], check: str) -> list[tuple[str, str, str]]:
    return sorted((f.lang, f.term_id, f.message) for f in findings if f.check == check)


# --- missing translations and drafts ---------------------------------------------------


def test_missing_rejected_and_draft_units(project: Project) -> None:
    with project.transaction() as store:
        glossary(store, {"procuratorial organs": {"fr": "organes du parquet"}})
        glossary(store, {"judicial organs": {"fr": "organes judiciaires"}}, status=UnitStatus.DRAFT)
        store.set_unit(
            "judicial-organs", "ru", "судебные", status=UnitStatus.REJECTED, origin="curated"
        )
        store.add_term("candidate term")  # candidates are not the glossary yet
    findings = list(checks.check_missing(project.load_store(), ["fr", "ru"]))
    assert found(findings, "missing") == [
        ("ru", "judicial-organs", "'judicial organs' has only a rejected translation in ru"),
        ("ru", "procuratorial-organs", "'procuratorial organs' has no translation in ru"),
    ]
    assert found(findings, "draft") == [
        (
            "fr",
            "judicial-organs",
            "'judicial organs' = 'organes judiciaires' is a draft awaiting review (curated)",
        )
    ]
    assert {f.level for f in findings if f.check == "missing"} == {Level.ERROR}
    assert {f.level for f in findings if f.check == "draft"} == {Level.WARNING}


def test_coverage_counts_per_language(project: Project) -> None:
    with project.transaction() as store:
        glossary(store, {"a law": {"fr": "une loi"}, "a court": {"fr": "un tribunal"}})
        store.set_unit("a-law", "fr", "une loi", status=UnitStatus.REVIEWED, origin="curated")
        store.set_unit("a-court", "ru", "суд", status=UnitStatus.DRAFT, origin="mt:x/y@1")
    cov = checks.coverage(project.load_store(), ["fr", "ru"])
    assert cov["fr"].to_obj() == {
        "accepted": 2,
        "missing": 0,
        "draft": 0,
        "translated": 1,
        "reviewed": 1,
        "conflict": 0,
    }
    assert (cov["ru"].missing, cov["ru"].draft) == (1, 1)


# --- identical to the source -----------------------------------------------------------


def test_identical_translations_warn_except_names_abbreviations_and_reviewed(
    project: Project,
) -> None:
    with project.transaction() as store:
        glossary(store, {"prosecution": {"fr": "Prosecution", "de": "Strafverfolgung"}})
        glossary(store, {"Interpol": {"fr": "Interpol"}}, kind=TermKind.NAME)
        glossary(store, {"SPP": {"fr": "SPP"}}, kind=TermKind.ABBREVIATION)
        glossary(store, {"internet": {"fr": "Internet"}}, status=UnitStatus.REVIEWED)
        glossary(store, {"café law": {"fr": "cafe  law"}})
    findings = list(checks.check_identical(project.load_store(), ["fr", "de"]))
    assert [(f.term_id, f.lang, f.level) for f in findings] == [
        ("cafe-law", "fr", Level.WARNING),
        ("prosecution", "fr", Level.WARNING),
    ]
    assert "'Prosecution' is the English term untranslated" in findings[1].message


# --- merge conflicts -----------------------------------------------------------------


def test_conflicts_are_errors_naming_both_sides(project: Project) -> None:
    with project.transaction() as store:
        glossary(store, {"procuratorial organs": {"fr": "organes du parquet"}})
        store.set_unit(
            "procuratorial-organs",
            "fr",
            "organes du parquet",
            status=UnitStatus.TRANSLATED,
            origin="curated",
            alternatives=[Alternative("organes procuratoriaux", "human:ana")],
            conflict=True,
        )
    findings = list(checks.check_conflicts(project.load_store()))
    assert findings == [
        Finding(
            Level.ERROR,
            "conflict",
            "procuratorial-organs",
            "fr",
            "merge conflict: kept 'organes du parquet' (curated), other side "
            "'organes procuratoriaux' (human:ana); resolve with "
            "'termsmith set procuratorial-organs fr TEXT'",
        )
    ]


# --- inconsistent renderings -----------------------------------------------------------


PROCURATORIAL = {
    "procuratorial organs": {
        "fr": "organes du parquet",
        "ru": "прокурорские органы",
        "de": "Staatsanwaltschaftsorgane",
        "ja": "検察機関",
        "vi": "cơ quan kiểm sát",
        "mn": "прокурорын байгууллага",
    },
    "procuratorial work": {
        "fr": "travail du Parquet",
        "ru": "работа прокурорских органов",
        "de": "Arbeit der Staatsanwaltschaften",
        "ja": "検察業務",
        "vi": "công tác kiểm sát",
        "mn": "прокурорын ажил",
    },
}


def test_consistent_renderings_survive_inflection_case_and_compounds(project: Project) -> None:
    with project.transaction() as store:
        glossary(store, PROCURATORIAL)
        glossary(
            store,
            {
                "judicial organs": {"de": "Justizorgane", "ru": "судебных органов"},
                "foreign-related prosecution": {"fr": "poursuites liées à l'étranger"},
                "foreign-related cooperation": {"fr": "coopération étrangère"},
            },
        )
    assert list(checks.check_inconsistent(project.load_store(), project.languages)) == []


@pytest.mark.parametrize(
    ("lang", "odd", "usual"),
    [
        ("fr", "services procuratoriaux", "parquet"),  # Latin with diacritics
        ("ru", "обвинительные услуги", "прокурорские/прокурорских"),  # Cyrillic, inflected
        ("de", "Anklagedienste", "Staatsanwaltschaftsorgane/Staatsanwaltschaften"),
        ("ja", "検事サービス", "検察"),  # no spaces
        ("vi", "dịch vụ công tố", "kiểm sát"),  # syllables with tone marks
        ("mn", "яллах үйлчилгээ", "прокурорын"),  # no stemmer: prefixes
    ],
)
def test_an_odd_rendering_of_a_shared_word_is_flagged(
    project: Project, lang: str, odd: str, usual: str
) -> None:
    with project.transaction() as store:
        glossary(store, PROCURATORIAL)
        glossary(store, {"procuratorial services": {lang: odd}})
    findings = list(checks.check_inconsistent(project.load_store(), [lang]))
    assert findings == [
        Finding(
            Level.WARNING,
            "inconsistent",
            "procuratorial-services",
            lang,
            f"'procuratorial' is rendered '{usual}' in procuratorial-organs, "
            f"procuratorial-work but not in '{odd}'",
        )
    ]


def test_two_terms_without_a_common_rendering(project: Project) -> None:
    with project.transaction() as store:
        glossary(
            store,
            {
                "prosecution": {"ru": "обвинение"},
                "foreign-related prosecution": {"ru": "прокурорская деятельность с иностранцами"},
            },
        )
    assert [f.message for f in checks.check_inconsistent(project.load_store(), ["ru"])] == [
        "'prosecution' has no rendering in common across 2 terms: foreign-related-prosecution "
        "= 'прокурорская деятельность с иностранцами'; prosecution = 'обвинение'"
    ]


def test_names_abbreviations_and_terms_without_units_are_left_out(project: Project) -> None:
    with project.transaction() as store:
        glossary(store, {"SPP": {"fr": "PPS"}, "SPP rules": {"fr": "règles"}})
        store.term("spp").kind = TermKind.ABBREVIATION
        glossary(store, {"procuratorial work": {}, "procuratorial organs": {"fr": "parquet"}})
        # An official name is rendered as a whole, not word by word.
        glossary(
            store, {"Ministry of Foreign Affairs": {"es": "Ministerio de Relaciones Exteriores"}}
        )
        store.term("ministry-of-foreign-affairs").kind = TermKind.NAME
        glossary(store, {"foreign affairs": {"es": "asuntos exteriores"}})
    assert list(checks.check_inconsistent(project.load_store(), ["fr", "es"])) == []


def test_a_reviewed_odd_rendering_is_only_a_note(project: Project) -> None:
    with project.transaction() as store:
        glossary(store, {"international law": {"fr": "droit international"}})
        glossary(store, {"law enforcement": {"fr": "application du droit"}})
        glossary(
            store,
            {"in accordance with the law": {"fr": "conformément à la loi"}},
            status=UnitStatus.REVIEWED,
        )
    [finding] = checks.check_inconsistent(project.load_store(), ["fr"])
    assert finding.level is Level.INFO
    assert finding.message == (
        "'law' is rendered 'droit' in international-law, law-enforcement but not in "
        "'conformément à la loi' (reviewed)"
    )


def test_a_word_in_most_translations_is_no_evidence(project: Project) -> None:
    # "service" is in nine of ten French translations: sharing it proves nothing,
    # so the two renderings of "procuratorial" do not agree.
    words = ["court", "judge", "trial", "appeal", "verdict", "witness", "evidence", "sentence"]
    entries = {word: {"fr": f"service {n}"} for n, word in enumerate(words)}
    entries["procuratorial work"] = {"fr": "service du parquet"}
    entries["procuratorial services"] = {"fr": "service procuratorial"}
    with project.transaction() as store:
        glossary(store, entries)
    findings = list(checks.check_inconsistent(project.load_store(), ["fr"]))
    assert [f.message.split(":")[0] for f in findings] == [
        "'procuratorial' has no rendering in common across 2 terms"
    ]


def test_english_elements_keep_compounds_and_drop_function_words() -> None:
    assert checks.english_elements("Foreign-related procuratorial organs of the SPP") == {
        "foreign-related": "foreign-related",
        "procuratorial": "procuratorial",
        "organ": "organs",
        "spp": "spp",
    }


# --- PO catalogs ---------------------------------------------------------------------


def test_no_catalogs_yet_is_a_warning(project: Project) -> None:
    with project.transaction() as store:
        glossary(store, {"procuratorial organs": {"fr": "organes du parquet"}})
    findings = list(checks.check_catalogs(project, project.load_store()))
    assert [(f.level, f.message) for f in findings] == [
        (
            Level.WARNING,
            "no PO catalogs in locales/ yet; write them with 'termsmith po' or 'termsmith build'",
        )
    ]


def test_catalogs_up_to_date_then_stale_then_invalid(project: Project) -> None:
    with project.transaction() as store:
        glossary(store, {"procuratorial organs": {"fr": "organes du parquet"}})
    catalogs.write_all(project, project.load_store())
    assert list(checks.check_catalogs(project, project.load_store())) == []

    with project.transaction() as store:
        store.set_unit(
            "procuratorial-organs", "fr", "organes", status=UnitStatus.REVIEWED, origin="curated"
        )
    stale = list(checks.check_catalogs(project, project.load_store()))
    assert [(f.level, f.lang, f.path) for f in stale] == [
        (Level.ERROR, "fr", "locales/fr/LC_MESSAGES/glossary.po"),
    ]
    assert stale[0].message == (
        "locales/fr/LC_MESSAGES/glossary.po differs from the store: read translators' edits "
        "back with 'termsmith po sync', or regenerate it with 'termsmith po'"
    )

    catalogs.write_all(project, project.load_store())
    po = project.locales_dir / "ru" / "LC_MESSAGES" / "glossary.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(text + '\n#, c-format\nmsgid "%d organs"\nmsgstr "органы"\n', encoding="utf-8")
    broken = list(checks.check_catalogs(project, project.load_store()))
    assert (broken[0].level, broken[0].lang, broken[0].path) == (
        Level.ERROR,
        "ru",
        "locales/ru/LC_MESSAGES/glossary.po",
    )
    msgfmt = [f for f in broken if f.message.startswith("msgfmt -c:")]
    assert len(msgfmt) == 1
    assert msgfmt[0].line == text.count("\n") + 4  # the msgstr line
    assert "format specification" in msgfmt[0].message


def test_catalog_validation_is_skipped_without_msgfmt(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalogs.write_all(project, project.load_store())
    monkeypatch.setattr(checks.shutil, "which", lambda _name: None)
    findings = list(checks.check_catalogs(project, project.load_store()))
    assert [(f.level, f.message) for f in findings] == [
        (Level.INFO, "msgfmt (GNU gettext) is not installed; PO catalogs were not validated")
    ]


# --- the whole report ------------------------------------------------------------------


def test_report_is_sorted_errors_first_and_serializes(project: Project) -> None:
    with project.transaction() as store:
        glossary(store, {"prosecution": {lang: "prosecution" for lang in project.languages}})
        store.set_unit("prosecution", "vi", "truy tố", status=UnitStatus.DRAFT, origin="curated")
        store.set_unit("prosecution", "ja", "", status=UnitStatus.TRANSLATED, origin="curated")
    report = checks.run(project)
    levels = [f.level for f in report.findings]
    assert levels == sorted(levels, key=[Level.ERROR, Level.WARNING, Level.INFO].index)
    assert report.has_errors
    obj = report.to_obj()
    assert obj["summary"] == {"errors": 1, "warnings": 7, "notes": 0}
    assert obj["findings"][0] == {
        "level": "error",
        "check": "missing",
        "term_id": "prosecution",
        "lang": "ja",
        "message": "'prosecution' has no translation in ja",
    }
    assert obj == json.loads(json.dumps(checks.run(project).to_obj()))
    assert report.summary() == "1 error, 7 warnings, 0 notes"


def test_run_rejects_unknown_checks(project: Project) -> None:
    with pytest.raises(ValueError, match="unknown checks: spelling"):
        checks.run(project, checks=["spelling"])
