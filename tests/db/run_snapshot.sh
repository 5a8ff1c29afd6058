#!/usr/bin/env bash
# run_snapshot - a run reads one consistent snapshot (issue 12, item 2): an
# import that commits while the run is loading its model is seen neither in
# the figures and Data sheet nor in the manifest's batches. The import here
# holds a lock on lis.measurement, so the run is caught between reading the
# rollup and reading the measurements; then it replaces a value and commits.
. "$(dirname "$0")/../lib.sh"
report_db
out=$TMP/reports

psql -XAtq -v ON_ERROR_STOP=1 -d "$TEST_DB" >/dev/null 2>"$TMP/import.err" <<'SQL' &
BEGIN;
LOCK TABLE lis.measurement IN ACCESS EXCLUSIVE MODE;
SELECT pg_sleep(4);
INSERT INTO lis.import_batch (batch_id, kind, file_name, sha256, size_bytes, profile,
                              finished_at)
VALUES (3, 'measurements', 'midt-i-koerslen.csv', repeat('d', 64), 1, 'native', now());
UPDATE lis.measurement SET value = 777777, batch_id = 3
WHERE indicator_id = 'I1' AND unit_id = 'SKO1' AND period = '2026-03';
COMMIT;
SQL
importer=$!
for _ in $(seq 100); do
    [ "$(sql "SELECT count(*) FROM pg_locks WHERE relation = 'lis.measurement'::regclass
              AND mode = 'AccessExclusiveLock' AND granted")" = 1 ] && break
    sleep 0.05
done
"$LIS" run monthly --no-rollup --period 2026-03 --out "$out" --jobs 1 >"$TMP/out" 2>"$TMP/err" &
runner=$!
waited=0
for _ in $(seq 100); do
    [ "$(sql "SELECT count(*) FROM pg_locks WHERE relation = 'lis.measurement'::regclass
              AND NOT granted")" = 1 ] && { waited=1; break; }
    sleep 0.05
done
assert_eq "$waited" 1 "the run waits for the import's lock while loading"
wait "$importer" || { cat "$TMP/import.err"; fail "the import transaction"; }
rc=0
wait "$runner" || rc=$?
[ "$rc" = 0 ] || { cat "$TMP/err"; fail "the run exited $rc"; }
assert_eq "$(sql "SELECT value FROM lis.measurement WHERE indicator_id = 'I1' AND unit_id = 'SKO1'
                  AND period = '2026-03'")" 777777 "the import committed"

/usr/bin/python3 - "$out/2026-03" <<'PY' || fail "the run saw the import that landed during it"
import json, sys, openpyxl
d = sys.argv[1]
m = json.load(open(f"{d}/manifest.json"))
assert [b["batch_id"] for b in m["batches"]] == [1, 2], m["batches"]
assert m["newest_batch"] == 2, m["newest_batch"]
wb = openpyxl.load_workbook(f"{d}/aftale-A1.xlsx", read_only=True)
values = [c for row in wb["Data"].iter_rows(values_only=True) for c in row]
assert 777777 not in values, "Data sheet holds the value imported during the run"
assert "midt-i-koerslen.csv" not in values, "Data sheet names the batch imported during the run"
PY
ok "the model and the manifest come from the snapshot the run began with"

# the next run sees the import
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$out" --jobs 1
assert_grep '"batch_id": 3' "$out/2026-03/manifest.json"
ok "the next run reads the new batch"
