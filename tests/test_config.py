"""Project configuration: parsing, validation, discovery."""

from __future__ import annotations

from pathlib import Path

import pytest

from termsmith import config
from termsmith.errors import ConfigError, ProjectNotFoundError


def test_written_config_parses_back(tmp_path: Path) -> None:
    cfg = config.Config(
        source="en", languages=["fr", "mn"], engines={"mn": ["ct2"]}, stop=["event"], keep=["SPP"]
    )
    path = tmp_path / config.CONFIG_FILE
    config.save(cfg, path)
    back = config.load(path)
    assert back.languages == ["fr", "mn"] and back.stop == ["event"] and back.keep == ["SPP"]
    assert back.engines_for("mn") == ["ct2"]
    assert back.engines_for("fr") == ["memory", "argos", "ct2"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[project\n", "Expected ']'"),
        ('[project]\nlanguages = ["fr", "qq"]\n', "unknown language code 'qq'"),
        ('[project]\nlanguages = "fr"\n', "languages must be a list of strings"),
        (
            '[project]\nsource = "en"\nlanguages = ["en"]\n',
            "the source language 'en' is also a target",
        ),
    ],
)
def test_bad_config_is_explained(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / config.CONFIG_FILE
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message) as info:
        config.load(path)
    assert str(path) in str(info.value)


def test_find_root_walks_up(tmp_path: Path) -> None:
    (tmp_path / config.CONFIG_FILE).write_text("[project]\n", encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert config.find_root(deep) == tmp_path.resolve()


def test_find_root_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(ProjectNotFoundError, match=r"no termsmith\.toml in"):
        config.find_root(tmp_path)
