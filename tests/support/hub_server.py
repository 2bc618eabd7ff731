"""A stand-in of the Hugging Face hub on 127.0.0.1, for the model download tests.

It answers what ``huggingface_hub`` asks when it downloads one file, the way the hub does for LFS files:

- ``HEAD/GET /{repo}/resolve/{revision}/{file}`` -> ``302`` to a blob address on a second server (the "CDN",
  another origin, so the client stops there exactly as it does before a real CDN), carrying ``X-Repo-Commit``,
  ``X-Linked-Etag`` (the sha256), ``X-Linked-Size`` and ``ETag``. Unknown repo -> 401 with
  ``X-Error-Code: RepoNotFound``; unknown file -> 404 with ``X-Error-Code: EntryNotFound``.
- ``GET /blobs/{sha256}`` on the CDN -> the bytes, ``Accept-Ranges: bytes``, ``206`` + ``Content-Range`` for a
  ``Range: bytes=N-`` request.

Faults: ``corrupt`` serves bytes that differ from the published sha256; ``drop_after(n)`` sends ``n`` body
bytes of the next GET, closes the connection and then answers 503 (a network outage) until :meth:`recover`;
``stall_after(n)`` sends ``n`` bytes of the next GET and waits (at most 60 s) for :meth:`release` before the rest.
Every request is recorded in ``requests`` (method, path, Range header).

    with HubStandIn({"org/model-GGUF": {"model.gguf": data}}) as hub:
        download_file("org/model-GGUF", "model.gguf", endpoint=hub.url)
"""

from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

COMMIT = "0123456789abcdef0123456789abcdef01234567"


@dataclass
class Recorded:
    server: str  # "hub" | "cdn"
    method: str
    path: str
    range: str | None


class HubStandIn:
    def __init__(self, repos: dict[str, dict[str, bytes]]) -> None:
        self.repos = repos
        self.requests: list[Recorded] = []
        self.corrupt = False
        self._drop_after: int | None = None
        self._outage = False
        self._stall_after: int | None = None
        self._released = threading.Event()
        self._lock = threading.Lock()
        self._hub = ThreadingHTTPServer(("127.0.0.1", 0), self._handler("hub"))
        self._cdn = ThreadingHTTPServer(("127.0.0.1", 0), self._handler("cdn"))
        self._threads: list[threading.Thread] = []

    # -- control ---------------------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._hub.server_address[1]}"

    @property
    def cdn_url(self) -> str:
        return f"http://127.0.0.1:{self._cdn.server_address[1]}"

    def drop_after(self, n: int) -> None:
        """The next blob GET sends ``n`` bytes and is cut; the CDN then answers 503 until :meth:`recover`."""
        self._drop_after = n

    def recover(self) -> None:
        self._outage = False

    def stall_after(self, n: int) -> None:
        self._released.clear()
        self._stall_after = n

    def release(self) -> None:
        self._released.set()

    def sha256(self, data: bytes) -> str:
        return hashlib.sha256(data).hexdigest()

    def ranges(self) -> list[str | None]:
        return [r.range for r in self.requests if r.server == "cdn" and r.method == "GET"]

    def __enter__(self) -> HubStandIn:
        for server in (self._hub, self._cdn):
            thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def __exit__(self, *exc: object) -> None:
        self._released.set()
        for server in (self._hub, self._cdn):
            server.shutdown()
            server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    # -- content ---------------------------------------------------------------------------------------------
    def _blob(self, sha: str) -> bytes | None:
        for files in self.repos.values():
            for data in files.values():
                if self.sha256(data) == sha:
                    if self.corrupt:
                        return data[:-1] + bytes([data[-1] ^ 0xFF])
                    return data
        return None

    def _handler(self, server_name: str) -> type[BaseHTTPRequestHandler]:
        hub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                return None

            def _record(self) -> None:
                with hub._lock:
                    hub.requests.append(
                        Recorded(server_name, self.command, self.path, self.headers.get("Range"))
                    )

            def _empty(self, status: int, headers: dict[str, str]) -> None:
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_HEAD(self) -> None:
                self._record()
                self._dispatch(body=False)

            def do_GET(self) -> None:
                self._record()
                self._dispatch(body=True)

            def _dispatch(self, body: bool) -> None:
                if server_name == "hub":
                    self._resolve()
                else:
                    self._serve_blob(body)

            def _resolve(self) -> None:
                match = re.fullmatch(r"/(?P<repo>[^/]+/[^/]+)/resolve/(?P<rev>[^/]+)/(?P<file>.+)", self.path)
                if not match:
                    self._empty(404, {"X-Error-Code": "EntryNotFound"})
                    return
                files = hub.repos.get(match["repo"])
                if files is None:
                    self._empty(
                        401, {"X-Error-Code": "RepoNotFound", "X-Error-Message": "Repository not found"}
                    )
                    return
                data = files.get(match["file"])
                if data is None:
                    self._empty(
                        404,
                        {
                            "X-Error-Code": "EntryNotFound",
                            "X-Error-Message": "Entry not found",
                            "X-Repo-Commit": COMMIT,
                        },
                    )
                    return
                sha = hub.sha256(data)
                self._empty(
                    302,
                    {
                        "Location": f"{hub.cdn_url}/blobs/{sha}",
                        "X-Repo-Commit": COMMIT,
                        "X-Linked-Etag": f'"{sha}"',
                        "X-Linked-Size": str(len(data)),
                        "ETag": '"0d1e2f"',
                    },
                )

            def _serve_blob(self, body: bool) -> None:
                data = hub._blob(self.path.rsplit("/", 1)[-1])
                if data is None:
                    self._empty(404, {})
                    return
                if hub._outage:
                    self._empty(503, {})
                    return
                start = 0
                wanted = self.headers.get("Range")
                if wanted:
                    found = re.fullmatch(r"bytes=(\d+)-", wanted.strip())
                    if not found or int(found[1]) >= len(data):
                        self._empty(416, {"Content-Range": f"bytes */{len(data)}"})
                        return
                    start = int(found[1])
                part = data[start:]
                self.send_response(206 if wanted else 200)
                self.send_header("Accept-Ranges", "bytes")
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("ETag", f'"{hub.sha256(data)}"')
                self.send_header("Content-Length", str(len(part)))
                if wanted:
                    self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                self.end_headers()
                if not body:
                    return
                cut = hub._drop_after
                if cut is not None:
                    hub._drop_after = None
                    hub._outage = True
                    self.wfile.write(part[:cut])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                stall = hub._stall_after
                if stall is not None:
                    hub._stall_after = None
                    self.wfile.write(part[:stall])
                    self.wfile.flush()
                    hub._released.wait(timeout=60)
                    part = part[stall:]
                self.wfile.write(part)

        return Handler


def make_gguf(path: Any, min_bytes: int, name: str = "Stand-in 1B") -> bytes:
    """Write a valid GGUF of at least ``min_bytes`` (one float32 tensor) with the ``gguf`` package; return
    its bytes. Over 10 MB it spans more than one of huggingface_hub's download chunks."""
    import gguf
    import numpy as np

    writer = gguf.GGUFWriter(str(path), "llama")
    writer.add_name(name)
    writer.add_context_length(256)
    n = max(1, min_bytes // 4)
    writer.add_tensor("token_embd.weight", np.arange(n, dtype=np.float32).reshape(1, n))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    with open(path, "rb") as fh:
        return fh.read()
