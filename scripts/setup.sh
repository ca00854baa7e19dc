#!/usr/bin/env bash
# Installs what building and testing Nianbao needs and is missing: Debian packages (with sudo
# when not root), the UI's npm packages, tauri-driver, and the Python test tools in a
# project-local venv. Safe to run again: each step checks first.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  # Layout tests: LibreOffice renders exports to PDF; free look-alikes of the GB/T 9704 fonts.
  libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-ukai fonts-liberation poppler-utils
  python3-venv
)

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get -o DPkg::Lock::Timeout=600 update -q
  $sudo apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
fi

# Python tools for the validator and layout tests, pinned in tests/requirements.txt.
if [ ! -x .venv/bin/pytest ] || ! cmp -s tests/requirements.txt .venv/requirements.txt; then
  echo "setup: preparing .venv"
  python3 -m venv .venv
  .venv/bin/pip install -q --disable-pip-version-check -r tests/requirements.txt
  cp tests/requirements.txt .venv/requirements.txt
fi
