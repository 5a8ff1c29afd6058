#!/usr/bin/env bash
# runs_killed - a run killed with SIGKILL while rendering (issue 12 defect 9,
# issue 9 item 3): while it lives lis runs shows it running; once its session
# is gone lis runs shows it failed ("stopped without finishing"), the earlier
# OUT/<period>/ is untouched, and the next run of the same kind and period
# succeeds and removes the temporary folder.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../rollup_lib.sh"
new_db
run_lis 0 db init
# the generated municipality (112 agreements): big enough that rendering its
# monthly reports takes a while
run_lis 0 demo --out "$TMP/demo" --files-only
import_dir "$TMP/demo/input"
out=$TMP/reports

run_lis 0 run monthly --period 2026-03 --agreement UA-EKS --out "$out" --no-deliver
before=$(cd "$out/2026-03" && sha256sum ./*)

# rendering in one process, so that no renderer keeps the session alive
"$LIS" run monthly --period 2026-03 --out "$out" --jobs 1 --no-deliver \
    >"$TMP/run.out" 2>"$TMP/run.err" &
pid=$!
# wait until it has written some files into its temporary folder
for _ in $(seq 600); do
    n=$(find "$out" -path '*/.2026-03.tmp.*' -type f 2>/dev/null | wc -l)
    [ "$n" -ge 3 ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$TMP/run.err"; fail "the run ended before it was killed"; }
    sleep 0.1
done
[ "$n" -ge 3 ] || fail "the run wrote no files within a minute"
rid=$(sql "SELECT max(run_id) FROM lis.run WHERE kind = 'monthly'")
run_lis 0 runs --kind monthly --format csv
assert_grep "^$rid;monthly;2026-03;.*;;running;;;" "$TMP/out"
ok "a live run is listed as running"

kill -9 "$pid"
wait "$pid" 2>/dev/null || true
# the server notices the closed connection and releases the lock
for _ in $(seq 100); do
    run_lis 0 runs --kind monthly --format csv
    grep -q "^$rid;monthly;.*;failed;" "$TMP/out" && break
    sleep 0.1
done
assert_grep "^$rid;monthly;2026-03;.*;[0-9.]+;failed;the run stopped without finishing \\(killed or crashed\\);;" "$TMP/out"
assert_eq "$(sql "SELECT status, finished_at IS NOT NULL FROM lis.run WHERE run_id = $rid")" "failed|t" \
    "the record of the killed run"
assert_eq "$(cd "$out/2026-03" && sha256sum ./*)" "$before" "the earlier folder after the kill"
ok "a run killed with SIGKILL is listed as failed once its session is gone"

# a run recorded as running by a session that is gone, with no lock anyone
# holds (a crash before this lis existed): marked failed when a run begins
sql "INSERT INTO lis.run (kind, period, backend_pid) VALUES ('quarterly', '2026-Q1', NULL)"
run_lis 0 run monthly --period 2026-03 --agreement UA-EKS --out "$out" --no-deliver
assert_eq "$(sql "SELECT status FROM lis.run WHERE kind = 'quarterly'")" "failed" \
    "a stale run is marked failed when a run begins"
assert_eq "$(ls -A "$out" | tr '\n' ' ')" "2026-03 " "the next run removed the temporary folder"
ok "the next run cleans up after the killed one"
