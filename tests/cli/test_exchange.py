"""CLI: export and import of TMX, TBX v2/v3 and CSV, as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from tests.conftest import SHARED
from tests.helpers import cli

from termsmith import project as project_mod
from termsmith.model import UnitStatus
from termsmith.project import Project

PEERS = SHARED / "data" / "peer-samples"
SCHEMAS = SHARED / "data" / "schemas"


def seed(project: Project) -> None:
    cli("add", "procuratorial organs")
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
    cli("set", "procuratorial-organs", "ja", "検察機関", "--curated", "--note", "官報")


@pytest.mark.parametrize(("fmt", "suffix"), [("tmx", ".tmx"), ("tbx", ".tbx"), ("tbx3", ".tbx")])
def test_export_then_import_into_another_project(
    project: Project, tmp_path: Path, fmt: str, suffix: str
) -> None:
    seed(project)
    out = tmp_path / f"glossary{suffix}"
    run = cli("export", "--format", fmt, "-o", str(out))
    assert (run.code, run.out) == (0, "")
    assert cli("export", "--format", fmt).out == out.read_text(encoding="utf-8")
    other = project_mod.init(tmp_path / "other", languages=["fr", "ja"])
    run = cli("--root", str(other.root), "import", str(out))
    assert run.code == 0, run.err
    assert run.out == (
        "terms added: 1; units added: 2, updated: 0, kept: 0, kept as alternatives: 0, skipped: 0\n"
    )
    store = other.load_store()
    fr, ja = store.unit("procuratorial-organs", "fr"), store.unit("procuratorial-organs", "ja")
    assert fr is not None and (fr.text, fr.status, fr.origin) == (
        "organes du parquet", UnitStatus.REVIEWED, "human:anne",
    )  # fmt: skip
    assert ja is not None and (ja.text, ja.note, ja.origin) == ("検察機関", "官報", "curated")
    # importing the same file again changes nothing
    again = cli("--root", str(other.root), "import", str(out))
    assert "units added: 0, updated: 0, kept: 2" in again.out


def test_exported_tmx_is_valid_and_one_language_exports(project: Project, tmp_path: Path) -> None:
    seed(project)
    dtd_path = SCHEMAS / "tmx14.dtd"
    if not dtd_path.is_file():
        pytest.skip(f"{dtd_path} is absent")
    text = cli("export", "-f", "tmx", "--lang", "ja").out
    assert etree.DTD(str(dtd_path)).validate(etree.fromstring(text.encode()))
    assert "検察機関" in text and "organes" not in text


def test_import_tmx_regional_tags_and_lang_map(project: Project, tmp_path: Path) -> None:
    seed(project)
    path = tmp_path / "colleague.tmx"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="OmegaT" creationtoolversion="6" segtype="sentence"
 o-tmf="OmegaT TMX" adminlang="EN-US" srclang="EN-US" datatype="plaintext"/><body>
<tu><tuv xml:lang="EN-US"><seg>procuratorial organs</seg></tuv>
 <tuv xml:lang="fr-CA"><seg>organes de la poursuite</seg></tuv>
 <tuv xml:lang="pt-BR"><seg>órgãos do ministério público</seg></tuv>
 <tuv xml:lang="it"><seg>organi</seg></tuv></tu>
</body></tmx>""",
        encoding="utf-8",
    )
    run = cli("import", str(path), "--lang-map", "pt-BR=es")
    assert run.code == 0, run.err
    assert run.out.splitlines() == [
        "notice: language 'fr-CA' read as 'fr'",
        "notice: language 'it' is not in this project; skipped",
        "terms added: 0; units added: 1, updated: 0, kept: 0, kept as alternatives: 1, skipped: 1",
    ]
    store = project.load_store()
    fr = store.unit("procuratorial-organs", "fr")
    assert fr is not None and fr.text == "organes du parquet"  # reviewed: never overwritten
    assert [(a.text, a.origin) for a in fr.alternatives] == [
        ("organes de la poursuite", "import:colleague.tmx")
    ]
    es = store.unit("procuratorial-organs", "es")
    assert es is not None
    assert (es.text, es.status, es.origin) == (
        "órgãos do ministério público", UnitStatus.TRANSLATED, "import:colleague.tmx",
    )  # fmt: skip


@pytest.mark.skipif(not PEERS.is_dir(), reason=f"{PEERS} is absent")
def test_invalid_tmx_is_refused_with_error_and_line(project: Project) -> None:
    seed(project)
    before = (project.glossary_dir / "terms.jsonl").read_bytes()
    path = PEERS / "omegat-invalid.tmx"
    run = cli("import", str(path))
    assert run.code == 1
    assert run.err == (
        f'Error: {path}:12: invalid TMX: <ept i="1"> closes no open <bpt i="1"> '
        "(pair each <bpt> with an <ept> of the same i in the same <seg>, or use <it>)\n"
    )
    assert (project.glossary_dir / "terms.jsonl").read_bytes() == before


@pytest.mark.skipif(not SCHEMAS.is_dir(), reason=f"{SCHEMAS} is absent")
def test_import_tbx_v3_told_by_its_root(project: Project) -> None:
    run = cli("import", str(SCHEMAS / "Example_Astronomy_TBX-Basic_DCA_VALID.tbx"))
    assert run.code == 0, run.err
    assert run.out.splitlines()[-1] == (
        "terms added: 39; units added: 39, updated: 0, kept: 0, kept as alternatives: 0, skipped: 6"
    )


def test_unknown_format_and_wrong_root(project: Project, tmp_path: Path) -> None:
    assert cli("export", "-f", "xliff").err.startswith("Error: unknown format 'xliff' (use one of ")
    path = tmp_path / "glossary.tbx"
    path.write_text("<?xml version='1.0'?>\n<tmx version='1.4'/>", encoding="utf-8")
    assert cli("import", str(path)).err == (
        f"Error: {path}:2: not a TBX file: the root element is <tmx>, not <martif> or <tbx> "
        "(pass --format for another format)\n"
    )
    assert cli("import", str(path), "--format", "tmx").err.startswith(
        f"Error: {path}:2: not a TMX file: <header> or <body> is missing"
    )


def test_csv_line_numbers_count_quoted_line_breaks(project: Project, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(
        '\ufeffen,fr\r\n"legal\r\nprocedures",procédures\r\nbad,row,extra\r\n'.encode()
    )
    run = cli("import", str(path))
    assert run.code == 1
    assert run.err.startswith(f"Error: {path}:4: 3 fields, but the header has 2")


def test_csv_summary_counts_added_kept_and_skipped(project: Project, tmp_path: Path) -> None:
    seed(project)
    path = tmp_path / "in.csv"
    path.write_text(
        "en,fr,ja,ko\nprocuratorial organs,organes du parquet,検察機関,검찰\ncourt,cour,,\n",
        encoding="utf-8",
    )
    run = cli("import", str(path))
    assert run.out.splitlines() == [
        "notice: language 'ko' is not in this project; skipped",
        "terms added: 1; units added: 1, updated: 0, kept: 2, kept as alternatives: 0, skipped: 1",
    ]
