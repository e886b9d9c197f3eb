"""Hypothesis strategies shared by the round-trip tests of every format."""

from __future__ import annotations

from hypothesis import strategies as st

from termsmith.textnorm import nfc

# Scripts our users write in, plus what breaks serialisers: quotes, backslashes, tabs, newlines,
# combining marks, U+2028 (a line break to str.splitlines, not to JSON Lines).
_ALPHABET = st.one_of(
    st.characters(codec="utf-8", exclude_categories=("Cs",)),
    st.sampled_from(list("\"'\\\t\n,;<>&")),
    st.sampled_from(list("最高人民検察院渉外ガ")),
    st.sampled_from(list("прокуратураЁёйМонгол")),
    st.sampled_from(list("Viện kiểm sát\u0323\u0302\u0309\u2028")),
)

#: any text a user could type, NFC as the store keeps it
texts = st.text(_ALPHABET, min_size=1, max_size=30).map(nfc)

#: text that survives being a one-line cell: no line breaks of any kind, not blank
line_texts = texts.map(
    lambda s: "".join(c for c in s if c not in "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
).filter(lambda s: s.strip() == s and s != "")
