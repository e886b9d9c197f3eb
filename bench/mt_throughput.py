"""Throughput of ``termsmith translate`` versus Argos Translate's per-string API.

Both sides run the same realistic-size Argos package (random weights: the
speed of a Transformer does not depend on what it learned) over the same terms,
each as a fresh process, timed from start to exit:

* termsmith: ``termsmith translate --lang fr`` on a project holding the terms
  (the whole command: start-up, store, model load, batched translation, save);
* Argos: a script calling ``argostranslate.translate.translate(term, "en", "fr")``
  once per term, with MiniSBD sentence splitting replaced by "one sentence" (its
  model is a download, impossible offline; a term is one sentence anyway).

Usage::

    .venv/bin/python bench/mt_throughput.py [--terms 1000] [--corpus ../shared/data/acter-en]

Terms come from the ACTER term lists (``*_terms.tsv``) and the tokenizer is
trained on the ACTER texts, both under ``--corpus`` (development use only; the
data is not part of the project).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

ARGOS_SCRIPT = """
import json, sys, time
from argostranslate import sbd, translate
# MiniSBD downloads an ONNX model on first use; one term is one sentence.
sbd.MiniSBDSentencizer.split_sentences = lambda self, text: [text]
terms = json.load(open(sys.argv[1], encoding="utf-8"))
out = [translate.translate(t, "en", "fr") for t in terms]
print(len(out))
"""


def load_terms(corpus: Path, count: int) -> list[str]:
    """The first ``count`` distinct terms of the ACTER lists, in file order."""
    seen: dict[str, None] = {}
    for tsv in sorted(corpus.glob("*/*_terms.tsv")):
        for line in tsv.read_text(encoding="utf-8").splitlines():
            term = line.split("\t")[0].strip()
            if term:
                seen.setdefault(term, None)
    terms = list(seen)[:count]
    if len(terms) < count:
        raise SystemExit(f"only {len(terms)} terms under {corpus}")
    return terms


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--terms", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "data" / "acter-en")
    parser.add_argument("--layers", type=int, default=3)
    parser.add_argument("--d-model", type=int, default=256)
    parser.add_argument("--heads", type=int, default=4)
    parser.add_argument("--ffn", type=int, default=1024)
    parser.add_argument("--vocab", type=int, default=4000)
    parser.add_argument(
        "--quantization",
        default="int8",
        help="weights as Argos ships them (int8); 'none' for float32",
    )
    parser.add_argument("--runs", type=int, default=1, help="repeat each side, keep the best")
    args = parser.parse_args()

    import tinymodels
    from termsmith import project as project_mod

    work = Path(tempfile.mkdtemp(prefix="mt-bench-"))
    env = dict(os.environ)
    for key, sub in (
        ("ARGOS_PACKAGES_DIR", "argos"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
        ("TERMSMITH_MODELS_DIR", "registry"),
    ):
        env[key] = str(work / sub)
        os.environ[key] = env[key]

    texts = [p.read_text(encoding="utf-8") for p in sorted(args.corpus.glob("*/texts/*.txt"))]
    start = time.perf_counter()
    package = tinymodels.build_argos_package(
        work / "translate-en_fr.argosmodel",
        work / "build",
        "en",
        "fr",
        texts=[*texts, tinymodels.SEED_TEXT.read_text(encoding="utf-8")],
        vocab_size=args.vocab,
        layers=args.layers,
        d_model=args.d_model,
        heads=args.heads,
        ffn=args.ffn,
        quantization=None if args.quantization == "none" else args.quantization,
    )
    built = time.perf_counter() - start
    vocab = len(
        json.loads((work / "build" / "sp-en_fr" / "model" / "shared_vocabulary.json").read_text())
    )
    bindir = Path(sys.executable).parent
    termsmith = str(bindir / "termsmith")
    subprocess.run([termsmith, "models", "install", str(package)], env=env, check=True)

    terms = load_terms(args.corpus, args.terms)
    (work / "terms.json").write_text(json.dumps(terms), encoding="utf-8")
    proj = project_mod.init(work / "proj", source="en", languages=["fr"], name="bench")
    with proj.transaction() as store:
        for term in terms:
            store.add_term(term, homograph=True)
    pristine = {p: p.read_bytes() for p in proj.glossary_dir.rglob("*") if p.is_file()}

    ours, theirs = [], []
    for _ in range(args.runs):
        (proj.glossary_dir / "units" / "fr.jsonl").unlink(missing_ok=True)
        for path, data in pristine.items():
            path.write_bytes(data)
        ours.append(timed([termsmith, "translate", "--lang", "fr"], env, proj.root))
        theirs.append(
            timed([sys.executable, "-c", ARGOS_SCRIPT, str(work / "terms.json")], env, work)
        )
    drafted = sum(1 for _ in (proj.glossary_dir / "units" / "fr.jsonl").open(encoding="utf-8"))
    best_ours, best_theirs = min(ours), min(theirs)
    print(
        json.dumps(
            {
                "terms": len(terms),
                "model": f"{args.layers} layers, d_model {args.d_model}, {args.heads} heads, "
                f"ffn {args.ffn}, vocabulary {vocab}, weights {args.quantization}",
                "cores": len(os.sched_getaffinity(0)),
                "model_build_s": round(built, 1),
                "termsmith_translate_s": round(best_ours, 2),
                "argos_per_string_s": round(best_theirs, 2),
                "speedup": round(best_theirs / best_ours, 1),
                "terms_per_s_termsmith": round(len(terms) / best_ours),
                "terms_per_s_argos": round(len(terms) / best_theirs),
                "drafted": drafted,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
