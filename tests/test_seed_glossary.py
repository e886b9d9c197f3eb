"""The repository's own glossary: the curated terms of the seed document, in eight languages.

These tests read the committed ``glossary/`` and ``glossary/curation/seed-glossary.toml`` of
this repository (not a temporary project) and check properties a terminologist would check.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import unicodedata
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from termsmith.model import Term, TermKind, TermStatus, UnitStatus
from termsmith.project import Project
from termsmith.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "spp-foreign-related-prosecution.txt"


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "apply_curation", ROOT / "tools" / "apply_curation.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


@pytest.fixture(scope="module")
def repo() -> Project:
    return Project.find(ROOT)


@pytest.fixture(scope="module")
def store(repo: Project) -> Store:
    return repo.load_store()


@pytest.fixture(scope="module")
def curation() -> Any:
    return tool.load(ROOT / tool.CURATION_FILE)


def accepted(store: Store) -> list[Term]:
    return list(store.iter_terms([TermStatus.ACCEPTED]))


# --- script checks, as functions so that tests can show they fail on bad text -------------


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    return name.split(" ")[0]


def not_cyrillic(text: str) -> list[str]:
    """Letters of ``text`` that are not Cyrillic."""
    return [c for c in text if c.isalpha() and _script(c) != "CYRILLIC"]


def not_latin(text: str) -> list[str]:
    """Letters of ``text`` that are not Latin (Vietnamese letters are Latin Extended)."""
    return [c for c in text if c.isalpha() and _script(c) != "LATIN"]


def japanese_problems(text: str) -> list[str]:
    """What is wrong with ``text`` as Japanese: no Japanese script, or Latin letters."""
    problems = []
    if not any(_script(c) in {"CJK", "HIRAGANA", "KATAKANA"} for c in text):
        problems.append("no kanji or kana")
    latin = [c for c in text if c.isalpha() and _script(c) == "LATIN"]
    if latin:
        problems.append("Latin letters " + "".join(latin))
    return problems


def element_violations(store: Store, element: Any) -> list[str]:
    """Accepted terms containing ``element`` whose rendering lacks the element's form."""
    word = re.compile(rf"(?<![\w-]){re.escape(element.name)}(?![\w-])", re.IGNORECASE)
    out = []
    for term in accepted(store):
        if not word.search(term.term):
            continue
        for lang, forms in element.forms.items():
            unit = store.unit(term.id, lang)
            text = unit.text.casefold() if unit else ""
            if any(f.casefold() in text for f in forms):
                continue
            if lang in element.exceptions.get(term.term, {}):
                continue
            out.append(f"{term.term} [{lang}]: {text!r} has none of {forms}")
    return out


# --- the glossary as committed --------------------------------------------------------------


def test_store_is_what_the_curation_file_says(repo: Project, curation: Any) -> None:
    store = repo.load_store()
    before = store.serialize()
    report = tool.apply(store, curation, SEED.read_text(encoding="utf-8"))
    assert report.nothing, "run tools/apply_curation.py and commit glossary/"
    assert store.serialize() == before


def test_accepted_terms_are_exactly_the_curated_ones(store: Store, curation: Any) -> None:
    assert sorted(t.term for t in accepted(store)) == sorted(c.term for c in curation.terms)
    assert list(curation.languages) == Project.find(ROOT).languages
    assert 40 <= len(curation.terms) <= 70


def test_the_review_is_complete(store: Store, curation: Any) -> None:
    # Every extracted candidate has been decided on; a rejection says why.
    assert [t.term for t in store.iter_terms([TermStatus.CANDIDATE])] == []
    rejected = list(store.iter_terms([TermStatus.REJECTED]))
    assert all(t.note for t in rejected)
    assert set(curation.rejected) <= {t.term for t in rejected}
    assert not any(store.units_of(t.id) for t in rejected)


def test_every_accepted_term_has_a_note_a_pos_and_seven_translations(
    repo: Project, store: Store
) -> None:
    assert repo.languages == ["fr", "ru", "es", "de", "ja", "mn", "vi"]
    for term in accepted(store):
        assert term.note.strip(), term.id
        assert "\n" not in term.note, f"{term.id}: the note is one line"
        assert term.pos, term.id
        units = store.units_of(term.id)
        assert sorted(units) == sorted(repo.languages), term.id
        assert all(u.text.strip() for u in units.values()), term.id


def test_translations_are_curated_never_reviewed_or_machine(store: Store) -> None:
    for term in accepted(store):
        for lang, unit in store.units_of(term.id).items():
            where = f"{term.id} [{lang}]"
            assert unit.origin == "curated", where
            assert unit.status is UnitStatus.TRANSLATED, where
            assert not unit.conflict, where


def test_terms_and_variants_are_forms_of_the_seed_text(store: Store) -> None:
    text = SEED.read_text(encoding="utf-8")

    def occurs(form: str) -> bool:
        return re.search(rf"\b{re.escape(form)}(?:s|es)?\b", text, re.IGNORECASE) is not None

    for term in accepted(store):
        assert occurs(term.term) or any(occurs(v) for v in term.variants), term.term
        for variant in term.variants:
            assert occurs(variant), f"{term.term}: variant {variant!r} is not in the text"
            assert variant != term.term


def test_every_accepted_term_cites_where_the_seed_uses_it(store: Store) -> None:
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    for term in accepted(store):
        assert term.sources, term.id
        forms = {f.casefold() for f in (term.term, *term.variants)}
        for source in term.sources:
            assert source.doc == "seeds/spp-foreign-related-prosecution.txt"
            assert source.start is not None and source.end is not None and source.line
            assert text[source.start : source.end].casefold() in forms, term.id
            assert source.sentence in lines[source.line - 1]


def test_find_sources_respects_case_and_word_boundaries() -> None:
    text = "Procuratorates act.\nThe Supreme People's Procuratorate and local procuratorates."
    found = tool.find_sources(text, "d.txt", ["procuratorates"])
    assert [(s.line, text[s.start : s.end]) for s in found] == [
        (1, "Procuratorates"),
        (2, "procuratorates"),
    ]
    assert found[1].sentence == "The Supreme People's Procuratorate and local procuratorates."
    assert tool.find_sources(text, "d.txt", ["procuratorate"]) == []


def test_mongolian_and_russian_are_cyrillic(store: Store) -> None:
    for term in accepted(store):
        for lang in ("mn", "ru"):
            unit = store.unit(term.id, lang)
            assert unit is not None
            assert not not_cyrillic(unit.text), f"{term.id} [{lang}] {unit.text}"


def test_french_spanish_german_vietnamese_are_latin(store: Store) -> None:
    for term in accepted(store):
        for lang in ("fr", "es", "de", "vi"):
            unit = store.unit(term.id, lang)
            assert unit is not None
            assert not not_latin(unit.text), f"{term.id} [{lang}] {unit.text}"


def test_vietnamese_is_nfc(store: Store) -> None:
    for term in accepted(store):
        unit = store.unit(term.id, "vi")
        assert unit is not None
        assert unicodedata.normalize("NFC", unit.text) == unit.text, term.id
    # The raw file too: the store writes NFC, and so must anyone editing it by hand.
    raw = (ROOT / "glossary" / "units" / "vi.jsonl").read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", raw) == raw


def test_japanese_is_written_in_japanese_script(store: Store) -> None:
    for term in accepted(store):
        unit = store.unit(term.id, "ja")
        assert unit is not None
        assert japanese_problems(unit.text) == [], f"{term.id}: {unit.text}"


def test_abbreviations_link_to_accepted_terms(store: Store) -> None:
    abbreviations = [t for t in accepted(store) if t.kind is TermKind.ABBREVIATION]
    assert [t.term for t in abbreviations] == ["SPP"]
    for term in accepted(store):
        if term.kind is TermKind.ABBREVIATION:
            target = store.term(term.expands)
            assert target.status is TermStatus.ACCEPTED
            assert target.kind is TermKind.NAME
        else:
            assert term.expands == "", term.id
    assert store.term("spp").expands == "supreme-peoples-procuratorate"


@pytest.mark.parametrize("name", ["procuratorial", "foreign-related", "legal"])
def test_shared_elements_are_rendered_consistently(
    store: Store,
    curation: Any,
    name: str,
) -> None:
    element = next(e for e in curation.elements if e.name == name)
    assert sorted(element.forms) == sorted(curation.languages)
    assert element_violations(store, element) == []


def test_the_elements_cover_the_compounds_that_need_them(store: Store) -> None:
    terms = {t.term for t in accepted(store)}
    # The element checks only mean something if the compounds are there.
    assert sum("procuratorial" in t for t in terms) >= 8
    assert sum("foreign-related" in t for t in terms) >= 8


def test_established_names(store: Store) -> None:
    spp = store.units_of("supreme-peoples-procuratorate")
    assert spp["ru"].text == "Верховная народная прокуратура"
    assert spp["ja"].text == "最高人民検察院"
    assert spp["vi"].text == "Viện Kiểm sát nhân dân tối cao"
    assert spp["fr"].text == "Parquet populaire suprême"
    assert spp["es"].text == "Fiscalía Popular Suprema"
    assert spp["de"].text == "Oberste Volksstaatsanwaltschaft"
    organs = store.units_of("procuratorial-organs")
    assert organs["vi"].text == "cơ quan kiểm sát"
    assert store.units_of("national-sovereignty")["vi"].text == "chủ quyền quốc gia"


def test_descriptive_renderings_say_so(store: Store) -> None:
    # Honesty over coverage: the renderings made for this glossary are flagged in their note.
    mn_spp = store.unit("supreme-peoples-procuratorate", "mn")
    assert mn_spp is not None and "Descriptive" in mn_spp.note
    flagged = [
        u
        for t in accepted(store)
        for u in store.units_of(t.id).values()
        if u.note.startswith("Descriptive")
    ]
    assert len(flagged) >= 20


# --- the checks catch what they should ----------------------------------------------------


def test_script_checks_fail_on_wrong_script() -> None:
    assert not_cyrillic("прокурорын газар") == []
    assert not_cyrillic("прокурорын gazar") == list("gazar")
    assert not_latin("chủ quyền quốc gia") == []
    assert not_latin("chủ quyền quốc gия") == ["и", "я"]
    assert japanese_problems("最高人民検察院") == []
    assert japanese_problems("SPP") == ["no kanji or kana", "Latin letters SPP"]
    assert japanese_problems("アジア司") == []


def test_element_check_fails_on_an_inconsistent_rendering(project: Project) -> None:
    with project.transaction() as s:
        for text, fr in (
            ("procuratorial work", "travail du parquet"),
            ("procuratorial organs", "organes de poursuite"),
        ):
            term = s.add_term(text, status=TermStatus.ACCEPTED)
            s.set_unit(term.id, "fr", fr, status=UnitStatus.TRANSLATED, origin="curated")
    element = tool.Element("procuratorial", {"fr": ("du parquet",)}, {})
    problems = element_violations(project.load_store(), element)
    assert len(problems) == 1 and problems[0].startswith("procuratorial organs [fr]")
    excused = tool.Element(
        "procuratorial", {"fr": ("du parquet",)}, {"procuratorial organs": {"fr": "why"}}
    )
    assert element_violations(project.load_store(), excused) == []


# --- the curation script ------------------------------------------------------------------


def _curation_project(project: Project) -> Project:
    target = project.root / tool.CURATION_FILE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text((ROOT / tool.CURATION_FILE).read_text(encoding="utf-8"), encoding="utf-8")
    (project.root / "seeds" / SEED.name).write_text(
        SEED.read_text(encoding="utf-8"), encoding="utf-8"
    )
    return project


def test_apply_builds_the_glossary_and_is_idempotent(project: Project) -> None:
    _curation_project(project)
    assert tool.main(["--root", str(project.root), "--check"]) == 1
    assert tool.main(["--root", str(project.root)]) == 0
    files = {p: p.read_bytes() for p in sorted((project.root / "glossary").rglob("*.jsonl"))}
    assert tool.main(["--root", str(project.root)]) == 0
    assert {p: p.read_bytes() for p in files} == files
    assert tool.main(["--root", str(project.root), "--check"]) == 0
    store = project.load_store()
    assert len(accepted(store)) == len(tool.load(project.root / tool.CURATION_FILE).terms)
    assert all(u.rev == 1 for t in accepted(store) for u in store.units_of(t.id).values())


def test_apply_accepts_an_extracted_candidate_and_keeps_its_sources(project: Project) -> None:
    from termsmith.model import Source

    _curation_project(project)
    with project.transaction() as s:
        s.add_term("procuratorial organs", sources=[Source(doc="seeds/x.txt", line=2)])
    assert tool.main(["--root", str(project.root)]) == 0
    term = project.load_store().term("procuratorial-organs")
    assert term.status is TermStatus.ACCEPTED
    assert term.sources[0].line == 2


def test_apply_folds_an_extracted_form_into_its_curated_term(project: Project) -> None:
    _curation_project(project)
    with project.transaction() as s:
        s.add_term("legal safeguards")  # as 'extract --add' records the text's plural
    assert tool.main(["--root", str(project.root)]) == 0
    store = project.load_store()
    (dup,) = store.find("legal safeguards")
    assert dup.status is TermStatus.REJECTED
    assert "'legal safeguard' (legal-safeguard)" in dup.note
    assert "legal safeguards" in store.term("legal-safeguard").variants
    assert tool.main(["--root", str(project.root), "--check"]) == 0


def test_apply_never_overwrites_reviewed_or_human_work(project: Project) -> None:
    _curation_project(project)
    assert tool.main(["--root", str(project.root)]) == 0
    with project.transaction() as s:
        s.set_unit(
            "procuratorial-organs",
            "fr",
            "parquets",
            status=UnitStatus.REVIEWED,
            origin="human:claire",
        )
    assert tool.main(["--root", str(project.root)]) == 0
    unit = project.load_store().unit("procuratorial-organs", "fr")
    assert unit is not None and (unit.text, unit.origin) == ("parquets", "human:claire")


def test_apply_rejects_listed_noise(project: Project) -> None:
    _curation_project(project)
    path = project.root / tool.CURATION_FILE
    path.write_text(
        path.read_text(encoding="utf-8") + '"training program" = "event, not a term"\n',
        encoding="utf-8",
    )
    assert tool.main(["--root", str(project.root)]) == 0
    (term,) = project.load_store().find("training program")
    assert term.status is TermStatus.REJECTED
    assert term.note == "event, not a term"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (('mn = "прокурорын ажил"\n', ""), "has no translation in mn"),
        (
            ('expands = "Supreme People\'s Procuratorate"', 'expands = "Supreme Court"'),
            "which is not curated",
        ),
        (('kind = "name"', 'kind = "person"', 1), "unknown kind 'person'"),
        (("[rejected]", '[rejected]\n"SPP" = "x"'), "accepted and rejected at once: SPP"),
    ],
)
def test_a_malformed_curation_file_is_refused_with_its_line(
    project: Project, capsys: pytest.CaptureFixture[str], edit: tuple[str, ...], message: str
) -> None:
    path = _curation_project(project).root / tool.CURATION_FILE
    text = path.read_text(encoding="utf-8")
    assert edit[0] in text
    path.write_text(text.replace(edit[0], edit[1], *edit[2:]), encoding="utf-8")
    assert tool.main(["--root", str(project.root)]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert re.search(r"seed-glossary\.toml:\d+: ", err), err
    assert project.load_store().terms == {}, "nothing is written from a refused file"
