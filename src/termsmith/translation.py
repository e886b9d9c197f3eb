"""Machine translation of the glossary: drafts for the missing units, with honest provenance.

For each target language, the engines configured for it (``[engines]`` in
``termsmith.toml``, default memory → argos → ct2) are tried in order: the memory
reuses an existing translation of the same English term, then the first MT
engine with a model translates everything left, in one batched run. Results are
``draft`` units with origin ``mt:<engine>/<model>@<version>`` and the other
usable n-best hypotheses kept as alternatives with their scores.

Isolated terms are a weak spot of MT (repetition, copies of the source,
boilerplate), so each hypothesis is checked by :func:`degenerate` and the next
one used when it fails; :func:`adjust_case` keeps casing as the language wants.
A ``translated`` or ``reviewed`` unit is never replaced unless ``retranslate``
asks, and then its text is kept as an alternative. Running twice changes nothing.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from termsmith.engines import ENGINES, MT_ENGINES, Choice, Engine, Hypothesis, choose, how_to_get
from termsmith.engines.memory import MemoryEngine
from termsmith.errors import ConfigError, EngineError, TermsmithError
from termsmith.model import Alternative, Term, TermKind, TermStatus, Unit, UnitStatus
from termsmith.project import Project
from termsmith.store import Store
from termsmith.textnorm import fold as _fold_uncached

#: hypotheses asked of an MT engine per term
NUM_HYPOTHESES = 4
#: texts per engine call, so the progress bar moves on long runs
PROGRESS_STEP = 256
#: scripts written without capitals or word spaces, where length counts differently
DENSE_SCRIPTS = {"ja", "zh", "ko"}
#: languages whose nouns keep the capital the model gave them
KEEP_CASE = {"de", "lb"}

Progress = Callable[[str, int, int], None]

#: every hypothesis is folded a few times; terms repeat across languages and runs
fold = functools.lru_cache(maxsize=1 << 16)(_fold_uncached)

_REPEAT = re.compile(r"(\w{1,12}?)\1{2,}")


@dataclass
class LanguageReport:
    """What ``translate`` did for one language."""

    lang: str
    pending: int = 0
    translated: int = 0
    reused: int = 0
    unchanged: int = 0
    no_usable: list[str] = field(default_factory=list)
    model: str = ""
    skipped: str = ""
    hint: str = ""
    error: str = ""
    #: in a dry run: units the model would be asked to draft
    planned: int = 0

    def line(self) -> str:
        """One human-readable line."""
        if self.error:
            return f"{self.lang}: error: {self.error}"
        parts = []
        if self.planned:
            parts.append(
                f"would draft {self.planned}" + (f" with {self.model}" if self.model else "")
            )
            if self.reused:
                parts.append(f"{self.reused} of them from memory")
        elif not self.pending:
            parts.append("nothing to translate")
        else:
            parts.append(f"{self.translated} drafted")
            if self.reused:
                parts.append(f"{self.reused} of them from memory")
            if self.model:
                parts.append(f"with {self.model}")
            if self.unchanged:
                parts.append(f"{self.unchanged} unchanged")
            if self.no_usable:
                parts.append(f"{len(self.no_usable)} without a usable hypothesis")
        text = f"{self.lang}: " + ", ".join(parts)
        if self.skipped:
            text += f"; skipped: {self.skipped} (to get one: {self.hint})"
        return text


@dataclass
class TranslationReport:
    """Per language, what was drafted, skipped or failed."""

    languages: list[LanguageReport] = field(default_factory=list)

    @property
    def translated(self) -> int:
        return sum(r.translated for r in self.languages)

    @property
    def skipped(self) -> list[LanguageReport]:
        return [r for r in self.languages if r.skipped]

    @property
    def errors(self) -> list[LanguageReport]:
        return [r for r in self.languages if r.error]

    def lines(self) -> list[str]:
        return [r.line() for r in self.languages]


# --- judging hypotheses ------------------------------------------------------


def degenerate(source: str, text: str, lang: str, kind: TermKind = TermKind.TERM) -> str:
    """Why ``text`` is not a usable translation of ``source``, or ``""``.

    >>> degenerate("legal aid", "", "fr")
    'empty'
    >>> degenerate("legal aid", "aide aide aide", "fr")
    'repeated tokens'
    >>> degenerate("legal aid", "Legal aid", "fr")
    'copy of the source'
    >>> degenerate("legal aid", "aide juridictionnelle", "fr")
    ''
    """
    clean = text.strip()
    if not clean:
        return "empty"
    if "⁇" in clean or "<unk>" in clean:
        return "unknown tokens"
    words = fold(clean).split()
    source_words = fold(source).split()
    if (_repeats(words) and not _repeats(source_words)) or (
        _REPEAT.search(clean) and not _REPEAT.search(source)
    ):
        return "repeated tokens"
    if fold(clean) == fold(source) and kind is TermKind.TERM:
        # names and abbreviations are often written the same; ordinary terms rarely are
        return "copy of the source"
    length = len(clean) * (2.5 if lang in DENSE_SCRIPTS else 1.0)
    ratio = length / max(len(source.strip()), 6)
    if ratio > 4 or ratio < 0.15:
        return "absurd length"
    return ""


def _repeats(words: list[str]) -> bool:
    """A word twice in a row, or three times anywhere."""
    return any(a == b for a, b in itertools.pairwise(words)) or any(
        words.count(w) >= 3 for w in set(words)
    )


def adjust_case(source: str, text: str, lang: str, kind: TermKind = TermKind.TERM) -> str:
    """Casing and end punctuation as the language wants for a glossary entry.

    A lower-case English term gets a lower-case first letter (MT capitalises
    isolated terms as if they were sentences), except for names and in
    German, whose nouns are capitalised. A final full stop the source lacks goes.

    >>> adjust_case("legal aid", "Aide juridictionnelle.", "fr")
    'aide juridictionnelle'
    >>> adjust_case("legal aid", "Rechtshilfe", "de")
    'Rechtshilfe'
    >>> adjust_case("legal aid", "UNESCO aid", "fr")
    'UNESCO aid'
    """
    out = text.strip()
    if out[-1:] in (".", "。") and source.strip()[-1:] not in (".", "。"):
        out = out[:-1].rstrip()
    if kind is TermKind.NAME or lang in KEEP_CASE or not out:
        return out
    first_word = out.split()[0]
    if (
        source[:1].islower()
        and first_word[:1].isupper()
        and any(c.islower() for c in first_word[1:])
    ):
        out = out[0].lower() + out[1:]
    return out


@dataclass
class Pick:
    """The hypothesis chosen for a term and the alternatives kept beside it."""

    text: str
    origin: str
    alternatives: list[Alternative]


def pick(
    source: str,
    hypotheses: Iterable[Hypothesis],
    lang: str,
    origin: str,
    kind: TermKind = TermKind.TERM,
    avoid: str = "",
) -> Pick | None:
    """The first usable hypothesis (cased), others as alternatives; None if none is usable."""
    usable: list[tuple[str, Hypothesis]] = []
    seen = {fold(avoid)} if avoid else set()
    for hyp in hypotheses:
        text = adjust_case(source, hyp.text, lang, kind)
        if degenerate(source, text, lang, kind) or fold(text) in seen:
            continue
        seen.add(fold(text))
        usable.append((text, hyp))
    if not usable:
        return None
    (text, best), rest = usable[0], usable[1:]
    return Pick(
        text=text,
        origin=best.origin or origin,
        alternatives=[
            Alternative(t, h.origin or origin, None if h.score is None else round(h.score, 4))
            for t, h in rest
        ],
    )


# --- the run -------------------------------------------------------------------


def _needs(unit: Unit | None, retranslate: bool) -> bool:
    """Whether a unit is to be (re)translated: missing, empty, rejected, or asked for."""
    if unit is None or not unit.text.strip() or unit.status is UnitStatus.REJECTED:
        return True
    return retranslate


def _terms(store: Store, term_ids: list[str] | None) -> list[Term]:
    wanted = [TermStatus.ACCEPTED, TermStatus.CANDIDATE]
    if term_ids:
        chosen = [store.term(i) for i in dict.fromkeys(term_ids)]
        return [t for t in chosen if t.status in wanted]
    return [store.terms[k] for k in sorted(store.terms) if store.terms[k].status in wanted]


def _engines_for(project: Project, lang: str, engine: str | None) -> list[str]:
    if engine is not None:
        return [engine]
    names = project.config.engines_for(lang)
    unknown = [n for n in names if n not in ENGINES]
    if unknown:
        raise ConfigError(
            f"termsmith.toml: unknown engine '{unknown[0]}' for {lang}",
            hint=f"use {', '.join(ENGINES)}",
        )
    return names


def translate(
    project: Project,
    languages: list[str] | None = None,
    *,
    engine: str | None = None,
    term_ids: list[str] | None = None,
    retranslate: bool = False,
    strict: bool = False,
    num_hypotheses: int = NUM_HYPOTHESES,
    progress: Progress | None = None,
    open_engine: Callable[[Choice], Engine] | None = None,
    dry_run: bool = False,
) -> TranslationReport:
    """Draft the missing units of accepted and candidate terms; see the module docstring.

    The store is read, the models run without holding the lock, and the results
    are written in one transaction that re-checks every unit, so a person's edit
    made meanwhile is never overwritten. ``dry_run`` only plans: which units each
    language's model would draft; no model runs and nothing is written.
    """
    from termsmith import engines as engines_mod

    opener = open_engine or engines_mod.open_engine
    if engine is not None and engine not in ENGINES:
        raise ConfigError(f"unknown engine '{engine}'", hint=f"use {', '.join(ENGINES)}")
    langs = [project.check_language(code) for code in (languages or project.languages)]
    langs = list(dict.fromkeys(langs))
    store = project.load_store()
    terms = _terms(store, term_ids)
    source = project.config.source
    report = TranslationReport()
    plans: dict[str, dict[str, Pick]] = {}

    # First the memory and the choice of model for every language (cheap), so that
    # --strict can refuse before any model runs; then the MT runs.
    work: list[tuple[LanguageReport, list[Term], Choice]] = []
    for lang in langs:
        names = _engines_for(project, lang, engine)
        table = store.table(lang)
        left = [t for t in terms if _needs(table.get(t.id), retranslate)]
        rep = LanguageReport(lang, pending=len(left))
        report.languages.append(rep)
        plan: dict[str, Pick] = {}
        plans[lang] = plan
        if "memory" in names and left:
            memory = MemoryEngine(store, lang)
            remaining = []
            for term in left:
                hit = memory.lookup(term.term, exclude=term.id)
                avoid = _avoid(table.get(term.id))
                chosen = hit and pick(term.term, [hit], lang, hit.origin, term.kind, avoid)
                if chosen:
                    plan[term.id] = chosen
                    rep.reused += 1
                else:
                    remaining.append(term)
            left = remaining
        if not left:
            continue
        choice = (
            choose(source, lang, names)
            if set(names) & set(MT_ENGINES)
            else Choice(lang, None, f"no MT engine configured for {lang}")
        )
        if choice.model is None:
            rep.skipped = f"{len(left)} terms left: {choice.reason}"
            rep.hint = how_to_get(source, lang)
            continue
        work.append((rep, left, choice))

    if strict and report.skipped:
        raise EngineError(
            "no translation model for " + ", ".join(r.lang for r in report.skipped),
            hint="; ".join(f"{r.lang}: {r.hint}" for r in report.skipped),
        )

    if dry_run:
        for rep in report.languages:
            rep.planned = len(plans[rep.lang])
        for rep, left, choice in work:
            assert choice.model is not None
            rep.planned += len(left)
            rep.model = choice.model.origin
        return report

    for rep, left, choice in work:
        lang = rep.lang
        table = store.table(lang)
        plan = plans[lang]
        try:
            mt = opener(choice)
            rep.model = mt.model_id
            results = _run(mt, [t.term for t in left], lang, num_hypotheses, progress)
        except TermsmithError as exc:
            rep.error = str(exc)
            continue
        for term in left:
            chosen = pick(
                term.term,
                results[term.term],
                lang,
                mt.model_id,
                term.kind,
                _avoid(table.get(term.id)),
            )
            if chosen is None:
                rep.no_usable.append(term.id)
            else:
                plan[term.id] = chosen

    _apply(project, plans, report, retranslate)
    return report


def _avoid(unit: Unit | None) -> str:
    """A rejected unit's text: the one answer not to give again."""
    return unit.text if unit is not None and unit.status is UnitStatus.REJECTED else ""


def _run(
    mt: Engine, texts: list[str], lang: str, num_hypotheses: int, progress: Progress | None
) -> dict[str, list[Hypothesis]]:
    """Translate distinct texts in steps, reporting progress; by text."""
    unique = sorted(set(texts), key=lambda t: (len(t), t))
    out: dict[str, list[Hypothesis]] = {}
    if progress:
        progress(lang, 0, len(unique))
    for start in range(0, len(unique), PROGRESS_STEP):
        step = unique[start : start + PROGRESS_STEP]
        for text, hyps in zip(step, mt.translate_batch(step, num_hypotheses), strict=True):
            out[text] = hyps
        if progress:
            progress(lang, min(start + PROGRESS_STEP, len(unique)), len(unique))
    return out


def _apply(
    project: Project,
    plans: dict[str, dict[str, Pick]],
    report: TranslationReport,
    retranslate: bool,
) -> None:
    if not any(plans.values()):
        return
    reports = {r.lang: r for r in report.languages}
    with project.transaction() as store:
        for lang, plan in plans.items():
            rep = reports[lang]
            for term_id in sorted(plan):
                if term_id not in store.terms:
                    continue  # removed meanwhile
                current = store.unit(term_id, lang)
                if not _needs(current, retranslate):
                    rep.unchanged += 1
                    continue
                chosen = plan[term_id]
                alternatives = _keep(current, chosen)
                changed = store.set_unit(
                    term_id,
                    lang,
                    chosen.text,
                    status=UnitStatus.DRAFT,
                    origin=chosen.origin,
                    alternatives=alternatives,
                )
                if changed is None:
                    rep.unchanged += 1
                else:
                    rep.translated += 1


def _keep(current: Unit | None, chosen: Pick) -> list[Alternative]:
    """The new alternatives: what a person wrote before (never lost), then the n-best."""
    kept: list[Alternative] = []
    if current is not None and current.status in (UnitStatus.TRANSLATED, UnitStatus.REVIEWED):
        kept.append(Alternative(current.text, current.origin))
    if current is not None:
        kept += [a for a in current.alternatives if not a.origin.startswith("mt:")]
    kept += chosen.alternatives
    out: list[Alternative] = []
    seen = {fold(chosen.text)}
    for alt in kept:
        if fold(alt.text) not in seen:
            seen.add(fold(alt.text))
            out.append(alt)
    return out
