"""Fixtures shared by every test: an isolated project, a frozen clock, a CLI runner."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner

from termsmith import project as project_mod
from termsmith.project import Project

# CI runs the same examples every time (no flaky reds on a shared machine), with no
# per-example deadline; locally Hypothesis explores new examples on every run.
settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
if os.environ.get("CI"):
    settings.load_profile("ci")

LANGUAGES = ["fr", "ru", "es", "de", "ja", "mn", "vi"]
FROZEN_EPOCH = "1767225600"  # 2026-01-01T00:00:00Z
FROZEN_DATE = "2026-01-01"
SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test sees the same date, so stored ``changed`` fields and PO headers are stable."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FROZEN_EPOCH)
    return FROZEN_DATE


@pytest.fixture(autouse=True)
def no_user_argos(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep Argos away from the user's own packages and settings."""
    home = tmp_path_factory.mktemp("argos-home")
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(home / "packages"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Project]:
    """A fresh glossary project (en → the seven targets) as the current directory."""
    proj = project_mod.init(tmp_path / "proj", source="en", languages=LANGUAGES, name="test")
    monkeypatch.chdir(proj.root)
    yield proj


@pytest.fixture
def runner() -> CliRunner:
    """A Typer CLI runner."""
    return CliRunner()
