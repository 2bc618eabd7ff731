"""One place that knows where things live (qutebrowser's standarddir idea).

User data, config, cache and logs come from platformdirs; ``ZANTARA_HOME`` moves all of them under one folder,
which is what tests and scripts use. Read-only resources shipped with the app (bundled models, curated knowledge)
are found next to the package, or inside a PyInstaller bundle.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "zantara"
APP_AUTHOR = "Zantara"


def home_override() -> Path | None:
    value = os.environ.get("ZANTARA_HOME")
    return Path(value).expanduser() if value else None


PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600


def _ensure(path: Path) -> Path:
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    return path


PRIVATE_MARKER = ".private"  # the existing files were tightened once; later ones are born private


def make_private() -> None:
    """Conversations are client data: from now on this process creates files only its user can read
    (umask 077, whatever the login shell set), and what already exists in the user folders is tightened to
    0700 folders and 0600 files. Symbolic links (a GGUF linked from elsewhere) are not followed."""
    os.umask(0o077)
    home = home_override()
    roots = [home] if home else [data_dir(), config_dir(), cache_dir(), log_dir()]
    marker = data_dir() / PRIVATE_MARKER
    walked = marker.exists()  # everything made since then was made under umask 077: no walk per command
    for root in roots:
        if root.is_dir() and not root.is_symlink():
            if walked:
                _chmod(str(root), PRIVATE_DIR)
            else:
                _tighten(root)
    if not walked:
        with contextlib.suppress(OSError):
            marker.touch()


def _tighten(root: Path) -> None:
    for folder, dirs, files in os.walk(root):
        _chmod(folder, PRIVATE_DIR)
        for name in files:
            _chmod(os.path.join(folder, name), PRIVATE_FILE)
        dirs[:] = [d for d in dirs if not os.path.islink(os.path.join(folder, d))]


def _chmod(path: str, mode: int) -> None:
    """Drop the group and other bits ``mode`` does not grant; the owner's bits stay as they are."""
    try:
        st = os.lstat(path)
        if not os.path.islink(path) and st.st_mode & 0o077 & ~mode:
            os.chmod(path, st.st_mode & 0o777 & (0o700 | mode))
    except OSError:
        pass  # a file we do not own or that vanished: leave it


def data_dir() -> Path:
    home = home_override()
    return _ensure(home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)))


def config_dir() -> Path:
    home = home_override()
    return _ensure(home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)))


def cache_dir() -> Path:
    home = home_override()
    return _ensure(home / "cache" if home else Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)))


def log_dir() -> Path:
    home = home_override()
    return _ensure(home / "logs" if home else Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)))


def user_models_dir() -> Path:
    """Where `zantara models add` copies or links user GGUF files."""
    return _ensure(data_dir() / "models")


def chroma_dir() -> Path:
    return _ensure(data_dir() / "chroma")


def database_path() -> Path:
    """SQLite file with conversations and generation progress."""
    return data_dir() / "zantara.sqlite3"


def settings_path() -> Path:
    return config_dir() / "settings.json"


def resource_root() -> Path:
    """Folder holding the shipped `models/` and `knowledge/` folders.

    ``ZANTARA_RESOURCES`` overrides; a PyInstaller bundle keeps them in ``sys._MEIPASS``; a source checkout
    (editable install) has them at the repository root, beside the ``desktop`` package.
    """
    override = os.environ.get("ZANTARA_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parents[2]


def bundled_models_dir() -> Path:
    return resource_root() / "models"


def knowledge_dir() -> Path:
    return resource_root() / "knowledge"
