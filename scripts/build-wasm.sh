#!/usr/bin/env bash
# Builds the pagination engine for the window (crates/nianbao-layout-wasm) into
# ui/wasm/nianbao-layout.wasm, which the UI's build and tests load. Uses rustup's
# wasm32-unknown-unknown target when it is installed; otherwise Debian's rustc-web, which
# builds std for wasm32 from its own source (rust-web-src) and links with lld's wasm-ld
# (scripts/setup.sh installs whichever it can). NIANBAO_WASM_TOOLCHAIN=debian forces the
# second way.
set -euo pipefail
cd "$(dirname "$0")/.."

target=wasm32-unknown-unknown
args=(build --release --locked -p nianbao-layout-wasm --lib --target "$target" --target-dir target/wasm)
if [ "${NIANBAO_WASM_TOOLCHAIN:-}" != debian ] &&
  rustup target list --installed 2>/dev/null | grep -qx "$target"; then
  cargo "${args[@]}"
elif [ -x /usr/bin/rustc ] && [ -d /usr/lib/rustlib/src/rust/library ] && command -v wasm-ld >/dev/null; then
  # Another compiler than the workspace's: its own fingerprints, the same target dir.
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld \
    /usr/bin/cargo "${args[@]}" -Zbuild-std=std,panic_abort
else
  echo "build-wasm: no wasm32 toolchain: run scripts/setup.sh (rustup target add $target," >&2
  echo "build-wasm: or on Debian: apt-get install rustc-web cargo-web rust-web-src lld)" >&2
  exit 1
fi
mkdir -p ui/wasm
cp "target/wasm/$target/release/nianbao_layout_wasm.wasm" ui/wasm/nianbao-layout.wasm
