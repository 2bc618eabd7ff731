"""Launch the GUI if a display is available; otherwise point to the CLI."""

from __future__ import annotations

import os
import sys

import click


def has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    )


def launch_gui() -> int:
    if not has_display():
        click.echo(
            "No display found, so the desktop window cannot open here.\n"
            "Use the command line instead, for example:\n"
            '  zantara ask "aku malu bertanya tentang visa"\n'
            '  zantara knowledge query "jam karet" --json\n'
            "  zantara --help"
        )
        return 0
    try:
        from desktop.gui.app import run
    except ImportError as exc:  # GUI extras missing or Qt libraries not loadable
        click.echo(f"zantara: the desktop app cannot start ({exc}). Use the CLI: zantara --help", err=True)
        return 1
    return run(sys.argv[:1])
