"""Atomic writes: content, no churn, permissions."""

from __future__ import annotations

import os
from pathlib import Path

from termsmith import atomic


def test_write_then_same_content_is_a_no_op(tmp_path: Path) -> None:
    path = tmp_path / "a" / "f.txt"
    assert atomic.write_text(path, "Viện kiểm sát\n")
    mtime = path.stat().st_mtime_ns
    assert not atomic.write_text(path, "Viện kiểm sát\n")
    assert path.stat().st_mtime_ns == mtime
    assert path.read_bytes() == "Viện kiểm sát\n".encode()


def test_new_files_follow_the_umask_and_existing_files_keep_their_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        path = tmp_path / "new.txt"
        atomic.write_text(path, "x")
        assert path.stat().st_mode & 0o777 == 0o644
        path.chmod(0o640)
        atomic.write_text(path, "y")
        assert path.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old)


def test_no_temporary_file_is_left(tmp_path: Path) -> None:
    atomic.write_text(tmp_path / "f", "a")
    atomic.write_text(tmp_path / "f", "b")
    assert [p.name for p in tmp_path.iterdir()] == ["f"]
