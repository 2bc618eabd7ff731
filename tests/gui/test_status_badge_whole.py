"""The status badge shows its whole text when the toolbar has room: in a 1320 px Italian window "Solo offline"
was cut to "Solo offli…" (found in a real Xvfb window), while the badge only needs to elide when the window is
narrow (test_strategy_combo_fits, test_truth)."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import WAIT_MS, make_services

from desktop.core.settings import Settings
from desktop.gui.window import status_badge as sb

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("lang", ["en", "it", "id"])
def test_every_state_is_shown_whole_in_a_wide_window(lang: str, qtbot: Any, window_factory: Any) -> None:
    window = window_factory(make_services(Settings(ui_language=lang)))
    window.resize(1320, 820)
    badge = window.badge
    qtbot.waitUntil(lambda: window.width() == 1320, timeout=WAIT_MS)

    def whole() -> bool:  # a text longer than the badge's cap is elided by design (the tooltip has it all)
        fits = badge.fontMetrics().horizontalAdvance(badge.full_text) + 24 <= badge.MAX_WIDTH
        return badge.text() == badge.full_text or not fits

    states = [(sb.ONLINE, ""), (sb.OFFLINE, "no_key"), (sb.RECONNECTING, ""), (sb.CHECKING, "")]
    for state, reason in states:
        badge.set_state(state, reason)
        qtbot.waitUntil(whole, timeout=2000)
    window.offline_action.setChecked(True)
    qtbot.waitUntil(lambda: badge.offline_chosen, timeout=2000)
    qtbot.waitUntil(whole, timeout=2000)
    assert badge.text() == badge.full_text, badge.text()


def test_given_the_width_it_asks_for_the_badge_shows_its_whole_text(qtbot: Any) -> None:
    """Text widths are fractional: a hint rounded down by a fraction of a pixel made the badge elide its own
    text at its own preferred width ("● Solo offli…" with the app's font)."""
    badge = sb.StatusBadge()
    qtbot.addWidget(badge)
    badge.show()
    cut = []
    for tenth in range(80, 141, 3):  # 8.0 to 14.0 pt: fonts whose advances fall between pixels
        font = badge.font()
        font.setPointSizeF(tenth / 10)
        badge.setFont(font)
        for chosen, state in ((True, sb.OFFLINE), (False, sb.ONLINE), (False, sb.CHECKING)):
            badge.set_offline_chosen(chosen)
            badge.set_state(state, "")
            badge.resize(badge.sizeHint())
            if badge.text() != badge.full_text:
                cut.append((tenth / 10, badge.full_text, badge.text()))
    assert not cut, cut
