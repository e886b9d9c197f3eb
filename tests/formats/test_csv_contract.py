"""CSV: the format contract; CSV holds ids, terms and translation texts."""

from __future__ import annotations

from typing import Any

from tests.formats.contract import FormatContract, units

from termsmith.model import TermStatus
from termsmith.store import Store


class TestCsvContract(FormatContract):
    name = "csv"
    suffix = ".csv"

    def view(self, store: Store) -> Any:
        # rejected terms are not exported; statuses, notes and provenance are not columns
        kept = {t.id for t in store.terms.values() if t.status is not TermStatus.REJECTED}
        terms = {(t.id, t.term) for t in store.terms.values() if t.id in kept}
        return terms, units(store, "text", terms=kept)
