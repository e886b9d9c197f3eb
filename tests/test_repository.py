"""The repository's own glossary project: what is committed is what the tool generates.

`make demo` regenerates catalogs and exports; these tests keep a clean clone's
`git status` clean after it, and fail when someone edits the store without
regenerating.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from termsmith import catalogs, formats
from termsmith.project import Project

ROOT = Path(__file__).resolve().parents[1]
EXPORTS = {
    "glossary.tmx": "tmx",
    "glossary.tbx": "tbx",
    "glossary-tbx3.tbx": "tbx3",
    "glossary.csv": "csv",
}


@pytest.fixture(scope="module")
def repo() -> Project:
    return Project.find(ROOT)


def test_catalogs_are_up_to_date(repo: Project) -> None:
    store = repo.load_store()
    for path, text in catalogs.render_all(repo, store).items():
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run 'termsmith po'"


@pytest.mark.parametrize(("name", "fmt"), sorted(EXPORTS.items()))
def test_exports_are_up_to_date(repo: Project, name: str, fmt: str) -> None:
    store = repo.load_store()
    expected = formats.get(fmt).export(store, repo, lang=None)
    path = repo.glossary_dir / "exports" / name
    assert path.read_bytes() == expected.encode("utf-8"), f"{path} is stale: run 'make exports'"
