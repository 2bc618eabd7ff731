"""QA walk-through at 1024x768: the strategy drop-down on the toolbar was cut (its text elided, the combo
clipped by the toolbar, the long labels cut in the list). At 1024 px wide, in English, Italian and
Indonesian, the combo gets the width its current text needs, shows whole (not clipped by the toolbar or
moved into its overflow menu), and its list is wide enough for the longest strategy label. Closed, the box
shows a short label (strategy_combo.py), so the "Strategy:" and "Profile:" captions stay too; they hide only
when the bar is too narrow."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import WAIT_MS, make_services, text_room

from desktop.core.settings import Settings

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("lang", ["en", "it", "id"])
def test_the_strategy_combo_fits_at_1024_px(
    lang: str, qtbot: Any, window_factory: Any, keyring_backend: Any
) -> None:
    window = window_factory(make_services(Settings(ui_language=lang, strategy="combo")))
    window.resize(1024, 768)
    combo = window.toolbar.strategy_combo
    qtbot.waitUntil(lambda: window.toolbar.available_strategies is not None, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: window.width() == 1024, timeout=WAIT_MS)
    qtbot.wait(50)  # the toolbar lays out (no signal marks the end of a relayout)
    labels = [combo.itemText(i) for i in range(combo.count())]
    fm = combo.fontMetrics()
    longest = max(labels, key=fm.horizontalAdvance)
    for i in range(combo.count()):  # whatever strategy is chosen, its label shows whole
        combo.setCurrentIndex(i)
        qtbot.wait(20)
        text = combo.shown_text(i)  # closed, the box shows the short label (test_strategy_combo.py)
        assert combo.isVisible(), f"{text!r}: the combo went into the toolbar's overflow menu"
        assert combo.width() >= combo.sizeHint().width(), (
            f"{text!r}: {combo.width()} px < hint {combo.sizeHint().width()}"
        )
        needed = combo.fontMetrics().horizontalAdvance(text)
        assert needed <= text_room(combo), f"{text!r} needs {needed} px, has {text_room(combo)}: elided"
        assert combo.visibleRegion().boundingRect() == combo.rect(), (
            f"{text!r}: clipped to {combo.visibleRegion().boundingRect()}"
        )
        right = combo.mapTo(window, combo.rect().topRight()).x()
        assert right < window.width(), f"{text!r}: ends at {right} px, the window is {window.width()} px"
    # The room comes from the pickers' captions (tooltips and accessible names stay), not the tool buttons.
    bar = window.toolbar
    for action in (bar.knowledge_action, bar.generate_action, bar.settings_action):
        assert bar.widgetForAction(action).isVisible(), f"{action.text()!r} went into the » menu"
    window.resize(1400, 768)
    qtbot.waitUntil(lambda: bar.strategy_label.isVisible() and bar.profile_label.isVisible(), timeout=WAIT_MS)
    # The list: the longest label fits the popup's rows.
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
    row = view.visualRect(view.model().index(labels.index(longest), 0))
    shown = min(row.width(), view.viewport().width())
    combo.hidePopup()
    assert fm.horizontalAdvance(longest) <= shown, (
        f"{longest!r} needs {fm.horizontalAdvance(longest)} px, has {shown}"
    )


@pytest.mark.parametrize("lang", ["en", "it", "id"])
def test_at_the_minimum_width_the_combos_shrink_before_settings_leaves_the_bar(
    lang: str, qtbot: Any, window_factory: Any, keyring_backend: Any
) -> None:
    """At the 820 px minimum with a long status badge there is no room for whole labels: the combos elide
    (their tooltips say the rest) so that the tool buttons, Settings above all, stay on the bar."""
    from desktop.gui.window import status_badge as sb

    window = window_factory(make_services(Settings(ui_language=lang, strategy="combo")))
    qtbot.waitUntil(lambda: window.toolbar.available_strategies is not None, timeout=WAIT_MS)
    window.resize(window.minimumSize())
    window.badge.set_state(sb.OFFLINE, "a_very_long_reason_from_a_proxy_that_explains_itself_at_length")
    bar = window.toolbar
    qtbot.waitUntil(lambda: bar.widgetForAction(bar.settings_action).isVisible(), timeout=WAIT_MS)
    for action in (bar.knowledge_action, bar.generate_action, bar.settings_action):
        assert bar.widgetForAction(action).isVisible(), f"{action.text()!r} went into the » menu"
    assert bar.strategy_combo.isVisible() and bar.strategy_combo.width() >= 60
