"""TBX: the glossary as TBX v2 (``martif``), and import of TBX v2 and v3.

The v2 dialect is the one translate-toolkit, OmegaT and Weblate read::

    <martif type="TBX" xml:lang="en">
      <martifHeader>…</martifHeader>
      <text><body>
        <termEntry id="procuratorial-organs">
          <descrip type="subjectField">…</descrip> <note>term note</note>
          <langSet xml:lang="en"><tig><term>procuratorial organs</term>…</tig></langSet>
          <langSet xml:lang="fr"><tig><term>organes du parquet</term>…</tig></langSet>

TBX v3 (:mod:`termsmith.formats.tbx3`) has the same shape under other names
(``tbx``, ``conceptEntry``, ``langSec``, ``termSec``), so one writer and one
reader serve both; :data:`V2` and :data:`V3` name the differences. The status
mapping is in :data:`ADMIN_STATUS` and ``docs/interchange.md``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from termsmith import __version__, xmlsafe
from termsmith.errors import InputFileError
from termsmith.interchange import ImportedText, ImportEntry, import_origin
from termsmith.languages import normalize_code, primary_subtag
from termsmith.model import (
    Alternative,
    Source,
    Term,
    TermKind,
    TermStatus,
    Unit,
    UnitStatus,
    valid_origin,
)
from termsmith.project import Project
from termsmith.store import Store
from termsmith.xmlsafe import checked, local

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NS_V3 = "urn:iso:std:iso:30042:ed-2"
TOOL = "termsmith"

PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
SUPERSEDED = "supersededTerm-admn-sts"

#: administrativeStatus written for each status; None writes none (TBX has no "draft")
ADMIN_STATUS: dict[UnitStatus | TermStatus, str | None] = {
    UnitStatus.REVIEWED: PREFERRED,
    UnitStatus.TRANSLATED: ADMITTED,
    UnitStatus.DRAFT: None,
    UnitStatus.REJECTED: DEPRECATED,
    TermStatus.ACCEPTED: PREFERRED,
    TermStatus.CANDIDATE: None,
    TermStatus.REJECTED: DEPRECATED,
}

#: processStatus (TBX v2 only) keeps draft/translated/reviewed and candidate apart
PROCESS_STATUS: dict[UnitStatus | TermStatus, str] = {
    UnitStatus.DRAFT: "unprocessed",
    UnitStatus.TRANSLATED: "provisionallyProcessed",
    UnitStatus.REVIEWED: "finalized",
    UnitStatus.REJECTED: "finalized",
    TermStatus.CANDIDATE: "unprocessed",
    TermStatus.ACCEPTED: "finalized",
    TermStatus.REJECTED: "finalized",
}


@dataclass(frozen=True)
class Dialect:
    """Element names of one TBX version."""

    ns: str | None
    root: str
    header: str
    entry: str
    lang_sec: str
    term_sec: str
    process_status: bool


V2 = Dialect(None, "martif", "martifHeader", "termEntry", "langSet", "tig", True)
V3 = Dialect(NS_V3, "tbx", "tbxHeader", "conceptEntry", "langSec", "termSec", False)

_NCNAME = re.compile(r"[A-Za-z][A-Za-z0-9.-]*")
_ESCAPE = re.compile(r"_([0-9a-f]+)_")


def xml_id(term_id: str) -> str:
    """A term id as an XML ``ID`` (an NCName), reversibly.

    Ids that are NCNames stay as they are; others get a ``_`` and ``_hex_`` escapes.

    >>> xml_id("procuratorial-organs"), xml_id("2020-law"), xml_id("a b")
    ('procuratorial-organs', '_2020-law', '_a_20_b')
    >>> term_id("_a_20_b")
    'a b'
    """
    if _NCNAME.fullmatch(term_id):
        return term_id
    return "_" + re.sub(r"[^A-Za-z0-9.-]", lambda m: f"_{ord(m.group()):x}_", term_id)


def term_id(value: str) -> str:
    """The term id :func:`xml_id` made ``value`` from."""
    if not value.startswith("_"):
        return value
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value[1:])


# --- export ------------------------------------------------------------------


class _Writer:
    def __init__(self, dialect: Dialect) -> None:
        self.dialect = dialect

    def tag(self, name: str) -> str:
        return f"{{{self.dialect.ns}}}{name}" if self.dialect.ns else name

    def sub(self, parent: Any, name: str, text: str | None = None, **attrib: str) -> Any:
        element = etree.SubElement(parent, self.tag(name), attrib)
        if text is not None:
            element.text = text
        return element

    def status(self, parent: Any, status: UnitStatus | TermStatus) -> None:
        admin = ADMIN_STATUS[status]
        if admin:
            self.sub(parent, "termNote", admin, type="administrativeStatus")
        if self.dialect.process_status:
            self.sub(parent, "termNote", PROCESS_STATUS[status], type="processStatus")

    def header(self, root: Any, project: Project) -> None:
        header = self.sub(root, self.dialect.header)
        file_desc = self.sub(header, "fileDesc")
        if project.config.name:
            title = self.sub(file_desc, "titleStmt")
            self.sub(title, "title", checked(project.config.name, "the project name"))
        source_desc = self.sub(file_desc, "sourceDesc")
        self.sub(source_desc, "p", f"{TOOL} {__version__}")

    def entry(self, body: Any, store: Store, term: Term, langs: list[str], source: str) -> None:
        where = f"term '{term.id}'"
        entry = self.sub(body, self.dialect.entry, id=xml_id(term.id))
        if term.domain:
            self.sub(entry, "descrip", checked(term.domain, f"the domain of {where}"),
                     type="subjectField")  # fmt: skip
        if term.note:
            self.sub(entry, "note", checked(term.note, f"the note of {where}"))
        lang_sec = self.sub(entry, self.dialect.lang_sec, **{XML_LANG: source})
        term_sec = self.sub(lang_sec, self.dialect.term_sec)
        self.sub(term_sec, "term", checked(term.term, where))
        pos = term.pos or ("properNoun" if term.kind is TermKind.NAME else "")
        if pos:
            self.sub(term_sec, "termNote", checked(pos, f"the part of speech of {where}"),
                     type="partOfSpeech")  # fmt: skip
        if term.kind is TermKind.ABBREVIATION:
            self.sub(term_sec, "termNote", "abbreviation", type="termType")
        self.status(term_sec, term.status)
        for source_ in term.sources:
            if source_.sentence:
                group = self.sub(term_sec, "descripGrp")
                self.sub(group, "descrip", checked(source_.sentence, f"a context of {where}"),
                         type="context")  # fmt: skip
                if source_.doc:
                    self.sub(group, "admin", checked(source_.doc, f"a source of {where}"),
                             type="source")  # fmt: skip
        for variant in term.variants:
            term_sec = self.sub(lang_sec, self.dialect.term_sec)
            self.sub(term_sec, "term", checked(variant, f"a variant of {where}"))
            self.sub(term_sec, "termNote", "variant", type="termType")
        for code in langs:
            unit = store.unit(term.id, code)
            if unit is not None:
                self.unit(entry, unit, where)

    def unit(self, entry: Any, unit: Unit, where: str) -> None:
        lang_sec = self.sub(entry, self.dialect.lang_sec, **{XML_LANG: unit.lang})
        term_sec = self.sub(lang_sec, self.dialect.term_sec)
        self.sub(term_sec, "term", checked(unit.text, f"the {unit.lang} text of {where}"))
        self.status(term_sec, unit.status)
        if unit.origin or _date(unit.changed):
            group = self.sub(term_sec, "transacGrp")
            self.sub(group, "transac", "modification", type="transactionType")
            if _date(unit.changed):
                self.sub(group, "date", unit.changed)
            if unit.origin:
                self.sub(group, "transacNote",
                         checked(unit.origin, f"the {unit.lang} origin of {where}"),
                         type="responsibility")  # fmt: skip
        if unit.note:
            self.sub(term_sec, "note", checked(unit.note, f"the {unit.lang} note of {where}"))


def _date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` (or the date part of an ISO date-time), or None."""
    text = (value or "").strip()[:10]
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def render(store: Store, project: Project, dialect: Dialect, *, lang: str | None = None) -> Any:
    """The glossary as a TBX element tree of ``dialect``."""
    writer = _Writer(dialect)
    source = project.config.source
    langs = [lang] if lang else project.languages
    if dialect.ns:
        nsmap: dict[str | None, str] = {None: dialect.ns}
        root = etree.Element(writer.tag(dialect.root), nsmap=nsmap)
        root.set("type", "TBX-Basic")
        root.set("style", "dca")
    else:
        root = etree.Element(dialect.root, type="TBX")
    root.set(XML_LANG, source)
    writer.header(root, project)
    text = writer.sub(root, "text")
    # A rejected term is no term at all (not a deprecated synonym of one): it stays out.
    # A rejected translation is a rendering not to use, and goes out as deprecated.
    kept = [t for t in store.iter_terms() if t.status is not TermStatus.REJECTED]
    if kept:  # TBX wants at least one entry in a <body>, and allows no <body>
        body = writer.sub(text, "body")
        for term in kept:
            writer.entry(body, store, term, langs, source)
    return root


def export(store: Store, project: Project, *, lang: str | None = None) -> str:
    """The glossary as TBX v2 (``martif``); ``lang`` limits it to one target language."""
    root = render(store, project, V2, lang=lang)
    data: bytes = etree.tostring(
        root,
        encoding="UTF-8",
        xml_declaration=True,
        pretty_print=True,
        doctype='<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">',
    )
    return data.decode("utf-8")


# --- import ------------------------------------------------------------------


def _kids(element: Any, *names: str) -> list[Any]:
    return [child for child in element if local(child.tag) in names]


def _note_types(element: Any, name: str) -> dict[str, str]:
    """``{type: text}`` of the ``<name type=…>`` children (first of each type)."""
    found: dict[str, str] = {}
    for child in _kids(element, name):
        found.setdefault(child.get("type", ""), _text(child))
    return found


def _status(notes: dict[str, str], term: bool) -> Any:
    """A termsmith status from a term's ``administrativeStatus`` and ``processStatus``."""
    admin = notes.get("administrativeStatus", "").strip()
    process = notes.get("processStatus", "").strip()
    if admin in (DEPRECATED, SUPERSEDED, "deprecatedTerm", "supersededTerm"):
        return TermStatus.REJECTED if term else UnitStatus.REJECTED
    if process == "unprocessed":
        return TermStatus.CANDIDATE if term else UnitStatus.DRAFT
    if process == "provisionallyProcessed":
        return TermStatus.CANDIDATE if term else UnitStatus.TRANSLATED
    if process == "finalized" or admin in (PREFERRED, "preferredTerm"):
        return TermStatus.ACCEPTED if term else UnitStatus.REVIEWED
    if admin in (ADMITTED, "admittedTerm"):
        return None if term else UnitStatus.TRANSLATED
    return None


def _text(element: Any) -> str:
    """An element's text with any inline markup reduced to its text."""
    return "".join(element.itertext())


def _term_secs(lang_sec: Any) -> list[Any]:
    """``tig``/``termSec`` and, for v2's ``ntig``, its ``termGrp``, in order."""
    found = []
    for child in lang_sec:
        name = local(child.tag)
        if name in ("tig", "termSec"):
            found.append(child)
        elif name == "ntig":
            found.extend(_kids(child, "termGrp"))
    return [sec for sec in found if _kids(sec, "term")]


def _collapse(text: str) -> str:
    """Runs of whitespace as one space: pretty-printed files wrap their notes."""
    return " ".join(text.split())


def _keep(text: str) -> str:
    return text


def _ours(root: Any) -> bool:
    """Whether termsmith wrote the file (its ids are then term ids, its whitespace meant)."""
    for element in root.iter():
        if local(element.tag) == "sourceDesc":
            return any(_text(p).startswith(f"{TOOL} ") for p in _kids(element, "p"))
    return False


def read(path: Path, project: Project) -> list[ImportEntry]:
    """Read TBX v2 (``martif``) or v3 (``tbx``), told apart by the root element.

    In files from other tools, whitespace runs in terms, notes and contexts
    become one space (they are line-wrapped by pretty-printing); files termsmith
    wrote keep every character.
    """
    root = xmlsafe.parse_file(path)
    if local(root.tag) not in ("martif", "tbx"):
        raise InputFileError(
            f"not a TBX file: the root element is <{local(root.tag)}>, not <martif> or <tbx>",
            path, root.sourceline, hint="pass --format for another format",
        )  # fmt: skip
    reader = _Reader(path, project.config.source, _ours(root))
    return [
        reader.entry(element)
        for element in root.iter()
        if local(element.tag) in ("termEntry", "conceptEntry")
    ]


class _Reader:
    def __init__(self, path: Path, source: str, ours: bool) -> None:
        self.path = path
        self.source = source
        self.ours = ours
        self.origin = import_origin(path)
        self.clean = _keep if ours else _collapse

    def text(self, element: Any) -> str:
        return self.clean(_text(element))

    def notes(self, element: Any) -> list[str]:
        """``<note>`` and ``<descrip type="definition">``, also inside descripGrp."""
        texts = []
        for child in element:
            name = local(child.tag)
            if name == "note" or (name == "descrip" and child.get("type") == "definition"):
                texts.append(self.text(child))
            elif name == "descripGrp":
                texts.extend(self.notes(child))
        return texts

    def lang_of(self, lang_sec: Any) -> str:
        lang = (lang_sec.get(XML_LANG) or lang_sec.get("lang") or "").strip()
        if not lang:
            raise InputFileError(
                f"a <{local(lang_sec.tag)}> has no xml:lang", self.path, lang_sec.sourceline,
                hint="give every langSet/langSec a language",
            )  # fmt: skip
        return str(lang)

    def entry(self, element: Any) -> ImportEntry:
        raw_id = element.get("id")
        entry = ImportEntry(
            term="",
            id=term_id(raw_id) if self.ours and raw_id else None,
            line=element.sourceline,
        )
        notes = self.notes(element)
        domain = self.clean(_note_types(element, "descrip").get("subjectField", ""))
        lang_secs = [(self.lang_of(sec), sec) for sec in _kids(element, "langSet", "langSec")]
        source = self.source
        source_secs = [sec for lang, sec in lang_secs if normalize_code(lang) == source]
        source_secs += [
            sec
            for lang, sec in lang_secs
            if primary_subtag(lang) == source and sec not in source_secs
        ]
        variants: list[str] = []
        sources: list[Source] = []
        for sec in source_secs:
            notes += self.notes(sec)
            for term_sec in _term_secs(sec):
                text = self.text(_kids(term_sec, "term")[0])
                term_notes = _note_types(term_sec, "termNote")
                if entry.term or term_notes.get("termType", "").strip() == "variant":
                    if text not in variants and text != entry.term:
                        variants.append(text)
                    continue
                entry.term = text
                entry.status = _status(term_notes, term=True)
                pos = self.clean(term_notes.get("partOfSpeech", ""))
                if pos.strip() == "properNoun":
                    entry.kind = TermKind.NAME
                else:
                    entry.pos = pos
                if term_notes.get("termType", "").strip() in ("abbreviation", "acronym"):
                    entry.kind = TermKind.ABBREVIATION
                sources = self.contexts(term_sec)
        entry.note = "\n".join(notes)
        entry.fields = {"domain": domain, "variants": variants, "sources": sources}
        for lang, sec in lang_secs:
            if primary_subtag(lang) == source:
                continue
            imported = self.lang_sec(sec)
            if imported is None:
                continue
            if lang in entry.translations:
                entry.translations[lang].alternatives.append(
                    Alternative(text=imported.text, origin=self.origin)
                )
            else:
                entry.translations[lang] = imported
        return entry

    def contexts(self, term_sec: Any) -> list[Source]:
        found = []
        for child in term_sec:
            name = local(child.tag)
            if name == "descrip" and child.get("type") == "context":
                found.append(Source(doc=self.path.name, sentence=self.text(child)))
            elif name == "descripGrp":
                descrip = _kids(child, "descrip")
                if descrip and descrip[0].get("type") == "context":
                    doc = self.clean(_note_types(child, "admin").get("source", ""))
                    found.append(Source(doc=doc or self.path.name, sentence=self.text(descrip[0])))
        return found

    def lang_sec(self, lang_sec: Any) -> ImportedText | None:
        term_secs = _term_secs(lang_sec)
        if not term_secs:
            return None
        # the preferred term is the translation; the language's other terms are alternatives
        main = next(
            (
                sec
                for sec in term_secs
                if _note_types(sec, "termNote").get("administrativeStatus", "").strip() == PREFERRED
            ),
            term_secs[0],
        )
        unit_origin, changed = None, None
        for group in _kids(main, "transacGrp"):
            responsibility = _note_types(group, "transacNote").get("responsibility", "")
            if valid_origin(responsibility):
                unit_origin = responsibility
            dates = _kids(group, "date")
            if dates:
                changed = _date(dates[0].text) or changed
        return ImportedText(
            text=self.text(_kids(main, "term")[0]),
            status=_status(_note_types(main, "termNote"), term=False),
            origin=unit_origin,
            note="\n".join(self.text(n) for n in _kids(main, "note")),
            changed=changed,
            alternatives=[
                Alternative(text=self.text(_kids(sec, "term")[0]), origin=self.origin)
                for sec in term_secs
                if sec is not main
            ],
        )
