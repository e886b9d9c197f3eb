"""CLI: init, add, set, show — success and failure paths, exact messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.helpers import cli

from termsmith.project import Project


def test_init_creates_a_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("init", "g", "--languages", "fr,mn,ja")
    assert run.code == 0, run.err
    assert "target: mn  Mongolian — монгол" in run.out
    assert "target: ja  Japanese — 日本語" in run.out
    root = tmp_path / "g"
    assert {p.name for p in root.iterdir()} >= {
        "termsmith.toml",
        "seeds",
        "glossary",
        "locales",
        ".gitignore",
    }
    assert Project.find(root).config.languages == ["fr", "mn", "ja"]


def test_init_refuses_unknown_language_with_suggestion(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("init", "g", "--languages", "fr,frnch")
    assert run.code == 1
    assert run.err == "Error: unknown language code 'frnch' (did you mean 'fr' (French)?)\n"
    assert not (tmp_path / "g" / "termsmith.toml").exists()


def test_init_refuses_existing_project(project: Project) -> None:
    run = cli("init", str(project.root))
    assert run.code == 1
    assert "already exists" in run.err


def test_add_set_show(project: Project) -> None:
    assert (
        cli(
            "add",
            "Supreme People's Procuratorate",
            "--kind",
            "name",
            "--note",
            "China's top prosecution body",
        ).out
        == "supreme-peoples-procuratorate\n"
    )
    run = cli(
        "set", "supreme-peoples-procuratorate", "ru", "Верховная народная прокуратура", "--curated"
    )
    assert (
        run.out
        == "supreme-peoples-procuratorate [ru] = Верховная народная прокуратура (translated, curated, rev 1)\n"
    )
    run = cli(
        "set", "supreme-peoples-procuratorate", "ru", "Верховная народная прокуратура", "--curated"
    )
    assert run.out == "supreme-peoples-procuratorate [ru] unchanged\n"
    run = cli(
        "set",
        "supreme-peoples-procuratorate",
        "ru",
        "Верховная народная прокуратура КНР",
        "--by",
        "olga",
        "--status",
        "reviewed",
    )
    assert "(reviewed, human:olga, rev 2)" in run.out
    show = cli("show", "supreme-peoples-procuratorate")
    assert show.code == 0
    assert (
        "supreme-peoples-procuratorate: Supreme People's Procuratorate  [accepted, name]"
        in show.out
    )
    assert "  note: China's top prosecution body" in show.out
    assert "  ru\tВерховная народная прокуратура КНР\treviewed\thuman:olga\trev 2" in show.out
    assert "  fr\t—\tmissing" in show.out
    data = json.loads(cli("show", "supreme-peoples-procuratorate", "--json").out)
    assert data["translations"]["ru"]["rev"] == 2


def test_add_existing_term_keeps_its_id(project: Project) -> None:
    cli("add", "legal procedures")
    run = cli("add", "legal procedures")
    assert run.out.startswith("legal-procedures\t(already in the glossary")
    assert cli("add", "legal procedures", "--homograph").out == "legal-procedures-2\n"


def test_add_abbreviation_links_expansion(project: Project) -> None:
    cli("add", "Supreme People's Procuratorate")
    assert cli("add", "SPP", "--expands", "supreme-peoples-procuratorate").code == 0
    assert "abbreviation of: supreme-peoples-procuratorate" in cli("show", "spp").out
    run = cli("add", "XYZ", "--expands", "nothing")
    assert run.code == 1
    assert run.err.startswith("Error: no term with id 'nothing'")
    assert project.load_store().find("XYZ") == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("set", "nope", "fr", "x"),
            "Error: no term with id 'nope' (list terms with 'termsmith export')\n",
        ),
        (
            ("set", "legal-procedures", "xx", "x"),
            "Error: unknown language code 'xx' (use an ISO 639 code such as 'fr' or 'ru')\n",
        ),
        (
            ("set", "legal-procedures", "it", "x"),
            "Error: 'it' is not a target language of this project (use one of fr, ru, es, de, ja, mn, vi or add it to termsmith.toml)\n",
        ),
        (
            ("set", "legal-procedures", "fr", "  "),
            "Error: the translation is empty (give the text in quotes)\n",
        ),
        (
            ("show", "legal-procedure"),
            "Error: no term with id 'legal-procedure' (did you mean 'legal-procedures'?)\n",
        ),
    ],
)
def test_user_errors_are_one_line_without_traceback(
    project: Project, args: tuple[str, ...], message: str
) -> None:
    cli("add", "legal procedures")
    run = cli(*args)
    assert run.code == 1
    assert run.err == message


def test_usage_error_exits_2(project: Project) -> None:
    assert cli("set", "only-one-arg").code == 2
    assert cli("add", "x", "--status", "maybe").code == 2


def test_outside_a_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("show", "x")
    assert run.code == 1
    assert "no termsmith.toml in" in run.err
    assert "termsmith init" in run.err


def test_root_option_finds_project_elsewhere(
    project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cli("add", "international law")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert cli("--root", str(project.root), "show", "international-law").code == 0


def test_project_found_from_subdirectory(project: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    cli("add", "international law")
    monkeypatch.chdir(project.root / "seeds")
    assert cli("show", "international-law").code == 0


def test_corrupt_store_is_reported_with_file_and_line(project: Project) -> None:
    cli("add", "international law")
    (project.glossary_dir / "terms.jsonl").write_text(
        '{"id": "a", "term": "a"}\n{oops\n', encoding="utf-8"
    )
    run = cli("show", "a")
    assert run.code == 1
    assert run.err.startswith(f"Error: {project.glossary_dir / 'terms.jsonl'}:2: not valid JSON")


def test_version() -> None:
    from termsmith import __version__

    assert cli("--version").out == f"termsmith {__version__}\n"
