"""Recording candidates in the store: provenance, ids and statuses kept, idempotence."""

from __future__ import annotations

import shutil
from pathlib import Path

from termsmith.extraction import add_to_store, extract, extract_project, read
from termsmith.model import TermKind, TermStatus
from termsmith.project import Project

SEED = Path(__file__).resolve().parents[2] / "seeds" / "spp-foreign-related-prosecution.txt"


def seeded(project: Project) -> Path:
    target = project.seeds_dir / "spp.txt"
    shutil.copy(SEED, target)
    return target


def test_add_records_candidates_with_sources(project: Project) -> None:
    seeded(project)
    _, cands = extract_project(project)
    with project.transaction() as store:
        added = add_to_store(store, cands, project.root)
    assert len(added) == len(cands)
    store = project.load_store()
    (organs,) = store.find("procuratorial organs")
    assert organs.status is TermStatus.CANDIDATE
    assert organs.score is not None and organs.score > 0
    source = organs.sources[0]
    assert source.doc == "seeds/spp.txt"
    text = SEED.read_text(encoding="utf-8")
    assert source.start is not None and source.end is not None
    assert text[source.start : source.end].lower() == "procuratorial organs"
    assert source.sentence in " ".join(text.split())
    assert source.line == 2


def test_abbreviation_expands_to_the_expansion_id(project: Project) -> None:
    seeded(project)
    _, cands = extract_project(project)
    with project.transaction() as store:
        add_to_store(store, cands, project.root)
    store = project.load_store()
    (spp,) = store.find("SPP")
    (full,) = store.find("Supreme People's Procuratorate")
    assert spp.kind is TermKind.ABBREVIATION
    assert spp.expands == full.id
    assert full.kind is TermKind.NAME


def test_adding_twice_changes_nothing(project: Project) -> None:
    seeded(project)
    _, cands = extract_project(project)
    with project.transaction() as store:
        add_to_store(store, cands, project.root)
    before = {p: p.read_bytes() for p in project.glossary_dir.rglob("*.json*")}
    _, again = extract_project(project)
    with project.transaction() as store:
        assert add_to_store(store, again, project.root) == []
    assert {p: p.read_bytes() for p in project.glossary_dir.rglob("*.json*")} == before


def test_existing_terms_keep_id_and_status_and_rejected_stay_rejected(project: Project) -> None:
    seeded(project)
    with project.transaction() as store:
        kept = store.add_term(
            "procuratorial organs", term_id="organs-1", status=TermStatus.ACCEPTED
        )
        # A variant form of an extracted term counts as the same term.
        gone = store.add_term("thematic presentations", status=TermStatus.REJECTED)
    _, cands = extract_project(project, top=200)
    with project.transaction() as store:
        added = add_to_store(store, cands, project.root)
    assert all(t.term not in ("thematic presentation", "thematic presentations") for t in added)
    store = project.load_store()
    assert store.term("organs-1").status is TermStatus.ACCEPTED
    assert store.term("organs-1").sources == []
    assert store.term(gone.id).status is TermStatus.REJECTED
    assert kept.id == "organs-1"
    assert len(store.find("procuratorial organs")) == 1


def test_sources_outside_the_project_are_relative_paths(project: Project, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "doc.txt"
    outside.parent.mkdir()
    outside.write_text("Money laundering is a crime. Money laundering harms.", encoding="utf-8")
    cands = extract(read([outside]), top=1)
    with project.transaction() as store:
        (term,) = add_to_store(store, cands, project.root)
    assert term.sources[0].doc == "../elsewhere/doc.txt"


def test_project_stop_and_keep_lists(project: Project) -> None:
    seeded(project)
    project.config.stop = ["procuratorial organs"]
    project.config.keep = ["graduation ceremony"]
    _, cands = extract_project(project, top=3)
    terms = {c.term for c in cands}
    assert "procuratorial organs" not in terms
    assert "graduation ceremony" in terms


def test_a_term_with_the_same_key_is_the_same_term(project: Project) -> None:
    seeded(project)
    with project.transaction() as store:
        curated = store.add_term("local procuratorate", status=TermStatus.ACCEPTED)
    _, cands = extract_project(project, top=200)
    assert "local procuratorates" in {c.term for c in cands}
    with project.transaction() as store:
        added = add_to_store(store, cands, project.root)
    assert "local procuratorates" not in {t.term for t in added}
    store = project.load_store()
    assert store.term(curated.id).status is TermStatus.ACCEPTED
    assert store.find("local procuratorates") == []
