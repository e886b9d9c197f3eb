"""Decoding files the user gives us, with the line of any undecodable byte."""

from __future__ import annotations

from pathlib import Path

from termsmith.errors import InputFileError


def decode(
    data: bytes,
    path: Path | str,
    *,
    hint: str,
    encoding: str = "utf-8",
    message: str = "invalid UTF-8",
    error: type[InputFileError] = InputFileError,
) -> str:
    """``data`` decoded; an undecodable byte raises ``error`` at its ``path:line``.

    ``message`` may name the byte as ``{byte:02x}``.

    >>> decode(b"ok\\n\\xff", "a.txt", hint="save it as UTF-8")
    Traceback (most recent call last):
    termsmith.errors.InputFileError: a.txt:2: invalid UTF-8 (save it as UTF-8)
    """
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise error(message.format(byte=data[exc.start]), path, line, hint=hint) from None
