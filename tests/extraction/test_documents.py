"""Reading inputs: encodings, binary files, directories, stdin."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from termsmith.errors import InputFileError
from termsmith.extraction.documents import decode, read
from termsmith.textnorm import nfc


def test_invalid_utf8_names_file_line_and_encoding_option(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("first line\nd\xe9cision\n".encode("latin-1"))
    with pytest.raises(InputFileError) as info:
        read([path])
    assert str(info.value).startswith(f"{path}:2: not valid utf-8")
    assert "--encoding" in str(info.value)
    (doc,) = read([path], encoding="latin-1")
    assert doc.text == "first line\ndécision\n"


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"%PDF-1.4\x00\x01\x02binary")
    with pytest.raises(InputFileError, match="binary file"):
        read([path])


def test_unknown_encoding(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(InputFileError, match="unknown encoding 'klingon'"):
        read([path], encoding="klingon")


def test_missing_file_fails_before_reading_anything(tmp_path: Path) -> None:
    with pytest.raises(InputFileError, match="no such file or directory"):
        read([tmp_path / "missing.txt"])


def test_directories_are_recursed_for_text_and_markdown(tmp_path: Path) -> None:
    (tmp_path / "sub" / "deeper").mkdir(parents=True)
    (tmp_path / "b.txt").write_text("B", encoding="utf-8")
    (tmp_path / "sub" / "a.md").write_text("A", encoding="utf-8")
    (tmp_path / "sub" / "deeper" / "c.TXT").write_text("C", encoding="utf-8")
    (tmp_path / "sub" / "skip.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.txt").write_text("D", encoding="utf-8")
    assert [d.text for d in read([tmp_path])] == ["B", "A", "C"]


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = io.TextIOWrapper(io.BytesIO(b"Procuratorial organs.\r\n"), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", fake)
    (doc,) = read(["-"])
    assert doc.name == "-"
    assert doc.text == "Procuratorial organs.\n"


def test_utf8_bom_is_dropped() -> None:
    assert decode(b"\xef\xbb\xbfterm", "a.txt") == "term"


@settings(max_examples=50, deadline=None)
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r\ufeff")
    )
)
def test_decode_round_trips_any_text(text: str) -> None:
    assert decode(text.encode("utf-8"), "a.txt") == nfc(text)
