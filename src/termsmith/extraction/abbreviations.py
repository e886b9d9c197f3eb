"""Abbreviations and their expansions: "Supreme People's Procuratorate (SPP)".

The long form is found with the algorithm of Schwartz and Hearst (2003): the
letters of the short form, matched right to left, must occur in order in the
words before the parenthesis, the first letter starting a word.
"""

from __future__ import annotations

import re

from termsmith.extraction import lexicon
from termsmith.extraction.candidates import Sentence, Token

_NOT_IN_NAMES = (
    lexicon.FUNCTION_WORDS - {"of", "and", "for", "on", "in", "to", "the", "against"}
) | {"a", "an"}
_SHORT = re.compile(r"^[A-Z][A-Za-z0-9&.-]{0,9}$")


def is_acronym(surface: str) -> bool:
    """Whether a word looks like an abbreviation: two or more capitals, short.

    >>> is_acronym("SPP"), is_acronym("NGOs"), is_acronym("Tong"), is_acronym("A")
    (True, True, False, False)
    """
    capitals = sum(c.isupper() for c in surface)
    digits = sum(c.isdigit() for c in surface)
    if not _SHORT.match(surface) or capitals + digits < 2:
        return False
    return capitals >= 2 or (digits > 0 and capitals + digits >= len(surface) - 1)


def long_form(short: str, words: list[str]) -> int | None:
    """How many of the last ``words`` spell out ``short``, or None.

    >>> long_form("SPP", "held by the Supreme People's Procuratorate".split())
    3
    >>> long_form("EU", ["the", "European", "Union"])
    2
    >>> long_form("WHO", ["the", "big", "report"]) is None
    True
    """
    letters = [c.lower() for c in short.rstrip("s") if c.isalnum()]
    if not letters or not words:
        return None
    limit = min(len(words), len(letters) + 5, 2 * len(letters))
    text = " ".join(words[-limit:]).lower()
    s, t = len(letters) - 1, len(text) - 1
    while s >= 0:
        c = letters[s]
        while t >= 0 and (text[t] != c or (s == 0 and t > 0 and text[t - 1].isalnum())):
            t -= 1
        if t < 0:
            return None
        s -= 1
        t -= 1
    start = t + 1
    count = len(text[start:].split())
    if count < 1 or count > limit:
        return None
    first = text[start:].split()[0]
    if first in ("the", "a", "an", "of", "and"):
        return None
    return count


def definitions(sentence: Sentence) -> list[tuple[Token, int, int]]:
    """``(short form token, first, last)`` for each "long form (SHORT)" in a sentence.

    ``first..last`` are the token indexes of the long form.
    """
    found = []
    tokens = sentence.tokens
    for k in range(1, len(tokens) - 2):
        if tokens[k].text != "(" or tokens[k + 2].text != ")":
            continue
        short = tokens[k + 1]
        if not is_acronym(short.text):
            continue
        # Only the words after the last punctuation mark can be the long form.
        first_word = k - 1
        while first_word > 0 and tokens[first_word - 1].lower[0].isalnum():
            first_word -= 1
        words = [t.text for t in tokens[first_word:k]]
        count = long_form(short.text, words)
        if count is None:
            continue
        # A long form is words, not other abbreviations ("ECB by Regulation (EC)"),
        # and a name, not a clause ("... agencies through the European Police College").
        inside = tokens[k - count : k]
        if any(is_acronym(t.text) or t.lower in _NOT_IN_NAMES for t in inside):
            continue
        found.append((short, k - count, k - 1))
    return found
