# Nianbao: `make run` and `make test` on a fresh Debian/Ubuntu machine with Rust and Node.
SHELL := /bin/bash
CARGO ?= cargo
SAMPLE := assets/samples/changziying-2023.txt
CLI := target/debug/nianbao
APP := target/debug/nianbao-app
# The app's window in tests: a virtual screen (no window manager, no GPU).
XVFB := xvfb-run -a -s "-screen 0 1280x800x24"

.PHONY: setup wasm ui build run test lint test-ui test-rust test-conformance test-e2e figures bench clean

setup:
	@scripts/setup.sh

# The pagination engine as WebAssembly, for the 版面预览 (ui/wasm/nianbao-layout.wasm).
wasm: setup
	scripts/build-wasm.sh

ui: wasm
	cd ui && npm run build

build: ui
	$(CARGO) build -p nianbao-cli -p nianbao-app

# The app on the default database (or $$NIANBAO_DB); pass ARGS="--db PATH" for another.
run: build
	$(APP) $(ARGS)

lint: ui
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	cd ui && npm run check

test-ui: wasm
	cd ui && npm test

# Unit and integration tests of every crate (the TypeScript bindings check among them).
test-rust: ui
	$(CARGO) test --workspace --exclude nianbao-e2e

# Word validity (openxml-audit) and GB/T 9704 geometry (LibreOffice → PDF → measured).
test-conformance: build
	NIANBAO_BIN=$(abspath $(CLI)) .venv/bin/pytest -q tests/conformance

# The real window: tauri-driver + WebKitWebDriver under Xvfb, one database per test.
test-e2e: build
	$(XVFB) $(CARGO) test -p nianbao-e2e -- --test-threads=1

test: lint test-ui test-rust test-conformance test-e2e

# Cold start, keystroke and autosave figures of the real window (for the README).
figures: build
	$(XVFB) $(CARGO) test -p nianbao-e2e --test figures -- --nocapture

bench:
	$(CARGO) bench -p nianbao-docx -p nianbao-import -p nianbao-store -p nianbao-layout
	scripts/bench-medians.py

clean:
	$(CARGO) clean
	rm -rf out .venv .tools ui/node_modules ui/dist ui/wasm
