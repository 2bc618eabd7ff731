"""Take the docs screenshot of the Feedback page, under Xvfb, saved to docs/feedback-page.png.

    .venv/bin/python packaging/screenshot_feedback.py [--out PATH] [--theme light|dark] [--no-xvfb]

The ratings are demo data, made in a temporary ZANTARA_HOME: simulated thumbs up/down (each strategy with its
own made-up approval rate, fixed seed) and a few blind comparisons, stored through the real Feedback store,
so the page shows exactly what it computes from real ratings.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: made-up approval rates per (language, profile) and strategy: only for the picture
DEMO = {
    ("id", "team"): {"combo": 0.82, "rag": 0.55, "wrap": 0.6, "rewrite": 0.5},
    ("it", "client"): {"combo": 0.7, "rag": 0.66},
    ("en", "team"): {"rag": 0.6, "combo": 0.62},
}
COUNTS = {("id", "team"): 150, ("it", "client"): 30, ("en", "team"): 14}
REASONS = {"up": ["warmer", "", ""], "down": ["colder", "too-long", "wrong-facts", ""]}


def seed(rng: random.Random) -> None:
    from desktop.core.chat.conversations import Conversations
    from desktop.core.chat.trace import Trace
    from desktop.core.feedback.ratings import Feedback

    convs = Conversations.open()
    fb = Feedback(convs)
    conv = convs.create("demo ratings")
    for (language, profile), rates in DEMO.items():
        for _ in range(COUNTS[(language, profile)]):
            strategy = rng.choice(sorted(rates))
            convs.add_message(conv["id"], "user", "demo question")
            trace = Trace(strategy=strategy, language=language, profile=profile)
            mid = convs.add_message(conv["id"], "assistant", "demo", strategy=strategy, trace=trace)
            verdict = "up" if rng.random() < rates[strategy] else "down"
            fb.rate(mid, verdict, reason=rng.choice(REASONS[verdict]))
    for i in range(12):  # blind comparisons in the id/team group: combo preferred 9 times of 12
        other = rng.choice(["rag", "wrap"])
        ids = []
        for strategy in ("combo", other):
            trace = Trace(strategy=strategy, language="id", profile="team")
            ids.append(convs.add_message(conv["id"], "assistant", "demo", strategy=strategy, trace=trace))
        cmp = fb.start_comparison(ids[0], ids[1], rng)
        combo_side = "A" if cmp["a_strategy"] == "combo" else "B"
        fb.pick(cmp["id"], combo_side if i % 4 else ("B" if combo_side == "A" else "A"))
    convs.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "docs" / "feedback-page.png"))
    parser.add_argument("--theme", default="light", choices=["system", "light", "dark"])
    parser.add_argument("--no-xvfb", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO / "packaging"))
    from screenshot import start_xvfb

    xvfb = None if args.no_xvfb else start_xvfb(display=":98", size="1280x900x24")
    home = Path(tempfile.mkdtemp(prefix="zantara-shot-"))
    os.environ["ZANTARA_HOME"] = str(home)
    try:
        seed(random.Random(18))
        return take(args)
    finally:
        if xvfb is not None:
            xvfb.terminate()
        shutil.rmtree(home, ignore_errors=True)


def take(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.core.services import Services
    from desktop.core.settings import Settings
    from desktop.gui import app as gui_app
    from desktop.gui.tools.feedback_page import FeedbackPage

    qapp = gui_app.make_app(sys.argv[:1])
    services = Services(Settings(strategy="rag", theme=args.theme, learn_strategy="on", learn_min_ratings=20))
    page = FeedbackPage(services)
    page.resize(960, 700)
    page.show()
    out = Path(args.out)
    state = {"code": 1}

    def snap(_report: object) -> None:
        page.group_combo.setCurrentIndex(max(0, page.group_combo.findData("id/team")))
        QApplication.processEvents()
        QTimer.singleShot(300, save)

    def save() -> None:
        page.grab().save(str(out))
        print(f"saved {out}", flush=True)
        state["code"] = 0
        qapp.quit()

    page.loaded.connect(snap)
    QTimer.singleShot(100, page.reload)
    QTimer.singleShot(60_000, qapp.quit)
    qapp.exec()
    return state["code"]


if __name__ == "__main__":
    sys.exit(main())
