# Fault injection (issue 12, item 2): kill -9 of lis import at several points
# of a 1 M-row budget import and of a measurement import that replaces
# values. The kill points are found by watching the server
# (pg_stat_progress_copy, pg_stat_activity), not by sleeping. Afterwards: no
# row of the batch, no batch record (a batch is written in the import's own
# transaction, so none can be left "running"), lis batch ls unchanged, the
# replaced values and their history as they were, and the same command
# succeeds on retry. Then two imports at once (different kinds, and the same
# kind, which waits for the other) both land whole.
. "$(dirname "$0")/../lib.sh"
new_db
run_lis 0 db init
D=$LIS_SOURCE_DIR/tests/data/connectors
for k in units cost-centres indicators; do run_lis 0 import "$k" "$D/$k.csv"; done

python3 - "$TMP" <<'PY'
import sys
tmp = sys.argv[1]
with open(tmp + "/budget.csv", "w") as f:
    f.write("period;cost_centre;function;account;budget;actual\n")
    rows = []
    for i in range(1000000):
        rows.append("2026-%02d;100100;32201;%d;1.234,50;-17,25\n" % (i % 12 + 1, i % 997))
        if len(rows) == 20000:
            f.write("".join(rows)); rows = []
for name, cc in (("small-1", 100200), ("small-2", 100300)):
    with open(tmp + "/%s.csv" % name, "w") as f:
        f.write("period;cost_centre;function;account;budget;actual\n")
        for i in range(50000):
            f.write("2025-%02d;%d;32201;%d;1;2\n" % (i % 12 + 1, cc, i))
with open(tmp + "/units.csv", "w") as f:
    f.write("unit_id;name;parent_id;kind\nKOM;K;;kommune\nDIR;D;KOM;direktion\n"
            "FAG;F;DIR;fagomraade\nOMR;O;FAG;omraade\n")
    for u in range(100):
        f.write("U%d;Unit %d;OMR;institution\n" % (u, u))
for tag, v in (("a", 1), ("b", 2)):
    with open(tmp + "/meas-%s.csv" % tag, "w") as f:
        f.write("indicator_id;unit_id;period;value\n")
        for u in range(100):
            for y in range(2000, 2030):
                for m in range(1, 13):
                    f.write("sygedage;U%d;%d-%02d;%d\n" % (u, y, m, v))
PY
run_lis 0 import units "$TMP/units.csv"

# kill_at WHAT SQL ARGS...: starts lis ARGS, kills it with SIGKILL once SQL
# holds, and waits for its server session to end.
kill_at() {
    local what=$1 q=$2; shift 2
    "$LIS" "$@" >"$TMP/out" 2>"$TMP/err" &
    PID=$!
    wait_until "$what" "$q"
    kill -9 "$PID"
    wait "$PID" 2>/dev/null || true
    [ -z "${LOCK_PID:-}" ] || release_lock
    within 60 no_lis_backends || fail "the session of the killed import did not end"
}

state() {
    sql "SELECT (SELECT count(*) FROM lis.budget_line), (SELECT count(*) FROM lis.import_batch),
                (SELECT coalesce(sum(value), 0) FROM lis.measurement),
                (SELECT count(*) FROM lis.measurement_history)"
    "$LIS" batch ls | sed 's/ *$//'
}

COPYING="SELECT EXISTS (SELECT 1 FROM pg_stat_progress_copy p JOIN pg_stat_activity a USING (pid)
         WHERE a.application_name = 'lis' AND p.tuples_processed"
ACTIVE="SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE application_name = 'lis'
        AND state = 'active' AND query LIKE"

# The budget: killed as COPY starts and half-way.
state >"$TMP/before"
for point in "> 0" "> 500000"; do
    kill_at "COPY $point rows" "$COPYING $point)" import budget "$TMP/budget.csv"
    state >"$TMP/after"
    diff "$TMP/before" "$TMP/after" || fail "kill -9 at COPY $point rows left something behind"
    ok "budget: kill -9 at COPY $point rows leaves nothing"
done
assert_eq "$(sql "SELECT count(*) FROM lis.import_batch WHERE file_name LIKE '%/budget.csv'")" 0 \
    "batches of the killed import"
run_lis 0 import budget "$TMP/budget.csv"
assert_grep "budget.csv: batch [0-9]+: 1000000 rows read, 1000000 loaded" "$TMP/out"
assert_eq "$(sql "SELECT count(*) FROM lis.budget_line")" 1000000 "budget lines after the retry"
ok "budget: the same command succeeds on retry"

# Measurements that replace values: file a lands, b replaces every value
# (36,000 rows); b is killed while checking, while moving the old values to
# the history, and while inserting the new ones. Each phase of 36,000 rows
# can end between two polls, so the test holds a lock that phase's statement
# needs (the catalogue it checks against, the history, the units whose
# references the insert locks) and kills the import while it waits there.
# Every phase is one transaction, and the budget covers kills during COPY.
run_lis 0 import measurements "$TMP/meas-a.csv"
state >"$TMP/before"
for phase in check replace insert; do
    case $phase in
    check) hold_lock "LOCK TABLE lis.indicator IN ACCESS EXCLUSIVE MODE" ;;
    replace) hold_lock "LOCK TABLE lis.measurement_history IN ACCESS EXCLUSIVE MODE" ;;
    insert) hold_lock "LOCK TABLE lis.unit IN EXCLUSIVE MODE" ;;
    esac
    kill_at "import_measurements_$phase waiting for the lock" \
        "$ACTIVE '%import_measurements_$phase%' AND wait_event_type = 'Lock')" \
        import measurements "$TMP/meas-b.csv"
    state >"$TMP/after"
    diff "$TMP/before" "$TMP/after" || fail "kill -9 during $phase left something behind"
    ok "measurements: kill -9 during $phase leaves values and history as they were"
done
run_lis 0 import measurements "$TMP/meas-b.csv"
assert_grep "meas-b.csv: batch [0-9]+: 36000 rows read, 36000 loaded" "$TMP/out"
assert_eq "$(sql "SELECT sum(value), count(*) FROM lis.measurement WHERE unit_id LIKE 'U%'")" "72000|36000" \
    "the replaced values"
assert_eq "$(sql "SELECT count(*) FROM lis.measurement_history")" 36000 "history rows"
ok "measurements: the same command succeeds on retry"

# Imports at once: another kind runs alongside, the same kind waits.
"$LIS" import budget "$TMP/small-1.csv" >"$TMP/out1" 2>"$TMP/err1" &
p1=$!
"$LIS" import budget "$TMP/small-2.csv" >"$TMP/out2" 2>"$TMP/err2" &
p2=$!
"$LIS" import measurements "$TMP/meas-a.csv" --force >"$TMP/out3" 2>"$TMP/err3" &
p3=$!
for p in $p1 $p2 $p3; do wait "$p" || { cat "$TMP"/err?; fail "a concurrent import failed"; }; done
assert_grep "50000 loaded" "$TMP/out1"
assert_grep "50000 loaded" "$TMP/out2"
assert_grep "36000 loaded" "$TMP/out3"
assert_eq "$(sql "SELECT count(*) FROM lis.budget_line")" 1100000 "budget lines after concurrent imports"
assert_eq "$(sql "SELECT sum(value) FROM lis.measurement WHERE unit_id LIKE 'U%'")" 36000 "values after concurrent imports"
ok "three imports at once all land whole"
