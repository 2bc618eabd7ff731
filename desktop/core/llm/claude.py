"""Claude through the anthropic SDK, with the deadlines a desktop app needs.

The SDK's defaults (600 s timeout, silent retries) would leave the user staring at a spinner; here every
wait is bounded: connect within ``connect_timeout_s``, first text within ``first_token_deadline_s`` (a
watchdog closes the stream even if the server keeps sending pings), and a small retry budget for
429/5xx/529 before any text arrived. Every failure becomes :class:`~desktop.core.errors.ClaudeUnavailable`
with a reason code and the text streamed so far, so the router can continue offline with the local model.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from typing import Any

import anthropic
import httpx2

from desktop.core import secrets
from desktop.core.cancel import CancelToken
from desktop.core.errors import Cancelled, ClaudeUnavailable
from desktop.core.feedback import usage
from desktop.core.llm.base import Capabilities, ChatModel, ChatRequest, Message
from desktop.core.settings import Settings

RETRYABLE = ("rate_limited", "overloaded", "server_error")
MAX_HONOURED_RETRY_AFTER_S = 2.0
KEY_HINT = "Run `zantara key set` with a valid key from console.anthropic.com (or fix ANTHROPIC_API_KEY)."

_MESSAGES = {
    "connection": ("Cannot reach Claude (connection refused or no network).", "Answering offline for now."),
    "connect_timeout": ("No connection to Claude within the connect timeout.", "Answering offline for now."),
    "first_token_timeout": (
        "Claude did not start answering within the deadline.",
        "Answering offline for now.",
    ),
    "rate_limited": (
        "Claude is rate-limiting this key (429).",
        "Answering offline; Claude is retried later.",
    ),
    "overloaded": ("Claude is overloaded (529).", "Answering offline; Claude is retried later."),
    "server_error": ("Claude returned a server error.", "Answering offline; Claude is retried later."),
    "stream_cut": ("The connection to Claude was lost mid-answer.", "The rest is answered offline."),
    "bad_response": ("Claude sent a response that could not be read.", "Answering offline for now."),
}


def unavailable(reason: str, partial: str = "", detail: str = "") -> ClaudeUnavailable:
    message, hint = _MESSAGES.get(reason, ("Claude is unavailable.", "Answering offline for now."))
    if detail:
        message = f"{message[:-1]} ({detail})."
    return ClaudeUnavailable(reason, message, hint, partial=partial)


class _Watchdog:
    """Closes the HTTP stream when the first-token deadline passes or the user cancels.

    The SDK swallows ``ping`` events, so a server that pings forever would never let the reading loop check a
    clock; closing the response from this thread is what unblocks it.
    """

    def __init__(self, deadline_s: float, cancel: CancelToken | None) -> None:
        self.deadline = time.monotonic() + deadline_s
        self.cancel = cancel
        self.fired = False
        self._first_token = threading.Event()
        self._done = threading.Event()
        self._stream: Any = None
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="claude-watchdog", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def attach(self, stream: Any) -> None:
        with self._lock:
            self._stream = stream
            fire_now = self.fired
        if fire_now:
            self._close()

    def first_token(self) -> None:
        self._first_token.set()

    def stop(self) -> None:
        self._done.set()

    def _close(self) -> None:
        with self._lock:
            stream = self._stream
        if stream is not None:
            # closing a half-dead socket may itself fail; the reader sees the error anyway
            with contextlib.suppress(Exception):
                stream.close()

    def _run(self) -> None:
        while not self._done.wait(0.05):
            if self.cancel is not None and self.cancel.cancelled:
                break
            if not self._first_token.is_set() and time.monotonic() >= self.deadline:
                with self._lock:
                    self.fired = True
                break
        else:
            return
        self._close()


class ClaudeModel(ChatModel):
    kind = "claude"
    capabilities = Capabilities(needs_key=True, can_list_models=True, is_local=False, can_cancel=True)
    default_max_tokens = 1024

    def __init__(
        self,
        settings: Settings,
        *,
        api_key: str | None = None,
        model: str | None = None,
        base_url: str | None = None,
        client: anthropic.Anthropic | None = None,
    ) -> None:
        self.settings = settings
        self.model = model or settings.claude_chat_model
        self._api_key = secrets.get_api_key(api_key)
        self._base_url = base_url  # None: the SDK reads ANTHROPIC_BASE_URL
        self._client = client

    # -- identity -------------------------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.model

    @property
    def has_key(self) -> bool:
        return bool(self._api_key)

    def variant(self, model: str) -> ClaudeModel:
        """The same connection with another model id (strategies that want ``claude_strong_model``)."""
        return ClaudeModel(
            self.settings, api_key=self._api_key, model=model, base_url=self._base_url, client=self._client
        )

    @property
    def client(self) -> anthropic.Anthropic:
        if not self._api_key:
            raise ClaudeUnavailable("no_key", "No Anthropic API key is set.", KEY_HINT)
        if self._client is None:
            self._client = anthropic.Anthropic(
                api_key=self._api_key,
                base_url=self._base_url,
                timeout=self.timeout(),
                max_retries=0,  # our own budget below, never the SDK's silent backoff
            )
        return self._client

    def timeout(self) -> httpx2.Timeout:
        """The deadlines from the settings *now*: passed with every request, so a change in Settings applies
        to the next call without rebuilding the client (or restarting the app)."""
        s = self.settings
        return httpx2.Timeout(
            connect=s.connect_timeout_s, read=s.first_token_deadline_s, write=10.0, pool=s.connect_timeout_s
        )

    # -- streaming ------------------------------------------------------------------------------------------
    def generate(self, request: ChatRequest) -> Iterator[str]:
        messages, system, temperature, cancel = (
            request.messages,
            request.system,
            request.temperature,
            request.cancel,
        )
        max_tokens = self.tokens_for(request)
        client = self.client
        attempt = 0
        while True:
            parts: list[str] = []
            try:
                yield from self._stream_once(client, messages, system, max_tokens, temperature, cancel, parts)
                return
            except _Retry as retry:
                too_long = retry.after is not None and retry.after < 0
                if parts or too_long or attempt >= self.settings.claude_max_retries:
                    raise retry.error from None
                attempt += 1
                wait = retry.after if retry.after is not None else min(2.0, 0.25 * 2**attempt)
                if cancel is not None and cancel.wait(wait):
                    raise Cancelled() from None
                if cancel is None:
                    time.sleep(wait)

    def _stream_once(
        self,
        client: anthropic.Anthropic,
        messages: list[Message],
        system: str,
        max_tokens: int,
        temperature: float,
        cancel: CancelToken | None,
        parts: list[str],
    ) -> Iterator[str]:
        watchdog = _Watchdog(self.settings.first_token_deadline_s, cancel)
        watchdog.start()
        stream: Any = None
        stopped = False
        tokens: dict[str, int] = {}  # the API's usage fields: message_start, then message_delta
        try:
            stream = client.messages.create(**self._request(messages, system, max_tokens))
            watchdog.attach(stream)
            for event in stream:
                if cancel is not None and cancel.cancelled:
                    raise Cancelled()
                kind = getattr(event, "type", "")
                if kind == "content_block_delta":
                    delta = getattr(event, "delta", None)
                    text = (
                        getattr(delta, "text", None) if getattr(delta, "type", "") == "text_delta" else None
                    )
                    if text:
                        watchdog.first_token()
                        parts.append(text)
                        yield text
                elif kind in ("message_start", "message_delta"):
                    _take_usage(getattr(getattr(event, "message", event), "usage", None), tokens)
                elif kind == "message_stop":
                    stopped = True
            if not stopped:
                raise self._after_close(watchdog, cancel, parts, "stream ended before message_stop")
        except (Cancelled, ClaudeUnavailable, _Retry):
            raise
        except anthropic.APIStatusError as exc:
            raise self._status_error(exc, "".join(parts)) from None
        except anthropic.APITimeoutError as exc:
            if cancel is not None and cancel.cancelled:
                raise Cancelled() from None
            connecting = isinstance(exc.__cause__, httpx2.ConnectTimeout)
            reason = "stream_cut" if parts else "connect_timeout" if connecting else "first_token_timeout"
            raise unavailable(reason, "".join(parts)) from None
        except anthropic.APIConnectionError:
            raise self._after_close(watchdog, cancel, parts, "", connecting=stream is None) from None
        except (httpx2.HTTPError, httpx2.StreamError, OSError) as exc:
            raise self._after_close(watchdog, cancel, parts, type(exc).__name__) from None
        except ValueError as exc:  # a data: line that is not JSON
            if watchdog.fired:
                raise unavailable("first_token_timeout", "".join(parts)) from None
            raise unavailable("bad_response", "".join(parts), "malformed event") from exc
        finally:
            watchdog.stop()
            if tokens:  # billed even when the stream broke
                chars = sum(len(m.content) for m in messages)
                usage.record_call(
                    cancel,
                    model=self.model,
                    system=system,
                    messages_chars=chars,
                    usage=tokens,
                    complete=stopped,
                )
            if stream is not None:
                with contextlib.suppress(Exception):
                    stream.close()

    def _request(self, messages: list[Message], system: str, max_tokens: int) -> dict[str, Any]:
        """The streaming Messages request. This SDK's ``Messages.create`` has no ``temperature`` (current models
        fix sampling), so none is sent."""
        request: dict[str, Any] = {
            "model": self.model,
            "max_tokens": max_tokens,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "stream": True,
            "timeout": self.timeout(),
        }
        if system:
            request["system"] = system
        return request

    def _after_close(
        self,
        watchdog: _Watchdog,
        cancel: CancelToken | None,
        parts: list[str],
        detail: str,
        connecting: bool = False,
    ) -> Exception:
        """Name the failure of a stream that ended or broke: our deadline, the user, or the network."""
        if cancel is not None and cancel.cancelled:
            return Cancelled()
        partial = "".join(parts)
        if watchdog.fired:
            return unavailable("first_token_timeout", partial)
        if connecting:
            return unavailable("connection", partial)
        return unavailable("stream_cut", partial, detail)

    def _status_error(self, exc: anthropic.APIStatusError, partial: str) -> Exception:
        status = exc.status_code
        error_type = getattr(exc, "type", None) or ""
        if status == 401:
            return ClaudeUnavailable("auth", "API key rejected by Claude (401).", KEY_HINT, partial=partial)
        if status == 403:
            return ClaudeUnavailable(
                "auth", "API key rejected: it may not use this model (403).", KEY_HINT, partial=partial
            )
        if status == 429 or error_type == "rate_limit_error":
            return _Retry(unavailable("rate_limited", partial), _retry_after(exc))
        if status == 529 or error_type == "overloaded_error":
            return _Retry(unavailable("overloaded", partial), None)
        if status >= 500 or error_type == "api_error":
            return _Retry(
                unavailable("server_error", partial, f"HTTP {status}" if status >= 500 else ""), None
            )
        return unavailable("bad_response", partial, f"HTTP {status} {error_type}".strip())

    # -- models endpoint ------------------------------------------------------------------------------------
    def list_models(self) -> list[dict[str, str]]:
        """Model ids and display names from the models endpoint (settings UI, when online)."""
        try:
            page = self.client.models.list(limit=100, timeout=self.timeout())
            return [{"id": m.id, "display_name": getattr(m, "display_name", "") or m.id} for m in page.data]
        except anthropic.APIStatusError as exc:
            err = self._status_error(exc, "")
            raise (err.error if isinstance(err, _Retry) else err) from None
        except anthropic.APITimeoutError:
            raise unavailable("connect_timeout") from None
        except anthropic.APIConnectionError:
            raise unavailable("connection") from None


def _take_usage(fields: Any, into: dict[str, int]) -> None:
    """Copy the usage counts an event carries (later events carry cumulative counts, so they win)."""
    for name in ("input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"):
        value = getattr(fields, name, None)
        if isinstance(value, int):
            into[name] = value


def from_settings(settings: Settings, api_key: str | None) -> ClaudeModel:
    """The backend registry's factory (:mod:`desktop.core.llm.backends`)."""
    return ClaudeModel(settings, api_key=api_key)


class _Retry(Exception):
    """Internal: a retryable failure (before any text) and the server's small retry-after, if any."""

    def __init__(self, error: ClaudeUnavailable, after: float | None) -> None:
        super().__init__(error.reason)
        self.error = error
        self.after = after


def _retry_after(exc: anthropic.APIStatusError) -> float | None:
    """Honour retry-after only when it is short: a long wait is better spent answering offline."""
    headers = exc.response.headers
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        value = headers.get(name)
        if value:
            try:
                seconds = float(value) * scale
            except ValueError:
                return None
            return seconds if 0 <= seconds <= MAX_HONOURED_RETRY_AFTER_S else -1.0
    return None
