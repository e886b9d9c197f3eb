"""Multilingual CTranslate2 models (NLLB-200, M2M-100) for languages Argos lacks.

A model is a directory as ``ct2-transformers-converter`` writes it (``model.bin``,
``shared_vocabulary.json``/``.txt``) plus the model's ``sentencepiece.bpe.model``.
``termsmith models add-ct2`` registers it in a user-level registry,
``$TERMSMITH_MODELS_DIR/models.json`` (default ``$XDG_DATA_HOME/termsmith/``):
model weights are the user's, not the glossary's, so they stay out of git.

The language is chosen with tokens: NLLB puts ``eng_Latn`` before the source and
``khk_Cyrl`` as the target prefix; M2M-100 uses ``__en__`` and ``__mn__``.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from termsmith import atomic
from termsmith.engines import runtime
from termsmith.engines.base import Hypothesis, ModelInfo, model_origin
from termsmith.errors import EngineError

ENGINE = "ct2"
REGISTRY_FILE = "models.json"
TOKENIZER_FILES = ("sentencepiece.bpe.model", "sentencepiece.model")
VOCABULARY_FILES = ("shared_vocabulary.json", "shared_vocabulary.txt", "source_vocabulary.json")


class Family(StrEnum):
    """How a multilingual model marks its languages."""

    NLLB = "nllb"
    M2M100 = "m2m100"


#: ISO 639-1 → NLLB-200 (FLORES-200) codes; Mongolian in Cyrillic is Halh, khk_Cyrl.
NLLB_CODES = {
    "ar": "arb_Arab",
    "de": "deu_Latn",
    "en": "eng_Latn",
    "es": "spa_Latn",
    "fr": "fra_Latn",
    "hi": "hin_Deva",
    "id": "ind_Latn",
    "it": "ita_Latn",
    "ja": "jpn_Jpan",
    "kk": "kaz_Cyrl",
    "ko": "kor_Hang",
    "mn": "khk_Cyrl",
    "nl": "nld_Latn",
    "pl": "pol_Latn",
    "pt": "por_Latn",
    "ru": "rus_Cyrl",
    "th": "tha_Thai",
    "tr": "tur_Latn",
    "uk": "ukr_Cyrl",
    "vi": "vie_Latn",
    "zh": "zho_Hans",
}


def language_token(family: Family, lang: str) -> str:
    """The token that names ``lang`` for a model family.

    >>> language_token(Family.NLLB, "mn"), language_token(Family.M2M100, "mn")
    ('khk_Cyrl', '__mn__')
    """
    if family is Family.NLLB:
        return NLLB_CODES.get(lang, "")
    return f"__{lang}__"


def registry_dir() -> Path:
    """``$TERMSMITH_MODELS_DIR``, else ``$XDG_DATA_HOME/termsmith`` (``~/.local/share``)."""
    override = os.environ.get("TERMSMITH_MODELS_DIR")
    if override:
        return Path(override).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "termsmith"


@dataclass(frozen=True, slots=True)
class Registered:
    """One registry entry."""

    name: str
    family: Family
    path: Path
    version: str
    languages: tuple[str, ...]

    def info(self) -> ModelInfo:
        problem = "" if (self.path / "model.bin").is_file() else f"{self.path} is missing"
        return ModelInfo(ENGINE, self.name, self.version, self.path, "en", self.languages, problem)

    def to_obj(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "family": str(self.family),
            "path": str(self.path),
            "version": self.version,
            "languages": list(self.languages),
        }


def load_registry() -> list[Registered]:
    """The registered models, sorted by name."""
    path = registry_dir() / REGISTRY_FILE
    if not path.exists():
        return []
    hint = f"fix or delete {path}, then register the models again with 'termsmith models add-ct2'"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        entries = [
            Registered(
                name=str(e["name"]),
                family=Family(e["family"]),
                path=Path(e["path"]),
                version=str(e["version"]),
                languages=tuple(str(x) for x in e["languages"]),
            )
            for e in data["models"]
        ]
    except (
        OSError,
        UnicodeDecodeError,
        json.JSONDecodeError,
        KeyError,
        TypeError,
        ValueError,
    ) as exc:
        raise EngineError(f"{path}: unreadable model registry ({exc})", hint=hint) from None
    return sorted(entries, key=lambda e: e.name)


def _save_registry(entries: list[Registered]) -> None:
    data = {"format": 1, "models": [e.to_obj() for e in sorted(entries, key=lambda e: e.name)]}
    directory = registry_dir()
    directory.mkdir(parents=True, exist_ok=True)
    atomic.write_text(
        directory / REGISTRY_FILE, json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    )


def read_vocabulary(directory: Path) -> list[str]:
    """The tokens of a converted model's (shared or source) vocabulary."""
    for name in VOCABULARY_FILES:
        path = directory / name
        if path.is_file():
            try:
                text = path.read_text(encoding="utf-8")
                if name.endswith(".json"):
                    tokens = json.loads(text)
                    if isinstance(tokens, list):
                        return [str(t) for t in tokens]
                    raise ValueError("not a list of tokens")
                return text.splitlines()
            except (UnicodeDecodeError, ValueError) as exc:
                raise EngineError(f"{path}: unreadable vocabulary ({exc})", hint=_CONVERT) from None
    raise EngineError(
        f"{directory}: no vocabulary file ({', '.join(VOCABULARY_FILES)})", hint=_CONVERT
    )


_CONVERT = (
    "convert the model with 'ct2-transformers-converter --model facebook/nllb-200-distilled-600M "
    "--output_dir DIR' and copy sentencepiece.bpe.model into DIR"
)


def _content_version(model_bin: Path) -> str:
    """A short hash of the weights: the same model gets the same version on every machine."""
    digest = hashlib.blake2b(digest_size=6)
    with model_bin.open("rb") as handle:
        while chunk := handle.read(1 << 22):
            digest.update(chunk)
    return digest.hexdigest()


def add(directory: Path, family: Family, name: str = "", version: str = "") -> Registered:
    """Check a converted model directory and register it (replacing one of the same name)."""
    directory = directory.expanduser().resolve()
    if not directory.is_dir():
        raise EngineError(f"{directory}: no such directory", hint=_CONVERT)
    if not (directory / "model.bin").is_file():
        raise EngineError(f"{directory}: no model.bin (not a CTranslate2 model)", hint=_CONVERT)
    if not any((directory / f).is_file() for f in TOKENIZER_FILES):
        raise EngineError(
            f"{directory}: no {TOKENIZER_FILES[0]}",
            hint="copy sentencepiece.bpe.model from the original model's files into the directory",
        )
    vocabulary = set(read_vocabulary(directory))
    source = language_token(family, "en")
    if source not in vocabulary:
        other = Family.M2M100 if family is Family.NLLB else Family.NLLB
        raise EngineError(
            f"{directory}: the vocabulary has no {source} token, so it is not an English-capable "
            f"{family} model",
            hint=f"check the directory, or try --family {other}",
        )
    known = NLLB_CODES if family is Family.NLLB else {c: "" for c in NLLB_CODES}
    languages = tuple(
        sorted(c for c in known if c != "en" and language_token(family, c) in vocabulary)
    )
    entry = Registered(
        name=name or directory.name,
        family=family,
        path=directory,
        version=version or _content_version(directory / "model.bin"),
        languages=languages,
    )
    entries = [e for e in load_registry() if e.name != entry.name]
    _save_registry([*entries, entry])
    return entry


def remove(name: str) -> list[Registered]:
    """Unregister ``name`` (the files stay where they are)."""
    entries = load_registry()
    gone = [e for e in entries if e.name == name]
    if gone:
        _save_registry([e for e in entries if e.name != name])
    return gone


def installed() -> list[ModelInfo]:
    """Registered models as :class:`ModelInfo`."""
    return [e.info() for e in load_registry()]


def find(source: str, target: str) -> Registered | None:
    """The first registered model (by name) for ``source`` → ``target``, sound ones first."""
    if source != "en":
        return None
    matches = [e for e in load_registry() if target in e.languages]
    matches.sort(key=lambda e: (bool(e.info().problem), e.name))
    return matches[0] if matches else None


class Ct2Engine:
    """Translates with a registered multilingual model into one target language."""

    name = ENGINE

    def __init__(
        self, entry: Registered, target: str, options: runtime.RunOptions | None = None
    ) -> None:
        self.entry = entry
        self.source_token = language_token(entry.family, "en")
        self.target_token = language_token(entry.family, target)
        self.options = options or runtime.options_from_settings()
        self._hint = (
            f"register it again with 'termsmith models add-ct2 DIR --family {entry.family} "
            f"--name {entry.name}', or 'termsmith models remove {entry.name}'"
        )
        problem = entry.info().problem
        if problem:
            raise EngineError(f"model '{entry.name}': {problem}", hint=self._hint)
        self._sp: Any = None

    @property
    def model_id(self) -> str:
        return model_origin(ENGINE, self.entry.name, self.entry.version)

    def _processor(self) -> Any:
        if self._sp is None:
            import sentencepiece

            path = next(
                (self.entry.path / f for f in TOKENIZER_FILES if (self.entry.path / f).is_file()),
                self.entry.path / TOKENIZER_FILES[0],
            )
            try:
                self._sp = sentencepiece.SentencePieceProcessor(model_file=str(path))
            except (RuntimeError, OSError) as exc:
                raise EngineError(f"cannot load {path}: {exc}", hint=self._hint) from None
        return self._sp

    def translate_batch(
        self, texts: Sequence[str], num_hypotheses: int = 4
    ) -> list[list[Hypothesis]]:
        if not texts:
            return []
        model = runtime.translator(self.entry.path, self.options, self._hint)
        sp = self._processor()
        pieces: list[list[str]] = sp.encode(list(texts), out_type=str)
        batch = [[self.source_token, *p, "</s>"] for p in pieces]
        results = runtime.translate_tokens(
            model,
            batch,
            num_hypotheses=num_hypotheses,
            beam_size=self.options.beam_size,
            target_prefix=[self.target_token],
        )
        out = []
        for hyps in results:
            row = []
            for tokens, score in hyps:
                body = [t for t in tokens[1:] if t not in ("</s>", self.target_token)]
                row.append(Hypothesis(str(sp.decode_pieces(body)).strip(), score))
            out.append(row)
        return out
