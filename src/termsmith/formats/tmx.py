"""TMX: the translation memory as TMX 1.4b, and import of TMX 1.1–1.4.

Export: one ``<tu tuid="<term id>">`` per term, a ``<tuv>`` for the English term
and one per translated language. termsmith's own fields ride in ``<prop>``:
``x-term-status``, ``x-kind``, ``x-pos`` on the ``<tu>``; ``x-status``,
``x-origin``, ``x-revision`` on each translation; notes are ``<note>``; a unit's
``changed`` date is its ``changedate`` (no creation dates: output is stable).
Rejected terms and rejected translations are left out, because CAT tools
offer every ``<tuv>`` as a match; TBX and JSON carry them.

Import: see :func:`seg_text` for inline markup; the ``tuid`` is taken as the
term id only in files termsmith wrote (another tool's ids mean nothing here).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from lxml import etree

from termsmith import __version__, xmlsafe
from termsmith.errors import InputFileError
from termsmith.interchange import ImportedText, ImportEntry, import_origin
from termsmith.languages import normalize_code, primary_subtag
from termsmith.model import Alternative, TermKind, TermStatus, UnitStatus, valid_origin
from termsmith.project import Project
from termsmith.store import Store
from termsmith.xmlsafe import checked, local

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CREATIONTOOL = "termsmith"
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'

#: inline elements whose content is the original document's formatting code, not text
NATIVE_CODE = frozenset({"bpt", "ept", "it", "ph", "ut"})

_TMX_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$")


# --- export ------------------------------------------------------------------


def tmx_date(day: str) -> str | None:
    """A stored ``YYYY-MM-DD`` date in TMX form, or None if it is not a date.

    >>> tmx_date("2026-01-31"), tmx_date("")
    ('20260131T000000Z', None)
    """
    try:
        parsed = dt.date.fromisoformat(day)
    except ValueError:
        return None
    return f"{parsed:%Y%m%d}T000000Z"


def _sub(parent: Any, tag: str, text: str | None = None, **attrib: str) -> Any:
    element = etree.SubElement(parent, tag, attrib)
    if text is not None:
        element.text = text
    return element


def export(store: Store, project: Project, *, lang: str | None = None) -> str:
    """The memory as a TMX 1.4b document (terms in id order, languages in config order)."""
    source = project.config.source
    langs = [lang] if lang else project.languages
    root = etree.Element("tmx", version="1.4")
    _sub(
        root,
        "header",
        creationtool=CREATIONTOOL,
        creationtoolversion=__version__,
        segtype="phrase",
        **{"o-tmf": CREATIONTOOL},
        adminlang="en",
        srclang=source,
        datatype="plaintext",
    )
    body = _sub(root, "body")
    for term in store.iter_terms():
        if term.status is TermStatus.REJECTED:
            continue
        where = f"term '{term.id}'"
        tu = _sub(body, "tu", tuid=term.id)
        if term.note:
            _sub(tu, "note", checked(term.note, f"the note of {where}"))
        _sub(tu, "prop", str(term.status), type="x-term-status")
        if term.kind is not TermKind.TERM:
            _sub(tu, "prop", str(term.kind), type="x-kind")
        if term.pos:
            _sub(tu, "prop", checked(term.pos, f"the part of speech of {where}"), type="x-pos")
        tuv = _sub(tu, "tuv", **{XML_LANG: source})
        _sub(tuv, "seg", checked(term.term, where))
        for code in langs:
            unit = store.unit(term.id, code)
            if unit is None or unit.status is UnitStatus.REJECTED:
                continue
            attrs = {XML_LANG: code}
            changed = tmx_date(unit.changed)
            if changed:
                attrs["changedate"] = changed
            tuv = _sub(tu, "tuv", **attrs)
            if unit.note:
                _sub(tuv, "note", checked(unit.note, f"the {code} note of {where}"))
            _sub(tuv, "prop", str(unit.status), type="x-status")
            if unit.origin:
                _sub(tuv, "prop", checked(unit.origin, f"the origin of {where}"), type="x-origin")
            _sub(tuv, "prop", str(unit.rev), type="x-revision")
            _sub(tuv, "seg", checked(unit.text, f"the {code} text of {where}"))
    data: bytes = etree.tostring(
        root, encoding="UTF-8", xml_declaration=True, pretty_print=True, doctype=DOCTYPE
    )
    return data.decode("utf-8")


# --- import ------------------------------------------------------------------


def seg_text(seg: Any, path: Path) -> str:
    """The plain text of a ``<seg>``, whitespace kept exactly.

    Inline markup is reduced so: ``<bpt>``, ``<ept>``, ``<it>``, ``<ph>`` and
    ``<ut>`` hold the original document's formatting codes (``<b>``, ``{\\i}``),
    so they and everything in them, ``<sub>`` included, are dropped; ``<hi>``
    only highlights real text, so its text is kept. ``First <ph>{\\b}</ph>word``
    becomes ``First word``. Unpaired ``<bpt>``/``<ept>`` make the file invalid.
    """
    _check_pairs(seg, path)
    return _text_of(seg)


def _text_of(element: Any) -> str:
    parts = [element.text or ""]
    for child in element:
        name = local(child.tag)
        if name and name not in NATIVE_CODE:
            # <hi> and anything unknown: keep its text, minus native codes inside it
            parts.append(_text_of(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _check_pairs(seg: Any, path: Path) -> None:
    """``<bpt i=n>`` … ``<ept i=n>`` must pair up inside one segment (TMX 1.4b, 3.5.2)."""
    open_codes: dict[str, Any] = {}
    for element in seg.iter():
        name = local(element.tag)
        index = element.get("i")
        if name not in ("bpt", "ept") or index is None:
            continue
        if name == "bpt":
            if index in open_codes:
                raise InputFileError(
                    f'invalid TMX: a second <bpt i="{index}"> opens before the first is closed',
                    path,
                    element.sourceline,
                    hint=_PAIR_HINT,
                )
            open_codes[index] = element
        elif open_codes.pop(index, None) is None:
            raise InputFileError(
                f'invalid TMX: <ept i="{index}"> closes no open <bpt i="{index}">',
                path,
                element.sourceline,
                hint=_PAIR_HINT,
            )
    for index, element in open_codes.items():
        raise InputFileError(
            f'invalid TMX: <bpt i="{index}"> is never closed by an <ept>',
            path,
            element.sourceline,
            hint=_PAIR_HINT,
        )


_PAIR_HINT = "pair each <bpt> with an <ept> of the same i in the same <seg>, or use <it>"


def _day(value: str | None) -> str | None:
    """A TMX date as ``YYYY-MM-DD``, or None if absent or malformed."""
    match = _TMX_DATE.match(value or "")
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()[:3])).isoformat()
    except ValueError:
        return None


def _props(element: Any) -> dict[str, str]:
    """The ``<prop type=…>`` values directly under ``element`` (first of each type)."""
    found: dict[str, str] = {}
    for child in element:
        if local(child.tag) == "prop" and child.get("type"):
            found.setdefault(child.get("type"), child.text or "")
    return found


def _notes(element: Any) -> str:
    return "\n".join(c.text or "" for c in element if local(c.tag) == "note")


def _enum(kind: Any, value: str | None) -> Any:
    try:
        return kind(value) if value else None
    except ValueError:
        return None


def _tuv_lang(tuv: Any, path: Path) -> str:
    # TMX 1.1 and 1.2 say lang=, 1.3 and later xml:lang=
    lang = tuv.get(XML_LANG) or tuv.get("lang")
    if not lang or not lang.strip():
        raise InputFileError(
            "a <tuv> has no xml:lang", path, tuv.sourceline, hint="give every <tuv> a language"
        )
    return str(lang).strip()


def _translation(tuv: Any, text: str) -> ImportedText:
    props = _props(tuv)
    origin = props.get("x-origin", "").strip()
    revision = props.get("x-revision", "").strip()
    return ImportedText(
        text=text,
        status=_enum(UnitStatus, props.get("x-status", "").strip()),
        origin=origin if valid_origin(origin) else None,
        note=_notes(tuv),
        rev=int(revision) if revision.isdigit() and int(revision) > 0 else None,
        changed=_day(tuv.get("changedate")),
    )


def read(path: Path, project: Project) -> list[ImportEntry]:
    """Read a TMX 1.1–1.4 file (UTF-8 or UTF-16 with BOM) into import entries."""
    root = xmlsafe.parse_file(path)
    if local(root.tag) != "tmx":
        raise InputFileError(
            f"not a TMX file: the root element is <{local(root.tag)}>, not <tmx>",
            path,
            root.sourceline,
            hint="pass --format for another format",
        )
    header = next((c for c in root if local(c.tag) == "header"), None)
    body = next((c for c in root if local(c.tag) == "body"), None)
    if header is None or body is None:
        raise InputFileError(
            "not a TMX file: <header> or <body> is missing",
            path,
            root.sourceline,
            hint="a TMX file holds <tmx><header/><body>…</body></tmx>",
        )
    ours = header.get("creationtool") == CREATIONTOOL
    srclang = (header.get("srclang") or "*all*").strip()
    source = project.config.source
    origin = import_origin(path)
    entries = []
    for tu in body:
        if local(tu.tag) == "tu":
            # a <tu> may name its own source language (TMX 1.4b, 3.2.3)
            tu_srclang = (tu.get("srclang") or srclang).strip()
            entries.append(_read_tu(tu, path, tu_srclang, source, origin, ours))
    return entries


def _read_tu(
    tu: Any, path: Path, srclang: str, source: str, origin: str, ours: bool
) -> ImportEntry:
    tuvs = []
    for tuv in tu:
        if local(tuv.tag) != "tuv":
            continue
        seg = next((c for c in tuv if local(c.tag) == "seg"), None)
        if seg is None:
            raise InputFileError(
                "a <tuv> has no <seg>", path, tuv.sourceline, hint="every <tuv> holds one <seg>"
            )
        tuvs.append((_tuv_lang(tuv, path), tuv, seg_text(seg, path)))
    # the source is the srclang <tuv> if srclang is ours (en-US for en), else any en* one
    source_index = None
    if srclang != "*all*" and primary_subtag(srclang) == source:
        wanted = normalize_code(srclang)
        source_index = next(
            (n for n, (tag, _, _) in enumerate(tuvs) if normalize_code(tag) == wanted), None
        )
    if source_index is None:
        source_index = next(
            (n for n, (tag, _, _) in enumerate(tuvs) if primary_subtag(tag) == source), None
        )
    props = _props(tu)
    entry = ImportEntry(
        term=tuvs[source_index][2] if source_index is not None else "",
        id=(tu.get("tuid") or None) if ours else None,
        note=_notes(tu),
        status=_enum(TermStatus, props.get("x-term-status")),
        kind=_enum(TermKind, props.get("x-kind")),
        pos=props.get("x-pos", ""),
        line=tu.sourceline,
    )
    for n, (tag, tuv, text) in enumerate(tuvs):
        if n == source_index:
            continue
        if tag in entry.translations:
            # a second <tuv> in the same language is kept beside the first
            entry.translations[tag].alternatives.append(Alternative(text=text, origin=origin))
        else:
            entry.translations[tag] = _translation(tuv, text)
    return entry
