"""PO catalogs in ``locales/``: rendered from the store, compiled, and read back after review.

Layout::

    locales/<domain>.pot                      the English terms, for new translations
    locales/<lang>/LC_MESSAGES/<domain>.po    one catalog per target language
    locales/<lang>/LC_MESSAGES/<domain>.mo    compiled on request (ignored by git)

One entry per accepted or candidate term (rejected terms are left out), in id
order: ``msgctxt`` is the term id (homographs stay apart), ``msgid`` the English
term, ``msgstr`` the translation. Candidates are included so their machine
drafts can be reviewed like any other; their comment says they are candidates.
``#.`` comments carry the note, what an abbreviation stands for and one context
sentence; ``#:`` references point at the seed documents. Draft units (machine
translations and anything unreviewed) and units in conflict are ``fuzzy``;
translated and reviewed ones carry no flag; rejected units are left
untranslated. A unit's note is the translator comment (``#``).

Each entry also carries one translator comment ``# termsmith-base: <digest>``:
a digest of the translation, fuzzy flag and note it was written with. It is
how :func:`sync` tells a translator's edit from a store that moved on since
the file was written, and both from a conflict; it changes only when the
entry's translation does, so diffs stay one entry per change.

Dates in the headers change only when a file's content does, so running
:func:`write_all` twice leaves ``git diff`` empty.
"""

from __future__ import annotations

import hashlib
import re
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import polib

from termsmith import atomic, clock, textfile
from termsmith.errors import InputFileError, TermsmithError
from termsmith.languages import english_name, normalize_code
from termsmith.model import Alternative, Term, TermKind, TermStatus, Unit, UnitStatus
from termsmith.plurals import plural_forms
from termsmith.project import Project
from termsmith.store import Store
from termsmith.textnorm import nfc

BASE_PREFIX = "termsmith-base: "
CATALOG_STATUSES = (TermStatus.ACCEPTED, TermStatus.CANDIDATE)
_WIDTH = 75  # polib re-wraps a "#. " comment line longer than 78 columns
_DATE_FORMAT = "%Y-%m-%d %H:%M+0000"
_DIGEST = re.compile(r"^[0-9a-f]{10}$")


# --- paths -------------------------------------------------------------------


def pot_path(project: Project) -> Path:
    """``locales/<domain>.pot``."""
    return project.locales_dir / f"{project.config.domain}.pot"


def po_path(project: Project, lang: str) -> Path:
    """``locales/<lang>/LC_MESSAGES/<domain>.po`` (gettext spells regions ``pt_BR``)."""
    return (
        project.locales_dir / lang.replace("-", "_") / "LC_MESSAGES" / f"{project.config.domain}.po"
    )


def mo_path(project: Project, lang: str) -> Path:
    """The compiled catalog beside the PO file."""
    return po_path(project, lang).with_suffix(".mo")


# --- entry state -------------------------------------------------------------


def _note_key(note: str) -> str:
    # Comments are wrapped on output, so notes compare without their whitespace.
    return "".join(note.split())


@dataclass(frozen=True)
class EntryState:
    """What a PO entry says about one unit: translation, fuzzy flag, translator note."""

    text: str
    fuzzy: bool
    note: str = ""

    def key(self) -> tuple[str, bool, str]:
        """The comparable form: an untranslated entry is never fuzzy."""
        return (self.text, self.fuzzy and bool(self.text), _note_key(self.note))

    def same(self, other: EntryState) -> bool:
        """Whether both say the same thing."""
        return self.key() == other.key()

    def digest(self) -> str:
        """The short digest recorded as ``# termsmith-base:``.

        >>> EntryState("droit", False).digest() == EntryState("droit", False, " ").digest()
        True
        """
        text, fuzzy, note = self.key()
        data = "\0".join([text, "fuzzy" if fuzzy else "", note]).encode("utf-8")
        return hashlib.sha1(data, usedforsecurity=False).hexdigest()[:10]


def unit_state(unit: Unit | None) -> EntryState:
    """How a unit is rendered: rejected and missing units are untranslated."""
    if unit is None or unit.status is UnitStatus.REJECTED:
        return EntryState("", False)
    fuzzy = unit.status is UnitStatus.DRAFT or unit.conflict
    return EntryState(unit.text, fuzzy and bool(unit.text), " ".join(unit.note.split()))


# --- rendering ---------------------------------------------------------------


def catalog_terms(store: Store) -> list[Term]:
    """The terms a catalog holds: accepted and candidate ones, in id order."""
    return list(store.iter_terms(CATALOG_STATUSES))


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _wrap(text: str) -> list[str]:
    # Wrap at spaces only: polib would also break after hyphens.
    return textwrap.wrap(
        _one_line(text), _WIDTH, break_long_words=False, break_on_hyphens=False
    ) or [""]


def _extracted(term: Term, store: Store, unit: Unit | None) -> str:
    lines: list[str] = []
    if term.note:
        lines += _wrap(term.note)
    if term.kind is TermKind.ABBREVIATION and term.expands:
        expansion = store.terms.get(term.expands)
        lines += _wrap(f"Abbreviation of: {expansion.term if expansion else term.expands}")
    elif term.kind is TermKind.NAME:
        lines.append("A proper name.")
    if term.status is TermStatus.CANDIDATE:
        lines.append("Candidate term, not yet accepted.")
    sentence = next((s.sentence for s in term.sources if s.sentence.strip()), "")
    if sentence:
        lines += _wrap(f"Context: {sentence}")
    if unit is not None and unit.conflict and unit.status is not UnitStatus.REJECTED:
        for alt in unit.alternatives:
            lines += _wrap(f"Conflict, also proposed: {alt.text} ({alt.origin or 'unknown'})")
    return "\n".join(lines)


def _occurrences(term: Term) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    for source in term.sources:
        doc = "_".join(source.doc.split())
        if not doc:
            continue
        if "/" not in doc:
            doc = f"seeds/{doc}"  # seed documents live in seeds/
        ref = (doc, str(source.line) if source.line is not None else "")
        if ref not in seen:
            seen.append(ref)
    return seen


def _translator_comment(state: EntryState) -> str:
    lines = _wrap(state.note) if state.note.strip() else []
    return "\n".join([*lines, BASE_PREFIX + state.digest()])


def _new_file(header: str, metadata: dict[str, str]) -> polib.POFile:
    po = polib.POFile(wrapwidth=78, encoding="utf-8")
    po.header = header
    po.metadata = metadata
    return po


def build_pot(project: Project, store: Store, date: str) -> polib.POFile:
    """The template: every catalog term with an empty translation."""
    name = project.config.name
    pot = _new_file(
        f"{name}: the glossary's terms in English, for translation.\n"
        "Generated by termsmith from glossary/; do not edit it, edit the PO files.",
        {
            "Project-Id-Version": f"{name} {store.version}",
            "POT-Creation-Date": date,
            "PO-Revision-Date": date,
            "Last-Translator": "",
            "Language-Team": "",
            "Language": "",
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
        },
    )
    for term in catalog_terms(store):
        pot.append(
            polib.POEntry(
                msgctxt=term.id,
                msgid=term.term,
                msgstr="",
                comment=_extracted(term, store, None),
                occurrences=_occurrences(term),
            )
        )
    return pot


def build_po(
    project: Project, store: Store, lang: str, pot_date: str, revision_date: str
) -> polib.POFile:
    """The catalog of one target language."""
    name = project.config.name
    language = english_name(lang)
    po = _new_file(
        f"{name}: {language} translations of the glossary's terms.\n"
        "Generated by termsmith from glossary/. Edit a msgstr, remove the 'fuzzy'\n"
        "flag once a translation is right, then run 'termsmith po sync' to read it\n"
        "back. Keep the 'termsmith-base' lines: they tell sync what the store held.",
        {
            "Project-Id-Version": f"{name} {store.version}",
            "POT-Creation-Date": pot_date,
            "PO-Revision-Date": revision_date,
            "Last-Translator": "",
            "Language-Team": language,
            "Language": lang.replace("-", "_"),
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": plural_forms(lang),
        },
    )
    for term in catalog_terms(store):
        unit = store.unit(term.id, lang)
        state = unit_state(unit)
        po.append(
            polib.POEntry(
                msgctxt=term.id,
                msgid=term.term,
                msgstr=state.text,
                flags=["fuzzy"] if state.fuzzy else [],
                tcomment=_translator_comment(state),
                comment=_extracted(term, store, unit),
                occurrences=_occurrences(term),
            )
        )
    return po


def _text(po: polib.POFile) -> str:
    return str(po).rstrip("\n") + "\n"


_HEADER_DATE = {
    "POT-Creation-Date": re.compile(r'^"POT-Creation-Date: ([^"\\]*)\\n"$', re.MULTILINE),
    "PO-Revision-Date": re.compile(r'^"PO-Revision-Date: ([^"\\]*)\\n"$', re.MULTILINE),
}


def _existing(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (FileNotFoundError, UnicodeDecodeError):
        return None


@dataclass
class Rendered:
    """One catalog: its path, the polib file and the exact text to write."""

    path: Path
    po: polib.POFile
    text: str


def _dated(path: Path, fields: tuple[str, ...], build: Callable[[str], polib.POFile]) -> Rendered:
    """Render with the file's own date; if that does not reproduce the file, date it now.

    So dates change only when the content does, whatever the clock says.
    """
    old = _existing(path)
    match = _HEADER_DATE[fields[0]].search(old) if old is not None else None
    now = clock.now().strftime(_DATE_FORMAT)
    po = build(match.group(1) if match else now)
    text = _text(po)
    if match and text != old:
        for name in fields:
            po.metadata[name] = now
        text = _text(po)
    return Rendered(path, po, text)


@dataclass
class Catalogs:
    """The rendered catalogs of a project: the template and one catalog per language."""

    pot: Rendered
    pos: dict[str, Rendered] = field(default_factory=dict)

    def texts(self) -> dict[Path, str]:
        """Every file's text, the template first."""
        out = {self.pot.path: self.pot.text}
        for _, rendered in sorted(self.pos.items()):
            out[rendered.path] = rendered.text
        return out


def build_all(project: Project, store: Store, langs: Iterable[str] | None = None) -> Catalogs:
    """Render the template and the catalogs of ``langs`` (default: every target language)."""
    pot = _dated(
        pot_path(project),
        ("POT-Creation-Date", "PO-Revision-Date"),
        lambda date: build_pot(project, store, date),
    )
    pot_date = pot.po.metadata["POT-Creation-Date"]
    catalogs = Catalogs(pot)
    for lang in project.languages if langs is None else langs:

        def build(date: str, lang: str = lang) -> polib.POFile:
            return build_po(project, store, lang, pot_date, date)

        catalogs.pos[lang] = _dated(po_path(project, lang), ("PO-Revision-Date",), build)
    return catalogs


def render_all(project: Project, store: Store) -> dict[Path, str]:
    """Every catalog's text by path: the POT, then one PO per target language."""
    return build_all(project, store).texts()


def render_po(project: Project, store: Store, lang: str) -> str:
    """The text of one language's catalog, as :func:`write_all` would write it."""
    return build_all(project, store, [lang]).pos[lang].text


def write_all(project: Project, store: Store, *, skip: Iterable[Path] = ()) -> list[Path]:
    """Write every catalog that changed (atomically); returns the files written.

    ``skip`` names files to leave alone (a catalog :func:`sync` refused to read).
    """
    left = set(skip)
    return [
        path
        for path, text in render_all(project, store).items()
        if path not in left and atomic.write_text(path, text)
    ]


def compile_mo(project: Project, store: Store) -> list[Path]:
    """Write the ``.mo`` file of every target language; returns those that changed.

    Fuzzy entries are left out, as ``msgfmt`` does: drafts are not shipped.
    """
    written = []
    for lang, rendered in sorted(build_all(project, store).pos.items()):
        target = mo_path(project, lang)
        if atomic.write_bytes(target, rendered.po.to_binary()):
            written.append(target)
    return written


# --- reading -----------------------------------------------------------------

_STRING = r'"(?:[^"\\]|\\.)*"'
_KEYWORD = re.compile(
    rf"^(?:#~\s*)?(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?{_STRING}\s*$"
)
_POLIB_LINE = re.compile(r"\(line (\d+)\)(?::\s*(.*))?")
_SYNTAX_HINT = "fix the line, or restore the file with 'git checkout' and run 'termsmith po'"


def _check_lines(path: Path, text: str) -> None:
    """Name the first line that is not PO syntax (polib skips some silently)."""
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        obsolete = stripped.startswith("#~")
        if not stripped or (stripped.startswith("#") and not obsolete):
            continue
        rest = stripped[2:].strip() if obsolete else stripped
        if obsolete and (not rest or rest.startswith(("|", "#", ",", ".", ":"))):
            continue  # an obsolete entry's comments and previous msgid
        if not _KEYWORD.match(stripped):
            what = (
                "unterminated string or unescaped double quote"
                if '"' in stripped
                else ("not PO syntax")
            )
            raise InputFileError(
                f"{what}: expected a comment, a keyword such as msgid, or a quoted string",
                path,
                number,
                hint=_SYNTAX_HINT,
            )


def load_po(path: Path) -> polib.POFile:
    """Parse a PO or POT file; any error is an :class:`InputFileError` naming the line."""
    data = path.read_bytes()
    text = textfile.decode(data, path, hint="save the file as UTF-8 (charset=UTF-8)")
    if text.startswith("\ufeff"):
        text = text[1:]
    _check_lines(path, text)
    try:
        po = polib.pofile(str(path), encoding="utf-8", wrapwidth=78)
    except (OSError, ValueError) as exc:
        match = _POLIB_LINE.search(str(exc))
        if match:
            detail = match.group(2) or "syntax error"
            raise InputFileError(detail, path, int(match.group(1)), hint=_SYNTAX_HINT) from None
        raise InputFileError(str(exc), path, hint=_SYNTAX_HINT) from None
    seen: dict[tuple[str | None, str], int] = {}
    for entry in po:
        if entry.obsolete:
            continue
        key = (entry.msgctxt, entry.msgid)
        if key in seen:
            raise InputFileError(
                f"duplicate entry (also on line {seen[key]})",
                path,
                entry.linenum,
                hint="keep one entry per msgctxt and msgid",
            )
        seen[key] = entry.linenum
    return po


def split_tcomment(tcomment: str) -> tuple[str, str | None]:
    """A translator comment as (note, recorded base digest or None).

    >>> split_tcomment("check with legal\\ntermsmith-base: 0123456789")
    ('check with legal', '0123456789')
    """
    notes: list[str] = []
    base: str | None = None
    for line in tcomment.split("\n"):
        stripped = line.strip()
        if stripped.startswith(BASE_PREFIX.strip()):
            value = stripped[len(BASE_PREFIX.strip()) :].strip()
            base = value if _DIGEST.match(value) else None
        elif stripped:
            notes.append(stripped)
    return " ".join(notes), base


def entry_state(entry: polib.POEntry) -> EntryState:
    """What a parsed entry says, in stored form (NFC text)."""
    note, _ = split_tcomment(entry.tcomment or "")
    text = nfc(entry.msgstr or "")
    return EntryState(text, "fuzzy" in entry.flags and bool(text), note)


def translator_name(po: polib.POFile) -> str:
    """The ``Last-Translator`` without the e-mail address, or ``po`` when unset.

    >>> po = polib.POFile(); po.metadata = {"Last-Translator": "Ana Díaz <ana@example.org>"}
    >>> translator_name(po)
    'Ana Díaz'
    """
    value = po.metadata.get("Last-Translator", "")
    name = re.sub(r"<[^>]*>", "", value).strip()
    if not name or name.upper() == "FULL NAME":
        return "po"
    return " ".join(name.split())


# --- sync --------------------------------------------------------------------


@dataclass
class SyncReport:
    """What :func:`sync` did: changes per kind, conflicts, notices, files rewritten."""

    reviewed: list[str] = field(default_factory=list)
    drafts: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    unchanged: int = 0
    written: list[Path] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Human-readable lines: notices, conflicts, counts."""
        return [
            *self.notices,
            *self.conflicts,
            f"reviewed: {len(self.reviewed)}, drafts: {len(self.drafts)}, "
            f"notes: {len(self.notes)}, conflicts: {len(self.conflicts)}, "
            f"unchanged: {self.unchanged}",
        ]


@dataclass
class ReadCatalog:
    """A PO file read for :func:`sync`."""

    lang: str
    path: Path
    po: polib.POFile


def read_catalogs(project: Project, report: SyncReport) -> list[ReadCatalog]:
    """Parse every target language's PO file; a syntax error raises before anything changes."""
    found: list[ReadCatalog] = []
    for lang in project.languages:
        path = po_path(project, lang)
        if path.is_file():
            found.append(ReadCatalog(lang, path, load_po(path)))
    wanted = {po_path(project, lang) for lang in project.languages}
    if project.locales_dir.is_dir():
        for path in sorted(project.locales_dir.glob(f"*/LC_MESSAGES/{project.config.domain}.po")):
            if path not in wanted:
                report.notices.append(
                    f"{_rel(project, path)}: '{path.parents[1].name}' is not a target language "
                    "of this project; not imported"
                )
    return found


def _rel(project: Project, path: Path) -> str:
    try:
        return str(path.relative_to(project.root))
    except ValueError:
        return str(path)


def merge(project: Project, store: Store, catalog: ReadCatalog, report: SyncReport) -> bool:
    """Merge one parsed catalog into ``store``; False when the file was refused."""
    where = _rel(project, catalog.path)
    header = catalog.po.metadata.get("Language", "").strip()
    if header and normalize_code(header) != normalize_code(catalog.lang):
        report.notices.append(
            f"{where}: the header says 'Language: {header}' but the file is for "
            f"'{catalog.lang}'; not imported, left as it is"
        )
        return False
    origin = f"human:{translator_name(catalog.po)}"
    for entry in catalog.po:
        at = f"{where}:{entry.linenum}"
        label = entry.msgctxt or entry.msgid
        if entry.obsolete:
            report.notices.append(f"{at}: obsolete entry '{label}' not imported")
            continue
        if entry.msgid_plural:
            report.notices.append(f"{at}: plural entry '{label}' not imported")
            continue
        term = store.terms.get(entry.msgctxt or "")
        if term is None or term.status not in CATALOG_STATUSES:
            report.notices.append(f"{at}: entry '{label}' is not in the glossary; not imported")
            continue
        if nfc(entry.msgid) != term.term:
            report.notices.append(
                f"{at}: '{term.id}' has msgid '{entry.msgid}' but the glossary says "
                f"'{term.term}'; not imported"
            )
            continue
        _merge_entry(store, catalog.lang, term, entry, origin, at, report)
    return True


def _merge_entry(
    store: Store,
    lang: str,
    term: Term,
    entry: polib.POEntry,
    origin: str,
    at: str,
    report: SyncReport,
) -> None:
    unit = store.unit(term.id, lang)
    ours = unit_state(unit)
    theirs = entry_state(entry)
    _, base = split_tcomment(entry.tcomment or "")
    label = f"{lang}/{term.id}"
    if theirs.same(ours) or (base is not None and theirs.digest() == base):
        # Nothing edited, or the file predates a change in the store: the store stands.
        report.unchanged += 1
        return
    if base is not None:
        store_moved = ours.digest() != base
    else:
        # No record of what was written: only a reviewed translation is protected.
        store_moved = unit is not None and unit.status is UnitStatus.REVIEWED
    if not theirs.text:
        report.notices.append(f"{at}: '{term.id}': an emptied translation is not imported")
        return
    if store_moved and theirs.text != ours.text:
        assert unit is not None
        alternatives = list(unit.alternatives)
        if all(alt.text != theirs.text for alt in alternatives):
            alternatives.append(Alternative(text=theirs.text, origin=origin))
        store.set_unit(
            term.id,
            lang,
            unit.text,
            status=unit.status,
            origin=unit.origin,
            alternatives=alternatives,
            conflict=True,
        )
        kept = ours.text or "(untranslated)"
        why = (
            "the glossary changed since this file was written"
            if base is not None
            else "the glossary's translation is reviewed and the entry has no termsmith-base line"
        )
        report.conflicts.append(
            f"{at}: conflict in {label}: {why}; kept '{kept}', "
            f"the file's '{theirs.text}' is kept as an alternative"
        )
        return
    replaced = unit is None or unit.status is UnitStatus.REJECTED or unit.text != theirs.text
    flag_changed = theirs.fuzzy != ours.fuzzy
    note = theirs.note if _note_key(theirs.note) != _note_key(ours.note) else None
    if replaced or unit is None:
        status = UnitStatus.DRAFT if theirs.fuzzy else UnitStatus.REVIEWED
        new_origin = origin
    else:
        # The same text approved (or sent back to draft): its provenance stays.
        status = unit.status
        if flag_changed:
            status = UnitStatus.DRAFT if theirs.fuzzy else UnitStatus.REVIEWED
        new_origin = unit.origin or origin
    resolves = unit is not None and unit.conflict and (replaced or flag_changed)
    store.set_unit(
        term.id,
        lang,
        theirs.text,
        status=status,
        origin=new_origin,
        note=note,
        conflict=False if resolves else None,
    )
    if replaced or flag_changed:
        (report.drafts if status is UnitStatus.DRAFT else report.reviewed).append(label)
    else:
        report.notes.append(label)


def unsynced_edits(project: Project, store: Store) -> list[str]:
    """Entries edited in ``locales/`` since they were written and not yet read back.

    Each as ``file:line: lang/id``. Regenerating would lose them, so ``termsmith
    po`` refuses while there are any. Entries whose file only added ``fuzzy``
    (as a git merge of catalogs does on a conflict) and entries that already say
    what the store says are not counted, nor entries without a base line.
    """
    found: list[str] = []
    for lang in project.languages:
        path = po_path(project, lang)
        if not path.is_file():
            continue
        for entry in load_po(path):
            term = store.terms.get(entry.msgctxt or "")
            if entry.obsolete or entry.msgid_plural or term is None:
                continue
            _, base = split_tcomment(entry.tcomment or "")
            theirs = entry_state(entry)
            if base is None or theirs.digest() == base:
                continue
            if theirs.fuzzy and EntryState(theirs.text, False, theirs.note).digest() == base:
                continue
            if theirs.same(unit_state(store.unit(term.id, lang))):
                continue
            found.append(f"{_rel(project, path)}:{entry.linenum}: {lang}/{term.id}")
    return found


def require_synced(project: Project, store: Store, *, hint: str) -> None:
    """Raise when PO files hold edits not yet read back: regenerating would lose them."""
    edits = unsynced_edits(project, store)
    if edits:
        more = f" and {len(edits) - 1} more" if len(edits) > 1 else ""
        raise TermsmithError(f"PO files hold edits not yet read back: {edits[0]}{more}", hint=hint)


def sync(project: Project) -> SyncReport:
    """Read edited PO files back into the store, then bring every catalog up to date.

    Every file is parsed before anything is written, so a syntax error changes
    nothing. Files refused (wrong ``Language``) are left as they are.
    """
    report = SyncReport()
    catalogs = read_catalogs(project, report)
    refused: list[Path] = []
    with project.transaction() as store:
        for catalog in catalogs:
            if not merge(project, store, catalog, report):
                refused.append(catalog.path)
    report.written = write_all(project, store, skip=refused)
    return report
