"""A thin wrapper over the ``git`` command: files at a revision, logs, tags, commits.

Only what the versioning commands need. Every failure is a :class:`GitError`
that says what to do; git's own message is kept in it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import IO

from termsmith.errors import GitError

# Variables that would point git at another repository than the one we run in
# (set, for instance, when termsmith runs inside a git hook).
_REPO_VARS = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX", "GIT_COMMON_DIR")


@dataclass(frozen=True)
class Commit:
    """One commit of a ``git log``: full hash, author date (ISO 8601), author, subject."""

    sha: str
    date: str
    author: str
    subject: str

    @property
    def short(self) -> str:
        return self.sha[:10]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _REPO_VARS}
    # git's messages are parsed nowhere, but keep them in one language for the error text
    env["LC_ALL"] = "C"
    return env


@dataclass(frozen=True)
class GitRepo:
    """A git working tree, found from any directory inside it."""

    root: Path

    @classmethod
    def find(cls, path: Path) -> GitRepo:
        """The repository containing ``path``, or :class:`GitError`."""
        if shutil.which("git") is None:
            raise GitError("git is not installed", hint="install git to use versioning commands")
        proc = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=path,
            env=_env(),
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            raise GitError(
                f"{path} is not in a git repository",
                hint="run 'git init' and commit the glossary first",
            )
        return cls(Path(proc.stdout.strip()).resolve())

    @classmethod
    def maybe(cls, path: Path) -> GitRepo | None:
        """The repository containing ``path``, or None when there is none."""
        try:
            return cls.find(path)
        except GitError:
            return None

    def run(self, *args: str, input: bytes | None = None, check: bool = True) -> bytes:
        """Run ``git ARGS`` in the repository; its stdout, or :class:`GitError` on failure."""
        proc = subprocess.run(
            ["git", *args], cwd=self.root, env=_env(), input=input, capture_output=True
        )
        if check and proc.returncode != 0:
            message = proc.stderr.decode("utf-8", "replace").strip().splitlines()
            raise GitError(
                f"git {args[0]} failed: {message[-1] if message else f'exit {proc.returncode}'}",
                hint="see the message from git",
            )
        return proc.stdout

    def text(self, *args: str, input: bytes | None = None) -> str:
        """``git ARGS`` output as text."""
        return self.run(*args, input=input).decode("utf-8")

    def relative(self, path: Path) -> str:
        """``path`` relative to the repository root, in git's ``/`` form."""
        try:
            rel = path.resolve().relative_to(self.root)
        except ValueError:
            raise GitError(f"{path} is outside the repository {self.root}") from None
        return PurePosixPath(*rel.parts).as_posix() if rel.parts else ""

    def resolve(self, rev: str) -> str:
        """The commit hash of ``rev``, or :class:`GitError` naming the unknown revision."""
        proc = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"],
            cwd=self.root,
            env=_env(),
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            hint = "give a commit, branch or tag, e.g. HEAD~1 or glossary-v1.0.0"
            if rev == "HEAD":
                hint = "the repository has no commit yet; commit the glossary first"
            raise GitError(f"unknown revision '{rev}'", hint=hint)
        return proc.stdout.strip()

    def has_commits(self) -> bool:
        """Whether ``HEAD`` points at a commit."""
        try:
            self.resolve("HEAD")
        except GitError:
            return False
        return True

    def tree_files(self, rev: str, folder: str) -> dict[str, bytes]:
        """Every file under ``folder`` at ``rev``, by path relative to ``folder``."""
        sha = self.resolve(rev)
        prefix = folder.rstrip("/") + "/" if folder else ""
        listing = self.run("ls-tree", "-r", "-z", "--full-tree", sha, "--", prefix or ".")
        blobs: list[tuple[str, str]] = []
        for entry in listing.split(b"\0"):
            if not entry:
                continue
            meta, _, name = entry.decode("utf-8").partition("\t")
            _, kind, blob = meta.split()
            if kind == "blob" and name.startswith(prefix):
                blobs.append((name[len(prefix) :], blob))
        contents = self.cat_blobs([blob for _, blob in blobs])
        return {name: contents[blob] for name, blob in blobs}

    def cat_blobs(self, objects: Sequence[str]) -> dict[str, bytes]:
        """The contents of many objects (hashes or ``rev:path``) in one ``git cat-file``.

        Objects that do not exist are left out.
        """
        wanted = list(dict.fromkeys(objects))
        if not wanted:
            return {}
        out = self.run("cat-file", "--batch", input="".join(f"{o}\n" for o in wanted).encode())
        result: dict[str, bytes] = {}
        pos = 0
        for name in wanted:
            end = out.index(b"\n", pos)
            header = out[pos:end].decode("utf-8")
            pos = end + 1
            if header.endswith(" missing") or header.endswith(" ambiguous"):
                continue
            size = int(header.rsplit(" ", 1)[1])
            result[name] = out[pos : pos + size]
            pos += size + 1
        return result

    def object_ids(self, objects: Sequence[str]) -> dict[str, str]:
        """The hash of each object (``rev:path``) that exists, in one ``git cat-file``."""
        wanted = list(dict.fromkeys(objects))
        if not wanted:
            return {}
        out = self.text(
            "cat-file", "--batch-check", input="".join(f"{o}\n" for o in wanted).encode()
        )
        ids = {}
        for name, line in zip(wanted, out.splitlines(), strict=True):
            fields = line.split()
            if len(fields) == 3 and fields[1] == "blob":
                ids[name] = fields[0]
        return ids

    def iter_blobs(self, shas: Iterable[str]) -> Iterator[tuple[str, bytes]]:
        """``(hash, content)`` of each blob, streamed: one blob in memory at a time."""
        wanted = list(dict.fromkeys(shas))
        if not wanted:
            return
        proc = subprocess.Popen(
            ["git", "cat-file", "--batch"],
            cwd=self.root,
            env=_env(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert proc.stdin is not None and proc.stdout is not None

        def feed(stdin: IO[bytes]) -> None:
            # written from a thread: git answers while we ask, and both pipes are bounded
            with stdin:
                stdin.write("".join(f"{s}\n" for s in wanted).encode())

        writer = threading.Thread(target=feed, args=(proc.stdin,), daemon=True)
        writer.start()
        try:
            for sha in wanted:
                header = proc.stdout.readline().decode("utf-8").split()
                if len(header) != 3:
                    continue
                data = proc.stdout.read(int(header[2]))
                proc.stdout.read(1)
                yield sha, data
        finally:
            proc.stdout.close()
            writer.join()
            proc.wait()

    def show(self, rev: str, path: str) -> bytes | None:
        """The content of ``path`` (relative to the root) at ``rev``; None if it has none."""
        sha = self.resolve(rev)
        return self.cat_blobs([f"{sha}:{path}"]).get(f"{sha}:{path}")

    def log(self, paths: Iterable[str], rev: str = "HEAD") -> list[Commit]:
        """Commits reachable from ``rev`` that touched ``paths``, oldest first."""
        if not self.has_commits():
            return []
        raw = self.text(
            "log",
            "--reverse",
            "--topo-order",
            "--format=%H%x1f%aI%x1f%an%x1f%s%x1e",
            rev,
            "--",
            *paths,
        )
        commits = []
        for record in raw.split("\x1e"):
            record = record.strip("\n")
            if record:
                sha, date, author, subject = record.split("\x1f")
                commits.append(Commit(sha, date, author, subject))
        return commits

    def tags(self, pattern: str, merged: str | None = "HEAD") -> list[str]:
        """Tag names matching the glob ``pattern`` (reachable from ``merged`` if given)."""
        if merged is not None and not self.has_commits():
            return []
        args = ["tag", "--list", pattern]
        if merged is not None:
            args += ["--merged", merged]
        return [t for t in self.text(*args).splitlines() if t]

    def dirty(self, paths: Iterable[str]) -> list[str]:
        """Paths under ``paths`` with uncommitted changes (staged, unstaged or untracked)."""
        out = self.text("status", "--porcelain", "-z", "--untracked-files=all", "--", *paths)
        return sorted(entry[3:] for entry in out.split("\0") if len(entry) > 3)

    def commit(self, paths: Sequence[str], message: str) -> str:
        """Commit exactly ``paths`` (nothing else staged goes in); the new commit's hash."""
        self.run("add", "--", *paths)
        self.run("commit", "--quiet", "-m", message, "--only", "--", *paths)
        return self.resolve("HEAD")

    def tag(self, name: str, message: str) -> None:
        """Create the annotated tag ``name`` at ``HEAD``."""
        proc = self.run("tag", "--list", name)
        if proc.strip():
            raise GitError(f"tag '{name}' already exists", hint="choose a greater version")
        self.run("tag", "-a", name, "-m", message)

    def config_set(self, key: str, value: str) -> None:
        """Set ``key`` in the repository's own ``.git/config``."""
        self.run("config", "--local", key, value)

    def check_attr(self, attr: str, paths: Sequence[str]) -> dict[str, str]:
        """The value of attribute ``attr`` for each path (``unspecified`` when none)."""
        if not paths:
            return {}
        out = self.text("check-attr", "-z", attr, "--", *paths)
        fields = out.split("\0")
        return {fields[i]: fields[i + 2] for i in range(0, len(fields) - 2, 3)}
