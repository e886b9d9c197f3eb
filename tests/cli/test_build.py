"""``termsmith build``: the main job, idempotent, honest about missing models, dry runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
from tests.cli.test_translate import install
from tests.helpers import cli
from tests.tinymodels import TinyModels, tiny_models  # noqa: F401

from termsmith.model import TermStatus, UnitStatus
from termsmith.project import Project

SEED = Path(__file__).resolve().parents[2] / "seeds" / "spp-foreign-related-prosecution.txt"


def files(project: Project) -> dict[str, bytes]:
    """Every file a build may write, by path."""
    return {
        str(p.relative_to(project.root)): p.read_bytes()
        for base in (project.glossary_dir, project.locales_dir)
        for p in sorted(base.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


def with_seed(project: Project) -> Project:
    shutil.copy(SEED, project.seeds_dir / SEED.name)
    return project


def test_build_without_models_extracts_writes_catalogs_and_explains(project: Project) -> None:
    with_seed(project)
    run = cli("build")
    assert run.code == 0, run.err
    store = project.load_store()
    candidates = [t for t in store.terms.values() if t.status is TermStatus.CANDIDATE]
    assert len(candidates) >= 10
    assert "procuratorial-organs" in store.terms
    assert "new candidate(s) added" in run.out
    # no engine: a clear notice per language, not a failure
    for lang in ("fr", "ru", "es", "de", "ja", "mn", "vi"):
        assert f"  {lang}: " in run.out
    assert "skipped" in run.out and "termsmith models install" in run.out
    assert (project.locales_dir / "fr" / "LC_MESSAGES" / "glossary.po").is_file()
    assert (project.cache_dir / "index.sqlite").is_file()
    assert "Check: " in run.out and "Changed:" in run.out


def test_second_build_changes_nothing(project: Project) -> None:
    with_seed(project)
    cli("build")
    before = files(project)
    run = cli("build")
    assert run.code == 0
    assert "0 new candidate(s) added" in run.out
    assert "Nothing changed." in run.out
    assert files(project) == before


def test_dry_run_reports_and_writes_nothing(project: Project) -> None:
    with_seed(project)
    before = files(project)
    run = cli("build", "--dry-run")
    assert run.code == 0, run.err
    assert "new candidate(s) would be added" in run.out
    assert "  + procuratorial-organs" in run.out
    assert "Would change:" in run.out
    assert files(project) == before
    assert not (project.cache_dir / "index.sqlite").exists()


def test_build_keeps_reviewed_terms_and_rejections(project: Project) -> None:
    with_seed(project)
    cli("build")
    cli(
        "set",
        "procuratorial-organs",
        "fr",
        "organes du parquet",
        "--status",
        "reviewed",
        "--by",
        "anne",
    )
    with project.transaction() as store:
        store.terms["procuratorial-organs"].status = TermStatus.ACCEPTED
        rejected = next(t for t in store.terms.values() if t.status is TermStatus.CANDIDATE)
        rejected.status = TermStatus.REJECTED
    cli("build")
    store = project.load_store()
    assert store.terms[rejected.id].status is TermStatus.REJECTED
    unit = store.unit("procuratorial-organs", "fr")
    assert unit is not None and unit.status is UnitStatus.REVIEWED


def test_build_with_models_drafts_every_language(project: Project, tiny_models: TinyModels) -> None:  # noqa: F811
    install(tiny_models)
    cli("add", "procuratorial supervision")
    dry = cli("build", "--dry-run")
    assert "fr: would draft 1 with mt:argos/" in dry.out
    assert project.load_store().unit("procuratorial-supervision", "fr") is None
    run = cli("build")
    assert run.code == 0, run.err
    store = project.load_store()
    for lang in project.languages:
        unit = store.unit("procuratorial-supervision", lang)
        assert unit is not None and unit.text.strip(), lang
        assert unit.status is UnitStatus.DRAFT and unit.origin.startswith("mt:")
        po = polib.pofile(str(project.locales_dir / lang / "LC_MESSAGES" / "glossary.po"))
        entry = po.find("procuratorial supervision", msgctxt="procuratorial-supervision")
        assert entry is not None and "fuzzy" in entry.flags and entry.msgstr == unit.text
    before = files(project)
    assert "Nothing changed." in cli("build").out
    assert files(project) == before


def test_unsynced_po_edits_stop_the_build(project: Project) -> None:
    cli("add", "international law")
    cli("set", "international-law", "fr", "droit international", "--curated")
    cli("build")
    path = project.locales_dir / "fr" / "LC_MESSAGES" / "glossary.po"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'msgstr "droit international"', 'msgstr "droit des gens"'
        ),
        encoding="utf-8",
    )
    run = cli("build")
    assert run.code == 1
    assert "PO files hold edits not yet read back" in run.err
    assert "termsmith po sync" in run.err
    assert "droit des gens" in path.read_text(encoding="utf-8")
