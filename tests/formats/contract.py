"""The contract every interchange format keeps, as translate-toolkit's ``test_base.py``.

A format's test module subclasses :class:`FormatContract`, names the format and
says, in :meth:`FormatContract.view`, which part of the store the format holds;
the round trip store → file → store must keep exactly that part.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.strategies import texts

from termsmith import formats
from termsmith import project as project_mod
from termsmith.interchange import LanguageMapper, apply_import
from termsmith.model import Alternative, Source, TermKind, TermStatus, UnitStatus
from termsmith.project import Project
from termsmith.store import Store
from termsmith.xmlsafe import illegal_char

LANGS = ["fr", "ru", "ja", "vi"]
ORIGINS = ["curated", "human:Анна", "mt:argos/translate-en_fr@1.9", "import:old file.tmx"]

#: text XML 1.0 can hold (no C0 controls but tab/LF/CR, no U+FFFE/FFFF); CSV and JSON
#: hold more, but one alphabet for all keeps the contract the same for every format
xml_texts = texts.filter(lambda s: illegal_char(s) is None)
nonblank = xml_texts.filter(lambda s: s.strip() != "")
term_texts = nonblank.map(str.strip)
optional = st.one_of(st.just(""), nonblank)
dates = st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)).map(dt.date.isoformat)


@st.composite
def glossaries(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Terms with every field the store has, and translations in some of :data:`LANGS`."""
    english = draw(st.lists(term_texts, max_size=4, unique=True))
    glossary = []
    for text in english:
        units = {}
        for lang in draw(st.lists(st.sampled_from(LANGS), unique=True)):
            units[lang] = {
                "text": draw(nonblank),
                "status": draw(st.sampled_from(UnitStatus)),
                "origin": draw(st.sampled_from(ORIGINS)),
                "note": draw(optional),
                "rev": draw(st.integers(1, 40)),
                "changed": draw(dates),
                "alternatives": draw(
                    st.lists(
                        st.builds(
                            Alternative,
                            text=nonblank,
                            origin=st.sampled_from(ORIGINS),
                            score=st.one_of(st.none(), st.floats(0, 1)),
                        ),
                        max_size=2,
                    )
                ),
            }
        glossary.append(
            {
                "text": text,
                "status": draw(st.sampled_from(TermStatus)),
                "kind": draw(st.sampled_from(TermKind)),
                "pos": draw(optional.filter(lambda s: s.strip() != "properNoun")),
                "note": draw(optional),
                "domain": draw(optional),
                "variants": draw(
                    st.lists(term_texts.filter(lambda s, t=text: s != t), max_size=2, unique=True)
                ),
                "sources": draw(
                    st.lists(st.builds(Source, doc=nonblank, sentence=nonblank), max_size=2)
                ),
                "units": units,
            }
        )
    return glossary


def build(glossary: list[dict[str, Any]], path: Path) -> Store:
    """A store holding ``glossary`` (as :func:`glossaries` draws it)."""
    store = Store(path)
    for spec in glossary:
        term = store.add_term(
            spec["text"],
            status=spec["status"],
            kind=spec["kind"],
            pos=spec["pos"],
            note=spec["note"],
            domain=spec["domain"],
            variants=spec["variants"],
            sources=spec["sources"],
        )
        for lang, u in spec["units"].items():
            unit = store.set_unit(
                term.id,
                lang,
                u["text"],
                status=u["status"],
                origin=u["origin"],
                note=u["note"],
                alternatives=u["alternatives"],
            )
            assert unit is not None
            unit.rev, unit.changed = u["rev"], u["changed"]
    return store


SAMPLE = [
    {
        "text": "procuratorial organs",
        "status": TermStatus.ACCEPTED,
        "kind": TermKind.TERM,
        "pos": "noun",
        "note": "organs that exercise\nprocuratorial power",
        "domain": "law",
        "variants": ["procuratorate organs"],
        "sources": [Source(doc="spp.txt", sentence="The procuratorial organs & courts.")],
        "units": {
            "fr": {
                "text": "organes du parquet",
                "status": UnitStatus.REVIEWED,
                "origin": "human:Anne",
                "note": "<validé>",
                "rev": 3,
                "changed": "2025-06-30",
                "alternatives": [],
            },
            "ru": {
                "text": "органы прокуратуры",
                "status": UnitStatus.DRAFT,
                "origin": "mt:argos/translate-en_ru@1.9",
                "note": "",
                "rev": 1,
                "changed": "2025-07-01",
                "alternatives": [Alternative("прокурорские органы", "mt:argos/x@1", 0.5)],
            },
        },
    },
    {
        "text": "SPP",
        "status": TermStatus.CANDIDATE,
        "kind": TermKind.ABBREVIATION,
        "pos": "",
        "note": "",
        "domain": "",
        "variants": [],
        "sources": [],
        "units": {
            "ja": {
                "text": "最高人民検察院",
                "status": UnitStatus.TRANSLATED,
                "origin": "curated",
                "note": "",
                "rev": 2,
                "changed": "2025-01-02",
                "alternatives": [],
            },
            "vi": {
                "text": "Viện Kiểm sát nhân dân tối cao",
                "status": UnitStatus.REJECTED,
                "origin": "curated",
                "note": "",
                "rev": 1,
                "changed": "2025-01-02",
                "alternatives": [],
            },
        },
    },
    {
        "text": "Supreme People's Court",
        "status": TermStatus.REJECTED,
        "kind": TermKind.NAME,
        "pos": "",
        "note": "",
        "domain": "",
        "variants": [],
        "sources": [],
        "units": {},
    },
]


class FormatContract:
    """Tests every format passes; subclasses set :attr:`name` and :attr:`suffix`."""

    name = ""
    suffix = ""

    @pytest.fixture(scope="class")
    @classmethod
    def proj(cls, tmp_path_factory: pytest.TempPathFactory) -> Project:
        """One project per format (en → :data:`LANGS`); stores are built in memory."""
        return project_mod.init(tmp_path_factory.mktemp("contract") / "p", languages=LANGS)

    # what the format holds ---------------------------------------------------

    def view(self, store: Store) -> Any:
        """The part of ``store`` the format carries; the round trip must keep it."""
        raise NotImplementedError

    # helpers -------------------------------------------------------------------

    def module(self) -> Any:
        return formats.get(self.name)

    def write(self, store: Store, proj: Project, path: Path, **options: Any) -> Path:
        text = self.module().export(store, proj, **options)
        path.write_text(text, encoding="utf-8", newline="")
        return path

    def reimport(self, store: Store, proj: Project, tmp: Path) -> tuple[Store, Any]:
        path = self.write(store, proj, tmp / f"out{self.suffix}")
        fresh = Store(tmp / "fresh")
        summary = apply_import(
            fresh,
            self.module().read(path, proj),
            origin="import:out",
            mapper=LanguageMapper(proj.config.source, proj.languages),
        )
        return fresh, summary

    # the contract --------------------------------------------------------------

    def test_registered_by_name_and_extension(self) -> None:
        module = self.module()
        assert callable(module.export) and callable(module.read)
        assert formats.FORMATS[formats.guess(Path("x" + self.suffix))] in ("tbx", self.name)

    def test_empty_store(self, proj: Project, tmp_path: Path) -> None:
        path = self.write(Store(tmp_path / "g"), proj, tmp_path / f"empty{self.suffix}")
        assert self.module().read(path, proj) == []

    def test_sample_round_trip(self, proj: Project, tmp_path: Path) -> None:
        store = build(SAMPLE, tmp_path / "g")
        fresh, summary = self.reimport(store, proj, tmp_path)
        assert self.view(fresh) == self.view(store)
        assert summary.added == sum(len(table) for table in fresh.units.values())

    def test_export_is_stable(
        self, proj: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        store = build(SAMPLE, tmp_path / "g")
        first = self.module().export(store, proj)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "2000000000")  # another day: no date churn
        assert self.module().export(store, proj) == first

    def test_lang_limits_the_export(self, proj: Project, tmp_path: Path) -> None:
        store = build(SAMPLE, tmp_path / "g")
        path = self.write(store, proj, tmp_path / f"fr{self.suffix}", lang="fr")
        langs = {lang for entry in self.module().read(path, proj) for lang in entry.translations}
        assert langs == {"fr"}

    def test_reviewed_is_never_overwritten(self, proj: Project, tmp_path: Path) -> None:
        store = build(SAMPLE, tmp_path / "g")
        theirs = build(SAMPLE, tmp_path / "theirs")
        theirs.set_unit(
            "procuratorial-organs", "fr", "organes de poursuite", status=UnitStatus.REVIEWED,
            origin="curated",
        )  # fmt: skip
        path = self.write(theirs, proj, tmp_path / f"theirs{self.suffix}")
        summary = apply_import(
            store,
            self.module().read(path, proj),
            origin="import:theirs",
            mapper=LanguageMapper("en", proj.languages),
        )
        unit = store.unit("procuratorial-organs", "fr")
        assert unit is not None and unit.text == "organes du parquet"
        assert [a.text for a in unit.alternatives] == ["organes de poursuite"]
        assert summary.alternatives == 1

    # each subclass runs this method with its own format: differing executors are by design
    @settings(
        max_examples=30,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.differing_executors],
    )
    @given(glossary=glossaries())
    def test_round_trip(
        self, proj: Project, tmp_path_factory: pytest.TempPathFactory, glossary: Any
    ) -> None:
        tmp = tmp_path_factory.mktemp("rt")
        store = build(glossary, tmp / "g")
        fresh, _ = self.reimport(store, proj, tmp)
        assert self.view(fresh) == self.view(store)


def units(store: Store, *fields: str, terms: set[str] | None = None) -> set[tuple[Any, ...]]:
    """``(term id, lang, *fields)`` of every unit (of ``terms`` if given)."""
    return {
        (u.term_id, lang, *(getattr(u, f) for f in fields))
        for lang, table in store.units.items()
        for u in table.values()
        if terms is None or u.term_id in terms
    }
