#!/usr/bin/env bash
# run_pg_crash - PostgreSQL stopped with pg_ctl stop -m immediate (a crash,
# as far as the data is concerned) during an import and during a run, then
# started again (issue 12, item 2): the import leaves no row and no batch,
# the run exits 3 and leaves the previous OUT/<period>/ untouched and no
# temporary folder, and the same commands succeed on retry. It needs its own
# cluster to stop: the embedded default under a private LIS_HOME, stopped as
# its owner with pg_ctl.
. "$(dirname "$0")/../lib.sh"
unset LIS_DB PGHOST PGHOSTADDR PGPORT PGDATABASE PGSERVICE PGUSER PGPASSWORD
pg_ctl=$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -1)
[ -n "$pg_ctl" ] || skip "no PostgreSQL server programs"
export LIS_HOME=$TMP/home
trap '"$LIS" db stop >/dev/null 2>&1 || true; cleanup' EXIT

run_lis 0 db init
run_lis 0 db status
sock=$(sed -n 's/^socket: *\(.*\) (no TCP port)$/\1/p' "$TMP/out")
data=$(readlink -f "$LIS_HOME/cluster")/data
owner=$(stat -c %U "$data")
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u "$owner" -- "$@"; else "$@"; fi; }
q() { psql -XAtq -v ON_ERROR_STOP=1 -h "$sock" -U lis -d lis -c "$1"; }
crash() { as_owner "$pg_ctl" -D "$data" stop -m immediate >/dev/null || fail "pg_ctl stop"; }
psql -XAtq -v ON_ERROR_STOP=1 -h "$sock" -U lis -d lis \
    -f "$LIS_SOURCE_DIR/tests/fixtures/report_small.sql" >/dev/null

# --- during an import: a budget file of 400,000 lines streaming by COPY
rows=400000
awk -v n=$rows 'BEGIN { print "period;cost_centre;function;account;budget;actual";
    for (i = 1; i <= n; i++) printf "2026-%02d;010001;3.01.01;%d;%d,5;%d\n", i % 12 + 1, 22000 + i % 7, i, i }' \
    >"$TMP/budget.csv"
lines_before=$(q "SELECT count(*) FROM lis.budget_line")
batches_before=$(q "SELECT count(*) FROM lis.import_batch")
"$LIS" import budget "$TMP/budget.csv" >"$TMP/imp.out" 2>"$TMP/imp.err" &
pid=$!
copying=0
for _ in $(seq 400); do
    [ "$(q "SELECT count(*) FROM pg_stat_activity WHERE query LIKE '%COPY budget_line%' AND pid <> pg_backend_pid()" 2>/dev/null)" = 1 ] &&
        { copying=1; break; }
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
done
assert_eq "$copying" 1 "the import was streaming when the server stopped"
crash
rc=0
wait "$pid" || rc=$?
assert_eq "$rc" 3 "exit status of an import whose server crashed"
run_lis 0 db start
assert_eq "$(q "SELECT count(*) FROM lis.budget_line")" "$lines_before" "budget lines after the crash"
assert_eq "$(q "SELECT count(*) FROM lis.import_batch")" "$batches_before" "batches after the crash"
run_lis 0 batch ls
assert_no_grep 'budget\.csv' "$TMP/out"
ok "a server crash during an import leaves no row and no batch"
run_lis 0 import budget "$TMP/budget.csv"
assert_eq "$(q "SELECT count(*) FROM lis.budget_line")" "$((lines_before + rows))" "budget lines on retry"
ok "the same import succeeds on retry"

# --- during a run: rendering when the server goes away
out=$TMP/reports
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$out" --jobs 1
before=$(cd "$out/2026-03" && sha256sum ./*)
q "INSERT INTO lis.agreement SELECT 'K' || g, 2026, 'Aftale ' || g, 'SKO1', 'OMR1', NULL,
   'udkast', 1 FROM generate_series(100, 159) g"
"$LIS" run monthly --no-rollup --period 2026-03 --out "$out" --jobs 2 >"$TMP/run.out" 2>"$TMP/run.err" &
pid=$!
wait_tmp_files "$out" 2026-03 4 || { cat "$TMP/run.err"; fail "the run wrote no files"; }
crash
rc=0
wait "$pid" || rc=$?
[ "$rc" = 3 ] || { cat "$TMP/run.err"; fail "a run whose server crashed exited $rc, expected 3"; }
assert_eq "$(cd "$out/2026-03" && sha256sum ./*)" "$before" "OUT/2026-03 after the crash"
assert_eq "$(ls -A "$out" | tr '\n' ' ')" "2026-03 " "folders after the crash"
ok "a server crash during a run: exit 3, the previous folder untouched"
run_lis 0 db start
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$out" --jobs 2
assert_eq "$(ls "$out/2026-03"/aftale-*.xlsx | wc -l)" 63 "workbooks after the retry"
assert_eq "$(ls -A "$out" | tr '\n' ' ')" "2026-03 " "folders after the retry"
assert_eq "$(q "SELECT status FROM lis.run WHERE kind = 'monthly' ORDER BY run_id DESC OFFSET 1 LIMIT 1")" \
    failed "the crashed run's record"
ok "the same run succeeds on retry"
