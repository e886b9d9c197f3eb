"""What every import format produces, and how it is merged into the store.

A reader (CSV, JSON, TMX, TBX, PO) turns a file into :class:`ImportEntry` records;
:func:`apply_import` merges them with the same rules for every format:

* new units get origin ``import:<file name>`` and the source's status, else ``translated``;
* a ``reviewed`` unit is never overwritten: a differing import becomes an alternative;
* languages outside the project are skipped with a notice, regional tags
  (``fr-CA``) map to the project's language by primary subtag, with a notice.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from termsmith.languages import normalize_code, primary_subtag
from termsmith.model import Alternative, TermKind, TermStatus, UnitStatus
from termsmith.slug import slugify
from termsmith.store import Store
from termsmith.textnorm import nfc


@dataclass
class ImportedText:
    """One translation read from a file."""

    text: str
    status: UnitStatus | None = None
    origin: str | None = None
    note: str = ""
    rev: int | None = None
    changed: str | None = None
    alternatives: list[Alternative] = field(default_factory=list)


@dataclass
class ImportEntry:
    """One term read from a file: its source text, optional id, translations by raw language tag."""

    term: str
    id: str | None = None
    note: str = ""
    status: TermStatus | None = None
    kind: TermKind | None = None
    pos: str = ""
    line: int | None = None
    translations: dict[str, ImportedText] = field(default_factory=dict)
    #: further :class:`~termsmith.model.Term` fields for a new term (variants, sources…)
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class ImportSummary:
    """Counts of what an import did, and notices for the user."""

    terms_added: int = 0
    added: int = 0
    updated: int = 0
    kept: int = 0
    alternatives: int = 0
    skipped: int = 0
    notices: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Human-readable summary lines."""
        return [
            *self.notices,
            f"terms added: {self.terms_added}; units added: {self.added}, "
            f"updated: {self.updated}, kept: {self.kept}, "
            f"kept as alternatives: {self.alternatives}, skipped: {self.skipped}",
        ]


class LanguageMapper:
    """Maps a file's language tags to the project's languages, noting each mapping once."""

    def __init__(
        self, source: str, targets: list[str], explicit: dict[str, str] | None = None
    ) -> None:
        self.source = source
        self.targets = targets
        self.explicit = {normalize_code(k): v for k, v in (explicit or {}).items()}
        self.notices: list[str] = []
        self._seen: dict[str, str | None] = {}

    def map(self, tag: str) -> str | None:
        """The project language for ``tag``, or None if the project has no such language."""
        if tag in self._seen:
            return self._seen[tag]
        normal = normalize_code(tag)
        known = [self.source, *self.targets]
        result: str | None
        if normal in self.explicit:
            result = self.explicit[normal]
        elif normal in known:
            result = normal
        elif primary_subtag(normal) in known:
            result = primary_subtag(normal)
            self.notices.append(f"notice: language '{tag}' read as '{result}'")
        else:
            result = None
            self.notices.append(f"notice: language '{tag}' is not in this project; skipped")
        self._seen[tag] = result
        return result


def apply_import(
    store: Store,
    entries: list[ImportEntry],
    *,
    origin: str,
    mapper: LanguageMapper,
    term_status: TermStatus = TermStatus.ACCEPTED,
) -> ImportSummary:
    """Merge ``entries`` into ``store`` by the rules in this module's docstring."""
    summary = ImportSummary()
    for entry in entries:
        term = store.terms.get(entry.id) if entry.id else None
        if term is None and entry.term and not _is_homograph_id(entry):
            found = store.find(entry.term)
            term = found[0] if found else None
        if term is None:
            if not entry.term:
                summary.skipped += len(entry.translations)
                summary.notices.append(
                    f"notice: line {entry.line}: id '{entry.id}' is unknown and has no "
                    "source text; skipped"
                    if entry.id
                    else f"notice: line {entry.line}: no '{mapper.source}' term; skipped"
                )
                continue
            free_id = entry.id if entry.id and entry.id not in store.retired else None
            term = store.add_term(entry.term, term_id=free_id, homograph=True, **entry.fields)
            term.status = entry.status or term_status
            summary.terms_added += 1
        if entry.note and not term.note:
            term.note = entry.note
        if entry.kind and term.kind is TermKind.TERM:
            term.kind = entry.kind
        if entry.pos and not term.pos:
            term.pos = entry.pos
        by_lang: dict[str, ImportedText] = {}
        # exact tags first, so 'fr' wins over 'fr-CA' whatever the file's order
        for tag, imported in sorted(
            entry.translations.items(),
            key=lambda item: (mapper.map(item[0]) != normalize_code(item[0]), item[0]),
        ):
            lang = mapper.map(tag)
            if lang is None or lang == mapper.source or not imported.text.strip():
                summary.skipped += 1
            elif lang in by_lang:
                # several tags of one language (es, es-AR, es-BO): the rest become alternatives
                chosen = by_lang[lang]
                for alt in [Alternative(text=imported.text, origin=origin), *imported.alternatives]:
                    texts = [chosen.text, *(a.text for a in chosen.alternatives)]
                    if nfc(alt.text) not in map(nfc, texts):
                        chosen.alternatives.append(alt)
            else:
                by_lang[lang] = replace(imported, alternatives=list(imported.alternatives))
        for lang, imported in sorted(by_lang.items()):
            _merge_unit(store, term.id, lang, imported, origin, summary)
    summary.notices[:0] = mapper.notices
    return summary


def _is_homograph_id(entry: ImportEntry) -> bool:
    """Whether the entry's id marks a second sense (``charge-2``) as termsmith numbers them."""
    if not entry.id:
        return False
    base = slugify(entry.term)
    suffix = entry.id.removeprefix(base + "-")
    return suffix != entry.id and suffix.isdigit()


def _merge_unit(
    store: Store,
    term_id: str,
    lang: str,
    imported: ImportedText,
    origin: str,
    summary: ImportSummary,
) -> None:
    text = nfc(imported.text)
    status = imported.status or UnitStatus.TRANSLATED
    unit_origin = imported.origin or origin
    existing = store.unit(term_id, lang)
    if existing is not None and existing.text == text:
        if existing.status is not UnitStatus.REVIEWED and status is UnitStatus.REVIEWED:
            store.set_unit(term_id, lang, text, status=status, origin=existing.origin)
            summary.updated += 1
        else:
            summary.kept += 1
        return
    if existing is not None and existing.status is UnitStatus.REVIEWED:
        if all(alt.text != text for alt in existing.alternatives):
            alts = [*existing.alternatives, Alternative(text=text, origin=unit_origin)]
            store.set_unit(
                term_id,
                lang,
                existing.text,
                status=existing.status,
                origin=existing.origin,
                alternatives=alts,
            )
            summary.alternatives += 1
        else:
            summary.kept += 1
        return
    unit = store.set_unit(
        term_id,
        lang,
        text,
        status=status,
        origin=unit_origin,
        note=imported.note or None,
        alternatives=imported.alternatives or None,
    )
    if unit is not None:
        if imported.rev is not None and existing is None:
            unit.rev = imported.rev
        if imported.changed and existing is None:
            unit.changed = imported.changed
    if existing is None:
        summary.added += 1
    else:
        summary.updated += 1


def import_origin(path: Path) -> str:
    """``import:<file name>``."""
    return f"import:{path.name}"
