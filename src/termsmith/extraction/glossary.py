"""Extraction and the glossary: a project's documents in, candidate terms recorded in the store."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from termsmith.extraction.documents import STDIN, Document, read
from termsmith.extraction.extractor import Candidate, extract, phrase_key
from termsmith.model import Source, Term, TermKind, TermStatus
from termsmith.project import Project
from termsmith.store import Store


def source_name(doc: str, root: Path) -> str:
    """How a document is cited in the store: relative to the project root, with ``/``.

    >>> source_name("/p/seeds/a.txt", Path("/p")), source_name("-", Path("/p"))
    ('seeds/a.txt', '<stdin>')
    """
    if doc == STDIN:
        return "<stdin>"
    path = Path(doc)
    absolute = path if path.is_absolute() else Path.cwd() / path
    try:
        rel = os.path.relpath(absolute, root)
    except ValueError:  # another drive on Windows
        rel = str(absolute)
    return rel.replace(os.sep, "/")


def existing(
    store: Store, candidate: Candidate, by_key: dict[str, Term] | None = None
) -> Term | None:
    """The store's term for a candidate, whatever its status.

    The same text or one of its variants as written, else a term with the same
    key ("local procuratorate" for "local procuratorates"); ``by_key`` is
    :func:`key_index`'s map.
    """
    for form in (candidate.term, *candidate.variants):
        for text in dict.fromkeys((form, form.lower(), form[:1].upper() + form[1:])):
            found = store.find(text)
            if found:
                return found[0]
    return (by_key or {}).get(candidate.key)


def key_index(store: Store, candidates: Sequence[Candidate]) -> dict[str, Term]:
    """Store terms by extraction key, for the terms that may match a candidate.

    Only terms sharing a candidate's first letters are keyed, so a large store
    costs little; the first term in id order wins.
    """
    prefixes = {c.key[:3] for c in candidates}
    index: dict[str, Term] = {}
    for term in store.iter_terms():
        if term.term[:3].lower() in prefixes:
            index.setdefault(phrase_key(term.term), term)
    return index


def add_to_store(store: Store, candidates: Sequence[Candidate], root: Path) -> list[Term]:
    """Record candidates as ``candidate`` terms with their provenance; returns the new terms.

    Terms already in the store, in any status (a rejected term stays
    rejected), by text, variant or key, are left exactly as they are, so running it twice changes
    nothing. An abbreviation is linked (``expands``) to its expansion's id.
    """
    ids: dict[str, str] = {}
    added: list[Term] = []
    by_key = key_index(store, candidates)
    for cand in candidates:
        found = existing(store, cand, by_key)
        if found is not None:
            ids[cand.term] = found.id
            continue
        sources = [
            Source(
                doc=source_name(occ.doc, root),
                sentence=occ.sentence,
                start=occ.start,
                end=occ.end,
                line=occ.line,
            )
            for occ in cand.occurrences
        ]
        term = store.add_term(
            cand.term,
            status=TermStatus.CANDIDATE,
            kind=cand.kind,
            score=cand.score,
            variants=list(cand.variants),
            sources=sources,
        )
        ids[cand.term] = term.id
        added.append(term)
    for term in added:
        cand = next(c for c in candidates if c.term == term.term)
        if cand.kind is TermKind.ABBREVIATION and cand.expands in ids:
            term.expands = ids[cand.expands]
    return added


def extract_project(
    project: Project,
    paths: Sequence[str | Path] | None = None,
    *,
    encoding: str = "utf-8",
    top: int | None = None,
    min_score: float | None = None,
) -> tuple[list[Document], list[Candidate]]:
    """Extract from ``paths`` (default: the project's ``seeds/``) with its stop and keep lists."""
    docs = read(paths if paths is not None else [project.seeds_dir], encoding)
    cands = extract(
        docs,
        top=top,
        min_score=min_score,
        stop=project.config.stop,
        keep=project.config.keep,
        source_lang=project.config.source,
    )
    return docs, cands
