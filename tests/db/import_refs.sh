# The references of measurements and of measurement history are checked once
# per statement (migration 006) instead of by per-row foreign keys: the same
# promises hold, with SQLSTATE 23503 as before.
. "$(dirname "$0")/../lib.sh"
new_db
run_lis 0 db init
{ echo "unit_id;name;parent_id;kind"; echo "K;Kommune;;kommune"; echo "U1;Enhed 1;K;institution"
  echo "U2;Enhed 2;K;institution"; } >"$TMP/units.csv"
{ echo "indicator_id;name;unit;direction;aggregation;frequency"
  echo "I1;Indikator 1;antal;op;sum;maaned"; echo "I2;Indikator 2;antal;op;sum;maaned"; } >"$TMP/ind.csv"
run_lis 0 import units "$TMP/units.csv"
run_lis 0 import indicators "$TMP/ind.csv"
{ echo "indicator_id;unit_id;period;value"; echo "I1;U1;2026-01;1"; echo "I1;U2;2026-01;2"; } >"$TMP/m1.csv"
run_lis 0 import measurements "$TMP/m1.csv"

# sqlstate STATEMENT: the SQLSTATE the statement fails with ("ok" if none).
sqlstate() {
    psql -XAtq -d "$TEST_DB" -v ON_ERROR_STOP=1 -v VERBOSITY=verbose \
        -c "SET search_path = lis" -c "$1" >"$TMP/sql.out" 2>&1 && { echo ok; return; }
    sed -n 's/^ERROR:  \([0-9A-Z]\{5\}\):.*/\1/p' "$TMP/sql.out" | head -1
}
mb=$(sql "SELECT batch_id FROM lis.import_batch WHERE kind = 'measurements'")
ins="INSERT INTO measurement (indicator_id, unit_id, period, year, first_month, last_month, value, batch_id)"
assert_eq "$(sqlstate "$ins VALUES ('XX', 'U1', '2026-02', 2026, 2, 2, 1, $mb)")" 23503 "unknown indicator"
assert_grep 'Key \(indicator_id\)=\(XX\) is not present in table "indicator"' "$TMP/sql.out"
assert_eq "$(sqlstate "$ins VALUES ('I1', 'XX', '2026-02', 2026, 2, 2, 1, $mb)")" 23503 "unknown unit"
assert_eq "$(sqlstate "$ins SELECT 'I2', 'U' || g, '2026-03', 2026, 3, 3, 1, $mb FROM generate_series(1, 3) g")" \
    23503 "one bad row among good ones"
assert_eq "$(sqlstate "UPDATE measurement SET unit_id = 'XX' WHERE unit_id = 'U2'")" 23503 "re-keyed to an unknown unit"
assert_eq "$(sqlstate "$ins VALUES ('I2', 'U2', '2026-02', 2026, 2, 2, 1, $mb)")" ok "a good row"
assert_eq "$(sql "SELECT count(*) FROM lis.measurement")" 3 "only the good row landed"
ok "a measurement must name a known indicator and unit"

assert_eq "$(sqlstate "DELETE FROM indicator WHERE indicator_id = 'I1'")" 23503 "delete a referenced indicator"
assert_grep 'Key \(indicator_id\)=\(I1\) is still referenced from table "measurement"' "$TMP/sql.out"
assert_eq "$(sqlstate "DELETE FROM unit WHERE unit_id = 'U1'")" 23503 "delete a referenced unit"
assert_eq "$(sqlstate "UPDATE indicator SET indicator_id = 'I9' WHERE indicator_id = 'I2'")" 23503 \
    "re-key a referenced indicator"
assert_eq "$(sqlstate "UPDATE indicator SET name = 'Ny' WHERE indicator_id = 'I1'")" ok "rename an indicator"
assert_eq "$(sqlstate "BEGIN; DELETE FROM measurement WHERE indicator_id = 'I2';
                       DELETE FROM indicator WHERE indicator_id = 'I2'; ROLLBACK")" ok \
    "an indicator without measurements can go"
ok "indicators and units that measurements name stay"

# History names the batch that replaced the value; deleting that batch
# deletes the history (the cascade of before); an unknown batch is an error.
{ echo "indicator_id;unit_id;period;value"; echo "I1;U1;2026-01;5"; } >"$TMP/m2.csv"
run_lis 0 import measurements "$TMP/m2.csv"
mb2=$(sql "SELECT max(batch_id) FROM lis.import_batch WHERE kind = 'measurements'")
assert_eq "$(sql "SELECT count(*) FROM lis.measurement_history WHERE replaced_by = $mb2")" 1 "history kept"
assert_eq "$(sqlstate "INSERT INTO measurement_history (indicator_id, unit_id, period, year, first_month,
              last_month, value, batch_id, replaced_by) VALUES ('I1', 'U1', '2026-01', 2026, 1, 1, 1, 1, 99999)")" \
    23503 "history of an unknown batch"
assert_eq "$(sqlstate "UPDATE import_batch SET batch_id = 99999 WHERE batch_id = $mb2")" 23503 \
    "re-key a batch that history names"
assert_eq "$(sqlstate "BEGIN; UPDATE measurement SET batch_id = 0 WHERE batch_id = $mb2;
                       DELETE FROM import_batch WHERE batch_id = $mb2;
                       DO \$\$ BEGIN IF (SELECT count(*) FROM lis.measurement_history
                                         WHERE replaced_by = $mb2) <> 0 THEN
                           RAISE EXCEPTION 'history not deleted'; END IF; END \$\$;
                       ROLLBACK")" ok "deleting a batch deletes the history it replaced"
ok "measurement history names a known batch"

# The parent rows a statement's keys name are locked FOR KEY SHARE until its
# transaction ends, as a foreign key's are: a unit that only a measurement
# not yet committed names cannot be deleted meanwhile (its delete waits, and
# gives up at the lock timeout).
{ cat "$TMP/units.csv"; echo "U3;Enhed 3;K;institution"; } >"$TMP/units3.csv"
run_lis 0 import units "$TMP/units3.csv"
psql -XAtq -d "$TEST_DB" -v ON_ERROR_STOP=1 \
    -c "BEGIN" -c "SET search_path = lis" \
    -c "$ins VALUES ('I1', 'U3', '2026-04', 2026, 4, 4, 1, $mb)" \
    -c "SELECT pg_sleep(4)" -c "ROLLBACK" >/dev/null &
holder=$!
sleep 1
assert_eq "$(sqlstate "SET lock_timeout = '1s'; DELETE FROM unit WHERE unit_id = 'U3'")" 55P03 \
    "the unit an open insert names is locked"
wait "$holder"
assert_eq "$(sqlstate "BEGIN; DELETE FROM unit WHERE unit_id = 'U3'; ROLLBACK")" ok \
    "and free once that insert is gone"
ok "the parents of new measurements are locked until their transaction ends"
