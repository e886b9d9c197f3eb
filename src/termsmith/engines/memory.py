"""The memory itself as an engine: reuse a translation of the same English term.

A term whose English text (or one of its variants) equals, case- and
accent-insensitively, another term already translated (``translated`` or
``reviewed``, by a person, curation or an imported TM) gets that translation as
a draft before any MT runs. Its origin names the unit it came from:
``mt:memory/<term id>@<rev>``.
"""

from __future__ import annotations

from collections.abc import Sequence

from termsmith.engines.base import Hypothesis, model_origin
from termsmith.model import UnitStatus
from termsmith.store import Store
from termsmith.textnorm import fold

ENGINE = "memory"
_RANK = {UnitStatus.REVIEWED: 0, UnitStatus.TRANSLATED: 1}


class MemoryEngine:
    """Exact-match reuse from the store, for one target language."""

    name = ENGINE

    def __init__(self, store: Store, lang: str) -> None:
        # fold(English) -> [(rank, term id, hypothesis)], best first
        self._hits: dict[str, list[tuple[int, str, Hypothesis]]] = {}
        for term_id, unit in store.table(lang).items():
            rank = _RANK.get(unit.status)
            term = store.terms.get(term_id)
            if rank is None or term is None or not unit.text.strip():
                continue
            hyp = Hypothesis(unit.text, None, model_origin(ENGINE, term_id, str(unit.rev)))
            for key in {fold(term.term), *(fold(v) for v in term.variants)}:
                self._hits.setdefault(key, []).append((rank, term_id, hyp))
        for hits in self._hits.values():
            # reviewed before translated, then the lowest id: the same answer every run
            hits.sort(key=lambda h: h[:2])

    def lookup(self, text: str, exclude: str = "") -> Hypothesis | None:
        """The stored translation of the same English text by a term other than ``exclude``."""
        return next((h for _, tid, h in self._hits.get(fold(text), []) if tid != exclude), None)

    @property
    def model_id(self) -> str:
        return model_origin(ENGINE, "store", "1")

    def translate_batch(
        self, texts: Sequence[str], num_hypotheses: int = 1
    ) -> list[list[Hypothesis]]:
        """Per text, the stored translation of the same English term, or nothing."""
        hits = [self.lookup(text) for text in texts]
        return [[hit] if hit else [] for hit in hits]
