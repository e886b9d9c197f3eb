"""Benchmark term extraction against ACTER (English): quality, speed, scaling, memory.

Usage: ``python bench/term_extraction.py PATH_TO_ACTER_EN [--no-speed]``

``PATH_TO_ACTER_EN`` holds one folder per domain (``corp/``, ``equi/``, ``wind/``...),
each with ``texts/*.txt`` and the unique term lists ``<domain>_en_terms.tsv``
(no named entities) and ``<domain>_en_terms_nes.tsv`` (with them).

Scoring follows ACTER/TermEval 2020: the extracted unique terms, lower-cased,
are matched exactly against the gold list. A term counts with every form the
extractor reports for it (glossary form and variants found in the text), as
TermEval systems listed each form they found. Also printed: the glossary forms
alone, and F1 at fixed list sizes, to see the ranking apart from the cutoff.

Speed: the whole ``termsmith extract`` command on all domains together, then on
ten copies of them (scaling), with the peak memory of the command.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from termsmith.extraction import Candidate, extract, read


def gold(path: Path) -> set[str]:
    """The lower-cased terms of an ACTER unique-term list."""
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        term = line.split("\t")[0].strip().lower()
        if term:
            out.add(term)
    return out


def forms(cands: list[Candidate], with_variants: bool = True) -> set[str]:
    """Lower-cased strings a candidate list proposes."""
    out = set()
    for c in cands:
        out.add(c.term.lower())
        if with_variants:
            out.update(v.lower() for v in c.variants)
    return out


def prf(predicted: set[str], expected: set[str]) -> tuple[float, float, float]:
    """Precision, recall and F1."""
    hits = len(predicted & expected)
    p = hits / len(predicted) if predicted else 0.0
    r = hits / len(expected) if expected else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def quality(root: Path, domains: list[str]) -> None:
    """Per-domain precision/recall/F1 of the default selection against both gold lists."""
    print("| domain | tokens | terms (forms) | gold | P | R | F1 | gold+NEs | P | R | F1 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    sized = []
    for domain in domains:
        docs = read(sorted((root / domain / "texts").glob("*.txt")))
        tokens = sum(len(d.text.split()) for d in docs)
        cands = extract(docs)
        predicted = forms(cands)
        terms = gold(root / domain / f"{domain}_en_terms.tsv")
        nes = gold(root / domain / f"{domain}_en_terms_nes.tsv")
        p, r, f = prf(predicted, terms)
        pn, rn, fn = prf(predicted, nes)
        print(
            f"| {domain} | {tokens} | {len(cands)} ({len(predicted)}) | {len(terms)} "
            f"| {p:.3f} | {r:.3f} | **{f:.3f}** | {len(nes)} | {pn:.3f} | {rn:.3f} | **{fn:.3f}** |"
        )
        canonical = prf(forms(cands, with_variants=False), terms)
        ranked = extract(docs, top=100_000)
        at = {n: prf(forms(ranked[:n]), terms)[2] for n in (250, 500, 1000, 1500, 2000)}
        plain = forms(extract(docs, legal=False))
        no_prior = (prf(plain, terms)[2], prf(plain, nes)[2])
        sized.append((domain, canonical, at, no_prior))
    print()
    print(
        "Glossary forms only (no variants); F1 (no NEs) of the top N terms; "
        "F1 without the legal domain prior (no NEs / NEs):"
    )
    print()
    print("| domain | P | R | F1 | @250 | @500 | @1000 | @1500 | @2000 | no prior |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for domain, (p, r, f), at, (fp, fpn) in sized:
        cells = " | ".join(f"{at[n]:.3f}" for n in sorted(at))
        print(f"| {domain} | {p:.3f} | {r:.3f} | {f:.3f} | {cells} | {fp:.3f} / {fpn:.3f} |")


def run_command(paths: list[Path]) -> tuple[float, int]:
    """Wall time and peak memory (KiB) of ``termsmith extract --format tsv PATHS``."""
    exe = shutil.which("termsmith") or str(Path(sys.executable).parent / "termsmith")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run(
        [exe, "extract", "--format", "tsv", *map(str, paths)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before)


def speed(root: Path, domains: list[str]) -> None:
    """Time the command on all domains, and on ten copies of them."""
    folders = [root / d / "texts" for d in domains]
    tokens = sum(len(p.read_text(encoding="utf-8").split()) for f in folders for p in f.glob("*"))
    one, mem_one = run_command(folders)
    with tempfile.TemporaryDirectory() as tmp:
        for copy in range(10):
            for folder in folders:
                target = Path(tmp) / f"copy{copy}" / folder.parent.name
                shutil.copytree(folder, target)
        ten, mem_ten = run_command([Path(tmp)])
    print(f"- all domains, {tokens} tokens: {one:.2f} s, peak memory {mem_one / 1024:.0f} MiB")
    print(
        f"- 10x input, {10 * tokens} tokens: {ten:.2f} s ({ten / one:.1f}x the time), "
        f"peak memory {mem_ten / 1024:.0f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("acter", type=Path, help="the ACTER English folder (corp/ equi/ wind/)")
    parser.add_argument("--no-speed", action="store_true", help="skip the timing runs")
    args = parser.parse_args()
    domains = sorted(p.name for p in args.acter.iterdir() if (p / "texts").is_dir())
    if not domains:
        sys.exit(f"{args.acter}: no domain folders with texts/")
    quality(args.acter, domains)
    if not args.no_speed:
        print()
        speed(args.acter, domains)


if __name__ == "__main__":
    main()
