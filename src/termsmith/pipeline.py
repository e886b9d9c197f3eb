"""The main job, ``termsmith build``: extract → translate → PO catalogs → index → check.

Each step is the library call its own command makes; ``build`` runs them in
order and reports what changed. It is idempotent: a second run changes nothing.
With ``dry_run`` nothing is written and no model runs: the report says what a
real run would add, translate and regenerate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from termsmith import checks, translation
from termsmith.model import TermStatus
from termsmith.project import Project
from termsmith.store import META_FILE, TERMS_FILE, UNITS_DIR
from termsmith.translation import TranslationReport

Notify = Callable[[str], None]


@dataclass
class BuildReport:
    """What ``build`` did (or, in a dry run, would do)."""

    dry_run: bool
    documents: int = 0
    extracted: int = 0
    added: list[str] = field(default_factory=list)
    translation: TranslationReport = field(default_factory=TranslationReport)
    catalogs: list[str] = field(default_factory=list)
    index: str = ""
    store_files: list[str] = field(default_factory=list)
    terms: dict[str, int] = field(default_factory=dict)
    check: checks.Report | None = None

    @property
    def changed(self) -> list[str]:
        """Every file changed (or that would change), relative to the project root."""
        return sorted({*self.store_files, *self.catalogs})


def _store_files(project: Project) -> dict[str, str]:
    """The store's files on disk, by path relative to the glossary directory."""
    root = project.glossary_dir
    paths = [root / META_FILE, root / TERMS_FILE, *sorted((root / UNITS_DIR).glob("*.jsonl"))]
    return {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in paths if p.is_file()}


def _changed_files(before: dict[str, str], after: dict[str, str]) -> list[str]:
    keys = set(before) | set(after)
    return sorted(f"glossary/{k}" for k in keys if before.get(k) != after.get(k))


def build(project: Project, *, dry_run: bool = False, notify: Notify | None = None) -> BuildReport:
    """Run the main job over ``project``; see the module docstring."""
    from termsmith import catalogs
    from termsmith.extraction import add_to_store, extract_project

    say = notify or (lambda _line: None)
    report = BuildReport(dry_run=dry_run)
    before = _store_files(project)

    # 1. Extract the seeds and add new candidates (existing terms keep id and status).
    if project.seeds_dir.is_dir() and any(project.seeds_dir.rglob("*")):
        docs, candidates = extract_project(project)
        report.documents, report.extracted = len(docs), len(candidates)
        if dry_run:
            store = project.load_store()
            report.added = [t.id for t in add_to_store(store, candidates, project.root)]
        else:
            with project.transaction() as store:
                report.added = [t.id for t in add_to_store(store, candidates, project.root)]
    else:
        say(f"notice: no documents in {project.seeds_dir}; nothing to extract")

    # 2. Translate what is missing with the engines installed (none: a notice per language).
    report.translation = translation.translate(project, dry_run=dry_run)

    # 3. Regenerate the PO catalogs, never over edits not yet read back.
    current = store if dry_run and report.added else project.load_store()
    catalogs.require_synced(
        project,
        current,
        hint="read them into the glossary with 'termsmith po sync', then run build again",
    )
    if dry_run:
        changed = [
            path
            for path, text in catalogs.render_all(project, current).items()
            if not path.is_file() or path.read_text(encoding="utf-8") != text
        ]
    else:
        changed = catalogs.write_all(project, current)
    report.catalogs = sorted(_rel(project, p) for p in changed)

    # 4. Refresh the lookup index (a local cache, outside git).
    if dry_run:
        report.index = "would be refreshed if stale"
    else:
        from termsmith.index import open_index

        index = open_index(project.glossary_dir, project.cache_dir, notify)
        report.index = f"rebuilt ({index.rebuilt})" if index.rebuilt else "up to date"
        index.close()

    # 5. Summary and checks.
    # A dry run compares what would be written with the disk; a real run, the disk before and after.
    after = current.serialize() if dry_run else _store_files(project)
    report.store_files = _changed_files(before, after)
    report.terms = dict(Counter(str(t.status) for t in current.terms.values()))
    report.check = checks.run(project, current)
    return report


def _rel(project: Project, path: Path) -> str:
    try:
        return str(path.relative_to(project.root))
    except ValueError:
        return str(path)


def term_summary(terms: dict[str, int]) -> str:
    """``48 terms: 45 accepted, 3 candidate, 10 rejected``."""
    total = sum(terms.values())
    parts = [f"{terms[s]} {s}" for s in (str(x) for x in TermStatus) if terms.get(s)]
    return f"{total} terms" + (": " + ", ".join(parts) if parts else "")
