"""JSON: the format contract; JSON holds everything the store holds."""

from __future__ import annotations

from typing import Any

from tests.formats.contract import FormatContract

from termsmith.store import Store, term_to_obj, unit_to_obj


class TestJsonContract(FormatContract):
    name = "json"
    suffix = ".json"

    def view(self, store: Store) -> Any:
        # everything, but a merge-conflict mark, which belongs to one working copy
        terms = sorted((term_to_obj(t) for t in store.terms.values()), key=lambda o: o["id"])
        units = sorted(
            ((lang, {k: v for k, v in unit_to_obj(u).items() if k != "conflict"})
             for lang, table in store.units.items() for u in table.values()),
            key=lambda item: (item[0], item[1]["id"]),
        )  # fmt: skip
        return terms, units
