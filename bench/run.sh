#!/usr/bin/env bash
# Clarion's benchmark: builds the release binary, generates a register of
# synthetic clarifications, open requests and accounts, serves it, and
# drives every public address, the submission form and the workspace
# (signed in as the secretariat and as a convenor) with wrk over loopback,
# on SQLite and on PostgreSQL.
#
#   bench/run.sh                    # the full run: 100,000 clarifications
#   bench/run.sh --short            # a quick run that only proves it works
#   bench/run.sh --backend sqlite   # one backend (sqlite or postgres)
#   bench/run.sh --cold             # first askings: the page cache off, addresses that never repeat
#   bench/run.sh --workspace        # the ceiling and the workspace's rows only
#   bench/run.sh --bin PATH         # this binary instead of building one (to compare two builds)
#
# Prints a Markdown table: requests per second, p50 and p99 latency, the
# ratio to /healthz (the ceiling: no database, no template), and the
# server's peak resident memory; then 16 clients downloading the whole
# register as CSV while searches are measured, with the peak memory of that
# case; the size of every workspace and registry page; and whether the
# workspace's targets are met. The load generator shares the machine.
set -euo pipefail

mode=full
cold=0
workspace_only=0
bin=""
backends="sqlite postgres"
while [ $# -gt 0 ]; do
  case "$1" in
    --short) mode=short ;;
    --cold) cold=1 ;;
    --workspace) workspace_only=1 ;;
    --bin) bin=$(realpath "$2"); shift ;;
    --backend) backends="$2"; shift ;;
    *) echo "usage: bench/run.sh [--short] [--cold] [--workspace] [--bin PATH] [--backend sqlite|postgres]" >&2; exit 2 ;;
  esac
  shift
done

if [ "$mode" = full ]; then
  clarifications=100000 open_requests=10000 users=1000 duration=10 connections=32
else
  clarifications=2000 open_requests=200 users=20 duration=2 connections=8
fi

root=$(cd "$(dirname "$0")/.." && pwd)
bench_dir="$root/bench"
work="$root/target/bench"
mkdir -p "$work"

if ! command -v wrk > /dev/null; then
  if [ "$(id -u)" = 0 ]; then
    apt-get install -y --no-install-recommends wrk > /dev/null
  else
    echo "bench: wrk is needed (apt-get install wrk)" >&2
    exit 1
  fi
fi

if [ -z "$bin" ]; then
  echo "building the release binary…" >&2
  (cd "$root" && cargo build --release --locked --quiet)
  bin="$root/target/release/clarion"
fi

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# As root, PostgreSQL's tools must run as the postgres user.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1 || true)
pg_dir=""
stop_postgres() {
  if [ -n "$pg_dir" ] && [ -d "$pg_dir/data" ]; then
    as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop > /dev/null 2>&1 || true
  fi
}
server_pid=""
# The server finishes the answers under way for up to 10 s after SIGTERM,
# then closes what is left. One still running 30 s later is a defect: what
# each of its threads waits in, and their stacks (gdb, when installed), go
# to target/bench/stuck-PID.txt and the run fails, rather than hanging.
stop_server() {
  if [ -z "$server_pid" ]; then return; fi
  kill "$server_pid" 2> /dev/null || true
  for _ in $(seq 300); do
    kill -0 "$server_pid" 2> /dev/null || break
    sleep 0.1
  done
  if kill -0 "$server_pid" 2> /dev/null; then
    local stacks="$work/stuck-$server_pid.txt"
    for task in /proc/"$server_pid"/task/*; do
      echo "$(cat "$task/comm") waits in $(cat "$task/wchan")"
    done > "$stacks"
    if command -v gdb > /dev/null; then
      gdb -p "$server_pid" -batch -ex "thread apply all bt" >> "$stacks" 2>&1 || true
    fi
    echo "bench: the server (pid $server_pid) had not stopped 30 s after SIGTERM; its threads: $stacks" >&2
    cat "$stacks" >&2
    kill -9 "$server_pid" 2> /dev/null || true
    failed=1
  fi
  wait "$server_pid" 2> /dev/null || true
  server_pid=""
}
trap 'stop_server; stop_postgres' EXIT

# sql BACKEND QUERY: prints the rows of a query, one per line.
sql() {
  case "$1" in
    sqlite) python3 - "$database" "$2" << 'PY'
import sqlite3, sys
for row in sqlite3.connect(sys.argv[1]).execute(sys.argv[2]):
    print("\t".join(str(v) for v in row))
PY
      ;;
    postgres) psql -X -q -A -t -F $'\t' "$database" -c "$2" ;;
  esac
}

# measure LABEL WRK-ARGS…: one wrk run, one line of the table.
measure() {
  local label=$1
  shift
  local line
  line=$(BENCH_DIR="$bench_dir" wrk -t1 -c"$connections" -d"${duration}s" --timeout 5s "$@" | grep '^RESULT' || true)
  if [ -z "$line" ]; then
    echo "bench: wrk gave no result for $label" >&2
    exit 1
  fi
  local rps p50 p99 completed failures
  IFS=$'\t' read -r _ rps p50 p99 completed failures <<< "$line"
  if [ -z "$ceiling" ]; then ceiling=$rps; fi
  local ratio
  ratio=$(python3 -c "print(f'{$rps / $ceiling * 100:.0f} %')")
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$backend" "$label" "$rps" "$p50" "$p99" "$ratio" "$failures"
  if [ "$failures" != 0 ]; then
    echo "bench: $failures failed requests (errors or timeouts over 5 s) on $label" >&2
    failed=1
  fi
  last_completed=$completed
  last_rps=$rps last_p99=$p99 last_ratio=$ratio
  # Requests still queued when wrk stopped would weigh on the next address:
  # wait until the server answers a database round trip promptly again.
  for _ in $(seq 300); do
    seconds=$(curl -s -o /dev/null -w '%{time_total}' "$base/readyz" || echo 9)
    python3 -c "import sys; sys.exit(0 if $seconds < 0.05 else 1)" && break
    sleep 0.1
  done
}

# target LABEL SHARE P99: the last measure against a workspace target: at
# least SHARE % of the ceiling, p99 at most P99 ms. Only the full run's
# misses fail it: a short run's register and load are too small to judge.
target() {
  if ! python3 -c "import sys; sys.exit(0 if $last_rps >= $ceiling * $2 / 100 and $last_p99 <= $3 else 1)"; then
    echo "bench: target missed on $backend $1: $last_rps requests/s ($last_ratio of the ceiling), p99 $last_p99 ms; wanted ≥ $2 % and p99 ≤ $3 ms" >&2
    if [ "$mode" = full ]; then failed=1; fi
  fi
}

# sign_in EMAIL: the Cookie header of a new session of the demo account.
sign_in() {
  local jar="$dir/cookies.$1" form token
  rm -f "$jar"
  form=$(curl -fs -c "$jar" "$base/login")
  token=$(printf '%s' "$form" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
  curl -fs -o /dev/null -b "$jar" -c "$jar" --data-urlencode "csrf_token=$token" \
    --data-urlencode "email=$1" --data-urlencode "password=$demo_password" \
    --data-urlencode "next=/workspace" "$base/login"
  local cookie
  cookie=$(awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s=%s; ", $6, $7 }' "$jar")
  if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/workspace")" != 200 ]; then
    echo "bench: $1 could not sign in" >&2
    exit 1
  fi
  printf '%s' "$cookie"
}

# page_size LABEL PATH COOKIE: a row with the bytes of a signed-in page;
# none may weigh over 200 KB, at any scale.
page_size() {
  local bytes
  bytes=$(curl -fs -o /dev/null -w '%{size_download}' -H "Cookie: $3" "$base$2")
  printf '| %s | size of %s | %s KB | | | | |\n' "$backend" "$1" "$(python3 -c "print(f'{$bytes / 1024:.0f}')")"
  if [ "$bytes" -gt 204800 ]; then
    echo "bench: $backend $1 weighs $bytes bytes, over 200 KB" >&2
    failed=1
  fi
}

# last_page PATH COOKIE: the number of the last page of a list.
last_page() {
  curl -fs -H "Cookie: $2" "$base$1" | grep -o 'page=[0-9]*' | cut -d= -f2 | sort -n | tail -1 | grep . || echo 1
}

# cold_lists ROWS COUNT: COUNT random list pages, each narrowed by some of
# the filters of one clarification (standard, status, year, a clause or a
# clause above it), at a random page within the pages the list has. ROWS
# holds every published clarification: slug, status, year, clause.
cold_lists() {
  python3 - "$1" "$2" << 'PY'
import collections, math, random, re, sys
from urllib.parse import urlencode

rows = collections.Counter(tuple(line.rstrip("\n").split("\t")) for line in open(sys.argv[1]))
def choices(row):
    slug, status, year, clause = row
    # A clause filter finds the clause and every clause under it: `7.2`
    # finds `7.2.1` and `7.2 a)`, so each dotted head of a clause counts.
    parts = re.split(r"[ ()]", clause.lower())[0].split(".")
    heads = [".".join(parts[:n]) for n in range(1, len(parts) + 1) if parts[n - 1]]
    return [None, slug], [None, status], [None, year], [None] + heads
totals = collections.Counter()
for row, n in rows.items():
    standards, statuses, years, clauses = choices(row)
    for key in ((a, b, c, d) for a in standards for b in statuses for c in years for d in clauses):
        totals[key] += n
population = list(rows)
for _ in range(int(sys.argv[2])):
    key = tuple(random.choice(options) for options in choices(random.choice(population)))
    pages = min(5000, math.ceil(totals[key] / 20))
    fields = [(name, value) for name, value in zip(("standard", "status", "year", "clause"), key) if value]
    print("/clarifications?" + urlencode(fields + [("page", random.randint(1, pages))]))
PY
}

# measure_cold: every public kind of page asked as first askings: the whole
# register's clarification pages once each in a random order (a run that
# answers more than the register in its time asks some twice, and says
# so), random list pages, every standard's page, revision list and feed,
# random API pages and random searches; each row against its target.
measure_cold() {
  sql "$backend" "SELECT '/clarifications/' || reference FROM requests WHERE state = 'published'" | shuf > "$dir/clarifications.txt"
  sql "$backend" "SELECT s.slug, COALESCE(r.publication_flag, 'current'), substr(CAST(r.published_at AS TEXT), 1, 4), r.clause FROM requests r JOIN standards s ON s.id = r.standard_id WHERE r.state = 'published'" > "$dir/rows.txt"
  cold_lists "$dir/rows.txt" 2000 > "$dir/lists.txt"
  sed 's|^|/standards/|' "$dir/slugs.txt" > "$dir/standards.txt"
  sed 's|^\(.*\)$|/standards/\1/revision|' "$dir/slugs.txt" > "$dir/revisions.txt"
  { echo /feeds/clarifications.atom; sed 's|^\(.*\)$|/feeds/standards/\1.atom|' "$dir/slugs.txt"; } > "$dir/feeds.txt"
  local published
  published=$(wc -l < "$dir/clarifications.txt")
  python3 -c "
import math, random
for _ in range(2000):
    per_page = random.choice((20, 50, 100))
    print(f'/api/v1/clarifications?page={random.randint(1, min(5000, math.ceil($published / per_page)))}&per_page={per_page}')
" > "$dir/api.txt"

  ceiling=""
  wrk -t1 -c"$connections" -d1s "$base/healthz" > /dev/null # warm-up
  measure "/healthz" "$base/healthz" -s "$bench_dir/report.lua"
  BENCH_PATHS="$dir/clarifications.txt" measure "/clarifications/{ref} (all $published, cold)" "$base" -s "$bench_dir/paths.lua"
  if [ "$last_completed" -gt "$published" ]; then
    echo "bench: $backend answered $last_completed clarification pages, more than the $published of the register: some were asked twice" >&2
  fi
  target "/clarifications/{ref} (cold)" 20 25
  BENCH_PATHS="$dir/lists.txt" measure "/clarifications?… (2,000 random filters and pages, cold)" "$base" -s "$bench_dir/paths.lua"
  target "/clarifications?… (cold)" 10 25
  BENCH_PATHS="$dir/standards.txt" measure "/standards/{slug} (every standard, cold)" "$base" -s "$bench_dir/paths.lua"
  target "/standards/{slug} (cold)" 10 25
  BENCH_PATHS="$dir/revisions.txt" measure "/standards/{slug}/revision (every standard, cold)" "$base" -s "$bench_dir/paths.lua"
  target "/standards/{slug}/revision (cold)" 10 25
  BENCH_PATHS="$dir/feeds.txt" measure "/feeds/… (every feed, cold)" "$base" -s "$bench_dir/paths.lua"
  target "/feeds/… (cold)" 10 25
  BENCH_PATHS="$dir/api.txt" measure "/api/v1/clarifications?page=…&per_page=… (2,000 random, cold)" "$base" -s "$bench_dir/paths.lua"
  target "/api/v1/clarifications (cold)" 10 25
  BENCH_WORDS="$bench_dir/words.txt" BENCH_STANDARDS="$dir/slugs.txt" \
    measure "/clarifications?q=… (random, cold)" "$base" -s "$bench_dir/search.lua"
  target "/clarifications?q=… (cold)" 5 25
  local peak
  peak=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status")
  printf '| %s | peak memory (cold) | %s MB | | | | |\n' "$backend" "$peak"
  if [ "$peak" -gt 100 ]; then
    echo "bench: $backend peak memory $peak MB in the cold run, over 100 MB" >&2
    failed=1
  fi
}

demo_password=${CLARION_DEMO_PASSWORD:-clarion-demo}
failed=0
if [ "$cold" = 1 ]; then export CLARION_PAGE_CACHE_MB=0; fi
echo "| database | address | requests/s | p50 ms | p99 ms | of ceiling | failed |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: |"

for backend in $backends; do
  dir="$work/$backend"
  rm -rf "$dir"
  mkdir -p "$dir"
  if [ "$backend" = postgres ]; then
    pg_dir="$dir/pg"
    mkdir -p "$pg_dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$pg_dir"
    pg_port=$(free_port)
    as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 > /dev/null
    as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w -t 30 \
      -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c max_connections=100" start > /dev/null
    "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres clarion
    database="postgres://postgres@127.0.0.1:$pg_port/clarion"
  else
    database="$dir/clarion.db"
  fi
  port=$(free_port)
  export CLARION_DATA_DIR="$dir" CLARION_DATABASE_URL="$database" CLARION_BIND="127.0.0.1:$port" \
    CLARION_BASE_URL="http://127.0.0.1:$port" CLARION_SUBMISSIONS_PER_HOUR=0 RUST_LOG=warn \
    CLARION_ACCESS_LOG=off

  started=$(date +%s.%N)
  "$bin" seed --demo > "$dir/seed.log"
  "$bin" seed --synthetic "$clarifications" --open-requests "$open_requests" --users "$users" >> "$dir/seed.log"
  seeded=$(python3 -c "print(f'{$(date +%s.%N) - $started:.1f}')")
  echo "$backend: the demo, $clarifications clarifications, $open_requests open requests and $users users generated in ${seeded} s" >&2

  "$bin" serve > "$dir/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$port/readyz" > /dev/null && break
    sleep 0.1
  done
  base="http://127.0.0.1:$port"
  # The first search waits for the search index, built as the server
  # starts; the addresses are measured once it is ready.
  curl -fs -o /dev/null "$base/clarifications?q=ready"
  # It then indexes the workspace's requests in the background (some ten
  # seconds at 100,000): wait until it is idle, using under a tenth of a
  # core for a second, so that the ceiling is not measured beside that.
  for _ in $(seq 120); do
    cpu_before=$(awk '{ print $14 + $15 }' "/proc/$server_pid/stat")
    sleep 1
    cpu_after=$(awk '{ print $14 + $15 }' "/proc/$server_pid/stat")
    [ $((cpu_after - cpu_before)) -lt $(($(getconf CLK_TCK) / 10)) ] && break
  done
  sql "$backend" "SELECT slug FROM standards" > "$dir/slugs.txt"

  if [ "$cold" = 1 ]; then
    measure_cold
    stop_server
    stop_postgres
    pg_dir=""
    continue
  fi

  sql "$backend" "SELECT '/clarifications/' || reference FROM requests WHERE state = 'published' ORDER BY reference LIMIT 2000" > "$dir/clarifications.txt"
  sql "$backend" "SELECT '/standards/' || slug FROM standards" > "$dir/standards.txt"
  sql "$backend" "SELECT '/api/v1/clarifications?page=' || n FROM (SELECT 1 AS n UNION SELECT 2 UNION SELECT 3 UNION SELECT 50) pages" > "$dir/api.txt"

  # One GET of the form gives the CSRF cookie and token every submission uses.
  form=$(curl -fs -c "$dir/cookies" "$base/requests/new")
  token=$(printf '%s' "$form" | sed -n 's/.*name="csrf_token" value="\([^"]*\)".*/\1/p' | head -1)
  cookie=$(awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s=%s; ", $6, $7 }' "$dir/cookies")

  ceiling=""
  wrk -t1 -c"$connections" -d1s "$base/healthz" > /dev/null # warm-up
  measure "/healthz" "$base/healthz" -s "$bench_dir/report.lua"
  if [ "$workspace_only" = 0 ]; then
    measure "/" "$base/" -s "$bench_dir/report.lua"
    measure "/clarifications" "$base/clarifications" -s "$bench_dir/report.lua"
    BENCH_PATHS="$bench_dir/popular.txt" measure "/clarifications?q=… (20 popular)" "$base" -s "$bench_dir/paths.lua"
    BENCH_WORDS="$bench_dir/words.txt" BENCH_STANDARDS="$dir/slugs.txt" \
      measure "/clarifications?q=… (random)" "$base" -s "$bench_dir/search.lua"
    BENCH_PATHS="$dir/clarifications.txt" measure "/clarifications/{ref}" "$base" -s "$bench_dir/paths.lua"
    BENCH_PATHS="$dir/standards.txt" measure "/standards/{slug}" "$base" -s "$bench_dir/paths.lua"
    measure "/feeds/clarifications.atom" "$base/feeds/clarifications.atom" -s "$bench_dir/report.lua"
    BENCH_PATHS="$dir/api.txt" measure "/api/v1/clarifications" "$base" -s "$bench_dir/paths.lua"
  fi

  # The workspace, signed in as the secretariat and as a convenor: the
  # queue, the list filtered and at its last page, request pages, and the
  # statistics, once the worker has computed them as it starts.
  secretariat=$(sign_in secretariat@example.org)
  convenor=$(sign_in convenor.17025@example.org)
  for _ in $(seq 600); do
    curl -fs -H "Cookie: $secretariat" "$base/admin/stats" | grep -q 'id="computed-at"' && break
    sleep 0.1
  done
  sql "$backend" "SELECT '/workspace/requests/' || reference FROM requests WHERE state IN ('screening', 'in_group', 'balloting') AND reference IS NOT NULL ORDER BY reference LIMIT 500" > "$dir/open.txt"
  sql "$backend" "SELECT '/workspace/requests/' || r.reference FROM requests r JOIN groups g ON g.id = r.group_id WHERE g.code = 'MG 17025' AND r.state IN ('in_group', 'balloting', 'confirming', 'decided') AND r.reference IS NOT NULL ORDER BY r.reference LIMIT 500" > "$dir/group.txt"
  for role in secretariat convenor; do
    cookie_of_role=${!role}
    deepest=$(last_page "/workspace/requests" "$cookie_of_role")
    printf '%s\n' /workspace > "$dir/queue.txt"
    printf '%s\n' "/workspace/requests?state=in_group" "/workspace/requests?waiting=group" \
      "/workspace/requests?page=$deepest" > "$dir/list.txt"
    printf '%s\n' "/workspace/requests?q=clause" "/workspace/requests?q=impartiality" > "$dir/list-search.txt"
    if [ "$role" = secretariat ]; then requests_file="$dir/open.txt"; else requests_file="$dir/group.txt"; fi
    if [ ! -s "$requests_file" ]; then
      echo "bench: no request for the $role to read" >&2
      exit 1
    fi
    BENCH_COOKIE="$cookie_of_role" BENCH_PATHS="$dir/queue.txt" measure "/workspace ($role)" "$base" -s "$bench_dir/paths.lua"
    target "/workspace ($role)" 10 50
    BENCH_COOKIE="$cookie_of_role" BENCH_PATHS="$dir/list.txt" \
      measure "/workspace/requests?… (filters, page $deepest; $role)" "$base" -s "$bench_dir/paths.lua"
    target "/workspace/requests ($role)" 10 50
    BENCH_COOKIE="$cookie_of_role" BENCH_PATHS="$dir/list-search.txt" \
      measure "/workspace/requests?q=… ($role)" "$base" -s "$bench_dir/paths.lua"
    target "/workspace/requests?q=… ($role)" 10 50
    BENCH_COOKIE="$cookie_of_role" BENCH_PATHS="$requests_file" \
      measure "/workspace/requests/{ref} ($role)" "$base" -s "$bench_dir/paths.lua"
    target "/workspace/requests/{ref} ($role)" 10 50
    page_size "/workspace ($role)" /workspace "$cookie_of_role"
    page_size "/workspace/requests ($role)" /workspace/requests "$cookie_of_role"
    page_size "/workspace/requests?page=$deepest ($role)" "/workspace/requests?page=$deepest" "$cookie_of_role"
    page_size "/workspace/requests/{ref} ($role)" "$(head -1 "$requests_file")" "$cookie_of_role"
  done
  printf '%s\n' /admin/stats > "$dir/stats.txt"
  BENCH_COOKIE="$secretariat" BENCH_PATHS="$dir/stats.txt" measure "/admin/stats" "$base" -s "$bench_dir/paths.lua"
  target "/admin/stats" 0 100
  for path in /admin /admin/stats /admin/users "/admin/users?page=$(last_page /admin/users "$secretariat")" \
    /admin/groups /admin/standards /admin/organisations /admin/committees /admin/mail; do
    page_size "$path" "$path" "$secretariat"
  done

  if [ "$workspace_only" = 1 ]; then
    stop_server
    stop_postgres
    pg_dir=""
    continue
  fi

  before=$(sql "$backend" "SELECT count(*) FROM requests")
  BENCH_COOKIE="$cookie" BENCH_TOKEN="$token" measure "POST /requests" "$base" -s "$bench_dir/submit.lua"
  # Kept now: the measures that follow set last_completed again.
  answered=$last_completed
  sleep 1
  after=$(sql "$backend" "SELECT count(*) FROM requests")
  stored=$((after - before))
  peak=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status")
  printf '| %s | peak memory | %s MB | | | | |\n' "$backend" "$peak"

  # 16 clients download the whole register as CSV again and again, waiting
  # as told when turned away (429, Retry-After), while random searches are
  # measured. The peak memory is this case's alone: writing 5 to
  # clear_refs resets the process's high-water mark.
  echo 5 > "/proc/$server_pid/clear_refs"
  : > "$dir/downloads.txt"
  downloads_end=$(($(date +%s) + duration))
  download_pids=""
  for _ in $(seq 16); do
    (
      while [ "$(date +%s)" -lt "$downloads_end" ]; do
        curl -s -o /dev/null --retry 20 --max-time 120 \
          -w '%{http_code} %{size_download} %{exitcode}\n' \
          "$base/clarifications.csv" >> "$dir/downloads.txt" || true
      done
    ) &
    download_pids="$download_pids $!"
  done
  BENCH_WORDS="$bench_dir/words.txt" BENCH_STANDARDS="$dir/slugs.txt" \
    measure "/clarifications?q=… (random, 16 CSV downloads)" "$base" -s "$bench_dir/search.lua"
  # shellcheck disable=SC2086 # one PID per word
  wait $download_pids
  csv_peak=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status")
  read -r downloads csv_mb csv_failed <<< "$(awk '
    $1 == 200 && $3 == 0 { n++; bytes += $2; next } { failed++ }
    END { printf "%d %.0f %d", n, bytes / 1048576, failed }' "$dir/downloads.txt")"
  printf '| %s | /clarifications.csv (16 clients, whole register) | %s | | | | %s |\n' \
    "$backend" "$(python3 -c "print(f'{$downloads / $duration:.1f}')")" "$csv_failed"
  printf '| %s | peak memory, 16 CSV downloads | %s MB | | | | |\n' "$backend" "$csv_peak"
  echo "$backend: $downloads whole-register CSV downloads ($csv_mb MB) in about ${duration} s; peak memory meanwhile ${csv_peak} MB" >&2
  if [ "$csv_failed" != 0 ]; then
    echo "bench: $csv_failed CSV downloads failed" >&2
    failed=1
  fi
  stop_server
  stop_postgres
  pg_dir=""
  echo "$backend: $answered submissions answered, $stored stored; peak memory ${peak} MB" >&2
  if [ "$stored" -lt "$answered" ]; then
    echo "bench: only $stored of $answered answered submissions were stored" >&2
    exit 1
  fi
done
exit "$failed"
