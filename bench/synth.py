"""A deterministic synthetic glossary: N English terms with translations in seven languages.

Word shapes follow each script: French, Spanish and German words with their accents,
Vietnamese syllables with stacked tone marks, Russian and Mongolian Cyrillic
(ө, ү), Japanese kanji and katakana compounds written without spaces. Each
language has its own word for each English word, so a term's translations are
as consistent (and as repetitive) as a real legal glossary's.

Used by ``bench/lookup_bench.py`` and ``bench/store_scale.py``; run alone it writes a CSV::

    python bench/synth.py 100000 glossary.csv
"""

from __future__ import annotations

import csv
import random
import sys
from dataclasses import dataclass
from pathlib import Path

from termsmith.model import TermStatus, UnitStatus
from termsmith.store import Store

LANGUAGES = ["fr", "ru", "es", "de", "ja", "mn", "vi"]
SEED = 20260101
STATUSES = ["draft", "translated", "reviewed"]

_EN = (
    ["pro", "cur", "con", "de", "re", "in", "ex", "ju", "di", "sub", "ad", "ob", "per", "trans"],
    ["a", "e", "i", "o", "u", "io", "ea", "ou"],
    ["t", "r", "n", "m", "l", "s", "ct", "nd", "st", "rt", "x", "v", "c", "g"],
    ["ion", "al", "ity", "ment", "ance", "ive", "ory", "ure", "er", "ate", "ism", ""],
)
_FR = (
    ["p", "c", "d", "r", "j", "l", "m", "t", "v", "tr", "pr", "gr", "ch", "qu", "s"],
    ["a", "é", "è", "ê", "i", "o", "ou", "u", "â", "ai", "eau", "oi", "e", "î"],
    ["tion", "ment", "ique", "eur", "é", "aire", "ance", "ité", "ure", "ière", "çon", "al"],
)
_ES = (
    ["p", "c", "d", "r", "j", "l", "m", "t", "v", "ñ", "pr", "tr", "ll", "ch", "s"],
    ["a", "e", "i", "o", "u", "á", "é", "í", "ó", "ú", "ia", "ue"],
    ["ción", "dad", "ario", "ente", "al", "ismo", "ero", "ía", "ado", "or", "ón", "ez"],
)
_DE = (
    ["B", "G", "St", "Ver", "Ge", "Sch", "Pr", "K", "R", "Ber", "Anw", "Z", "W", "Fr"],
    ["a", "e", "i", "o", "u", "ä", "ö", "ü", "ei", "au", "ie", "eu"],
    ["ung", "keit", "schaft", "recht", "gericht", "amt", "heit", "er", "stelle", "ß", "buch"],
)
_RU = (
    ["п", "к", "с", "т", "р", "д", "в", "пр", "гос", "ст", "м", "н", "з", "ж", "ш"],
    ["а", "о", "е", "и", "у", "ы", "я", "ю", "ё", "э"],
    ["ция", "ный", "ость", "ура", "ство", "ние", "ий", "ор", "ок", "ая", "ель", "ств"],
)
_MN = (
    ["т", "х", "б", "д", "г", "ш", "з", "ц", "с", "м", "н", "ч", "ж", "л"],
    ["а", "о", "ө", "у", "ү", "э", "и", "аа", "өө", "үү", "ы"],
    ["ын", "ийн", "лах", "ч", "гч", "тай", "лт", "ал", "рөө", "ний", "дэл", "с"],
)
_KANJI = (
    "検察院法律裁判所国家主権人民最高刑事民事訴訟証拠被告原告弁護士憲法条約"
    "行政機関公共安全司法協力国際犯罪捜査逮捕起訴判決控訴審理手続権利義務契約"
    "財産相続婚姻労働社会保障環境保護知的著作特許商標税務関税貿易投資金融銀行"
)
_KATAKANA = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロ"
    "ガギグゲゴザジズゼゾダデドバビブベボパピプペポン"
)
# Written as strings: the 54 vowels would take 54 lines as a formatted list.
_VI_ONSET = "b c d đ g h k l m n ng nh ph qu t th tr v x".split()  # noqa: SIM905
_VI_VOWEL = (  # noqa: SIM905
    "a á à ả ã ạ ă ắ ằ ặ â ấ ầ ẩ ậ e é è ê ế ề ể ễ ệ i í ì o ó ò ô ố ồ ổ ộ ơ ớ ờ ở ợ "
    "u ú ù ư ứ ừ ử ữ ự y ý iê ươ uô"
).split()
_VI_CODA = ["", "", "n", "ng", "nh", "m", "c", "ch", "t", "p", "i", "o", "u"]


def _word(rng: random.Random, onsets: list[str], vowels: list[str], ends: list[str], n: int) -> str:
    parts = [rng.choice(onsets) + rng.choice(vowels) for _ in range(n)]
    return "".join(parts) + rng.choice(ends)


def _en_word(rng: random.Random) -> str:
    pre, vowels, cons, suffix = _EN
    core = "".join(rng.choice(cons) + rng.choice(vowels) for _ in range(rng.randint(0, 2)))
    return rng.choice(pre) + core + rng.choice(cons) + rng.choice(suffix)


def _ja_word(rng: random.Random) -> str:
    if rng.random() < 0.75:
        return "".join(rng.choice(_KANJI) for _ in range(rng.randint(2, 4)))
    return "".join(rng.choice(_KATAKANA) for _ in range(rng.randint(3, 6)))


def _vi_word(rng: random.Random) -> str:
    return " ".join(
        rng.choice(_VI_ONSET) + rng.choice(_VI_VOWEL) + rng.choice(_VI_CODA)
        for _ in range(rng.randint(1, 3))
    )


def _make_word(lang: str, rng: random.Random) -> str:
    if lang == "en":
        return _en_word(rng)
    if lang == "ja":
        return _ja_word(rng)
    if lang == "vi":
        return _vi_word(rng)
    table = {"fr": _FR, "es": _ES, "de": _DE, "ru": _RU, "mn": _MN}[lang]
    word = _word(rng, *table, n=rng.randint(1, 3))
    return word.lower().capitalize() if lang == "de" else word


def _join(lang: str, words: list[str]) -> str:
    if lang == "ja":
        return "".join(words)
    if lang == "de":
        # German compounds: the head noun absorbs the modifiers, as in Strafprozessordnung.
        return words[0] + "".join(w.lower() for w in words[1:])
    return " ".join(words)


@dataclass
class Row:
    """One synthetic term and its seven translations, with their statuses."""

    term: str
    translations: dict[str, str]
    statuses: dict[str, str]


def generate(n: int, seed: int = SEED, vocabulary: int = 6000) -> list[Row]:
    """``n`` distinct English terms (1–4 words), each translated into the seven languages."""
    rng = random.Random(seed)
    vocab: dict[str, list[str]] = {}
    for lang in ["en", *LANGUAGES]:
        seen: set[str] = set()
        words: list[str] = []
        while len(words) < vocabulary:
            word = _make_word(lang, rng)
            if word not in seen:
                seen.add(word)
                words.append(word)
        vocab[lang] = words
    rows: list[Row] = []
    used: set[str] = set()
    while len(rows) < n:
        idx = [rng.randrange(vocabulary) for _ in range(rng.choice((1, 2, 2, 3, 3, 3, 4)))]
        term = " ".join(vocab["en"][i] for i in idx)
        if term in used:
            continue
        used.add(term)
        translations = {lang: _join(lang, [vocab[lang][i] for i in idx]) for lang in LANGUAGES}
        statuses = {lang: rng.choice(STATUSES) for lang in LANGUAGES}
        rows.append(Row(term, translations, statuses))
    return rows


def write_csv(rows: list[Row], path: Path) -> None:
    """The rows as a termsmith import CSV: ``en`` then the seven languages."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(["en", *LANGUAGES])
        for row in rows:
            writer.writerow([row.term, *(row.translations[lang] for lang in LANGUAGES)])


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("glossary.csv")
    write_csv(generate(count), out)
    print(f"wrote {count} terms to {out}")


def build_store(path: Path, n: int, origin: str = "curated") -> Store:
    """The synthetic glossary of :func:`generate` as a store in ``path`` (not saved)."""
    store = Store(path)
    for row in generate(n):
        term = store.add_term(row.term, status=TermStatus.ACCEPTED)
        for lang in LANGUAGES:
            store.set_unit(
                term.id,
                lang,
                row.translations[lang],
                status=UnitStatus(row.statuses[lang]),
                origin=origin,
            )
    return store
