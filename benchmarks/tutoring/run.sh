#!/usr/bin/env bash
# Tutoring benchmark (run by hand, not in CI): the profile of shared/benchmarks/tutoring-profile.md
# (100,000 students, 20,000 orders, 200 teachers, 50 staff, seed 42) in a fresh SQLite file, then wrk
# against the four benchmarked requests, logged in as staff 1 (admin).
set -euo pipefail

cd "$(dirname "$0")/../.."
PORT="${PORT:-18004}"
DURATION="${DURATION:-15s}"
WORK="$(mktemp -d)"
DB="sqlite://$WORK/bench.sqlite"
# SCRATCH: another SwiftPM scratch path (e.g. a copy of the tree built apart from a busy .build).
SCRATCH="${SCRATCH:-.build}"
BIN="$SCRATCH/release/registrar"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get update && apt-get install -y wrk" >&2; exit 1; }

echo "== building (release)"
swift build -c release --product registrar --scratch-path "$SCRATCH" 2>&1 | tail -n 2

echo "== generating the benchmark profile into $WORK/bench.sqlite"
start=$(date +%s.%N)
"$BIN" demo-data --profile benchmark --only tutoring --database "$DB" >"$WORK/demo.txt"
echo "   generated in $(echo "$(date +%s.%N) - $start" | bc) s"

echo "== starting the tutoring server on port $PORT"
"$BIN" serve --only tutoring --tutoring-port "$PORT" --database "$DB" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done

TOKEN=$(curl -fsS -X POST "http://127.0.0.1:$PORT/admin/user/login" \
    -H 'Content-Type: application/json' -d '{"name":"admin","password":"admin123"}' |
    sed -n 's/.*"token":"\([0-9a-f]\{64\}\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "login as staff 1 failed" >&2; exit 1; }

printf '\n%-36s %12s %10s %10s\n' "request" "req/s" "p99" "bytes"
for path in "/admin/student/list?page=1" "/admin/student/list?page=5000" "/admin/order/list?page=1" "/admin/order/info?orderID=20000"; do
    url="http://127.0.0.1:$PORT$path"
    bytes=$(curl -fsS -H "Authorization: Bearer $TOKEN" "$url" | wc -c)
    wrk -t2 -c32 -d3s -H "Authorization: Bearer $TOKEN" "$url" >/dev/null  # warm-up
    out=$(wrk -t2 -c32 -d"$DURATION" --latency -H "Authorization: Bearer $TOKEN" "$url")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
    printf '%-36s %12s %10s %10s %s\n' "$path" "$rps" "$p99" "$bytes" "$errors"
done
