"""Versions of the glossary: semantic diffs, the history of a term, releases.

A diff compares two stores record by record, so a reviewer reads "French of
*procuratorial organs*: organes du parquet → ministère public (translated,
human:marie)" instead of a line diff of JSON. Stores come from any git revision
or the working tree; releases are ``glossary-vX.Y.Z`` tags.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from termsmith import atomic, clock
from termsmith.errors import GitError, TermNotFoundError, TermsmithError
from termsmith.gitrepo import Commit, GitRepo
from termsmith.languages import english_name
from termsmith.model import Term, Unit, UnitStatus
from termsmith.store import (
    META_FILE,
    TERMS_FILE,
    UNITS_DIR,
    Store,
    decode_text,
    term_to_obj,
    unit_to_obj,
)
from termsmith.textnorm import fold

TAG_PREFIX = "glossary-v"
CHANGELOG_FILE = "CHANGELOG.md"
CHANGELOG_TITLE = "# Glossary changelog\n"
WORKTREE_LABEL = "working tree"

# --- semantic versions ------------------------------------------------------------

# semver.org's own regular expression for MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]
_SEMVER = re.compile(
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
)


class VersionError(TermsmithError):
    """A release version that is not valid semver or not greater than the current one."""


def version_key(version: str) -> tuple[Any, ...]:
    """A sort key giving semver precedence (build metadata ignored).

    >>> sorted(["1.0.0", "1.0.0-rc.1", "0.9.10", "1.0.0-alpha"], key=version_key)
    ['0.9.10', '1.0.0-alpha', '1.0.0-rc.1', '1.0.0']
    """
    match = _SEMVER.match(version)
    if match is None:
        raise VersionError(
            f"'{version}' is not a semantic version", hint="use MAJOR.MINOR.PATCH, e.g. 1.2.0"
        )
    major, minor, patch, pre, _ = match.groups()
    # a pre-release sorts before its release; numeric identifiers before alphanumeric ones
    pre_key: tuple[Any, ...] = (
        (1,)
        if pre is None
        else (0, *((0, int(p), "") if p.isdigit() else (1, 0, p) for p in pre.split(".")))
    )
    return (int(major), int(minor), int(patch), pre_key)


def check_release_version(new: str, current: str) -> None:
    """:class:`VersionError` unless ``new`` is valid semver and greater than ``current``.

    >>> check_release_version("1.0.0", "0.1.0")
    >>> check_release_version("0.1.0", "0.1.0")
    Traceback (most recent call last):
    ...
    termsmith.versioning.VersionError: version 0.1.0 is not greater than the current 0.1.0 (bump...)
    """
    new_key = version_key(new)
    try:
        current_key = version_key(current)
    except VersionError:
        return  # a hand-edited non-semver version: any valid one supersedes it
    if new_key <= current_key:
        raise VersionError(
            f"version {new} is not greater than the current {current}",
            hint="bump PATCH for corrections, MINOR for new terms or languages, MAJOR for removals",
        )


# --- stores at revisions ------------------------------------------------------------


@dataclass(frozen=True)
class GlossaryRepo:
    """A project's glossary folder and the git repository holding it: stores at any revision.

    ``of`` finds the repository (``need_git=False``: None outside git).
    """

    glossary_dir: Path
    repo: GitRepo | None

    @classmethod
    def of(cls, glossary_dir: Path, need_git: bool = True) -> GlossaryRepo:
        repo = GitRepo.find(glossary_dir.parent) if need_git else GitRepo.maybe(glossary_dir.parent)
        return cls(glossary_dir, repo)

    @property
    def git(self) -> GitRepo:
        if self.repo is None:
            raise GitError(
                f"{self.glossary_dir.parent} is not in a git repository",
                hint="run 'git init' and commit the glossary first",
            )
        return self.repo

    @property
    def rel(self) -> str:
        """The glossary folder's path in the repository."""
        return self.git.relative(self.glossary_dir)

    def load(self, rev: str | None) -> Store:
        """The store at ``rev``; the working tree when None.

        ``HEAD`` of a repository without commits is the empty store.
        """
        if rev is None:
            return Store.load(self.glossary_dir)
        if rev == "HEAD" and not self.git.has_commits():
            return Store(self.glossary_dir)
        files = self.git.tree_files(rev, self.rel)
        where = Path(f"{rev}:{self.rel}")
        texts = {name: decode_text(data, where / name) for name, data in files.items()}
        return Store.from_files(self.glossary_dir, texts, where=where)


# --- semantic diff ---------------------------------------------------------------


class ChangeKind(StrEnum):
    """What changed: a term, or the translation of a term into one language."""

    TERM_ADDED = "term-added"
    TERM_REMOVED = "term-removed"
    TERM_RENAMED = "term-renamed"
    TERM_STATUS = "term-status"
    TRANSLATION_ADDED = "translation-added"
    TRANSLATION_REMOVED = "translation-removed"
    TRANSLATION_CHANGED = "translation-changed"
    STATUS_CHANGED = "status-changed"
    ORIGIN_CHANGED = "origin-changed"


@dataclass(frozen=True)
class Change:
    """One change between two versions.

    For term changes ``lang`` is empty and ``old``/``new`` are English forms;
    for translations they are the texts in ``lang``. ``old_id`` is set when a
    term came back under another id (a removal and an addition of the same term).
    """

    kind: ChangeKind
    term_id: str
    term: str
    lang: str = ""
    old: str = ""
    new: str = ""
    old_status: str = ""
    new_status: str = ""
    old_origin: str = ""
    new_origin: str = ""
    old_id: str = ""

    def to_json(self) -> dict[str, str]:
        """The change as a JSON object; empty fields left out."""
        return {k: str(v) for k, v in asdict(self).items() if v != ""}

    @classmethod
    def from_json(cls, obj: dict[str, str]) -> Change:
        """The inverse of :meth:`to_json`."""
        return cls(**{**obj, "kind": ChangeKind(obj["kind"])})  # type: ignore[arg-type]


@dataclass(frozen=True)
class ConflictNote:
    """A unit left in merge conflict: ours, and the alternatives recorded beside it."""

    term_id: str
    term: str
    lang: str
    text: str
    alternatives: tuple[tuple[str, str], ...]


@dataclass
class Diff:
    """The changes from store ``a`` to store ``b``, and the conflicts ``b`` holds."""

    old_label: str
    new_label: str
    changes: list[Change] = field(default_factory=list)
    conflicts: list[ConflictNote] = field(default_factory=list)

    def counts(self) -> Counter[ChangeKind]:
        return Counter(c.kind for c in self.changes)

    def languages(self) -> list[str]:
        return sorted({c.lang for c in self.changes if c.lang} | {c.lang for c in self.conflicts})


def diff_stores(
    old: Store, new: Store, lang: str | None = None, *, old_label: str = "", new_label: str = ""
) -> Diff:
    """The semantic difference between two stores, optionally for one language.

    Term changes are listed whatever ``lang``; translation changes and conflicts
    only for ``lang`` when given.
    """
    result = Diff(old_label, new_label)
    removed = sorted(old.terms.keys() - new.terms.keys())
    added = sorted(new.terms.keys() - old.terms.keys())
    # the same English term removed under one id and added under another: a new id
    by_text = {fold(old.terms[k].term): k for k in removed}
    moved = {
        k: by_text.pop(fold(new.terms[k].term)) for k in added if fold(new.terms[k].term) in by_text
    }
    pairs: list[tuple[str | None, str | None]] = [
        (k, k) for k in sorted(old.terms.keys() & new.terms.keys())
    ]
    pairs += [(moved[k], k) for k in sorted(moved)]
    pairs += [(None, k) for k in added if k not in moved]
    pairs += [(k, None) for k in removed if k not in moved.values()]
    changes: list[Change] = []
    langs = sorted(set(old.languages()) | set(new.languages())) if lang is None else [lang]
    for old_id, new_id in pairs:
        changes += _term_changes(old, new, old_id, new_id)
        for code in langs:
            before = old.unit(old_id, code) if old_id else None
            after = new.unit(new_id, code) if new_id else None
            term = new.terms[new_id] if new_id else old.terms[old_id or ""]
            change = _unit_change(term, code, before, after)
            if change is not None:
                changes.append(change)
    result.changes = sorted(changes, key=lambda c: (c.lang, c.term_id, c.kind))
    for unit in new.conflicts():
        if lang is None or unit.lang == lang:
            result.conflicts.append(
                ConflictNote(
                    unit.term_id,
                    new.terms[unit.term_id].term,
                    unit.lang,
                    unit.text,
                    tuple((a.text, a.origin) for a in unit.alternatives),
                )
            )
    return result


def _term_changes(old: Store, new: Store, old_id: str | None, new_id: str | None) -> list[Change]:
    if old_id is None and new_id is not None:
        term = new.terms[new_id]
        return [
            Change(ChangeKind.TERM_ADDED, new_id, term.term, new=term.term, new_status=term.status)
        ]
    if new_id is None and old_id is not None:
        term = old.terms[old_id]
        return [
            Change(
                ChangeKind.TERM_REMOVED, old_id, term.term, old=term.term, old_status=term.status
            )
        ]
    assert old_id is not None and new_id is not None
    a, b = old.terms[old_id], new.terms[new_id]
    out = []
    if a.term != b.term or old_id != new_id:
        out.append(
            Change(
                ChangeKind.TERM_RENAMED,
                new_id,
                b.term,
                old=a.term,
                new=b.term,
                old_id=old_id if old_id != new_id else "",
            )
        )
    if a.status != b.status:
        out.append(
            Change(ChangeKind.TERM_STATUS, new_id, b.term, old_status=a.status, new_status=b.status)
        )
    return out


def _unit_change(term: Term, lang: str, a: Unit | None, b: Unit | None) -> Change | None:
    if a is None and b is None:
        return None
    if a is None:
        assert b is not None
        return Change(
            ChangeKind.TRANSLATION_ADDED,
            term.id,
            term.term,
            lang,
            new=b.text,
            new_status=b.status,
            new_origin=b.origin,
        )
    if b is None:
        return Change(
            ChangeKind.TRANSLATION_REMOVED,
            term.id,
            term.term,
            lang,
            old=a.text,
            old_status=a.status,
            old_origin=a.origin,
        )
    if a.text != b.text:
        kind = ChangeKind.TRANSLATION_CHANGED
    elif a.status != b.status:
        kind = ChangeKind.STATUS_CHANGED
    elif a.origin != b.origin:
        kind = ChangeKind.ORIGIN_CHANGED
    else:
        return None
    return Change(
        kind,
        term.id,
        term.term,
        lang,
        old=a.text,
        new=b.text,
        old_status=a.status,
        new_status=b.status,
        old_origin=a.origin,
        new_origin=b.origin,
    )


def diff_revisions(
    source: GlossaryRepo, old_rev: str = "HEAD", new_rev: str | None = None, lang: str | None = None
) -> Diff:
    """The diff between two revisions (``new_rev`` None: the working tree)."""
    old = source.load(old_rev)
    new = source.load(new_rev)
    return diff_stores(
        old, new, lang, old_label=old_rev, new_label=new_rev if new_rev else WORKTREE_LABEL
    )


# --- formats -------------------------------------------------------------------

_VERB = {
    ChangeKind.TERM_ADDED: "added",
    ChangeKind.TERM_REMOVED: "removed",
    ChangeKind.TERM_RENAMED: "renamed",
    ChangeKind.TERM_STATUS: "status",
    ChangeKind.TRANSLATION_ADDED: "added",
    ChangeKind.TRANSLATION_REMOVED: "removed",
    ChangeKind.TRANSLATION_CHANGED: "changed",
    ChangeKind.STATUS_CHANGED: "status",
    ChangeKind.ORIGIN_CHANGED: "origin",
}


def _verb(change: Change) -> str:
    if change.kind is ChangeKind.STATUS_CHANGED and change.new_status == UnitStatus.REVIEWED:
        return "reviewed"
    return _VERB[change.kind]


def _arrow(old: str, new: str) -> str:
    if old and new and old != new:
        return f"{old} → {new}"
    return new or old


def summary(diff: Diff) -> str:
    """One line: ``2 terms added · fr: 1 added, 1 reviewed``, or ``no changes``."""
    parts = []
    term_counts = Counter(_verb(c) for c in diff.changes if not c.lang)
    if term_counts:
        parts.append("terms: " + ", ".join(f"{n} {v}" for v, n in sorted(term_counts.items())))
    for code in diff.languages():
        counts = Counter(_verb(c) for c in diff.changes if c.lang == code)
        items = [f"{n} {v}" for v, n in sorted(counts.items())]
        conflicts = sum(1 for c in diff.conflicts if c.lang == code)
        if conflicts:
            items.append(f"{conflicts} in conflict")
        parts.append(f"{code}: " + ", ".join(items))
    return " · ".join(parts) if parts else "no changes"


def _detail(change: Change) -> str:
    if not change.lang:
        if change.kind is ChangeKind.TERM_STATUS:
            return f"{change.term} ({_arrow(change.old_status, change.new_status)})"
        if change.kind is ChangeKind.TERM_RENAMED and change.old_id:
            return f"{_arrow(change.old, change.new)} (was {change.old_id})"
        return _arrow(change.old, change.new)
    status = _arrow(change.old_status, change.new_status)
    origin = _arrow(change.old_origin, change.new_origin)
    return f"{_arrow(change.old, change.new)} ({status}, {origin})"


def format_table(diff: Diff) -> str:
    """Plain text, one change a line: language, change, id, what."""
    lines = [f"{diff.old_label} → {diff.new_label}: {summary(diff)}"]
    rows = [(c.lang or "term", _verb(c), c.term_id, _detail(c)) for c in diff.changes]
    rows += [
        (
            c.lang,
            "CONFLICT",
            c.term_id,
            c.text + "".join(f" | {t} ({o})" for t, o in c.alternatives),
        )
        for c in diff.conflicts
    ]
    if rows:
        widths = [max(len(r[i]) for r in rows) for i in range(3)]
        for row in rows:
            cells = [row[i].ljust(widths[i]) for i in range(3)]
            lines.append("  ".join([*cells, row[3]]).rstrip())
    return "\n".join(lines) + "\n"


def format_json(diff: Diff) -> str:
    """JSON: ``{"from", "to", "changes": [...], "conflicts": [...]}``."""
    obj = {
        "from": diff.old_label,
        "to": diff.new_label,
        "changes": [c.to_json() for c in diff.changes],
        "conflicts": [
            {
                "id": c.term_id,
                "term": c.term,
                "lang": c.lang,
                "text": c.text,
                "alternatives": [{"text": t, "origin": o} for t, o in c.alternatives],
            }
            for c in diff.conflicts
        ],
    }
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def _md(text: str) -> str:
    """Text safe in a Markdown table cell."""
    for char in "\\|*_`[]<>":
        text = text.replace(char, "\\" + char)
    return " ".join(text.split("\n")).replace("\r", " ") or "—"


def format_markdown(diff: Diff) -> str:
    """Markdown for a pull request: a summary, a table of term changes, one table per language."""
    out = [
        f"### Glossary changes: {diff.old_label} → {diff.new_label}",
        "",
        f"**{summary(diff)}**",
        "",
    ]
    terms = [c for c in diff.changes if not c.lang]
    if terms:
        out += ["#### Terms", "", "| Change | Term | Details |", "|---|---|---|"]
        for c in terms:
            out.append(f"| {_verb(c)} | `{c.term_id}` | {_md(_detail(c))} |")
        out.append("")
    for code in diff.languages():
        rows = [c for c in diff.changes if c.lang == code]
        conflicts = [c for c in diff.conflicts if c.lang == code]
        out += [f"#### {english_name(code)} ({code})", ""]
        if rows:
            out += [
                "| Term | Change | Before | After | Status | Origin |",
                "|---|---|---|---|---|---|",
            ]
            for c in rows:
                status = _md(_arrow(c.old_status, c.new_status))
                origin = _md(_arrow(c.old_origin, c.new_origin))
                out.append(
                    f"| {_md(c.term)} (`{c.term_id}`) | {_verb(c)} | {_md(c.old)} | {_md(c.new)} "
                    f"| {status} | {origin} |"
                )
            out.append("")
        for note in conflicts:
            theirs = "; ".join(f"{_md(t)} ({_md(o)})" for t, o in note.alternatives) or "—"
            out.append(f"- **conflict** `{note.term_id}`: ours {_md(note.text)}; theirs {theirs}")
        if conflicts:
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


FORMATTERS = {"table": format_table, "json": format_json, "markdown": format_markdown}


# --- history ---------------------------------------------------------------------


@dataclass(frozen=True)
class Revision:
    """One state of a term's record in one language ("" for the English term itself).

    ``text`` is None when the record does not exist at that commit (removed).
    ``commit`` is empty for uncommitted changes in the working tree.
    """

    lang: str
    commit: str
    date: str
    author: str
    text: str | None
    status: str = ""
    origin: str = ""
    rev: int | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def history(source: GlossaryRepo, term_id: str, langs: Sequence[str]) -> list[Revision]:
    """Every revision of a term's units in ``langs`` (and of the term), oldest first per language.

    Read from the git log of the store files; uncommitted changes come last.
    """
    git, rel = source.git, source.rel
    files = {"": f"{rel}/{TERMS_FILE}".lstrip("/")}
    files |= {code: f"{rel}/{UNITS_DIR}/{code}.jsonl".lstrip("/") for code in langs}
    commits = git.log(files.values())
    ids = git.object_ids([f"{c.sha}:{path}" for c in commits for path in files.values()])
    # each version of a file is read once, and only the one record is kept from it
    records = {
        sha: _find(data.decode("utf-8", "replace"), term_id)
        for sha, data in git.iter_blobs(ids.values())
    }
    current = Store.load(source.glossary_dir)
    revisions: list[Revision] = []
    seen = False
    for code, path in files.items():
        previous: dict[str, Any] | None = None
        for commit in commits:
            blob = ids.get(f"{commit.sha}:{path}")
            record = records.get(blob) if blob is not None else None
            if record != previous:
                revisions.append(_revision(code, commit, record))
                previous = record
        now = _current(current, term_id, code)
        if now != previous:
            revisions.append(_revision(code, None, now))
        seen = seen or any(r.lang == code and r.text is not None for r in revisions)
    if not seen:
        current.term(term_id)  # names the closest id
        raise TermNotFoundError(f"no history for term '{term_id}'")
    return revisions


def _find(text: str, term_id: str) -> dict[str, Any] | None:
    """The record with ``term_id`` in a JSON Lines text (records of other ids are not parsed)."""
    needle = json.dumps(term_id, ensure_ascii=False)
    for line in text.split("\n"):
        if needle in line:
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(obj, dict) and obj.get("id") == term_id:
                return obj
    return None


def _current(store: Store, term_id: str, lang: str) -> dict[str, Any] | None:
    if not lang:
        term = store.terms.get(term_id)
        return term_to_obj(term) if term else None
    unit = store.unit(term_id, lang)
    return unit_to_obj(unit) if unit else None


def _revision(lang: str, commit: Commit | None, record: dict[str, Any] | None) -> Revision:
    sha, date, author = (commit.sha, commit.date, commit.author) if commit else ("", "", "")
    if record is None:
        return Revision(lang, sha, date, author, None)
    text = record.get("text" if lang else "term")
    rev = record.get("rev")
    return Revision(
        lang,
        sha,
        date,
        author,
        str(text),
        str(record.get("status", "")),
        str(record.get("origin", "")),
        rev if isinstance(rev, int) else None,
    )


def format_history(revisions: Iterable[Revision]) -> str:
    """One revision a line: date, commit, language (``term``: the English term), text, details."""
    lines = []
    for r in revisions:
        when = r.date[:10] if r.commit else "uncommitted"
        commit = r.commit[:10] if r.commit else "-"
        text = r.text if r.text is not None else "(removed)"
        details = ", ".join(x for x in (r.status, r.origin, f"rev {r.rev}" if r.rev else "") if x)
        lines.append(
            f"{when}  {commit:<10}  {r.lang or 'term'}  {text}"
            + (f"  ({details})" if details else "")
        )
    return "\n".join(lines) + "\n"


# --- releases ----------------------------------------------------------------------


@dataclass
class Release:
    """What ``release`` did: the version, the tag it compared with, the changelog section."""

    version: str
    previous: str | None
    section: str
    tag: str | None
    files: list[Path]


def latest_release(repo: GitRepo | None) -> str | None:
    """The greatest ``glossary-vX.Y.Z`` tag reachable from ``HEAD``."""
    if repo is None:
        return None
    tags = []
    for tag in repo.tags(f"{TAG_PREFIX}*"):
        try:
            tags.append((version_key(tag[len(TAG_PREFIX) :]), tag))
        except VersionError:
            continue
    return max(tags)[1] if tags else None


def changelog_section(version: str, diff: Diff, message: str = "", date: str = "") -> str:
    """The ``glossary/CHANGELOG.md`` section of a release: terms, then per language."""
    out = [f"## {version} ({date or clock.today()})", ""]
    if message.strip():
        out += [message.strip(), ""]
    terms = [c for c in diff.changes if not c.lang]
    if terms:
        out += ["### Terms", ""]
        out += [f"- {_verb(c).capitalize()}: `{c.term_id}` {_detail(c)}" for c in terms]
        out.append("")
    for code in diff.languages():
        rows = [c for c in diff.changes if c.lang == code]
        lines = []
        for heading, wanted in (
            ("Added", "added"),
            ("Changed", "changed"),
            ("Reviewed", "reviewed"),
            ("Removed", "removed"),
        ):
            for c in rows:
                if _verb(c) == wanted:
                    value = _arrow(c.old, c.new) if wanted == "changed" else c.new or c.old
                    lines.append(f"- {heading}: {c.term} → {value}")
        if lines:
            out += [f"### {english_name(code)} ({code})", "", *lines, ""]
    if len(out) == 2 + (2 if message.strip() else 0):
        out += ["No changes to terms or translations.", ""]
    return "\n".join(out)


def release(glossary_dir: Path, version: str, message: str = "") -> Release:
    """Release the glossary as ``version``: set it, write the changelog, commit and tag.

    In a git repository the glossary must be committed first; the release commit
    holds only ``glossary.json`` and ``CHANGELOG.md``, tagged ``glossary-vX.Y.Z``.
    Outside git the files are written and nothing is tagged.
    """
    from termsmith.store import LOCK_FILE, transaction

    check_release_version(version, Store.load(glossary_dir).version)
    source = GlossaryRepo.of(glossary_dir, need_git=False)
    repo = source.repo
    tag = f"{TAG_PREFIX}{version}"
    previous = latest_release(repo)
    if repo is not None:
        if not repo.has_commits():
            raise GitError("the repository has no commit yet", hint="commit the glossary first")
        dirty = [p for p in repo.dirty([source.rel or "."]) if not p.endswith(f"/{LOCK_FILE}")]
        if dirty:
            raise GitError(
                f"the glossary has uncommitted changes: {', '.join(dirty[:3])}"
                + (" …" if len(dirty) > 3 else ""),
                hint="commit them, so that the release tag holds exactly what is released",
            )
        if repo.tags(tag, merged=None):
            raise VersionError(f"tag '{tag}' already exists", hint="choose a greater version")
        if previous is not None:
            check_release_version(version, previous[len(TAG_PREFIX) :])
    old = source.load(previous) if previous is not None else Store(glossary_dir)
    changelog = glossary_dir / CHANGELOG_FILE
    with transaction(glossary_dir) as store:
        check_release_version(version, store.version)
        diff = diff_stores(old, store, old_label=previous or "start", new_label=version)
        section = changelog_section(version, diff, message)
        existing = changelog.read_text(encoding="utf-8") if changelog.exists() else CHANGELOG_TITLE
        head, _, rest = existing.partition("\n## ")
        atomic.write_text(
            changelog, head.rstrip("\n") + "\n\n" + section + ("\n## " + rest if rest else "")
        )
        store.version = version
    files = [glossary_dir / META_FILE, changelog]
    made_tag = None
    if repo is not None:
        subject = f"glossary: release {version}"
        repo.commit(
            [repo.relative(f) for f in files], subject + (f"\n\n{message}" if message else "")
        )
        repo.tag(tag, message or subject)
        made_tag = tag
    return Release(version, previous, section, made_tag, files)
