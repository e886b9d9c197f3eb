"""Semantic diffs, versions, stores read from git: the library without the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.gitutil import commit_all, git, git_env, init_repo
from tests.strategies import texts

from termsmith.errors import CorruptStoreError, GitError
from termsmith.gitrepo import GitRepo
from termsmith.model import TermStatus, UnitStatus
from termsmith.store import Store
from termsmith.versioning import (
    Change,
    ChangeKind,
    GlossaryRepo,
    VersionError,
    check_release_version,
    diff_stores,
    format_markdown,
    format_table,
    version_key,
)

__all__ = ["git_env"]


def store_with(path: Path, **units: str) -> Store:
    store = Store(path)
    store.add_term("procuratorate", status=TermStatus.ACCEPTED)
    for lang, text in units.items():
        store.set_unit("procuratorate", lang, text, status=UnitStatus.TRANSLATED, origin="curated")
    return store


def test_versions_follow_semver_precedence() -> None:
    assert version_key("1.10.0") > version_key("1.9.9")
    assert version_key("2.0.0-rc.2") < version_key("2.0.0-rc.10") < version_key("2.0.0")
    assert version_key("1.0.0+build.5") == version_key("1.0.0")
    for bad in ("1.0", "01.0.0", "v1.0.0", "1.0.0-", ""):
        with pytest.raises(VersionError):
            version_key(bad)
    check_release_version("0.2.0", "0.1.0")
    with pytest.raises(VersionError, match=r"not greater than the current 1\.0\.0"):
        check_release_version("1.0.0-rc.1", "1.0.0")


def test_renames_status_changes_and_removals(tmp_path: Path) -> None:
    old = store_with(tmp_path, fr="parquet", de="Staatsanwaltschaft", ja="検察庁")
    old.add_term("prosecution")
    new = Store.from_files(tmp_path, old.serialize())
    new.terms["procuratorate"].term = "procuratorate (China)"
    new.terms["procuratorate"].status = TermStatus.REJECTED
    new.set_unit(
        "procuratorate", "de", "Staatsanwaltschaft", status=UnitStatus.REVIEWED, origin="curated"
    )
    new.set_unit("procuratorate", "ja", "検察庁", status=UnitStatus.TRANSLATED, origin="human:aiko")
    del new.units["fr"]["procuratorate"]
    # removed and added back under a new id: one term, renamed
    new.remove_term("prosecution")
    new.add_term("Prosecution", homograph=True)
    diff = diff_stores(old, new)
    assert [(c.kind, c.lang, c.term_id) for c in diff.changes] == [
        (ChangeKind.TERM_RENAMED, "", "procuratorate"),
        (ChangeKind.TERM_STATUS, "", "procuratorate"),
        (ChangeKind.TERM_RENAMED, "", "prosecution-2"),
        (ChangeKind.STATUS_CHANGED, "de", "procuratorate"),
        (ChangeKind.TRANSLATION_REMOVED, "fr", "procuratorate"),
        (ChangeKind.ORIGIN_CHANGED, "ja", "procuratorate"),
    ]
    assert diff.changes[2].old_id == "prosecution"
    table = format_table(diff)
    assert "term  renamed   prosecution-2  prosecution → Prosecution (was prosecution)" in table
    assert (
        "de    reviewed  procuratorate  Staatsanwaltschaft (translated → reviewed, curated)"
        in table
    )
    only_fr = diff_stores(old, new, "fr")
    assert [c.lang for c in only_fr.changes] == ["", "", "", "fr"]


def test_markdown_cells_are_escaped(tmp_path: Path) -> None:
    old = store_with(tmp_path)
    new = store_with(tmp_path, fr="a | b *c*\nd")
    markdown = format_markdown(diff_stores(old, new, old_label="main", new_label="pr"))
    assert (
        "| procuratorate (`procuratorate`) | added | — | a \\| b \\*c\\* d | translated | curated |"
        in markdown
    )


changes = st.builds(
    Change,
    kind=st.sampled_from(list(ChangeKind)),
    term_id=st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True),
    term=texts,
    lang=st.sampled_from(["", "fr", "ja", "pt-BR"]),
    old=texts | st.just(""),
    new=texts | st.just(""),
    old_origin=st.sampled_from(["", "curated", "human:марія"]),
)


@settings(max_examples=50, deadline=None)
@given(changes)
def test_change_json_round_trip(change: Change) -> None:
    assert Change.from_json(json.loads(json.dumps(change.to_json(), ensure_ascii=False))) == change


def test_from_files_names_the_revision_in_errors(tmp_path: Path) -> None:
    files = {
        "terms.jsonl": '{"id": "a", "term": "a"}\n',
        "units/fr.jsonl": '{"id": "b", "text": "x"}\n',
    }
    store = Store.from_files(tmp_path, files, where=Path("HEAD:glossary"))
    with pytest.raises(CorruptStoreError) as info:
        store.table("fr")  # units are parsed on first use
    assert str(info.value).startswith("HEAD:glossary/units/fr.jsonl:1: unit for unknown term 'b'")


@pytest.mark.usefixtures("git_env")
def test_stores_at_revisions(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "project").mkdir(parents=True)
    init_repo(root)
    glossary = root / "project" / "glossary"
    source = GlossaryRepo.of(glossary)
    assert source.load("HEAD").terms == {}  # no commit yet: the empty store
    store_with(glossary, fr="parquet").save()
    first = commit_all(root, "one")
    store_with(glossary, fr="ministère public").save()
    commit_all(root, "two")
    assert source.rel == "project/glossary"
    unit = source.load(first).unit("procuratorate", "fr")
    assert unit is not None and unit.text == "parquet"
    assert source.load("HEAD").units == Store.load(glossary).units
    with pytest.raises(GitError, match="unknown revision 'nope'"):
        source.load("nope")
    repo = GitRepo.find(glossary)
    assert [c.subject for c in repo.log(["project/glossary/units/fr.jsonl"])] == ["one", "two"]
    assert repo.show(first, "project/glossary/units/fr.jsonl") == (
        b'{"id": "procuratorate", "text": "parquet", "status": "translated", '
        b'"origin": "curated", "rev": 1, "changed": "2026-01-01"}\n'
    )
    assert repo.show(first, "project/missing") is None
    (glossary / "units" / "de.jsonl").write_text("", encoding="utf-8")
    assert repo.dirty(["project/glossary"]) == ["project/glossary/units/de.jsonl"]
    git(root, "tag", "glossary-v1.0.0")
    assert repo.tags("glossary-v*") == ["glossary-v1.0.0"]


def test_not_a_repository(tmp_path: Path) -> None:
    with pytest.raises(GitError, match="is not in a git repository"):
        GitRepo.find(tmp_path)
    assert GitRepo.maybe(tmp_path) is None
