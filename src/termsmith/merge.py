"""Three-way merges of store files and PO catalogs, record by record.

Git merges text line by line, so two translators who edit neighbouring lines
collide although they touched different translations. These merges key every
record by its id instead (a PO entry by ``msgctxt`` and ``msgid``), as OmegaT
merges team TMX files and Weblate's ``git-merge-gettext-po`` merges catalogs:

* records changed on one side only, or identically on both, merge cleanly;
* a unit changed differently on both sides keeps ours, records theirs as an
  :class:`~termsmith.model.Alternative` and is marked ``conflict`` (resolved
  with ``termsmith set``); a term keeps our value of each field changed on both;
* a record deleted on one side and changed on the other stays deleted (a unit
  disappears only with its term, so keeping it would orphan it);
* the result is always a valid file, written in the store's canonical form.

Git calls the driver once per file, so each store file is merged on its own;
:func:`merge_stores` merges whole stores (and drops units whose term is gone).
"""

from __future__ import annotations

import copy
import json
import shlex
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from termsmith import atomic
from termsmith.errors import CorruptStoreError, TermsmithError
from termsmith.gitrepo import GitRepo
from termsmith.model import UnitStatus
from termsmith.store import (
    FORMAT_VERSION,
    META_FILE,
    TERMS_FILE,
    UNITS_DIR,
    Store,
    decode_text,
    dumps_line,
    parse_lines,
    term_from_obj,
    term_to_obj,
    unit_from_obj,
    unit_to_obj,
)
from termsmith.versioning import version_key

Record = dict[str, Any]

# How far along review a translation is, to merge two sides that agree on the text.
_RANK = {UnitStatus.DRAFT: 0, UnitStatus.TRANSLATED: 1, UnitStatus.REVIEWED: 2}


@dataclass(frozen=True)
class Conflict:
    """A record changed differently on both sides: which file, which record, what happened."""

    file: str
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.key}: {self.message}"


@dataclass
class MergeResult:
    """The merged text of one file and the conflicts left in it."""

    text: str
    conflicts: list[Conflict] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.conflicts


# --- records -----------------------------------------------------------------


def _records(text: str, label: str, canon: Callable[[Any], Record], kind: str) -> dict[str, Record]:
    """Parse a JSON Lines store file into canonical records by id, validating each."""
    path = Path(label)
    out: dict[str, Record] = {}
    for n, obj in parse_lines(text, path):
        try:
            record = canon(obj)
        except ValueError as exc:
            raise CorruptStoreError(str(exc), path, n, hint=_FIX) from None
        if record["id"] in out:
            raise CorruptStoreError(f"second {kind} '{record['id']}'", path, n, hint=_FIX)
        out[record["id"]] = record
    return out


def _jsonl(records: dict[str, Record]) -> str:
    return "".join(dumps_line(records[k]) + "\n" for k in sorted(records))


def _without(record: Record | None, *keys: str) -> Record | None:
    if record is None:
        return None
    return {k: v for k, v in record.items() if k not in keys}


def _deleted(name: str, key: str, kept: Record | None, side: str) -> Conflict:
    text = kept.get("text", kept.get("term", "")) if kept else ""
    return Conflict(
        name, key, f"deleted on one side, changed on {side} (to '{text}'); kept deleted"
    )


# --- units -------------------------------------------------------------------


def merge_units(base: str, ours: str, theirs: str, lang: str, name: str = "") -> MergeResult:
    """Merge three versions of ``units/<lang>.jsonl``, unit by unit."""
    name = name or f"{UNITS_DIR}/{lang}.jsonl"

    def canon(obj: Any) -> Record:
        return unit_to_obj(unit_from_obj(obj, lang))

    b, o, t = (
        _records(text, f"{side}:{name}", canon, "unit")
        for side, text in (("base", base), ("ours", ours), ("theirs", theirs))
    )
    merged: dict[str, Record] = {}
    conflicts: list[Conflict] = []
    for key in sorted(b.keys() | o.keys() | t.keys()):
        record, conflict = _merge_unit(name, key, b.get(key), o.get(key), t.get(key))
        if record is not None:
            merged[key] = record
        if conflict is not None:
            conflicts.append(conflict)
    return MergeResult(_jsonl(merged), conflicts)


def _merge_unit(
    name: str, key: str, b: Record | None, o: Record | None, t: Record | None
) -> tuple[Record | None, Conflict | None]:
    # rev and changed differ between identical edits made on different days
    content = [_without(r, "rev", "changed") for r in (b, o, t)]
    cb, co, ct = content
    if co == ct:
        if o is None or t is None:
            return None, None
        newer = max(o, t, key=lambda r: (r["rev"], r["changed"]))
        return {**o, "rev": newer["rev"], "changed": newer["changed"]}, None
    if co == cb:
        return t, None
    if ct == cb:
        return o, None
    if o is None or t is None:
        return None, _deleted(name, key, o or t, "ours" if o else "theirs")
    if o["text"] == t["text"] and o["status"] in _RANK and t["status"] in _RANK:
        # both sides agree on the translation: keep the further-reviewed record
        better = t if _RANK[UnitStatus(t["status"])] > _RANK[UnitStatus(o["status"])] else o
        return better, None
    result = dict(o)
    result["conflict"] = True
    alternatives = list(o.get("alternatives", []))
    theirs_alt = {"text": t["text"], "origin": t["origin"]} if t["origin"] else {"text": t["text"]}
    if theirs_alt not in alternatives and t["text"] != o["text"]:
        alternatives.append(theirs_alt)
    if alternatives:
        result["alternatives"] = alternatives
    result["rev"] = max(o["rev"], t["rev"])
    result["changed"] = max(o["changed"], t["changed"])
    canonical = unit_to_obj(unit_from_obj(result, "xx"))
    message = (
        f"ours '{o['text']}' ({o['status']}, {o['origin']}), "
        f"theirs '{t['text']}' ({t['status']}, {t['origin']}); kept ours, marked conflict"
    )
    return canonical, Conflict(name, key, message)


# --- terms -------------------------------------------------------------------


def merge_terms(base: str, ours: str, theirs: str, name: str = TERMS_FILE) -> MergeResult:
    """Merge three versions of ``terms.jsonl``, field by field within each term.

    A field changed differently on both sides keeps our value and is reported:
    terms have no in-record conflict mark, so git must show the conflict.
    """

    def canon(obj: Any) -> Record:
        return term_to_obj(term_from_obj(obj))

    b, o, t = (
        _records(text, f"{side}:{name}", canon, "term")
        for side, text in (("base", base), ("ours", ours), ("theirs", theirs))
    )
    merged: dict[str, Record] = {}
    conflicts: list[Conflict] = []
    for key in sorted(b.keys() | o.keys() | t.keys()):
        rb, ro, rt = b.get(key), o.get(key), t.get(key)
        if ro == rt or rt == rb:
            chosen = ro
        elif ro == rb:
            chosen = rt
        elif ro is None or rt is None:
            conflicts.append(_deleted(name, key, ro or rt, "ours" if ro else "theirs"))
            chosen = None
        else:
            chosen, clashes = _merge_fields(rb or {}, ro, rt)
            for clash in clashes:
                conflicts.append(
                    Conflict(
                        name,
                        key,
                        f"'{clash}' changed on both sides: ours {_show(ro.get(clash))}, "
                        f"theirs {_show(rt.get(clash))}; kept ours",
                    )
                )
            chosen = canon(chosen)
        if chosen is not None:
            merged[key] = chosen
    return MergeResult(_jsonl(merged), conflicts)


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _merge_fields(b: Record, o: Record, t: Record) -> tuple[Record, list[str]]:
    merged: Record = {}
    clashes: list[str] = []
    missing = object()
    for key in list(o) + [k for k in t if k not in o]:
        vb, vo, vt = b.get(key, missing), o.get(key, missing), t.get(key, missing)
        if vo == vt or vt == vb:
            value = vo
        elif vo == vb:
            value = vt
        else:
            value = vo
            clashes.append(key)
        if value is not missing:
            merged[key] = value
    return merged, clashes


# --- glossary.json -----------------------------------------------------------


def merge_meta(base: str, ours: str, theirs: str, name: str = META_FILE) -> MergeResult:
    """Merge ``glossary.json``: the greater version, every retired id of both sides."""
    b, o, t = (
        _meta(text, f"{side}:{name}")
        for side, text in (("base", base), ("ours", ours), ("theirs", theirs))
    )
    vb, vo, vt = (m.get("version", "0.1.0") for m in (b, o, t))
    if vo == vt or vt == vb:
        version = vo
    elif vo == vb:
        version = vt
    else:
        version = max(vo, vt, key=version_key)
    retired = set(o.get("retired", [])) | set(t.get("retired", []))
    meta: Record = {"format": FORMAT_VERSION, "version": str(version)}
    if retired:
        meta["retired"] = sorted(retired)
    return MergeResult(json.dumps(meta, ensure_ascii=False, indent=2) + "\n")


def _meta(text: str, label: str) -> Record:
    if not text.strip():
        return {}
    store = Store.from_files(Path(), {META_FILE: text}, where=Path(label).parent)
    return {"version": store.version, "retired": sorted(store.retired)}


# --- whole stores -------------------------------------------------------------


def merge_stores(base: Store, ours: Store, theirs: Store) -> tuple[Store, list[Conflict]]:
    """Merge whole stores; the result lives at ``ours.path``.

    Units whose term was removed are dropped and reported, so the result is a
    valid store even when one side removed a term the other translated.
    """
    fb, fo, ft = base.serialize(), ours.serialize(), theirs.serialize()
    files: dict[str, str] = {}
    conflicts: list[Conflict] = []
    for rel in sorted(fb.keys() | fo.keys() | ft.keys()):
        result = merge_store_file(rel, fb.get(rel, ""), fo.get(rel, ""), ft.get(rel, ""))
        files[rel] = result.text
        conflicts += result.conflicts
    terms = {json.loads(line)["id"] for line in files.get(TERMS_FILE, "").splitlines()}
    for rel in sorted(files):
        if rel.startswith(f"{UNITS_DIR}/"):
            kept = []
            for line in files[rel].splitlines(keepends=True):
                key = json.loads(line)["id"]
                if key in terms:
                    kept.append(line)
                else:
                    conflicts.append(Conflict(rel, key, "its term was removed; unit dropped"))
            files[rel] = "".join(kept)
    return Store.from_files(ours.path, files), conflicts


def merge_store_file(name: str, base: str, ours: str, theirs: str) -> MergeResult:
    """Merge one store file, chosen by its path (``terms.jsonl``, ``units/fr.jsonl``…)."""
    path = PurePosixPath(name)
    if path.name == META_FILE:
        return merge_meta(base, ours, theirs, name)
    if path.name == TERMS_FILE:
        return merge_terms(base, ours, theirs, name)
    if path.parent.name == UNITS_DIR and path.suffix == ".jsonl":
        return merge_units(base, ours, theirs, path.stem, name)
    raise TermsmithError(
        f"{name} is not a store file",
        hint="assign merge=termsmith-store only to glossary/*.jsonl, glossary/units/*.jsonl "
        "and glossary/glossary.json in .gitattributes",
    )


# --- PO catalogs --------------------------------------------------------------


def merge_po(base: str, ours: str, theirs: str, name: str = "") -> MergeResult:
    """Merge three versions of a PO catalog entry by entry (keyed by msgctxt and msgid).

    The header merges field by field (dates: the later one). An entry changed
    differently on both sides keeps ours, flagged fuzzy: catalogs are generated,
    so the fix is to resolve the store and run ``termsmith po`` again.
    """
    import polib

    b, o, t = (
        _po(text, f"{side}:{name}")
        for side, text in (("base", base), ("ours", ours), ("theirs", theirs))
    )
    conflicts: list[Conflict] = []
    eb, eo, et = (_po_entries(po) for po in (b, o, t))
    merged: dict[tuple[str, str], polib.POEntry] = {}
    for key in eo.keys() | et.keys() | eb.keys():
        xb, xo, xt = eb.get(key), eo.get(key), et.get(key)
        so, st, sb = (str(x) if x is not None else None for x in (xo, xt, xb))
        if so == st or st == sb:
            chosen = xo
        elif so == sb:
            chosen = xt
        elif xo is None or xt is None:
            conflicts.append(
                Conflict(
                    name, _po_label(key), "deleted on one side, changed on the other; kept deleted"
                )
            )
            chosen = None
        else:
            chosen = copy.deepcopy(xo)
            if "fuzzy" not in chosen.flags:
                chosen.flags.append("fuzzy")
            conflicts.append(
                Conflict(
                    name,
                    _po_label(key),
                    f"ours '{xo.msgstr}', theirs '{xt.msgstr}'; kept ours as fuzzy "
                    "(resolve the store, then run 'termsmith po')",
                )
            )
        if chosen is not None:
            merged[key] = chosen
    order = _po_order(list(eo), list(et), merged)
    result = polib.POFile(wrapwidth=o.wrapwidth)
    result.header = _pick(b.header, o.header, t.header)
    result.metadata = _merge_metadata(b.metadata, o.metadata, t.metadata)
    result.metadata_is_fuzzy = o.metadata_is_fuzzy
    for key in order:
        result.append(merged[key])
    # a side the merge left as it was stays byte for byte what its generator wrote
    text = str(result).rstrip("\n") + "\n"
    for side_text, side in ((ours, o), (theirs, t)):
        if side_text.strip() and _po_signature(side) == _po_signature(result):
            text = side_text
            break
    return MergeResult(text, conflicts)


def _po(text: str, label: str) -> Any:
    import polib

    if not text.strip():
        return polib.POFile()
    try:
        # a leading newline keeps polib from ever taking the text for a file name
        return polib.pofile("\n" + text)
    except (OSError, ValueError) as exc:
        raise TermsmithError(f"{label}: not a valid PO file: {exc}", hint=_FIX) from None


def _po_entries(po: Any) -> dict[tuple[str, str], Any]:
    # a POFile lists obsolete entries too
    return {(e.msgctxt or "", e.msgid): e for e in po}


def _po_label(key: tuple[str, str]) -> str:
    return f"{key[0]}|{key[1]}" if key[0] else key[1]


def _po_order(
    ours: list[tuple[str, str]], theirs: list[tuple[str, str]], merged: dict[tuple[str, str], Any]
) -> list[tuple[str, str]]:
    """Ours' order; an entry only theirs has goes after its predecessor in theirs."""
    order = [k for k in ours if k in merged]
    placed = set(order)
    previous: tuple[str, str] | None = None
    for key in theirs:
        if key in merged and key not in placed:
            at = order.index(previous) + 1 if previous in placed else 0
            order.insert(at, key)
            placed.add(key)
        if key in placed:
            previous = key
    return order


def _pick(b: str, o: str, t: str) -> str:
    return t if o == b else o


def _merge_metadata(b: dict[str, str], o: dict[str, str], t: dict[str, str]) -> dict[str, str]:
    merged: dict[str, str] = {}
    for key in list(o) + [k for k in t if k not in o]:
        vb, vo, vt = b.get(key), o.get(key), t.get(key)
        if vo == vt or vt == vb:
            value = vo
        elif vo == vb:
            value = vt
        elif key.endswith("-Date") and vo is not None and vt is not None:
            value = max(vo, vt)
        else:
            value = vo
        if value is not None:
            merged[key] = value
    return merged


def _po_signature(po: Any) -> tuple[Any, ...]:
    entries = [(e.msgctxt or "", e.msgid, str(e)) for e in po]
    return po.header, sorted(po.metadata.items()), po.metadata_is_fuzzy, entries


# --- the git merge driver -----------------------------------------------------


def merge_driver(kind: str, base: Path, ours: Path, theirs: Path, name: str) -> list[Conflict]:
    """What git's merge driver does: merge into ``ours`` and return the conflicts.

    ``kind`` is ``store`` or ``po``; ``name`` is the file's path in the repository.
    A file the store merge does not know is merged by ``git merge-file``.
    """
    b, o, t = (decode_text(p.read_bytes(), Path(name)) for p in (base, ours, theirs))
    if kind == "po":
        result = merge_po(b, o, t, name=name)
    elif kind == "store":
        try:
            result = merge_store_file(name, b, o, t)
        except TermsmithError as exc:
            if "is not a store file" not in exc.message:
                raise
            return _merge_file(base, ours, theirs, name)
    else:
        raise TermsmithError(f"unknown merge driver kind '{kind}'", hint="use 'store' or 'po'")
    atomic.write_text(ours, result.text)
    return result.conflicts


def _merge_file(base: Path, ours: Path, theirs: Path, name: str) -> list[Conflict]:
    proc = subprocess.run(["git", "merge-file", str(ours), str(base), str(theirs)], check=False)
    if proc.returncode == 0:
        return []
    return [Conflict(name, "", "text conflict (merged line by line)")]


# --- git setup --------------------------------------------------------------------

#: what a project's ``.gitattributes`` assigns to the drivers (paths relative to the project)
ATTRIBUTES = {
    "glossary/glossary.json": "termsmith-store",
    "glossary/*.jsonl": "termsmith-store",
    "glossary/units/*.jsonl": "termsmith-store",
    "locales/*.pot": "termsmith-po",
    "locales/**/*.po": "termsmith-po",
}
DRIVERS = {"termsmith-store": "store", "termsmith-po": "po"}


@dataclass
class Setup:
    """What :func:`install_drivers` did."""

    attributes_written: Path | None
    drivers: dict[str, str]
    assigned: dict[str, str]


def driver_command(kind: str) -> str:
    """The shell command git runs: this Python, so the driver works from a virtualenv.

    ``-P`` keeps the repository (git's working directory for drivers) off
    ``sys.path``, so no file in it can shadow termsmith.
    """
    python = shlex.quote(sys.executable)
    return f"{python} -P -m termsmith merge-driver {kind} %O %A %B %P"


def install_drivers(repo: GitRepo, root: Path) -> Setup:
    """Register the drivers in ``.git/config`` and make sure ``.gitattributes`` assigns them.

    Missing lines are added to ``root/.gitattributes`` (which must then be
    committed); lines already there are left as they are.
    """
    attributes = root / ".gitattributes"
    text = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
    present = {tuple(line.split()[:2]) for line in text.splitlines() if line.strip()}
    missing = [
        f"{pattern} merge={driver}"
        for pattern, driver in ATTRIBUTES.items()
        if (pattern, f"merge={driver}") not in present
    ]
    written = None
    if missing:
        if text and not text.endswith("\n"):
            text += "\n"
        if not text:
            text = "# termsmith: merge the glossary record by record, PO catalogs entry by entry\n"
        atomic.write_text(attributes, text + "\n".join(missing) + "\n")
        written = attributes
    drivers = {}
    for name, kind in DRIVERS.items():
        command = driver_command(kind)
        repo.config_set(f"merge.{name}.name", f"termsmith {kind} merge")
        repo.config_set(f"merge.{name}.driver", command)
        drivers[name] = command
    files = [
        repo.relative(p)
        for pattern in ATTRIBUTES
        for p in sorted(root.glob(pattern))
        if p.is_file()
    ]
    values = repo.check_attr("merge", list(dict.fromkeys(files)))
    return Setup(written, drivers, {k: v for k, v in sorted(values.items())})


_FIX = "resolve the file by hand or restore it from git, then merge again"
