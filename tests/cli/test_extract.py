"""CLI: ``termsmith extract`` — formats, --add, stop/keep lists, bad input, stdin, folders."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.helpers import cli

from termsmith import config as config_mod
from termsmith.config import CONFIG_FILE
from termsmith.model import TermStatus
from termsmith.project import Project

SEED = Path(__file__).resolve().parents[2] / "seeds" / "spp-foreign-related-prosecution.txt"
TEXT = (
    "Money laundering is a crime. Banks must report money laundering to the financial "
    "intelligence unit (FIU). The FIU analyses reports of money laundering.\n"
)


@pytest.fixture
def seed(project: Project) -> Path:
    target = project.seeds_dir / "spp.txt"
    shutil.copy(SEED, target)
    return target


def test_tsv_has_a_header_and_one_term_per_line_best_first(seed: Path) -> None:
    run = cli("extract", "seeds", "--format", "tsv")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0].split("\t") == [
        "term",
        "score",
        "frequency",
        "documents",
        "kind",
        "variants",
        "expands",
        "sentence",
    ]
    rows = [line.split("\t") for line in lines[1:]]
    assert all(len(r) == 8 for r in rows)
    scores = [float(r[1]) for r in rows]
    assert scores == sorted(scores, reverse=True)
    by_term = {r[0]: r for r in rows}
    assert by_term["SPP"][4] == "abbreviation"
    assert by_term["SPP"][6] == "Supreme People's Procuratorate"
    assert by_term["procuratorial organs"][7].startswith("He emphasized that procuratorial")


def test_json_output_with_sources(seed: Path) -> None:
    run = cli("extract", str(seed), "--format", "json", "--top", "3")
    assert run.code == 0, run.err
    data = json.loads(run.out)
    assert len(data) == 3
    first = data[0]
    assert set(first) == {
        "term",
        "score",
        "frequency",
        "documents",
        "kind",
        "variants",
        "expands",
        "sources",
    }
    source = first["sources"][0]
    text = seed.read_text(encoding="utf-8")
    assert text[source["start"] : source["end"]].lower() == first["term"].lower()


def test_table_output(seed: Path) -> None:
    run = cli("extract", "seeds", "--top", "2")
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0].split() == ["term", "score", "freq", "docs", "kind"]
    assert len(lines) == 3


def test_min_score(seed: Path) -> None:
    run = cli("extract", "seeds", "--format", "json", "--min-score", "4")
    assert run.code == 0, run.err
    scores = [t["score"] for t in json.loads(run.out)]
    assert scores and min(scores) >= 4


def test_add_records_candidates_and_twice_changes_nothing(project: Project, seed: Path) -> None:
    run = cli("extract", "seeds", "--add")
    assert run.code == 0, run.err
    assert "Added" in run.err
    store = project.load_store()
    (spp,) = store.find("SPP")
    (full,) = store.find("Supreme People's Procuratorate")
    assert spp.expands == full.id and spp.status is TermStatus.CANDIDATE
    assert spp.sources[0].doc == "seeds/spp.txt"
    before = {p: p.read_bytes() for p in project.glossary_dir.rglob("*") if p.is_file()}
    again = cli("extract", "seeds", "--add")
    assert again.code == 0, again.err
    assert "Added 0 candidate terms" in again.err
    after = {p: p.read_bytes() for p in project.glossary_dir.rglob("*") if p.is_file()}
    assert after == before


def test_add_never_reproposes_rejected_terms(project: Project, seed: Path) -> None:
    with project.transaction() as store:
        store.add_term("graduation ceremony", status=TermStatus.REJECTED)
    run = cli("extract", "seeds", "--add", "--top", "100")
    assert run.code == 0, run.err
    store = project.load_store()
    (ceremony,) = store.find("graduation ceremony")
    assert ceremony.status is TermStatus.REJECTED


def test_config_stop_and_keep_lists(project: Project, seed: Path) -> None:
    cfg = project.config
    cfg.stop = ["procuratorial organs"]
    cfg.keep = ["training program"]
    config_mod.save(cfg, project.root / CONFIG_FILE)
    run = cli("extract", "seeds", "--format", "tsv", "--top", "3")
    assert run.code == 0, run.err
    terms = [line.split("\t")[0] for line in run.out.splitlines()[1:]]
    assert "procuratorial organs" not in terms
    assert "training program" in terms


def test_stdin(project: Project) -> None:
    run = cli("extract", "-", "--format", "tsv", input=TEXT)
    assert run.code == 0, run.err
    terms = [line.split("\t")[0] for line in run.out.splitlines()[1:]]
    assert "money laundering" in terms


def test_directories_are_recursed(project: Project) -> None:
    deep = project.seeds_dir / "a" / "b"
    deep.mkdir(parents=True)
    (deep / "doc.md").write_text(TEXT, encoding="utf-8")
    run = cli("extract", "seeds", "--format", "json")
    assert run.code == 0, run.err
    (laundering,) = [t for t in json.loads(run.out) if t["term"] == "money laundering"]
    assert laundering["sources"][0]["doc"].endswith("doc.md")


def test_invalid_utf8_names_the_file_and_encoding(project: Project) -> None:
    path = project.seeds_dir / "latin.txt"
    path.write_bytes("Money laundering.\nD\xe9cision of the court.\n".encode("latin-1"))
    run = cli("extract", str(path))
    assert run.code == 1
    assert run.err.startswith(f"Error: {path}:2: not valid utf-8")
    assert "--encoding" in run.err
    ok = cli("extract", str(path), "--encoding", "latin-1", "--format", "tsv")
    assert ok.code == 0, ok.err


def test_binary_file_is_refused(project: Project) -> None:
    path = project.seeds_dir / "scan.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    run = cli("extract", str(path))
    assert run.code == 1
    assert run.err.startswith(f"Error: {path}: looks like a binary file")


def test_empty_document_is_a_notice_not_an_error(project: Project) -> None:
    path = project.seeds_dir / "empty.txt"
    path.write_text("", encoding="utf-8")
    run = cli("extract", str(path), "--add")
    assert run.code == 0
    assert f"{path}: empty document, no terms" in run.err
    assert "No terms found." in run.err
    assert project.load_store().terms == {}


def test_non_english_source_is_refused(project: Project, seed: Path) -> None:
    run = cli("extract", "seeds", "--source-lang", "fr")
    assert run.code == 1
    assert run.err.startswith("Error: term extraction does not support source language 'fr' yet")


def test_missing_file_exits_1_and_writes_nothing(project: Project, seed: Path) -> None:
    before = {p: p.read_bytes() for p in project.glossary_dir.rglob("*") if p.is_file()}
    run = cli("extract", "seeds", "missing.txt", "--add")
    assert run.code == 1
    assert run.err.startswith("Error: missing.txt: no such file or directory")
    after = {p: p.read_bytes() for p in project.glossary_dir.rglob("*") if p.is_file()}
    assert after == before


def test_works_outside_a_project_without_add(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.txt").write_text(TEXT, encoding="utf-8")
    assert cli("extract", "doc.txt").code == 0
    run = cli("extract", "doc.txt", "--add")
    assert run.code == 1
    assert "termsmith.toml" in run.err


def test_bad_format_is_a_usage_error(seed: Path) -> None:
    assert cli("extract", "seeds", "--format", "xml").code == 2
    assert cli("extract", "seeds", "--top", "0").code == 2


def test_extraction_stays_off_the_lookup_path() -> None:
    """Importing the CLI must not load the extraction lexicons."""
    code = (
        "import sys, termsmith.cli.main; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('wordfreq', 'lemminflect') or m.startswith('termsmith.extraction')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
