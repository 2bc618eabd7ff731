"""Real-window check at the 820 px minimum: the no-key banner in the narrow chat column had its button beside
the text, which wrapped one or two words a line and was cut off at the bottom (Italian, Indonesian)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import WAIT_MS, make_services

from desktop.core.settings import Settings

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
