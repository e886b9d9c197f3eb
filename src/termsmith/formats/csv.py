"""CSV: one row per term, a column per language, the source language first.

Header: ``id`` (optional on import), then language codes. UTF-8, with or
without BOM, LF or CRLF. Rejected terms are not exported.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from termsmith import textfile
from termsmith.errors import InputFileError, LanguageError
from termsmith.interchange import ImportedText, ImportEntry
from termsmith.languages import validate
from termsmith.model import TermStatus, UnitStatus
from termsmith.project import Project
from termsmith.store import Store


def export(store: Store, project: Project, *, lang: str | None = None) -> str:
    """The glossary as CSV text, CRLF line ends as RFC 4180 and spreadsheets expect.

    ``lang`` limits the columns to the source and that one language.
    """
    langs = [lang] if lang else project.languages
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["id", project.config.source, *langs])
    for term in store.iter_terms():
        if term.status is TermStatus.REJECTED:
            continue
        units = [store.unit(term.id, lang) for lang in langs]
        cells = [u.text if u and u.status is not UnitStatus.REJECTED else "" for u in units]
        writer.writerow([term.id, term.term, *cells])
    return out.getvalue()


def decode(path: Path) -> str:
    """The file's text: UTF-8 with optional BOM; invalid bytes are named by line."""
    return textfile.decode(
        path.read_bytes(),
        path,
        encoding="utf-8-sig",
        hint="save the file as UTF-8 and import it again",
    )


def read(path: Path, project: Project) -> list[ImportEntry]:
    """Read a glossary CSV; a malformed row raises with its line number."""
    text = decode(path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputFileError("the file is empty", path, 1, hint="give a header row") from None
    except csv.Error as exc:
        raise InputFileError(f"malformed CSV: {exc}", path, 1, hint=_HINT) from None
    columns = [h.strip() for h in header]
    langs: list[str | None] = []
    for name in columns:
        if name.lower() == "id":
            langs.append(None)
            continue
        try:
            langs.append(validate(name))
        except LanguageError as exc:
            raise InputFileError(
                f"column '{name}' is not 'id' or a language code", path, 1, hint=exc.hint
            ) from None
    source = project.config.source
    if source not in langs and "id" not in [c.lower() for c in columns]:
        raise InputFileError(
            f"no '{source}' or 'id' column",
            path,
            1,
            hint=f"the header needs the source language '{source}' or an 'id' column",
        )
    entries: list[ImportEntry] = []
    previous_end = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputFileError(
                f"malformed CSV: {exc}", path, reader.line_num or previous_end + 1, hint=_HINT
            ) from None
        line = previous_end + 1
        previous_end = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            raise InputFileError(
                f"{len(row)} fields, but the header has {len(columns)}", path, line, hint=_HINT
            )
        entry = ImportEntry(term="", line=line)
        for name, lang, cell in zip(columns, langs, row, strict=True):
            if lang is None:
                entry.id = cell.strip() or None
            elif lang == source:
                entry.term = cell.strip()
            elif cell.strip():
                entry.translations[name] = ImportedText(text=cell)
        if not entry.term and not entry.id:
            raise InputFileError(
                f"no '{source}' term and no id", path, line, hint="fill in one of them"
            )
        entries.append(entry)
    return entries


_HINT = "check quoting: a field with commas, quotes or line breaks must be in double quotes"
