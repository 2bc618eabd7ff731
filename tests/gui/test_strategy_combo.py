"""QA in a real window (Xvfb) at 1024 px: the toolbar hid the "Strategy:" and "Profile:" captions to keep the
strategy box whole, as its full labels ("Combo: insight + nota dal vivo (consigliata)") took about 300 px.
Closed, the box now shows a short label (the list and the tooltip keep the full one), so at 1024 px the
captions, both boxes, the status badge and the tool buttons all show whole in en, it and id, whichever strategy is chosen; at the
820 px minimum a box may elide, with "…" and the full label in its tooltip."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from conftest import WAIT_MS, make_services, text_room
from PySide6.QtWidgets import QComboBox
from pytestqt.exceptions import TimeoutError as WaitTimeout

from desktop.core.settings import Settings

pytestmark = pytest.mark.gui


def shown(combo: QComboBox) -> str:
    """The text the closed box shows (the short label where the combo has one)."""
    return str(getattr(combo, "shown_text", lambda i: combo.itemText(i))(combo.currentIndex()))


def whole(combo: QComboBox) -> bool:
    text = shown(combo)
    return combo.isVisible() and combo.fontMetrics().horizontalAdvance(text) <= text_room(combo)


@pytest.mark.parametrize("lang", ["en", "it", "id"])
def test_at_1024_px_the_captions_and_both_pickers_show_whole(
    lang: str, qtbot: Any, window_factory: Any, keyring_backend: Any
) -> None:
    window = window_factory(make_services(Settings(ui_language=lang, strategy="combo")))
    bar = window.toolbar
    qtbot.waitUntil(lambda: bar.available_strategies is not None, timeout=WAIT_MS)
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: window.width() == 1024 and 0 < bar.width() <= 1024, timeout=WAIT_MS)
    combo = bar.strategy_combo
    for i in range(combo.count()):
        combo.setCurrentIndex(i)
        label = combo.itemText(i)

        def laid_out() -> bool:  # the toolbar relaid out for this label (no signal marks it)
            captions = bar.strategy_label.isVisible() and bar.profile_label.isVisible()
            badge = window.badge.text() == window.badge.full_text
            return captions and badge and combo.width() >= combo.sizeHint().width() and whole(combo)

        with contextlib.suppress(WaitTimeout):  # a timeout: the asserts below say what is wrong
            qtbot.waitUntil(laid_out, timeout=3000)
        assert bar.strategy_label.isVisible(), f"{label!r}: the 'Strategy:' caption is hidden"
        assert bar.profile_label.isVisible(), f"{label!r}: the 'Profile:' caption is hidden"
        for caption in (bar.strategy_label, bar.profile_label):
            assert caption.width() >= caption.sizeHint().width(), f"{caption.text()!r} is cut"
        assert whole(combo), f"{shown(combo)!r} needs more than {text_room(combo)} px: elided"
        assert window.badge.text() == window.badge.full_text, f"the badge is cut: {window.badge.text()!r}"
        assert whole(bar.profile_combo), f"{bar.profile_combo.currentText()!r} is elided"
        assert label in combo.toolTip(), "the tooltip names the full label of the chosen strategy"
        right = combo.mapTo(window, combo.rect().topRight()).x()
        assert right < window.width() and combo.visibleRegion().boundingRect() == combo.rect()
        for action in (bar.knowledge_action, bar.generate_action, bar.settings_action):
            assert bar.widgetForAction(action).isVisible(), f"{action.text()!r} went into the » menu"


@pytest.mark.parametrize("lang", ["en", "it", "id"])
def test_at_820_px_a_label_is_whole_or_elided_with_its_full_text_in_the_tooltip(
    lang: str, qtbot: Any, window_factory: Any, keyring_backend: Any
) -> None:
    window = window_factory(make_services(Settings(ui_language=lang, strategy="combo")))
    bar = window.toolbar
    qtbot.waitUntil(lambda: bar.available_strategies is not None, timeout=WAIT_MS)
    window.resize(window.minimumSize())
    qtbot.waitUntil(lambda: 0 < bar.width() <= window.minimumWidth(), timeout=WAIT_MS)
    combo = bar.strategy_combo
    qtbot.waitUntil(lambda: bar.widgetForAction(bar.settings_action).isVisible(), timeout=WAIT_MS)
    for i in range(combo.count()):
        combo.setCurrentIndex(i)
        assert combo.isVisible() and combo.width() >= 60
        assert whole(combo) or combo.itemText(i) in combo.toolTip(), (
            f"{shown(combo)!r} is cut in a {combo.width()} px box and the tooltip does not say it"
        )
