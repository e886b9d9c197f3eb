"""TBX v2 (martif): the contract, status mapping, ids, OmegaT's sample, translate-toolkit."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.conftest import SHARED
from tests.formats.contract import SAMPLE, FormatContract, build, units

from termsmith import project as project_mod
from termsmith.errors import InputFileError
from termsmith.formats import tbx
from termsmith.interchange import LanguageMapper, apply_import
from termsmith.model import TermKind, TermStatus, UnitStatus
from termsmith.project import Project
from termsmith.store import Store

OMEGAT_TBX = SHARED / "data" / "peer-samples" / "omegat-sampleTBXfile.tbx"


def tbx_view(store: Store, *, v3: bool) -> Any:
    """What TBX holds: every term but rejected ones, without revisions, alternatives,
    scores, offsets and ``expands``; v3 (TBX-Basic) has no draft or candidate either."""

    def kind(term: Any) -> TermKind:
        # a name is told by partOfSpeech "properNoun", so only when pos is free
        if term.kind is TermKind.NAME and term.pos:
            return TermKind.TERM
        return term.kind

    def term_status(status: TermStatus) -> TermStatus:
        return TermStatus.ACCEPTED if v3 and status is TermStatus.CANDIDATE else status

    def unit_status(status: UnitStatus) -> UnitStatus:
        return UnitStatus.TRANSLATED if v3 and status is UnitStatus.DRAFT else status

    # rejected terms stay out (they are no terms); rejected translations go out deprecated
    kept = {t.id for t in store.terms.values() if t.status is not TermStatus.REJECTED}
    terms = {
        (
            t.id, t.term, term_status(t.status), kind(t), t.pos, t.note, t.domain,
            tuple(t.variants), tuple((s.doc, s.sentence) for s in t.sources if s.sentence),
        )
        for t in store.terms.values()
        if t.id in kept
    }  # fmt: skip
    return terms, {
        (*u[:3], unit_status(u[3]), *u[4:])
        for u in units(store, "text", "status", "origin", "changed", "note", terms=kept)
    }


class TestTbxContract(FormatContract):
    name = "tbx"
    suffix = ".tbx"

    def view(self, store: Store) -> Any:
        return tbx_view(store, v3=False)


@settings(max_examples=50, deadline=None)
@given(st.text(min_size=1, max_size=20))
def test_term_ids_survive_as_xml_ids(term_id: str) -> None:
    made = tbx.xml_id(term_id)
    assert tbx.term_id(made) == term_id
    assert made[0].isascii() and (made[0].isalpha() or made[0] == "_")
    assert all(c.isascii() and (c.isalnum() or c in "._-") for c in made)


@pytest.mark.parametrize(
    ("status", "admin", "process"),
    [
        (UnitStatus.DRAFT, None, "unprocessed"),
        (UnitStatus.TRANSLATED, "admittedTerm-admn-sts", "provisionallyProcessed"),
        (UnitStatus.REVIEWED, "preferredTerm-admn-sts", "finalized"),
        (UnitStatus.REJECTED, "deprecatedTerm-admn-sts", "finalized"),
    ],
)
def test_status_mapping(
    tmp_path: Path, status: UnitStatus, admin: str | None, process: str
) -> None:
    proj = project_mod.init(tmp_path / "p", languages=["fr"])
    store = Store(tmp_path / "g")
    store.add_term("court")
    store.set_unit("court", "fr", "cour", status=status, origin="curated")
    text = tbx.export(store, proj)
    fr = text[text.index('<langSet xml:lang="fr">') :]
    assert (f'<termNote type="administrativeStatus">{admin}</termNote>' in fr) is bool(admin)
    assert f'<termNote type="processStatus">{process}</termNote>' in fr


def _read(tmp_path: Path, xml: str) -> Any:
    proj = project_mod.init(tmp_path / "p", languages=["fr", "hu"])
    path = tmp_path / "in.tbx"
    path.write_text(xml, encoding="utf-8")
    return tbx.read(path, proj)


FOREIGN = """<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>MultiTerm</p>
</sourceDesc></fileDesc></martifHeader><text><body>
<termEntry id="c1"><descrip type="definition">a body that
      judges</descrip>
 <langSet xml:lang="en-US"><tig><term>court</term>
   <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
  <ntig><termGrp><term>tribunal</term></termGrp></ntig></langSet>
 <langSet xml:lang="fr"><tig><term>tribunal</term></tig>
  <tig><term>cour</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
  <transacGrp><transac type="transactionType">modification</transac><date>2011-02-03</date>
  <transacNote type="responsibility">Tommy</transacNote></transacGrp></tig></langSet>
 <langSet xml:lang="de"><tig><term>Gericht</term>
  <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig></langSet>
</termEntry></body></text></martif>"""


def test_foreign_file_ids_whitespace_synonyms_and_statuses(tmp_path: Path) -> None:
    [entry] = _read(tmp_path, FOREIGN)
    assert entry.id is None  # "c1" means nothing in our store
    assert (entry.term, entry.status, entry.note) == (
        "court",
        TermStatus.REJECTED,
        "a body that judges",
    )
    assert entry.fields["variants"] == ["tribunal"]
    fr = entry.translations["fr"]
    assert (fr.text, fr.status, fr.origin, fr.changed) == (
        "cour",
        UnitStatus.REVIEWED,
        None,
        "2011-02-03",
    )
    assert [a.text for a in fr.alternatives] == ["tribunal"]
    assert entry.translations["de"].status is UnitStatus.TRANSLATED


def test_not_tbx_and_missing_lang(tmp_path: Path) -> None:
    with pytest.raises(
        InputFileError, match=r"in\.tbx:1: not a TBX file: the root element is <tmx>"
    ):
        _read(tmp_path / "a", "<tmx/>")
    bad = FOREIGN.replace('<langSet xml:lang="de">', "<langSet>")
    with pytest.raises(InputFileError, match=r"in\.tbx:13: a <langSet> has no xml:lang"):
        _read(tmp_path / "b", bad)


@pytest.mark.skipif(not OMEGAT_TBX.is_file(), reason=f"{OMEGAT_TBX} is absent")
def test_omegat_sample_tbx(tmp_path: Path) -> None:
    proj = project_mod.init(tmp_path / "p", languages=["fr", "hu"])
    store = Store(tmp_path / "g")
    summary = apply_import(
        store, tbx.read(OMEGAT_TBX, proj), origin="import:sample.tbx",
        mapper=LanguageMapper("en", proj.languages),
    )  # fmt: skip
    assert (summary.terms_added, summary.added) == (1, 1)
    term = store.term("alpha-smoothing-factor")
    assert (term.pos, term.domain, term.note) == (
        "noun",
        "manufacturing",
        "A value between 0 and 1 used in ...",
    )
    unit = store.unit(term.id, "hu")
    assert unit is not None and (unit.text, unit.origin) == ("hu translation", "import:sample.tbx")


def test_translate_toolkit_reads_our_tbx(tmp_path: Path) -> None:
    from translate.storage.tbx import tbxfile

    proj: Project = project_mod.init(tmp_path / "p", languages=["fr", "ru", "ja", "vi"])
    parsed = tbxfile.parsestring(
        tbx.export(build(SAMPLE, tmp_path / "g"), proj, lang="fr").encode()
    )
    found = {u.getid(): (u.source, u.target) for u in parsed.units}
    assert found == {
        "procuratorial-organs": ("procuratorial organs", "organes du parquet"),
        "spp": ("SPP", None),
    }


OMEGAT_XSD = SHARED / "data" / "schemas" / "tbx-omegat.xsd"
XML_XSD = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
 targetNamespace="http://www.w3.org/XML/1998/namespace">
 <xs:attribute name="lang" type="xs:language"/>
 <xs:attribute name="space" type="xs:NCName"/>
 <xs:attribute name="base" type="xs:anyURI"/>
 <xs:attribute name="id" type="xs:ID"/>
</xs:schema>"""


@pytest.mark.skipif(not OMEGAT_XSD.is_file(), reason=f"{OMEGAT_XSD} is absent")
def test_valid_against_omegats_tbx_schema(tmp_path: Path) -> None:
    from lxml import etree

    # the schema imports xml.xsd from beside it; the W3C's is four attribute declarations
    (tmp_path / "tbx-omegat.xsd").write_bytes(OMEGAT_XSD.read_bytes())
    (tmp_path / "xml.xsd").write_text(XML_XSD, encoding="utf-8")
    proj = project_mod.init(tmp_path / "p", languages=["fr", "ru", "ja", "vi"])
    schema = etree.XMLSchema(etree.parse(str(tmp_path / "tbx-omegat.xsd")))
    doc = etree.fromstring(tbx.export(build(SAMPLE, tmp_path / "g"), proj).encode())
    assert schema.validate(doc), schema.error_log
