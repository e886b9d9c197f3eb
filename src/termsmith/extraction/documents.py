"""Reading the documents to extract from: files, directories and standard input."""

from __future__ import annotations

import codecs
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from termsmith import textfile
from termsmith.errors import InputFileError
from termsmith.textnorm import nfc

SUFFIXES = (".txt", ".md")
STDIN = "-"


@dataclass(frozen=True, slots=True)
class Document:
    """One text: ``name`` is how it is cited (a path, or ``-`` for stdin)."""

    name: str
    text: str


def decode(data: bytes, name: str, encoding: str = "utf-8") -> str:
    """Bytes as NFC text; a binary file or an undecodable byte is an :class:`InputFileError`.

    >>> decode(b"caf\\xc3\\xa9", "a.txt")
    'café'
    """
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputFileError(
            f"unknown encoding '{encoding}'", name, hint="use e.g. utf-8, latin-1 or cp1252"
        ) from None
    if b"\x00" in data[:8192] and not encoding.lower().replace("-", "").startswith("utf16"):
        raise InputFileError(
            "looks like a binary file, not text",
            name,
            hint="give .txt or .md files; convert other documents to plain text first",
        )
    if data.startswith(codecs.BOM_UTF8) and encoding.lower().replace("-", "") == "utf8":
        data = data[len(codecs.BOM_UTF8) :]
    text = textfile.decode(
        data,
        name,
        encoding=encoding,
        message=f"not valid {encoding} (byte 0x{{byte:02x}})",
        hint="pass --encoding with the file's encoding, e.g. --encoding latin-1",
    )
    return nfc(text.replace("\r\n", "\n").replace("\r", "\n"))


def expand(paths: Iterable[str | Path]) -> list[str | Path]:
    """Files to read: directories become their ``.txt``/``.md`` files, recursively and sorted.

    Every path is checked before anything is read, so a missing file fails early.
    """
    out: list[str | Path] = []
    for item in paths:
        if str(item) == STDIN:
            out.append(STDIN)
            continue
        path = Path(item)
        if path.is_dir():
            out.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file()
                    and p.suffix.lower() in SUFFIXES
                    and not any(part.startswith(".") for part in p.relative_to(path).parts)
                )
            )
        elif path.is_file():
            out.append(path)
        else:
            raise InputFileError(
                "no such file or directory", path, hint="check the path; give files, folders or -"
            )
    return out


def read(paths: Iterable[str | Path], encoding: str = "utf-8") -> list[Document]:
    """Read ``paths`` (files, directories, ``-`` for stdin) as documents, in order."""
    docs = []
    for item in expand(paths):
        if item == STDIN:
            data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else b""
            if not data and not hasattr(sys.stdin, "buffer"):
                data = sys.stdin.read().encode("utf-8")
            docs.append(Document(STDIN, decode(data, "<stdin>", encoding)))
            continue
        path = Path(item)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputFileError(
                f"cannot read: {exc.strerror}", path, hint="check the file's permissions"
            ) from None
        docs.append(Document(str(path), decode(data, str(path), encoding)))
    return docs
