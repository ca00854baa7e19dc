# Nianbao: `make run` and `make test` on a fresh Debian/Ubuntu machine with Rust and Node.
SHELL := /bin/bash
CARGO ?= cargo
SAMPLE := assets/samples/changziying-2023.txt
CLI := target/debug/nianbao

.PHONY: setup build run test lint test-rust test-conformance bench clean

setup:
	@scripts/setup.sh

build: setup
	$(CARGO) build -p nianbao-cli

# Until the desktop app exists: import the sample into the default database and export it.
run: build
	@mkdir -p out
	@id=$$($(CLI) import $(SAMPLE)) && \
	  $(CLI) outline $$id && \
	  $(CLI) export $$id --out out/changziying-2023.docx

lint: setup
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

test-rust: setup
	$(CARGO) test --workspace

# Word validity (openxml-audit) and GB/T 9704 geometry (LibreOffice → PDF → measured).
test-conformance: build
	NIANBAO_BIN=$(abspath $(CLI)) .venv/bin/pytest -q tests/conformance

test: lint test-rust test-conformance

bench:
	$(CARGO) bench -p nianbao-docx -p nianbao-import -p nianbao-store

clean:
	$(CARGO) clean
	rm -rf out .venv
