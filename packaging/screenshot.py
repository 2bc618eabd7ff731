"""Take the README screenshot: the main window mid-conversation, under Xvfb, saved to
docs/screenshot-main-window.png.

    .venv/bin/python packaging/screenshot.py [--out PATH] [--strategy combo] [--theme light|dark]

Starts Xvfb (unless --no-xvfb and a DISPLAY exists), a Messages API stand-in on 127.0.0.1 that streams a
Markdown reply (so the real anthropic SDK and the real router run, with the real curated store for the context
panel), sends one message, then a second, and grabs the window while the second answer is still streaming.
Everything lives in a temporary ZANTARA_HOME; the curated store built by the test suite is reused if present.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
FIRST = "aku malu bertanya tentang visa, takut salah"
FIRST_REPLY = (
    "Tidak perlu **malu** sama sekali, Bu! Bertanya justru langkah yang paling tepat, dan saya senang "
    "Anda menanyakannya sekarang.\n\n"
    "Supaya saya bisa membantu dengan pas, boleh saya tahu:\n\n"
    "1. Anda sekarang memakai visa apa?\n"
    "2. Rencananya tinggal di Bali berapa lama?\n"
    "3. Untuk bekerja, berinvestasi, atau menemani keluarga?\n\n"
    "Pelan-pelan saja, kita urus bersama."
)
SECOND = "Grazie! Quanto tempo ci vuole per un KITAS investitore con la PT PMA?"
SECOND_REPLY = (
    "Ottima domanda, e nessuna fretta: ci pensiamo insieme.\n\n"
    "Per un **KITAS investitore** legato alla vostra **PT PMA** i passaggi tipici sono:\n\n"
    "- **Documenti della PT PMA** in ordine (NIB, atto costitutivo, nomina come direttore o commissario)\n"
    "- **Richiesta dell'e-visa** all'immigrazione: di solito *4-6 settimane*\n"
    "- **Biometria** all'ufficio immigrazione di Denpasar, poi il KITAS arriva in digitale\n\n"
    "Un consiglio pratico: all'ufficio immigrazione andate con abiti sobri e un po' di pazienza (*sabar*), "
    "gli orari a volte slittano. Volete che prepariamo la lista dei documenti?"
)


def start_xvfb(display: str = ":97", size: str = "1400x900x24") -> subprocess.Popen[bytes]:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        sys.exit("Xvfb not found: sudo apt-get install -y xvfb (or run with --no-xvfb on a desktop).")
    command = [xvfb, display, "-screen", "0", size, "-nolisten", "tcp"]
    proc = subprocess.Popen(command, stderr=subprocess.DEVNULL)
    socket = Path(f"/tmp/.X11-unix/X{display.lstrip(':')}")
    for _ in range(100):
        if socket.exists():
            break
        time.sleep(0.05)
    os.environ["DISPLAY"] = display
    os.environ["QT_QPA_PLATFORM"] = "xcb"
    return proc


def reuse_curated_store(home: Path) -> bool:
    """Copy the curated store the test suite already embedded (saves a minute of embedding)."""
    cache = REPO / ".pytest_cache" / "d" / "zantara-knowledge"
    for built in sorted(cache.glob("*/home/data/chroma")) if cache.exists() else []:
        if (built.parents[2] / "ok").exists():
            shutil.copytree(built, home / "data" / "chroma")
            return True
    return False


def reply_for(body: dict[str, Any]) -> str:
    last = body["messages"][-1]["content"]
    text = last if isinstance(last, str) else " ".join(part.get("text", "") for part in last)
    return SECOND_REPLY if "KITAS" in text else FIRST_REPLY


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshot-main-window.png"))
    parser.add_argument("--strategy", default="rag")
    parser.add_argument("--theme", default="light", choices=["system", "light", "dark"])
    parser.add_argument("--no-xvfb", action="store_true")
    args = parser.parse_args()

    xvfb = None if args.no_xvfb else start_xvfb()
    home = Path(tempfile.mkdtemp(prefix="zantara-shot-"))
    os.environ["ZANTARA_HOME"] = str(home)
    reuse_curated_store(home)
    sys.path.insert(0, str(REPO / "tests"))
    from support.messages_api import MessagesAPIStandIn

    api = MessagesAPIStandIn(reply=reply_for, token_delay_s=0.06).start()
    os.environ["ANTHROPIC_BASE_URL"] = api.base_url
    os.environ["ANTHROPIC_API_KEY"] = api.api_key
    try:
        return take(args, home)
    finally:
        api.stop()
        if xvfb is not None:
            xvfb.terminate()
        shutil.rmtree(home, ignore_errors=True)


def take(args: argparse.Namespace, home: Path) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.core.services import Services
    from desktop.core.settings import Settings
    from desktop.gui import app as gui_app

    qapp = gui_app.make_app(sys.argv[:1])
    settings = Settings(strategy=args.strategy, theme=args.theme, first_token_deadline_s=30.0)
    services = Services(settings)
    print("opening the knowledge store (first run embeds the curated pack)…", flush=True)
    print(f"  {services.store.count()} insights", flush=True)
    window = gui_app.build_window(services, warm_up=False)
    window.resize(1320, 820)
    window.show()
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    state = {"phase": 0, "code": 1}

    def second_answer_progress() -> None:
        bubble = window.streaming_bubble
        if bubble is not None and len(bubble.text) > len(SECOND_REPLY) * 0.62:
            QTimer.singleShot(150, snap)
        else:
            QTimer.singleShot(50, second_answer_progress)

    def snap() -> None:
        QApplication.processEvents()
        window.grab().save(str(out))
        print(f"saved {out}", flush=True)
        state["code"] = 0
        window.stop()
        QTimer.singleShot(500, qapp.quit)

    def on_finished(bubble: Any) -> None:
        if state["phase"] == 0:
            state["phase"] = 1
            window.context.show_trace(bubble.trace)
            window.input.setPlainText("")
            QTimer.singleShot(400, lambda: window.send(SECOND))
            QTimer.singleShot(600, second_answer_progress)

    window.answer_finished.connect(on_finished)
    window.ready.connect(lambda: QTimer.singleShot(300, lambda: window.send(FIRST)))
    QTimer.singleShot(240_000, qapp.quit)  # never hang a build
    qapp.exec()
    # Keep the first answer's context in the panel: the second answer is cut for the picture.
    return int(state["code"])


if __name__ == "__main__":
    sys.exit(main())
