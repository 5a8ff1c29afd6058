# lib.sh - shared by the shell tests. Source it first:  . "$(dirname "$0")/../lib.sh"
#
# Environment (set by ctest): LIS (the binary), LIS_SOURCE_DIR, LIS_SHARED.
# Database tests run under pg_virtualenv, which exports PGHOST and friends;
# new_db makes a database of the test's own, dropped when the test ends.
set -eu

: "${LIS:?run the tests through ctest}"
TEST_NAME=$(basename "$0" .sh)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/lis-test-$TEST_NAME.XXXXXX")
LIS_TEST_DBS=""
export LANG=C.UTF-8 LC_ALL=C.UTF-8

cleanup() {
    for db in $LIS_TEST_DBS; do dropdb --if-exists "$db" >/dev/null 2>&1 || true; done
    rm -rf "$TMP"
}
trap cleanup EXIT

fail() { echo "FAIL: $TEST_NAME: $*" >&2; exit 1; }
skip() { echo "SKIP: $TEST_NAME: $*"; exit 77; }
ok() { echo "ok - $*"; }

# need_pg: skip unless a PostgreSQL server answers (ctest under pg_virtualenv).
need_pg() {
    [ -n "${PGHOST:-}${PGPORT:-}${PGDATABASE:-}" ] || skip "no PostgreSQL (run ctest under pg_virtualenv)"
    psql -XAtqc 'SELECT 1' >/dev/null 2>&1 || skip "PostgreSQL does not answer"
}

# new_db [SUFFIX]: creates an empty database and points LIS_DB at it.
new_db() {
    need_pg
    local name="lis_${TEST_NAME//[^a-zA-Z0-9]/_}_${1:-db}_$$"
    dropdb --if-exists "$name" >/dev/null 2>&1 || true
    createdb "$name" || fail "createdb $name"
    LIS_TEST_DBS="$LIS_TEST_DBS $name"
    export LIS_DB="dbname=$name"
    TEST_DB=$name
}

# sql QUERY: runs QUERY in the test database, prints unaligned rows.
sql() { psql -XAtq -v ON_ERROR_STOP=1 -d "$TEST_DB" -c "$1"; }

# run_lis EXPECTED_STATUS ARGS...: runs lis; output in $TMP/out and $TMP/err.
run_lis() {
    local want=$1; shift
    local got=0
    "$LIS" "$@" >"$TMP/out" 2>"$TMP/err" || got=$?
    if [ "$got" != "$want" ]; then
        echo "--- stdout"; cat "$TMP/out"; echo "--- stderr"; cat "$TMP/err"
        fail "lis $* exited $got, expected $want"
    fi
}

# assert_eq ACTUAL EXPECTED WHAT
assert_eq() { [ "$1" = "$2" ] || fail "$3: got '$1', expected '$2'"; }

# assert_grep PATTERN FILE: FILE has a line matching the extended regex.
assert_grep() { grep -Eq -- "$1" "$2" || { cat "$2"; fail "no line matching '$1' in $(basename "$2")"; }; }
assert_no_grep() { ! grep -Eq -- "$1" "$2" || { cat "$2"; fail "a line matches '$1' in $(basename "$2")"; }; }

# import_demo DIR: writes the demo municipality's input files (lis demo
# --files-only) to DIR and imports them, one batch per kind.
import_demo() {
    local k
    run_lis 0 demo --files-only --out "$1"
    for k in units cost-centres accounts agreements indicators goals targets measurements \
             statuses budget transfers; do
        run_lis 0 import "$k" "$1/input/$k.csv"
    done
}

# import_catalogue: imports the connector test catalogue (tests/data/connectors).
import_catalogue() {
    local d=$LIS_SOURCE_DIR/tests/data/connectors k
    for k in units cost-centres indicators agreements goals; do
        run_lis 0 import "$k" "$d/$k.csv"
    done
}

# report_db [SUFFIX]: a database of its own (new_db) holding
# tests/fixtures/report_small.sql.
report_db() {
    new_db "$@"
    run_lis 0 db init
    psql -XAtq -v ON_ERROR_STOP=1 -d "$TEST_DB" \
        -f "$LIS_SOURCE_DIR/tests/fixtures/report_small.sql" >/dev/null
}

# wait_tmp_files OUT PERIOD N: waits (up to 30 s) until a run's temporary
# folder OUT/.PERIOD.tmp.* holds N files; false when it never does.
wait_tmp_files() {
    local n=0
    for _ in $(seq 600); do
        n=$(find "$1" -path "$1/.$2.tmp.*" -type f 2>/dev/null | wc -l)
        [ "$n" -ge "$3" ] && return 0
        sleep 0.05
    done
    return 1
}

# hold_lock SQL: takes the table lock of SQL ("LOCK TABLE ...") in a session
# of its own and holds it until release_lock, so that lis waits, active, in
# the statement that needs that table: a phase too short to catch by
# polling is caught every time. Only the test database's lock session
# counts: tests running beside each other hold locks of their own.
hold_lock() {
    PGAPPNAME=lis_test_lock psql -XAtq -d "$TEST_DB" -c "BEGIN" -c "$1" \
        -c "SELECT pg_sleep(600)" >/dev/null 2>&1 &
    LOCK_PID=$!
    within 30 lock_held || fail "could not hold the lock ($1)"
}

lock_held() {
    [ "$(psql -XAtq -d "$TEST_DB" -c "SELECT EXISTS (SELECT 1 FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'lis_test_lock'
          AND query LIKE '%pg_sleep%')")" = t ]
}

# release_lock: ends hold_lock's session (from the postgres database, so
# that it works while the test database takes no connections).
release_lock() {
    psql -XAtq -d postgres -c "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = '$TEST_DB' AND application_name = 'lis_test_lock'" >/dev/null
    wait "$LOCK_PID" 2>/dev/null || true
    LOCK_PID=
}

# wait_until WHAT SQL: polls until SQL (a boolean query on the test database)
# is true; fails after about a minute, or when lis ($PID) ended first.
wait_until() {
    local what=$1 q=$2 i
    for i in $(seq 1 2400); do
        [ "$(psql -XAtq -d "$TEST_DB" -c "$q" 2>/dev/null)" = t ] && return 0
        kill -0 "$PID" 2>/dev/null || { cat "$TMP/out" "$TMP/err"; fail "lis ended before $what"; }
        sleep 0.02
    done
    fail "timed out waiting for $what"
}

# LIS_WAITS: for wait_until, a session of lis waits for a lock (hold_lock's).
LIS_WAITS="SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database()
           AND application_name = 'lis' AND wait_event_type = 'Lock')"

# lis_backends: the sessions of lis in the test database.
lis_backends() {
    psql -XAtq -d "$TEST_DB" -c "SELECT count(*) FROM pg_stat_activity
        WHERE datname = current_database() AND application_name = 'lis'"
}

# within SECONDS CMD...: runs CMD every 0.05 s until it succeeds or SECONDS
# have passed; the status of its last run.
within() {
    local n=$(($1 * 20)) i
    shift
    for i in $(seq 1 "$n"); do
        "$@" && return 0
        sleep 0.05
    done
    "$@"
}

# lis_gone: lis ($PID) has ended. no_lis_backends: no session of lis is
# left in the test database.
lis_gone() { ! kill -0 "$PID" 2>/dev/null; }
no_lis_backends() { [ "$(lis_backends)" = 0 ]; }
