"""Run options from Argos's settings: device, threads, compute type, beam."""

from __future__ import annotations

import pytest

from termsmith.engines import runtime
from termsmith.engines.base import cpu_count
from termsmith.errors import EngineError


def test_defaults_fill_the_cores(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in (
        "ARGOS_DEVICE_TYPE",
        "ARGOS_INTER_THREADS",
        "ARGOS_INTRA_THREADS",
        "ARGOS_BEAM_SIZE",
    ):
        monkeypatch.delenv(key, raising=False)
    options = runtime.options_from_settings()
    assert options == runtime.RunOptions(device="cpu", compute_type="default", beam_size=4)
    inter, intra = runtime.threads(options)
    assert inter == min(cpu_count(), 4) and inter * intra <= max(cpu_count(), inter)


def test_environment_settings_win(monkeypatch: pytest.MonkeyPatch) -> None:
    import ctranslate2

    monkeypatch.setenv("ARGOS_DEVICE_TYPE", "cuda")
    monkeypatch.setenv("ARGOS_INTER_THREADS", "3")
    monkeypatch.setenv("ARGOS_INTRA_THREADS", "5")
    monkeypatch.setenv("ARGOS_COMPUTE_TYPE", "int8")
    monkeypatch.setenv("ARGOS_BEAM_SIZE", "6")
    options = runtime.options_from_settings()
    # cuda only where CTranslate2 sees a GPU; the CPU otherwise, never a crash
    assert options.device == ("cuda" if ctranslate2.get_cuda_device_count() else "cpu")
    assert (options.compute_type, options.beam_size) == ("int8", 6)
    assert runtime.threads(options) == (3, 5)


def test_a_bad_setting_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARGOS_BEAM_SIZE", "wide")
    with pytest.raises(EngineError, match="ARGOS_BEAM_SIZE='wide' is not a whole number"):
        runtime.options_from_settings()


def test_the_cli_does_not_import_the_heavy_libraries() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from termsmith.cli.main import app\n"
        "for args in (['--help'], ['translate', '--help'], ['models', '--help']):\n"
        "    assert CliRunner().invoke(app, args).exit_code == 0\n"
        "heavy = ('ctranslate2', 'sentencepiece', 'argostranslate')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
