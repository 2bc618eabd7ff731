"""Take the README screenshots of the main window under Xvfb: English, Italian, Indonesian and dark mode.

    .venv/bin/python packaging/screenshot.py                      # all four, into docs/screenshots/
    .venv/bin/python packaging/screenshot.py --lang it --theme dark --out /tmp/x.png   # one
    .venv/bin/python packaging/screenshot.py --no-xvfb            # on your own desktop
    .venv/bin/python packaging/screenshot.py --screen 1024x600 --lang id --out /tmp/id.png   # a laptop walk

With ``--screen`` the Xvfb screen has that size and the window places itself as on a user's first start (no
fixed size); the last answer is rated ▼ so its reason row shows, and the whole screen is saved.

Each picture is a real conversation in the UI's language, made by the real app: the real router and the real
anthropic SDK against the Messages API stand-in of tests/support (it streams a fixed Markdown reply), the real
curated knowledge store for the context panel. A cultural question is answered first, then a practical one;
the window is grabbed once both answers are complete, with the context panel showing the first answer's
insights and timings. Each shot runs in its own process with its own temporary ZANTARA_HOME and settings
(strategy "rag": nothing depends on the local model's timing), so the result does not depend on the machine's
own settings, data or key. The curated store built by the test suite is reused when present (else embedded,
about a minute). Dark mode is the ``theme`` setting ("dark"), as a user picks it in Settings → Appearance.
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
sys.path.insert(0, str(REPO))  # this checkout's app, whatever the virtual environment points at
SHOTS = {  # file name -> (UI language, theme)
    "main-en.png": ("en", "light"),
    "main-it.png": ("it", "light"),
    "main-id.png": ("id", "light"),
    "main-dark.png": ("en", "dark"),
}
#: per language: (cultural question, its reply, practical question, its reply)
CONVERSATIONS = {
    "en": (
        "My Balinese staff always say 'yes' and then nothing happens. Am I being rude when I push them?",
        'Not rude at all, and you are right to ask. In Bali a quick **"yes"** often means *"I heard you"*, '
        'not *"I will do it"*: saying no to a boss feels impolite (*tidak enak*).\n\n'
        "What usually works better:\n\n"
        '1. Ask open questions: *"What do you need to finish this by Friday?"*\n'
        "2. Agree on a date together and write it down.\n"
        "3. Follow up privately, never in front of the team.\n\n"
        "Would you like a short script for your next meeting?",
        "Thanks! How long does an investor KITAS take with a PT PMA?",
        "Usually **4-6 weeks** once the PT PMA documents are in order:\n\n"
        "- **Company documents** (NIB, deed of establishment, your appointment as director or commissioner)\n"
        "- **E-visa application** to immigration: about *4 weeks*\n"
        "- **Biometrics** at the Denpasar immigration office, then the KITAS arrives digitally\n\n"
        "Shall I prepare the document checklist?",
    ),
    "it": (
        "Il mio staff balinese dice sempre di sì e poi non succede nulla. Sbaglio a insistere?",
        'Non sbaglia a chiedere, anzi. A Bali un **"sì"** veloce spesso vuol dire *"ho capito"*, non '
        '*"lo farò"*: dire di no a un capo sembra scortese (*tidak enak*).\n\n'
        "Di solito funziona meglio:\n\n"
        '1. Fare domande aperte: *"Cosa ti serve per finire entro venerdì?"*\n'
        "2. Fissare la data insieme e scriverla.\n"
        "3. Riparlarne in privato, mai davanti al team.\n\n"
        "Vuole una breve traccia per la prossima riunione?",
        "Grazie! Quanto tempo ci vuole per un KITAS investitore con la PT PMA?",
        "Di solito **4-6 settimane**, con i documenti della PT PMA in ordine:\n\n"
        "- **Documenti della società** (NIB, atto costitutivo, nomina a direttore o commissario)\n"
        "- **Richiesta dell'e-visa** all'immigrazione: circa *4 settimane*\n"
        "- **Biometria** all'ufficio immigrazione di Denpasar, poi il KITAS arriva in digitale\n\n"
        "Preparo la lista dei documenti?",
    ),
    "id": (
        "Klien saya marah-marah soal visanya yang belum keluar, saya jadi takut membalas chatnya",
        "Wajar kalau Anda jadi **takut**, tapi jangan didiamkan: klien yang marah biasanya sedang *cemas*, "
        "bukan membenci Anda.\n\n"
        "Yang biasanya membantu:\n\n"
        '1. Balas hari ini juga, singkat dan tenang: *"Kami mengerti, Pak. Kami cek sekarang."*\n'
        "2. Beri satu kabar pasti: posisi berkas dan langkah berikutnya.\n"
        "3. Janjikan waktu kabar berikutnya, lalu tepati.\n\n"
        "Mau saya bantu susun balasannya?",
        "Terima kasih! Berapa lama proses KITAS investor dengan PT PMA?",
        "Biasanya **4-6 minggu** jika dokumen PT PMA sudah lengkap:\n\n"
        "- **Dokumen perusahaan** (NIB, akta pendirian, pengangkatan sebagai direktur atau komisaris)\n"
        "- **Pengajuan e-visa** ke imigrasi: sekitar *4 minggu*\n"
        "- **Biometrik** di kantor imigrasi Denpasar, lalu KITAS terbit secara digital\n\n"
        "Mau saya siapkan daftar dokumennya?",
    ),
}


def start_xvfb(display: str = ":97", size: str = "1400x900x24") -> subprocess.Popen[bytes]:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        sys.exit("Xvfb not found: bash packaging/system-deps.sh xvfb (or run with --no-xvfb on a desktop).")
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=sorted(CONVERSATIONS), help="take one shot in this UI language")
    parser.add_argument("--theme", default="light", choices=["light", "dark"])
    parser.add_argument("--out", help="where to save the one shot")
    parser.add_argument("--dir", default=str(REPO / "docs" / "screenshots"), help="where the four shots go")
    parser.add_argument("--no-xvfb", action="store_true")
    parser.add_argument("--screen", help="WIDTHxHEIGHT: a laptop screen; the window places itself")
    args = parser.parse_args()
    if args.screen:
        os.environ["ZANTARA_SHOT_SCREEN"] = args.screen

    xvfb = None if args.no_xvfb else start_xvfb(size=f"{args.screen}x24" if args.screen else "1400x900x24")
    try:
        if args.lang:
            out = Path(args.out or Path(args.dir) / f"main-{args.lang}-{args.theme}.png")
            return one_shot(args.lang, args.theme, out)
        code = 0
        for name, (lang, theme) in SHOTS.items():
            command = [sys.executable, __file__, "--no-xvfb", "--lang", lang, "--theme", theme]
            command += ["--out", str(Path(args.dir) / name)]
            code = subprocess.call(command) or code
        return code
    finally:
        if xvfb is not None:
            xvfb.terminate()


def one_shot(lang: str, theme: str, out: Path) -> int:
    home = Path(tempfile.mkdtemp(prefix="zantara-shot-"))
    os.environ["ZANTARA_HOME"] = str(home)
    for name in ("ZANTARA_CHROMA_URL", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL"):
        os.environ.pop(name, None)
    reuse_curated_store(home)
    sys.path.insert(0, str(REPO / "tests"))
    from support.messages_api import MessagesAPIStandIn

    first, first_reply, second, second_reply = CONVERSATIONS[lang]

    def reply_for(body: dict[str, Any]) -> str:
        last = body["messages"][-1]["content"]
        text = last if isinstance(last, str) else " ".join(part.get("text", "") for part in last)
        return second_reply if "KITAS" in text else first_reply

    api = MessagesAPIStandIn(reply=reply_for, token_delay_s=0.01).start()
    os.environ["ANTHROPIC_BASE_URL"] = api.base_url
    os.environ["ANTHROPIC_API_KEY"] = api.api_key
    try:
        return take(lang, theme, out, first, second)
    finally:
        api.stop()
        shutil.rmtree(home, ignore_errors=True)


def take(lang: str, theme: str, out: Path, first: str, second: str) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.core.services import Services
    from desktop.core.settings import Settings
    from desktop.gui import app as gui_app

    qapp = gui_app.make_app(sys.argv[:1])
    settings = Settings(
        strategy="rag", ui_language=lang, theme=theme, user_name="Ketut", first_token_deadline_s=30.0
    )
    services = Services(settings)
    print(f"{out.name}: opening the knowledge store ({services.store.count()} insights)", flush=True)
    from desktop.core.knowledge.retrieval import retrieve

    retrieve(services.store, first, k=1)  # load the embedder and the SDK now, as a running app has:
    services.router.claude()  # the timings shown are then the answer's own
    window = gui_app.build_window(services, warm_up=False)
    laptop = bool(os.environ.get("ZANTARA_SHOT_SCREEN"))
    if not laptop:
        window.resize(1320, 820)
    window.show()
    out.parent.mkdir(parents=True, exist_ok=True)
    state: dict[str, Any] = {"answers": [], "code": 1}

    def snap() -> None:
        QApplication.processEvents()
        if laptop:  # the whole screen: a window past its edge shows as cut
            screen = window.screen()
            screen.grabWindow(0).save(str(out))
        else:
            window.grab().save(str(out))
        print(f"saved {out}", flush=True)
        state["code"] = 0
        qapp.quit()

    def on_finished(bubble: Any) -> None:
        state["answers"].append(bubble)
        if len(state["answers"]) == 1:
            QTimer.singleShot(200, lambda: window.send(second))
        else:  # both complete: the panel shows the cultural answer's insights
            window.context.show_trace(state["answers"][0].trace)
            window.statusBar().clearMessage()
            window.input.setFocus()
            if laptop:
                QTimer.singleShot(1500, lambda: rate_down(bubble))  # after its stored rating (none) loaded
            else:
                QTimer.singleShot(500, snap)

    def rate_down(bubble: Any) -> None:
        bubble.feedback_bar.set_rating({"verdict": "down", "reason": "wrong-language"})
        window.chat.verticalScrollBar().setValue(window.chat.verticalScrollBar().maximum())
        QTimer.singleShot(700, snap)

    window.answer_finished.connect(on_finished)
    window.ready.connect(lambda: QTimer.singleShot(300, lambda: window.send(first)))
    QTimer.singleShot(240_000, qapp.quit)  # never hang a build
    qapp.exec()
    return int(state["code"])


if __name__ == "__main__":
    sys.exit(main())
