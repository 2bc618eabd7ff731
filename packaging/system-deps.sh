#!/usr/bin/env bash
# Installs the Debian packages Zantara needs to build and run, only those that are missing.
# Build: a C/C++ toolchain and cmake (llama-cpp-python compiles llama.cpp). Run: the libraries Qt's wheels
# load (GL, EGL, xkbcommon, fontconfig, xcb for a real display). The team server recipe (`make team-server`,
# its tests): nginx in front of chroma, openssl for its certificate. Idempotent: does nothing when all are present.
set -euo pipefail

want=(build-essential cmake python3-venv python3-dev libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0
      libfontconfig1 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
      libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 nginx openssl "$@")

command -v dpkg-query >/dev/null 2>&1 || { echo "Not a Debian system: install a C++ toolchain, cmake and Qt's runtime libraries yourself."; exit 0; }

missing=()
for pkg in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
# python3-venv/python3-dev are only needed when the Python in use is Debian's own.
if [ "$(command -v python3)" != "/usr/bin/python3" ]; then
  missing=("${missing[@]/python3-venv}"); missing=("${missing[@]/python3-dev}")
fi
read -r -a missing <<<"${missing[*]}"
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
