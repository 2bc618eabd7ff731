"""Real-window check at the 820 px minimum: the no-key banner in the narrow chat column had its button beside
the text, which wrapped one or two words a line and was cut off at the bottom (Italian, Indonesian)."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from conftest import WAIT_MS, make_services
from pytestqt.exceptions import TimeoutError as WaitTimeout

from desktop.core.settings import Settings
from desktop.gui.i18n import tr

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("lang", ["it", "id"])
def test_the_no_key_banner_text_gets_the_column_width_and_shows_whole(
    lang: str, qtbot: Any, window_factory: Any, keyring_backend: Any
) -> None:
    window = window_factory(make_services(Settings(ui_language=lang)))
    window.resize(window.minimumSize())
    banner = window.banner
    qtbot.waitUntil(lambda: banner.isVisible() and window.width() == window.minimumWidth(), timeout=WAIT_MS)
    qtbot.waitUntil(
        lambda: banner.label.height() >= banner.label.heightForWidth(banner.label.width()), timeout=WAIT_MS
    )
    label = banner.label
    assert label.width() >= 0.75 * banner.width(), f"text squeezed to {label.width()} of {banner.width()} px"
    assert banner.button.isVisible() and banner.button.geometry().top() >= label.geometry().bottom()


@pytest.mark.parametrize("lang", ["en", "it", "id"])
def test_at_the_minimum_size_the_no_key_banner_is_compact_and_whole(
    lang: str, qtbot: Any, window_factory: Any, keyring_backend: Any
) -> None:
    """QA in a real window (820x520, no key): the banner took about 170 px of the chat column, leaving the chat
    a sliver. It must be a line or two with its action, still whole: no text cut, the button's label whole."""
    window = window_factory(make_services(Settings(ui_language=lang)))
    window.resize(window.minimumSize())
    banner, label, button = window.banner, window.banner.label, window.banner.button
    qtbot.waitUntil(lambda: banner.isVisible() and window.width() == window.minimumWidth(), timeout=WAIT_MS)
    column = banner.parentWidget()

    def settled() -> bool:  # the banner's relayout for the narrow column is done (no signal marks it)
        return (
            label.height() >= label.heightForWidth(label.width()) and banner.height() <= 0.2 * column.height()
        )

    with contextlib.suppress(WaitTimeout):  # a timeout: the asserts below say what is wrong
        qtbot.waitUntil(settled, timeout=5000)
    assert banner.height() <= 0.2 * column.height(), f"banner {banner.height()} px of {column.height()} px"
    assert window.chat.height() >= 3 * banner.height()
    lines = label.heightForWidth(label.width()) // label.fontMetrics().lineSpacing()
    assert lines <= 2, f"{lines} lines of text: {label.text()!r}"
    # whole: the text and the button inside the banner, the button's label not cut
    assert banner.rect().contains(label.geometry()) and banner.rect().contains(button.geometry())
    assert button.isVisible() and button.width() >= button.sizeHint().width()
    assert label.text() and button.text() and tr("Add API key…") == button.text()
    # what the short text leaves out (why, where the key is kept) is still there for whoever asks
    assert tr("Settings") in label.toolTip() and label.toolTip() == label.accessibleDescription()
