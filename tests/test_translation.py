"""The translation library: judging hypotheses, casing, memory reuse, the run's rules."""

from __future__ import annotations

import pytest
from tests.helpers import cli

from termsmith import translation
from termsmith.engines import Hypothesis
from termsmith.engines.memory import MemoryEngine
from termsmith.model import Alternative, TermKind, UnitStatus
from termsmith.project import Project
from termsmith.translation import adjust_case, degenerate, pick


@pytest.mark.parametrize(
    ("source", "text", "lang", "reason"),
    [
        ("legal aid", "  ", "fr", "empty"),
        ("legal aid", "aide ⁇", "fr", "unknown tokens"),
        ("legal aid", "aide aide", "fr", "repeated tokens"),
        ("legal aid", "aide de l'aide de l'aide de l'aide", "fr", "repeated tokens"),
        ("supervision", "監督監督監督", "ja", "repeated tokens"),
        ("procuratorate", "прокуратурапрокуратурапрокуратура", "ru", "repeated tokens"),
        ("legal aid", "LEGAL AID", "de", "copy of the source"),
        ("legal aid", "a", "fr", "absurd length"),
        ("law", "une très longue phrase qui ne finit jamais vraiment", "fr", "absurd length"),
        ("legal aid", "aide juridictionnelle", "fr", ""),
        ("procuratorial supervision", "検察監督", "ja", ""),
        ("procuratorial supervision", "прокурорский надзор", "ru", ""),
        ("procuratorial supervision", "giám sát kiểm sát", "vi", ""),
        ("very very large", "très très grand", "fr", ""),
    ],
)
def test_degenerate(source: str, text: str, lang: str, reason: str) -> None:
    assert degenerate(source, text, lang) == reason


def test_names_may_be_copied() -> None:
    assert degenerate("Interpol", "Interpol", "fr", TermKind.NAME) == ""
    assert degenerate("Interpol", "Interpol", "fr", TermKind.TERM) == "copy of the source"


@pytest.mark.parametrize(
    ("source", "text", "lang", "kind", "expected"),
    [
        ("legal aid", "Aide juridique.", "fr", TermKind.TERM, "aide juridique"),
        ("legal aid", "Правовая помощь", "ru", TermKind.TERM, "правовая помощь"),
        ("legal aid", "Rechtshilfe", "de", TermKind.TERM, "Rechtshilfe"),
        ("legal aid", "法律援助。", "ja", TermKind.TERM, "法律援助"),
        (
            "Supreme People's Court",
            "Tribunal populaire suprême",
            "fr",
            TermKind.TERM,
            "Tribunal populaire suprême",
        ),
        ("supreme court", "Cour suprême", "fr", TermKind.NAME, "Cour suprême"),
        ("aid", "ONU aid", "fr", TermKind.TERM, "ONU aid"),
        ("et al.", "et al.", "fr", TermKind.TERM, "et al."),
    ],
)
def test_adjust_case(source: str, text: str, lang: str, kind: TermKind, expected: str) -> None:
    assert adjust_case(source, text, lang, kind) == expected


def test_pick_falls_back_to_the_next_usable_hypothesis() -> None:
    hyps = [
        Hypothesis("Legal aid", -0.1),
        Hypothesis("Aide juridique.", -0.5),
        Hypothesis("aide juridique", -0.7),
        Hypothesis("assistance judiciaire", -1.23456),
    ]
    chosen = pick("legal aid", hyps, "fr", "mt:argos/x@1")
    assert chosen is not None
    assert chosen.text == "aide juridique" and chosen.origin == "mt:argos/x@1"
    assert chosen.alternatives == [Alternative("assistance judiciaire", "mt:argos/x@1", -1.2346)]
    avoided = pick("legal aid", hyps, "fr", "mt:argos/x@1", avoid="aide juridique")
    assert avoided is not None and avoided.text == "assistance judiciaire"
    assert pick("legal aid", [Hypothesis(""), Hypothesis("legal aid")], "fr", "mt:a/b@1") is None


def test_memory_prefers_reviewed_then_lowest_id(project: Project) -> None:
    with project.transaction() as store:
        a = store.add_term("legal aid")
        b = store.add_term("Legal Aid", homograph=True)
        c = store.add_term("légal aid", homograph=True)
        store.set_unit(a.id, "fr", "aide juridique", status=UnitStatus.TRANSLATED, origin="human:x")
        store.set_unit(
            b.id, "fr", "aide légale", status=UnitStatus.REVIEWED, origin="import:tm.tmx"
        )
        store.set_unit(c.id, "fr", "brouillon", status=UnitStatus.DRAFT, origin="mt:argos/x@1")
    engine = MemoryEngine(project.load_store(), "fr")
    assert engine.lookup("LEGAL AID") == Hypothesis("aide légale", None, f"mt:memory/{b.id}@1")
    assert engine.lookup("legal aid", exclude=b.id) == Hypothesis(
        "aide juridique", None, f"mt:memory/{a.id}@1"
    )
    assert engine.translate_batch(["legal aid", "other"]) == [
        [Hypothesis("aide légale", None, f"mt:memory/{b.id}@1")],
        [],
    ]


def test_translate_with_memory_only_reports_and_rejected_units_are_redone(project: Project) -> None:
    with project.transaction() as store:
        a = store.add_term("legal aid")
        b = store.add_term("Legal aid", homograph=True, variants=[])
        store.set_unit(a.id, "fr", "aide juridique", status=UnitStatus.REVIEWED, origin="curated")
        store.set_unit(
            b.id, "fr", "aide juridique", status=UnitStatus.REJECTED, origin="mt:argos/x@1"
        )
    report = translation.translate(project, ["fr", "mn"], engine="memory")
    # the only memory match is the rejected text, so nothing is drafted for b
    fr, mn = report.languages
    assert (fr.lang, fr.translated, fr.pending) == ("fr", 0, 1)
    assert fr.skipped == "1 terms left: no MT engine configured for fr"
    assert mn.skipped and "add-ct2" in mn.hint
    assert project.load_store().units["fr"][b.id].status is UnitStatus.REJECTED


def test_translate_checks_languages_and_engines(project: Project) -> None:
    with pytest.raises(Exception, match=r"'it' is not a target language"):
        translation.translate(project, ["it"])
    with pytest.raises(Exception, match="unknown engine 'deepl'"):
        translation.translate(project, engine="deepl")
    project.config.engines = {"fr": ["deepl"]}
    assert cli("add", "legal aid").code == 0
    with pytest.raises(Exception, match=r"termsmith\.toml: unknown engine 'deepl' for fr"):
        translation.translate(project, ["fr"])


def test_memory_alone_can_satisfy_strict(project: Project) -> None:
    with project.transaction() as store:
        a = store.add_term("legal aid")
        b = store.add_term("Legal aid", homograph=True)
        store.set_unit(a.id, "fr", "aide juridique", status=UnitStatus.REVIEWED, origin="curated")
    report = translation.translate(project, ["fr"], engine="memory", term_ids=[b.id], strict=True)
    assert (report.languages[0].translated, report.skipped) == (1, [])
    unit = project.load_store().units["fr"][b.id]
    assert (unit.text, unit.status, unit.origin) == (
        "aide juridique",
        UnitStatus.DRAFT,
        f"mt:memory/{a.id}@1",
    )
    assert report.lines() == ["fr: 1 drafted, 1 of them from memory"]
