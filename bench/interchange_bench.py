"""Interchange throughput: export, read and merge N synthetic terms × 7 languages per format.

    .venv/bin/python bench/interchange_bench.py 10000

For each format: the time to export the store, to read the file back into import
entries, and to merge them into an empty store (``apply_import``), and the file size.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import LANGUAGES, generate
from termsmith import formats
from termsmith import project as project_mod
from termsmith.interchange import LanguageMapper, apply_import
from termsmith.model import UnitStatus
from termsmith.store import Store


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        proj = project_mod.init(Path(tmp) / "p", languages=LANGUAGES)
        store = Store(proj.glossary_dir)
        for row in generate(n):
            term = store.add_term(row.term)
            for lang, text in row.translations.items():
                status = UnitStatus(row.statuses[lang])
                store.set_unit(term.id, lang, text, status=status, origin="curated")
        print(f"{n} terms × {len(LANGUAGES)} languages")
        print(f"{'format':6} {'export s':>9} {'read s':>7} {'merge s':>8} {'size MB':>8}")
        for name in ("csv", "json", "tmx", "tbx", "tbx3"):
            module = formats.get(name)
            start = time.perf_counter()
            text = module.export(store, proj)
            exported = time.perf_counter()
            path = Path(tmp) / f"out.{name}"
            path.write_text(text, encoding="utf-8", newline="")
            before_read = time.perf_counter()
            entries = module.read(path, proj)
            read = time.perf_counter()
            apply_import(
                Store(Path(tmp) / name), entries, origin="import:bench",
                mapper=LanguageMapper("en", LANGUAGES),
            )  # fmt: skip
            merged = time.perf_counter()
            print(
                f"{name:6} {exported - start:9.2f} {read - before_read:7.2f} "
                f"{merged - read:8.2f} {path.stat().st_size / 1e6:8.1f}"
            )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
