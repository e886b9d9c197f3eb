"""PO catalogs: generation (golden files), msgfmt, .mo, determinism, interop and po sync."""

from __future__ import annotations

import difflib
import gettext
import io
import os
import subprocess
import tempfile
from pathlib import Path

import polib
import pytest
from babel.messages.pofile import read_po
from hypothesis import HealthCheck, given, settings
from tests.strategies import texts
from translate.storage import po as ttk_po

from termsmith import catalogs
from termsmith import project as project_mod
from termsmith.errors import InputFileError
from termsmith.model import Alternative, Source, TermKind, TermStatus, UnitStatus
from termsmith.project import Project
from termsmith.store import Store

GOLDEN = Path(__file__).parent / "data" / "catalogs"
UPDATE = os.environ.get("TERMSMITH_UPDATE_GOLDEN") == "1"
MT = "mt:argos/translate-en_fr@1.9"


def seed(project: Project) -> None:
    """A small glossary touching every rendering rule."""
    with project.transaction() as store:
        organs = store.add_term(
            "procuratorial organs",
            status=TermStatus.ACCEPTED,
            note="State bodies that prosecute crimes and supervise the law; well-known term.",
            sources=[
                Source("spp.txt", "The procuratorial organs handle foreign-related cases.", line=3),
                Source("spp.txt", "", line=3),
                Source("spp.txt", "", line=9),
            ],
        )
        store.set_unit(
            organs.id, "fr", "organes du parquet", status=UnitStatus.REVIEWED, origin="curated"
        )
        store.set_unit(
            organs.id, "ru", "органы прокуратуры", status=UnitStatus.TRANSLATED, origin="curated"
        )
        store.set_unit(
            organs.id, "ja", "検察機関", status=UnitStatus.DRAFT, origin=MT, note="check usage"
        )
        spp = store.add_term(
            "Supreme People's Procuratorate", status=TermStatus.ACCEPTED, kind=TermKind.NAME
        )
        store.set_unit(
            spp.id, "fr", 'Parquet populaire "suprême"', status=UnitStatus.DRAFT, origin=MT
        )
        abbr = store.add_term(
            "SPP", status=TermStatus.ACCEPTED, kind=TermKind.ABBREVIATION, expands=spp.id
        )
        store.set_unit(abbr.id, "ru", "ВНП", status=UnitStatus.REJECTED, origin=MT)
        cand = store.add_term(
            "mutual legal assistance",
            sources=[Source("seeds/spp.txt", "Mutual legal assistance\tin criminal matters.")],
        )
        store.set_unit(cand.id, "fr", "entraide judiciaire\\n", status=UnitStatus.DRAFT, origin=MT)
        court = store.add_term("court", status=TermStatus.ACCEPTED, note="a judicial body")
        court2 = store.add_term(
            "court", status=TermStatus.ACCEPTED, homograph=True, note="a royal household"
        )
        store.set_unit(court.id, "fr", "tribunal", status=UnitStatus.REVIEWED, origin="human:Ana")
        store.set_unit(court2.id, "fr", "cour", status=UnitStatus.TRANSLATED, origin="import:x.csv")
        store.set_unit(
            court2.id,
            "ru",
            "двор",
            status=UnitStatus.REVIEWED,
            origin="curated",
            alternatives=[Alternative("суд", origin="human:po")],
            conflict=True,
        )
        store.add_term("obsolete wording", status=TermStatus.REJECTED)


@pytest.fixture
def seeded(project: Project) -> Project:
    seed(project)
    catalogs.write_all(project, project.load_store())
    return project


def fr_po(project: Project) -> Path:
    return catalogs.po_path(project, "fr")


def edit(
    path: Path,
    ctxt: str,
    *,
    msgstr: str | None = None,
    fuzzy: bool | None = None,
    tcomment: str | None = None,
    translator: str | None = None,
) -> None:
    """Edit one entry as a PO editor would, through polib."""
    po = polib.pofile(str(path), wrapwidth=78)
    if translator is not None:
        po.metadata["Last-Translator"] = translator
    entry = next(e for e in po if e.msgctxt == ctxt)
    if msgstr is not None:
        entry.msgstr = msgstr
    if fuzzy is True and "fuzzy" not in entry.flags:
        entry.flags.append("fuzzy")
    if fuzzy is False and "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    if tcomment is not None:
        entry.tcomment = tcomment
    po.save(str(path))


def store_bytes(project: Project) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(project.glossary_dir.rglob("*.jsonl"))}


# --- generation ---------------------------------------------------------------


def test_generation_matches_golden_files(seeded: Project) -> None:
    texts = catalogs.render_all(seeded, seeded.load_store())
    assert [p.relative_to(seeded.root).as_posix() for p in texts] == [
        "locales/glossary.pot",
        *(
            f"locales/{lang}/LC_MESSAGES/glossary.po"
            for lang in ["de", "es", "fr", "ja", "mn", "ru", "vi"]
        ),
    ]
    for name in ("glossary.pot", "fr.po", "ru.po", "ja.po"):
        lang = name.removesuffix(".po")
        path = (
            catalogs.pot_path(seeded) if name.endswith(".pot") else catalogs.po_path(seeded, lang)
        )
        golden = GOLDEN / name
        if UPDATE:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(texts[path], encoding="utf-8")
        assert texts[path] == golden.read_text(encoding="utf-8"), name
        assert path.read_text(encoding="utf-8") == texts[path]


def test_every_catalog_passes_msgfmt_check(seeded: Project) -> None:
    for path in catalogs.render_all(seeded, seeded.load_store()):
        run = subprocess.run(
            ["msgfmt", "-c", "-o", os.devnull, str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert run.returncode == 0, run.stderr
        if path.suffix == ".po":
            assert run.stderr == "", run.stderr
        else:  # a template has no language; xgettext writes the same empty field
            assert "'Language' still has the initial default value" in run.stderr


def test_entries_follow_the_rules(seeded: Project) -> None:
    po = polib.pofile(str(fr_po(seeded)))
    entries = {e.msgctxt: e for e in po}
    assert "obsolete-wording" not in entries  # rejected terms are left out
    assert entries["procuratorial-organs"].msgstr == "organes du parquet"
    assert entries["procuratorial-organs"].flags == []
    assert entries["procuratorial-organs"].occurrences == [
        ("seeds/spp.txt", "3"),
        ("seeds/spp.txt", "9"),
    ]
    assert "Context: The procuratorial organs handle" in entries["procuratorial-organs"].comment
    assert entries["supreme-peoples-procuratorate"].flags == ["fuzzy"]  # MT draft
    assert entries["court"].msgstr == "tribunal" and entries["court-2"].msgstr == "cour"
    assert entries["mutual-legal-assistance"].flags == ["fuzzy"]
    assert "Candidate term" in entries["mutual-legal-assistance"].comment
    assert "Abbreviation of: Supreme People's Procuratorate" in entries["spp"].comment
    ru = {e.msgctxt: e for e in polib.pofile(str(catalogs.po_path(seeded, "ru")))}
    assert ru["spp"].msgstr == "" and ru["spp"].flags == []  # a rejected unit is not offered
    assert ru["court-2"].flags == ["fuzzy"]  # in conflict: shown for review with the other text
    assert "Conflict, also proposed: суд (human:po)" in ru["court-2"].comment
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n > 1);"
    assert po.metadata["Language"] == "fr" and po.metadata["Language-Team"] == "French"
    assert po.metadata["Project-Id-Version"] == "test 0.1.0"


def test_mo_files_load_with_gettext(seeded: Project) -> None:
    store = seeded.load_store()
    written = catalogs.compile_mo(seeded, store)
    assert len(written) == 7 and catalogs.compile_mo(seeded, store) == []
    fr = gettext.translation("glossary", localedir=str(seeded.locales_dir), languages=["fr"])
    assert fr.pgettext("procuratorial-organs", "procuratorial organs") == "organes du parquet"
    assert fr.pgettext("court", "court") == "tribunal"
    assert fr.pgettext("court-2", "court") == "cour"
    # drafts are not shipped: gettext falls back to the English
    assert fr.pgettext("supreme-peoples-procuratorate", "Supreme People's Procuratorate") == (
        "Supreme People's Procuratorate"
    )
    ru = gettext.translation("glossary", localedir=str(seeded.locales_dir), languages=["ru"])
    assert ru.pgettext("procuratorial-organs", "procuratorial organs") == "органы прокуратуры"
    assert ru.ngettext("term", "terms", 5) == "terms"  # Plural-Forms parses


def test_running_twice_writes_nothing(seeded: Project) -> None:
    before = {p: p.read_bytes() for p in seeded.locales_dir.rglob("*.po*")}
    assert catalogs.write_all(seeded, seeded.load_store()) == []
    assert {p: p.read_bytes() for p in seeded.locales_dir.rglob("*.po*")} == before


def test_one_changed_translation_changes_one_entry(
    seeded: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = fr_po(seeded).read_text(encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1767225600 + 86400 * 3))
    with seeded.transaction() as store:
        store.set_unit(
            "court-2", "fr", "cour royale", status=UnitStatus.REVIEWED, origin="human:Ana"
        )
    written = catalogs.write_all(seeded, seeded.load_store())
    assert written == [fr_po(seeded)]
    after = fr_po(seeded).read_text(encoding="utf-8")
    changed = [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0, lineterm="")
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert changed == [
        '-"PO-Revision-Date: 2026-01-01 00:00+0000\\n"',
        '+"PO-Revision-Date: 2026-01-04 00:00+0000\\n"',
        *[line for line in changed if "termsmith-base" in line],
        '-msgstr "cour"',
        '+msgstr "cour royale"',
    ]
    assert len([line for line in changed if "termsmith-base" in line]) == 2
    # the date stays once written, whatever the clock says
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(1767225600 + 86400 * 9))
    assert catalogs.write_all(seeded, seeded.load_store()) == []


def test_other_readers_agree(seeded: Project) -> None:
    path = fr_po(seeded)
    with path.open("rb") as handle:
        babel_catalog = read_po(handle, abort_invalid=True)
    assert babel_catalog.locale is not None and str(babel_catalog.locale) == "fr"
    message = babel_catalog.get("court", context="court-2")
    assert message is not None and message.string == "cour" and not message.fuzzy
    draft = babel_catalog.get(
        "Supreme People's Procuratorate", context="supreme-peoples-procuratorate"
    )
    assert draft is not None and draft.fuzzy and draft.string == 'Parquet populaire "suprême"'
    units = {
        u.getcontext(): u
        for u in ttk_po.pofile.parsestring(path.read_bytes()).units
        if not u.isheader()
    }
    assert units["mutual-legal-assistance"].target == "entraide judiciaire\\n"
    assert units["mutual-legal-assistance"].isfuzzy()
    assert units["procuratorial-organs"].source == "procuratorial organs"
    assert not units["procuratorial-organs"].isfuzzy()


def _no_controls(text: str) -> str:
    # translate-toolkit reads polib's \b, \f and \v escapes back as the letters b, f, v
    return "".join(c for c in text if c not in "\b\f\v")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts.map(_no_controls).map(str.strip).filter(bool), texts.map(_no_controls).filter(bool))
def test_other_readers_agree_on_any_text(english: str, translation: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        proj = project_mod.init(Path(tmp) / "p", languages=["ru"])
        store = Store(proj.glossary_dir)
        term = store.add_term(english, status=TermStatus.ACCEPTED)
        store.set_unit(term.id, "ru", translation, status=UnitStatus.DRAFT, origin=MT)
        data = catalogs.render_po(proj, store, "ru").encode("utf-8")
    message = read_po(io.BytesIO(data), abort_invalid=True).get(english, context=term.id)
    assert message is not None and message.string == translation and message.fuzzy
    (unit,) = [u for u in ttk_po.pofile.parsestring(data).units if not u.isheader()]
    assert (unit.getcontext(), unit.source, unit.target) == (term.id, english, translation)
    assert unit.isfuzzy()


# --- po sync ------------------------------------------------------------------


def test_sync_without_edits_changes_nothing(seeded: Project) -> None:
    before = store_bytes(seeded)
    report = catalogs.sync(seeded)
    assert report.reviewed == report.drafts == report.conflicts == report.notices == []
    assert report.unchanged == 7 * 6 and report.written == []
    assert store_bytes(seeded) == before


def test_changed_and_unfuzzied_becomes_reviewed_by_the_translator(seeded: Project) -> None:
    path = fr_po(seeded)
    edit(
        path,
        "supreme-peoples-procuratorate",
        msgstr="Parquet populaire suprême",
        fuzzy=False,
        translator="Ana Díaz <ana@example.org>",
    )
    edited = path.read_text(encoding="utf-8")
    report = catalogs.sync(seeded)
    assert report.reviewed == ["fr/supreme-peoples-procuratorate"]
    unit = seeded.load_store().unit("supreme-peoples-procuratorate", "fr")
    assert unit is not None
    assert (unit.text, unit.status, unit.origin, unit.rev) == (
        "Parquet populaire suprême",
        UnitStatus.REVIEWED,
        "human:Ana Díaz",
        2,
    )
    # The file keeps the edit; only its record of the synced state moves on.
    after = path.read_text(encoding="utf-8")
    diff = [
        line
        for line in difflib.unified_diff(edited.splitlines(), after.splitlines(), n=0, lineterm="")
        if line[:1] in "+-" and line[:3] not in ("+++", "---")
    ]
    assert [line[1:] for line in diff] == [
        '"Last-Translator: Ana Díaz <ana@example.org>\\n"',
        '"Last-Translator: \\n"',
        *[line[1:] for line in diff if "termsmith-base" in line],
    ]
    assert catalogs.write_all(seeded, seeded.load_store()) == []  # 'termsmith po' leaves it be


def test_changed_but_still_fuzzy_stays_a_draft(seeded: Project) -> None:
    edit(fr_po(seeded), "mutual-legal-assistance", msgstr="entraide judiciaire")
    report = catalogs.sync(seeded)
    assert report.drafts == ["fr/mutual-legal-assistance"]
    unit = seeded.load_store().unit("mutual-legal-assistance", "fr")
    assert unit is not None
    assert (unit.text, unit.status, unit.origin) == (
        "entraide judiciaire",
        UnitStatus.DRAFT,
        "human:po",
    )


def test_approving_a_draft_reviews_it_and_keeps_its_origin(seeded: Project) -> None:
    edit(fr_po(seeded), "supreme-peoples-procuratorate", fuzzy=False)
    report = catalogs.sync(seeded)
    assert report.reviewed == ["fr/supreme-peoples-procuratorate"]
    unit = seeded.load_store().unit("supreme-peoples-procuratorate", "fr")
    assert unit is not None
    assert (unit.status, unit.origin, unit.rev) == (UnitStatus.REVIEWED, MT, 2)


def test_new_translation_and_translator_note(seeded: Project) -> None:
    edit(catalogs.po_path(seeded, "de"), "court", msgstr="Gericht", tcomment="ordinary courts only")
    edit(
        fr_po(seeded),
        "court",
        tcomment="not 'cour'\ntermsmith-base: "
        + catalogs.unit_state(seeded.load_store().unit("court", "fr")).digest(),
    )
    report = catalogs.sync(seeded)
    assert report.reviewed == ["de/court"] and report.notes == ["fr/court"]
    store = seeded.load_store()
    de, fr = store.unit("court", "de"), store.unit("court", "fr")
    assert de is not None and fr is not None
    assert (de.text, de.status, de.note, de.rev) == (
        "Gericht",
        UnitStatus.REVIEWED,
        "ordinary courts only",
        1,
    )
    assert (fr.note, fr.status, fr.origin) == ("not 'cour'", UnitStatus.REVIEWED, "human:Ana")
    assert catalogs.write_all(seeded, store) == []


def test_conflict_keeps_both_and_is_reported(seeded: Project) -> None:
    with seeded.transaction() as store:  # the store moves on after the PO was written
        store.set_unit("court", "fr", "juridiction", status=UnitStatus.REVIEWED, origin="human:Léa")
    edit(fr_po(seeded), "court", msgstr="tribunal judiciaire", translator="Ana")
    report = catalogs.sync(seeded)
    assert len(report.conflicts) == 1
    assert "conflict in fr/court" in report.conflicts[0]
    assert report.conflicts[0].startswith("locales/fr/LC_MESSAGES/glossary.po:")
    unit = seeded.load_store().unit("court", "fr")
    assert unit is not None and unit.conflict
    assert (unit.text, unit.origin) == ("juridiction", "human:Léa")
    assert unit.alternatives == [Alternative("tribunal judiciaire", origin="human:Ana")]
    # The catalog now offers the store's text as fuzzy, with the other one beside it …
    entry = next(e for e in polib.pofile(str(fr_po(seeded))) if e.msgctxt == "court")
    assert entry.msgstr == "juridiction" and entry.flags == ["fuzzy"]
    assert "Conflict, also proposed: tribunal judiciaire (human:Ana)" in entry.comment
    # … and a reviewer resolves it there.
    edit(fr_po(seeded), "court", msgstr="tribunal judiciaire", fuzzy=False, translator="Ana")
    report = catalogs.sync(seeded)
    assert report.reviewed == ["fr/court"] and report.conflicts == []
    unit = seeded.load_store().unit("court", "fr")
    assert unit is not None and not unit.conflict and unit.text == "tribunal judiciaire"


def test_a_stale_file_does_not_undo_the_store(seeded: Project) -> None:
    with seeded.transaction() as store:
        store.set_unit("court", "fr", "juridiction", status=UnitStatus.REVIEWED, origin="human:Léa")
    report = catalogs.sync(seeded)
    assert report.conflicts == [] and report.reviewed == []
    unit = seeded.load_store().unit("court", "fr")
    assert unit is not None and unit.text == "juridiction" and not unit.conflict
    assert 'msgstr "juridiction"' in fr_po(seeded).read_text(encoding="utf-8")


def test_without_a_base_a_reviewed_unit_is_protected(seeded: Project) -> None:
    edit(fr_po(seeded), "court", msgstr="tribunal civil", tcomment="")
    edit(fr_po(seeded), "court-2", msgstr="cour du roi", tcomment="", fuzzy=True)
    report = catalogs.sync(seeded)
    assert len(report.conflicts) == 1
    assert "conflict in fr/court: the glossary's translation is reviewed" in report.conflicts[0]
    assert report.drafts == ["fr/court-2"]


def test_unknown_obsolete_and_plural_entries_are_reported(seeded: Project) -> None:
    path = fr_po(seeded)
    po = polib.pofile(str(path))
    po.append(polib.POEntry(msgctxt="no-such-term", msgid="nothing", msgstr="rien"))
    po.append(polib.POEntry(msgctxt="obsolete-wording", msgid="obsolete wording", msgstr="vieux"))
    po.append(polib.POEntry(msgctxt="gone", msgid="gone", msgstr="parti", obsolete=True))
    po.append(
        polib.POEntry(
            msgctxt="court", msgid="court %d", msgid_plural="courts", msgstr_plural={0: "a", 1: "b"}
        )
    )
    po.save(str(path))
    before = store_bytes(seeded)
    report = catalogs.sync(seeded)
    text = "\n".join(report.notices)
    assert "entry 'no-such-term' is not in the glossary; not imported" in text
    assert "entry 'obsolete-wording' is not in the glossary" in text
    assert "obsolete entry 'gone' not imported" in text
    assert "plural entry 'court' not imported" in text
    assert all(n.startswith("locales/fr/LC_MESSAGES/glossary.po:") for n in report.notices)
    assert store_bytes(seeded) == before


def test_wrong_language_header_is_refused_and_left_alone(seeded: Project) -> None:
    path = fr_po(seeded)
    edit(path, "court", msgstr="Gericht", fuzzy=False)
    text = path.read_text(encoding="utf-8").replace('"Language: fr\\n"', '"Language: de\\n"')
    path.write_text(text, encoding="utf-8")
    before = store_bytes(seeded)
    report = catalogs.sync(seeded)
    assert report.notices == [
        "locales/fr/LC_MESSAGES/glossary.po: the header says 'Language: de' but the file is "
        "for 'fr'; not imported, left as it is"
    ]
    assert store_bytes(seeded) == before
    assert path.read_text(encoding="utf-8") == text


@pytest.mark.parametrize(
    ("broken", "line_of"),
    [
        ('msgstr "tribunal"', 'msgstr "tribunal'),
        ('msgstr "tribunal"', 'msgstr "tri"bunal"'),
        ('msgstr "tribunal"', 'msgstr "tribunal"\nmsgstr "again"'),
        ('msgid "court"', "msgid court"),
    ],
)
def test_syntax_error_names_the_line_and_writes_nothing(
    seeded: Project, broken: str, line_of: str
) -> None:
    edit(catalogs.po_path(seeded, "de"), "court", msgstr="Gericht", fuzzy=False)
    path = fr_po(seeded)
    text = path.read_text(encoding="utf-8")
    assert broken in text
    bad = text.replace(broken, line_of, 1)
    path.write_text(bad, encoding="utf-8")
    expected_line = bad[: bad.index(line_of)].count("\n") + 1
    before = store_bytes(seeded)
    de_before = catalogs.po_path(seeded, "de").read_bytes()
    with pytest.raises(InputFileError) as info:
        catalogs.sync(seeded)
    assert info.value.path == path
    assert info.value.line in (expected_line, expected_line + 1)
    assert str(info.value).startswith(f"{path}:{info.value.line}: ")
    assert store_bytes(seeded) == before
    assert catalogs.po_path(seeded, "de").read_bytes() == de_before


def test_invalid_utf8_names_the_line(seeded: Project) -> None:
    path = fr_po(seeded)
    data = path.read_bytes().replace(b'msgstr "tribunal"', b'msgstr "trib\xffunal"', 1)
    path.write_bytes(data)
    line = data[: data.index(b"\xff")].count(b"\n") + 1
    with pytest.raises(InputFileError, match=f":{line}: invalid UTF-8"):
        catalogs.sync(seeded)


def test_sync_reports_a_catalog_for_a_foreign_language(seeded: Project) -> None:
    other = seeded.locales_dir / "it" / "LC_MESSAGES" / "glossary.po"
    other.parent.mkdir(parents=True)
    other.write_bytes(fr_po(seeded).read_bytes())
    report = catalogs.sync(seeded)
    assert report.notices == [
        "locales/it/LC_MESSAGES/glossary.po: 'it' is not a target language of this project; not imported"
    ]


def test_store_to_po_to_store_via_sync_keeps_nfd_input_as_nfc(seeded: Project) -> None:
    edit(fr_po(seeded), "court", msgstr="Vie\u0323\u0302n", fuzzy=False)
    catalogs.sync(seeded)
    unit = Store.load(seeded.glossary_dir).unit("court", "fr")
    assert unit is not None and unit.text == "Vi\u1ec7n"


def test_unsynced_edits(seeded: Project) -> None:
    store = seeded.load_store()
    assert catalogs.unsynced_edits(seeded, store) == []
    # a git merge of catalogs flags a conflicting entry fuzzy: not a translator's edit
    edit(fr_po(seeded), "court", fuzzy=True)
    assert catalogs.unsynced_edits(seeded, store) == []
    edit(fr_po(seeded), "court-2", msgstr="cour royale")
    edit(fr_po(seeded), "supreme-peoples-procuratorate", fuzzy=False)
    found = catalogs.unsynced_edits(seeded, store)
    assert [f.split(": ")[1] for f in found] == ["fr/court-2", "fr/supreme-peoples-procuratorate"]
    assert all(f.startswith("locales/fr/LC_MESSAGES/glossary.po:") for f in found)
    catalogs.sync(seeded)
    assert catalogs.unsynced_edits(seeded, seeded.load_store()) == []


def test_long_notes_wrap_once_and_evenly(project: Project) -> None:
    note = " ".join(f"word{i:02d}" for i in range(60))  # 11 words make 76 columns
    with project.transaction() as store:
        term = store.add_term("extradition", status=TermStatus.ACCEPTED, note=note)
        store.set_unit(
            term.id, "fr", "extradition", status=UnitStatus.REVIEWED, origin="curated", note=note
        )
    text = catalogs.render_po(project, project.load_store(), "fr")
    comment = [line for line in text.splitlines() if line.startswith("#. ")]
    translator = [line for line in text.splitlines() if line.startswith("# word")]
    for lines in (comment, translator):
        assert len(lines) > 3
        assert all(len(line) <= 78 for line in lines)
        assert all(len(line) > 60 for line in lines[:-1])  # no orphan left by a second wrap
    # and the note reads back as it was, so sync sees no edit
    catalogs.write_all(project, project.load_store())
    assert catalogs.sync(project).notes == []
