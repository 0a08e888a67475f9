# The set-up the benchmark scripts share (sourced after `set -euo pipefail`): the release build, a fresh
# database with one API's benchmark profile, that API's server, and wrk over a list of requests.

cd "$(dirname "${BASH_SOURCE[0]}")/.."
WORK="$(mktemp -d)"
DB="sqlite://$WORK/bench.sqlite"
# SCRATCH: another SwiftPM scratch path (e.g. a copy of the tree built apart from a busy .build).
SCRATCH="${SCRATCH:-.build}"
BIN="$SCRATCH/release/registrar"
WARMUP="${WARMUP:-3s}"
SERVER=""
STARTUP=""

command -v wrk >/dev/null || { echo "wrk is missing: apt-get update && apt-get install -y wrk" >&2; exit 1; }

# Whatever a script started goes when it exits, however it exits: the server (by its PID), what a function
# bench_extra_cleanup of the script stops, then the work folder.
bench_cleanup() {
    bench_stop
    if declare -F bench_extra_cleanup >/dev/null; then bench_extra_cleanup; fi
    rm -rf "$WORK"
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# bench_build: the release binary (SKIP_BUILD=1 uses the one already built).
bench_build() {
    if [ -n "${SKIP_BUILD:-}" ]; then
        [ -x "$BIN" ] || { echo "SKIP_BUILD is set but $BIN does not exist" >&2; exit 1; }
        return
    fi
    echo "== building (release)"
    swift build -c release --product registrar --scratch-path "$SCRATCH" 2>&1 | tail -n 2
    [ -x "$BIN" ] || { echo "the release build did not produce $BIN" >&2; exit 1; }
}

# bench_generate API DESCRIPTION [DEMO-DATA OPTIONS...]: loads the benchmark profile of API (summer or
# tutoring) into $DB (a fresh SQLite file unless the caller points DB elsewhere).
bench_generate() {
    local api=$1 description=$2 start
    shift 2
    echo "== generating the $description into ${DB%%\?*}"
    start=$(date +%s.%N)
    "$BIN" demo-data --profile benchmark --only "$api" --database "$DB" "$@" >"$WORK/demo.txt"
    GENERATED=$(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)")
    echo "   generated in $GENERATED s"
}

# bench_port_free PORT: fails loudly when something already answers on PORT (a server left over would be
# measured instead of ours).
bench_port_free() {
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
        echo "port $1 is already in use; stop what listens there or choose another port" >&2
        exit 1
    fi
}

# bench_serve API: serves API alone on $PORT from $DB until bench_stop or the end of the script, once it answers
# its health check; STARTUP holds the seconds from the start to the first answered /healthz.
bench_serve() {
    echo "== starting the $1 server on port $PORT"
    bench_port_free "$PORT"
    local start
    start=$(date +%s.%N)
    REGISTRAR_LOG_LEVEL="${REGISTRAR_LOG_LEVEL:-info}" \
        "$BIN" serve --only "$1" --"$1"-port "$PORT" --database "$DB" >"$WORK/server.log" 2>&1 &
    SERVER=$!
    for _ in $(seq 1 1500); do
        if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/healthz" 2>/dev/null; then
            STARTUP=$(echo "$(date +%s.%N) - $start" | bc)
            printf '   answering after %.3f s (pid %s)\n' "$STARTUP" "$SERVER"
            return
        fi
        kill -0 "$SERVER" 2>/dev/null || break
        sleep 0.01
    done
    echo "the $1 server did not start; its log:" >&2
    cat "$WORK/server.log" >&2
    exit 1
}

# bench_rss: the server's resident memory in MiB (VmRSS).
bench_rss() {
    awk '/^VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$SERVER/status"
}

# bench_stop: stops the server of bench_serve.
bench_stop() {
    [ -n "$SERVER" ] || return 0
    kill "$SERVER" 2>/dev/null || true
    wait "$SERVER" 2>/dev/null || true
    SERVER=""
}

# bench_check HEADER URL: fails loudly unless URL answers the envelope with code 0.
bench_check() {
    local body
    body=$(curl -fsS -H "$1" "$2") || { echo "$2 failed" >&2; exit 1; }
    echo "$body" | grep -Eq '"code" ?: ?0[,}]' || { echo "$2 answered: ${body:0:300}" >&2; exit 1; }
    BYTES=$(printf %s "$body" | wc -c)
}

# bench_ticks PID...: user + system CPU ticks of these processes (all their threads).
bench_ticks() {
    local pid total=0
    for pid in "$@"; do total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat"))); done
    echo "$total"
}

# bench_wrk HEADER URL [PID...]: a warm-up, then the measured run (a response slower than 10 s counts as a
# timeout); sets RPS, P99 (milliseconds), ERRORS (non-2xx responses and socket errors, empty when none) and
# CPU_MS, the server processes' CPU time per request (ms, from the PIDs given): unlike req/s it does not
# depend on how much of the machine wrk and other programs took.
bench_wrk() {
    local out before after
    wrk -t2 -c32 -d"$WARMUP" -H "$1" "$2" >/dev/null
    before=$(bench_ticks "${@:3}")
    out=$(wrk -t2 -c32 -d"$DURATION" --timeout 10s --latency -H "$1" "$2")
    after=$(bench_ticks "${@:3}")
    CPU_MS=$(echo "$out" | awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" \
        '/requests in/ {n = $1} END {if (n > 0) printf "%.2f", 1000 * t / hz / n; else print "n/a"}')
    RPS=$(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}')
    P99=$(echo "$out" | awk '$1 == "99%" {
        v = $2 + 0
        if ($2 ~ /us$/) v /= 1000; else if ($2 ~ /ms$/) v += 0; else if ($2 ~ /m$/) v *= 60000; else if ($2 ~ /s$/) v *= 1000
        printf "%.1f", v }')
    ERRORS=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr -s ' \n' ' ')
}

# bench_measure WIDTH HEADER PATH...: one line per path (requests/s, p99 latency, body size) from wrk with the
# HTTP header HEADER (the login), after a warm-up; WIDTH is the width of the request column. Each path must
# answer code 0 first.
bench_measure() {
    local width=$1 header=$2
    shift 2
    printf "\n%-${width}s %12s %10s %10s\n" "request" "req/s" "p99" "bytes"
    for path in "$@"; do
        bench_check "$header" "http://127.0.0.1:$PORT$path"
        bench_wrk "$header" "http://127.0.0.1:$PORT$path" "$SERVER"
        printf "%-${width}s %12s %10s %10s %s\n" "$path" "$RPS" "$P99 ms" "$BYTES" "$ERRORS"
    done
}
