"""Quality checks over the glossary, like pofilter's and Weblate's, for terminology.

Each check yields :class:`Finding` records; :func:`run` collects them all in a
:class:`Report` (checkers report every problem, they never stop at the first).
``docs/checks.md`` describes each check and its level.

>>> from termsmith.store import Store
>>> store = Store(Path("glossary"))
>>> term = store.add_term("procuratorial organs", status=TermStatus.ACCEPTED)
>>> [f.message for f in check_missing(store, ["fr"])]
["'procuratorial organs' has no translation in fr"]
"""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from termsmith import stems
from termsmith.model import Term, TermKind, TermStatus, Unit, UnitStatus
from termsmith.store import Store

if TYPE_CHECKING:
    from termsmith.project import Project


class Level(StrEnum):
    """How serious a finding is; ``--strict`` fails on errors only."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


_LEVEL_RANK = {Level.ERROR: 0, Level.WARNING: 1, Level.INFO: 2}

CHECKS = ("missing", "draft", "identical", "inconsistent", "conflict", "catalog")
"""The check names, in report order (``catalog`` covers every PO catalog finding)."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem: its level, the check that found it, where, and what to do.

    ``term_id`` is empty for findings about several terms or a file; ``path``
    and ``line`` locate findings in files (PO catalogs).
    """

    level: Level
    check: str
    term_id: str
    lang: str
    message: str
    path: str = ""
    line: int | None = None

    def sort_key(self) -> tuple[int, int, str, str, str, int, str]:
        check = CHECKS.index(self.check) if self.check in CHECKS else len(CHECKS)
        return (
            _LEVEL_RANK[self.level],
            check,
            self.lang,
            self.term_id,
            self.path,
            self.line or 0,
            self.message,
        )

    def to_obj(self) -> dict[str, Any]:
        """The finding as a JSON object (empty location fields left out)."""
        obj: dict[str, Any] = {"level": str(self.level), "check": self.check}
        if self.term_id:
            obj["term_id"] = self.term_id
        if self.lang:
            obj["lang"] = self.lang
        if self.path:
            obj["path"] = self.path
        if self.line is not None:
            obj["line"] = self.line
        obj["message"] = self.message
        return obj


@dataclass
class Coverage:
    """Where the accepted terms stand in one language."""

    accepted: int = 0
    missing: int = 0
    draft: int = 0
    translated: int = 0
    reviewed: int = 0
    conflict: int = 0

    def to_obj(self) -> dict[str, int]:
        return {
            "accepted": self.accepted,
            "missing": self.missing,
            "draft": self.draft,
            "translated": self.translated,
            "reviewed": self.reviewed,
            "conflict": self.conflict,
        }


@dataclass
class Report:
    """Every finding of a check run, sorted (errors first), and per-language coverage."""

    findings: list[Finding] = field(default_factory=list)
    coverage: dict[str, Coverage] = field(default_factory=dict)

    def count(self, level: Level) -> int:
        """How many findings of this level."""
        return sum(1 for f in self.findings if f.level is level)

    @property
    def has_errors(self) -> bool:
        """Whether any error-level finding exists (``--strict`` then fails)."""
        return any(f.level is Level.ERROR for f in self.findings)

    def summary(self) -> str:
        """``2 errors, 1 warning, 0 notes``."""
        e, w, i = (self.count(lv) for lv in (Level.ERROR, Level.WARNING, Level.INFO))
        return f"{_plural(e, 'error')}, {_plural(w, 'warning')}, {_plural(i, 'note')}"

    def to_obj(self) -> dict[str, Any]:
        """The report as one JSON object, stable across runs."""
        return {
            "summary": {
                "errors": self.count(Level.ERROR),
                "warnings": self.count(Level.WARNING),
                "notes": self.count(Level.INFO),
            },
            "coverage": {lang: c.to_obj() for lang, c in self.coverage.items()},
            "findings": [f.to_obj() for f in self.findings],
        }


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def run(
    project: Project, store: Store | None = None, *, checks: Iterable[str] | None = None
) -> Report:
    """Run the checks (all by default) over the project's store and catalogs."""
    store = store if store is not None else project.load_store()
    wanted = set(CHECKS if checks is None else checks)
    unknown = wanted - set(CHECKS)
    if unknown:
        raise ValueError(f"unknown checks: {', '.join(sorted(unknown))}")
    languages = project.languages
    findings: list[Finding] = []
    if wanted & {"missing", "draft"}:
        findings += [f for f in check_missing(store, languages) if f.check in wanted]
    if "identical" in wanted:
        findings += check_identical(store, languages)
    if "inconsistent" in wanted:
        findings += check_inconsistent(store, languages)
    if "conflict" in wanted:
        findings += check_conflicts(store)
    if "catalog" in wanted:
        findings += check_catalogs(project, store)
    findings.sort(key=Finding.sort_key)
    return Report(findings, coverage(store, languages))


def coverage(store: Store, languages: Iterable[str]) -> dict[str, Coverage]:
    """Counts of accepted terms by unit status, per language."""
    accepted = list(store.iter_terms([TermStatus.ACCEPTED]))
    out: dict[str, Coverage] = {}
    for lang in languages:
        cov = Coverage(accepted=len(accepted))
        for term in accepted:
            unit = store.unit(term.id, lang)
            if not _usable(unit):
                cov.missing += 1
                continue
            assert unit is not None
            if unit.status is UnitStatus.DRAFT:
                cov.draft += 1
            elif unit.status is UnitStatus.TRANSLATED:
                cov.translated += 1
            else:
                cov.reviewed += 1
            if unit.conflict:
                cov.conflict += 1
        out[lang] = cov
    return out


def _usable(unit: Unit | None) -> bool:
    return unit is not None and unit.status is not UnitStatus.REJECTED and bool(unit.text.strip())


# --- missing translations and drafts -----------------------------------------


def check_missing(store: Store, languages: Iterable[str]) -> Iterator[Finding]:
    """Accepted terms without a usable translation (error) or with a draft (warning)."""
    langs = list(languages)
    for term in store.iter_terms([TermStatus.ACCEPTED]):
        for lang in langs:
            unit = store.unit(term.id, lang)
            if not _usable(unit):
                rejected = unit is not None and unit.status is UnitStatus.REJECTED
                why = "only a rejected translation" if rejected else "no translation"
                yield Finding(
                    Level.ERROR, "missing", term.id, lang, f"'{term.term}' has {why} in {lang}"
                )
            elif unit is not None and unit.status is UnitStatus.DRAFT:
                yield Finding(
                    Level.WARNING,
                    "draft",
                    term.id,
                    lang,
                    f"'{term.term}' = '{unit.text}' is a draft awaiting review ({unit.origin})",
                )


# --- translations identical to the source ------------------------------------

# Names and abbreviations are often kept as they are (Latin-script languages);
# concept terms almost never are, so an identical one is likely untranslated.
_MAY_BE_IDENTICAL = frozenset({TermKind.NAME, TermKind.ABBREVIATION})


def _same_text(a: str, b: str, lang: str) -> bool:
    def key(text: str) -> str:
        return " ".join(stems.words(stems.normalize(text, lang, accents=False)))

    return key(a) == key(b)


def check_identical(store: Store, languages: Iterable[str]) -> Iterator[Finding]:
    """Translations identical to the English term (warning), except names and abbreviations.

    A reviewed unit is trusted: a reviewer has confirmed the borrowing.
    """
    langs = list(languages)
    for term in store.iter_terms([TermStatus.ACCEPTED]):
        if term.kind in _MAY_BE_IDENTICAL:
            continue
        sources = [term.term, *term.variants]
        for lang in langs:
            unit = store.unit(term.id, lang)
            if unit is None or not _usable(unit) or unit.status is UnitStatus.REVIEWED:
                continue
            if any(_same_text(unit.text, source, lang) for source in sources):
                yield Finding(
                    Level.WARNING,
                    "identical",
                    term.id,
                    lang,
                    f"'{unit.text}' is the English term untranslated; translate it, "
                    "mark the term as a name or abbreviation, or review the unit to keep it",
                )


# --- merge conflicts ----------------------------------------------------------


def check_conflicts(store: Store) -> Iterator[Finding]:
    """Units left in merge conflict (error), with the competing renderings."""
    for unit in store.conflicts():
        others = ", ".join(f"'{a.text}' ({a.origin})" for a in unit.alternatives) or "none kept"
        yield Finding(
            Level.ERROR,
            "conflict",
            unit.term_id,
            unit.lang,
            f"merge conflict: kept '{unit.text}' ({unit.origin}), other side {others}; "
            f"resolve with 'termsmith set {unit.term_id} {unit.lang} TEXT'",
        )


# --- inconsistent renderings of a shared word ---------------------------------

_GENERIC_SHARE = 0.5  # a key in more than half of a language's translations says nothing
_GENERIC_MIN = 8  # ... once there are enough translations to tell
_GRAM = 4  # letters per key in stemmed words


def english_elements(text: str) -> dict[str, str]:
    """Content words of an English term by lemma: ``{'organ': 'organs', …}``.

    Only inflection is undone (plural and possessive), so ``procuratorial`` and
    ``procuratorate``, or ``legal`` and ``legality``, stay different words.
    Hyphenated compounds stay whole (``foreign-related``); function words go.

    >>> english_elements("the Supreme People's Procuratorates and authorities")
    {'supreme': 'supreme', 'people': 'people', 'procuratorate': 'procuratorates', \
'authority': 'authorities'}
    """
    stop = stems.STOPWORDS["en"]
    out: dict[str, str] = {}
    for raw in re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", stems.normalize(text, "en")):
        word = re.sub(r"['’]s?$", "", raw)
        if len(word) < 3 or word in stop or word.isdigit():
            continue
        out.setdefault(stems.singular(word), word)
    return out


def _is_content_char(char: str) -> bool:
    # Hiragana is mostly particles and endings in Japanese terms: not a rendering.
    return char.isalnum() and not ("\u3040" <= char <= "\u309f")


def rendering_keys(text: str, lang: str) -> dict[str, str]:
    """Keys that stand for parts of a rendering, each with the word it came from.

    ``stem``/``prefix`` languages: four-letter slices of each content word's
    stem (shared slices survive inflection and German compounding);
    ``exact`` (Vietnamese): syllables and pairs of adjacent syllables; ``chars``
    (Japanese, Chinese): pairs of adjacent kanji, katakana or Latin characters
    (a single shared kanji is as weak a sign as a shared letter).

    >>> sorted(rendering_keys("検察機関", "ja"))
    ['察機', '検察', '機関']
    >>> rendering_keys("cơ quan kiểm sát", "vi")["kiểm sát"]
    'kiểm sát'
    >>> rendering_keys("прокурорских органов", "ru")["прок"]
    'прокурорских'
    """
    how = stems.mode(lang)
    norm = stems.normalize(text, lang)
    keys: dict[str, str] = {}
    if how is stems.Mode.CHARS:
        for a, b in itertools.pairwise(norm):
            if _is_content_char(a) and _is_content_char(b):
                keys.setdefault(a + b, a + b)
        return keys
    if how is stems.Mode.EXACT:
        syllables = stems.words(norm)
        stop = stems.STOPWORDS.get(stems.base(lang), frozenset())
        for a, b in itertools.pairwise(syllables):
            if a not in stop and b not in stop:
                keys.setdefault(f"{a} {b}", f"{a} {b}")
        # Single syllables too: many words are one syllable (luật, án, tòa).
        for syllable in syllables:
            if syllable not in stop:
                keys.setdefault(syllable, syllable)
        return keys
    compounding = stems.base(lang) in stems.COMPOUNDING_LANGUAGES
    for word, norm in stems.content_words(text, lang):
        forms = [stems.stem(norm, lang)]
        if compounding:
            # The stemmer strips suffixes off a compound's last part but not off the
            # same word alone (Freiheit, Meinungsfreiheit): slice the word as written too.
            forms.append(stems.normalize(norm, lang, accents=False))
        for form in forms:
            if len(form) < _GRAM:
                keys.setdefault(form, word)
            for i in range(len(form) - _GRAM + 1):
                keys.setdefault(form[i : i + _GRAM], word)
    return keys


def _grow(seed: str, texts: list[str]) -> str:
    """The longest substring around ``seed`` that every text contains."""
    first = texts[0]
    best = seed
    start = first.find(seed)
    while start >= 0:
        lo, hi = start, start + len(seed)
        while hi < len(first) and all(first[lo : hi + 1] in t for t in texts):
            hi += 1
        while lo > 0 and all(first[lo - 1 : hi] in t for t in texts):
            lo -= 1
        if hi - lo > len(best):
            best = first[lo:hi]
        start = first.find(seed, start + 1)
    return best.strip()


def _shown(
    key: str, ids: list[str], keys: dict[str, dict[str, str]], lang: str, texts: dict[str, str]
) -> str:
    """A readable form of the rendering a key stands for."""
    how = stems.mode(lang)
    if how is stems.Mode.CHARS:
        return _grow(key, [stems.normalize(texts[i], lang) for i in ids])
    if how is stems.Mode.EXACT:
        return key
    # One spelling per word form (case aside), the most frequent first.
    forms: dict[str, Counter[str]] = {}
    for i in ids:
        surface = keys[i][key]
        forms.setdefault(stems.normalize(surface, lang), Counter())[surface] += 1
    ranked = sorted(forms.values(), key=lambda c: -c.total())
    return "/".join(c.most_common(1)[0][0] for c in ranked[:3])


def check_inconsistent(store: Store, languages: Iterable[str]) -> Iterator[Finding]:
    """English words shared by accepted terms but rendered differently in a language.

    For each English content word (by stem) that two or more accepted terms
    share, the translations of those terms should share a rendering key
    (:func:`rendering_keys`). The key found in most of them is taken as the
    usual rendering; terms without it are flagged (warning), or all of them
    when no two agree. Lenient on purpose: a shared key counts even when it
    comes from another shared word, so some inconsistencies are missed rather
    than raising false alarms. Names and abbreviations are left out: an
    official name is rendered as a whole, not word by word. A reviewed unit is
    a deliberate choice (``law`` as *droit* or *loi*): reported as a note only.
    """
    terms = [t for t in store.iter_terms([TermStatus.ACCEPTED]) if t.kind is TermKind.TERM]
    elements = {t.id: english_elements(t.term) for t in terms}
    for lang in languages:
        yield from _inconsistent_in(store, lang, terms, elements)


def _inconsistent_in(
    store: Store, lang: str, terms: list[Term], elements: dict[str, dict[str, str]]
) -> Iterator[Finding]:
    texts: dict[str, str] = {}
    reviewed: set[str] = set()
    for term in terms:
        unit = store.unit(term.id, lang)
        if unit is not None and _usable(unit):
            texts[term.id] = unit.text
            if unit.status is UnitStatus.REVIEWED:
                reviewed.add(term.id)
    keys = {tid: rendering_keys(text, lang) for tid, text in texts.items()}
    df: Counter[str] = Counter(k for ks in keys.values() for k in ks)
    generic = set()
    if len(texts) >= _GENERIC_MIN:
        generic = {k for k, n in df.items() if n > _GENERIC_SHARE * len(texts)}
    sharing: dict[str, list[str]] = {}
    word_of: dict[str, str] = {}
    for tid in texts:
        for element, word in elements[tid].items():
            sharing.setdefault(element, []).append(tid)
            word_of.setdefault(element, word)
    for element in sorted(sharing):
        ids = sorted(sharing[element])
        if len(ids) < 2:
            continue
        word = word_of[element]
        counts: Counter[str] = Counter(k for tid in ids for k in keys[tid] if k not in generic)
        best = ""
        if counts:
            # Most terms covered, then most specific to this word (Dice), then longest.
            best = max(
                sorted(counts),
                key=lambda k: (counts[k], 2 * counts[k] / (len(ids) + df[k]), len(k)),
            )
        cover = [tid for tid in ids if best and best in keys[tid]]
        if len(cover) == len(ids):
            continue
        if len(cover) >= 2:
            shown = _shown(best, cover, keys, lang, texts)
            for tid in ids:
                if tid in cover:
                    continue
                yield Finding(
                    Level.INFO if tid in reviewed else Level.WARNING,
                    "inconsistent",
                    tid,
                    lang,
                    f"'{word}' is rendered '{shown}' in {', '.join(cover)} "
                    f"but not in '{texts[tid]}'" + (" (reviewed)" if tid in reviewed else ""),
                )
        else:
            listing = "; ".join(f"{tid} = '{texts[tid]}'" for tid in ids)
            settled = all(tid in reviewed for tid in ids)
            yield Finding(
                Level.INFO if settled else Level.WARNING,
                "inconsistent",
                "",
                lang,
                f"'{word}' has no rendering in common across {len(ids)} terms: {listing}",
            )


# --- PO catalogs --------------------------------------------------------------


def check_catalogs(project: Project, store: Store) -> Iterator[Finding]:
    """PO catalogs that differ from what the store renders (error) or fail ``msgfmt -c``."""
    from termsmith import catalogs

    rendered = catalogs.render_all(project, store)
    on_disk = sorted(project.locales_dir.glob("**/*.po"))
    if not on_disk and rendered:
        yield Finding(
            Level.WARNING,
            "catalog",
            "",
            "",
            "no PO catalogs in locales/ yet; write them with 'termsmith po' or 'termsmith build'",
        )
        return
    for path, text in sorted(rendered.items()):
        rel = _rel(project, path)
        if not path.exists():
            yield Finding(
                Level.ERROR,
                "catalog",
                "",
                _lang_of(project, path),
                f"{rel} is missing; write it with 'termsmith po'",
                path=rel,
            )
        elif path.read_text(encoding="utf-8") != text:
            yield Finding(
                Level.ERROR,
                "catalog",
                "",
                _lang_of(project, path),
                f"{rel} differs from the store: read translators' edits back with "
                "'termsmith po sync', or regenerate it with 'termsmith po'",
                path=rel,
            )
    yield from _msgfmt(project, on_disk)


def _rel(project: Project, path: Path) -> str:
    try:
        return path.relative_to(project.root).as_posix()
    except ValueError:
        return str(path)


def _lang_of(project: Project, path: Path) -> str:
    try:
        parts = path.relative_to(project.locales_dir).parts
    except ValueError:
        return ""
    return parts[0] if len(parts) > 1 else ""


def _msgfmt(project: Project, paths: list[Path]) -> Iterator[Finding]:
    if not paths:
        return
    exe = shutil.which("msgfmt")
    if exe is None:
        yield Finding(
            Level.INFO,
            "catalog",
            "",
            "",
            "msgfmt (GNU gettext) is not installed; PO catalogs were not validated",
        )
        return
    for path in paths:
        rel = _rel(project, path)
        proc = subprocess.run(
            [exe, "-c", "-o", "/dev/null", str(path)],
            capture_output=True,
            text=True,
            check=False,
            env={"LC_ALL": "C", "PATH": ""},
        )
        if proc.returncode == 0:
            continue
        for line_no, message in _msgfmt_errors(proc.stderr, str(path)):
            yield Finding(
                Level.WARNING if message.startswith("warning:") else Level.ERROR,
                "catalog",
                "",
                _lang_of(project, path),
                f"msgfmt -c: {message}",
                path=rel,
                line=line_no,
            )


_MSGFMT_TOTAL = re.compile(r"^\S*msgfmt: found \d+ fatal errors?$")


def _msgfmt_errors(stderr: str, path: str) -> list[tuple[int | None, str]]:
    """``(line, message)`` pairs from msgfmt's ``FILE:LINE: message`` output.

    >>> _msgfmt_errors("a.po:7: duplicate message\\n/bin/msgfmt: found 1 fatal error", "a.po")
    [(7, 'duplicate message')]
    """
    out: list[tuple[int | None, str]] = []
    for raw in stderr.splitlines():
        if raw.startswith(path + ":"):
            rest = raw[len(path) + 1 :]
            num, sep, message = rest.partition(":")
            if sep and num.strip().isdigit():
                out.append((int(num), message.strip()))
                continue
            out.append((None, rest.strip()))
        elif raw.strip() and not _MSGFMT_TOTAL.match(raw):
            out.append((None, raw.strip()))
    return out or [(None, "failed")]
