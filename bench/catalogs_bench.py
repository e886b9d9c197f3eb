"""PO catalogs: generate, regenerate unchanged, compile .mo, and po sync, for N terms × 7 languages.

    .venv/bin/python bench/catalogs_bench.py 10000

Steps, each timed on a synthetic store (``bench/synth.py``):

* ``po`` first run: render and write the POT and seven PO files;
* ``po`` again: nothing changed, nothing written (every file is rendered and compared);
* ``po --mo``: compile seven ``.mo`` files;
* ``po sync`` with no edits: parse seven catalogs, compare every entry, write nothing;
* ``po sync`` after a reviewer approved 1 % of the French entries.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

import polib

from synth import LANGUAGES, generate
from termsmith import catalogs
from termsmith import project as project_mod
from termsmith.model import TermStatus, UnitStatus
from termsmith.store import Store

T = TypeVar("T")


def timed(label: str, action: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = action()
    print(f"{label:42} {time.perf_counter() - start:8.2f} s")
    return result


def main(n: int) -> None:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    with tempfile.TemporaryDirectory() as tmp:
        proj = project_mod.init(Path(tmp) / "p", languages=LANGUAGES)
        store = Store(proj.glossary_dir)
        for row in generate(n):
            term = store.add_term(row.term, status=TermStatus.ACCEPTED)
            for lang, text in row.translations.items():
                status = UnitStatus(row.statuses[lang])
                store.set_unit(term.id, lang, text, status=status, origin="curated")
        store.save()
        print(f"{n} terms × {len(LANGUAGES)} languages")
        timed("po (first run, 8 files)", lambda: catalogs.write_all(proj, proj.load_store()))
        written = timed("po (unchanged)", lambda: catalogs.write_all(proj, proj.load_store()))
        assert written == []
        timed("po --mo (7 files)", lambda: catalogs.compile_mo(proj, proj.load_store()))
        report = timed("po sync (no edits)", lambda: catalogs.sync(proj))
        assert report.written == []
        path = catalogs.po_path(proj, "fr")
        po = polib.pofile(str(path), wrapwidth=78)
        fuzzy = [e for e in po if "fuzzy" in e.flags][: max(1, n // 100)]
        for entry in fuzzy:
            entry.flags.remove("fuzzy")
        po.save(str(path))
        report = timed(f"po sync ({len(fuzzy)} approvals in fr)", lambda: catalogs.sync(proj))
        print(f"reviewed: {len(report.reviewed)}")
        size = sum(p.stat().st_size for p in proj.locales_dir.rglob("*.po"))
        print(f"PO files: {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10000)
