"""TMX: the contract, DTD validity, OmegaT's sample files, inline markup, encodings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from tests.conftest import SHARED
from tests.formats.contract import SAMPLE, FormatContract, build, units

from termsmith.errors import InputFileError, TermsmithError
from termsmith.formats import tmx
from termsmith.interchange import LanguageMapper, apply_import
from termsmith.model import TermStatus, UnitStatus
from termsmith.project import Project
from termsmith.store import Store

PEERS = SHARED / "data" / "peer-samples"
needs_shared = pytest.mark.skipif(not PEERS.is_dir(), reason=f"{PEERS} is absent")


class TestTmxContract(FormatContract):
    name = "tmx"
    suffix = ".tmx"

    def view(self, store: Store) -> Any:
        # rejected terms and translations stay out of TMX; alternatives, domain,
        # variants and sources are TBX/JSON matters
        kept = {t.id for t in store.terms.values() if t.status is not TermStatus.REJECTED}
        terms = {
            (t.id, t.term, t.status, t.kind, t.pos, t.note)
            for t in store.terms.values()
            if t.id in kept
        }
        fields = ("text", "status", "origin", "rev", "changed", "note")
        return terms, {
            u for u in units(store, *fields, terms=kept) if u[3] is not UnitStatus.REJECTED
        }

    @pytest.fixture(scope="class")
    @classmethod
    def dtd(cls) -> etree.DTD:
        path = SHARED / "data" / "schemas" / "tmx14.dtd"
        if not path.is_file():
            pytest.skip(f"{path} is absent")
        return etree.DTD(str(path))

    def test_valid_against_the_tmx14_dtd(self, proj: Project, tmp_path: Path, dtd: Any) -> None:
        text = tmx.export(build(SAMPLE, tmp_path / "g"), proj)
        assert dtd.validate(etree.fromstring(text.encode())), dtd.error_log
        assert dtd.validate(etree.fromstring(tmx.export(Store(tmp_path / "e"), proj).encode()))


def _project(tmp_path: Path, langs: list[str]) -> Project:
    from termsmith import project as project_mod

    return project_mod.init(tmp_path / "p", languages=langs)


def test_header_and_unit_layout(tmp_path: Path) -> None:
    proj = _project(tmp_path, ["fr", "ru", "ja", "vi"])
    text = tmx.export(build(SAMPLE, tmp_path / "g"), proj)
    assert text.startswith("<?xml version='1.0' encoding='UTF-8'?>\n<!DOCTYPE tmx SYSTEM")
    assert (
        '<header creationtool="termsmith" creationtoolversion="0.1.0" segtype="phrase" '
        'o-tmf="termsmith" adminlang="en" srclang="en" datatype="plaintext"/>'
    ) in text
    assert "creationdate" not in text
    assert (
        """
      <tuv xml:lang="fr" changedate="20250630T000000Z">
        <note>&lt;validé&gt;</note>
        <prop type="x-status">reviewed</prop>
        <prop type="x-origin">human:Anne</prop>
        <prop type="x-revision">3</prop>
        <seg>organes du parquet</seg>
      </tuv>"""
        in text
    )
    # rejected: the term "Supreme People's Court" and the Vietnamese translation of SPP
    assert "Supreme" not in text and "Viện" not in text


def test_control_characters_stop_the_export_with_where(tmp_path: Path) -> None:
    proj = _project(tmp_path, ["fr"])
    store = Store(tmp_path / "g")
    term = store.add_term("bell")
    store.set_unit(term.id, "fr", "cloche\x07", status=UnitStatus.DRAFT, origin="curated")
    with pytest.raises(TermsmithError, match=r"the fr text of term 'bell' holds .*U\+0007"):
        tmx.export(store, proj)


def _read(tmp_path: Path, xml: str | bytes, proj: Project, name: str = "in.tmx") -> Any:
    path = tmp_path / name
    if isinstance(xml, str):
        path.write_text(xml, encoding="utf-8")
    else:
        path.write_bytes(xml)
    return tmx.read(path, proj)


TMX11 = """<?xml version="1.0"?>
<tmx version="1.1"><header srclang="EN" creationtool="X" segtype="sentence" o-tmf="x"
 adminlang="en" datatype="plaintext" creationtoolversion="1"/><body>
<tu tuid="7"><note>tu note</note>
 <tuv lang="EN"><seg>{en}</seg></tuv>
 <tuv lang="FR" changedate="20240302T051308Z"><seg>{fr}</seg></tuv>
</tu></body></tmx>"""


def test_tmx11_lang_attribute_and_whitespace_kept(tmp_path: Path) -> None:
    proj = _project(tmp_path, ["fr"])
    [entry] = _read(tmp_path, TMX11.format(en="court", fr="  la\tcour \n"), proj)
    assert entry.term == "court"
    assert entry.id is None  # another tool's tuid is no termsmith id
    assert entry.note == "tu note"
    fr = entry.translations["FR"]
    assert (fr.text, fr.changed, fr.status, fr.origin) == (
        "  la\tcour \n",
        "2024-03-02",
        None,
        None,
    )


@pytest.mark.parametrize(
    ("seg", "text"),
    [
        ('First <ph x="1">{\\b}</ph>word', "First word"),
        ('<bpt i="1">&lt;b&gt;</bpt>bold<ept i="1">&lt;/b&gt;</ept> text', "bold text"),
        ('<it pos="begin">&lt;a&gt;</it>link', "link"),
        ('a <hi type="x">high<ph>{x}</ph>light</hi> b', "a highlight b"),
        ("note<ph>{\\footnote <sub>sub-flow</sub>}</ph>.", "note."),
        ("x<ut>{\\i}</ut>y", "xy"),
        ('<bpt i="5" type="n"/>xx<ept i="5">&lt;/z&gt;</ept>', "xx"),
    ],
)
def test_inline_markup_is_reduced_to_text(tmp_path: Path, seg: str, text: str) -> None:
    proj = _project(tmp_path, ["fr"])
    [entry] = _read(tmp_path, TMX11.format(en="en", fr=seg), proj)
    assert entry.translations["FR"].text == text


@pytest.mark.parametrize(
    ("seg", "message"),
    [
        ('<ept i="1">&lt;/b&gt;</ept>', '<ept i="1"> closes no open <bpt i="1">'),
        ('<bpt i="1">a</bpt><bpt i="1">b</bpt>', 'a second <bpt i="1"> opens'),
        ('<bpt i="2">a</bpt>x', '<bpt i="2"> is never closed'),
    ],
)
def test_unpaired_codes_are_invalid(tmp_path: Path, seg: str, message: str) -> None:
    proj = _project(tmp_path, ["fr"])
    with pytest.raises(InputFileError, match=r"in\.tmx:6: invalid TMX: ") as info:
        _read(tmp_path, TMX11.format(en="en", fr=seg), proj)
    assert message in str(info.value)


def test_utf16_with_bom(tmp_path: Path) -> None:
    proj = _project(tmp_path, ["fr"])
    xml = TMX11.format(en="court", fr="cour d'appel").replace(
        '<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>'
    )
    for codec in ("utf-16", "utf-16-be"):
        data = xml.encode(codec) if codec == "utf-16" else b"\xfe\xff" + xml.encode(codec)
        [entry] = _read(tmp_path, data, proj)
        assert entry.translations["FR"].text == "cour d'appel"


def test_srclang_all_and_regional_source(tmp_path: Path) -> None:
    proj = _project(tmp_path, ["fr"])
    xml = TMX11.format(en="court", fr="cour").replace('srclang="EN"', 'srclang="*all*"')
    xml = xml.replace('lang="EN"', 'lang="en-GB"')
    [entry] = _read(tmp_path, xml, proj)
    assert entry.term == "court" and list(entry.translations) == ["FR"]


def test_tu_srclang_overrides_the_header(tmp_path: Path) -> None:
    proj = _project(tmp_path, ["fr"])
    xml = TMX11.format(en="court", fr="cour").replace('srclang="EN"', 'srclang="fr"')
    [entry] = _read(tmp_path, xml, proj)
    assert entry.term == "court"  # the header names French: any English <tuv> is the source
    xml = xml.replace('<tu tuid="7">', '<tu tuid="7" srclang="en">').replace(
        '<tuv lang="EN">', '<tuv lang="en-US"><seg>US court</seg></tuv><tuv lang="EN">'
    )
    [entry] = _read(tmp_path, xml, proj)
    assert entry.term == "court" and entry.translations["en-US"].text == "US court"


def test_props_are_read_back_and_bad_ones_ignored(tmp_path: Path) -> None:
    proj = _project(tmp_path, ["fr"])
    xml = TMX11.format(en="court", fr="cour").replace(
        '<tuv lang="FR" changedate="20240302T051308Z">',
        '<tuv lang="FR" changedate="2024-03-02"><prop type="x-status">great</prop>'
        '<prop type="x-origin">somebody</prop><prop type="x-revision">-3</prop>',
    )
    [entry] = _read(tmp_path, xml, proj)
    fr = entry.translations["FR"]
    assert (fr.status, fr.origin, fr.rev, fr.changed) == (None, None, None, None)


def test_not_tmx(tmp_path: Path) -> None:
    proj = _project(tmp_path, ["fr"])
    with pytest.raises(
        InputFileError, match=r"in\.tmx:2: not a TMX file: the root element is <martif>"
    ):
        _read(tmp_path, "<?xml version='1.0'?>\n<martif/>", proj)
    with pytest.raises(InputFileError, match=r"in\.tmx:3: malformed XML: .*mismatch"):
        _read(tmp_path, "<tmx>\n<body>\n</tmx>", proj)


# --- OmegaT's sample files (GPL: read where they lie, never copied) ------------


@needs_shared
def test_omegat_invalid_is_refused_with_its_line(tmp_path: Path) -> None:
    proj = _project(tmp_path, ["fr", "be"])
    with pytest.raises(InputFileError) as info:
        tmx.read(PEERS / "omegat-invalid.tmx", proj)
    assert info.value.line == 12
    assert str(info.value).startswith(f"{PEERS / 'omegat-invalid.tmx'}:12: invalid TMX: ")


@needs_shared
@pytest.mark.parametrize(
    "name",
    sorted(p.name for p in PEERS.glob("omegat-*.tmx") if "invalid" not in p.name)
    if PEERS.is_dir()
    else [],
)
def test_omegat_samples_import(tmp_path: Path, name: str) -> None:
    proj = _project(tmp_path, ["fr", "es", "de", "be"])
    store = Store(tmp_path / "g")
    summary = apply_import(
        store,
        tmx.read(PEERS / name, proj),
        origin=f"import:{name}",
        mapper=LanguageMapper("en", proj.languages),
    )
    assert summary.terms_added > 0 and summary.added > 0
    assert all(
        u.origin == f"import:{name}" for table in store.units.values() for u in table.values()
    )


@needs_shared
def test_omegat_multiple_tuv_keeps_exact_language_and_regional_alternatives(tmp_path: Path) -> None:
    proj = _project(tmp_path, ["fr", "es", "de"])
    store = Store(tmp_path / "g")
    summary = apply_import(
        store,
        tmx.read(PEERS / "omegat-test-multiple-tuv14.tmx", proj),
        origin="import:m.tmx",
        mapper=LanguageMapper("en", proj.languages),
    )
    assert "notice: language 'ES-AR' read as 'es'" in summary.notices
    es = store.unit("hello-world", "es")
    assert es is not None and es.text == "¡Hola Mundo!"
    assert [a.text for a in es.alternatives] == ["(es_AR) ¡Hola Mundo!", "(es_BO) ¡Hola Mundo!"]
    fr = store.unit("hello-world", "fr")
    assert fr is not None and fr.text == "fr Bonjour tout le monde\u00a0!"
    assert {a.text for a in fr.alternatives} == {
        "fr_CA Bonjour le monde\u00a0!",
        "fr_CA Bonjour tout le monde\u00a0!",
    }


@needs_shared
def test_omegat_level2_inline_codes_and_tmx11(tmp_path: Path) -> None:
    proj = _project(tmp_path, ["be", "fr"])
    entries = tmx.read(PEERS / "omegat-test-level2.tmx", proj)
    assert [e.term for e in entries] == ["entuv", "First part  end.", "2  zz xx", "3 xx"]
    assert entries[1].translations["be"].text == "First  tr."
    [first, *_] = tmx.read(PEERS / "omegat-project_save.tmx", proj)
    assert (first.term, first.translations["fr"].changed) == ("Apertium", "2024-11-27")


# --- other tools read ours -----------------------------------------------------


def test_translate_toolkit_reads_our_tmx(tmp_path: Path) -> None:
    from translate.storage.tmx import tmxfile

    proj = _project(tmp_path, ["fr", "ru", "ja", "vi"])
    store = build(SAMPLE, tmp_path / "g")
    parsed = tmxfile.parsestring(tmx.export(store, proj, lang="fr").encode())
    found = {u.getid(): (u.source, u.target) for u in parsed.units}
    assert found == {"procuratorial-organs": ("procuratorial organs", "organes du parquet"),
                     "spp": ("SPP", None)}  # fmt: skip
    assert "<validé>" in parsed.units[0].getnotes()
