"""CLI: CSV and JSON export/import through the foundation's formats."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import cli

from termsmith.model import UnitStatus
from termsmith.project import Project


def seed(project: Project) -> None:
    cli("add", "procuratorial organs")
    cli("set", "procuratorial-organs", "fr", "organes du parquet", "--curated")
    cli("set", "procuratorial-organs", "ja", "検察機関", "--curated")


def test_export_csv(project: Project, tmp_path: Path) -> None:
    seed(project)
    run = cli("export", "--format", "csv")
    assert run.out.splitlines() == [
        "id,en,fr,ru,es,de,ja,mn,vi",
        "procuratorial-organs,procuratorial organs,organes du parquet,,,,検察機関,,",
    ]
    out = tmp_path / "g.csv"
    cli("export", "-o", str(out))
    assert out.read_bytes().count(b"\r\n") == 2  # RFC 4180 line ends, as spreadsheets expect


def test_export_to_file_is_atomic_and_quiet_on_stdout(project: Project, tmp_path: Path) -> None:
    seed(project)
    out = tmp_path / "g.json"
    run = cli("export", "-f", "json", "-o", str(out))
    assert run.code == 0 and run.out == ""
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["terms"][0]["translations"]["ja"]["text"] == "検察機関"


def test_import_csv_with_bom_crlf_and_subset_of_languages(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(
        "\ufeffen,ru,it\r\nnational sovereignty,национальный суверенитет,sovranità nazionale\r\n".encode()
    )
    run = cli("import", str(path))
    assert run.code == 0, run.err
    assert "notice: language 'it' is not in this project; skipped" in run.out
    assert "terms added: 1; units added: 1" in run.out
    unit = project.load_store().unit("national-sovereignty", "ru")
    assert unit is not None
    assert (unit.text, unit.status, unit.origin) == (
        "национальный суверенитет",
        UnitStatus.TRANSLATED,
        "import:in.csv",
    )


def test_import_by_id_updates_and_never_overwrites_reviewed(
    project: Project, tmp_path: Path
) -> None:
    seed(project)
    cli(
        "set",
        "procuratorial-organs",
        "fr",
        "organes du parquet",
        "--status",
        "reviewed",
        "--by",
        "anne",
    )
    path = tmp_path / "in.csv"
    path.write_text(
        "id,fr,ja\nprocuratorial-organs,organes de poursuite,検察庁\n", encoding="utf-8"
    )
    run = cli("import", str(path))
    assert "units added: 0, updated: 1, kept: 0, kept as alternatives: 1" in run.out
    store = project.load_store()
    fr = store.unit("procuratorial-organs", "fr")
    assert fr is not None and fr.text == "organes du parquet" and fr.status is UnitStatus.REVIEWED
    assert [a.text for a in fr.alternatives] == ["organes de poursuite"]
    ja = store.unit("procuratorial-organs", "ja")
    assert ja is not None and ja.text == "検察庁" and ja.rev == 2


def test_bad_csv_row_names_line_and_writes_nothing(project: Project, tmp_path: Path) -> None:
    seed(project)
    before = (project.glossary_dir / "terms.jsonl").read_bytes()
    path = tmp_path / "bad.csv"
    path.write_text(
        "en,fr\ninternational law,droit international\nlegal procedures,a,b\n", encoding="utf-8"
    )
    run = cli("import", str(path))
    assert run.code == 1
    assert (
        run.err
        == f"Error: {path}:3: 3 fields, but the header has 2 (check quoting: a field with commas, quotes or line breaks must be in double quotes)\n"
    )
    assert (project.glossary_dir / "terms.jsonl").read_bytes() == before


def test_bad_csv_header_and_encoding(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("en,french\nx,y\n", encoding="utf-8")
    assert cli("import", str(path)).err.startswith(
        f"Error: {path}:1: column 'french' is not 'id' or a language code"
    )
    path.write_bytes(b"en,fr\nok,ok\nbad,\xe9t\xe9\n")
    assert (
        cli("import", str(path)).err
        == f"Error: {path}:3: invalid UTF-8 (save the file as UTF-8 and import it again)\n"
    )


def test_import_missing_file_and_unknown_format(project: Project, tmp_path: Path) -> None:
    assert (
        cli("import", str(tmp_path / "none.csv")).err
        == f"Error: no such file: {tmp_path / 'none.csv'} (check the path)\n"
    )
    other = tmp_path / "x.xyz"
    other.write_text("x", encoding="utf-8")
    assert cli("import", str(other)).err.startswith(
        "Error: cannot tell the format of x.xyz (pass --format"
    )


def test_lang_map_option(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("en,pt\nlegal procedures,procedimentos legais\n", encoding="utf-8")
    assert cli("import", str(path), "--lang-map", "pt=es").code == 0
    unit = project.load_store().unit("legal-procedures", "es")
    assert unit is not None and unit.text == "procedimentos legais"
    assert cli("import", str(path), "--lang-map", "pt").code == 2


def test_json_round_trip_through_cli(project: Project, tmp_path: Path) -> None:
    seed(project)
    out = tmp_path / "all.json"
    cli("export", "-f", "json", "-o", str(out))
    files = {p: p.read_bytes() for p in project.glossary_dir.rglob("*.jsonl")}
    for p in files:
        p.unlink()
    assert cli("import", str(out)).code == 0
    assert {p: p.read_bytes() for p in project.glossary_dir.rglob("*.jsonl")} == files


def test_homographs_survive_a_json_round_trip(project: Project, tmp_path: Path) -> None:
    cli("add", "charge", "--note", "criminal accusation")
    cli("add", "charge", "--homograph", "--note", "fee")
    cli("set", "charge-2", "fr", "frais", "--curated")
    out = tmp_path / "all.json"
    cli("export", "-f", "json", "-o", str(out))
    files = {p: p.read_bytes() for p in project.glossary_dir.rglob("*.jsonl")}
    for p in files:
        p.unlink()
    cli("import", str(out))
    store = project.load_store()
    assert sorted(store.terms) == ["charge", "charge-2"]
    assert {p: p.read_bytes() for p in project.glossary_dir.rglob("*.jsonl")} == files


def test_export_to_an_up_to_date_file_says_so(project: Project, tmp_path: Path) -> None:
    seed(project)
    out = tmp_path / "g.csv"
    assert cli("export", "-o", str(out)).err == f"Wrote {out}\n"
    assert cli("export", "-o", str(out)).err == f"{out} is up to date\n"


def test_csv_leaves_rejected_terms_and_translations_out(project: Project) -> None:
    seed(project)
    cli("set", "procuratorial-organs", "ja", "検察機関", "--status", "rejected", "--by", "kenji")
    cli("add", "graduation ceremony", "--status", "rejected")
    lines = cli("export").out.splitlines()
    assert lines[1] == "procuratorial-organs,procuratorial organs,organes du parquet,,,,,,"
    assert len(lines) == 2
