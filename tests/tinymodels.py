"""Tiny, real translation models for tests and benchmarks: random weights, built in a second.

No weights can be downloaded here, so the models are made from scratch:
``ctranslate2.specs`` + numpy give a small Transformer (no torch), ``sentencepiece``
learns a tokenizer from the seed text. The output is gibberish by design; the
models exercise every mechanism (tokenizer, CTranslate2, n-best, packaging).

* :func:`build_argos_package` writes an ``.argosmodel`` (zip of ``model/``,
  ``sentencepiece.model``, ``metadata.json``) that Argos installs for real;
* :func:`build_nllb_dir` writes a directory shaped like ``ct2-transformers-converter``
  output for NLLB-200 (``model.bin``, ``shared_vocabulary.json``,
  ``sentencepiece.bpe.model``) whose vocabulary holds the NLLB language tokens.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

SEED_TEXT = Path(__file__).resolve().parents[1] / "seeds" / "spp-foreign-related-prosecution.txt"

NLLB_CODES = {
    "en": "eng_Latn",
    "fr": "fra_Latn",
    "ru": "rus_Cyrl",
    "es": "spa_Latn",
    "de": "deu_Latn",
    "ja": "jpn_Jpan",
    "mn": "khk_Cyrl",
    "vi": "vie_Latn",
}


def train_sentencepiece(
    prefix: Path, texts: Iterable[str], vocab_size: int, user_symbols: Iterable[str] = ()
) -> list[str]:
    """Train a unigram sentencepiece model at ``prefix.model``; return its pieces in id order."""
    import sentencepiece as spm

    lines = [line for text in texts for line in text.splitlines() if line.strip()]
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=1.0,
        user_defined_symbols=list(user_symbols),
        num_threads=1,
        minloglevel=2,
    )
    processor = spm.SentencePieceProcessor(model_file=str(prefix) + ".model")
    return [processor.id_to_piece(i) for i in range(processor.get_piece_size())]


def _sinusoids(length: int, depth: int) -> np.ndarray:
    position = np.arange(length, dtype=np.float32)[:, None]
    rates = np.exp(-np.log(10000.0) * np.arange(0, depth, 2, dtype=np.float32) / depth)
    table = np.zeros((length, depth), dtype=np.float32)
    table[:, 0::2] = np.sin(position * rates)
    table[:, 1::2] = np.cos(position * rates)
    return table


def build_transformer(
    out_dir: Path,
    vocabulary: list[str],
    *,
    layers: int = 1,
    d_model: int = 32,
    heads: int = 2,
    ffn: int = 64,
    seed: int = 0,
    eos_ramp: float = 0.6,
    quantization: str | None = None,
) -> Path:
    """Save a random-weight Transformer with one shared vocabulary as a CTranslate2 model."""
    from ctranslate2 import specs

    rng = np.random.default_rng(seed)
    scale = 1.0 / np.sqrt(d_model)

    def mat(rows: int, cols: int) -> np.ndarray:
        return (rng.standard_normal((rows, cols)) * scale).astype(np.float32)

    def vec(size: int) -> np.ndarray:
        return (rng.standard_normal(size) * 0.02).astype(np.float32)

    def norm(spec: object) -> None:
        spec.gamma = np.ones(d_model, dtype=np.float32)  # type: ignore[attr-defined]
        spec.beta = np.zeros(d_model, dtype=np.float32)  # type: ignore[attr-defined]

    def linear(spec: object, rows: int, cols: int) -> None:
        spec.weight = mat(rows, cols)  # type: ignore[attr-defined]
        spec.bias = vec(rows)  # type: ignore[attr-defined]

    def ffn_block(spec: object) -> None:
        norm(spec.layer_norm)  # type: ignore[attr-defined]
        linear(spec.linear_0, ffn, d_model)  # type: ignore[attr-defined]
        linear(spec.linear_1, d_model, ffn)  # type: ignore[attr-defined]

    size = len(vocabulary)
    spec = specs.TransformerSpec.from_config(layers, heads)
    encoder, decoder = spec.encoder, spec.decoder
    encoder.embeddings[0].weight = mat(size, d_model)
    decoder.embeddings.weight = mat(size, d_model)
    encoder.position_encodings.encodings = _sinusoids(512, d_model)
    # Dimension 0 of the decoder's positions grows with the position and the </s> row of
    # the output projection reads it: random outputs end after a few tokens, term-sized,
    # instead of looping to the length cap.
    positions = _sinusoids(512, d_model)
    positions[:, 0] = eos_ramp * np.arange(512, dtype=np.float32)
    decoder.position_encodings.encodings = positions
    norm(encoder.layer_norm)
    norm(decoder.layer_norm)
    for layer in encoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d_model, d_model)
        linear(layer.self_attention.linear[1], d_model, d_model)
        ffn_block(layer.ffn)
    for layer in decoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * d_model, d_model)
        linear(layer.self_attention.linear[1], d_model, d_model)
        norm(layer.attention.layer_norm)
        linear(layer.attention.linear[0], d_model, d_model)
        linear(layer.attention.linear[1], 2 * d_model, d_model)
        linear(layer.attention.linear[2], d_model, d_model)
        ffn_block(layer.ffn)
    projection = mat(size, d_model)
    projection[vocabulary.index("</s>"), 0] = 3.0
    decoder.projection.weight = projection
    decoder.projection.bias = vec(size)
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization=quantization)
    out_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(out_dir))
    return out_dir


def build_argos_package(
    out_file: Path,
    work_dir: Path,
    from_code: str,
    to_code: str,
    *,
    texts: Iterable[str] | None = None,
    vocab_size: int = 400,
    version: str = "0.1",
    seed: int = 0,
    quantization: str | None = None,
    **model_args: int,
) -> Path:
    """Write ``out_file`` (an ``.argosmodel``) translating ``from_code`` → ``to_code``."""
    pieces_dir = work_dir / f"sp-{from_code}_{to_code}"
    pieces_dir.mkdir(parents=True, exist_ok=True)
    corpus = list(texts) if texts is not None else [SEED_TEXT.read_text(encoding="utf-8")]
    vocabulary = train_sentencepiece(pieces_dir / "sentencepiece", corpus, vocab_size)
    model_dir = build_transformer(
        pieces_dir / "model",
        vocabulary,
        seed=seed,
        **model_args,  # type: ignore[arg-type]
    )
    name = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    metadata = {
        "package_version": version,
        "argos_version": "1.9",
        "from_code": from_code,
        "from_name": from_code,
        "to_code": to_code,
        "to_name": to_code,
        "type": "translate",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{name}/metadata.json", json.dumps(metadata, indent=2))
        archive.write(pieces_dir / "sentencepiece.model", f"{name}/sentencepiece.model")
        for path in sorted(model_dir.iterdir()):
            archive.write(path, f"{name}/model/{path.name}")
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_bytes(buffer.getvalue())
    return out_file


def build_nllb_dir(
    out_dir: Path,
    work_dir: Path,
    *,
    languages: Iterable[str] = NLLB_CODES.values(),
    vocab_size: int = 400,
    seed: int = 1,
    **model_args: int,
) -> Path:
    """Write an NLLB-200-style CTranslate2 directory (random weights) into ``out_dir``."""
    work_dir.mkdir(parents=True, exist_ok=True)
    text = SEED_TEXT.read_text(encoding="utf-8")
    vocabulary = train_sentencepiece(work_dir / "nllb", [text], vocab_size)
    vocabulary = vocabulary + [code for code in languages if code not in vocabulary]
    build_transformer(out_dir, vocabulary, seed=seed, **model_args)  # type: ignore[arg-type]
    (out_dir / "sentencepiece.bpe.model").write_bytes((work_dir / "nllb.model").read_bytes())
    return out_dir


# --- the session fixture -----------------------------------------------------

ARGOS_TARGETS = ("fr", "ru", "es", "de", "ja", "vi")


@dataclass(frozen=True)
class TinyModels:
    """Built once per test session: Argos package files by target, one NLLB-style directory."""

    packages: dict[str, Path]
    nllb: Path


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory: pytest.TempPathFactory) -> TinyModels:
    """One tiny Argos package per target (no Mongolian: Argos has none) and a tiny NLLB."""
    root = tmp_path_factory.mktemp("tiny-models")
    packages = {
        lang: build_argos_package(
            root / f"translate-en_{lang}.argosmodel", root / "work", "en", lang, seed=n
        )
        for n, lang in enumerate(ARGOS_TARGETS)
    }
    return TinyModels(packages, build_nllb_dir(root / "nllb-tiny", root / "work-nllb"))
