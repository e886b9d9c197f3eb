"""Termhood: how much a candidate looks like a term of this text's domain.

Two signals, multiplied:

* **C-value** (Frantzi, Ananiadou & Mima 2000): frequency, discounted by the
  frequency of the longer candidates a phrase is nested in, weighted by
  length (``log2(words + 1)``, so single words count too).
* **Domain specificity** ("weirdness", Ahmad et al. 1999): how much more often
  the words occur here than in general English, ``log10`` of the ratio of the
  text's relative frequency to wordfreq's, averaged over the content words.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

from termsmith.extraction import lexicon
from termsmith.extraction.candidates import LINKS

# wordfreq reports 0 for words it has never seen; treat them as very rare words.
UNSEEN_ZIPF = 1.0
# A key has at most this many words (6 tokens of at most 4 hyphenated parts).
MAX_KEY_WORDS = 24


def content_words(key: str) -> list[str]:
    """The words of a key that carry meaning (not ``of``/``and``)."""
    return [w for w in key.split() if w not in LINKS]


def weirdness(word: str, count: int, total: int) -> float:
    """``log10`` of (relative frequency here) / (relative frequency in general English).

    A word of a hyphenated compound's parts ("opening up") is the compound.

    >>> weirdness("the", 10, 1000) < 0 < weirdness("procuratorate", 3, 1000)
    True
    """
    general = lexicon.zipf(word.replace(" ", "-")) or UNSEEN_ZIPF
    here = math.log10(count / total * 1e9)
    return here - general


def specificity(words: Sequence[str], counts: Mapping[str, int], total: int) -> float:
    """Mean weirdness of a phrase's content words, as grouping keys ("opening up", "organ").

    ``counts`` holds how often each such word occurs in the text.
    """
    if not words:
        return 0.0
    values = [weirdness(w, max(counts.get(w, 1), 1), total) for w in words]
    return sum(values) / len(values)


def c_values(freq: Mapping[str, int], sizes: Mapping[str, int]) -> dict[str, float]:
    """C-value of each key, nesting counted over contiguous sub-phrases.

    ``sizes`` gives the number of content words of each key as written
    ("high-level opening-up" is two words, its key four).

    >>> freq = {"legal system": 3, "national legal system": 2, "system": 6}
    >>> cv = c_values(freq, {"legal system": 2, "national legal system": 3, "system": 1})
    >>> round(cv["legal system"], 2), round(cv["national legal system"], 2)
    (1.2, 1.8)
    """
    nested_sum: Counter[str] = Counter()
    nested_n: Counter[str] = Counter()
    nested_max: Counter[str] = Counter()
    for k, f in freq.items():
        words = k.split()
        n = len(words)
        if n < 2:
            continue
        seen = set()
        # Sub-phrases longer than any candidate cannot be candidates.
        for size in range(1, min(n, MAX_KEY_WORDS + 1)):
            for a in range(n - size + 1):
                sub = " ".join(words[a : a + size])
                if sub in freq and sub not in seen:
                    seen.add(sub)
                    nested_sum[sub] += f
                    nested_n[sub] += 1
                    nested_max[sub] = max(nested_max[sub], f)
    out = {}
    for k, f in freq.items():
        weight = length_weight(sizes.get(k) or len(content_words(k)) or 1)
        if nested_n[k]:
            # Frantzi et al. subtract the mean frequency of the containing phrases;
            # a word mostly seen inside one phrase ("Member" in "Member States")
            # loses that phrase's frequency as well.
            value = f - max(nested_sum[k] / nested_n[k], 0.8 * nested_max[k])
            # Seen on its own too, a phrase keeps a little credit whatever its nesting;
            # never seen outside one longer phrase ("prosecution" only in
            # "foreign-related prosecution"), it is a part of that term, not a term.
            value = max(value, 0.25 * f / nested_n[k]) if f > nested_max[k] else 0.0
        else:
            value = f
        out[k] = weight * value
    return out


# Long phrases are rarely terms: a prior by number of content words, measured on
# ACTER (the share of candidates of each length that are terms falls sharply
# after three words), replacing C-value's log2(length).
LENGTH_WEIGHTS = {1: 1.0, 2: 1.2, 3: 0.9, 4: 0.45}


def length_weight(words: int) -> float:
    """The prior weight of a phrase of ``words`` content words."""
    return LENGTH_WEIGHTS.get(words, 0.3)


# A single everyday word ("security", "event") is rarely what a glossary needs:
# its weight falls from 1 at Zipf 4 (e.g. "turbine") to FLOOR at Zipf 5.5.
EVERYDAY_FROM = 4.0
EVERYDAY_SLOPE = 0.35
EVERYDAY_FLOOR = 0.45


def everyday_weight(word: str) -> float:
    """Weight of a one-word candidate by how common the word is in general English.

    >>> everyday_weight("procuratorate"), everyday_weight("the") == EVERYDAY_FLOOR
    (1.0, True)
    """
    excess = lexicon.zipf(word) - EVERYDAY_FROM
    return max(EVERYDAY_FLOOR, min(1.0, 1.0 - EVERYDAY_SLOPE * excess))


def combine(cvalue: float, spec: float, docs: int, ndocs: int) -> float:
    """The score of a candidate from its C-value and specificity (higher is better)."""
    spread = 1.0 + 0.5 * math.log2(docs) if ndocs > 1 else 1.0
    return math.log1p(cvalue) * max(spec, 0.05) * spread


def rank(scores: Mapping[str, float], keys: Sequence[str]) -> list[str]:
    """Keys best first; ties by key for stable output."""
    return sorted(keys, key=lambda k: (-scores[k], k))
