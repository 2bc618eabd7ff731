"""The window fits the laptop it opens on, and nothing in a chat bubble is wider than the chat column."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import make_services
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from desktop.gui import i18n

pytestmark = pytest.mark.gui

OPEN_WINDOW = """
import json, sys
from PySide6.QtWidgets import QApplication
from desktop.core.services import Services
from desktop.core.settings import Settings
from desktop.gui.app import build_window, make_app
app = make_app(sys.argv)
window = build_window(Services(Settings()), warm_up=False)
window.show()
app.processEvents()
area = window.screen().availableGeometry()
frame, inner = window.frameGeometry(), window.geometry()
print(json.dumps({"area": [area.x(), area.y(), area.width(), area.height()],
                  "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
                  "window": [inner.x(), inner.y(), inner.width(), inner.height()]}))
if len(sys.argv) > 1:
    window.setGeometry(*json.loads(sys.argv[1]))
    app.processEvents()
window.close()
"""


def open_window(tmp_path: Path, width: int, height: int, *args: str) -> dict[str, list[int]]:
    """Open the real main window in a fresh process on an offscreen screen of ``width`` x ``height``."""
    config = tmp_path / f"screen-{width}x{height}.json"
    screen = {"name": f"laptop-{width}", "x": 0, "y": 0, "width": width, "height": height}
    config.write_text(json.dumps({"screens": [{**screen, "logicalDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, "-c", OPEN_WINDOW, *args], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 600), (1920, 1080)])
def test_the_first_window_fits_the_screen_it_opens_on(tmp_path: Path, width: int, height: int) -> None:
    seen = open_window(tmp_path, width, height)
    ax, ay, aw, ah = seen["area"]
    x, y, w, h = seen["frame"]
    assert (aw, ah) == (width, height), "the offscreen screen has the size asked for"
    assert x >= ax and y >= ay and x + w <= ax + aw and y + h <= ay + ah, f"off-screen: {seen}"
    w, h = seen["window"][2:]
    assert w <= max(820, 0.9 * aw) + 1 and h <= max(520, 0.9 * ah) + 1, f"too big: {seen}"


@pytest.mark.slow
def test_the_size_is_remembered_per_screen(tmp_path: Path) -> None:
    open_window(tmp_path, 1366, 768, json.dumps([40, 30, 1000, 650]))  # the user resized it there
    again = open_window(tmp_path, 1366, 768)
    assert again["window"][2:] == [1000, 650]
    other = open_window(tmp_path, 1024, 600)  # another screen: its own first size
    assert other["window"][3] <= 0.9 * 600 + 1


LONG_ID = (
    "Untuk perpanjangan izin tinggal terbatas (KITAS) investor, siapkan paspor yang masih berlaku "
    "setidaknya delapan belas bulan, surat sponsor dari perusahaan PMA, akta pendirian beserta "
    "perubahannya, NIB, dan bukti setor modal. Prosesnya biasanya memakan waktu dua sampai tiga minggu."
)


def cut_or_sticking_out(bubble: QWidget, column: QWidget) -> list[str]:
    """Every visible widget of ``bubble`` that passes the column's right edge, and every button or one-line
    label given less width than its text needs (Qt squeezes them: "Compare" became "Co")."""
    out = []
    for child in [bubble, *bubble.findChildren(QWidget)]:
        if child is not bubble and not child.isVisibleTo(bubble):
            continue
        name = child.objectName() or type(child).__name__
        text = child.text() if isinstance(child, (QAbstractButton, QLabel)) else ""
        right = child.mapTo(column, child.rect().topRight()).x()
        if right > column.width():
            out.append(f"{name} {text!r}: right edge {right} > {column.width()}")
        if isinstance(child, QAbstractButton) and text:
            needed = (
                child.fontMetrics().horizontalAdvance(text.replace("&", "")) + 8
            )  # the text and its margins
            if child.width() < needed:
                out.append(f"{name} {text!r}: {child.width()} px of the {needed} it needs")
        if isinstance(child, QLabel) and not child.wordWrap() and text and not text.endswith("…"):
            needed = child.fontMetrics().horizontalAdvance(text)
            if needed > child.contentsRect().width():
                out.append(f"{name} {text!r}: {child.contentsRect().width()} px of the {needed} it needs")
    return out


def test_every_row_of_a_rated_answer_fits_the_chat_column_at_every_width(
    qtbot: Any, window_factory: Any, keyring_backend: Any
) -> None:
    window = window_factory(make_services())
    chat = window.chat
    chat.add_message("user", "Apa saja syarat perpanjangan KITAS investor?")
    bubble = chat.add_message("assistant", "")
    with qtbot.waitSignal(window.feedback.rating_loaded, timeout=5000):  # its stored rating: none
        bubble.finish(LONG_ID, message_id=1)
    bar = bubble.feedback_bar
    assert bar is not None
    bar.set_rating({"verdict": "down", "reason": "wrong-language"})  # the reason row after ▼ is shown
    assert bar.reasons.isVisibleTo(bubble)
    problems: list[str] = []
    for lang in ("en", "it", "id"):
        i18n.set_language(lang)
        for width in range(820, 1367, 91):
            window.resize(width, 700)
            qtbot.waitUntil(lambda w=width: window.width() == w, timeout=5000)
            qtbot.wait(30)  # let the layouts settle (no signal marks the end of a relayout)
            viewport = chat.viewport()
            found = cut_or_sticking_out(bubble, viewport)
            if chat.horizontalScrollBar().maximum() > 0:
                found.append("the chat scrolls sideways")
            body = bubble.body
            if body.height() < body.heightForWidth(body.width()):
                found.append("the answer text is cut at the bottom")
            problems += [f"{lang} {width}px: {p}" for p in found]
    assert not problems, "\n".join(problems[:20])
