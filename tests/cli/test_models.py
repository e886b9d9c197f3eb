"""``termsmith models``: install, list, remove, add-ct2, with real tiny models."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.helpers import cli
from tests.tinymodels import TinyModels, tiny_models  # noqa: F401

from termsmith.project import Project


def test_install_list_remove_outside_a_project(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    tiny_models: TinyModels,  # noqa: F811
) -> None:
    monkeypatch.chdir(tmp_path)
    empty = cli("models", "list")
    assert empty.code == 0 and "No models installed" in empty.err
    run = cli("models", "install", str(tiny_models.packages["fr"]), str(tiny_models.packages["ja"]))
    assert run.code == 0, run.err
    assert run.out.startswith("installed translate-en_fr 0.1 (en->fr) in ")
    listing = cli("models", "list").out.splitlines()
    assert [line.split("\t")[:4] for line in listing] == [
        ["argos", "translate-en_fr", "0.1", "en->fr"],
        ["argos", "translate-en_ja", "0.1", "en->ja"],
    ]
    assert cli("models", "remove", "translate-en_fr").code == 0
    assert [line.split("\t")[1] for line in cli("models", "list").out.splitlines()] == [
        "translate-en_ja"
    ]
    gone = cli("models", "remove", "translate-en_fr")
    assert gone.code == 1
    assert gone.err == "Error: no model named 'translate-en_fr' (see 'termsmith models list')\n"


def test_list_in_a_project_says_per_language_what_would_translate(
    project: Project,
    tiny_models: TinyModels,  # noqa: F811
) -> None:
    cli("models", "install", str(tiny_models.packages["fr"]))
    cli("models", "add-ct2", str(tiny_models.nllb), "--family", "nllb")
    lines = dict(line.split("\t", 1) for line in cli("models", "list").out.splitlines())
    assert lines["fr"].startswith("argos\ttranslate-en_fr\t0.1\t")
    assert lines["mn"].startswith("ct2\tnllb-tiny\t")
    assert lines["ru"].startswith("ct2\tnllb-tiny\t"), "ct2 covers what Argos lacks"
    project.config.engines = {"default": ["memory", "argos"]}
    from termsmith import config

    config.save(project.config, project.root / "termsmith.toml")
    lines = dict(line.split("\t", 1) for line in cli("models", "list").out.splitlines())
    assert lines["mn"].startswith(
        "-\tno argos model for en→mn; there is no Argos package for Mongolian"
    )


def test_the_registry_lives_in_the_user_data_dir(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    tiny_models: TinyModels,  # noqa: F811
) -> None:
    monkeypatch.setenv("TERMSMITH_MODELS_DIR", str(tmp_path / "registry"))
    run = cli(
        "models",
        "add-ct2",
        str(tiny_models.nllb),
        "--family",
        "nllb",
        "--name",
        "tiny",
        "--version",
        "2024",
    )
    assert run.code == 0, run.err
    assert run.out == "registered tiny 2024 (nllb: en->de,es,fr,ja,mn,ru,vi)\n"
    data = json.loads((tmp_path / "registry" / "models.json").read_text(encoding="utf-8"))
    assert data["models"][0]["path"] == str(tiny_models.nllb.resolve())
    assert cli("models", "remove", "tiny").out.startswith("unregistered tiny")
    assert json.loads((tmp_path / "registry" / "models.json").read_text())["models"] == []
    assert tiny_models.nllb.is_dir(), "unregistering keeps the files"


def test_add_ct2_refuses_what_is_not_a_model(tmp_path: Path, tiny_models: TinyModels) -> None:  # noqa: F811
    missing = cli("models", "add-ct2", str(tmp_path / "nope"))
    assert missing.code == 1 and "no such directory" in missing.err
    bare = tmp_path / "bare"
    bare.mkdir()
    assert "no model.bin (not a CTranslate2 model)" in cli("models", "add-ct2", str(bare)).err
    copy = tmp_path / "copy"
    shutil.copytree(tiny_models.nllb, copy)
    (copy / "sentencepiece.bpe.model").unlink()
    assert "no sentencepiece.bpe.model" in cli("models", "add-ct2", str(copy)).err
    wrong = cli("models", "add-ct2", str(tiny_models.nllb), "--family", "m2m100")
    assert wrong.code == 1
    assert "has no __en__ token" in wrong.err and "try --family nllb" in wrong.err
    bad = cli("models", "add-ct2", str(tiny_models.nllb), "--family", "marian")
    assert bad.code == 2 and "'marian' is not nllb or m2m100" in bad.err


def test_install_refuses_damaged_packages(tmp_path: Path, tiny_models: TinyModels) -> None:  # noqa: F811
    text = tmp_path / "notes.argosmodel"
    text.write_text("hello", encoding="utf-8")
    run = cli("models", "install", str(text))
    assert run.code == 1
    assert run.err.startswith(f"Error: {text}: not an Argos package (not a zip archive)")
    hollow = tmp_path / "hollow.argosmodel"
    with zipfile.ZipFile(tiny_models.packages["fr"]) as src, zipfile.ZipFile(hollow, "w") as dst:
        for item in src.infolist():
            if not item.filename.endswith("model.bin"):
                dst.writestr(item, src.read(item))
    assert (
        "no translate-en_fr-0_1/model/model.bin in the archive"
        in cli("models", "install", str(hollow)).err
    )
    absent = cli("models", "install", str(tmp_path / "absent.argosmodel"))
    assert absent.code == 1 and "no such file" in absent.err


def test_install_by_pair_offline_points_to_the_file_route(monkeypatch: pytest.MonkeyPatch) -> None:
    # port 9 (discard) on the loopback: refused at once, nothing leaves the machine
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")
    run = cli("models", "install", "en-fr")
    assert run.code == 1
    assert run.err.startswith(
        "Error: cannot reach the Argos package index at http://127.0.0.1:9/index.json"
    )
    assert "termsmith models install FILE.argosmodel" in run.err
    assert "translate-en_fr-*.argosmodel" in run.err


@pytest.fixture
def local_index(tmp_path: Path, tiny_models: TinyModels) -> Iterator[str]:  # noqa: F811
    """A package index served on the loopback, as the Argos index is online."""
    served = tmp_path / "served"
    served.mkdir()
    shutil.copy(tiny_models.packages["vi"], served / "translate-en_vi.argosmodel")
    handler = functools.partial(
        type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda *a: None}),
        directory=str(served),
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    index = [
        {
            "from_code": "en",
            "to_code": "vi",
            "package_version": "0.1",
            "links": [base + "translate-en_vi.argosmodel"],
        },
        {
            "from_code": "en",
            "to_code": "de",
            "package_version": "0.1",
            "links": [base + "missing.argosmodel"],
        },
    ]
    (served / "index.json").write_text(json.dumps(index), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()
    server.server_close()


def test_install_by_pair_downloads_from_the_index(
    monkeypatch: pytest.MonkeyPatch, local_index: str
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", local_index)
    run = cli("models", "install", "en-vi")
    assert run.code == 0, run.err
    assert run.out.startswith("installed translate-en_vi 0.1 (en->vi)")
    none = cli("models", "install", "en-mn")
    assert none.code == 1 and "the Argos index has no en→mn package" in none.err
    broken = cli("models", "install", "en-de")
    assert broken.code == 1 and "cannot download the en→de package" in broken.err
