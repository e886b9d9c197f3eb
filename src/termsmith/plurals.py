"""Plural forms for PO headers, from a table the project maintains.

Babel (from CLDR) and GNU gettext disagree for French and Spanish (Babel 2.17+
gives three forms, counting "millions"), and gettext's table lacks Mongolian.
The PO files we write must agree with the translators' tools, which follow
gettext, so the languages of this project are pinned here and tested; other
languages fall back to Babel.
"""

from __future__ import annotations

from typing import NamedTuple


class PluralRule(NamedTuple):
    """The number of forms and the C expression choosing one."""

    nplurals: int
    plural: str

    @property
    def header(self) -> str:
        """The ``Plural-Forms`` header value.

        >>> PLURALS["fr"].header
        'nplurals=2; plural=(n > 1);'
        """
        return f"nplurals={self.nplurals}; plural={self.plural};"


#: language -> rule, as GNU gettext's table and the Unicode/gettext plural lists give them
PLURALS: dict[str, PluralRule] = {
    "de": PluralRule(2, "(n != 1)"),
    "en": PluralRule(2, "(n != 1)"),
    "es": PluralRule(2, "(n != 1)"),
    "fr": PluralRule(2, "(n > 1)"),
    "ja": PluralRule(1, "0"),
    "mn": PluralRule(2, "(n != 1)"),
    "ru": PluralRule(
        3,
        "(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)",
    ),
    "vi": PluralRule(1, "0"),
}


def plural_rule(lang: str) -> PluralRule:
    """The rule for ``lang`` (a tag such as ``fr`` or ``pt-BR``): ours, else Babel's.

    >>> plural_rule("ja").header
    'nplurals=1; plural=0;'
    >>> plural_rule("fr-CA").nplurals
    2
    """
    code = lang.replace("_", "-")
    if code in PLURALS:
        return PLURALS[code]
    primary = code.split("-")[0].lower()
    if primary in PLURALS:
        return PLURALS[primary]
    from babel.messages.plurals import get_plural

    try:
        found = get_plural(code.replace("-", "_"))
    except ValueError:
        return PluralRule(2, "(n != 1)")
    return PluralRule(found.num_plurals, found.plural_expr)


def plural_forms(lang: str) -> str:
    """The ``Plural-Forms`` header value for ``lang``."""
    return plural_rule(lang).header
