#!/usr/bin/env bash
# Installs what building and testing Nianbao needs and is missing: Debian packages (with sudo
# when not root), the UI's npm packages, tauri-driver, and the Python test tools in a
# project-local venv. Safe to run again: each step checks first.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # Tauri 2 on Linux: WebKitGTK and friends.
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config
  # The real window in tests: WebDriver for WebKitGTK, a virtual X server, a session bus.
  webkit2gtk-driver xvfb xauth dbus dbus-x11 imagemagick
  # Layout tests: LibreOffice renders exports to PDF; free look-alikes of the GB/T 9704 fonts.
  libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-ukai fonts-liberation poppler-utils
  python3-venv
)

# Installs those of the named Debian packages that are missing.
apt_install() {
  local missing=() p sudo=""
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  echo "setup: installing ${missing[*]}"
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -q
  $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
}
apt_install "${APT_PACKAGES[@]}"

# The 版面预览's engine is built for wasm32 (scripts/build-wasm.sh): rustup's target where it
# can be had, else Debian's rustc-web, which builds std for wasm32 from its own source.
if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown &&
  ! timeout 300 rustup target add wasm32-unknown-unknown; then
  echo "setup: no rustup wasm32 target to be had: Debian's rustc-web builds the engine"
  apt_install rustc-web cargo-web rust-web-src lld
fi

# The UI's packages, exactly as locked.
if [ ! -d ui/node_modules ] || ! cmp -s ui/package-lock.json ui/node_modules/.package-lock.json; then
  echo "setup: npm ci in ui/"
  (cd ui && npm ci --no-audit --no-fund)
fi

# tauri-driver bridges WebDriver to the app's WebKitWebDriver.
if [ ! -x .tools/bin/tauri-driver ]; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --version 2.1.0 --locked --root .tools
fi

# Python tools for the validator and layout tests, pinned in tests/requirements.txt.
if [ ! -x .venv/bin/pytest ] || ! cmp -s tests/requirements.txt .venv/requirements.txt; then
  echo "setup: preparing .venv"
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check -r tests/requirements.txt
  cp tests/requirements.txt .venv/requirements.txt
fi
