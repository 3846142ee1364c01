#!/usr/bin/env bash
# Measures the consolidated PDF of the largest standard: how long the server
# takes to typeset `/standards/{slug}/clarifications.pdf` and how much memory
# it holds while it does, on a SQLite register of N synthetic clarifications
# (default 100,000, as issue 23 asks). The page cache is off, so that every
# request typesets the document again. See bench/README.md, "Documents".
#
#   bench/documents.sh [N]          builds the release binary first
#   CLARION_BIN=path bench/documents.sh 2000   uses that binary
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

clarifications=${1:-100000}
runs=${RUNS:-3}
bin=${CLARION_BIN:-}
if [ -z "$bin" ]; then
  cargo build --release --locked -q
  bin=target/release/clarion
fi

dir=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2> /dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export CLARION_DATA_DIR="$dir" CLARION_DATABASE_URL="$dir/clarion.db" \
  CLARION_BIND="127.0.0.1:$port" CLARION_BASE_URL="http://127.0.0.1:$port" \
  CLARION_PAGE_CACHE_MB=0 CLARION_ACCESS_LOG=off RUST_LOG=warn

"$bin" seed --synthetic "$clarifications" --open-requests 0 --users 0 > "$dir/seed.log"
"$bin" serve > "$dir/server.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port"
for _ in $(seq 300); do
  curl -fs "$base/readyz" > /dev/null && break
  sleep 0.1
done

# The standard with the most published clarifications.
read -r slug count < <(curl -fs "$base/api/v1/standards" | python3 -c '
import json, sys
largest = max(json.load(sys.stdin)["items"], key=lambda s: s["published"])
print(largest["slug"], largest["published"])')

kib() { awk -v key="$1:" '$1 == key { print $2 }' "/proc/$server_pid/status"; }
resident_before=$(kib VmRSS)
peak_before=$(kib VmHWM)
times=()
for _ in $(seq "$runs"); do
  times+=("$(curl -fs -o "$dir/set.pdf" -w '%{time_total}' "$base/standards/$slug/clarifications.pdf")")
done
peak_after=$(kib VmHWM)
bytes=$(stat -c %s "$dir/set.pdf")
pages=$(pdfinfo "$dir/set.pdf" 2> /dev/null | awk '/^Pages:/ { print $2 }' || true)

python3 - "$clarifications" "$slug" "$count" "$bytes" "${pages:-?}" \
  "$resident_before" "$peak_before" "$peak_after" "${times[@]}" << 'EOF'
import sys
n, slug, count, size, pages, rss, peak_before, peak_after, *times = sys.argv[1:]
times = sorted(float(t) for t in times)
mib = lambda kib: int(kib) / 1024
print(f"register: {int(n):,} clarifications; largest standard {slug} with {int(count):,}")
print(f"document: {pages} pages, {int(size) / 1e6:.1f} MB")
print(f"typeset in {times[0]:.2f} s (best of {len(times)}), {times[-1]:.2f} s at worst")
print(f"server memory: {mib(rss):.0f} MiB resident before, peak {mib(peak_before):.0f} MiB "
      f"before and {mib(peak_after):.0f} MiB after "
      f"(+{mib(peak_after) - mib(peak_before):.0f} MiB for the document)")
EOF
