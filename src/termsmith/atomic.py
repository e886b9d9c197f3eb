"""Atomic file writes: temp file in the same directory, fsync, rename."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` atomically as UTF-8 with ``\\n`` line ends.

    Returns False, touching nothing, when the file already holds exactly ``text``
    (so unchanged files keep their mtime and git sees nothing).
    """
    data = text.encode("utf-8")
    return write_bytes(path, data)


def write_bytes(path: Path, data: bytes) -> bool:
    """Write ``data`` atomically; False when the file already holds it."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            # mkstemp makes 0600 files; a store in a shared checkout must stay readable.
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    return True


def _mode_for(path: Path) -> int:
    """The existing file's permissions, or what the umask gives a new file."""
    try:
        return path.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
