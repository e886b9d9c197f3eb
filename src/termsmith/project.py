"""A glossary project on disk: its root, config, store and derived folders."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from termsmith import config as config_mod
from termsmith import store as store_mod
from termsmith.config import CONFIG_FILE, Config
from termsmith.errors import ConfigError
from termsmith.languages import validate

GITIGNORE = """\
# termsmith: derived and local files, never committed
.termsmith/
glossary/.lock
locales/**/*.mo
"""


@dataclass
class Project:
    """Paths and settings of one glossary project.

    ``glossary/`` holds the store, ``locales/`` the PO catalogs, ``seeds/`` the
    source documents and ``.termsmith/`` local caches such as the lookup index.
    """

    root: Path
    config: Config

    @classmethod
    def find(cls, root: Path | None = None) -> Project:
        """The project at ``root``, or found by walking up from the current directory."""
        if root is not None:
            path = root.resolve()
            return cls(path, config_mod.load(path / CONFIG_FILE))
        found = config_mod.find_root(Path.cwd())
        return cls(found, config_mod.load(found / CONFIG_FILE))

    @property
    def glossary_dir(self) -> Path:
        return self.root / "glossary"

    @property
    def locales_dir(self) -> Path:
        return self.root / "locales"

    @property
    def seeds_dir(self) -> Path:
        return self.root / "seeds"

    @property
    def cache_dir(self) -> Path:
        return self.root / ".termsmith"

    @property
    def languages(self) -> list[str]:
        """Target languages, in config order."""
        return list(self.config.languages)

    @property
    def all_languages(self) -> list[str]:
        """The source language, then the targets."""
        return [self.config.source, *self.config.languages]

    def check_language(self, code: str) -> str:
        """A valid target language of this project, or a :class:`ConfigError`."""
        lang = validate(code)
        if lang not in self.config.languages:
            raise ConfigError(
                f"'{lang}' is not a target language of this project",
                hint=f"use one of {', '.join(self.config.languages)} or add it to {CONFIG_FILE}",
            )
        return lang

    def load_store(self) -> store_mod.Store:
        """The store, read-only (no lock)."""
        return store_mod.Store.load(self.glossary_dir)

    @contextmanager
    def transaction(self) -> Iterator[store_mod.Store]:
        """The store, locked for writing, saved when the block succeeds."""
        with store_mod.transaction(self.glossary_dir) as store:
            yield store


def init(
    root: Path, source: str = "en", languages: list[str] | None = None, name: str = ""
) -> Project:
    """Create a new glossary project in ``root``: config, folders, ``.gitignore``."""
    root = root.resolve()
    if (root / CONFIG_FILE).exists():
        raise ConfigError(
            f"{root / CONFIG_FILE} already exists", hint="this directory is already a project"
        )
    src = validate(source)
    targets = [validate(code) for code in (languages or [])]
    targets = list(dict.fromkeys(t for t in targets if t != src))
    cfg = Config(source=src, languages=targets, name=name or root.name)
    for sub in ("seeds", "glossary", "locales"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    config_mod.save(cfg, root / CONFIG_FILE)
    gitignore = root / ".gitignore"
    if not gitignore.exists():
        gitignore.write_text(GITIGNORE, encoding="utf-8")
    project = Project(root, cfg)
    store_mod.Store(project.glossary_dir).save()
    return project
