# rollup_budget - the budget side of a rollup (the spread of the budget
# lines, the council's areas and the agreements' months) runs on a second
# connection beside the goals (engine/rollup_budget.c), on the rollup's own
# snapshot: a budget batch that commits while the rollup runs is in neither
# its economy nor its record, and the next rollup takes it in. The goals
# read the same snapshot, so a measurement batch is not in them either.
# When the second connection is lost mid-way, the rollup fails with the
# reason and the figures stay as they were. A lock on lis.rollup_indicator,
# which the rollup writes after the goals, or on lis.rollup_economy, which
# it empties before them, holds the rollup with the budget side started.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../rollup_lib.sh"
new_db
run_lis 0 db init
import_dir "$LIS_SOURCE_DIR/tests/data/rollup-cases"
run_lis 0 rollup --year 2026

economy() {
    sql "SELECT (SELECT count(*) || ' ' || md5(string_agg(t::text, '|' ORDER BY t::text))
                   FROM lis.rollup_economy t WHERE year = 2026) || ' ' ||
                (SELECT md5(string_agg(t::text, '|' ORDER BY t::text))
                   FROM lis.rollup_economy_area t WHERE year = 2026)"
}

# start_held_rollup STATE [TABLE]: starts lis rollup --full (PID) with a
# lock held on TABLE (lis.rollup_indicator) and waits until its connection
# waits for the lock while its second connection is in STATE having started
# the budget side.
start_held_rollup() {
    hold_lock "LOCK TABLE ${2:-lis.rollup_indicator} IN SHARE MODE"
    "$LIS" rollup --year 2026 --full >"$TMP/out" 2>"$TMP/err" &
    PID=$!
    wait_until "the rollup at the lock with its budget side started" \
        "SELECT count(*) FILTER (WHERE wait_event_type = 'Lock') = 1 AND
                count(*) FILTER (WHERE query LIKE '%rollup_spread.sql%' AND state LIKE '$1') = 1
           FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'lis'"
}

finish_rollup() {
    release_lock
    RC=0
    wait "$PID" || RC=$?
}

before=$(economy)
start_held_rollup %
printf 'period;cost_centre;function;account;budget;actual;original_budget\n2026-03;CA1;1.01.01;A;1.000,00;900;\n' \
    >"$TMP/late.csv"
run_lis 0 import budget "$TMP/late.csv"
late=$(sql "SELECT max(batch_id) FROM lis.import_batch")
finish_rollup
[ "$RC" = 0 ] || { cat "$TMP/err"; fail "the rollup exited $RC"; }
assert_eq "$(economy)" "$before" "the economy of the rollup during which a batch landed"
newest=$(sql "SELECT parameters->>'newest' FROM lis.run WHERE kind = 'rollup' AND status = 'ok'
              ORDER BY run_id DESC LIMIT 1")
[ "$newest" -lt "$late" ] || fail "the rollup recorded batch $newest, the late batch is $late"
ok "the budget side reads the rollup's snapshot: a batch landing meanwhile is not in it"

run_lis 0 rollup --year 2026
after=$(economy)
[ "$after" != "$before" ] || fail "the next rollup did not take in the late batch"
ok "the next rollup takes the late batch in"

# The goals read that snapshot too (the rollup's transaction is REPEATABLE
# READ): a measurement batch landing while the rollup is held is in none of
# its figures, and the next rollup takes it in.
indicators() {
    sql "SELECT md5(string_agg(t::text, '|' ORDER BY t::text))
           FROM lis.rollup_indicator t WHERE year = 2026"
}
before=$(indicators)
start_held_rollup % lis.rollup_economy
printf 'indicator_id;unit_id;period;value\ns_sum;A1;2026-02;25\n' >"$TMP/late.csv"
run_lis 0 import measurements "$TMP/late.csv"
finish_rollup
[ "$RC" = 0 ] || { cat "$TMP/err"; fail "the rollup exited $RC"; }
assert_eq "$(indicators)" "$before" "the indicator rows of the rollup during which a batch landed"
run_lis 0 rollup --year 2026
[ "$(indicators)" != "$before" ] || fail "the next rollup did not take in the late measurement"
ok "the goals read the rollup's snapshot: a measurement landing meanwhile waits for the next rollup"

# 3,000 functions, each its own policy area: 87,000 area rows, more than the
# socket buffers hold, so the second connection is still sending them
# (active) while the rollup is held.
awk 'BEGIN { print "function;name;policy_area;service_frame"
             for (f = 0; f < 3000; f++)
                 printf "9.%02d.%02d;Funktion %d;PX%d;ja\n", f / 100, f % 100, f, f }' \
    >"$TMP/accounts.csv"
awk 'BEGIN { print "period;cost_centre;function;account;budget;actual;original_budget"
             for (f = 0; f < 3000; f++)
                 printf "2026-03;CA1;9.%02d.%02d;A;%d;1;\n", f / 100, f % 100, f }' \
    >"$TMP/many.csv"
run_lis 0 import accounts "$TMP/accounts.csv"
run_lis 0 import budget "$TMP/many.csv"
run_lis 0 rollup --year 2026
after=$(economy)
start_held_rollup active
sql "SELECT pg_terminate_backend(pid) FROM pg_stat_activity
      WHERE datname = current_database() AND query LIKE '%rollup_spread.sql%'
        AND application_name = 'lis'" >/dev/null
finish_rollup
assert_eq "$RC" 3 "the exit status of the rollup whose budget side failed"
assert_grep "rollup_economy_area.sql" "$TMP/err"
assert_eq "$(economy)" "$after" "the economy after the failed rollup"
assert_eq "$(sql "SELECT status FROM lis.run WHERE kind = 'rollup' ORDER BY run_id DESC LIMIT 1")" \
    failed "the failed rollup's record"
ok "a budget side cut off fails the rollup (exit 3, the reason), the figures as they were"

# The second connection refused: the rollup is held before its budget side
# starts (the plan reads the last rollup in lis.run), and the database stops
# taking connections meanwhile.
hold_lock "LOCK TABLE lis.run IN ACCESS EXCLUSIVE MODE"
"$LIS" rollup --year 2026 --full >"$TMP/out" 2>"$TMP/err" &
PID=$!
wait_until "the rollup waiting for the lock" "$LIS_WAITS"
psql -XAtq -d postgres -c "ALTER DATABASE $TEST_DB ALLOW_CONNECTIONS false" >/dev/null
release_lock
RC=0
wait "$PID" || RC=$?
psql -XAtq -d postgres -c "ALTER DATABASE $TEST_DB ALLOW_CONNECTIONS true" >/dev/null
assert_eq "$RC" 3 "the exit status of the rollup whose second connection was refused"
assert_grep "not currently accepting connections" "$TMP/err"
assert_eq "$(economy)" "$after" "the economy after the refused rollup"
ok "a second connection refused fails the rollup (exit 3, the reason), the figures as they were"
