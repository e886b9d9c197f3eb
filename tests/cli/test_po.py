"""CLI: ``termsmith po``, ``po --mo``, ``po sync``, and PO through export/import."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import cli

from termsmith.project import Project

FR = Path("locales/fr/LC_MESSAGES/glossary.po")


def seed() -> None:
    cli("add", "procuratorial organs")
    cli("set", "procuratorial-organs", "fr", "organes du parquet", "--curated")
    cli("add", "extradition")


def test_po_writes_catalogs_once(project: Project) -> None:
    seed()
    run = cli("po")
    assert run.code == 0, run.err
    assert "Wrote locales/glossary.pot" in run.err and f"Wrote {FR}" in run.err
    assert 'msgstr "organes du parquet"' in FR.read_text(encoding="utf-8")
    again = cli("po")
    assert (again.code, again.err) == (0, "Catalogs are up to date.\n")


def test_po_mo_compiles(project: Project) -> None:
    seed()
    run = cli("po", "--mo")
    assert run.code == 0, run.err
    assert "Wrote locales/fr/LC_MESSAGES/glossary.mo" in run.err
    assert Path("locales/fr/LC_MESSAGES/glossary.mo").is_file()


def test_po_sync_reads_a_review(project: Project) -> None:
    seed()
    cli("po")
    text = FR.read_text(encoding="utf-8")
    text = text.replace('"Last-Translator: \\n"', '"Last-Translator: Ana <ana@example.org>\\n"')
    text = text.replace(
        'msgid "extradition"\nmsgstr ""', 'msgid "extradition"\nmsgstr "extradition"'
    )
    FR.write_text(text, encoding="utf-8")
    run = cli("po", "sync")
    assert run.code == 0, run.err
    assert run.out == "reviewed: 1, drafts: 0, notes: 0, conflicts: 0, unchanged: 13\n"
    assert f"Wrote {FR}" in run.err
    show = cli("show", "extradition")
    assert "human:Ana" in show.out
    assert cli("po").err == "Catalogs are up to date.\n"


def test_po_sync_syntax_error(project: Project) -> None:
    seed()
    cli("po")
    lines = FR.read_text(encoding="utf-8").split("\n")
    number = lines.index('msgstr "organes du parquet"') + 1
    lines[number - 1] = 'msgstr "organes du parquet'
    FR.write_text("\n".join(lines), encoding="utf-8")
    run = cli("po", "sync")
    assert run.code == 1
    assert run.err.startswith(f"Error: {project.root / FR}:{number}: unterminated string")


def test_export_and_import_po(project: Project, tmp_path: Path) -> None:
    seed()
    cli("po")
    run = cli("export", "--format", "po", "--lang", "fr")
    assert run.code == 0 and run.out == FR.read_text(encoding="utf-8")
    missing = cli("export", "--format", "po")
    assert missing.code == 1 and "Error: the po format holds one language" in missing.err
    out = tmp_path / "fr.po"
    out.write_text(
        run.out.replace(
            'msgid "extradition"\nmsgstr ""', 'msgid "extradition"\nmsgstr "extradition"'
        ),
        encoding="utf-8",
    )
    imported = cli("import", str(out))
    assert imported.code == 0, imported.err
    assert "units added: 1" in imported.out


def test_po_refuses_to_overwrite_edits_not_read_back(project: Project) -> None:
    seed()
    cli("po")
    text = FR.read_text(encoding="utf-8")
    edited = text.replace('msgstr "organes du parquet"', 'msgstr "organes du ministère public"')
    FR.write_text(edited, encoding="utf-8")
    line = edited.split("\n").index('msgstr "organes du ministère public"') - 2
    run = cli("po")
    assert run.code == 1
    assert run.err == (
        f"Error: PO files hold edits not yet read back: {FR}:{line}: fr/procuratorial-organs "
        "(read them into the glossary with 'termsmith po sync', or pass --force to discard them)\n"
    )
    assert FR.read_text(encoding="utf-8") == edited
    forced = cli("po", "--force")
    assert forced.code == 0 and FR.read_text(encoding="utf-8") == text
