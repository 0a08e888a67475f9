#!/usr/bin/env bash
# Summer-school benchmark (run by hand, not in CI): the profile of shared/benchmarks/summer-profile.md
# (20 campuses, 200 projects, 500 courses, 2,000 students with one order each, seed 42) in a fresh SQLite
# file, then wrk against the three benchmarked requests, logged in as the ADMIN (ticket cookie).
set -euo pipefail

cd "$(dirname "$0")/../.."
PORT="${PORT:-18002}"
DURATION="${DURATION:-10s}"
WORK="$(mktemp -d)"
DB="sqlite://$WORK/bench.sqlite"
# SCRATCH: another SwiftPM scratch path (e.g. a copy of the tree built apart from a busy .build).
SCRATCH="${SCRATCH:-.build}"
BIN="$SCRATCH/release/registrar"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get update && apt-get install -y wrk" >&2; exit 1; }

echo "== building (release)"
swift build -c release --product registrar --scratch-path "$SCRATCH" 2>&1 | tail -n 2

echo "== generating the summer benchmark profile into $WORK/bench.sqlite"
start=$(date +%s.%N)
"$BIN" demo-data --profile benchmark --only summer --database "$DB" >"$WORK/demo.txt"
echo "   generated in $(echo "$(date +%s.%N) - $start" | bc) s"

echo "== starting the summer server on port $PORT"
REGISTRAR_LOG_LEVEL="${REGISTRAR_LOG_LEVEL:-info}" \
    "$BIN" serve --only summer --summer-port "$PORT" --database "$DB" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done

TICKET=$(curl -fsS -X POST "http://127.0.0.1:$PORT/auth/user/login/" \
    -H 'Content-Type: application/json' -d '{"username":"AdminUser","password":"123456"}' |
    sed -n 's/.*"ticket":"\(TK-[0-9A-Za-z]\{20\}\)".*/\1/p')
[ -n "$TICKET" ] || { echo "login as AdminUser failed" >&2; exit 1; }

printf '\n%-28s %12s %10s %10s\n' "request" "req/s" "p99" "bytes"
for path in "/source/project/" "/source/course/" "/common/global_enums/"; do
    url="http://127.0.0.1:$PORT$path"
    bytes=$(curl -fsS -H "Cookie: ticket=$TICKET" "$url" | wc -c)
    wrk -t2 -c32 -d3s -H "Cookie: ticket=$TICKET" "$url" >/dev/null  # warm-up
    out=$(wrk -t2 -c32 -d"$DURATION" --latency -H "Cookie: ticket=$TICKET" "$url")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
    printf '%-28s %12s %10s %10s %s\n' "$path" "$rps" "$p99" "$bytes" "$errors"
done
