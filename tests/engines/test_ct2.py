"""The multilingual model registry and the NLLB/M2M language tokens."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.tinymodels import TinyModels, tiny_models  # noqa: F401

from termsmith.engines import ct2
from termsmith.errors import EngineError

names = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=20
)


@settings(max_examples=40, deadline=None)
@given(
    entries=st.lists(
        st.builds(
            ct2.Registered,
            name=names,
            family=st.sampled_from(list(ct2.Family)),
            path=names.map(lambda s: Path("/models") / s.replace("/", "\\").replace("\x00", "")),
            version=names,
            languages=st.lists(st.sampled_from(sorted(ct2.NLLB_CODES)), unique=True).map(tuple),
        ),
        unique_by=lambda e: e.name,
        max_size=4,
    )
)
def test_registry_round_trip(
    entries: list[ct2.Registered], tmp_path_factory: pytest.TempPathFactory
) -> None:
    directory = tmp_path_factory.mktemp("registry")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("TERMSMITH_MODELS_DIR", str(directory))
        ct2._save_registry(entries)
        assert ct2.load_registry() == sorted(entries, key=lambda e: e.name)


def test_default_registry_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("TERMSMITH_MODELS_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert ct2.registry_dir() == tmp_path / "termsmith"


def test_a_damaged_registry_names_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TERMSMITH_MODELS_DIR", str(tmp_path))
    (tmp_path / "models.json").write_text('{"models": [{"name": 1}]}', encoding="utf-8")
    with pytest.raises(EngineError, match=r"models\.json: unreadable model registry"):
        ct2.load_registry()


def test_nllb_tokens_frame_the_source_and_prefix_the_target(tiny_models: TinyModels) -> None:  # noqa: F811
    entry = ct2.add(tiny_models.nllb, ct2.Family.NLLB, name="t")
    engine = ct2.Ct2Engine(entry, "mn")
    assert (engine.source_token, engine.target_token) == ("eng_Latn", "khk_Cyrl")
    first = engine.translate_batch(["procuratorial supervision", "law"], num_hypotheses=3)
    assert [len(h) for h in first] == [3, 3]
    assert all("khk_Cyrl" not in h.text and "</s>" not in h.text for row in first for h in row)
    assert engine.translate_batch(["law", "procuratorial supervision"], 3) == first[::-1]
    assert engine.model_id == f"mt:ct2/t@{entry.version}"
    assert len(entry.version) == 12, "a content hash of the weights"


def test_m2m100_family(tmp_path: Path) -> None:
    from tests.tinymodels import build_nllb_dir

    codes = [f"__{c}__" for c in ("en", "fr", "mn", "xx")]
    model = build_nllb_dir(tmp_path / "m2m", tmp_path / "work", languages=codes)
    entry = ct2.add(model, ct2.Family.M2M100)
    assert (entry.name, entry.languages) == ("m2m", ("fr", "mn"))
    engine = ct2.Ct2Engine(entry, "fr")
    assert (engine.source_token, engine.target_token) == ("__en__", "__fr__")
    rows = engine.translate_batch(["legal aid"], num_hypotheses=2)
    assert len(rows[0]) == 2 and all("__fr__" not in h.text for h in rows[0])
    with pytest.raises(EngineError, match="no eng_Latn token"):
        ct2.add(model, ct2.Family.NLLB)
