#!/usr/bin/env bash
# The time and peak memory of `clarion export --site`: builds the release
# binary, generates a register of synthetic published clarifications on a
# fresh SQLite database (`clarion seed --synthetic N`) and exports it as a
# static site under /usr/bin/time -v.
#
#   bench/site.sh                 # 100,000 clarifications
#   bench/site.sh 2000            # a small register, to prove it works
#
# CLARION_DATABASE_URL names another, empty database (PostgreSQL) to use
# instead. Prints a Markdown table: the wall time of the export, its peak
# resident memory, and how many files and bytes it wrote, the search
# index's included: its first file, which every search loads, and its parts.
set -euo pipefail

count=${1:-100000}
case "$count" in
  '' | *[!0-9]*) echo "usage: bench/site.sh [CLARIFICATIONS]" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
work="$root/target/bench-site"
rm -rf "$work"
mkdir -p "$work"

if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time is needed (apt-get install time)" >&2
  exit 1
fi

echo "building the release binary…" >&2
(cd "$root" && cargo build --release --locked --quiet)
bin="$root/target/release/clarion"

export CLARION_DATA_DIR="$work/data"
export CLARION_BASE_URL="${CLARION_BASE_URL:-https://clarifications.example.org}"
export RUST_LOG=warn

echo "generating $count clarifications…" >&2
"$bin" seed --synthetic "$count" >&2

echo "exporting the site…" >&2
/usr/bin/time -v "$bin" export --site "$work/site" > "$work/export.log" 2> "$work/time.log" || {
  cat "$work/export.log" "$work/time.log" >&2
  exit 1
}

field() { grep "$1" "$work/time.log" | awk -F': ' '{print $2}'; }
peak_kb=$(field "Maximum resident set size")
files=$(find "$work/site" -type f | wc -l)
bytes=$(du -sb "$work/site" | cut -f1)
index=$(stat -c %s "$work/site/search/index.js")
parts=$(du -sb "$work/site/search" | cut -f1)

echo
echo "| clarifications | wall time | peak memory | files | size | search/index.js | search/ in all |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
echo "| $count | $(field "Elapsed (wall clock)") | $((peak_kb / 1024)) MB | $files | $((bytes / 1048576)) MB | $((index / 1024)) KB | $((parts / 1048576)) MB |"
