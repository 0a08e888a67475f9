# The set-up the benchmark scripts share (sourced after `set -euo pipefail`): the release build, a fresh
# SQLite file with one API's benchmark profile, that API's server, and wrk over a list of requests.

cd "$(dirname "${BASH_SOURCE[0]}")/.."
WORK="$(mktemp -d)"
DB="sqlite://$WORK/bench.sqlite"
# SCRATCH: another SwiftPM scratch path (e.g. a copy of the tree built apart from a busy .build).
SCRATCH="${SCRATCH:-.build}"
BIN="$SCRATCH/release/registrar"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get update && apt-get install -y wrk" >&2; exit 1; }

# bench_build: the release binary.
bench_build() {
    echo "== building (release)"
    swift build -c release --product registrar --scratch-path "$SCRATCH" 2>&1 | tail -n 2
}

# bench_generate API DESCRIPTION: loads the benchmark profile of API (summer or tutoring) into the fresh file.
bench_generate() {
    echo "== generating the $2 into $WORK/bench.sqlite"
    local start
    start=$(date +%s.%N)
    "$BIN" demo-data --profile benchmark --only "$1" --database "$DB" >"$WORK/demo.txt"
    echo "   generated in $(echo "$(date +%s.%N) - $start" | bc) s"
}

# bench_serve API: serves API alone on $PORT until the script exits (the work folder goes with it), once it
# answers its health check.
bench_serve() {
    echo "== starting the $1 server on port $PORT"
    REGISTRAR_LOG_LEVEL="${REGISTRAR_LOG_LEVEL:-info}" \
        "$BIN" serve --only "$1" --"$1"-port "$PORT" --database "$DB" >"$WORK/server.log" 2>&1 &
    SERVER=$!
    trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
    for _ in $(seq 1 100); do
        curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
        sleep 0.1
    done
}

# bench_measure WIDTH HEADER PATH...: one line per path (requests/s, p99 latency, body size) from wrk with the
# HTTP header HEADER (the login), after a 3 s warm-up; WIDTH is the width of the request column.
bench_measure() {
    local width=$1 header=$2
    shift 2
    printf "\n%-${width}s %12s %10s %10s\n" "request" "req/s" "p99" "bytes"
    for path in "$@"; do
        local url="http://127.0.0.1:$PORT$path" bytes out rps p99 errors
        bytes=$(curl -fsS -H "$header" "$url" | wc -c)
        wrk -t2 -c32 -d3s -H "$header" "$url" >/dev/null  # warm-up
        out=$(wrk -t2 -c32 -d"$DURATION" --latency -H "$header" "$url")
        rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
        p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
        errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
        printf "%-${width}s %12s %10s %10s %s\n" "$path" "$rps" "$p99" "$bytes" "$errors"
    done
}
