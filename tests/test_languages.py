"""Language codes and names."""

from __future__ import annotations

import pytest

from termsmith.errors import LanguageError
from termsmith.languages import describe, normalize_code, validate


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("fr", "French — français"),
        ("ru", "Russian — русский"),
        ("mn", "Mongolian — монгол"),
        ("ja", "Japanese — 日本語"),
        ("vi", "Vietnamese — Tiếng Việt"),
        ("en", "English"),
    ],
)
def test_our_languages_have_english_and_native_names(code: str, name: str) -> None:
    assert describe(validate(code)) == name


def test_tags_are_normalised() -> None:
    assert normalize_code("pt_br") == "pt-BR"
    assert validate("FR") == "fr"


@pytest.mark.parametrize(
    ("code", "suggestion"), [("frnch", "'fr'"), ("Mongolian", "'mn'"), ("russain", "'ru'")]
)
def test_unknown_code_suggests_closest(code: str, suggestion: str) -> None:
    with pytest.raises(LanguageError, match=f"did you mean {suggestion}"):
        validate(code)
