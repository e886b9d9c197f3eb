"""Store at scale: 100,000 terms x 8 languages must load in <= 2 s and save in <= 5 s.

Usage::

    .venv/bin/python bench/store_scale.py [--terms 100000] [--repeat 3]

Builds the synthetic glossary of ``bench/synth.py`` in memory, saves it into a
temporary directory, then times (best of ``--repeat``):

* load: meta data and terms parsed, units files read; languages parse on first use;
* load + all languages: the same, then every language parsed (``store.units``);
* set cycle: load, change one French unit, save (what ``termsmith set`` does);
* save, one unit changed, with every language parsed;
* save, nothing changed.

Wall-clock and CPU seconds are both printed: on a shared machine the CPU time is the
steadier one. The load limit applies to the load, the save limit to both saves after a
change and to the first save. Exits 1 if a limit is missed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import LANGUAGES, build_store
from termsmith.model import UnitStatus
from termsmith.store import Store

LOAD_LIMIT_S = 2.0
SAVE_LIMIT_S = 5.0
T = TypeVar("T")


def timed(fn: Callable[[], T], repeat: int) -> tuple[T, float, float]:
    """Result of the last run, best wall seconds, best CPU seconds."""
    best_wall = best_cpu = float("inf")
    result: T
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        result = fn()
        best_wall = min(best_wall, time.perf_counter() - wall)
        best_cpu = min(best_cpu, time.process_time() - cpu)
    return result, best_wall, best_cpu


def build(path: Path, count: int) -> Store:
    """The synthetic glossary as a store (origins as an import would give)."""
    return build_store(path, count, origin="import:glossary.csv")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--terms", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    with tempfile.TemporaryDirectory(prefix="termsmith-store-") as tmp:
        path = Path(tmp) / "glossary"
        started = time.perf_counter()
        store = build(path, args.terms)
        print(
            f"generated {args.terms} terms x {1 + len(LANGUAGES)} languages in "
            f"{time.perf_counter() - started:.1f} s"
        )
        _, first_wall, first_cpu = timed(store.save, 1)
        size = sum(f.stat().st_size for f in path.rglob("*.jsonl")) / 1e6
        print(
            f"first save (all files new): {first_wall:.2f} s wall, {first_cpu:.2f} s CPU; "
            f"{size:.0f} MB"
        )
        lazy, load_wall, load_cpu = timed(lambda: Store.load(path), args.repeat)
        assert len(lazy.terms) == args.terms and not lazy._tables

        def load_all() -> Store:
            store = Store.load(path)
            assert len(store.units) == len(LANGUAGES)
            return store

        loaded, all_wall, all_cpu = timed(load_all, args.repeat)
        first_id = next(iter(sorted(loaded.terms)))
        flip = [UnitStatus.TRANSLATED, UnitStatus.REVIEWED]

        def change(store: Store) -> list[Path]:
            unit = store.table("fr")[first_id]
            flip.reverse()
            store.set_unit(first_id, "fr", unit.text + "!", status=flip[0], origin="curated")
            return store.save()

        written, cycle_wall, cycle_cpu = timed(lambda: change(Store.load(path)), args.repeat)
        assert [p.name for p in written] == ["fr.jsonl"], written
        written, change_wall, change_cpu = timed(lambda: change(loaded), args.repeat)
        assert [p.name for p in written] == ["fr.jsonl"], written
        _, same_wall, same_cpu = timed(loaded.save, args.repeat)

        def line(label: str, wall: float, cpu: float, limit: float | None = None) -> None:
            verdict = (
                ""
                if limit is None
                else f" (limit {limit} s: {'met' if wall <= limit else 'MISSED'})"
            )
            print(f"{label}: {wall:.2f} s wall, {cpu:.2f} s CPU{verdict}")

        line("load (terms; languages on demand)", load_wall, load_cpu, LOAD_LIMIT_S)
        line(f"load + parse all {len(LANGUAGES)} target languages", all_wall, all_cpu)
        line("set cycle (load, change one French unit, save)", cycle_wall, cycle_cpu)
        line("save, one unit changed, all languages parsed", change_wall, change_cpu, SAVE_LIMIT_S)
        line("save, nothing changed, all languages parsed", same_wall, same_cpu)
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} CPUs")
    ok = load_wall <= LOAD_LIMIT_S and max(change_wall, cycle_wall, first_wall) <= SAVE_LIMIT_S
    print("PASS" if ok else "FAIL (see CPU times if the machine is shared)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
