"""The project configuration, ``termsmith.toml`` at the glossary project's root."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from termsmith import atomic
from termsmith.errors import ConfigError, LanguageError, ProjectNotFoundError
from termsmith.languages import validate

CONFIG_FILE = "termsmith.toml"
DEFAULT_ENGINES = ("memory", "argos", "ct2")


@dataclass
class Config:
    """What a glossary project is: its languages, PO domain, engines, extraction lists."""

    source: str = "en"
    languages: list[str] = field(default_factory=list)
    domain: str = "glossary"
    name: str = "glossary"
    engines: dict[str, list[str]] = field(default_factory=dict)
    stop: list[str] = field(default_factory=list)
    keep: list[str] = field(default_factory=list)

    def engines_for(self, lang: str) -> list[str]:
        """Engines to try for ``lang``, in order of preference."""
        return list(self.engines.get(lang, self.engines.get("default", list(DEFAULT_ENGINES))))

    def to_toml(self) -> str:
        """The config as TOML text, with comments for the user."""
        import tomli_w

        project = {
            "name": self.name,
            "source": self.source,
            "languages": self.languages,
            "domain": self.domain,
        }
        engines = self.engines or {"default": list(DEFAULT_ENGINES)}
        extract = {"stop": self.stop, "keep": self.keep}
        return (
            "# termsmith project configuration (https://github.com/termsmith)\n"
            "# languages: target languages; domain: the PO catalog name in locales/.\n"
            + tomli_w.dumps({"project": project})
            + "\n# Engines to try per language, in order; 'default' applies to the others.\n"
            "# memory = reuse existing translations, argos = Argos Translate packages,\n"
            "# ct2 = multilingual CTranslate2 models registered with 'termsmith models add-ct2'.\n"
            + tomli_w.dumps({"engines": engines})
            + "\n# Extraction: terms never to propose (stop) and always to propose (keep).\n"
            + tomli_w.dumps({"extract": extract})
        )


def _strings(value: Any, where: str, path: Path) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {where} must be a list of strings", hint='e.g. ["fr", "ru"]')
    return list(value)


def parse(text: str, path: Path) -> Config:
    """Parse and validate a config text; errors name the file and key."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}", hint="fix the TOML syntax") from None
    project = data.get("project", {})
    if not isinstance(project, dict):
        raise ConfigError(f"{path}: [project] must be a table", hint="see 'termsmith init --help'")
    try:
        source = validate(str(project.get("source", "en")))
        languages = [validate(c) for c in _strings(project.get("languages", []), "languages", path)]
    except LanguageError as exc:
        raise ConfigError(f"{path}: {exc.message}", hint=exc.hint) from None
    if source in languages:
        raise ConfigError(
            f"{path}: the source language '{source}' is also a target",
            hint="remove it from 'languages'",
        )
    engines_raw = data.get("engines", {})
    if not isinstance(engines_raw, dict):
        raise ConfigError(f"{path}: [engines] must be a table", hint='e.g. mn = ["ct2"]')
    engines = {key: _strings(v, f"engines.{key}", path) for key, v in engines_raw.items()}
    extract = data.get("extract", {})
    return Config(
        source=source,
        languages=languages,
        domain=str(project.get("domain", "glossary")),
        name=str(project.get("name", "glossary")),
        engines=engines,
        stop=_strings(extract.get("stop", []), "extract.stop", path),
        keep=_strings(extract.get("keep", []), "extract.keep", path),
    )


def load(path: Path) -> Config:
    """Read ``termsmith.toml`` at ``path``."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ProjectNotFoundError(
            f"no {CONFIG_FILE} at {path.parent}", hint="create one with 'termsmith init DIR'"
        ) from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not valid UTF-8", hint="save the file as UTF-8") from None
    return parse(text, path)


def save(config: Config, path: Path) -> None:
    """Write the config atomically."""
    atomic.write_text(path, config.to_toml())


def find_root(start: Path) -> Path:
    """The nearest directory at or above ``start`` holding ``termsmith.toml``."""
    here = start.resolve()
    for directory in (here, *here.parents):
        if (directory / CONFIG_FILE).is_file():
            return directory
    raise ProjectNotFoundError(
        f"no {CONFIG_FILE} in {here} or any parent directory",
        hint="run inside a glossary project, pass --root PATH, or create one with 'termsmith init'",
    )
