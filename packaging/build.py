"""Build the one-folder Zantara app with PyInstaller, then smoke-test the built executable.

`make package` runs this. Steps: check the inputs a fresh clone must have (the bundled GGUF from `make setup`,
the curated pack), render the icons from the SVG when it changed, run PyInstaller on packaging/zantara.spec
into packaging/dist/zantara/, put the desktop entry, the icons and a per-user installer beside the
executable, and run packaging/smoke_test.py against it. Exits non-zero when any step fails, so CI can
trust it.

    python packaging/build.py                # build + smoke test
    python packaging/build.py --no-smoke     # build only
    python packaging/build.py --icons        # only re-render packaging/icons/*.png|ico|icns
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
REPO = PACKAGING.parent
DIST = PACKAGING / "dist"
WORK = PACKAGING / "build"
APP_DIR = DIST / "zantara"
ICONS = PACKAGING / "icons"
SVG = ICONS / "zantara.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

INSTALL_SH = """#!/usr/bin/env sh
# Install Zantara for the current user: app folder in ~/.local/opt, `zantara` on PATH, menu entry, icons.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
mkdir -p "$prefix/opt" "$prefix/bin" "$prefix/share/applications"
rm -rf "$prefix/opt/zantara"
cp -a "$here" "$prefix/opt/zantara"
ln -sf "$prefix/opt/zantara/zantara" "$prefix/bin/zantara"
sed "s|^Exec=zantara|Exec=$prefix/bin/zantara|; s|^TryExec=zantara|TryExec=$prefix/bin/zantara|" \\
  "$here/zantara.desktop" > "$prefix/share/applications/zantara.desktop"
for png in "$here"/icons/zantara-*.png; do
  size=$(basename "$png" .png | sed 's/zantara-//')
  mkdir -p "$prefix/share/icons/hicolor/${size}x${size}/apps"
  cp "$png" "$prefix/share/icons/hicolor/${size}x${size}/apps/zantara.png"
done
mkdir -p "$prefix/share/icons/hicolor/scalable/apps"
cp "$here/icons/zantara.svg" "$prefix/share/icons/hicolor/scalable/apps/zantara.svg"
if command -v update-desktop-database >/dev/null 2>&1; then
  update-desktop-database "$prefix/share/applications" || true
fi
echo "Installed. Run 'zantara' (make sure $prefix/bin is on PATH) or open Zantara from the menu."
"""


def step(message: str) -> None:
    print(f"\n==> {message}", flush=True)


def fail(message: str) -> None:
    print(f"build: {message}", file=sys.stderr)
    sys.exit(1)


def check_inputs() -> None:
    """A fresh clone has all but the GGUF, which `make setup` fetches: say so rather than build badly."""
    manifest = json.loads((REPO / "models" / "manifest.json").read_text(encoding="utf-8"))
    for model in manifest["models"]:
        path = REPO / "models" / model["file"]
        if not path.exists():
            fail(f"{path} is missing: run `make setup` (or `.venv/bin/zantara models fetch`) first.")
        if path.stat().st_size != model["size"]:
            fail(f"{path} has the wrong size: run `.venv/bin/zantara models fetch` to fetch it again.")
    if not list((REPO / "knowledge" / "packs").glob("*.jsonl")):
        fail("knowledge/packs/*.jsonl is missing: the curated pack must ship with the app.")
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        fail("PyInstaller is not installed: run `.venv/bin/pip install -e '.[package]'` (make package does).")


def render_icons(force: bool = False) -> None:
    """PNG sizes for the freedesktop icon theme, .ico for Windows, .icns for macOS, all from the one SVG.

    Rendered with Qt's own SVG renderer (already a dependency), so no image tool is needed. Skipped when the
    outputs are newer than the SVG.
    """
    outputs = [ICONS / f"zantara-{s}.png" for s in PNG_SIZES] + [ICONS / "zantara.png"]
    outputs += [ICONS / "zantara.ico", ICONS / "zantara.icns"]
    if not force and all(p.exists() and p.stat().st_mtime >= SVG.stat().st_mtime for p in outputs):
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        fail(f"{SVG} is not a valid SVG.")

    def render(size: int) -> QImage:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        return image

    for size in PNG_SIZES:
        render(size).save(str(ICONS / f"zantara-{size}.png"))
    render(256).save(str(ICONS / "zantara.png"))
    render(256).save(str(ICONS / "zantara.ico"))  # Qt's ico plugin
    if not render(512).save(str(ICONS / "zantara.icns")):  # Qt's icns plugin; optional
        print("  (no icns writer in this Qt: make the .icns on macOS with iconutil, see packaging/README.md)")
    print(f"  icons rendered: {', '.join(p.name for p in outputs if p.exists())}")


def run_pyinstaller(clean: bool) -> None:
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level=WARN",
        f"--distpath={DIST}",
        f"--workpath={WORK}",
        str(PACKAGING / "zantara.spec"),
    ]
    if clean:
        cmd.insert(3, "--clean")
    print("  " + " ".join(cmd), flush=True)
    result = subprocess.run(cmd, cwd=REPO, check=False)
    if result.returncode != 0:
        fail(f"PyInstaller failed (exit {result.returncode}).")
    if not (APP_DIR / "zantara").exists():
        fail(f"PyInstaller finished but {APP_DIR / 'zantara'} is missing.")


def add_desktop_files() -> None:
    """The .desktop entry, the icons and install.sh beside the executable (what a Linux user installs)."""
    shutil.copy2(PACKAGING / "zantara.desktop", APP_DIR / "zantara.desktop")
    icons = APP_DIR / "icons"
    icons.mkdir(exist_ok=True)
    shutil.copy2(SVG, icons / "zantara.svg")
    for size in PNG_SIZES:
        shutil.copy2(ICONS / f"zantara-{size}.png", icons / f"zantara-{size}.png")
    installer = APP_DIR / "install.sh"
    installer.write_text(INSTALL_SH, encoding="utf-8")
    installer.chmod(0o755)


def folder_size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--no-smoke", action="store_true", help="Build only; skip the smoke test.")
    parser.add_argument("--clean", action="store_true", help="Empty PyInstaller's cache first.")
    parser.add_argument("--icons", action="store_true", help="Only re-render the icons, then stop.")
    args = parser.parse_args(argv)

    if args.icons:
        render_icons(force=True)
        return 0
    started = time.perf_counter()
    step("Checking inputs")
    check_inputs()
    step("Rendering icons")
    render_icons()
    step("Running PyInstaller (several minutes on 2 cores)")
    run_pyinstaller(args.clean)
    add_desktop_files()
    built = time.perf_counter() - started
    print(f"  built {APP_DIR} ({folder_size_mb(APP_DIR):.0f} MB) in {built:.0f} s")
    if args.no_smoke:
        return 0
    step("Smoke test of the built app")
    result = subprocess.run([sys.executable, str(PACKAGING / "smoke_test.py"), str(APP_DIR / "zantara")])
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
