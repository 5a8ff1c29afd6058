#!/usr/bin/env bash
# run_kill - a run killed while it renders (issue 12, defect 2 and item 2):
# its render processes die with it, the previous OUT/<period>/ is untouched,
# an immediate re-run succeeds and removes the dead run's temporary folder;
# SIGTERM kills the workers, removes the temporary folder and records the
# run as failed, also while the run waits for a statement (which it cancels);
# the server ends the session of a killed lis that was in a statement.
. "$(dirname "$0")/../lib.sh"
report_db
out=$TMP/reports
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$out" --jobs 1
before=$(cd "$out/2026-03" && sha256sum ./*)
# enough agreements that a run renders for a few seconds
sql "INSERT INTO lis.agreement SELECT 'K' || g, 2026, 'Aftale ' || g, 'SKO1', 'OMR1', NULL,
     'udkast', 1 FROM generate_series(100, 219) g"

# start_run: starts a monthly run in the background and waits until its
# workers have written files into the temporary folder; sets pid, workers.
start_run() {
    "$LIS" run monthly --no-rollup --period 2026-03 --out "$out" --jobs 2 \
        >"$TMP/out" 2>"$TMP/err" &
    pid=$!
    wait_tmp_files "$out" 2026-03 6 || { cat "$TMP/err"; fail "the run wrote no files"; }
    workers=$(pgrep -P "$pid" | tr '\n' ' ')
    [ -n "$workers" ] || fail "no render processes found"
}

# workers_gone: every worker has ended within 2 seconds
workers_gone() {
    for _ in $(seq 40); do
        alive=""
        for w in $workers; do
            kill -0 "$w" 2>/dev/null && [ "$(ps -o stat= -p "$w" | cut -c1)" != Z ] &&
                alive="$alive $w"
        done
        [ -z "$alive" ] && return 0
        sleep 0.05
    done
    ps -o pid,ppid,stat,cmd -p "${alive# }" || true
    fail "render processes outlive the killed run:$alive"
}

# --- kill -9 while rendering
start_run
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
workers_gone
assert_eq "$(cd "$out/2026-03" && sha256sum ./*)" "$before" "OUT/2026-03 after kill -9"
ls -A "$out" | grep -q '^\.2026-03\.tmp\.' || fail "expected the dead run's temporary folder"
ok "kill -9: the workers die with the run, the previous folder is untouched"

# an immediate re-run takes the lock, removes the stale folder and writes
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$out" --jobs 2
assert_eq "$(ls -A "$out" | tr '\n' ' ')" "2026-03 " "folders after the re-run"
assert_eq "$(ls "$out/2026-03"/aftale-*.xlsx | wc -l)" 123 "workbooks after the re-run"
assert_eq "$(sql "SELECT status, error FROM lis.run WHERE kind = 'monthly'
                  ORDER BY run_id DESC OFFSET 1 LIMIT 1")" \
    "failed|the run stopped without finishing (killed or crashed)" "the killed run's record"
ok "an immediate re-run succeeds and removes the dead run's temporary folder"
before=$(cd "$out/2026-03" && sha256sum ./*)

# terminated WHEN: the run ended by SIGTERM (status RC of wait) left OUT as
# it was and is recorded as interrupted.
terminated() {
    assert_eq "$rc" 143 "exit status after SIGTERM $1"
    assert_grep 'interrupted by SIGTERM' "$TMP/err"
    assert_eq "$(ls -A "$out" | tr '\n' ' ')" "2026-03 " "folders after SIGTERM $1"
    assert_eq "$(cd "$out/2026-03" && sha256sum ./*)" "$before" "OUT/2026-03 after SIGTERM $1"
    assert_eq "$(sql "SELECT status, error FROM lis.run ORDER BY run_id DESC LIMIT 1")" \
        "failed|the run was interrupted by SIGTERM" "the record of the run stopped $1"
}

# --- SIGTERM while rendering: the run cleans up after itself
start_run
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
workers_gone
terminated "while rendering"
ok "SIGTERM: workers killed, temporary folder removed, run recorded as failed"

# start_blocked_run: starts a monthly run in the background while another
# session holds a lock it needs, and waits until lis waits for that lock
# (as it would for a long query at scale); sets PID.
start_blocked_run() {
    hold_lock "LOCK TABLE lis.rollup_indicator IN ACCESS EXCLUSIVE MODE"
    "$LIS" run monthly --no-rollup --period 2026-03 --out "$out" --jobs 2 \
        >"$TMP/out" 2>"$TMP/err" &
    PID=$!
    wait_until "the run waiting for the lock" "$LIS_WAITS"
}

# --- SIGTERM while the run waits for a statement: the handler cancels it,
# and the run ends at once as above
start_blocked_run
kill -TERM "$PID"
within 5 lis_gone || { release_lock; fail "the run still waits 5 s after SIGTERM"; }
rc=0
wait "$PID" || rc=$?
release_lock
terminated "in a statement"
ok "SIGTERM while the run waits for a statement: cancelled at once, run recorded as failed"

# --- kill -9 while lis waits for a statement: the server ends the statement
# within seconds (client_connection_check_interval) instead of going on with
# it, and its locks, for a client that is gone
start_blocked_run
kill -9 "$PID"
wait "$PID" 2>/dev/null || true
left=0
within 5 no_lis_backends || left=$(lis_backends)
release_lock
assert_eq "$left" 0 "lis sessions 5 s after lis was killed (the lock still held)"
ok "kill -9 while lis waits for a statement: the server ends its session"

# --- SIGINT with one process (no workers): the same
"$LIS" run monthly --no-rollup --period 2026-03 --out "$out" --jobs 1 >"$TMP/out" 2>"$TMP/err" &
pid=$!
wait_tmp_files "$out" 2026-03 3 || { cat "$TMP/err"; fail "the run wrote no files"; }
kill -INT "$pid"
rc=0
wait "$pid" || rc=$?
assert_eq "$rc" 130 "exit status after SIGINT"
assert_eq "$(ls -A "$out" | tr '\n' ' ')" "2026-03 " "folders after SIGINT"
assert_eq "$(cd "$out/2026-03" && sha256sum ./*)" "$before" "OUT/2026-03 after SIGINT"
ok "SIGINT of a single-process run cleans up too"
