"""Lookup at scale: a synthetic 100,000-term glossary in 8 languages, end to end.

Usage::

    .venv/bin/python bench/lookup_bench.py [--terms 100000] [--queries 120] [--keep DIR]

Steps, each timed against the issue's limits:

1. ``termsmith import`` of the generated CSV (<= 120 s);
2. ``termsmith po`` (<= 120 s), if the command exists; otherwise the seven PO
   catalogs are written here with polib, for the msggrep comparison;
3. index rebuild (<= 30 s), in process;
4. cold ``termsmith lookup`` (a new process, index built) against
   ``msggrep -K -e QUERY`` over the seven catalogs (>= 10x faster);
5. ``--fuzzy`` with one typo: the intended term in the top 10 for >= 90 % of
   the queries, and a cold fuzzy lookup within 3x a cold exact one.

Exits 1 if a limit is missed.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import LANGUAGES, Row, generate, write_csv
from termsmith import index, lookup
from termsmith.project import Project

TERMSMITH = Path(sys.executable).parent / "termsmith"
SEED = 7


def run(*args: str | Path, cwd: Path) -> float:
    """Run a command; its wall-clock seconds."""
    started = time.perf_counter()
    subprocess.run([str(a) for a in args], cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - started


def has_po_command(cwd: Path) -> bool:
    return subprocess.run([TERMSMITH, "po", "--help"], cwd=cwd, capture_output=True).returncode == 0


def write_po_catalogs(rows: list[Row], root: Path) -> None:
    """The seven catalogs, as ``termsmith po`` would lay them out (msgid = English)."""
    import polib

    for lang in LANGUAGES:
        catalog = polib.POFile()
        catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": lang}
        for row in rows:
            catalog.append(polib.POEntry(msgid=row.term, msgstr=row.translations[lang]))
        target = root / "locales" / lang / "LC_MESSAGES" / "glossary.po"
        target.parent.mkdir(parents=True, exist_ok=True)
        catalog.save(str(target))


def typo(text: str, rng: random.Random) -> str:
    """One character substituted, inserted, deleted, or two neighbours swapped."""
    i = rng.randrange(len(text))
    kind = rng.choice(["sub", "ins", "del", "swap"])
    alphabet = sorted(set(text) - {" "}) or ["x"]
    if kind == "del" and len(text) > 4:
        return text[:i] + text[i + 1 :]
    if kind == "swap" and i + 1 < len(text) and text[i] != text[i + 1]:
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind == "ins":
        return text[:i] + rng.choice(alphabet) + text[i:]
    choices = [c for c in alphabet if c != text[i]] or ["x"]
    return text[:i] + rng.choice(choices) + text[i + 1 :]


def cold(args: list[str], cwd: Path, repeat: int) -> float:
    """Median seconds of a new ``termsmith`` process."""
    return statistics.median(run(TERMSMITH, *args, cwd=cwd) for _ in range(repeat))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--terms", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=120)
    parser.add_argument("--keep", type=Path, help="build the project here and keep it")
    args = parser.parse_args()
    failed: list[str] = []

    def check(label: str, value: float, limit: float, unit: str = "s", most: bool = True) -> None:
        ok = value <= limit if most else value >= limit
        sign = "<=" if most else ">="
        print(f"{label}: {value:.3f} {unit} (limit {sign} {limit} {unit}) {'ok' if ok else 'FAIL'}")
        if not ok:
            failed.append(label)

    workdir = Path(tempfile.mkdtemp(prefix="termsmith-lookup-")) if args.keep is None else args.keep
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        root = workdir / "proj"
        rows = generate(args.terms)
        csv = workdir / "glossary.csv"
        write_csv(rows, csv)
        subprocess.run(
            [TERMSMITH, "init", root, "--languages", ",".join(LANGUAGES)],
            check=True,
            capture_output=True,
        )
        size = csv.stat().st_size / 1e6
        print(f"{args.terms} terms x {1 + len(LANGUAGES)} languages; CSV {size:.0f} MB")
        check("import CSV", run(TERMSMITH, "import", csv, cwd=root), 120)
        if has_po_command(root):
            check("po (7 catalogs)", run(TERMSMITH, "po", cwd=root), 120)
        else:
            print("po: command not available here; catalogs written with polib for msggrep")
            write_po_catalogs(rows, root)
        project = Project.find(root)
        index_file = index.index_path(project.cache_dir)
        index_file.unlink(missing_ok=True)
        started = time.perf_counter()
        index.build(project.glossary_dir, index_file)
        check("index rebuild", time.perf_counter() - started, 30)
        print(f"index size: {index_file.stat().st_size / 1e6:.0f} MB")

        # An installed termsmith has its bytecode compiled; a checkout run with
        # PYTHONDONTWRITEBYTECODE=1 would recompile every module on every start.
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", Path(index.__file__).parent],
            check=True,
            capture_output=True,
        )
        rng = random.Random(SEED)
        sample = rng.sample(rows, 5)
        exact_queries = [row.term for row in sample[:3]] + [
            sample[3].translations["ru"],
            sample[4].translations["ja"][1:3],
        ]
        catalogs = sorted((root / "locales").glob("*/LC_MESSAGES/*.po"))
        assert len(catalogs) == len(LANGUAGES), catalogs
        ratios = []
        for query in exact_queries:
            ours = cold(["lookup", query], root, 5)
            started = time.perf_counter()
            for catalog in catalogs:
                subprocess.run(
                    ["msggrep", "-K", "-e", query, catalog], capture_output=True, check=False
                )
            theirs = time.perf_counter() - started
            ratios.append(theirs / ours)
            print(f"  lookup {query!r}: {ours:.3f} s cold; msggrep -K x7: {theirs:.2f} s")
        check("cold lookup vs msggrep, slowest ratio", min(ratios), 10, "x", most=False)

        # Fuzzy recall: one typo in a term of any of the eight languages.
        fuzzy_rows = rng.sample(rows, args.queries)
        opened = index.open_index(project.glossary_dir, project.cache_dir)
        hits = 0
        fuzzy_times: list[float] = []
        exact_times: list[float] = []
        queries: list[str] = []
        for row in fuzzy_rows:
            lang = rng.choice(["en", *LANGUAGES])
            text = row.term if lang == "en" else row.translations[lang]
            query = typo(text, rng)
            queries.append(query)
            started = time.perf_counter()
            found = lookup.lookup(opened, query, fuzzy=True, limit=10)
            fuzzy_times.append(time.perf_counter() - started)
            started = time.perf_counter()
            lookup.lookup(opened, text, limit=10)
            exact_times.append(time.perf_counter() - started)
            wanted = _id_of(opened, row.term)
            hits += any(h.id == wanted for h in found)
        opened.close()
        recall = hits / len(fuzzy_rows)
        check(
            f"fuzzy one-typo recall@10 over {len(fuzzy_rows)} queries", recall, 0.9, "", most=False
        )
        print(
            f"  in process: fuzzy median {statistics.median(fuzzy_times) * 1000:.1f} ms, "
            f"exact median {statistics.median(exact_times) * 1000:.2f} ms"
        )
        cold_fuzzy = statistics.median(
            cold(["lookup", "--fuzzy", q], root, 1) for q in queries[:10]
        )
        cold_exact = statistics.median(cold(["lookup", q], root, 1) for q in exact_queries * 2)
        print(f"  cold: fuzzy median {cold_fuzzy:.3f} s, exact median {cold_exact:.3f} s")
        check("cold fuzzy / cold exact", cold_fuzzy / cold_exact, 3, "x")
    finally:
        if args.keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    print("PASS" if not failed else f"FAIL: {', '.join(failed)}")
    return 0 if not failed else 1


def _id_of(opened: index.Index, term: str) -> str:
    row = opened.db.execute("SELECT id FROM terms WHERE term = ?", (term,)).fetchone()
    return str(row[0]) if row else ""


if __name__ == "__main__":
    sys.exit(main())
