"""PO: export and import of one language, and Hypothesis round trips over arbitrary Unicode."""

from __future__ import annotations

import tempfile
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import texts

from termsmith import catalogs
from termsmith import project as project_mod
from termsmith.errors import InputFileError, TermsmithError
from termsmith.formats import po as po_format
from termsmith.interchange import LanguageMapper, apply_import
from termsmith.model import TermStatus, UnitStatus
from termsmith.project import Project
from termsmith.store import Store

LANGS = ["fr", "ru", "ja", "mn", "vi"]
terms = texts.map(str.strip).filter(bool)
#: every import skips blank translations, so the round trip starts from non-blank ones
translations = texts.filter(str.strip)
statuses = st.sampled_from([UnitStatus.DRAFT, UnitStatus.TRANSLATED, UnitStatus.REVIEWED])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(terms, st.tuples(translations, statuses), min_size=1, max_size=5),
    st.sampled_from(LANGS),
)
def test_store_to_po_to_store(glossary: dict[str, tuple[str, UnitStatus]], lang: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        proj = project_mod.init(Path(tmp) / "p", languages=LANGS)
        store = Store(proj.glossary_dir)
        for english, (text, status) in glossary.items():
            term = store.add_term(english, status=TermStatus.ACCEPTED)
            store.set_unit(term.id, lang, text, status=status, origin="curated")
        out = Path(tmp) / "g.po"
        out.write_text(po_format.export(store, proj, lang=lang), encoding="utf-8")
        entries = po_format.read(out, proj)
        fresh = Store(proj.glossary_dir)
        apply_import(fresh, entries, origin="curated", mapper=LanguageMapper("en", LANGS))
        assert {t.id: t.term for t in fresh.terms.values()} == {
            t.id: t.term for t in store.terms.values()
        }
        expected = {
            (
                u.term_id,
                u.text,
                UnitStatus.DRAFT if u.status is UnitStatus.DRAFT else UnitStatus.TRANSLATED,
            )
            for u in store.units[lang].values()
        }
        assert {(u.term_id, u.text, u.status) for u in fresh.units[lang].values()} == expected


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(terms, texts, texts, st.booleans())
def test_a_translators_edit_survives_sync(english: str, old: str, new: str, fuzzy: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        proj = project_mod.init(Path(tmp) / "p", languages=["vi"])
        with proj.transaction() as store:
            term = store.add_term(english, status=TermStatus.ACCEPTED)
            store.set_unit(term.id, "vi", old, status=UnitStatus.DRAFT, origin="mt:argos/en_vi@1.0")
        catalogs.write_all(proj, proj.load_store())
        path = catalogs.po_path(proj, "vi")
        po = polib.pofile(str(path), wrapwidth=78)
        entry = next(e for e in po if e.msgctxt == term.id)
        entry.msgstr = new
        entry.flags = ["fuzzy"] if fuzzy else []
        po.save(str(path))
        edited = path.read_text(encoding="utf-8")
        catalogs.sync(proj)
        unit = proj.load_store().unit(term.id, "vi")
        assert unit is not None and unit.text == new
        assert unit.status is (UnitStatus.DRAFT if fuzzy else UnitStatus.REVIEWED)
        if new == old:
            assert unit.origin == "mt:argos/en_vi@1.0"
        else:
            assert unit.origin == "human:po"
            assert path.read_text(encoding="utf-8").count("\n") == edited.count("\n")
        assert catalogs.write_all(proj, proj.load_store()) == []


def test_export_needs_a_language(project: Project) -> None:
    with pytest.raises(TermsmithError, match="one language"):
        po_format.export(project.load_store(), project)


def write(path: Path, header_language: str, body: str) -> Path:
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
        + (f'"Language: {header_language}\\n"\n' if header_language else "")
        + "\n"
        + body,
        encoding="utf-8",
    )
    return path


BODY = (
    'msgctxt "procuratorial-organs"\nmsgid "procuratorial organs"\nmsgstr "organes du parquet"\n\n'
    '#, fuzzy\nmsgid "national sovereignty"\nmsgstr "souveraineté nationale"\n\n'
    'msgid "untranslated"\nmsgstr ""\n\n'
    '#~| msgid "older"\n#~ msgid "old"\n#~ msgstr "vieux"\n'
)


def test_read_maps_fuzzy_to_draft(project: Project, tmp_path: Path) -> None:
    entries = po_format.read(write(tmp_path / "x.po", "fr_CA", BODY), project)
    assert [(e.id, e.term, e.line) for e in entries] == [
        ("procuratorial-organs", "procuratorial organs", 6),
        (None, "national sovereignty", 10),  # where the entry starts
        (None, "untranslated", 14),
    ]
    assert entries[0].translations["fr_CA"].status is UnitStatus.TRANSLATED
    assert entries[1].translations["fr_CA"].status is UnitStatus.DRAFT
    assert entries[2].translations == {}
    store = Store(project.glossary_dir)
    summary = apply_import(
        store,
        entries,
        origin="import:x.po",
        mapper=LanguageMapper("en", project.languages, {"fr_CA": "fr"}),
    )
    assert summary.added == 2
    unit = store.unit("national-sovereignty", "fr")
    assert unit is not None and unit.status is UnitStatus.DRAFT


def test_language_from_the_file_name_or_folder(project: Project, tmp_path: Path) -> None:
    assert po_format.read(write(tmp_path / "ru.po", "", BODY), project)[0].translations.keys() == {
        "ru"
    }
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    assert po_format.read(write(folder / "g.po", "", BODY), project)[0].translations.keys() == {
        "de"
    }
    with pytest.raises(InputFileError, match="no 'Language:' header"):
        po_format.read(write(tmp_path / "glossary.po", "", BODY), project)


def test_a_template_imports_terms_only(project: Project, tmp_path: Path) -> None:
    pot = write(tmp_path / "g.pot", "", 'msgctxt "a"\nmsgid "extradition"\nmsgstr ""\n')
    entries = po_format.read(pot, project)
    assert [(e.id, e.term, e.translations) for e in entries] == [("a", "extradition", {})]


def test_read_syntax_error(project: Project, tmp_path: Path) -> None:
    bad = write(tmp_path / "fr.po", "fr", 'msgid "a"\nmsgstr "b\n')
    with pytest.raises(InputFileError) as info:
        po_format.read(bad, project)
    assert str(info.value).startswith(f"{bad}:7: unterminated string")
