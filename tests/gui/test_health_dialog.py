"""Tools ▸ Check data…: the dialog reports a damaged conversations database and repairs it in a worker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from support.damage import garble

from desktop.core.chat.conversations import Conversations
from desktop.core.services import Services
from desktop.core.settings import Settings
from desktop.gui.tools.health_dialog import HealthDialog

WAIT_MS = 60_000


def test_check_then_repair_a_garbled_database(qtbot: Any, zantara_home: Path) -> None:
    convs = Conversations.open()
    for k in range(60):
        conv = convs.create(f"c{k}")
        convs.add_message(conv["id"], "user", "visa " * 200)
    convs._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    convs.close()
    garble(convs.path, convs.path.stat().st_size // 2, 4096 * 3)

    dialog = HealthDialog(Services(Settings()))
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.report_ready, timeout=WAIT_MS) as found:
        dialog.check()
    assert not found.args[0]["ok"]
    assert "conversations database" in dialog.text.toPlainText()
    assert dialog.repair_button.isEnabled()

    with qtbot.waitSignal(dialog.report_ready, timeout=WAIT_MS) as fixed:
        dialog.repair_button.click()
    assert fixed.args[0]["ok"], fixed.args[0]
    assert "salvaged" in dialog.text.toPlainText()
    assert not dialog.repair_button.isEnabled()
    assert len(Conversations.open().list()) > 30
