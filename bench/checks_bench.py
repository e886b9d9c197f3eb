"""QA checks at scale, and how well the inconsistency heuristic does on planted errors.

    .venv/bin/python bench/checks_bench.py 5000

Builds a synthetic glossary (``bench/synth.py`` word shapes: N accepted terms of 1–4
words from a 6,000-word vocabulary, each English word with one rendering per language,
so the glossary is perfectly consistent), then:

1. times every check but the catalog one (``checks.run``) and counts the
   ``inconsistent`` findings: on a consistent glossary each one is a false alarm;
2. plants inconsistencies: in 2 % of the terms that share a word with another term, the
   rendering of that word is replaced, in every language, by another vocabulary word;
   counts how many planted (term, language) pairs are reported (recall) and how many
   findings name something else (false alarms);
3. times ``check-text`` on a document of 2,000 lines, each holding three glossary terms,
   against its translation.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth
from termsmith import checks, compliance
from termsmith import project as project_mod
from termsmith.model import TermStatus, UnitStatus
from termsmith.store import Store

LANGUAGES = synth.LANGUAGES
RUN = ["missing", "draft", "identical", "inconsistent", "conflict"]


def vocabulary(rng: random.Random, size: int) -> dict[str, list[str]]:
    vocab: dict[str, list[str]] = {}
    for lang in ["en", *LANGUAGES]:
        seen: dict[str, None] = {}
        while len(seen) < size:
            seen.setdefault(synth._make_word(lang, rng), None)
        vocab[lang] = list(seen)
    return vocab


def build(n: int, seed: int = 7, size: int = 6000) -> tuple[list[list[int]], dict[str, list[str]]]:
    rng = random.Random(seed)
    vocab = vocabulary(rng, size)
    terms: list[list[int]] = []
    used: set[tuple[int, ...]] = set()
    while len(terms) < n:
        idx = [rng.randrange(size) for _ in range(rng.choice((1, 2, 2, 3, 3, 3, 4)))]
        if tuple(idx) in used or len(set(idx)) < len(idx):
            continue
        used.add(tuple(idx))
        terms.append(idx)
    return terms, vocab


def make_store(
    path: Path,
    terms: list[list[int]],
    vocab: dict[str, list[str]],
    swaps: dict[int, tuple[int, int]],
) -> Store:
    store = Store(path)
    for number, idx in enumerate(terms):
        term = store.add_term(" ".join(vocab["en"][i] for i in idx), status=TermStatus.ACCEPTED)
        for lang in LANGUAGES:
            words = list(idx)
            if number in swaps:
                position, replacement = swaps[number]
                words[position] = replacement
            text = synth._join(lang, [vocab[lang][i] for i in words])
            store.set_unit(term.id, lang, text, status=UnitStatus.REVIEWED, origin="curated")
    return store


def timed_run(project: project_mod.Project, store: Store) -> tuple[checks.Report, float]:
    start = time.perf_counter()
    report = checks.run(project, store, checks=RUN)
    return report, time.perf_counter() - start


def names(finding: checks.Finding, term_id: str) -> bool:
    """Whether an inconsistency finding points at ``term_id``."""
    if finding.check != "inconsistent":
        return False
    return finding.term_id == term_id or (
        not finding.term_id and f"{term_id} = " in finding.message
    )


def plant(
    terms: list[list[int]], vocab: dict[str, list[str]], rng: random.Random
) -> dict[int, tuple[int, int]]:
    """Swap one shared word's rendering in 2 % of the terms that share a word."""
    by_word: dict[int, list[int]] = {}
    for number, idx in enumerate(terms):
        for i in idx:
            by_word.setdefault(i, []).append(number)
    shared = sorted({t for ts in by_word.values() if len(ts) >= 3 for t in ts})
    swaps: dict[int, tuple[int, int]] = {}
    for number in rng.sample(shared, max(1, len(shared) // 50)):
        positions = [p for p, i in enumerate(terms[number]) if len(by_word[i]) >= 3]
        swaps[number] = (rng.choice(positions), rng.randrange(len(vocab["en"])))
    return swaps


def main(n: int) -> None:
    terms, vocab = build(n)
    with tempfile.TemporaryDirectory() as tmp:
        project = project_mod.init(Path(tmp) / "p", languages=LANGUAGES)
        clean = make_store(project.glossary_dir, terms, vocab, {})
        report, seconds = timed_run(project, clean)
        alarms = [f for f in report.findings if f.check == "inconsistent"]
        print(f"{n} terms × {len(LANGUAGES)} languages")
        print(f"checks.run (all but catalogs): {seconds:.2f} s")
        print(f"consistent glossary: {len(alarms)} inconsistent findings (false alarms)")
        for lang in LANGUAGES:
            print(f"  {lang}: {sum(1 for f in alarms if f.lang == lang)}")

        swaps = plant(terms, vocab, random.Random(11))
        project2 = project_mod.init(Path(tmp) / "q", languages=LANGUAGES)
        dirty = make_store(project2.glossary_dir, terms, vocab, swaps)
        report, seconds = timed_run(project2, dirty)
        ids = [dirty.find(" ".join(vocab["en"][i] for i in terms[k]))[0].id for k in swaps]
        hits = {
            lang: sum(
                1 for tid in ids if any(f.lang == lang and names(f, tid) for f in report.findings)
            )
            for lang in LANGUAGES
        }
        found, total = sum(hits.values()), len(ids) * len(LANGUAGES)
        other = [
            f
            for f in report.findings
            if f.check == "inconsistent" and not any(names(f, tid) for tid in ids)
        ]
        print(
            f"planted {len(ids)} terms × {len(LANGUAGES)} languages: {found}/{total} reported "
            f"({found / total:.0%}), {len(other)} other findings; {seconds:.2f} s"
        )
        for lang in LANGUAGES:
            print(f"  {lang}: {hits[lang]}/{len(ids)}")

        lines: list[str] = []
        rendered: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
        for k in range(2000):
            chosen = [terms[(k * 3 + j) % len(terms)] for j in range(3)]
            lines.append(" and ".join(" ".join(vocab["en"][i] for i in c) for c in chosen) + ".")
            for lang in LANGUAGES:
                parts = [synth._join(lang, [vocab[lang][i] for i in c]) for c in chosen]
                rendered[lang].append(" ; ".join(parts))
        source = "\n".join(lines)
        for lang in ("fr", "ru", "de", "ja", "vi"):
            start = time.perf_counter()
            result = compliance.check_text(clean, source, "\n".join(rendered[lang]), lang)
            elapsed = time.perf_counter() - start
            ok = result.count(compliance.Verdict.OK)
            print(
                f"check-text {lang}: 2000 lines, {len(result.occurrences)} occurrences, "
                f"{ok} ok, {elapsed:.2f} s"
            )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5000)
