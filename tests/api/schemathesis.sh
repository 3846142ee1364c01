#!/usr/bin/env bash
# Runs schemathesis (from PyPI) against the OpenAPI document the server
# publishes: every operation is called with generated valid and invalid
# parameters, and every check must pass (no 5xx, answers as documented,
# invalid input refused, unsupported methods refused with Allow).
#
#   tests/api/schemathesis.sh [BINARY]    # default: target/release/clarion
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$root/target/release/clarion}
[ -x "$bin" ] || (cd "$root" && cargo build --release --locked --quiet)

# schemathesis lives in its own virtualenv under target/, pinned.
venv="$root/target/schemathesis-venv"
if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==4.32.5"
fi

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2> /dev/null || true; wait "$server_pid" 2> /dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export CLARION_DATA_DIR="$work" CLARION_BIND="127.0.0.1:$port" RUST_LOG=warn
"$bin" seed --demo > "$work/seed.log"
"$bin" serve > "$work/server.log" 2>&1 &
server_pid=$!

status=0
"$venv/bin/schemathesis" run "http://127.0.0.1:$port/api/openapi.json" \
  --url "http://127.0.0.1:$port" \
  --wait-for-schema 30 \
  --checks all \
  --max-examples 200 \
  --workers 2 \
  --seed 17 || status=$?
if [ "$status" != 0 ]; then
  echo "schemathesis found failures; the server's log:" >&2
  tail -50 "$work/server.log" >&2
fi
exit "$status"
