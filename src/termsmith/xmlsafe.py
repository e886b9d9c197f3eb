"""The one safe way termsmith parses XML (TMX, TBX): no entities, no DTDs, no network.

Every reader goes through :func:`parse`. The lxml parser is built with
``resolve_entities=False`` (an external entity such as ``file:///etc/passwd``
is never read), ``load_dtd=False`` and ``no_network=True`` (a ``DOCTYPE`` naming
``tmx14.dtd`` or a URL fetches nothing), and ``huge_tree=False`` (libxml2's limits
on depth, text size and entity amplification stay on). On top of that a file
that declares entities at all is refused: no interchange format needs them,
and a "billion laughs" file is refused before anything is expanded.

>>> parse(b'<tmx version="1.4"><body/></tmx>', "a.tmx").tag
'tmx'
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from lxml import etree

from termsmith.errors import InputFileError, TermsmithError

#: characters XML 1.0 can carry: tab, LF, CR and everything from U+0020 except
#: surrogates, U+FFFE and U+FFFF
_XML_ILLEGAL = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_ENTITY_HINT = (
    "termsmith does not expand XML entities, for safety; "
    "remove the <!DOCTYPE [...]> entity declarations or export the file again"
)


class _NoFetch(etree.Resolver):  # type: ignore[misc]
    """Answers every request for an external resource with nothing, as a second lock."""

    def resolve(self, system_url: str, public_id: str, context: Any) -> Any:
        return self.resolve_string("", context)


def _parser() -> etree.XMLParser:
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    parser.resolvers.add(_NoFetch())
    return parser


def parse(data: bytes, path: Path | str) -> etree._Element:
    """The root element of the XML document ``data`` read from ``path``.

    The encoding comes from the BOM or the XML declaration (UTF-8, UTF-16…).
    Malformed XML and entity declarations raise :class:`InputFileError` with
    the file and line.
    """
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        message = str(exc.msg or exc)
        # lxml appends ", line N, column M" to its messages; we print file:line ourselves
        message = re.sub(r", line \d+, column \d+$", "", message)
        line = exc.lineno or None
        if "amplification" in message or "entity reference loop" in message.lower():
            raise InputFileError(
                f"refused: entity expansion ({message})", path, line, hint=_ENTITY_HINT
            ) from None
        raise InputFileError(
            f"malformed XML: {message}", path, line, hint="fix the XML or export the file again"
        ) from None
    except ValueError as exc:  # e.g. an unknown encoding in the XML declaration
        raise InputFileError(f"cannot read XML: {exc}", path, 1, hint="save it as UTF-8") from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None:
        entities = list(dtd.iterentities())
        if entities:
            raise InputFileError(
                f"refused: the file declares the XML entity '{entities[0].name}'",
                path,
                1,
                hint=_ENTITY_HINT,
            )
    return root


def parse_file(path: Path) -> etree._Element:
    """:func:`parse` on the contents of ``path``."""
    return parse(path.read_bytes(), path)


def illegal_char(text: str) -> str | None:
    """The first character of ``text`` that XML 1.0 cannot hold, if any.

    >>> illegal_char("tab\\tok"), illegal_char("bell\\x07")
    (None, '\\x07')
    """
    found = _XML_ILLEGAL.search(text)
    return found.group() if found else None


def local(tag: object) -> str:
    """An element's name without its namespace: ``{urn:…}termSec`` → ``termSec``.

    Comments and processing instructions (whose tag is not a string) give ``""``.
    """
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def checked(text: str, where: str) -> str:
    """``text`` unchanged, or a :class:`TermsmithError` naming what XML 1.0 cannot hold.

    XML 1.0 has no way to write most control characters (U+0000–U+001F except
    tab, LF, CR), lone surrogates, U+FFFE or U+FFFF, not even as ``&#…;``;
    rather than drop them silently, the export stops and says where they are.
    """
    bad = illegal_char(text)
    if bad is not None:
        raise TermsmithError(
            f"{where} holds the character U+{ord(bad):04X}, which XML cannot carry",
            hint="remove it with 'termsmith set', or export to JSON or CSV, which keep it",
        )
    return text
