"""Zantara Desktop: a local-first assistant where Claude answers and a local LLaMA model adds the cultural soul.

Layout (read this first):
    desktop/core/  everything that thinks, stores and talks to models. Never imports Qt.
    desktop/cli/   the `zantara` command: a thin layer over core.
    desktop/gui/   the PySide6 app: views plus workers that call core off the GUI thread.
"""

__version__ = "0.1.0"
