"""A small error hierarchy. Every message says what happened *and* what to do about it, because the user
sees it as-is (CLI: one line on stderr; GUI: a dialog or a banner)."""

from __future__ import annotations


class ZantaraError(Exception):
    """Base class. ``str(err)`` is a full sentence a user can act on."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class ModelFileError(ZantaraError):
    """A GGUF file is missing, truncated, corrupt or not a GGUF at all."""


class ModelNotFound(ZantaraError):
    """No model with that name in the registry."""


class Cancelled(ZantaraError):
    """The user (or a deadline) stopped a generation."""

    def __init__(self, message: str = "Stopped.", hint: str = "") -> None:
        super().__init__(message, hint)


class ClaudeUnavailable(ZantaraError):
    """Claude could not answer. ``reason`` is a short machine-readable code shown in traces and badges:
    no_key, auth, connection, connect_timeout, first_token_timeout, rate_limited, overloaded, server_error,
    stream_cut, bad_response, breaker_open, offline_requested."""

    def __init__(self, reason: str, message: str, hint: str = "", partial: str = "") -> None:
        super().__init__(message, hint)
        self.reason = reason
        self.partial = partial


class KeyringUnavailable(ZantaraError):
    """No OS keyring backend: the key cannot be stored, but ANTHROPIC_API_KEY still works."""


class KnowledgeError(ZantaraError):
    """The knowledge store cannot do what was asked (server unreachable, embedder mismatch...)."""


class EmbedderMismatch(KnowledgeError):
    """The collection was built with another embedder; mixing vectors would give nonsense rankings."""


class SettingsError(ZantaraError):
    """The settings file is unreadable or a value is out of range."""


class StoreDamaged(ZantaraError):
    """A data file (the knowledge store or the conversations database) failed its integrity check."""

    def __init__(self, what: str, problems: list[str]) -> None:
        super().__init__(
            f"The {what} is damaged ({' '.join('; '.join(problems).split())[:400]}).",
            "Run `zantara doctor --repair` to rebuild it; a copy of the damaged files is kept.",
        )
        self.problems = problems


class DiskFull(ZantaraError):
    """The disk holding the data folder is full: nothing is damaged, space must be freed."""


class BackupDamaged(ZantaraError):
    """A backup failed its integrity check before anything was restored from it."""


class DownloadError(ZantaraError):
    """A model download failed: hub unreachable, file unknown, interrupted, or its sha256 did not match."""


class NotEnoughDiskSpace(DownloadError):
    """The disk cannot hold the file to download; the message names the space needed."""


class TeamError(ZantaraError):
    """The team server could not be synced with (unreachable, refused the token, unsafe address). Local work
    is untouched: answers keep coming from this laptop's copy. ``reason`` names the case for callers that
    show it in their own words (Settings' connection test): one of server_check's reasons, or ""."""

    def __init__(self, message: str, hint: str = "", reason: str = "") -> None:
        super().__init__(message, hint)
        self.reason = reason


class TeamAuthError(TeamError):
    """The team server refused the token (missing or wrong)."""
