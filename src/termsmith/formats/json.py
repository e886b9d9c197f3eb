"""JSON: everything the store holds, in one document, for scripts and backups."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from termsmith.errors import InputFileError
from termsmith.formats.csv import decode
from termsmith.interchange import ImportedText, ImportEntry
from termsmith.project import Project
from termsmith.store import Store, term_from_obj, term_to_obj, unit_from_obj, unit_to_obj

FORMAT = "termsmith-glossary"


def export(store: Store, project: Project, *, lang: str | None = None) -> str:
    """The whole store as a JSON document (terms in id order, units by language).

    ``lang`` limits the translations to that one language.
    """
    terms: list[dict[str, Any]] = []
    for term in store.iter_terms():
        obj = term_to_obj(term)
        translations = {}
        for code, unit in store.units_of(term.id).items():
            if lang and code != lang:
                continue
            unit_obj = unit_to_obj(unit)
            del unit_obj["id"]
            translations[code] = unit_obj
        if translations:
            obj["translations"] = translations
        terms.append(obj)
    doc = {
        "format": FORMAT,
        "version": store.version,
        "source": project.config.source,
        "languages": project.languages,
        "terms": terms,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def read(path: Path, project: Project) -> list[ImportEntry]:
    """Read a document written by :func:`export`, keeping origins, statuses and revisions."""
    try:
        doc = json.loads(decode(path))
    except json.JSONDecodeError as exc:
        raise InputFileError(f"not valid JSON: {exc.msg}", path, exc.lineno, hint=_HINT) from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise InputFileError(f"not a {FORMAT} document", path, 1, hint=_HINT)
    entries = []
    for index, obj in enumerate(doc.get("terms", [])):
        where = f"terms[{index}]"
        try:
            translations = obj.pop("translations", {}) if isinstance(obj, dict) else {}
            term = term_from_obj(obj)
            entry = ImportEntry(
                term=term.term,
                id=term.id,
                note=term.note,
                status=term.status,
                kind=term.kind,
                pos=term.pos,
                fields={
                    "variants": term.variants,
                    "domain": term.domain,
                    "expands": term.expands,
                    "sources": term.sources,
                    "score": term.score,
                },
            )
            for lang, unit_obj in sorted(translations.items()):
                unit = unit_from_obj({**unit_obj, "id": term.id}, lang)
                entry.translations[lang] = ImportedText(
                    text=unit.text,
                    status=unit.status,
                    origin=unit.origin or None,
                    note=unit.note,
                    rev=unit.rev,
                    changed=unit.changed or None,
                    alternatives=unit.alternatives,
                )
        except (ValueError, AttributeError, TypeError) as exc:
            raise InputFileError(f"{where}: {exc}", path, hint=_HINT) from None
        entries.append(entry)
    return entries


_HINT = "export a valid file with 'termsmith export --format json'"
