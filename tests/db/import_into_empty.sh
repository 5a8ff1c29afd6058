# A measurement import into an empty table that the planner knows is empty
# (lis ready analysed it before the first import) reads that table a few
# times, not once per row: the upsert before import_measurements_replace.sql
# scanned measurement for every staged row, rows it had just inserted
# included, and a 250,000-row file did not finish in 10 minutes. Also the
# replacement itself: the values replaced go to the history with the batch
# that replaced them.
. "$(dirname "$0")/../lib.sh"
new_db
run_lis 0 db init
{ echo "unit_id;name;parent_id;kind"; echo "K;Kommune;;kommune"
  for u in $(seq 1 200); do echo "U$u;Enhed $u;K;institution"; done; } >"$TMP/units.csv"
{ echo "indicator_id;name;unit;direction;aggregation;frequency"
  echo "I1;Indikator 1;antal;op;sum;maaned"; } >"$TMP/ind.csv"
run_lis 0 import units "$TMP/units.csv"
run_lis 0 import indicators "$TMP/ind.csv"
run_lis 2 ready --period 2026-12
assert_eq "$(sql "SELECT reltuples FROM pg_class WHERE oid = 'lis.measurement'::regclass")" 0 \
    "lis ready analysed the empty table"

# seq_scans: the sequential scans of lis.measurement so far (a rescan counts).
seq_scans() { sql "SELECT seq_scan FROM pg_stat_user_tables WHERE relid = 'lis.measurement'::regclass"; }
{ echo "indicator_id;unit_id;period;value"
  for u in $(seq 1 200); do for m in 01 02 03 04 05 06 07 08 09 10; do
      echo "I1;U$u;2026-$m;$u"; done; done; } >"$TMP/m1.csv"
before=$(seq_scans)
run_lis 0 import measurements "$TMP/m1.csv"
scans=$(($(seq_scans) - before))
[ "$scans" -le 5 ] || fail "importing 2,000 rows scanned measurement $scans times"
assert_eq "$(sql "SELECT count(*), sum(value) FROM lis.measurement")" "2000|201000" "all rows landed"
ok "2,000 rows into an empty, analysed table: $scans scans of it"

# Half of them again, with new values, and 100 new keys.
{ echo "indicator_id;unit_id;period;value"
  for u in $(seq 1 100); do for m in 01 02 03 04 05 06 07 08 09 10 11; do
      echo "I1;U$u;2026-$m;$((u * 2))"; done; done; } >"$TMP/m2.csv"
run_lis 0 import measurements "$TMP/m2.csv"
b2=$(sql "SELECT max(batch_id) FROM lis.import_batch WHERE kind = 'measurements'")
assert_eq "$(sql "SELECT count(*), sum(value) FROM lis.measurement")" "2100|261600" "replaced and added"
assert_eq "$(sql "SELECT count(*), sum(value) FROM lis.measurement WHERE batch_id = $b2")" "1100|111100" \
    "the new batch holds its rows"
assert_eq "$(sql "SELECT count(*), sum(value), min(batch_id) = max(batch_id) FROM lis.measurement_history
                  WHERE replaced_by = $b2")" "1000|50500|t" "the replaced values in the history"
run_lis 0 batch rm "$b2"
assert_eq "$(sql "SELECT count(*), sum(value) FROM lis.measurement")" "2000|201000" \
    "lis batch rm puts the replaced values back"
ok "a second file replaces 1,000 values into the history and adds 100"
