"""Unicode normalisation shared by the store, lookup and matching."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def nfc(text: str) -> str:
    """Text in NFC, the form every stored string takes (Vietnamese diacritics compose)."""
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=4096)
def _is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def fold(text: str) -> str:
    """A case- and accent-insensitive search key.

    Accents are dropped from Latin letters only (é→e, ệ→e); marks that change a
    letter elsewhere stay (Japanese dakuten: が is not か; Russian й), except
    Cyrillic ё, which Russian text routinely writes as е.

    >>> fold("Procuratorat Général") == fold("procuratorat general")
    True
    >>> fold("Viện KIỂM SÁT")
    'vien kiem sat'
    >>> fold("Объединённый")
    'объединенный'
    >>> fold("ガ") == "ガ"
    True
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    out: list[str] = []
    base = ""
    for char in decomposed:
        if unicodedata.combining(char):
            # A mark with no letter before it (text starting with one) is kept.
            if (base and _is_latin(base)) or (base == "е" and char == "\u0308"):
                continue
        else:
            base = char
        out.append(char)
    return unicodedata.normalize("NFC", "".join(out))
