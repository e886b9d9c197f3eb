"""CSV: the format contract; CSV holds ids, terms and translation texts."""

from __future__ import annotations

from typing import Any

from tests.formats.contract import FormatContract, units

from termsmith.model import TermStatus, UnitStatus
from termsmith.store import Store


class TestCsvContract(FormatContract):
    name = "csv"
    suffix = ".csv"

    def view(self, store: Store) -> Any:
        # rejected terms and translations are not exported; statuses, notes and provenance
        # are not columns
        kept = {t.id for t in store.terms.values() if t.status is not TermStatus.REJECTED}
        terms = {(t.id, t.term) for t in store.terms.values() if t.id in kept}
        texts = {
            u[:3]
            for u in units(store, "text", "status", terms=kept)
            if u[3] is not UnitStatus.REJECTED
        }
        return terms, texts
