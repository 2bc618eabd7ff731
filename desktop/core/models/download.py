"""Download a GGUF from the Hugging Face hub: resumable, sha256-verified, cancellable, with progress.

huggingface_hub does the talking to the hub: ``get_hf_file_metadata`` reads the published sha256 (the LFS etag),
size and download location, and ``http_get`` streams the bytes with an HTTP Range header when resuming. We do not
call ``hf_hub_download`` itself because it throws partial files away on failure (no resume after a dropped
connection or a Ctrl-C) and never hashes what it received. So the partial file is ours: it is kept as
``.<file>.<sha256 prefix>.incomplete`` next to the target, resumed by the next call, hashed when complete and only
then renamed into place.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast
from urllib.parse import urlsplit

from filelock import FileLock, Timeout

from desktop.core import paths
from desktop.core.cancel import CancelToken
from desktop.core.errors import Cancelled, DownloadError, NotEnoughDiskSpace
from desktop.core.models.bundled import sha256_of

DEFAULT_ENDPOINT = "https://huggingface.co"
#: room kept free beyond the file itself, so a download never fills the disk to the last byte
DISK_MARGIN_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class RemoteFile:
    """What the hub says about one file, read just before downloading it."""

    repo_id: str
    filename: str
    revision: str
    commit: str
    sha256: str
    size: int
    url: str  # where the bytes are (the hub's redirect target for LFS files)


@dataclass(frozen=True)
class DownloadProgress:
    stage: str  # "downloading" | "verifying" | "done"
    done: int
    total: int
    speed_bps: float
    eta_s: float | None

    @property
    def fraction(self) -> float:
        return self.done / self.total if self.total else 0.0


ProgressCallback = Callable[[DownloadProgress], None]


def hub_endpoint() -> str:
    """The hub to use, read at call time so ``HF_ENDPOINT`` set after start-up (a mirror, a test) counts."""
    return (os.environ.get("HF_ENDPOINT") or DEFAULT_ENDPOINT).rstrip("/")


def _gb(n: int) -> str:
    return f"{n / 1e9:.2f} GB" if n >= 1e8 else f"{n / 1e6:.1f} MB"


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0]}" if text else type(exc).__name__


def remote_file(
    repo_id: str, filename: str, revision: str = "main", endpoint: str | None = None
) -> RemoteFile:
    """Ask the hub (HEAD on ``/resolve/``) for the file's sha256, size and location."""
    import httpx2
    from huggingface_hub.errors import (
        GatedRepoError,
        HfHubHTTPError,
        RemoteEntryNotFoundError,
        RepositoryNotFoundError,
        RevisionNotFoundError,
    )
    from huggingface_hub.file_download import get_hf_file_metadata, hf_hub_url

    endpoint = (endpoint or hub_endpoint()).rstrip("/")
    url = hf_hub_url(repo_id, filename, revision=revision, endpoint=endpoint)
    where = f"{repo_id}/{filename}"
    try:
        meta = get_hf_file_metadata(url, endpoint=endpoint)  # no retries: offline should fail at once
    except GatedRepoError as exc:
        raise DownloadError(
            f"{repo_id} is gated on the hub: its licence must be accepted first.",
            "Accept it on the model's hub page, then log in with `hf auth login` (or set HF_TOKEN) and retry.",
        ) from exc
    except RepositoryNotFoundError as exc:
        raise DownloadError(
            f"The hub has no repository {repo_id}.", "Check the name (owner/name) on the hub's model page."
        ) from exc
    except RevisionNotFoundError as exc:
        raise DownloadError(f"{repo_id} has no revision '{revision}'.", "Use 'main' or a commit.") from exc
    except RemoteEntryNotFoundError as exc:
        raise DownloadError(
            f"{repo_id} has no file {filename}.", "Check the exact file name in the repository's file list."
        ) from exc
    except (HfHubHTTPError, httpx2.HTTPError, OSError) as exc:
        raise DownloadError(
            f"Could not reach the hub at {endpoint} for {where} ({_first_line(exc)}).",
            "Check the network connection (or HF_ENDPOINT, if you use a mirror) and retry.",
        ) from exc
    sha = (meta.etag or "").lower()
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        raise DownloadError(
            f"The hub publishes no sha256 for {where} (it is not stored with LFS), so it cannot be verified.",
            "Pick a GGUF file: those are always stored with LFS.",
        )
    if not meta.size or not meta.commit_hash:
        raise DownloadError(
            f"The hub at {endpoint} did not give the size or commit of {where}.",
            "If HF_ENDPOINT points to a mirror, check that it is a Hugging Face hub mirror.",
        )
    return RemoteFile(
        repo_id, filename, revision, meta.commit_hash, sha, int(meta.size), meta.location or url
    )


class _ProgressBridge:
    """Stands in for tqdm inside ``http_get``: turns its byte counts into :class:`DownloadProgress` calls and
    stops the transfer (by raising :class:`Cancelled`) once the token is cancelled."""

    def __init__(self, *, sink: Callable[[int], None], cancel: CancelToken, **_tqdm_kwargs: Any) -> None:
        self._sink = sink
        self._cancel = cancel

    def __enter__(self) -> _ProgressBridge:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def update(self, n: int) -> None:
        self._cancel.raise_if_cancelled()
        self._sink(n)


def _partial_path(target: Path, sha256: str) -> Path:
    return target.with_name(f".{target.name}.{sha256[:16]}.incomplete")


def lock_path(partial: Path) -> Path:
    """One lock per partial file, kept in the cache folder so the models folder holds only models: two
    downloads of the same file (the GUI and a `zantara` command, or two clicks) would corrupt it."""
    key = hashlib.sha256(str(partial.resolve()).encode()).hexdigest()[:24]
    folder = paths.cache_dir() / "download-locks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{key}.lock"


def download_file(
    repo_id: str,
    filename: str,
    *,
    revision: str = "main",
    dest_dir: Path | None = None,
    endpoint: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
    free_bytes: int | None = None,
) -> Path:
    """Download ``filename`` of ``repo_id`` into ``dest_dir`` (the user models folder) and return its path.

    A second call after an interruption resumes with an HTTP Range request. The result is hashed and compared
    with the hub's sha256; a mismatch removes the file and raises :class:`DownloadError`. ``free_bytes`` replaces
    the measured free disk space (tests, and callers that know better).
    """
    cancel = cancel or CancelToken()
    report = progress or (lambda _p: None)
    endpoint = (endpoint or hub_endpoint()).rstrip("/")
    remote = remote_file(repo_id, filename, revision, endpoint)
    dest_dir = dest_dir or paths.user_models_dir()
    dest_dir.mkdir(parents=True, exist_ok=True)
    target = dest_dir / Path(filename).name
    if target.exists() and target.stat().st_size == remote.size:
        report(DownloadProgress("verifying", remote.size, remote.size, 0.0, None))
        if sha256_of(target) == remote.sha256:
            report(DownloadProgress("done", remote.size, remote.size, 0.0, 0.0))
            return target
    partial = _partial_path(target, remote.sha256)
    lock = FileLock(lock_path(partial))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise DownloadError(
            f"{target.name} is already being downloaded (by this app or another `zantara` command).",
            "Wait for that download to finish, or cancel it first.",
        ) from None
    try:
        return _transfer(remote, target, partial, endpoint, report, cancel, free_bytes)
    finally:
        lock.release()


def _transfer(
    remote: RemoteFile,
    target: Path,
    partial: Path,
    endpoint: str,
    report: ProgressCallback,
    cancel: CancelToken,
    free_bytes: int | None,
) -> Path:
    """Resume or start the transfer into ``partial``, verify it and move it to ``target`` (lock held)."""
    import httpx2
    from huggingface_hub.errors import HfHubHTTPError
    from huggingface_hub.file_download import http_get
    from huggingface_hub.utils import build_hf_headers

    have = _resumable_bytes(remote, target, partial, free_bytes)
    started, start_bytes = time.monotonic(), have
    done = have

    def on_bytes(n: int) -> None:
        nonlocal done
        done += n
        elapsed = max(time.monotonic() - started, 1e-6)
        speed = (done - start_bytes) / elapsed
        eta = (remote.size - done) / speed if speed > 0 else None
        report(DownloadProgress("downloading", done, remote.size, speed, eta))

    def bridge(**kwargs: Any) -> _ProgressBridge:
        return _ProgressBridge(sink=on_bytes, cancel=cancel, **kwargs)

    headers = build_hf_headers()
    if urlsplit(remote.url).netloc != urlsplit(endpoint).netloc:
        headers.pop("authorization", None)  # a signed CDN address needs no token, and must not see it
    cancel.raise_if_cancelled()
    report(DownloadProgress("downloading", have, remote.size, 0.0, None))
    try:
        with partial.open("ab") as fh:
            http_get(
                remote.url,
                fh,
                resume_size=have,
                headers=headers,
                expected_size=remote.size,
                displayed_filename=target.name,
                tqdm_class=cast(Any, bridge),
            )
    except Cancelled:
        raise Cancelled(
            f"Download of {target.name} stopped at {_gb(done)} of {_gb(remote.size)}.",
            "Run the same download again to resume it.",
        ) from None
    except (HfHubHTTPError, httpx2.HTTPError, OSError) as exc:
        got = partial.stat().st_size if partial.exists() else 0
        raise DownloadError(
            f"Download of {target.name} was interrupted at {_gb(got)} of {_gb(remote.size)} "
            f"({_first_line(exc)}).",
            "Run the same download again: it resumes where it stopped.",
        ) from exc
    return _verified(remote, target, partial, report)


def _resumable_bytes(remote: RemoteFile, target: Path, partial: Path, free_bytes: int | None) -> int:
    """How much of ``partial`` a resumed transfer keeps, after removing older versions' partial files and
    checking the disk has room for the rest."""
    dest_dir = target.parent
    for stale in dest_dir.glob(f".{target.name}.*.incomplete"):
        if stale != partial:
            stale.unlink(missing_ok=True)  # an older version of the file on the hub
    have = partial.stat().st_size if partial.exists() else 0
    if have > remote.size:
        partial.unlink()
        have = 0
    needed = remote.size - have
    free = shutil.disk_usage(dest_dir).free if free_bytes is None else free_bytes
    if free < needed + DISK_MARGIN_BYTES:
        raise NotEnoughDiskSpace(
            f"{target.name} needs {_gb(needed + DISK_MARGIN_BYTES)} of free space in {dest_dir}, "
            f"but only {_gb(free)} is free.",
            "Free some space (for example remove models you no longer use) and run the download again.",
        )
    return have


def _verified(remote: RemoteFile, target: Path, partial: Path, report: ProgressCallback) -> Path:
    """Move the complete ``partial`` to ``target`` if its sha256 is the hub's; else remove it and say so.
    (The partial file is renamed, not rewritten: it was written in place so a transfer can resume.)"""
    report(DownloadProgress("verifying", remote.size, remote.size, 0.0, None))
    actual = sha256_of(partial)
    if actual != remote.sha256:
        partial.unlink(missing_ok=True)
        raise DownloadError(
            f"{target.name} does not match the sha256 the hub publishes "
            f"(expected {remote.sha256}, got {actual}); the damaged file was removed.",
            "Run the download again; if it fails again, the hub or mirror (HF_ENDPOINT) serves a bad copy.",
        )
    os.replace(partial, target)
    report(DownloadProgress("done", remote.size, remote.size, 0.0, 0.0))
    return target
