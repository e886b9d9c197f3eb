"""``termsmith translate`` with real (tiny, random) Argos and NLLB models installed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import LANGUAGES
from tests.helpers import cli
from tests.tinymodels import ARGOS_TARGETS, TinyModels, tiny_models  # noqa: F401

from termsmith.model import UnitStatus
from termsmith.project import Project

TERM = "procuratorial supervision"
TERMS = [TERM, "foreign-related prosecution", "mutual legal assistance", "procuratorial organs"]


def install(models: TinyModels, langs: tuple[str, ...] = ARGOS_TARGETS) -> None:
    files = [str(models.packages[lang]) for lang in langs]
    assert cli("models", "install", *files).code == 0
    added = cli("models", "add-ct2", str(models.nllb), "--family", "nllb", "--name", "nllb-tiny")
    assert added.code == 0, added.err


def units(project: Project, lang: str) -> dict[str, dict[str, object]]:
    path = project.glossary_dir / "units" / f"{lang}.jsonl"
    if not path.exists():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    return {obj["id"]: obj for obj in map(json.loads, lines)}


def snapshot(project: Project) -> dict[str, bytes]:
    return {
        str(p.relative_to(project.root)): p.read_bytes()
        for p in sorted(project.glossary_dir.rglob("*.jsonl"))
    }


@pytest.fixture
def seeded(project: Project, tiny_models: TinyModels) -> Project:  # noqa: F811
    for term in TERMS:
        assert cli("add", term).code == 0
    install(tiny_models)
    return project


def test_every_target_gets_a_draft_with_provenance_and_alternatives(seeded: Project) -> None:
    run = cli("translate")
    assert run.code == 0, run.err
    for lang in LANGUAGES:
        unit = units(seeded, lang)["procuratorial-supervision"]
        assert unit["status"] == "draft"
        assert str(unit["text"]).strip()
        engine = "ct2/nllb-tiny@" if lang == "mn" else f"argos/translate-en_{lang}@0.1"
        assert str(unit["origin"]).startswith(f"mt:{engine}")
        assert f"{lang}: " in run.out
    alternatives = [
        alt
        for lang in LANGUAGES
        for u in units(seeded, lang).values()
        for alt in u.get("alternatives", [])  # type: ignore[attr-defined]
    ]
    assert alternatives, "n-best hypotheses are kept"
    assert all(
        isinstance(a["score"], float) and a["origin"].startswith("mt:") for a in alternatives
    )


def test_rerun_is_a_no_op_and_output_is_deterministic(seeded: Project) -> None:
    assert cli("translate").code == 0
    first = snapshot(seeded)
    assert cli("translate").code == 0
    assert snapshot(seeded) == first
    # the same models give the same drafts from scratch
    assert cli("translate", "--retranslate").code == 0
    assert snapshot(seeded) == first


def test_reviewed_units_are_never_overwritten(seeded: Project) -> None:
    assert (
        cli(
            "set", "procuratorial-supervision", "fr", "contrôle du parquet", "--status", "reviewed"
        ).code
        == 0
    )
    assert cli("translate", "--lang", "fr").code == 0
    unit = units(seeded, "fr")["procuratorial-supervision"]
    assert (unit["text"], unit["status"]) == ("contrôle du parquet", "reviewed")
    assert units(seeded, "fr")["procuratorial-organs"]["status"] == "draft"
    assert set(units(seeded, "ru")) == set(), "--lang limits the run"


def test_retranslate_keeps_the_persons_text_as_an_alternative(seeded: Project) -> None:
    assert (
        cli(
            "set",
            "procuratorial-supervision",
            "fr",
            "contrôle du parquet",
            "--status",
            "reviewed",
            "--by",
            "ana",
        ).code
        == 0
    )
    assert (
        cli(
            "translate", "--lang", "fr", "--retranslate", "--term", "procuratorial-supervision"
        ).code
        == 0
    )
    unit = units(seeded, "fr")["procuratorial-supervision"]
    assert unit["status"] == "draft" and str(unit["origin"]).startswith("mt:argos/")
    assert unit["alternatives"][0] == {"text": "contrôle du parquet", "origin": "human:ana"}  # type: ignore[index]
    before = snapshot(seeded)
    assert (
        cli(
            "translate", "--lang", "fr", "--retranslate", "--term", "procuratorial-supervision"
        ).code
        == 0
    )
    assert snapshot(seeded) == before


def test_term_option_limits_the_run(seeded: Project) -> None:
    assert cli("translate", "--term", "procuratorial-organs", "--lang", "de").code == 0
    assert set(units(seeded, "de")) == {"procuratorial-organs"}
    missing = cli("translate", "--term", "no-such-term")
    assert missing.code == 1 and "no-such-term" in missing.err


def test_memory_reuses_a_translation_of_the_same_english_term(seeded: Project) -> None:
    assert cli("add", "Procuratorial Supervision", "--homograph").code == 0
    assert cli("set", "procuratorial-supervision", "vi", "giám sát kiểm sát").code == 0
    assert cli("translate", "--lang", "vi", "--engine", "memory").code == 0
    table = units(seeded, "vi")
    reused = [u for k, u in table.items() if k != "procuratorial-supervision"]
    assert [(u["text"], u["origin"]) for u in reused] == [
        ("giám sát kiểm sát", "mt:memory/procuratorial-supervision@1")
    ]


def test_language_without_an_engine_is_skipped_with_a_how_to(
    project: Project,
    tiny_models: TinyModels,  # noqa: F811
) -> None:
    assert cli("add", TERM).code == 0
    assert cli("models", "install", str(tiny_models.packages["fr"])).code == 0
    run = cli("translate")
    assert run.code == 0
    assert units(project, "fr")["procuratorial-supervision"]["status"] == "draft"
    assert "mn: 0 drafted; skipped: 1 terms left: no argos or ct2 model for en→mn" in run.err
    assert "models add-ct2 DIR --family nllb" in run.err
    assert "termsmith models install en-ru" in run.err
    strict = cli("translate", "--strict")
    assert strict.code == 1
    assert strict.err.startswith("Error: no translation model for ru, es, de, ja, mn, vi (")


def test_without_any_model_each_language_says_what_to_install(project: Project) -> None:
    assert cli("add", TERM).code == 0
    run = cli("translate")
    assert run.code == 0
    for lang in LANGUAGES:
        assert f"{lang}: 0 drafted; skipped:" in run.err
    assert not units(project, "fr")


def test_a_corrupt_model_fails_its_language_only(seeded: Project) -> None:
    root = Path(cli("models", "list").out.split("\n")[0].split("\t")[-1])
    (root / "model" / "model.bin").write_bytes(b"not a model")
    run = cli("translate")
    assert run.code == 1
    assert "fr: error: cannot load the model in" in run.err
    assert "termsmith models remove translate-en_fr" in run.err
    assert units(seeded, "ru"), "the other languages are saved"
    assert not units(seeded, "fr")


def test_a_missing_registered_model_is_an_error(seeded: Project, tiny_models: TinyModels) -> None:  # noqa: F811
    moved = tiny_models.nllb.with_name("nllb-moved")
    tiny_models.nllb.rename(moved)
    try:
        run = cli("translate", "--lang", "mn")
        listing = cli("models", "list")
    finally:
        moved.rename(tiny_models.nllb)
    assert run.code == 1
    assert f"mn: error: model 'nllb-tiny': {tiny_models.nllb} is missing" in run.err
    assert "BROKEN" in listing.out


def test_engine_option_is_checked(seeded: Project) -> None:
    run = cli("translate", "--engine", "google")
    assert run.code == 2
    assert "'google' is not one of memory, argos, ct2" in run.err


def test_ct2_engine_can_translate_every_language(seeded: Project) -> None:
    assert cli("translate", "--engine", "ct2", "--term", "procuratorial-organs").code == 0
    for lang in LANGUAGES:
        unit = units(seeded, lang)["procuratorial-organs"]
        assert str(unit["origin"]).startswith("mt:ct2/nllb-tiny@")


def test_units_are_drafts_in_the_store(seeded: Project) -> None:
    assert cli("translate", "--lang", "ja").code == 0
    store = seeded.load_store()
    assert {u.status for u in store.units["ja"].values()} == {UnitStatus.DRAFT}


def test_add_translate_po_leaves_a_fuzzy_draft_in_every_catalog(
    project: Project,
    tiny_models: TinyModels,  # noqa: F811
) -> None:
    """The issue's "done when": add → translate → po, all seven catalogs."""
    import polib

    from termsmith import catalogs

    install(tiny_models)
    assert cli("add", TERM).code == 0
    assert cli("translate").code == 0
    assert cli("po").code == 0
    for lang in LANGUAGES:
        catalog = polib.pofile(str(catalogs.po_path(project, lang)))
        entry = next(e for e in catalog if e.msgid == TERM)
        assert entry.msgstr.strip(), lang
        assert "fuzzy" in entry.flags, lang
        assert entry.msgstr == units(project, lang)["procuratorial-supervision"]["text"]


def test_a_rejected_draft_is_translated_again_differently(seeded: Project) -> None:
    assert cli("translate", "--lang", "es", "--term", "procuratorial-supervision").code == 0
    first = units(seeded, "es")["procuratorial-supervision"]
    rejected = str(first["text"])
    assert cli("set", "procuratorial-supervision", "es", rejected, "--status", "rejected").code == 0
    assert cli("translate", "--lang", "es", "--term", "procuratorial-supervision").code == 0
    again = units(seeded, "es")["procuratorial-supervision"]
    assert again["status"] == "draft" and again["text"] != rejected
    assert again["text"] == first["alternatives"][0]["text"]  # type: ignore[index]
