"""A stand-in of an OpenAI-compatible chat server (llama-server, Ollama) on 127.0.0.1, for tests.

Speaks the subset the app uses, as those servers do: ``POST /v1/chat/completions`` with ``"stream": true``
answers ``text/event-stream`` chunks ``data: {"object": "chat.completion.chunk", "choices": [{"delta":
{"content": ...}}]}`` (the first carries only the role, the last a ``finish_reason``), then ``data: [DONE]``;
without ``stream`` one JSON completion; ``GET /v1/models`` lists the one served model.

Faults per request: ``api.fail("500")``, ``api.fail("cut")`` (close after two chunks, no [DONE]).

    with OpenAIStandIn(reply="Halo!") as api:
        ...  # settings.openai_base_url = api.base_url
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from support.messages_api import chunks_of

FAULTS = ("500", "cut")


class OpenAIStandIn:
    def __init__(
        self, *, reply: str = "Halo! Saya bantu soal visa Anda.", model: str = "qwen-standin"
    ) -> None:
        self.reply = reply
        self.model = model
        self.requests: list[dict[str, Any]] = []  # bodies of chat requests, in order
        self.faults: list[str] = []
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def base_url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def fail(self, kind: str) -> None:
        if kind not in FAULTS:
            raise ValueError(f"unknown fault {kind!r}; choose from {FAULTS}")
        with self._lock:
            self.faults.append(kind)

    def start(self) -> OpenAIStandIn:
        server = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        server.daemon_threads = True
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> OpenAIStandIn:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _take_fault(self) -> str:
        with self._lock:
            return self.faults.pop(0) if self.faults else ""


def _make_handler(api: OpenAIStandIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _json(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path.rstrip("/") == "/v1/models":
                self._json(
                    200, {"object": "list", "data": [{"id": api.model, "object": "model", "owned_by": "me"}]}
                )
            else:
                self._json(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            try:
                body = json.loads(self.rfile.read(length) or b"{}")
            except ValueError:
                self._json(400, {"error": {"message": "body is not JSON", "type": "invalid_request_error"}})
                return
            if self.path != "/v1/chat/completions" or not isinstance(body.get("messages"), list):
                self._json(400, {"error": {"message": "expected messages", "type": "invalid_request_error"}})
                return
            with api._lock:
                api.requests.append(body)
            fault = api._take_fault()
            if fault == "500":
                self._json(500, {"error": {"message": "model crashed", "type": "server_error"}})
                return
            created = int(time.time())
            ident = f"chatcmpl-{uuid.uuid4().hex[:12]}"
            model = body.get("model") or api.model
            if not body.get("stream"):
                message = {"role": "assistant", "content": api.reply}
                choice = {"index": 0, "message": message, "finish_reason": "stop"}
                self._json(
                    200,
                    {
                        "id": ident,
                        "object": "chat.completion",
                        "created": created,
                        "model": model,
                        "choices": [choice],
                    },
                )
                return
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.send_header("cache-control", "no-cache")
            self.send_header("connection", "close")
            self.end_headers()

            def chunk(delta: dict[str, str], finish: str | None = None) -> None:
                payload = {
                    "id": ident,
                    "object": "chat.completion.chunk",
                    "created": created,
                    "model": model,
                    "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
                }
                self.wfile.write(f"data: {json.dumps(payload)}\n\n".encode())
                self.wfile.flush()

            chunk({"role": "assistant"})
            for n, piece in enumerate(chunks_of(api.reply)):
                if fault == "cut" and n == 2:
                    self.close_connection = True
                    return
                chunk({"content": piece})
            chunk({}, "stop")
            self.wfile.write(b"data: [DONE]\n\n")
            self.wfile.flush()
            self.close_connection = True

    return Handler
