"""CLI: ``termsmith lookup``: output forms, exit codes, an index that follows the store."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.helpers import cli

from termsmith.project import Project

INDEX = Path(".termsmith/index.sqlite")
FR_PO = Path("locales/fr/LC_MESSAGES/glossary.po")


def seed() -> None:
    cli("add", "procuratorial organs")
    cli("set", "procuratorial-organs", "fr", "organes du parquet", "--status", "reviewed")
    cli("set", "procuratorial-organs", "ru", "органы прокуратуры", "--status", "draft")
    cli("set", "procuratorial-organs", "ja", "検察機関")
    cli("add", "Supreme People's Procuratorate")
    cli("set", "supreme-peoples-procuratorate", "ru", "Верховная народная прокуратура")
    cli("set", "supreme-peoples-procuratorate", "ja", "最高人民検察院")


def lookup(*args: str) -> tuple[int, str, str]:
    run = cli("lookup", *args)
    return run.code, run.out, run.err


def test_plain_output_lists_every_language_with_status(project: Project) -> None:
    seed()
    code, out, err = lookup("parquet")
    assert code == 0
    assert out == (
        "procuratorial-organs\tprocuratorial organs\taccepted\t"
        "substring match in fr: organes du parquet\n"
        "  fr\torganes du parquet\treviewed\n"
        "  ru\tорганы прокуратуры\tdraft\n"
        "  es\t—\tmissing\n"
        "  de\t—\tmissing\n"
        "  ja\t検察機関\ttranslated\n"
        "  mn\t—\tmissing\n"
        "  vi\t—\tmissing\n"
    )
    assert "rebuilding" in err  # the first lookup builds the index


def test_reverse_lookup_in_russian_and_japanese(project: Project) -> None:
    seed()
    code, out, _ = lookup("прокуратура")
    assert code == 0
    assert out.startswith("supreme-peoples-procuratorate\t")
    assert "substring match in ru: Верховная народная прокуратура" in out
    code, out, _ = lookup("検察")
    heads = [line.split("\t")[0] for line in out.splitlines() if not line.startswith(" ")]
    assert heads == ["procuratorial-organs", "supreme-peoples-procuratorate"]


def test_lang_shows_only_that_language(project: Project) -> None:
    seed()
    code, out, _ = lookup("検察", "--lang", "ja", "--limit", "1")
    assert code == 0
    assert out == (
        "procuratorial-organs\tprocuratorial organs\taccepted\tprefix match in ja: 検察機関\n"
        "  ja\t検察機関\ttranslated\n"
    )
    assert lookup("parquet", "--lang", "ru")[0] == 1


def test_lang_of_the_source_searches_terms(project: Project) -> None:
    seed()
    code, out, _ = lookup("PROCURATOR", "--lang", "en")
    assert code == 0 and out.startswith("procuratorial-organs\t")
    assert lookup("parquet", "--lang", "en")[0] == 1


def test_json(project: Project) -> None:
    seed()
    code, out, _ = lookup("procuratorial organz", "--fuzzy", "--json")
    assert code == 0
    data = json.loads(out)
    assert [d["id"] for d in data] == ["procuratorial-organs"]
    assert data[0]["match"] == {
        "how": "fuzzy",
        "lang": "en",
        "field": "term",
        "text": "procuratorial organs",
        "score": 95.0,
    }
    assert data[0]["translations"]["fr"] == {"text": "organes du parquet", "status": "reviewed"}
    assert sorted(data[0]["translations"]) == ["fr", "ja", "ru"]


def test_fuzzy_plain_shows_the_percentage(project: Project) -> None:
    seed()
    code, out, _ = lookup("organes du parqet", "--fuzzy")
    assert code == 0
    assert out.split("\n")[0].endswith("fuzzy 94.4% match in fr: organes du parquet")


def test_no_match_exits_1_with_a_message(project: Project) -> None:
    seed()
    assert lookup("parquet")[0] == 0  # builds the index, with a notice
    assert lookup("extradition") == (1, "", "No term matches 'extradition'; try --fuzzy.\n")
    code, out, err = lookup("extradition", "--json", "--fuzzy")
    assert (code, json.loads(out), err) == (1, [], "No term matches 'extradition'.\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["x", "--lang", "xx"], "'xx' is not a language of this project; use one of en, fr, ru"),
        (["x", "--limit", "0"], "--limit"),
        (["  "], "the query is empty"),
    ],
)
def test_usage_errors_exit_2(project: Project, args: list[str], message: str) -> None:
    seed()
    code, _, err = lookup(*args)
    assert code == 2
    assert message in " ".join(err.replace("│", " ").split())


def test_outside_a_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = lookup("parquet")
    assert code == 1 and err.startswith("Error: no termsmith.toml in")


def test_index_follows_set(project: Project) -> None:
    seed()
    assert lookup("parquet")[0] == 0
    cli("set", "procuratorial-organs", "fr", "ministère public")
    assert lookup("parquet")[0] == 1
    code, out, err = lookup("ministere")
    assert code == 0 and "prefix match in fr: ministère public" in out
    assert err == ""  # a routine rebuild says nothing


def test_index_follows_import(project: Project, tmp_path: Path) -> None:
    seed()
    assert lookup("extradition")[0] == 1
    csv = tmp_path / "more.csv"
    csv.write_text("en,fr,mn\nextradition,extradition,шилжүүлэн өгөх\n", encoding="utf-8")
    assert cli("import", str(csv)).code == 0
    code, out, _ = lookup("ШИЛЖҮҮЛЭН")
    assert code == 0 and out.startswith("extradition\textradition\t")


def test_index_follows_po_sync(project: Project) -> None:
    seed()
    cli("add", "extradition")
    assert cli("po").code == 0
    text = FR_PO.read_text(encoding="utf-8")
    text = text.replace('msgid "extradition"\nmsgstr ""', 'msgid "extradition"\nmsgstr "remise"')
    FR_PO.write_text(text, encoding="utf-8")
    assert lookup("remise")[0] == 1
    assert cli("po", "sync").code == 0
    code, out, _ = lookup("remise")
    assert code == 0 and out.startswith("extradition\t")


def test_deleted_index_is_rebuilt_with_a_notice(project: Project) -> None:
    seed()
    lookup("parquet")
    INDEX.unlink()
    code, out, err = lookup("parquet")
    assert code == 0 and out.startswith("procuratorial-organs\t")
    assert err == f"notice: the lookup index was not built yet; rebuilding {project.root / INDEX}\n"


def test_corrupt_index_is_rebuilt_with_a_notice(project: Project) -> None:
    seed()
    lookup("parquet")
    INDEX.write_bytes(b"\0garbage" * 512)
    code, out, err = lookup("parquet")
    assert code == 0 and out.startswith("procuratorial-organs\t")
    assert err == f"notice: the lookup index was unreadable; rebuilding {project.root / INDEX}\n"


def test_root_option(project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seed()
    monkeypatch.chdir(tmp_path)
    run = cli("--root", str(project.root), "lookup", "parquet")
    assert run.code == 0 and run.out.startswith("procuratorial-organs\t")


# --- what the lookup path imports ------------------------------------------------

_PROBE = """
import sys
sys.argv = ["termsmith", "lookup", *sys.argv[1:]]
from termsmith.cli.main import app
try:
    app()
except SystemExit:
    pass
print(" ".join(sorted({m.split(".")[0] for m in sys.modules})), file=sys.stderr)
"""

#: never on the lookup path: model runtimes and what only other commands need
HEAVY = ["argostranslate", "ctranslate2", "sentencepiece", "wordfreq", "babel", "numpy", "lxml"]


def _imported(*args: str) -> set[str]:
    run = subprocess.run(
        [sys.executable, "-c", _PROBE, *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return set(run.stderr.strip().splitlines()[-1].split())


def test_lookup_imports_nothing_heavy(project: Project) -> None:
    # A subprocess, piped: so rich (terminal tables only) and rapidfuzz (--fuzzy only) must not
    # load either.
    seed()
    modules = _imported("parquet")
    assert "termsmith" in modules and "sqlite3" in modules
    assert sorted(modules & {*HEAVY, "rich", "rapidfuzz"}) == []
    assert "rapidfuzz" in _imported("parquet", "--fuzzy")


def test_lookup_does_not_import_polib(project: Project) -> None:
    seed()
    assert "polib" not in _imported("parquet")


def test_terminal_gets_a_table(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    import termsmith.cli.lookup as lookup_cli

    seed()
    cli("set", "procuratorial-organs", "es", "órganos [fiscales]")  # brackets are not markup
    monkeypatch.setattr(lookup_cli, "is_terminal", lambda: True)
    code, out, _ = lookup("parquet")
    assert code == 0
    assert "procuratorial-organs: procuratorial organs  [accepted]" in out
    rows = [" ".join(line.strip("│ ").split()) for line in out.splitlines()]
    assert "fr │ organes du parquet │ reviewed" in rows
    assert "es │ órganos [fiscales] │ translated" in rows
    assert "de │ — │ missing" in rows
    assert "substring match in fr: organes du parquet" in out
