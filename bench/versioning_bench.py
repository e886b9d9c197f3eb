"""How fast are semantic diffs and record-level merges on a large glossary?

Builds a synthetic store (``bench/synth.py``: N terms x 7 languages), then times:
the semantic diff of two versions with 10 % of the units changed, its Markdown
and JSON output, the three-way merge of one units file and of one PO catalog
(5 % of the records changed on each side, 1 % on both), and a real ``git merge``
through the installed driver (both branches edit the French file)::

    .venv/bin/python bench/versioning_bench.py 20000
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import polib

from synth import LANGUAGES, build_store
from termsmith.merge import driver_command, merge_po, merge_units
from termsmith.model import UnitStatus
from termsmith.store import Store
from termsmith.versioning import diff_stores, format_json, format_markdown


def timed(label: str, func, *args):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = func(*args)
    print(f"{label:<48} {time.perf_counter() - start:8.3f} s")
    return result


def build(path: Path, count: int) -> Store:
    """The synthetic glossary as a store (origins as curation would give)."""
    return build_store(path, count, origin="curated")


def edited(store: Store, ids: list[str], lang: str, suffix: str) -> Store:
    copy = Store.from_files(store.path, store.serialize())
    for term_id in ids:
        unit = copy.units[lang][term_id]
        copy.set_unit(
            term_id, lang, unit.text + suffix, status=UnitStatus.REVIEWED, origin="human:bench"
        )
    return copy


def catalog(store: Store, lang: str) -> str:
    po = polib.POFile(wrapwidth=78)
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    for term in store.iter_terms():
        unit = store.units[lang].get(term.id)
        po.append(polib.POEntry(msgctxt=term.id, msgid=term.term, msgstr=unit.text if unit else ""))
    return str(po)


def git(root: Path, *args: str) -> int:
    return subprocess.run(["git", *args], cwd=root, capture_output=True).returncode


def main(n: int) -> None:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1767225600")
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        base = timed(
            f"build store ({n} terms x {len(LANGUAGES)} languages)", build, root / "glossary", n
        )
        ids = sorted(base.terms)
        sample = rng.sample(ids, n // 10)
        changed = Store.from_files(base.path, base.serialize())
        for i, term_id in enumerate(sample):
            lang = LANGUAGES[i % len(LANGUAGES)]
            unit = changed.units[lang][term_id]
            changed.set_unit(
                term_id, lang, unit.text + " (rev)", status=unit.status, origin="human:bench"
            )
        diff = timed("diff_stores (10 % of terms changed)", diff_stores, base, changed)
        timed(f"format_markdown ({len(diff.changes)} changes)", format_markdown, diff)
        timed("format_json", format_json, diff)

        both = rng.sample(ids, n // 100)
        rest = [i for i in ids if i not in set(both)]
        ours = edited(base, both + rest[: n // 20], "fr", " (ours)")
        theirs = edited(base, both + rest[-(n // 20) :], "fr", " (theirs)")
        files = [s.serialize()["units/fr.jsonl"] for s in (base, ours, theirs)]
        result = timed("merge_units fr.jsonl (5 % each side, 1 % both)", merge_units, *files, "fr")
        print(f"{'  conflicts':<48} {len(result.conflicts):8d}")
        pos = [catalog(s, "fr") for s in (base, ours, theirs)]
        result = timed("merge_po fr catalog (same edits)", merge_po, *pos)
        print(f"{'  conflicts':<48} {len(result.conflicts):8d}")

        init = [
            ("init", "-q", "-b", "main"),
            ("config", "user.name", "b"),
            ("config", "user.email", "b@b"),
        ]
        for args in init:
            git(root, *args)
        git(root, "config", "merge.termsmith-store.driver", driver_command("store"))
        (root / ".gitattributes").write_text("glossary/units/*.jsonl merge=termsmith-store\n")
        base.save()
        git(root, "add", "-A")
        git(root, "commit", "-qm", "base")
        for branch, side, start in (("one", ours, "main"), ("two", theirs, "main")):
            git(root, "checkout", "-q", "-b", branch, start)
            side.path = base.path
            side.save()
            git(root, "commit", "-qam", branch)
        code = timed(
            "git merge through the driver (fr.jsonl)", git, root, "merge", "-q", "--no-edit", "one"
        )
        print(f"{'  git merge exit code (1: conflicts reported)':<48} {code:8d}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20000)
