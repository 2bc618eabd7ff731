"""What the CLI and the app call: run one sync, or say where things stand."""

from __future__ import annotations

import contextlib
import os
from typing import Any

from desktop.core import paths
from desktop.core.errors import TeamError
from desktop.core.knowledge.server_check import FAILED, ServerCheck
from desktop.core.messages import say
from desktop.core.sync.engine import Engine, Progress, Summary
from desktop.core.sync.journal import KINDS, Journal, now_iso
from desktop.core.sync.remote import DEVICES, EPOCH_ID, PREFIX, TeamConfig, connect, explain


def configured(settings: Any) -> TeamConfig:
    config = TeamConfig.from_settings(settings)
    if config is None:
        raise TeamError(say("team.not_set"), say("team.not_set_hint"))
    return config


def close(client: Any) -> None:
    """Stop the HTTP client's Chroma system (each client has its own; they would pile up in the app)."""
    from chromadb.api.shared_system_client import SharedSystemClient

    system = SharedSystemClient._identifier_to_system.pop(getattr(client, "_identifier", ""), None)
    if system is not None:
        with contextlib.suppress(Exception):
            system.stop()


def check_team_server(url: str, token: str, settings: Any, timeout_s: float = 5.0) -> ServerCheck:
    """Settings' connection test: the address and token as a sync would use them (the open heartbeat alone
    would pass a wrong or missing token). Blocking: the GUI calls it from a worker."""
    config = TeamConfig(
        url=url.strip(),
        token=token.strip(),
        ca=os.environ.get("ZANTARA_TEAM_CA", "") or settings.team_ca,
        verify=settings.team_verify_tls != "off",
        allow_http=settings.team_allow_http == "on",
    )
    try:
        client = connect(config, timeout_s=timeout_s)
    except TeamError as exc:
        return ServerCheck(url, False, exc.reason or FAILED, str(exc))
    close(client)
    return ServerCheck(url, True)


def local_kinds(services: Any) -> dict[str, Any]:
    from desktop.core.feedback.team import local_collection
    from desktop.core.sync.kinds import local_kinds as build

    store = services.store
    return build(store, services.memory, local_collection(store.client))


def run_sync(services: Any, progress: Progress | None = None) -> Summary:
    """Pull, then push; one at a time per data folder. Raises :class:`TeamError` (recorded for status)."""
    from filelock import FileLock, Timeout

    from desktop.core.knowledge.memory import user_name

    config = configured(services.settings)
    journal = Journal.open()
    journal.set_meta(last_attempt=now_iso())
    try:
        lock = FileLock(str(paths.data_dir() / "sync.lock"), timeout=0)
        lock.acquire()
    except Timeout:
        raise TeamError(say("team.busy"), say("team.busy_hint")) from None
    client = None
    try:
        client = connect(config)
        engine = Engine(
            local_kinds(services),
            journal,
            client,
            services.embedder,
            user_name(services.settings.user_name),
            progress,
        )
        return engine.run()
    except Exception as exc:
        error = explain(exc, config)
        journal.set_meta(last_error=str(error))
        raise error from exc
    finally:
        if client is not None:
            close(client)
        lock.release()


def status(services: Any, probe: bool = True) -> dict[str, Any]:
    """Last success, pending local changes, server reachable, record counts here (and there when reached)."""
    journal = Journal.open()
    config = TeamConfig.from_settings(services.settings)
    local = local_kinds(services)
    out: dict[str, Any] = {
        "team_url": config.url if config else "",
        "token_set": bool(config and config.token),
        "last_success": journal.get_meta("last_success"),
        "last_attempt": journal.get_meta("last_attempt"),
        "last_error": journal.get_meta("last_error"),
        "pending": journal.pending_count(),
        "device": journal.device,
        "local_counts": {name: kind.count() for name, kind in local.items()},
        "reachable": None,
        "server_counts": {},
    }
    if config is None or not probe:
        return out
    client = None
    try:
        client = connect(config, timeout_s=5.0)
        out["reachable"] = True
        names = {getattr(c, "name", str(c)) for c in client.list_collections()}
        for name in KINDS:
            if PREFIX + name in names:
                # one server row per record, deletions included (kept as tombstones)
                out["server_counts"][name] = int(client.get_collection(PREFIX + name).count())
        if DEVICES in names:
            devices = client.get_collection(DEVICES).get(include=[])["ids"]
            out["server_devices"] = len([d for d in devices if d != EPOCH_ID])
    except Exception as exc:
        out["reachable"] = False
        out["error"] = str(explain(exc, config))
    finally:
        if client is not None:
            close(client)
    return out
