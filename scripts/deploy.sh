#!/usr/bin/env bash
# `make deploy`: from a clone to a live endpoint on Cloudflare Workers.
#
# 1. checks wrangler is logged in (`wrangler login`, or CLOUDFLARE_API_TOKEN);
# 2. on the first run, creates the KV namespace and writes its id into
#    wrangler.toml (commit that change: later deploys reuse it);
# 3. unless the Worker already has one, stores TOKEN_SECRET with
#    `wrangler secret put` — the value of $TOKEN_SECRET, or typed at the
#    prompt, or (empty answer / no terminal) 32 random bytes in hex;
#    KALTURA_ADMIN_SECRET too when it is set in the environment;
# 4. `wrangler deploy` of the worker `make build` made.
set -euo pipefail
cd "$(dirname "$0")/.."

CONFIG=wrangler.toml
PLACEHOLDER_ID=kaltura-mcp-kv
NAME=$(sed -n 's/^name = "\(.*\)"/\1/p' "$CONFIG" | head -1)

if ! who=$(wrangler whoami 2>&1) || grep -qi "not authenticated\|not logged in" <<<"$who"; then
	echo "wrangler is not logged in: run \`npx wrangler login\` (or set CLOUDFLARE_API_TOKEN), then \`make deploy\` again." >&2
	exit 1
fi

if grep -q "^id = \"$PLACEHOLDER_ID\"" "$CONFIG"; then
	echo "Creating the KV namespace for tokens and cache..."
	created=$(wrangler kv namespace create KALTURA_MCP_KV </dev/null 2>&1) || { echo "$created" >&2; exit 1; }
	# The snippet it prints: `id = "…"` (TOML) or `"id": "…"` (JSON).
	id=$(grep -E '"?id"? *[=:] *"[0-9a-f]{32}"' <<<"$created" | grep -oE '[0-9a-f]{32}' | head -1 || true)
	if [ -z "$id" ]; then
		echo "could not read the new namespace id from:" >&2; echo "$created" >&2; exit 1
	fi
	sed -i "s/^id = \"$PLACEHOLDER_ID\"/id = \"$id\"/" "$CONFIG"
	echo "KV namespace $id written into $CONFIG (commit it)."
fi

secrets=$(wrangler secret list --format json 2>/dev/null || echo '[]')
if ! grep -q '"name": *"TOKEN_SECRET"' <<<"$secrets"; then
	secret=${TOKEN_SECRET:-}
	if [ -z "$secret" ] && [ -t 0 ]; then
		read -r -s -p "TOKEN_SECRET (empty: generate one): " secret; echo
	fi
	if [ -z "$secret" ]; then
		secret=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')
		echo "Generated a TOKEN_SECRET (kept only by Cloudflare; tokens die if it changes)."
	fi
	printf '%s' "$secret" | wrangler secret put TOKEN_SECRET --name "$NAME"
fi
if [ -n "${KALTURA_ADMIN_SECRET:-}" ]; then
	printf '%s' "$KALTURA_ADMIN_SECRET" | wrangler secret put KALTURA_ADMIN_SECRET --name "$NAME"
fi

wrangler deploy
