"""A protocol-faithful stand-in of the Anthropic Messages API on 127.0.0.1, for tests and benchmarks.

The real ``anthropic`` SDK talks to it through ``base_url``, so the client code is exercised exactly as
in production: HTTP status errors with Anthropic's JSON error bodies, streaming Server-Sent Events in the
documented order (message_start, content_block_start, ping, content_block_delta/text_delta...,
content_block_stop, message_delta, message_stop), ``event: error`` events, and ``GET /v1/models``.

Faults are injected per request: ``api.fail("529", times=2)`` fails the next two requests, then recovers.
``refuse`` closes the listening socket (connection refused) until :meth:`recover`.

Answers that cite the team's documents: ``reply=citing_reply([Claim(statement, "holder"), ...])`` reads the
numbered ``<passage n="...">`` elements the app really sent and cites, per claim, the passage that holds the
statement (a correct citation), another sent passage (``"other"``: the wrong passage) or a number that was not
sent (``"invented"``), as "statement [n]." sentences.

    with MessagesAPIStandIn(reply="Halo!") as api:
        client = anthropic.Anthropic(api_key=api.api_key, base_url=api.base_url)
"""

from __future__ import annotations

import contextlib
import html
import json
import re
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal

FAULTS = (
    "refuse",  # nothing listening (connection refused)
    "hang",  # accept the request, never answer
    "pings",  # 200 + message_start, then only pings forever (no first token)
    "401",
    "403",
    "429",
    "500",
    "529",
    "cut",  # close the connection after N text deltas
    "malformed",  # a content_block_delta whose data is not JSON
    "error_event",  # `event: error` (overloaded_error) after N deltas, HTTP status already 200
)

ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    429: "rate_limit_error",
    500: "api_error",
    529: "overloaded_error",
}

MODELS = [
    {
        "type": "model",
        "id": "claude-sonnet-5-5",
        "display_name": "Claude Sonnet 5.5",
        "created_at": "2026-09-01T00:00:00Z",
    },
    {
        "type": "model",
        "id": "claude-haiku-5-5",
        "display_name": "Claude Haiku 5.5",
        "created_at": "2026-09-01T00:00:00Z",
    },
    {
        "type": "model",
        "id": "claude-sonnet-4-6",
        "display_name": "Claude Sonnet 4.6",
        "created_at": "2026-02-17T00:00:00Z",
    },
    {
        "type": "model",
        "id": "claude-sonnet-4-5",
        "display_name": "Claude Sonnet 4.5",
        "created_at": "2025-09-29T00:00:00Z",
    },
    {
        "type": "model",
        "id": "claude-haiku-4-5",
        "display_name": "Claude Haiku 4.5",
        "created_at": "2025-10-15T00:00:00Z",
    },
]


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names; x-api-key and authorization removed
    body: dict[str, Any] | None
    auth: str  # "x-api-key", "bearer" or "" (which credential header carried the key)
    at: float = field(default_factory=time.monotonic)

    @property
    def system_text(self) -> str:
        """The system prompt as one string (the API accepts a string or a list of text blocks)."""
        system = (self.body or {}).get("system", "")
        if isinstance(system, list):
            return "\n".join(block.get("text", "") for block in system if isinstance(block, dict))
        return str(system or "")


@dataclass
class _Fault:
    kind: str
    times: int | None  # None = until recover()
    after_deltas: int = 2
    retry_after: float | None = None


Reply = str | Callable[[dict[str, Any]], str]


class MessagesAPIStandIn:
    """Start with :meth:`start` (or ``with``), stop with :meth:`stop`. Thread-safe."""

    def __init__(
        self,
        *,
        reply: Reply = "Halo! Tidak perlu malu bertanya, saya di sini untuk membantu soal visa Anda.",
        api_key: str = "sk-ant-standin-0123456789",
        token_delay_s: float = 0.0,
        initial_delay_s: float = 0.0,
        ping_interval_s: float = 0.2,
        check_delay_s: float = 0.0,
        port: int = 0,
    ) -> None:
        self.reply: Reply = reply
        self.api_key = api_key
        self.token_delay_s = token_delay_s
        self.initial_delay_s = initial_delay_s
        self.ping_interval_s = ping_interval_s
        # how long a reachability check takes (the models list, a one-token request): a slow start-up check
        self.check_delay_s = check_delay_s
        self.requests: list[RecordedRequest] = []
        self._port = port
        self._faults: list[_Fault] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle ------------------------------------------------------------------------------------------
    @property
    def port(self) -> int:
        return self._port

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    def start(self) -> MessagesAPIStandIn:
        self._stopping.clear()
        self._listen()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._close_listener()

    def __enter__(self) -> MessagesAPIStandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _listen(self) -> None:
        handler = _make_handler(self)
        server = ThreadingHTTPServer(("127.0.0.1", self._port), handler)
        server.daemon_threads = True
        self._port = server.server_address[1]
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def _close_listener(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    # -- faults ---------------------------------------------------------------------------------------------
    def fail(
        self, kind: str, *, times: int | None = None, after_deltas: int = 2, retry_after: float | None = None
    ) -> None:
        """Inject ``kind`` (one of FAULTS) for the next ``times`` requests (None: until :meth:`recover`)."""
        if kind not in FAULTS:
            raise ValueError(f"unknown fault {kind!r}; choose from {FAULTS}")
        if kind == "refuse":
            self._close_listener()
            return
        with self._lock:
            self._faults.append(_Fault(kind, times, after_deltas, retry_after))

    def recover(self) -> None:
        """Clear every fault; listen again (same port) if ``refuse`` closed the socket."""
        with self._lock:
            self._faults.clear()
        if self._server is None and not self._stopping.is_set():
            self._listen()

    def _take_fault(self) -> _Fault | None:
        with self._lock:
            if not self._faults:
                return None
            fault = self._faults[0]
            if fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    self._faults.pop(0)
            return fault

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self.requests.append(request)

    def message_requests(self) -> list[RecordedRequest]:
        with self._lock:
            return [r for r in self.requests if r.path.startswith("/v1/messages")]

    @staticmethod
    def usage_for(body: dict[str, Any], text: str) -> dict[str, int]:
        """Token counts the stand-in reports: a quarter of the characters, like English prose on Claude's
        tokenizer. Streaming sends ``input_tokens`` in message_start (with the cache fields and
        ``output_tokens: 1``) and the final ``output_tokens`` in message_delta, as the API does."""
        prompt = json.dumps(body.get("messages", [])) + json.dumps(body.get("system", ""))
        return {
            "input_tokens": max(1, len(prompt) // 4),
            "output_tokens": max(1, len(text) // 4),
            "cache_creation_input_tokens": 0,
            "cache_read_input_tokens": 0,
        }

    def reply_for(self, body: dict[str, Any]) -> str:
        return self.reply(body) if callable(self.reply) else self.reply

    def wait_stopping(self, timeout: float) -> bool:
        return self._stopping.wait(timeout)


_PASSAGE = re.compile(r'<passage n="(\d+)"[^>]*>\n(.*?)\n</passage>', re.DOTALL)


def sent_passages(body: dict[str, Any]) -> dict[int, str]:
    """{n: text} of the numbered document passages in a request's system prompt (as the app framed them)."""
    system = body.get("system", "")
    if isinstance(system, list):
        system = "\n".join(b.get("text", "") for b in system if isinstance(b, dict))
    return {int(n): html.unescape(text) for n, text in _PASSAGE.findall(str(system or ""))}


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Claim:
    """One sentence of a scripted answer and which passage it cites: the one holding the statement, another
    one that was sent, or a number that was not sent."""

    statement: str
    cite: Literal["holder", "other", "invented"] = "holder"
    source: str = ""  # the passage text the statement says in other words (default: the statement itself)


def holder_of(statement: str, passages: dict[int, str]) -> int | None:
    """The sent passage whose text holds ``statement`` (whitespace and case aside)."""
    return next((n for n, text in sorted(passages.items()) if _norm(statement) in _norm(text)), None)


def citing_reply(claims: list[Claim]) -> Callable[[dict[str, Any]], str]:
    """A reply that cites the passages of each request as ``claims`` say (a claim whose citation cannot be
    made, e.g. no sent passage holds it, is written without one)."""

    def reply(body: dict[str, Any]) -> str:
        passages = sent_passages(body)
        sentences = []
        for claim in claims:
            holder = holder_of(claim.source or claim.statement, passages)
            if claim.cite == "holder":
                n = holder
            elif claim.cite == "other":
                said = _norm(claim.source or claim.statement)
                n = next((m for m in sorted(passages) if said not in _norm(passages[m])), None)
            else:
                n = max(passages, default=0) + 4
            statement = claim.statement.rstrip(" .")
            sentences.append(f"{statement} [{n}]." if n is not None else f"{statement}.")
        return " ".join(sentences)

    return reply


def closed_port_url() -> str:
    """A base URL on 127.0.0.1 where nothing listens (connection refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@contextlib.contextmanager
def blackhole_url() -> Iterator[str]:
    """A base URL whose TCP connect never completes (listen backlog full): the connect-timeout case."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    port = server.getsockname()[1]
    fillers = []
    for _ in range(3):
        filler = socket.socket()
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            filler.connect(("127.0.0.1", port))
        fillers.append(filler)
    time.sleep(0.1)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        for filler in fillers:
            filler.close()
        server.close()


def chunks_of(text: str) -> list[str]:
    """Split text into word-sized deltas (each keeps its trailing space), like a tokenizer would."""
    out: list[str] = []
    current = ""
    for ch in text:
        current += ch
        if ch == " ":
            out.append(current)
            current = ""
    if current:
        out.append(current)
    return out


def _make_handler(api: MessagesAPIStandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        # -- plumbing ---------------------------------------------------------------------------------------
        def _read_body(self) -> dict[str, Any] | None:
            length = int(self.headers.get("content-length") or 0)
            if not length:
                return None
            raw = self.rfile.read(length)
            try:
                data = json.loads(raw)
            except ValueError:
                return None
            return data if isinstance(data, dict) else None

        def _auth(self) -> tuple[str, bool]:
            key = self.headers.get("x-api-key")
            if key is not None:
                return "x-api-key", key == api.api_key
            bearer = self.headers.get("authorization", "")
            if bearer.lower().startswith("bearer "):
                return "bearer", bearer[7:].strip() == api.api_key
            return "", False

        def _send_json(
            self, status: int, payload: dict[str, Any], headers: dict[str, str] | None = None
        ) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.send_header("request-id", f"req_{uuid.uuid4().hex[:24]}")
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)
            self.wfile.flush()

        def _send_error(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
            payload = {
                "type": "error",
                "error": {"type": ERROR_TYPES.get(status, "api_error"), "message": message},
                "request_id": f"req_{uuid.uuid4().hex[:24]}",
            }
            self._send_json(status, payload, headers)

        def _chunk(self, data: bytes) -> None:
            self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()

        def _event(self, name: str, payload: dict[str, Any] | str) -> None:
            data = payload if isinstance(payload, str) else json.dumps(payload)
            self._chunk(f"event: {name}\ndata: {data}\n\n".encode())

        def _hang(self) -> None:
            api.wait_stopping(3600)

        # -- routes -----------------------------------------------------------------------------------------
        def do_GET(self) -> None:
            self._handle("GET")

        def do_POST(self) -> None:
            self._handle("POST")

        def _handle(self, method: str) -> None:
            body = self._read_body() if method == "POST" else None
            auth_kind, auth_ok = self._auth()
            headers = {
                k.lower(): v
                for k, v in self.headers.items()
                if k.lower() not in ("x-api-key", "authorization")
            }
            path = self.path.split("?", 1)[0]
            api._record(RecordedRequest(method, path, headers, body, auth_kind))
            # the client may give up (deadline, cancel): that is the point of several tests
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self._route(method, path, body, auth_ok)

        def _route(self, method: str, path: str, body: dict[str, Any] | None, auth_ok: bool) -> None:
            if not self.headers.get("anthropic-version"):
                return self._send_error(400, "anthropic-version: header is required")
            is_check = path == "/v1/models" or (body or {}).get("max_tokens") == 1
            if is_check and api.check_delay_s and api.wait_stopping(api.check_delay_s):
                return
            fault = api._take_fault()
            kind = fault.kind if fault else ""
            if kind == "hang":
                return self._hang()
            if not auth_ok or kind == "401":
                return self._send_error(401, "invalid x-api-key")
            if kind == "403":
                return self._send_error(
                    403, "Your API key does not have permission to use the specified resource."
                )
            if kind == "429":
                retry = fault.retry_after if fault and fault.retry_after is not None else 1
                return self._send_error(
                    429,
                    "Number of request tokens has exceeded your rate limit.",
                    {"retry-after": f"{retry:g}"},
                )
            if kind == "500":
                return self._send_error(500, "Internal server error")
            if kind == "529":
                return self._send_error(529, "Overloaded")
            if method == "GET" and path == "/v1/models":
                return self._send_json(
                    200,
                    {
                        "data": MODELS,
                        "has_more": False,
                        "first_id": MODELS[0]["id"],
                        "last_id": MODELS[-1]["id"],
                    },
                )
            if method == "POST" and path == "/v1/messages":
                if not body or "messages" not in body or "max_tokens" not in body or "model" not in body:
                    return self._send_error(400, "messages, model and max_tokens are required")
                if body.get("stream"):
                    return self._stream(body, fault)
                return self._message(body)
            return self._send_error(404, f"Not found: {method} {path}")

        def _usage(self, body: dict[str, Any], text: str) -> dict[str, int]:
            return api.usage_for(body, text)

        def _message(self, body: dict[str, Any]) -> None:
            if api.initial_delay_s and api.wait_stopping(api.initial_delay_s):
                return
            text = api.reply_for(body)
            self._send_json(
                200,
                {
                    "id": f"msg_{uuid.uuid4().hex[:24]}",
                    "type": "message",
                    "role": "assistant",
                    "model": body["model"],
                    "content": [{"type": "text", "text": text}],
                    "stop_reason": "end_turn",
                    "stop_sequence": None,
                    "usage": self._usage(body, text),
                },
            )

        def _stream(self, body: dict[str, Any], fault: _Fault | None) -> None:
            kind = fault.kind if fault else ""
            text = api.reply_for(body)
            usage = self._usage(body, text)
            self.send_response(200)
            self.send_header("content-type", "text/event-stream; charset=utf-8")
            self.send_header("cache-control", "no-cache")
            self.send_header("transfer-encoding", "chunked")
            self.send_header("request-id", f"req_{uuid.uuid4().hex[:24]}")
            self.end_headers()
            self._event(
                "message_start",
                {
                    "type": "message_start",
                    "message": {
                        "id": f"msg_{uuid.uuid4().hex[:24]}",
                        "type": "message",
                        "role": "assistant",
                        "content": [],
                        "model": body["model"],
                        "stop_reason": None,
                        "stop_sequence": None,
                        "usage": {
                            "input_tokens": usage["input_tokens"],
                            "cache_creation_input_tokens": 0,
                            "cache_read_input_tokens": 0,
                            "output_tokens": 1,
                        },
                    },
                },
            )
            if kind == "pings":
                while not api.wait_stopping(api.ping_interval_s):
                    self._event("ping", {"type": "ping"})
                return
            self._event(
                "content_block_start",
                {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
            )
            self._event("ping", {"type": "ping"})
            if api.initial_delay_s and api.wait_stopping(api.initial_delay_s):
                return
            for n, piece in enumerate(chunks_of(text)):
                if fault and n == fault.after_deltas:
                    if kind == "cut":
                        self.wfile.flush()
                        self.close_connection = True
                        self.connection.shutdown(socket.SHUT_RDWR)
                        return
                    if kind == "malformed":
                        self._event(
                            "content_block_delta", '{"type": "content_block_delta", "index": 0, "delta": {'
                        )
                        self._chunk(b"")
                        return
                    if kind == "error_event":
                        self._event(
                            "error",
                            {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}},
                        )
                        self._chunk(b"")
                        return
                if api.token_delay_s and api.wait_stopping(api.token_delay_s):
                    return
                self._event(
                    "content_block_delta",
                    {
                        "type": "content_block_delta",
                        "index": 0,
                        "delta": {"type": "text_delta", "text": piece},
                    },
                )
            self._event("content_block_stop", {"type": "content_block_stop", "index": 0})
            self._event(
                "message_delta",
                {
                    "type": "message_delta",
                    "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                    "usage": {"output_tokens": usage["output_tokens"]},
                },
            )
            self._event("message_stop", {"type": "message_stop"})
            self._chunk(b"")

    return Handler
