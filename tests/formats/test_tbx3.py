"""TBX v3 (TBX-Basic): the contract, RELAX NG validity, the standard's example file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree
from tests.conftest import SHARED
from tests.formats.contract import SAMPLE, FormatContract, build, glossaries
from tests.formats.test_tbx import tbx_view

from termsmith import formats
from termsmith import project as project_mod
from termsmith.formats import tbx3
from termsmith.interchange import LanguageMapper, apply_import
from termsmith.model import UnitStatus
from termsmith.project import Project
from termsmith.store import Store

SCHEMAS = SHARED / "data" / "schemas"
ASTRONOMY = SCHEMAS / "Example_Astronomy_TBX-Basic_DCA_VALID.tbx"


@pytest.fixture(scope="module")
def rng() -> etree.RelaxNG:
    path = SCHEMAS / "TBXcoreStructV03.rng"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return etree.RelaxNG(etree.parse(str(path)))


class TestTbx3Contract(FormatContract):
    name = "tbx3"
    suffix = ".tbx"

    def view(self, store: Store) -> Any:
        return tbx_view(store, v3=True)

    def test_valid_against_tbx_core_rng(self, proj: Project, tmp_path: Path, rng: Any) -> None:
        for store in (build(SAMPLE, tmp_path / "g"), Store(tmp_path / "e")):
            doc = etree.fromstring(tbx3.export(store, proj).encode())
            assert rng.validate(doc), rng.error_log

    @settings(
        max_examples=20,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
    )
    @given(glossary=glossaries())
    def test_always_valid(
        self, proj: Project, tmp_path_factory: pytest.TempPathFactory, rng: Any, glossary: Any
    ) -> None:
        store = build(glossary, tmp_path_factory.mktemp("v") / "g")
        assert rng.validate(etree.fromstring(tbx3.export(store, proj).encode())), rng.error_log


def test_root_and_mapping(tmp_path: Path) -> None:
    proj = project_mod.init(tmp_path / "p", languages=["fr", "ru", "ja", "vi"])
    text = tbx3.export(build(SAMPLE, tmp_path / "g"), proj)
    assert (
        '<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" style="dca" xml:lang="en">'
    ) in text
    assert (
        """<termSec>
            <term>organes du parquet</term>
            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
            <transacGrp>
              <transac type="transactionType">modification</transac>
              <date>2025-06-30</date>
              <transacNote type="responsibility">human:Anne</transacNote>
            </transacGrp>
            <note>&lt;validé&gt;</note>
          </termSec>"""
        in text
    )
    assert '<descrip type="context">The procuratorial organs &amp; courts.</descrip>' in text
    assert "processStatus" not in text  # not a TBX-Basic data category
    # the rejected Vietnamese unit is deprecated; the rejected term (no term at all) is left out
    assert text.count("deprecatedTerm-admn-sts") == 1
    assert "Supreme People's Court" not in text


@pytest.mark.skipif(not ASTRONOMY.is_file(), reason=f"{ASTRONOMY} is absent")
def test_imports_the_standards_example(tmp_path: Path) -> None:
    proj = project_mod.init(tmp_path / "p", languages=["es", "fr"])
    assert formats.guess(ASTRONOMY) == "tbx"  # .tbx: v2 or v3, told by the root element
    store = Store(tmp_path / "g")
    summary = apply_import(
        store, formats.get("tbx").read(ASTRONOMY, proj), origin="import:astronomy.tbx",
        mapper=LanguageMapper("en", proj.languages),
    )  # fmt: skip
    assert summary.terms_added == 39 and summary.added == 39
    assert "notice: line 1611: no 'en' term; skipped" in summary.notices
    term = store.term("open-cluster")
    assert term.pos == "noun" and term.domain == "General"
    assert term.variants == ["galactic cluster"]
    assert "A group of stars formed together in the spiral arms of a galaxy." in term.note
    assert term.sources[0].doc == "http://seds.org/MESSIER/open.html"
    assert term.sources[0].sentence.startswith("Over 1100 open clusters are known in our Milky Way")
    unit = store.unit("dark-nebula", "es")
    assert unit is not None
    assert (unit.text, unit.status) == ("nebulosa oscura", UnitStatus.REVIEWED)
    assert [a.text for a in unit.alternatives] == ["nebulosa de absorción"]
