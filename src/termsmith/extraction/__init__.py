"""Term extraction: the key terms of English documents, scored, with their contexts.

>>> from termsmith.extraction import Document, extract
>>> text = ("The Supreme People's Procuratorate (SPP) met. Procuratorial organs act. "
...         "The SPP said procuratorial organs must act.")
>>> [(c.term, c.kind.value) for c in extract([Document("a.txt", text)], top=3)]
... # doctest: +NORMALIZE_WHITESPACE
[('procuratorial organs', 'term'), ('SPP', 'abbreviation'),
 ("Supreme People's Procuratorate", 'name')]
"""

from __future__ import annotations

from termsmith.extraction.documents import Document, read
from termsmith.extraction.extractor import (
    Candidate,
    Occurrence,
    check_language,
    extract,
    phrase_key,
)
from termsmith.extraction.glossary import add_to_store, extract_project

__all__ = [
    "Candidate",
    "Document",
    "Occurrence",
    "add_to_store",
    "check_language",
    "extract",
    "extract_project",
    "phrase_key",
    "read",
]
