#!/usr/bin/env bash
# Crash safety (run by hand, not in CI). Proves that a server killed with SIGKILL in the middle of concurrent
# writes loses no acknowledged write and leaves no multi-row write half done: for ROUNDS rounds, crash.py
# starts `registrar serve` on free ports, drives tutoring student/add and order/add (three lessons each) and
# summer order creation (two cart items, links and a history row), kills the server at a random moment,
# restarts it and checks the database (and `PRAGMA integrity_check` on SQLite) and /healthz.
#
#   benchmarks/crash/run.sh [sqlite|postgres] [ROUNDS]     (defaults: sqlite 20)
#
# postgres needs CRASH_DATABASE_URL=postgres://user:pass@127.0.0.1:5432/DB naming a scratch database: its
# `public` schema is dropped and recreated. Traffic goes to 127.0.0.1 only. Exit status 1 on any violation.
set -euo pipefail

cd "$(dirname "$0")/../.."
KIND="${1:-sqlite}"
ROUNDS="${2:-20}"
SCRATCH="${SCRATCH:-.build}"
BIN="${BIN:-$SCRATCH/release/registrar}"
WORK="$(mktemp -d)"
export REGISTRAR_SUMMER_MEDIA_ROOT="$WORK/media"
trap 'rm -rf "$WORK"' EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "== building (release)"
    swift build -c release --product registrar --scratch-path "$SCRATCH" 2>&1 | tail -n 2
fi

case "$KIND" in
    sqlite) DB="sqlite://$WORK/crash.sqlite" ;;
    postgres)
        DB="${CRASH_DATABASE_URL:?set CRASH_DATABASE_URL to a scratch PostgreSQL database}"
        psql "$DB" -X -q -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' ;;
    *) echo "usage: $0 [sqlite|postgres] [ROUNDS]" >&2; exit 2 ;;
esac

echo "== preparing $KIND: migrations, demo data, a tutoring administrator"
"$BIN" demo-data --database "$DB" >"$WORK/demo.txt"
"$BIN" create-admin tutoring --name crashadmin --phone 13800000077 --password secret123 --database "$DB" >/dev/null

echo "== $ROUNDS rounds of writes and SIGKILL"
python3 benchmarks/crash/crash.py --bin "$BIN" --database "$DB" --rounds "$ROUNDS" --log "$WORK/server.log"
