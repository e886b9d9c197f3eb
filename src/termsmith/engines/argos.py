"""Argos Translate packages: discovery, installation, and batched translation.

Discovery and metadata come from ``argostranslate.package``; the packages
directory honours ``ARGOS_PACKAGES_DIR`` (and Argos's ``settings.json``), read at
call time rather than when ``argostranslate`` was first imported. Translation
bypasses ``argostranslate.translate`` (per string, with MiniSBD sentence
splitting that downloads a model on first use) and runs the package's
CTranslate2 model directly, in batches, with the package's own tokenizer.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from termsmith.engines import runtime
from termsmith.engines.base import Hypothesis, ModelInfo, model_origin
from termsmith.errors import EngineError, OfflineError

ENGINE = "argos"
DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
ARGOSPM_INDEX_PAGE = "https://www.argosopentech.com/argospm/index/"
FILE_ROUTE = (
    "on a connected machine, download translate-{pair}-*.argosmodel from "
    f"{ARGOSPM_INDEX_PAGE}, copy it here and run 'termsmith models install FILE.argosmodel'"
)


def packages_dir() -> Path:
    """Where Argos packages are installed: ``ARGOS_PACKAGES_DIR``, Argos's settings, or default."""
    from argostranslate import settings

    configured = settings.get_setting("ARGOS_PACKAGES_DIR")
    if configured:
        return Path(str(configured)).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "argos-translate" / "packages"


def _sync_settings() -> Path:
    """Point ``argostranslate.settings`` at the packages directory as it is configured now."""
    from argostranslate import settings

    directory = packages_dir()
    directory.mkdir(parents=True, exist_ok=True)
    settings.package_data_dir = directory
    settings.package_dirs = [directory]
    return directory


def _describe(path: Path) -> ModelInfo:
    """A package directory as a :class:`ModelInfo`; ``problem`` says what is wrong with it."""
    from argostranslate import package

    try:
        pkg = package.Package(path)
    except (OSError, ValueError) as exc:  # no or invalid metadata.json
        reason = "no metadata.json" if isinstance(exc, FileNotFoundError) else "bad metadata.json"
        return ModelInfo(ENGINE, path.name, "", path, "", (), problem=reason)
    name = package.argospm_package_name(pkg)
    source, target = pkg.from_code or "", pkg.to_code or ""
    problem = ""
    if not (path / "model" / "model.bin").is_file():
        problem = "no model/model.bin"
    elif not hasattr(pkg, "tokenizer"):
        problem = "no sentencepiece.model or bpe.model"
    elif not source or not target:
        problem = "metadata.json lacks from_code/to_code"
    return ModelInfo(ENGINE, name, str(pkg.package_version or ""), path, source, (target,), problem)


def installed() -> list[ModelInfo]:
    """Every installed package (broken ones too, with their problem), sorted by name."""
    directory = _sync_settings()
    found = [_describe(p) for p in sorted(directory.iterdir()) if p.is_dir()]
    return sorted(found, key=lambda m: (m.name, m.version, str(m.path)))


def _version_key(version: str) -> tuple[Any, ...]:
    import packaging.version

    try:
        return (1, packaging.version.parse(version))
    except packaging.version.InvalidVersion:
        return (0, version)


def find(source: str, target: str) -> ModelInfo | None:
    """The package for ``source`` → ``target``: the newest sound one, else a broken one."""
    matches = [m for m in installed() if m.source == source and target in m.targets]
    sound = [m for m in matches if not m.problem]
    if sound:
        return max(sound, key=lambda m: _version_key(m.version))
    return matches[0] if matches else None


def _check_archive(path: Path) -> tuple[str, dict[str, Any]]:
    """The top folder and metadata of an ``.argosmodel`` file, or an :class:`EngineError`."""
    hint = "the file must be an Argos package (.argosmodel); download it again"
    if not path.is_file():
        raise EngineError(f"{path}: no such file", hint="give the path of an .argosmodel file")
    if not zipfile.is_zipfile(path):
        raise EngineError(f"{path}: not an Argos package (not a zip archive)", hint=hint)
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            tops = {n.split("/", 1)[0] for n in names}
            if len(tops) != 1 or any(n.startswith("/") or ".." in n.split("/") for n in names):
                raise EngineError(f"{path}: not one package folder in the archive", hint=hint)
            top = tops.pop()
            if f"{top}/metadata.json" not in names:
                raise EngineError(f"{path}: no {top}/metadata.json in the archive", hint=hint)
            metadata = json.loads(archive.read(f"{top}/metadata.json").decode("utf-8"))
            if f"{top}/model/model.bin" not in names:
                raise EngineError(f"{path}: no {top}/model/model.bin in the archive", hint=hint)
            if not {f"{top}/sentencepiece.model", f"{top}/bpe.model"} & set(names):
                raise EngineError(f"{path}: the archive has no tokenizer model", hint=hint)
    except (zipfile.BadZipFile, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EngineError(f"{path}: damaged Argos package ({exc})", hint=hint) from None
    if (
        not isinstance(metadata, dict)
        or not metadata.get("from_code")
        or not metadata.get("to_code")
    ):
        raise EngineError(f"{path}: metadata.json lacks from_code/to_code", hint=hint)
    return top, metadata


def install_file(path: Path) -> ModelInfo:
    """Install one ``.argosmodel`` file (replacing an older copy of the same folder)."""
    from argostranslate import package

    top, _ = _check_archive(path)
    directory = _sync_settings()
    target = directory / top
    if target.exists():
        shutil.rmtree(target)
    try:
        package.install_from_path(path)
    except (OSError, zipfile.BadZipFile) as exc:
        shutil.rmtree(target, ignore_errors=True)
        raise EngineError(
            f"{path}: cannot install ({exc})", hint="check the disk and retry"
        ) from None
    return _describe(target)


def index_url() -> str:
    """The Argos package index (``ARGOS_PACKAGE_INDEX`` or Argos's default), ``index.json``."""
    from argostranslate import settings

    base = str(settings.get_setting("ARGOS_PACKAGE_INDEX", DEFAULT_INDEX))
    return base if base.endswith(".json") else base.rstrip("/") + "/index.json"


def _fetch(url: str, timeout: float) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        data: bytes = response.read()
        return data


def install_remote(source: str, target: str, timeout: float = 20.0) -> ModelInfo:
    """Download ``source`` → ``target`` from the Argos index and install it."""
    pair = f"{source}_{target}"
    url = index_url()
    if not url.startswith(("http://", "https://")):
        raise EngineError(
            f"package index '{url}' is not an http(s) address", hint="fix ARGOS_PACKAGE_INDEX"
        )
    try:
        index = json.loads(_fetch(url, timeout))
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise OfflineError(
            f"cannot reach the Argos package index at {url} ({reason})",
            hint=FILE_ROUTE.format(pair=pair),
        ) from None
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise EngineError(
            f"the package index at {url} is not valid JSON", hint="retry later"
        ) from None
    entries = [
        e
        for e in (index if isinstance(index, list) else [])
        if isinstance(e, dict) and e.get("from_code") == source and e.get("to_code") == target
    ]
    if not entries:
        raise EngineError(
            f"the Argos index has no {source}→{target} package",
            hint="register a multilingual model: 'termsmith models add-ct2 DIR --family nllb'",
        )
    entry = max(entries, key=lambda e: _version_key(str(e.get("package_version", ""))))
    links = [
        str(link)
        for link in entry.get("links", [])
        if str(link).startswith(("http://", "https://"))
    ]
    errors = []
    for link in links:
        try:
            data = _fetch(link, timeout * 30)
        except (urllib.error.URLError, OSError) as exc:
            errors.append(f"{link}: {getattr(exc, 'reason', exc)}")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            file = Path(tmp) / f"translate-{pair}.argosmodel"
            file.write_bytes(data)
            return install_file(file)
    raise OfflineError(
        f"cannot download the {source}→{target} package ({'; '.join(errors) or 'no links'})",
        hint=FILE_ROUTE.format(pair=pair),
    )


def remove(name: str) -> list[ModelInfo]:
    """Remove installed packages named ``name`` (argospm name or folder name)."""
    gone = [m for m in installed() if name in (m.name, m.path.name)]
    for model in gone:
        shutil.rmtree(model.path)
    return gone


class ArgosEngine:
    """Translates with one installed Argos package, in batches."""

    name = ENGINE

    def __init__(self, model: ModelInfo, options: runtime.RunOptions | None = None) -> None:
        self.model = model
        self.options = options or runtime.options_from_settings()
        self._hint = f"reinstall the package or run 'termsmith models remove {model.name}'"
        if model.problem:
            raise EngineError(
                f"Argos package {model.path} is broken: {model.problem}", hint=self._hint
            )
        metadata = json.loads((model.path / "metadata.json").read_text(encoding="utf-8"))
        self.target_prefix = str(metadata.get("target_prefix") or "")
        self._sp: Any = None
        self._bpe: Any = None

    @property
    def model_id(self) -> str:
        return model_origin(ENGINE, self.model.name, self.model.version)

    def _encode(self, texts: Sequence[str]) -> list[list[str]]:
        sp_file = self.model.path / "sentencepiece.model"
        if sp_file.is_file():
            if self._sp is None:
                import sentencepiece

                try:
                    self._sp = sentencepiece.SentencePieceProcessor(model_file=str(sp_file))
                except (RuntimeError, OSError) as exc:
                    raise EngineError(f"cannot load {sp_file}: {exc}", hint=self._hint) from None
            pieces: list[list[str]] = self._sp.encode(list(texts), out_type=str)
            return pieces
        if self._bpe is None:
            from argostranslate.tokenizer import BPETokenizer

            self._bpe = BPETokenizer(
                self.model.path / "bpe.model", self.model.source, self.model.targets[0]
            )
        return [list(self._bpe.encode(t)) for t in texts]

    def _decode(self, tokens: list[str]) -> str:
        if self.target_prefix and tokens[:1] == [self.target_prefix]:
            tokens = tokens[1:]
        text: str = (
            self._sp.decode_pieces(tokens) if self._sp is not None else self._bpe.decode(tokens)
        )
        return text.strip()

    def translate_batch(
        self, texts: Sequence[str], num_hypotheses: int = 4
    ) -> list[list[Hypothesis]]:
        if not texts:
            return []
        model = runtime.translator(self.model.path / "model", self.options, self._hint)
        encoded = self._encode(texts)
        results = runtime.translate_tokens(
            model,
            encoded,
            num_hypotheses=num_hypotheses,
            beam_size=self.options.beam_size,
            target_prefix=[self.target_prefix] if self.target_prefix else None,
        )
        return [[Hypothesis(self._decode(t), s) for t, s in hyps] for hyps in results]
