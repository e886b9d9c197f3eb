"""The project's plural table: what it says, and where it agrees with Babel."""

from __future__ import annotations

import gettext

import pytest
from babel.messages.plurals import get_plural

from termsmith.plurals import PLURALS, plural_forms, plural_rule

EXPECTED = {
    "fr": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "de": "nplurals=2; plural=(n != 1);",
    "en": "nplurals=2; plural=(n != 1);",
    "mn": "nplurals=2; plural=(n != 1);",
    "ja": "nplurals=1; plural=0;",
    "vi": "nplurals=1; plural=0;",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
}


@pytest.mark.parametrize(("lang", "header"), sorted(EXPECTED.items()))
def test_table(lang: str, header: str) -> None:
    assert plural_forms(lang) == header


def choose(lang: str, n: int) -> int:
    return int(gettext.c2py(plural_rule(lang).plural)(n))


def test_forms_pick_the_right_word() -> None:
    assert [choose("fr", n) for n in (0, 1, 2, 100)] == [0, 0, 1, 1]
    assert [choose("es", n) for n in (0, 1, 2)] == [1, 0, 1]
    assert [choose("ru", n) for n in (1, 2, 5, 11, 12, 21, 22, 25, 111, 112)] == [
        0,
        1,
        2,
        2,
        2,
        0,
        1,
        2,
        2,
        2,
    ]
    assert {choose("ja", n) for n in range(30)} == {0}
    for lang, rule in PLURALS.items():
        assert {choose(lang, n) for n in range(200)} == set(range(rule.nplurals)), lang


@pytest.mark.parametrize("lang", ["de", "en", "ja", "mn", "ru", "vi"])
def test_agrees_with_babel_where_babel_agrees_with_gettext(lang: str) -> None:
    babel = get_plural(lang)
    assert babel.num_plurals == plural_rule(lang).nplurals
    babel_choose = gettext.c2py(babel.plural_expr)
    assert [babel_choose(n) for n in range(1000)] == [choose(lang, n) for n in range(1000)]


def test_regions_and_unknown_languages() -> None:
    assert plural_forms("fr-CA") == EXPECTED["fr"]
    assert plural_forms("pt_BR") == plural_forms("pt-BR")
    assert plural_rule("pl").nplurals == get_plural("pl").num_plurals
