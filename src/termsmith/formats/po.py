"""PO: one language's catalog as a single file, as ``termsmith po`` writes it.

Export needs ``lang``. Import reads any PO or POT file: ``msgctxt`` is the term
id, ``msgid`` the English term, ``msgstr`` the translation, ``fuzzy`` makes it a
draft (otherwise ``translated``). The language comes from the ``Language:``
header (map it with ``--lang-map``), else from the file's name (``fr.po``) or
its ``<lang>/LC_MESSAGES/`` folder. Obsolete and plural entries are skipped.
"""

from __future__ import annotations

from pathlib import Path

from termsmith import catalogs
from termsmith.errors import InputFileError, LanguageError, TermsmithError
from termsmith.interchange import ImportedText, ImportEntry
from termsmith.languages import validate
from termsmith.model import UnitStatus
from termsmith.project import Project
from termsmith.store import Store


def export(store: Store, project: Project, *, lang: str | None = None) -> str:
    """The catalog of ``lang``, the same text as ``locales/<lang>/LC_MESSAGES/<domain>.po``."""
    if lang is None:
        raise TermsmithError("the po format holds one language", hint="pass --lang, e.g. --lang fr")
    return catalogs.render_po(project, store, lang)


def _language(path: Path, header: str) -> str | None:
    if header.strip():
        return header.strip()
    candidates = [path.stem]
    if path.parent.name == "LC_MESSAGES":
        candidates.append(path.parent.parent.name)
    for name in candidates:
        try:
            return validate(name)
        except LanguageError:
            continue
    return None


def read(path: Path, project: Project) -> list[ImportEntry]:
    """Read a PO or POT file into import entries; syntax errors name the line."""
    po = catalogs.load_po(path)
    lang = _language(path, po.metadata.get("Language", ""))
    entries: list[ImportEntry] = []
    for entry in po:
        if entry.obsolete or entry.msgid_plural or not entry.msgid:
            continue
        item = ImportEntry(term=entry.msgid, id=entry.msgctxt or None, line=entry.linenum)
        if entry.msgstr:
            if lang is None:
                raise InputFileError(
                    "the file has translations but no 'Language:' header",
                    path,
                    1,
                    hint='add a header line such as "Language: fr\\n" or name the file fr.po',
                )
            status = UnitStatus.DRAFT if "fuzzy" in entry.flags else UnitStatus.TRANSLATED
            item.translations[lang] = ImportedText(text=entry.msgstr, status=status)
        entries.append(item)
    return entries
