"""CLI: check and check-text — exit codes, exact messages, JSON, the pre-commit hook."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import yaml
from tests.helpers import cli

from termsmith import catalogs
from termsmith.model import Alternative, TermStatus, UnitStatus
from termsmith.project import Project

ROOT = Path(__file__).resolve().parents[2]

TRANSLATIONS = {
    "fr": "organes du parquet",
    "ru": "прокурорские органы",
    "es": "órganos fiscales",
    "de": "Organe der Staatsanwaltschaft",
    "ja": "検察機関",
    "mn": "прокурорын байгууллага",
    "vi": "cơ quan kiểm sát",
}


def complete_glossary(project: Project) -> None:
    """One accepted term, reviewed in every language, with its catalogs written."""
    with project.transaction() as store:
        term = store.add_term("procuratorial organs", status=TermStatus.ACCEPTED)
        for lang, text in TRANSLATIONS.items():
            store.set_unit(term.id, lang, text, status=UnitStatus.REVIEWED, origin="curated")
    catalogs.write_all(project, project.load_store())


def break_glossary(project: Project) -> None:
    """A new term without translations, a merge conflict and a stale catalog."""
    with project.transaction() as store:
        store.add_term("judicial organs", status=TermStatus.ACCEPTED)
        store.set_unit(
            "procuratorial-organs",
            "fr",
            "organes du parquet",
            status=UnitStatus.REVIEWED,
            origin="curated",
            alternatives=[Alternative("organes procuratoriaux", "human:ana")],
            conflict=True,
        )


# --- check --------------------------------------------------------------------------


def test_check_strict_passes_on_a_complete_glossary(project: Project) -> None:
    complete_glossary(project)
    run = cli("check", "--strict")
    assert run.code == 0, run.out + run.err
    assert run.out.splitlines()[-1] == "0 errors, 0 warnings, 0 notes"
    assert "coverage\tfr\treviewed 1, translated 0, draft 0, missing 0 of 1" in run.out
    assert run.err == ""


def test_check_strict_fails_on_a_broken_glossary_with_useful_messages(project: Project) -> None:
    complete_glossary(project)
    break_glossary(project)
    run = cli("check", "--strict")
    assert run.code == 1
    lines = run.out.splitlines()
    assert (
        "error\tconflict\tfr\tprocuratorial-organs\tmerge conflict: kept 'organes du parquet' "
        "(curated), other side 'organes procuratoriaux' (human:ana); resolve with "
        "'termsmith set procuratorial-organs fr TEXT'"
    ) in lines
    assert (
        "error\tmissing\tde\tjudicial-organs\t'judicial organs' has no translation in de" in lines
    )
    assert (
        "error\tcatalog\tfr\tlocales/fr/LC_MESSAGES/glossary.po\tlocales/fr/LC_MESSAGES/"
        "glossary.po differs from the store: read translators' edits back with "
        "'termsmith po sync', or regenerate it with 'termsmith po'"
    ) in lines
    assert lines[-1] == "16 errors, 0 warnings, 0 notes"
    assert run.err == (
        "Error: check failed: 16 errors, 0 warnings, 0 notes (fix the error-level findings "
        "above, or run without --strict)\n"
    )


def test_check_without_strict_reports_but_succeeds(project: Project) -> None:
    complete_glossary(project)
    break_glossary(project)
    run = cli("check")
    assert run.code == 0
    assert "error\tconflict" in run.out


def test_check_json(project: Project) -> None:
    complete_glossary(project)
    break_glossary(project)
    run = cli("check", "--format", "json", "--only", "conflict", "--only", "missing")
    assert run.code == 0
    report = json.loads(run.out)
    assert report["summary"] == {"errors": 8, "warnings": 0, "notes": 0}
    assert report["coverage"]["fr"] == {
        "accepted": 2,
        "missing": 1,
        "draft": 0,
        "translated": 0,
        "reviewed": 1,
        "conflict": 1,
    }
    assert {f["check"] for f in report["findings"]} == {"conflict", "missing"}
    assert report["findings"][0] == {
        "level": "error",
        "check": "missing",
        "term_id": "judicial-organs",
        "lang": "de",
        "message": "'judicial organs' has no translation in de",
    }


def test_check_refuses_an_unknown_check(project: Project) -> None:
    run = cli("check", "--only", "spelling")
    assert run.code == 2
    assert "unknown check 'spelling'" in run.err


def test_check_on_a_corrupt_store_names_file_and_line(project: Project) -> None:
    (project.glossary_dir / "terms.jsonl").write_text(
        '{"id": "a", "term": "a", "status": "accepted"}\n{"id": "b", "term": \n',
        encoding="utf-8",
    )
    run = cli("check", "--strict")
    assert run.code == 1
    assert run.err.startswith(f"Error: {project.glossary_dir / 'terms.jsonl'}:2: not valid JSON")


def test_pre_commit_hook_runs_check_strict(project: Project) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    [hook] = [h for h in hooks if h["id"] == "termsmith-check"]
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    program, *args = shlex.split(hook["entry"])
    assert program == "termsmith"
    complete_glossary(project)
    assert cli(*args).code == 0
    break_glossary(project)
    assert cli(*args).code == 1


# --- check-text ---------------------------------------------------------------------


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return path.name


def test_check_text_passes_when_the_glossary_is_followed(project: Project) -> None:
    complete_glossary(project)
    src = write(project.root / "src.txt", "Title\nProcuratorial organs must act.\n")
    dst = write(project.root / "ru.txt", "Заголовок\nПрокурорским органам следует действовать.\n")
    run = cli("check-text", src, dst, "--lang", "ru")
    assert run.code == 0, run.err
    assert run.out == (
        "src.txt:2:1: ok: 'Procuratorial organs' (procuratorial-organs) is rendered "
        "'прокурорские органы' in translation line 2\n"
        "1 glossary term occurrence checked line by line: 1 ok, 0 missing, "
        "0 with other accents, 0 without a glossary rendering\n"
    )


def test_check_text_fails_naming_term_and_line(project: Project) -> None:
    complete_glossary(project)
    src = write(project.root / "src.txt", "Procuratorial organs must act.\nNothing.\n")
    dst = write(project.root / "ja.txt", "検察庁は行動しなければならない。\n何も。\n")
    run = cli("check-text", src, dst, "-l", "ja")
    assert run.code == 1
    assert run.out.splitlines()[0] == (
        "src.txt:1:1: missing: 'Procuratorial organs' (procuratorial-organs) should be "
        "rendered '検察機関'; not found in translation line 1"
    )
    assert run.err == (
        "Error: 1 glossary term occurrence not rendered as the glossary says: "
        "'Procuratorial organs' (line 1) (use the glossary rendering, or change the "
        "glossary with 'termsmith set')\n"
    )


def test_check_text_json(project: Project) -> None:
    complete_glossary(project)
    src = write(project.root / "src.txt", "procuratorial organs")
    dst = write(project.root / "vi.txt", "cơ quan kiem sat\nmột dòng nữa")
    run = cli("check-text", src, dst, "--lang", "vi", "--format", "json")
    assert run.code == 1
    report = json.loads(run.out)
    assert (report["source"], report["translation"], report["lang"]) == (src, dst, "vi")
    assert report["aligned"] is False
    assert report["ok"] is False
    [occurrence] = report["occurrences"]
    assert (occurrence["verdict"], occurrence["level"], occurrence["translation_line"]) == (
        "accents",
        "error",
        1,
    )


def test_check_text_errors(project: Project) -> None:
    src = write(project.root / "src.txt", "text")
    run = cli("check-text", src, "missing.txt", "--lang", "fr")
    assert (run.code, run.err) == (1, "Error: missing.txt: no such file (check the path)\n")
    run = cli("check-text", src, src, "--lang", "it")
    assert run.code == 1
    assert run.err.startswith("Error: 'it' is not a target language of this project")
    assert cli("check-text", src, src).code == 2  # --lang is required
