# The Django REST Framework peer of the tutoring API (shared/peers/tutoring-drf), driven like Registrar by
# lib.sh (sourced after it): a writable copy with its virtual environment, cached in benchmarks/.peer (not
# committed), its own data generator with the same profile, and gunicorn as its README runs it (2 sync workers).

PEER_SRC="${PEER_SRC:-/work/shared/peers/tutoring-drf}"
PEER="$PWD/benchmarks/.peer/tutoring-drf"
PEER_PID=""

# peer_setup: copies the peer (its sources may be read-only) and creates its virtual environment once; the
# environment is made again when requirements.txt changes.
peer_setup() {
    [ -f "$PEER_SRC/manage.py" ] || { echo "no peer at $PEER_SRC (set PEER_SRC)" >&2; exit 1; }
    mkdir -p "$PEER"
    cp -r "$PEER_SRC/." "$PEER/" && chmod -R u+w "$PEER"
    if [ ! -x "$PEER/.venv/bin/gunicorn" ] || ! cmp -s "$PEER/requirements.txt" "$PEER/.venv/requirements.txt"; then
        echo "== setting up the peer's virtual environment in $PEER/.venv"
        rm -rf "$PEER/.venv"
        python3 -m venv "$PEER/.venv"
        "$PEER/.venv/bin/pip" install --quiet -r "$PEER/requirements.txt"
        cp "$PEER/requirements.txt" "$PEER/.venv/requirements.txt"
    fi
}

# peer_env DATABASE-URL: the peer's settings for a PostgreSQL URL, or a SQLite file in the work folder when empty.
peer_env() {
    if [ -n "$1" ]; then
        export DATABASE_URL="$1"
    else
        unset DATABASE_URL
        export SQLITE_PATH="$WORK/peer.sqlite3"
    fi
}

# peer_generate DATABASE-URL STUDENTS ORDERS: migrates and seeds (seed 42, 200 teachers, 50 staff).
peer_generate() {
    peer_env "$1"
    echo "== generating the peer's data ($2 students, $3 orders) into ${1:-$SQLITE_PATH}"
    local start
    start=$(date +%s.%N)
    (cd "$PEER" && .venv/bin/python manage.py migrate --noinput -v0 &&
        .venv/bin/python manage.py seed --reset --students "$2" --orders "$3" --teachers 200 --staff 50 --seed 42 \
            --password admin123) >"$WORK/peer-seed.txt"
    GENERATED=$(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)")
    echo "   generated in $GENERATED s"
}

# peer_serve DATABASE-URL: gunicorn with 2 sync workers on $PEER_PORT, once it answers its health check.
peer_serve() {
    peer_env "$1"
    echo "== starting the peer on port $PEER_PORT"
    bench_port_free "$PEER_PORT"
    "$PEER/.venv/bin/gunicorn" --chdir "$PEER" config.wsgi:application --bind "127.0.0.1:$PEER_PORT" \
        --workers 2 -k sync --log-level warning >"$WORK/peer.log" 2>&1 &
    PEER_PID=$!
    for _ in $(seq 1 300); do
        curl -fsS -o /dev/null "http://127.0.0.1:$PEER_PORT/healthz" 2>/dev/null && return
        kill -0 "$PEER_PID" 2>/dev/null || break
        sleep 0.05
    done
    echo "the peer did not start; its log:" >&2
    cat "$WORK/peer.log" >&2
    exit 1
}

# peer_stop: stops gunicorn (the master takes its workers with it); also when the script exits.
bench_extra_cleanup() { peer_stop; }
peer_stop() {
    [ -n "$PEER_PID" ] || return 0
    kill -TERM "$PEER_PID" 2>/dev/null || true
    wait "$PEER_PID" 2>/dev/null || true
    PEER_PID=""
}
