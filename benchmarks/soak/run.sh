#!/usr/bin/env bash
# Soak (run by hand, not in CI). Proves that the server stays healthy under a long mixed load: 64 keep-alive
# connections (32 per API, wrk with mixed.lua: list and detail reads, student/add and cart writes) against
# both APIs on a fresh SQLite file with the demo data, for MINUTES minutes. Prints per minute and per API the
# requests, p50/p99 latency, server errors (HTTP 5xx or envelope code 500; zero expected), refusals (other
# non-zero codes), client timeouts (no answer within 10 s) and socket errors, and the server's RSS and open
# file descriptors at start, each minute and at the end once idle.
#
#   benchmarks/soak/run.sh [MINUTES]      (default 10; traffic goes to 127.0.0.1 only)
set -euo pipefail

cd "$(dirname "$0")/../.."
MINUTES="${1:-10}"
SLICE="${SLICE:-60s}"  # length of one reported slice (shorter only to try the script)
SCRATCH="${SCRATCH:-.build}"
BIN="${BIN:-$SCRATCH/release/registrar}"
WORK="$(mktemp -d)"
DB="sqlite://$WORK/soak.sqlite"
export REGISTRAR_SUMMER_MEDIA_ROOT="$WORK/media"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get update && apt-get install -y wrk" >&2; exit 1; }
if [ -z "${SKIP_BUILD:-}" ]; then
    echo "== building (release)"
    swift build -c release --product registrar --scratch-path "$SCRATCH" 2>&1 | tail -n 2
fi

echo "== demo data into $WORK/soak.sqlite"
"$BIN" demo-data --database "$DB" >"$WORK/demo.txt"
# A mailing address of the demo student, needed by cart writes.
DETAIL=$(sqlite3 "$WORK/soak.sqlite" "INSERT INTO summer_student_score_detail (user_id, department, phone, country,
    post_code, address) SELECT id, '材料学院', '18608146540', '美国', '021878', '纽约市' FROM summer_user
    WHERE username = 'StudentTest'; SELECT last_insert_rowid();")

REGISTRAR_LOG_LEVEL=notice "$BIN" serve --summer-port 0 --tutoring-port 0 --database "$DB" >"$WORK/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 300); do
    [ "$(grep -c 'API listening on' "$WORK/server.log")" -ge 2 ] && break
    sleep 0.1
done
SUMMER=$(sed -n 's/.*summer API listening on http:\/\/[^:]*:\([0-9]*\).*/\1/Ip' "$WORK/server.log")
TUTORING=$(sed -n 's/.*tutoring API listening on http:\/\/[^:]*:\([0-9]*\).*/\1/Ip' "$WORK/server.log")

login_summer() {
    curl -fsS -X POST "http://127.0.0.1:$SUMMER/auth/user/login/" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"123456\"}" | sed -n 's/.*"ticket":"\(TK-[0-9A-Za-z]*\)".*/\1/p'
}
ADMIN=$(login_summer AdminUser)
STUDENT=$(login_summer StudentTest)
TOKEN=$(curl -fsS -X POST "http://127.0.0.1:$TUTORING/admin/user/login" -H 'Content-Type: application/json' \
    -d '{"name":"admin","password":"admin123"}' | sed -n 's/.*"token":"\([0-9a-f]*\)".*/\1/p')
[ -n "$ADMIN" ] && [ -n "$STUDENT" ] && [ -n "$TOKEN" ] || { echo "logins failed" >&2; exit 1; }

usage() {
    echo "$(awk '/VmRSS/ {printf "%.1f MiB", $2 / 1024}' "/proc/$SERVER/status") RSS, $(ls "/proc/$SERVER/fd" | wc -l) fds"
}
echo "== server pid $SERVER (summer :$SUMMER, tutoring :$TUTORING) at start: $(usage)"
printf '%6s %-9s %9s %9s %9s %7s %8s %8s %7s\n' minute api requests p50_ms p99_ms errors refused timeouts socket
for minute in $(seq 1 "$MINUTES"); do
    wrk -t1 -c32 -d"$SLICE" --timeout 10s -s benchmarks/soak/mixed.lua "http://127.0.0.1:$SUMMER" -- summer "$ADMIN" "$STUDENT" "$DETAIL" \
        >"$WORK/summer.out" 2>&1 &
    S=$!
    wrk -t1 -c32 -d"$SLICE" --timeout 10s -s benchmarks/soak/mixed.lua "http://127.0.0.1:$TUTORING" -- tutoring "$TOKEN" \
        >"$WORK/tutoring.out" 2>&1 &
    wait "$S" "$!"
    for api in summer tutoring; do
        read -r requests errors refused timeouts socket p50 p99 < <(sed -n 's/^RESULT //p' "$WORK/$api.out")
        printf '%6s %-9s %9s %9s %9s %7s %8s %8s %7s\n' "$minute" "$api" "$requests" "$p50" "$p99" "$errors" "$refused" \
            "$timeouts" "$socket"
        echo "$errors" >>"$WORK/errors"
    done
    echo "       server: $(usage)"
done
TOTAL=$(paste -sd+ "$WORK/errors" | bc)
sleep 2  # let the server close the load's connections
echo "== at end (idle): $(usage); server errors in total: $TOTAL"
[ "$TOTAL" -eq 0 ]
