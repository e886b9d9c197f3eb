"""TBX v3: the glossary as TBX-Basic (ISO 30042:2019, DCA style).

``<tbx type="TBX-Basic" style="dca" xmlns="urn:iso:std:iso:30042:ed-2">`` with a
``conceptEntry`` per term, a ``langSec`` per language and a ``termSec`` per term:
subject field, notes, part of speech, contexts (with their source document),
English variants (``termType`` ``variant``), ``administrativeStatus``, and each
translation's origin and date as a ``transacGrp`` (``responsibility``, ``date``).
TBX-Basic has no "draft" or "candidate": those carry no administrativeStatus
and read back as ``translated`` and ``accepted`` (see ``docs/interchange.md``).
Writing and reading are shared with :mod:`termsmith.formats.tbx`.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from termsmith.formats import tbx
from termsmith.interchange import ImportEntry
from termsmith.project import Project
from termsmith.store import Store


def export(store: Store, project: Project, *, lang: str | None = None) -> str:
    """The glossary as a TBX-Basic v3 document; ``lang`` limits it to one target language."""
    root = tbx.render(store, project, tbx.V3, lang=lang)
    data: bytes = etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)
    return data.decode("utf-8")


def read(path: Path, project: Project) -> list[ImportEntry]:
    """Read a TBX file, v3 or v2 (the root element tells them apart)."""
    return tbx.read(path, project)
