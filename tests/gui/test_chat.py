"""The chat flow in the real window: Claude through the real SDK against the Messages API stand-in, the
local model as a scripted ChatModel subclass, the real curated store, SQLite conversations, the breaker."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import LOCAL_REPLY, WAIT_MS, make_services
from PySide6.QtCore import Qt
from support.fake_models import ScriptedModel
from support.keyring_backend import MemoryKeyring

from desktop.core.chat.breaker import BreakerState
from desktop.core.knowledge.store import KnowledgeStore
from desktop.gui.window import status_badge as sb

pytestmark = [pytest.mark.gui, pytest.mark.slow]

MALU = "aku malu bertanya tentang visa"
CLAUDE_REPLY = (
    "Tidak perlu **malu** sama sekali! Bertanya adalah langkah pertama.\n\n"
    "- Visa turis: sampai 60 hari\n- KITAS: izin tinggal terbatas\n\nVisa apa yang Anda butuhkan?"
)


def collect_events(window: Any) -> list[tuple[str, str]]:
    """Record (event kind, bubble text right after it) for the answer that was just started."""
    seen: list[tuple[str, str]] = []
    bubble = window.streaming_bubble
    window.answer_task.carrier.progress.connect(lambda ev: seen.append((ev.kind, bubble.text)))
    return seen


def test_send_streams_markdown_and_shows_context(
    qtbot: Any, window_factory: Any, claude_online: Any, curated_store: KnowledgeStore, local_scripted: Any
) -> None:
    api = claude_online(reply=CLAUDE_REPLY, token_delay_s=0.03)
    window = window_factory(make_services(store=curated_store, local_model=local_scripted))
    assert window.badge.state == sb.ONLINE
    assert not window.banner.isVisible()

    with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS) as blocker:
        window.send(MALU)
        events = collect_events(window)
        assert window.stop_button.isEnabled() and not window.send_button.isEnabled()
    bubble = blocker.args[0]

    chunk_texts = [text for kind, text in events if kind == "chunk"]
    assert len(chunk_texts) > 5, "the answer should arrive as many streamed chunks"
    assert chunk_texts[0] and len(chunk_texts[0]) < len(CLAUDE_REPLY), "text grows while streaming"
    assert bubble.text == CLAUDE_REPLY and bubble.status == "complete"
    assert bubble.trace.mode == "claude" and bubble.message_id is not None
    # Markdown is rendered, not shown raw.
    assert bubble.body.textFormat() == Qt.TextFormat.MarkdownText
    assert "Claude" in bubble.header.text()
    # The context panel shows the malu insights that went into Claude's system prompt.
    html = window.context.browser.toPlainText()
    assert "malu" in html.lower() and "Insights only (RAG)" in html  # the strategy by its label
    assert "malu" in api.message_requests()[-1].system_text.lower()
    assert window.badge.state == sb.ONLINE
    assert window.send_button.isEnabled() and not window.stop_button.isEnabled()
    qtbot.waitUntil(lambda: window.conversations.list.count() == 1, timeout=WAIT_MS)


def test_stop_mid_stream_keeps_partial_answer(
    qtbot: Any, window_factory: Any, claude_online: Any, curated_store: KnowledgeStore, local_scripted: Any
) -> None:
    long_reply = " ".join(f"kata{i}" for i in range(400))
    claude_online(reply=long_reply, token_delay_s=0.05)  # ~20 s if nobody stops it
    window = window_factory(make_services(store=curated_store, local_model=local_scripted))

    window.send("Ceritakan tentang KITAS")
    bubble = window.streaming_bubble
    qtbot.waitUntil(lambda: len(bubble.text) > 20, timeout=WAIT_MS)
    started = time.monotonic()
    with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS):
        qtbot.keyClick(window, Qt.Key.Key_Escape)  # the Stop shortcut
    stopped_in = time.monotonic() - started
    print(f"stop took {stopped_in * 1000:.0f} ms")

    assert bubble.stopped and bubble.status == "partial"
    assert 0 < len(bubble.text) < len(long_reply)
    assert "Stopped" in bubble.note.text()
    assert stopped_in < 10
    stored = window.services.conversations.messages(window.conversation_id)
    assert stored[-1]["status"] == "partial" and stored[-1]["content"]


def test_fallback_badge_when_messages_api_is_down_then_reconnects(
    qtbot: Any, window_factory: Any, claude_online: Any, curated_store: KnowledgeStore, local_scripted: Any
) -> None:
    api = claude_online()
    api.fail("refuse")  # nothing listening: connection refused
    window = window_factory(make_services(store=curated_store, local_model=local_scripted))
    # the start-up check already found Claude unreachable: the badge says so before anyone asks
    assert window.badge.state == sb.OFFLINE and window.badge.reason == "connection"

    with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS) as blocker:
        window.send(MALU)
    bubble = blocker.args[0]
    # so the answer went offline at once instead of waiting for a connection that failed moments ago
    assert bubble.trace.mode == "offline" and bubble.trace.reason == "breaker_open"
    assert bubble.text == LOCAL_REPLY
    assert "offline" in bubble.header.text()
    assert window.badge.state == sb.OFFLINE and window.badge.reason == "connection"
    assert "no connection" in window.badge.text()

    # Claude comes back: the background probe closes the breaker and the badge turns green.
    api.recover()
    window._probe()
    qtbot.waitUntil(lambda: window.badge.state == sb.ONLINE, timeout=WAIT_MS)


def test_reconnecting_state_from_breaker_snapshot(qtbot: Any) -> None:
    badge = sb.StatusBadge()
    qtbot.addWidget(badge)
    badge.post_snapshot(BreakerState("half_open", "overloaded", 1, None, None, 0.0))
    qtbot.waitUntil(lambda: badge.state == sb.RECONNECTING, timeout=5000)
    assert "Reconnecting" in badge.text()
    badge.post_snapshot(BreakerState("open", "rate_limited", 2, None, None, 30.0))
    qtbot.waitUntil(lambda: badge.state == sb.OFFLINE, timeout=5000)
    assert "rate limited" in badge.text()


def test_first_run_without_key_answers_offline_with_banner(
    qtbot: Any,
    window_factory: Any,
    keyring_backend: MemoryKeyring,
    curated_store: KnowledgeStore,
    local_scripted: Any,
) -> None:
    window = window_factory(make_services(store=curated_store, local_model=local_scripted))
    assert window.banner.isVisible()
    assert "Settings" in window.banner.label.toolTip() and window.banner.button.text() == "Add API key…"
    assert window.badge.state == sb.OFFLINE and window.badge.reason == "no_key"

    qtbot.keyClicks(window.input, "halo")
    qtbot.keyClick(window.input, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(window.input, "apa kabar?")
    assert window.input.toPlainText() == "halo\napa kabar?"  # Shift+Enter adds a line
    with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS) as blocker:
        qtbot.keyClick(window.input, Qt.Key.Key_Return)  # Enter sends
    assert window.input.toPlainText() == ""
    bubble = blocker.args[0]
    assert bubble.trace.mode == "offline" and bubble.trace.reason == "no_key"
    assert bubble.text == LOCAL_REPLY
    assert window.chat.bubbles[0].text == "halo\napa kabar?"


def test_conversation_list_open_rename_search_export_delete(
    qtbot: Any,
    window_factory: Any,
    keyring_backend: MemoryKeyring,
    curated_store: KnowledgeStore,
    tmp_path: Path,
) -> None:
    local = ScriptedModel("Jawaban lokal.", name="local-scripted", kind="local")
    window = window_factory(make_services(store=curated_store, local_model=local))
    for text in ("pertama tentang KITAS", "kedua tentang PT PMA"):
        window.new_chat()
        with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS):
            window.send(text)
    convs = window.conversations
    qtbot.waitUntil(lambda: convs.list.count() == 2, timeout=WAIT_MS)

    # Open the older conversation: its messages come back from SQLite with their traces.
    older = convs.list.item(1)
    convs._activated(older)
    qtbot.waitUntil(lambda: len(window.chat.bubbles) == 2, timeout=WAIT_MS)
    assert window.chat.bubbles[0].text == "pertama tentang KITAS"
    assert window.chat.bubbles[1].trace.mode == "offline"

    cid = older.data(Qt.ItemDataRole.UserRole)
    convs.rename(cid, "", new_title="Visa Pak Made")
    qtbot.waitUntil(
        lambda: convs.list.count() == 2 and convs.list.item(0).text() == "Visa Pak Made", timeout=WAIT_MS
    )

    convs.search.setText("PT PMA")
    qtbot.waitUntil(lambda: convs.list.count() == 1, timeout=WAIT_MS)
    convs.search.clear()
    qtbot.waitUntil(lambda: convs.list.count() == 2, timeout=WAIT_MS)

    md, js = tmp_path / "c.md", tmp_path / "c.json"
    with qtbot.waitSignal(convs.exported, timeout=WAIT_MS):
        convs.export(cid, "md", str(md))
    with qtbot.waitSignal(convs.exported, timeout=WAIT_MS):
        convs.export(cid, "json", str(js))
    assert "# Visa Pak Made" in md.read_text(encoding="utf-8")
    assert json.loads(js.read_text(encoding="utf-8"))["messages"][0]["content"] == "pertama tentang KITAS"

    with qtbot.waitSignal(convs.conversation_deleted, timeout=WAIT_MS):
        convs.delete(cid, "Visa Pak Made", confirm=False)
    qtbot.waitUntil(lambda: convs.list.count() == 1, timeout=WAIT_MS)
    assert window.conversation_id is None and not window.chat.bubbles  # the open one was deleted


def test_regenerate_appends_a_new_answer(
    qtbot: Any, window_factory: Any, keyring_backend: MemoryKeyring, curated_store: KnowledgeStore
) -> None:
    replies = iter(["Jawaban pertama.", "Jawaban kedua."])
    local = ScriptedModel(lambda _m, _s: next(replies), name="local-scripted", kind="local")
    window = window_factory(make_services(store=curated_store, local_model=local))
    with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS) as first:
        window.send("tolong bantu saya")
    with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS) as second:
        first.args[0].regen_button.click()
    assert second.args[0].text == "Jawaban kedua."
    assert [b.text for b in window.chat.bubbles] == [
        "tolong bantu saya",
        "Jawaban pertama.",
        "Jawaban kedua.",
    ]
    second.args[0].copy_button.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == "Jawaban kedua."


def test_keyboard_shortcuts_and_accessible_names(
    qtbot: Any, window_factory: Any, keyring_backend: MemoryKeyring, curated_store: KnowledgeStore
) -> None:
    local = ScriptedModel("Siap.", name="local-scripted", kind="local")
    window = window_factory(make_services(store=curated_store, local_model=local))
    with qtbot.waitSignal(window.answer_finished, timeout=WAIT_MS):
        window.send("halo")
    window.send_button.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # focus input
    qtbot.waitUntil(lambda: window.input.hasFocus() or window.focusWidget() is window.input, timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # new chat
    assert window.chat.bubbles == [] and window.conversation_id is None
    assert window.settings_action.shortcut().toString() == "Ctrl+,"
    assert window.stop_action.shortcut().toString() == "Esc"
    for widget in (
        window.input,
        window.send_button,
        window.stop_button,
        window.strategy_combo,
        window.profile_combo,
        window.badge,
        window.conversations.list,
        window.chat,
    ):
        assert widget.accessibleName(), widget
    assert window.send_button.toolTip() and window.strategy_combo.toolTip()
