"""The one exception hierarchy of termsmith.

Every error a user can cause is a :class:`TermsmithError`; the CLI prints it as
``Error: <message> (<hint>)`` and exits 1, never with a traceback.
"""

from __future__ import annotations

from pathlib import Path


class TermsmithError(Exception):
    """Base of every error termsmith raises on purpose."""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class ConfigError(TermsmithError):
    """The project configuration is missing or wrong."""


class ProjectNotFoundError(ConfigError):
    """No ``termsmith.toml`` in the current directory or above."""


class LanguageError(TermsmithError):
    """An unknown or unsupported language code."""


class StoreError(TermsmithError):
    """The translation-memory store cannot be read or written."""


class StoreLockedError(StoreError):
    """Another process holds the store's write lock."""


class TermNotFoundError(TermsmithError):
    """No term with the given id."""


class InputFileError(TermsmithError):
    """A file given by the user is malformed; carries ``file:line`` where known."""

    def __init__(
        self,
        message: str,
        path: Path | str | None = None,
        line: int | None = None,
        hint: str | None = None,
    ) -> None:
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        super().__init__(where + message, hint)
        self.path = path
        self.line = line


class CorruptStoreError(StoreError, InputFileError):
    """A store file holds an entry that does not validate."""


class EngineError(TermsmithError):
    """A translation engine or model cannot be used."""


class OfflineError(TermsmithError):
    """A command needs the network and there is none."""


class GitError(TermsmithError):
    """Not a git repository, an unknown revision, or a git command that failed."""
