"""Language codes: validation with Babel, display names, suggestions."""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from termsmith.errors import LanguageError

_CODE = re.compile(r"^[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*$")


@lru_cache(maxsize=1)
def _known_codes() -> tuple[str, ...]:
    from babel import localedata

    return tuple(sorted({name.split("_")[0] for name in localedata.locale_identifiers()}))


@lru_cache(maxsize=1)
def _codes_by_name() -> dict[str, str]:
    from babel import Locale

    names: dict[str, str] = {}
    for code in _known_codes():
        try:
            name = Locale.parse(code).get_display_name("en")
        except ValueError:
            continue
        if name:
            names.setdefault(name.lower(), code)
    return names


def _closest(code: str) -> str | None:
    """The valid code nearest to a mistyped code or language name."""
    word = code.strip().lower()
    if len(word) > 3:
        by_name = _codes_by_name()
        match = difflib.get_close_matches(word, list(by_name), n=1, cutoff=0.6)
        if match:
            return by_name[match[0]]
    match = difflib.get_close_matches(word.split("-")[0], _known_codes(), n=1)
    return match[0] if match else None


def normalize_code(code: str) -> str:
    """The canonical form of a language tag: ``fr``, ``pt-BR``; case and ``_`` fixed."""
    parts = code.strip().replace("_", "-").split("-")
    head, rest = parts[0].lower(), parts[1:]
    fixed = [p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p for p in rest]
    return "-".join([head, *fixed])


def validate(code: str) -> str:
    """Return the canonical code, or raise :class:`LanguageError` with the closest valid one.

    >>> validate("FR")
    'fr'
    """
    from babel import Locale, UnknownLocaleError

    normal = normalize_code(code)
    if _CODE.match(normal):
        try:
            Locale.parse(normal, sep="-")
            return normal
        except (UnknownLocaleError, ValueError):
            pass
    hint = "use an ISO 639 code such as 'fr' or 'ru'"
    guess = _closest(code)
    if guess:
        hint = f"did you mean '{guess}' ({english_name(guess)})?"
    raise LanguageError(f"unknown language code '{code}'", hint)


def english_name(code: str) -> str:
    """English display name: ``mn`` → ``Mongolian``."""
    from babel import Locale

    return str(Locale.parse(code, sep="-").get_display_name("en") or code)


def native_name(code: str) -> str:
    """The language's own name for itself: ``mn`` → ``монгол``."""
    from babel import Locale

    return str(Locale.parse(code, sep="-").get_display_name() or code)


def describe(code: str) -> str:
    """``Mongolian — монгол``."""
    english, native = english_name(code), native_name(code)
    return english if english == native else f"{english} — {native}"


def primary_subtag(code: str) -> str:
    """``fr-CA`` → ``fr``."""
    return normalize_code(code).split("-")[0]
