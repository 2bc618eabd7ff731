"""The PySide6 desktop app: views and workers over :mod:`desktop.core` (which never imports Qt)."""
