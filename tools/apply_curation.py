"""Write the curated seed glossary (``glossary/curation/seed-glossary.toml``) into the store.

Usage, at the project root::

    .venv/bin/python tools/apply_curation.py           # apply, print what changed
    .venv/bin/python tools/apply_curation.py --check   # exit 1 if the store is out of date

The data file is the source of truth for the curated terms: their status (accepted), kind,
part of speech, note, variants, abbreviation links, and their translations, recorded with
origin ``curated`` and status ``translated``. Terms listed under ``[rejected]`` get status
``rejected`` so that extraction does not propose them again. Applying twice changes nothing.

Units a person has signed off (status ``reviewed``) or written (origin ``human:…``) are left
alone and reported: curation never overwrites a named person's work.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from termsmith.errors import InputFileError, TermsmithError
from termsmith.model import Source, TermKind, TermStatus, UnitStatus
from termsmith.project import Project
from termsmith.store import Store, term_to_obj
from termsmith.textnorm import nfc

CURATION_FILE = Path("glossary/curation/seed-glossary.toml")
ORIGIN = "curated"
MAX_SOURCES = 3  # the first occurrences are enough to show a term in context


@dataclass(frozen=True)
class CuratedTerm:
    """One accepted term of the curation file."""

    term: str
    kind: TermKind
    pos: str
    note: str
    variants: tuple[str, ...]
    expands: str
    translations: dict[str, str]
    basis: dict[str, str]


@dataclass(frozen=True)
class Element:
    """How a recurring English element (``procuratorial``) is rendered in each language."""

    name: str
    forms: dict[str, tuple[str, ...]]
    exceptions: dict[str, dict[str, str]]


@dataclass(frozen=True)
class Curation:
    """The whole curation file."""

    languages: tuple[str, ...]
    terms: tuple[CuratedTerm, ...]
    rejected: dict[str, str]
    elements: tuple[Element, ...]
    document: str = ""


@dataclass
class Report:
    """What applying the curation changed."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    kept_human: list[str] = field(default_factory=list)
    sourced: list[str] = field(default_factory=list)

    @property
    def nothing(self) -> bool:
        return not (self.added or self.changed or self.units or self.rejected or self.sourced)


class CurationError(InputFileError):
    """The curation file is malformed."""


def _line_of(text: str, needle: str) -> int | None:
    for n, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return n
    return None


def _strs(value: Any, what: str, path: Path, line: int | None) -> dict[str, str]:
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise CurationError(f"{what} must be a table of strings", path, line)
    return {k: nfc(v).strip() for k, v in value.items()}


def load(path: Path) -> Curation:
    """Read and validate the curation file; errors name the file and line."""
    text = path.read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CurationError(str(exc), path, hint="fix the TOML syntax") from None
    languages = tuple(data.get("meta", {}).get("languages", []))
    if not languages:
        raise CurationError("[meta] languages is missing", path, 1)
    terms: list[CuratedTerm] = []
    seen: set[str] = set()
    for raw in data.get("term", []):
        name = nfc(str(raw.get("term", ""))).strip()
        line = _line_of(text, f'term = "{name}"')
        if not name:
            raise CurationError("a [[term]] has no term", path, line)
        if name in seen:
            raise CurationError(f"'{name}' is curated twice", path, line)
        seen.add(name)
        translations = _strs(raw.get("tr", {}), f"[term.tr] of '{name}'", path, line)
        missing = [lang for lang in languages if not translations.get(lang)]
        if missing:
            raise CurationError(
                f"'{name}' has no translation in {', '.join(missing)}",
                path,
                line,
                hint="every accepted term needs all target languages",
            )
        extra = sorted(set(translations) - set(languages))
        if extra:
            raise CurationError(f"'{name}': unknown language {', '.join(extra)}", path, line)
        note = str(raw.get("note", "")).strip()
        if not note:
            raise CurationError(f"'{name}' has no note", path, line)
        try:
            kind = TermKind(raw.get("kind", "term"))
        except ValueError:
            raise CurationError(f"'{name}': unknown kind {raw.get('kind')!r}", path, line) from None
        expands = str(raw.get("expands", "")).strip()
        if kind is TermKind.ABBREVIATION and not expands:
            raise CurationError(f"abbreviation '{name}' has no expands", path, line)
        terms.append(
            CuratedTerm(
                term=name,
                kind=kind,
                pos=str(raw.get("pos", "")),
                note=nfc(note),
                variants=tuple(nfc(v).strip() for v in raw.get("variants", [])),
                expands=nfc(expands),
                translations=translations,
                basis=_strs(raw.get("basis", {}), f"[term.basis] of '{name}'", path, line),
            )
        )
    for term in terms:
        if term.expands and term.expands not in seen:
            raise CurationError(
                f"'{term.term}' expands to '{term.expands}', which is not curated",
                path,
                _line_of(text, f'expands = "{term.expands}"'),
            )
    rejected = _strs(data.get("rejected", {}), "[rejected]", path, _line_of(text, "[rejected]"))
    both = sorted(seen & set(rejected))
    if both:
        raise CurationError(
            f"accepted and rejected at once: {', '.join(both)}", path, _line_of(text, "[rejected]")
        )
    elements = []
    for name, table in sorted(data.get("elements", {}).items()):
        forms = {
            lang: tuple(nfc(f) for f in table.get(lang, []))
            for lang in languages
            if table.get(lang)
        }
        exceptions = {
            nfc(term): _strs(reasons, f"exception '{term}'", path, None)
            for term, reasons in table.get("exceptions", {}).items()
        }
        elements.append(Element(name, forms, exceptions))
    document = str(data.get("meta", {}).get("document", ""))
    return Curation(languages, tuple(terms), rejected, tuple(elements), document)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def find_sources(text: str, doc: str, forms: Sequence[str]) -> list[Source]:
    """Where ``forms`` occur in ``text``: every occurrence, with line, offsets and sentence.

    Matching is case-sensitive, except that a form may take a capital at the start of a
    sentence: "procuratorate" does not match in "Supreme People's Procuratorate".

    >>> [(s.line, s.start, s.end) for s in find_sources("A b.\nThe SPP met.", "d", ["SPP"])]
    [(2, 9, 12)]
    """
    wanted = set(forms)
    capitalised = {f[:1].upper() + f[1:] for f in wanted} - wanted
    alternatives = sorted(wanted | capitalised, key=lambda f: (-len(f), f))
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(f) for f in alternatives)})(?![\w-])")
    found: list[Source] = []
    offset = 0
    for number, line in enumerate(text.split("\n"), 1):
        cuts = [0, *(m.end() for m in _SENTENCE_END.finditer(line)), len(line)]
        for a, b in itertools.pairwise(cuts):
            sentence = line[a:b].strip()
            first = a + len(line[a:b]) - len(line[a:b].lstrip())
            for match in pattern.finditer(line, a, b):
                if match.group() not in wanted and match.start() != first:
                    continue  # a capital inside a sentence: another word (a name)
                found.append(
                    Source(
                        doc=doc,
                        sentence=sentence,
                        start=offset + match.start(),
                        end=offset + match.end(),
                        line=number,
                    )
                )
        offset += len(line) + 1
    return found


def apply(store: Store, curation: Curation, document: str | None = None) -> Report:
    """Bring ``store`` in line with ``curation``; returns what changed.

    ``document`` is the text of the curated document: curated terms that have no
    sources yet (the extractor records its own) get their first occurrences in it.
    """
    report = Report()
    ids: dict[str, str] = {}
    for cur in curation.terms:
        found = store.find(cur.term)
        term = found[0] if found else store.add_term(cur.term)
        if not found:
            report.added.append(term.id)
        ids[cur.term] = term.id
    for cur in curation.terms:
        term = store.term(ids[cur.term])
        before = term_to_obj(term)
        term.status = TermStatus.ACCEPTED
        term.kind = cur.kind
        term.pos = cur.pos
        term.note = cur.note
        term.expands = ids[cur.expands] if cur.expands else ""
        # The curated variants are authoritative: forms the extractor finds are reviewed
        # into the data file, so a variant removed there disappears here too.
        term.variants = list(cur.variants)
        if term_to_obj(term) != before and term.id not in report.added:
            report.changed.append(term.id)
        for lang in curation.languages:
            unit = store.unit(term.id, lang)
            if unit is not None and (
                unit.status is UnitStatus.REVIEWED or unit.origin.startswith("human:")
            ):
                if unit.text != cur.translations[lang]:
                    report.kept_human.append(f"{term.id} [{lang}]")
                continue
            changed = store.set_unit(
                term.id,
                lang,
                cur.translations[lang],
                status=UnitStatus.TRANSLATED,
                origin=ORIGIN,
                note=cur.basis.get(lang, ""),
            )
            if changed is not None:
                report.units.append(f"{term.id} [{lang}]")
        if document is not None and not term.sources:
            term.sources = find_sources(document, curation.document, [cur.term, *cur.variants])[
                :MAX_SOURCES
            ]
            if term.sources:
                report.sourced.append(term.id)
    curated = set(ids.values())
    for cur in curation.terms:
        # The extractor proposes the text's forms (plurals); they are variants of a curated
        # term, so they are kept as rejected duplicates that point to it, not proposed again.
        for variant in cur.variants:
            if variant in curation.rejected:
                continue
            for dup in store.find(variant):
                if dup.id in curated:
                    continue
                before = term_to_obj(dup)
                dup.status = TermStatus.REJECTED
                dup.note = f"A form of '{cur.term}' ({ids[cur.term]}), kept there as a variant."
                if term_to_obj(dup) != before:
                    report.rejected.append(dup.id)
    for text, reason in sorted(curation.rejected.items()):
        found = store.find(text)
        term = found[0] if found else store.add_term(text)
        before = term_to_obj(term)
        term.status = TermStatus.REJECTED
        term.note = reason
        if term_to_obj(term) != before or not found:
            report.rejected.append(term.id)
    return report


def main(argv: list[str] | None = None) -> int:
    """Apply the curation file to the project's store (or check that it is applied)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--root", type=Path, default=None, help="project root (default: found)")
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if the store is out of date"
    )
    args = parser.parse_args(argv)
    try:
        project = Project.find(args.root)
        curation = load(project.root / CURATION_FILE)
        document = None
        if curation.document:
            doc_path = project.root / curation.document
            if not doc_path.is_file():
                raise CurationError(
                    f"the curated document {curation.document} is missing",
                    project.root / CURATION_FILE,
                    hint="restore it, or correct [meta] document",
                )
            document = doc_path.read_text(encoding="utf-8")
        if args.check:
            store = project.load_store()
            before = store.serialize()
            report = apply(store, curation, document)
            stale = store.serialize() != before
        else:
            with project.transaction() as store:
                report = apply(store, curation, document)
            stale = False
    except TermsmithError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    for label, items in (
        ("added", report.added),
        ("changed", report.changed),
        ("translations set", report.units),
        ("rejected", report.rejected),
        ("kept (reviewed or human, differs from curation)", report.kept_human),
        ("sources found", report.sourced),
    ):
        if items:
            shown = ", ".join(items[:8]) + (", …" if len(items) > 8 else "")
            print(f"{label} ({len(items)}): {shown}")
    if report.nothing:
        print(f"up to date: {len(curation.terms)} curated terms, {len(curation.rejected)} rejected")
    if stale:
        print("the store is out of date: run tools/apply_curation.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
