"""Versioning in real git repositories: merges through the driver, diff, history, release."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from tests.gitutil import commit_all, git, git_env, init_repo
from tests.helpers import cli

from termsmith.model import TermStatus, UnitStatus
from termsmith.project import Project
from termsmith.store import Store

__all__ = ["git_env"]

pytestmark = pytest.mark.usefixtures("git_env")

A, B, C = "procuratorate", "procuratorial-organs", "prosecution"


@pytest.fixture
def repo(project: Project) -> Project:
    """The project under git, drivers set up, with three neighbouring terms translated."""
    with project.transaction() as store:
        for text in ("procuratorate", "procuratorial organs", "prosecution"):
            store.add_term(text, status=TermStatus.ACCEPTED)
        for term_id, fr, de in (
            (A, "parquet", "Staatsanwaltschaft"),
            (B, "organes du parquet", "Staatsanwaltschaftsorgane"),
            (C, "poursuite", "Strafverfolgung"),
        ):
            store.set_unit(term_id, "fr", fr, status=UnitStatus.TRANSLATED, origin="curated")
            store.set_unit(term_id, "de", de, status=UnitStatus.TRANSLATED, origin="curated")
    init_repo(project.root)
    run = cli("git-setup")
    assert run.code == 0, run.err
    commit_all(project.root, "glossary")
    return project


def _set(*args: str) -> None:
    run = cli("set", *args)
    assert run.code == 0, run.err


def _branch(root: Path, name: str, start: str = "main") -> None:
    git(root, "checkout", "--quiet", "-b", name, start)


def _store(project: Project) -> Store:
    return Store.load(project.glossary_dir)


def test_git_setup_registers_the_drivers(repo: Project) -> None:
    attributes = (repo.root / ".gitattributes").read_text(encoding="utf-8")
    assert "glossary/units/*.jsonl merge=termsmith-store" in attributes
    assert "locales/**/*.po merge=termsmith-po" in attributes
    driver = git(repo.root, "config", "merge.termsmith-store.driver").stdout
    assert "-P -m termsmith merge-driver store %O %A %B %P" in driver
    attr = git(repo.root, "check-attr", "merge", "glossary/units/fr.jsonl").stdout
    assert attr.strip() == "glossary/units/fr.jsonl: merge: termsmith-store"
    # running it again changes nothing
    run = cli("git-setup")
    assert run.code == 0
    assert "Wrote" not in run.err
    assert "glossary/terms.jsonl\ttermsmith-store" in run.out
    assert git(repo.root, "status", "--porcelain").stdout == ""


def test_done_when_french_and_german_edits_merge_cleanly(repo: Project) -> None:
    root = repo.root
    _branch(root, "french")
    _set(A, "fr", "ministère public", "--by", "marie")
    _set(B, "fr", "organes du ministère public", "--by", "marie")
    commit_all(root, "French: ministère public")
    _branch(root, "german", "main")
    _set(A, "de", "Staatsanwaltschaft (Behörde)", "--by", "jonas")
    commit_all(root, "German: Behörde")
    merged = git(root, "merge", "--no-edit", "french", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    store = _store(repo)
    fr_a, fr_b, de_a = store.unit(A, "fr"), store.unit(B, "fr"), store.unit(A, "de")
    assert fr_a is not None and fr_b is not None and de_a is not None
    assert (fr_a.text, fr_a.origin) == ("ministère public", "human:marie")
    assert fr_b.text == "organes du ministère public"
    assert (de_a.text, de_a.origin) == ("Staatsanwaltschaft (Behörde)", "human:jonas")
    assert store.conflicts() == []


def test_neighbouring_units_of_one_file_merge_where_line_merge_conflicts(repo: Project) -> None:
    root = repo.root
    base = (repo.glossary_dir / "units" / "fr.jsonl").read_text(encoding="utf-8")
    _branch(root, "one")
    _set(A, "fr", "ministère public", "--by", "marie", "--status", "reviewed")
    commit_all(root, "A")
    ours = (repo.glossary_dir / "units" / "fr.jsonl").read_text(encoding="utf-8")
    _branch(root, "two", "main")
    _set(B, "fr", "organes du ministère public", "--by", "paul")
    commit_all(root, "B")
    theirs = (repo.glossary_dir / "units" / "fr.jsonl").read_text(encoding="utf-8")
    # git's own line merge calls adjacent edits a conflict ...
    for name, text in (("base", base), ("ours", ours), ("theirs", theirs)):
        (root.parent / name).write_text(text, encoding="utf-8")
    line_merge = subprocess.run(
        ["git", "merge-file", "-p", "ours", "base", "theirs"], cwd=root.parent, capture_output=True
    )
    assert line_merge.returncode == 1
    # ... the driver merges them
    merged = git(root, "merge", "--no-edit", "one", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    store = _store(repo)
    assert [store.units["fr"][k].text for k in (A, B, C)] == [
        "ministère public",
        "organes du ministère public",
        "poursuite",
    ]
    assert store.units["fr"][A].status is UnitStatus.REVIEWED


def test_a_true_conflict_is_reported_kept_valid_and_resolved_with_set(repo: Project) -> None:
    root = repo.root
    _branch(root, "marie")
    _set(A, "fr", "ministère public", "--by", "marie")
    commit_all(root, "marie")
    _branch(root, "paul", "main")
    _set(A, "fr", "procureur", "--by", "paul")
    _set(C, "fr", "poursuites", "--by", "paul")
    commit_all(root, "paul")

    merged = git(root, "merge", "--no-edit", "marie", check=False)
    assert merged.returncode != 0
    assert "CONFLICT (content): Merge conflict in glossary/units/fr.jsonl" in merged.stdout
    assert f"termsmith: CONFLICT glossary/units/fr.jsonl: {A}: ours 'procureur'" in merged.stderr
    # no conflict markers: the store loads, ours kept, theirs an alternative
    store = _store(repo)
    unit = store.units["fr"][A]
    assert (unit.text, unit.origin, unit.conflict) == ("procureur", "human:paul", True)
    assert [(a.text, a.origin) for a in unit.alternatives] == [("ministère public", "human:marie")]
    assert store.units["fr"][C].text == "poursuites"

    show = cli("show", A)
    assert "procureur\ttranslated\thuman:paul\trev 2\tCONFLICT" in show.out
    assert "fr alternative: ministère public (human:marie)" in show.out
    listed = cli("diff", "--lang", "fr")
    assert listed.code == 0, listed.err
    assert f"fr  CONFLICT  {A}  procureur | ministère public (human:marie)" in listed.out

    _set(A, "fr", "ministère public", "--by", "paul", "--status", "reviewed")
    assert _store(repo).conflicts() == []
    git(root, "add", "glossary")
    git(root, "commit", "--quiet", "--no-edit")
    assert git(root, "status", "--porcelain").stdout == ""
    assert "CONFLICT" not in cli("diff", "HEAD~1").out


def test_po_catalogs_merge_cleanly_after_both_branches_ran_po(repo: Project) -> None:
    root = repo.root
    run = cli("po")
    assert run.code == 0, run.err
    commit_all(root, "catalogs")
    _branch(root, "one")
    _set(A, "fr", "ministère public", "--by", "marie")
    assert cli("po").code == 0
    commit_all(root, "A")
    _branch(root, "two", "main")
    _set(B, "fr", "organes du ministère public", "--by", "paul")
    assert cli("po").code == 0
    commit_all(root, "B")
    merged = git(root, "merge", "--no-edit", "one", check=False)
    assert merged.returncode == 0, merged.stdout + merged.stderr
    po = (repo.locales_dir / "fr" / "LC_MESSAGES" / "glossary.po").read_text(encoding="utf-8")
    assert 'msgstr "ministère public"' in po
    assert 'msgstr "organes du ministère public"' in po
    # the merged catalogs are exactly what the merged store renders
    assert cli("po").code == 0
    assert git(root, "status", "--porcelain").stdout == ""


def test_diff_formats(repo: Project) -> None:
    _set(A, "fr", "ministère public", "--by", "marie")
    _set(C, "de", "Strafverfolgung", "--by", "jonas", "--status", "reviewed")
    assert cli("set", B, "ja", "検察機関", "--curated").code == 0
    assert cli("add", "national sovereignty").code == 0

    table = cli("diff")
    assert table.code == 0, table.err
    lines = table.out.splitlines()
    assert lines[0] == (
        "HEAD → working tree: terms: 1 added · de: 1 reviewed · fr: 1 changed · ja: 1 added"
    )
    assert lines[1:] == [
        "term  added     national-sovereignty  national sovereignty",
        "de    reviewed  prosecution           Strafverfolgung (translated → reviewed, curated → human:jonas)",
        "fr    changed   procuratorate         parquet → ministère public (translated, curated → human:marie)",
        "ja    added     procuratorial-organs  検察機関 (translated, curated)",
    ]

    as_json = json.loads(cli("diff", "--format", "json", "--lang", "fr").out)
    assert as_json["from"] == "HEAD" and as_json["to"] == "working tree"
    assert as_json["changes"][1] == {
        "kind": "translation-changed",
        "term_id": A,
        "term": "procuratorate",
        "lang": "fr",
        "old": "parquet",
        "new": "ministère public",
        "old_status": "translated",
        "new_status": "translated",
        "old_origin": "curated",
        "new_origin": "human:marie",
    }
    assert [c["kind"] for c in as_json["changes"]] == ["term-added", "translation-changed"]

    markdown = cli("diff", "--format", "markdown").out
    assert markdown.startswith("### Glossary changes: HEAD → working tree\n")
    assert "#### French (fr)" in markdown
    assert (
        "| procuratorate (`procuratorate`) | changed | parquet | ministère public "
        "| translated | curated → human:marie |"
    ) in markdown
    assert "| added | `national-sovereignty` | national sovereignty |" in markdown


def test_diff_between_revisions_and_errors(repo: Project) -> None:
    first = git(repo.root, "rev-parse", "HEAD").stdout.strip()
    _set(A, "fr", "ministère public", "--by", "marie")
    commit_all(repo.root, "A")
    run = cli("diff", first, "HEAD")
    assert run.out.splitlines()[1] == (
        "fr  changed  procuratorate  parquet → ministère public (translated, curated → human:marie)"
    )
    assert cli("diff").out == "HEAD → working tree: no changes\n"
    unknown = cli("diff", "no-such-tag")
    assert unknown.code == 1
    assert unknown.err == (
        "Error: unknown revision 'no-such-tag' "
        "(give a commit, branch or tag, e.g. HEAD~1 or glossary-v1.0.0)\n"
    )
    assert cli("diff", "--lang", "xx").code == 1


def test_diff_outside_git_is_a_clear_error(project: Project) -> None:
    run = cli("diff")
    assert run.code == 1
    assert "is not in a git repository (run 'git init' and commit the glossary first)" in run.err
    assert cli("git-setup").code == 1
    assert cli("history", "x").code == 1


def test_history_of_a_term(repo: Project) -> None:
    root = repo.root
    _set(A, "fr", "ministère public", "--by", "marie")
    commit_all(root, "marie's French")
    _set(A, "fr", "ministère public", "--by", "paul", "--status", "reviewed")
    commit_all(root, "paul reviews")
    _set(A, "fr", "le ministère public", "--by", "paul")
    run = cli("history", A, "--lang", "fr")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert len(lines) == 4
    assert lines[0].endswith("fr  parquet  (translated, curated, rev 1)")
    assert lines[1].endswith("fr  ministère public  (translated, human:marie, rev 2)")
    assert lines[2].endswith("fr  ministère public  (reviewed, human:paul, rev 3)")
    assert (
        lines[3]
        == "uncommitted  -           fr  le ministère public  (translated, human:paul, rev 4)"
    )
    assert lines[0].startswith("2026-01-01  ")
    as_json = json.loads(cli("history", A, "--json").out)
    assert {r["lang"] for r in as_json} == {"", "fr", "de"}
    commits = [r["commit"] for r in as_json if r["lang"] == "fr"]
    assert commits[-1] == "" and len(set(commits)) == 4
    missing = cli("history", "procuratorat")
    assert missing.code == 1
    assert "no term with id 'procuratorat'" in missing.err


def test_release_writes_changelog_sets_version_and_tags(repo: Project) -> None:
    root = repo.root
    run = cli("release", "1.0.0", "-m", "First published glossary.")
    assert run.code == 0, run.err
    assert "committed and tagged glossary-v1.0.0" in run.err
    assert _store(repo).version == "1.0.0"
    assert git(root, "tag", "--list").stdout == "glossary-v1.0.0\n"
    assert git(root, "status", "--porcelain").stdout == ""
    changelog = (repo.glossary_dir / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.startswith("# Glossary changelog\n\n## 1.0.0 (2026-01-01)\n\nFirst published")
    assert "- Added: `procuratorate` procuratorate" in changelog
    assert "### French (fr)\n\n- Added: procuratorate → parquet\n" in changelog

    _set(A, "fr", "ministère public", "--by", "marie")
    _set(B, "fr", "organes du parquet", "--by", "paul", "--status", "reviewed")
    _set(C, "ja", "訴追", "--by", "aiko")
    dirty = cli("release", "1.1.0")
    assert dirty.code == 1
    assert "the glossary has uncommitted changes: glossary/units/fr.jsonl" in dirty.err
    commit_all(root, "translations")
    assert cli("release", "1.0.0").err == (
        "Error: version 1.0.0 is not greater than the current 1.0.0 "
        "(bump PATCH for corrections, MINOR for new terms or languages, MAJOR for removals)\n"
    )
    assert cli("release", "0.9.0").code == 1
    assert "'1.1' is not a semantic version" in cli("release", "1.1").err
    second = cli("release", "1.1.0")
    assert second.code == 0, second.err
    assert "(changes since glossary-v1.0.0)" in second.err
    changelog = (repo.glossary_dir / "CHANGELOG.md").read_text(encoding="utf-8")
    section = changelog.split("## 1.0.0")[0]
    assert section == (
        "# Glossary changelog\n\n"
        "## 1.1.0 (2026-01-01)\n\n"
        "### French (fr)\n\n"
        "- Changed: procuratorate → parquet → ministère public\n"
        "- Reviewed: procuratorial organs → organes du parquet\n\n"
        "### Japanese (ja)\n\n"
        "- Added: prosecution → 訴追\n\n"
    )
    assert git(root, "tag", "--list").stdout == "glossary-v1.0.0\nglossary-v1.1.0\n"
    assert "glossary: release 1.1.0" in git(root, "log", "-1", "--format=%s").stdout
    assert cli("diff", "glossary-v1.0.0", "glossary-v1.1.0").out.count("\n") == 4


def test_release_outside_git_writes_files_without_tag(project: Project) -> None:
    run = cli("release", "0.2.0")
    assert run.code == 0, run.err
    assert "not a git repository, so nothing was tagged" in run.err
    assert Store.load(project.glossary_dir).version == "0.2.0"
    assert "No changes to terms or translations." in (
        project.glossary_dir / "CHANGELOG.md"
    ).read_text(encoding="utf-8")
