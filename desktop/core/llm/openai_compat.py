"""An OpenAI-compatible chat server as the online model: llama-server, Ollama, vLLM, LM Studio...

``POST {base_url}/chat/completions`` with ``"stream": true`` answers with Server-Sent Events, one
``data: {"choices": [{"delta": {"content": "..."}}]}`` per chunk and ``data: [DONE]`` at the end;
``GET {base_url}/models`` lists the served models. The same deadlines as Claude apply (connect within
``connect_timeout_s``, each read within ``first_token_deadline_s``, both read from the settings on every request)
and every failure becomes :class:`~desktop.core.errors.ClaudeUnavailable` — the router's "the online model
cannot answer" signal — so the local model continues exactly as when Claude fails.

Settings: ``backend = "openai"``, ``openai_base_url`` (``ZANTARA_OPENAI_BASE_URL`` overrides), ``openai_model``;
an optional key in ``ZANTARA_OPENAI_API_KEY`` is sent as a bearer token (local servers need none).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import httpx2

from desktop.core.errors import Cancelled, ClaudeUnavailable
from desktop.core.llm.base import Capabilities, ChatModel, ChatRequest
from desktop.core.settings import Settings

HINT = "Answering offline for now. Check that the server runs at the configured address (openai_base_url)."


def unavailable(reason: str, message: str, partial: str = "") -> ClaudeUnavailable:
    return ClaudeUnavailable(reason, message, HINT, partial=partial)


class OpenAICompatModel(ChatModel):
    kind = "openai"
    capabilities = Capabilities(needs_key=False, can_list_models=True, is_local=False, can_cancel=True)
    default_max_tokens = 1024

    def __init__(self, settings: Settings, *, base_url: str | None = None, model: str | None = None) -> None:
        self.settings = settings
        self._base_url = base_url
        self._model = model

    # -- identity (read from the settings on every request: a change applies at once) ----------------------
    @property
    def base_url(self) -> str:
        url = self._base_url or os.environ.get("ZANTARA_OPENAI_BASE_URL") or self.settings.openai_base_url
        return url.rstrip("/")

    @property
    def model(self) -> str:
        return self._model or self.settings.openai_model

    @property
    def name(self) -> str:
        return self.model or "openai-compatible"

    def timeout(self) -> httpx2.Timeout:
        s = self.settings
        return httpx2.Timeout(
            connect=s.connect_timeout_s, read=s.first_token_deadline_s, write=10.0, pool=s.connect_timeout_s
        )

    def _headers(self) -> dict[str, str]:
        key = os.environ.get("ZANTARA_OPENAI_API_KEY", "")
        return {"Authorization": f"Bearer {key}"} if key else {}

    # -- streaming ------------------------------------------------------------------------------------------
    def generate(self, request: ChatRequest) -> Iterator[str]:
        messages = [{"role": "system", "content": request.system}] if request.system else []
        messages += [{"role": m.role, "content": m.content} for m in request.messages]
        payload: dict[str, Any] = {
            "messages": messages,
            "max_tokens": self.tokens_for(request),
            "temperature": request.temperature,
            "stream": True,
        }
        if self.model:
            payload["model"] = self.model
        if request.seed is not None:  # llama-server, Ollama and OpenAI honour it: a regenerate differs
            payload["seed"] = request.seed
        cancel = request.cancel
        parts: list[str] = []
        url = f"{self.base_url}/chat/completions"
        try:
            with (
                httpx2.Client(timeout=self.timeout()) as client,
                client.stream("POST", url, json=payload, headers=self._headers()) as response,
            ):
                if response.status_code != 200:
                    response.read()
                    raise _status_error(response.status_code, response.text)
                done = False
                for line in response.iter_lines():
                    if cancel is not None and cancel.cancelled:
                        raise Cancelled()
                    if not line.startswith("data:"):
                        continue  # blank separators, comments (": ping"), event names
                    data = line[5:].strip()
                    if data == "[DONE]":
                        done = True
                        break
                    text = _delta_text(data, "".join(parts))
                    if text:
                        parts.append(text)
                        yield text
                if not done:
                    raise unavailable(
                        "stream_cut", "The server closed the answer before its end.", "".join(parts)
                    )
        except (Cancelled, ClaudeUnavailable):
            raise
        except httpx2.ConnectTimeout:
            raise unavailable(
                "connect_timeout", f"No connection to {url} within the connect timeout."
            ) from None
        except httpx2.ConnectError:
            raise unavailable(
                "connection", f"Cannot reach {url} (connection refused or no network)."
            ) from None
        except httpx2.ReadTimeout:
            if cancel is not None and cancel.cancelled:
                raise Cancelled() from None
            if parts:
                raise unavailable("stream_cut", "The server stopped sending.", "".join(parts)) from None
            raise unavailable("first_token_timeout", "The server did not start answering in time.") from None
        except (httpx2.HTTPError, httpx2.StreamError, OSError) as exc:
            partial = "".join(parts)
            raise unavailable(
                "stream_cut" if partial else "connection",
                f"The connection broke ({type(exc).__name__}).",
                partial,
            ) from None

    # -- models endpoint ------------------------------------------------------------------------------------
    def list_models(self) -> list[dict[str, str]]:
        url = f"{self.base_url}/models"
        try:
            response = httpx2.get(url, timeout=self.timeout(), headers=self._headers())
        except httpx2.ConnectTimeout:
            raise unavailable(
                "connect_timeout", f"No connection to {url} within the connect timeout."
            ) from None
        except httpx2.HTTPError:
            raise unavailable("connection", f"Cannot reach {url}.") from None
        if response.status_code != 200:
            raise _status_error(response.status_code, response.text)
        try:
            return [{"id": str(m["id"]), "display_name": str(m["id"])} for m in response.json()["data"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise unavailable("bad_response", f"The models list from {url} could not be read.") from exc


def _delta_text(data: str, partial: str) -> str:
    """The text of one streamed chunk ("" for a chunk without content, e.g. the role or finish_reason)."""
    try:
        event = json.loads(data)
        if event.get("error"):
            message = (
                event["error"].get("message", "") if isinstance(event["error"], dict) else event["error"]
            )
            raise unavailable(
                "server_error", f"The server reported an error mid-answer ({message}).", partial
            )
        choices = event.get("choices") or [{}]
        return str((choices[0].get("delta") or {}).get("content") or "")
    except (ValueError, AttributeError, TypeError, IndexError) as exc:
        raise unavailable("bad_response", "The server sent a chunk that could not be read.", partial) from exc


def _status_error(status: int, body: str) -> ClaudeUnavailable:
    detail = body.strip().replace("\n", " ")[:200]
    if status in (401, 403):
        return ClaudeUnavailable(
            "auth",
            f"The server rejected the request ({status}).",
            "Set ZANTARA_OPENAI_API_KEY to the key the server expects.",
        )
    if status == 429:
        return unavailable("rate_limited", "The server is rate-limiting requests (429).")
    if status >= 500:
        return unavailable("server_error", f"The server returned an error (HTTP {status}: {detail}).")
    return unavailable("bad_response", f"The server refused the request (HTTP {status}: {detail}).")


def from_settings(settings: Settings, api_key: str | None) -> OpenAICompatModel:
    """The backend registry's factory (the Anthropic key is not sent to another server)."""
    _ = api_key
    return OpenAICompatModel(settings)
