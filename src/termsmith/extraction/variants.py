"""Grouping the forms of one term: plural and singular, hyphenation, case, possessives.

Two occurrences are the same term when their *keys* are equal: lower case,
possessive ``'s`` dropped, hyphens read as spaces, and nouns in the singular.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from termsmith.extraction import lexicon
from termsmith.extraction.candidates import Token


def head_index(words: Sequence[str]) -> int:
    """The head of a phrase: the word before the first ``of``, else the last word.

    >>> head_index(["acts", "of", "bribery"]), head_index(["wind", "turbines"])
    (0, 1)
    """
    for k, word in enumerate(words):
        if word == "of" and k > 0:
            return k - 1
    return len(words) - 1


def key(tokens: Sequence[Token]) -> str:
    """The grouping key of a phrase.

    >>> from termsmith.extraction.candidates import tokenize
    >>> key(tokenize("Procuratorial Organs", 0, 20))
    'procuratorial organ'
    >>> key(tokenize("the SPP's", 4, 9)), key(tokenize("opening-up", 0, 10))
    ('spp', 'opening up')
    """
    # Every noun is singular in the key, not only the head, so that a phrase and
    # the same words inside a longer one ("Foreign Affairs", "Ministry of Foreign
    # Affairs") have the same key for C-value's nesting.
    return " ".join(t.norm for t in tokens)


def surface(text: str, tokens: Sequence[Token]) -> str:
    """The phrase as written, from its first to its last token, possessive dropped."""
    out = text[tokens[0].start : tokens[-1].end]
    if tokens[-1].possessive:
        out = out[:-2]
    return " ".join(out.split())


def display(forms: Counter[str], initial: Counter[str], lemma: str) -> str:
    """The form a glossary shows: the commonest as written, ties to the singular.

    A capital that only ever comes from starting a sentence is lowered.

    >>> display(Counter({"Procuratorial organs": 2, "procuratorial organ": 2}),
    ...         Counter({"Procuratorial organs": 2}), "procuratorial organ")
    'procuratorial organ'
    """
    merged: Counter[str] = Counter()
    for form, count in forms.items():
        if initial[form] == count and form[:1].isupper() and _lowerable(form):
            form = form[:1].lower() + form[1:]
        merged[form] += count
    best = max(
        merged.items(),
        key=lambda kv: (kv[1], kv[0].lower() == lemma, kv[0].islower(), kv[0]),
    )
    return best[0]


def _lowerable(form: str) -> bool:
    first = form.split()[0]
    if any(c.isupper() for c in first[1:]):
        return False
    # "Chinese" stays capitalised: only words the lexicon knows in lower case are lowered.
    return bool(lexicon.classes(first.lower().rsplit("-", 1)[-1]))
