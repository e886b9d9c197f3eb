"""Running CTranslate2 models fast: cached translators, threads, batches sorted by length.

Shared by the Argos and the multilingual engines. ``ctranslate2`` is imported
here, inside functions, so that commands which never translate stay quick.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from termsmith.engines.base import cpu_count
from termsmith.errors import EngineError

#: sentences handed to one ``translate_batch`` call; it splits them again for its workers
CHUNK = 512
#: examples per worker batch
BATCH = 64


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How to run a model: device, threads, compute type, beam."""

    device: str = "cpu"
    inter_threads: int = 0
    intra_threads: int = 0
    compute_type: str = "default"
    beam_size: int = 4


def resolve_device(requested: str) -> str:
    """``cuda`` when asked for (or ``auto``) and a GPU is visible to CTranslate2, else ``cpu``."""
    wanted = (requested or "cpu").lower()
    if wanted not in ("cuda", "auto"):
        return "cpu"
    import ctranslate2

    return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"


def threads(options: RunOptions) -> tuple[int, int]:
    """``(inter, intra)``: parallel batches times threads per batch, filling the cores.

    Terms are short, so several batches side by side beat many threads on one.
    Explicit settings (``ARGOS_INTER_THREADS``/``ARGOS_INTRA_THREADS``) win.
    """
    cores = cpu_count()
    inter = options.inter_threads or (1 if options.device == "cuda" else min(cores, 4))
    intra = options.intra_threads or max(1, cores // inter)
    return inter, intra


_cache: dict[tuple[Any, ...], Any] = {}
_lock = threading.Lock()


def translator(model_dir: Path, options: RunOptions, hint: str) -> Any:
    """A cached ``ctranslate2.Translator`` for ``model_dir`` (reloaded if the model changed)."""
    model_bin = model_dir / "model.bin"
    try:
        stamp = model_bin.stat()
    except OSError:
        raise EngineError(f"no model at {model_dir} (model.bin is missing)", hint=hint) from None
    inter, intra = threads(options)
    key = (str(model_dir), stamp.st_mtime_ns, stamp.st_size, options, inter, intra)
    with _lock:
        if key in _cache:
            return _cache[key]
        import ctranslate2

        try:
            loaded = ctranslate2.Translator(
                str(model_dir),
                device=options.device,
                inter_threads=inter,
                intra_threads=intra,
                compute_type=options.compute_type,
            )
        except (RuntimeError, ValueError, OSError) as exc:
            raise EngineError(f"cannot load the model in {model_dir}: {exc}", hint=hint) from None
        for old in [k for k in _cache if k[0] == key[0]]:
            del _cache[old]
        _cache[key] = loaded
        return loaded


def translate_tokens(
    model: Any,
    batch: Sequence[list[str]],
    *,
    num_hypotheses: int,
    beam_size: int,
    target_prefix: list[str] | None = None,
) -> list[list[tuple[list[str], float]]]:
    """Translate token lists; per input, ``(tokens, score)`` best first, in input order.

    Inputs are sorted by length so each batch pads little, and the decoding cap
    is set per chunk from its longest input: a term never needs a page of output.
    """
    order = sorted(range(len(batch)), key=lambda i: (len(batch[i]), i))
    results: list[list[tuple[list[str], float]]] = [[] for _ in batch]
    for start in range(0, len(order), CHUNK):
        chunk = order[start : start + CHUNK]
        tokens = [batch[i] for i in chunk]
        longest = max(len(t) for t in tokens)
        prefix_len = len(target_prefix or [])
        out = model.translate_batch(
            tokens,
            target_prefix=[list(target_prefix) for _ in tokens] if target_prefix else None,
            max_batch_size=BATCH,
            batch_type="examples",
            beam_size=max(beam_size, num_hypotheses),
            num_hypotheses=num_hypotheses,
            length_penalty=0.2,
            replace_unknowns=True,
            return_scores=True,
            max_decoding_length=2 * longest + 8 + prefix_len,
        )
        for i, result in zip(chunk, out, strict=True):
            results[i] = [
                (list(h), float(s)) for h, s in zip(result.hypotheses, result.scores, strict=True)
            ]
    return results


def _int_setting(value: Any, key: str) -> int:
    try:
        return max(0, int(value))
    except (TypeError, ValueError):
        raise EngineError(
            f"setting {key}={value!r} is not a whole number", hint=f"fix or unset {key}"
        ) from None


def options_from_settings() -> RunOptions:
    """Run options from Argos Translate's settings (environment, then its settings.json).

    ``ARGOS_DEVICE_TYPE`` (cpu, cuda, auto), ``ARGOS_INTER_THREADS``,
    ``ARGOS_INTRA_THREADS``, ``ARGOS_COMPUTE_TYPE`` and ``ARGOS_BEAM_SIZE`` apply to
    every CTranslate2 model termsmith runs, Argos packages or not.
    """
    from argostranslate import settings

    compute = str(settings.get_setting("ARGOS_COMPUTE_TYPE", "auto"))
    return RunOptions(
        device=resolve_device(str(settings.get_setting("ARGOS_DEVICE_TYPE", "cpu"))),
        inter_threads=_int_setting(
            settings.get_setting("ARGOS_INTER_THREADS", 0), "ARGOS_INTER_THREADS"
        ),
        intra_threads=_int_setting(
            settings.get_setting("ARGOS_INTRA_THREADS", 0), "ARGOS_INTRA_THREADS"
        ),
        compute_type="default" if compute == "auto" else compute,
        beam_size=max(
            1, _int_setting(settings.get_setting("ARGOS_BEAM_SIZE", 4), "ARGOS_BEAM_SIZE")
        ),
    )
