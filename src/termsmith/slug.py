"""Stable term ids derived from the English term."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Container

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
MAX_LENGTH = 60


def slugify(term: str) -> str:
    """A readable id for a term: ASCII, lower case, hyphens.

    >>> slugify("Supreme People's Procuratorate")
    'supreme-peoples-procuratorate'
    >>> slugify("最高人民検察院")[:2]
    't-'
    """
    ascii_text = unicodedata.normalize("NFKD", term).encode("ascii", "ignore").decode()
    ascii_text = ascii_text.lower().replace("'", "").replace("\u2019", "")
    slug = _NON_ALNUM.sub("-", ascii_text).strip("-")[:MAX_LENGTH].strip("-")
    if not slug:
        slug = "t-" + hashlib.sha1(term.encode("utf-8")).hexdigest()[:10]
    return slug


def unique_id(term: str, taken: Container[str]) -> str:
    """``slugify(term)``, suffixed ``-2``, ``-3``… when taken (ids are never reused)."""
    base = slugify(term)
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
