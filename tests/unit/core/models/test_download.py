"""The real download code (huggingface_hub underneath) against the hub stand-in on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support.hub_server import HubStandIn, make_gguf

from desktop.core.cancel import CancelToken
from desktop.core.errors import Cancelled, DownloadError, NotEnoughDiskSpace
from desktop.core.models.download import DownloadProgress, download_file

pytestmark = pytest.mark.slow  # starts servers

REPO = "zantara-test/Stand-in-1B-GGUF"
FILE = "stand-in-1b-q4_k_m.gguf"
CHUNK = 10 * 1024 * 1024  # huggingface_hub writes in chunks of this size


@pytest.fixture(scope="session")
def gguf_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return make_gguf(tmp_path_factory.mktemp("gguf") / FILE, CHUNK + 600_000)


@pytest.fixture
def hub(gguf_bytes: bytes) -> Iterator[HubStandIn]:
    with HubStandIn({REPO: {FILE: gguf_bytes}}) as server:
        yield server


def test_download_verifies_and_reports_progress(hub: HubStandIn, gguf_bytes: bytes, tmp_path: Path) -> None:
    seen: list[DownloadProgress] = []
    path = download_file(REPO, FILE, dest_dir=tmp_path, endpoint=hub.url, progress=seen.append)
    assert path == tmp_path / FILE
    assert path.read_bytes() == gguf_bytes
    assert [p.stage for p in seen][-2:] == ["verifying", "done"]
    downloading = [p for p in seen if p.stage == "downloading"]
    assert downloading[-1].done == len(gguf_bytes) and downloading[-1].eta_s == 0
    assert not list(tmp_path.glob("*.incomplete"))
    # the blob came from the CDN after the hub's 302, in one plain GET
    assert hub.ranges() == [None]


def test_interrupted_download_resumes_with_range(hub: HubStandIn, gguf_bytes: bytes, tmp_path: Path) -> None:
    hub.drop_after(CHUNK + 1000)
    with pytest.raises(DownloadError, match=r"interrupted .*resumes where it stopped"):
        download_file(REPO, FILE, dest_dir=tmp_path, endpoint=hub.url)
    partials = list(tmp_path.glob(f".{FILE}.*.incomplete"))
    assert len(partials) == 1 and partials[0].stat().st_size == CHUNK
    assert not (tmp_path / FILE).exists()

    hub.recover()
    path = download_file(REPO, FILE, dest_dir=tmp_path, endpoint=hub.url)
    assert path.read_bytes() == gguf_bytes
    assert hub.ranges()[-1] == f"bytes={CHUNK}-"
    assert not partials[0].exists()


def test_sha256_mismatch_is_refused_and_removed(hub: HubStandIn, tmp_path: Path) -> None:
    hub.corrupt = True
    dest = tmp_path / "models"
    with pytest.raises(DownloadError, match="does not match the sha256 the hub publishes"):
        download_file(REPO, FILE, dest_dir=dest, endpoint=hub.url)
    assert list(dest.iterdir()) == []


def test_cancel_keeps_partial_for_resume(hub: HubStandIn, gguf_bytes: bytes, tmp_path: Path) -> None:
    token = CancelToken()

    def cancel_once_started(p: DownloadProgress) -> None:
        if p.stage == "downloading" and p.done > 0:
            token.cancel()

    with pytest.raises(Cancelled, match="Run the same download again"):
        download_file(
            REPO, FILE, dest_dir=tmp_path, endpoint=hub.url, progress=cancel_once_started, cancel=token
        )
    assert not (tmp_path / FILE).exists()
    kept = next(tmp_path.glob("*.incomplete")).stat().st_size
    assert 0 < kept < len(gguf_bytes)
    assert download_file(REPO, FILE, dest_dir=tmp_path, endpoint=hub.url).read_bytes() == gguf_bytes
    assert hub.ranges()[-1] == f"bytes={kept}-"


def test_not_enough_disk_space_names_the_space_needed(hub: HubStandIn, tmp_path: Path) -> None:
    with pytest.raises(NotEnoughDiskSpace, match=r"needs 7\d\.\d MB of free space .* only 1\.0 MB is free"):
        download_file(REPO, FILE, dest_dir=tmp_path, endpoint=hub.url, free_bytes=1_000_000)
    assert hub.ranges() == []


def test_hf_endpoint_is_honoured(
    hub: HubStandIn, gguf_bytes: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_ENDPOINT", hub.url)
    assert download_file(REPO, FILE, dest_dir=tmp_path).read_bytes() == gguf_bytes
    assert hub.requests[0].server == "hub" and hub.requests[0].method == "HEAD"


def test_unknown_file_and_repo_say_what_to_check(hub: HubStandIn, tmp_path: Path) -> None:
    with pytest.raises(DownloadError, match=r"has no file nope\.gguf"):
        download_file(REPO, "nope.gguf", dest_dir=tmp_path, endpoint=hub.url)
    with pytest.raises(DownloadError, match="no repository someone/else"):
        download_file("someone/else", FILE, dest_dir=tmp_path, endpoint=hub.url)


def test_present_and_intact_file_is_not_downloaded_again(
    hub: HubStandIn, gguf_bytes: bytes, tmp_path: Path
) -> None:
    (tmp_path / FILE).write_bytes(gguf_bytes)
    assert download_file(REPO, FILE, dest_dir=tmp_path, endpoint=hub.url) == tmp_path / FILE
    assert hub.ranges() == []


def test_a_second_download_of_the_same_file_is_refused_while_the_first_runs(
    hub: HubStandIn, gguf_bytes: bytes, tmp_path: Path
) -> None:
    from filelock import FileLock

    from desktop.core.models.download import lock_path

    partial = tmp_path / f".{FILE}.{hub.sha256(gguf_bytes)[:16]}.incomplete"
    with (
        FileLock(lock_path(partial)),
        pytest.raises(DownloadError, match="already being downloaded"),
    ):
        download_file(REPO, FILE, dest_dir=tmp_path, endpoint=hub.url)
    assert download_file(REPO, FILE, dest_dir=tmp_path, endpoint=hub.url).read_bytes() == gguf_bytes


def test_unreachable_hub_fails_at_once_with_what_to_check(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a free port with nothing listening
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(DownloadError, match=r"Could not reach the hub .*HF_ENDPOINT"):
        download_file(REPO, FILE, dest_dir=tmp_path, endpoint=f"http://127.0.0.1:{port}")
    assert list(tmp_path.iterdir()) == []
