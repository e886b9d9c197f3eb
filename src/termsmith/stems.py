"""Language-aware word matching: tokens, stems, and scripts written without spaces.

The QA checks (:mod:`termsmith.checks`) and glossary compliance
(:mod:`termsmith.compliance`) compare renderings with text. How depends on the
language (``docs/checks.md`` explains the choices):

- ``chars``: Japanese, Chinese, Thai… write words without spaces, so ``\\b``
  word boundaries mean nothing (Weblate #11308); text is compared as a string
  of characters (NFKC, so full- and half-width forms agree).
- ``stem``: languages with a Snowball stemmer (Russian, German, French,
  Spanish, …): words are compared by stem, so ``прокурорские органы`` matches
  ``прокурорских органов``.
- ``exact``: Vietnamese, which does not inflect: syllables compared as written
  (NFC), tone marks included.
- ``prefix``: other languages with spaces (Mongolian, …): words match when they
  share a long prefix and differ only in a short ending, a crude stand-in for
  the suffixes of agglutinative languages.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from enum import StrEnum
from functools import lru_cache

from termsmith.textnorm import fold

CHAR_LANGUAGES = frozenset({"ja", "zh", "th", "lo", "km", "my", "bo"})
ISOLATING_LANGUAGES = frozenset({"vi"})
# Languages that write compounds as one word (Staatsanwaltschaftsorgane).
COMPOUNDING_LANGUAGES = frozenset({"de", "nl", "sv", "da", "no", "nb", "nn", "fi", "et", "is"})

# ISO 639-1 code → Snowball algorithm (those snowballstemmer ships).
SNOWBALL = {
    "ar": "arabic",
    "ca": "catalan",
    "cs": "czech",
    "da": "danish",
    "de": "german",
    "el": "greek",
    "en": "english",
    "eo": "esperanto",
    "es": "spanish",
    "et": "estonian",
    "eu": "basque",
    "fa": "persian",
    "fi": "finnish",
    "fr": "french",
    "ga": "irish",
    "hi": "hindi",
    "hu": "hungarian",
    "hy": "armenian",
    "id": "indonesian",
    "it": "italian",
    "lt": "lithuanian",
    "nb": "norwegian",
    "ne": "nepali",
    "nl": "dutch",
    "nn": "norwegian",
    "no": "norwegian",
    "pl": "polish",
    "pt": "portuguese",
    "ro": "romanian",
    "ru": "russian",
    "sr": "serbian",
    "st": "sesotho",
    "sv": "swedish",
    "ta": "tamil",
    "tr": "turkish",
    "yi": "yiddish",
}


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Function words that say nothing about how a term is rendered. Short lists on
# purpose: words of one or two letters are ignored anyway (see ``content_words``).
STOPWORDS: dict[str, frozenset[str]] = {
    "en": _wordset(
        "the and for with from into onto upon that this these those their its our your "
        "his her are was were been being has have had not but all any each such via per "
        "under over between among within without about against through during before "
        "after both either other than then which who whom whose what when where can may "
        "shall will would should must could also"
    ),
    "fr": _wordset(
        "les des une aux par pour dans avec sans sur sous entre leur leurs cette ces son "
        "ses qui que dont est sont selon vers chez contre comme ainsi tout tous toute "
        "toutes autre autres"
    ),
    "es": _wordset(
        "los las del una uno unos unas por para con sin sobre entre desde hacia según "
        "como que sus contra este esta estos estas otro otra todo toda todos todas"
    ),
    "de": _wordset(
        "der die das den dem des ein eine einer eines einem einen und oder für von vom "
        "zum zur mit bei aus auf über unter gegen durch ohne sowie nach vor zwischen"
    ),
    "ru": _wordset(
        "для при под над без между через после также как что или его её их это этот эта "
        "эти все всех так который которые которых"
    ),
    "mn": _wordset("болон буюу энэ тэр мөн тухай дээр бүх бусад зэрэг"),
    "vi": _wordset(
        "của và các những trong cho với về được là có theo tại một này đối để từ đến hoặc "
        "hay như thì mà do bởi trên dưới giữa sự việc"
    ),
}

# Articles and determiners that inflect with the noun they go with: in a
# rendering they stand for "some word here" when matching a text.
INFLECTED_ARTICLES: dict[str, frozenset[str]] = {
    "de": _wordset("der die das den dem des ein eine einer eines einem einen"),
}

_WORD = re.compile(r"[^\W_]+")


class Mode(StrEnum):
    """How words of a language are compared."""

    CHARS = "chars"
    STEM = "stem"
    EXACT = "exact"
    PREFIX = "prefix"


def base(lang: str) -> str:
    """The primary language subtag: ``pt-BR`` → ``pt``."""
    return lang.replace("_", "-").split("-")[0].lower()


def mode(lang: str) -> Mode:
    """How ``lang`` is matched.

    >>> [str(mode(c)) for c in ("ja", "ru", "de", "vi", "mn")]
    ['chars', 'stem', 'stem', 'exact', 'prefix']
    """
    code = base(lang)
    if code in CHAR_LANGUAGES:
        return Mode.CHARS
    if code in ISOLATING_LANGUAGES:
        return Mode.EXACT
    if code in SNOWBALL:
        return Mode.STEM
    return Mode.PREFIX


def normalize(text: str, lang: str, *, accents: bool = True) -> str:
    """A comparison form: NFC (NFKC for ``chars`` languages), case-folded, ё → е.

    With ``accents=False`` accents are also removed from Latin letters
    (:func:`termsmith.textnorm.fold`).

    >>> normalize("Ｓｐｐ ＫＥＮ", "ja"), normalize("Объединённые", "ru")
    ('spp ken', 'объединенные')
    >>> normalize("Kiểm Sát", "vi"), normalize("Kiểm Sát", "vi", accents=False)
    ('kiểm sát', 'kiem sat')
    """
    if mode(lang) is Mode.CHARS:
        text = unicodedata.normalize("NFKC", text)
    if not accents:
        return fold(text)
    return unicodedata.normalize("NFC", text.casefold()).replace("ё", "е")


def words(text: str) -> list[str]:
    """The words of ``text``: runs of letters and digits (hyphens and apostrophes split).

    >>> words("l'étranger, foreign-related")
    ['l', 'étranger', 'foreign', 'related']
    """
    return _WORD.findall(text)


@lru_cache(maxsize=64)
def _snowball(algorithm: str) -> Callable[[str], str]:
    import snowballstemmer

    return snowballstemmer.stemmer(algorithm).stemWord  # type: ignore[no-any-return]


def stemmer(lang: str) -> Callable[[str], str] | None:
    """The Snowball stemmer of ``lang`` (for lower-case words), or None."""
    algorithm = SNOWBALL.get(base(lang))
    return _snowball(algorithm) if algorithm else None


@lru_cache(maxsize=65536)
def stem(word: str, lang: str) -> str:
    """The stem of a normalized word (the word itself where there is no stemmer).

    >>> stem("прокурорских", "ru"), stem("organes", "fr"), stem("kiểm", "vi")
    ('прокурорск', 'organ', 'kiểm')
    """
    fn = stemmer(lang) if mode(lang) is Mode.STEM else None
    return fn(word) if fn else word


def content_words(text: str, lang: str) -> list[tuple[str, str]]:
    """``(word, normalized word)`` pairs, without function words and words of one or two letters.

    >>> content_words("Organe der Staatsanwaltschaft", "de")
    [('Organe', 'organe'), ('Staatsanwaltschaft', 'staatsanwaltschaft')]
    """
    stop = STOPWORDS.get(base(lang), frozenset())
    pairs = ((w, normalize(w, lang)) for w in words(unicodedata.normalize("NFC", text)))
    return [(w, n) for w, n in pairs if len(n) > 2 and n not in stop]


def same_word(a: str, b: str, how: Mode) -> bool:
    """Whether two normalized stems (or words) count as the same word.

    ``stem``: equal, or one a prefix of the other longer by at most two letters
    (Snowball leaves ``орга`` for ``органы`` but ``орган`` for ``органов``).
    ``prefix``: a common prefix of at least four letters, the shorter word
    losing at most two letters and the longer adding at most five.
    ``exact`` and ``chars``: equal.

    >>> same_word("орга", "орган", Mode.STEM), same_word("organ", "organis", Mode.STEM)
    (True, True)
    >>> same_word("байгууллага", "байгууллагуудын", Mode.PREFIX)
    True
    >>> same_word("law", "lawyer", Mode.PREFIX), same_word("sát", "sat", Mode.EXACT)
    (False, False)
    """
    if a == b:
        return True
    if how is Mode.EXACT or how is Mode.CHARS:
        return False
    shorter, longer = sorted((a, b), key=len)
    common = 0
    for x, y in zip(shorter, longer, strict=False):
        if x != y:
            break
        common += 1
    if common < 4:
        return False
    if how is Mode.STEM:
        return common == len(shorter) and len(longer) - common <= 2
    return len(shorter) - common <= 2 and len(longer) - common <= 5


def singular(word: str) -> str:
    """A crude English singular (number only, no derivation), for lookups.

    >>> [singular(w) for w in ("authorities", "cases", "boxes", "organs", "status", "law")]
    ['authority', 'case', 'box', 'organ', 'status', 'law']
    """
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word
