#!/usr/bin/env bash
# Debian packages the app and the tests need (Qt runtime libraries, fonts, PDF tools,
# a virtual screen for screenshots). Installs only what is missing; needs root for that.
set -euo pipefail
PACKAGES=(
  libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
  fonts-dejavu-core poppler-utils xvfb postgresql curl
)
# Debian's Python 3.11 (the Makefile's interpreter where it is there): its venv module, and
# its shared library and headers (PyInstaller bundles the library; packages that compile).
if [ -x /usr/bin/python3.11 ]; then
  PACKAGES+=(python3.11-venv python3.11-dev libpython3.11)
fi
missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "Bitte diese Pakete installieren: ${missing[*]}" >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installiere Systempakete: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
