#!/usr/bin/env bash
# report_run - what every report run promises (SPEC sections 4 and 5), on the
# small fixed data set: the output folder and manifest.json, lis.run records,
# byte-identical repeats, partial runs keep other files, a failed run leaves
# nothing, the advisory lock, safe file names, usage errors.
. "$(dirname "$0")/../lib.sh"
report_db
out=$TMP/reports

# --- a monthly run: one workbook per agreement (and its PDF, chart PNGs and
# HTML page: 3 + 3 + 6 + 3, see tests/golden/chart_run.sh and
# html_reports.sh), the manifest, the record
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$out" --jobs 1
assert_grep '^wrote 15 files for 3 agreements to .*/2026-03/ \(run 1\)$' "$TMP/out"
assert_eq "$(cd "$out/2026-03" && ls ./*.xlsx manifest.json | sed 's|^\./||' | tr '\n' ' ')" \
    "aftale-A1.xlsx aftale-A2.xlsx aftale-D1.xlsx manifest.json " "files of the run"
assert_eq "$(ls -A "$out" | tr '\n' ' ')" "2026-03 " "no temporary folder is left"
m=$out/2026-03/manifest.json
/usr/bin/python3 - "$m" "$out/2026-03" <<'PY' || fail "manifest.json"
import hashlib, json, os, sys
m = json.load(open(sys.argv[1]))
assert m["run_id"] == 1 and m["document_run_id"] == 1, m
assert m["kind"] == "monthly" and m["period"] == "2026-03", m
assert m["parameters"]["period"] == "2026-03", m
assert m["newest_batch"] == 2, m
assert [b["batch_id"] for b in m["batches"]] == [1, 2], m["batches"]
assert [f["name"] for f in m["files"] if f["name"].endswith(".xlsx")] == \
    ["aftale-A1.xlsx", "aftale-A2.xlsx", "aftale-D1.xlsx"]
for f in m["files"]:
    data = open(os.path.join(sys.argv[2], f["name"]), "rb").read()
    assert hashlib.sha256(data).hexdigest() == f["sha256"], f
    assert len(data) == f["bytes"], f
PY
assert_eq "$(sql "SELECT kind, period, status, newest_batch, finished_at IS NOT NULL FROM lis.run")" \
    "monthly|2026-03|ok|2|t" "lis.run after the run"
ok "monthly run writes its folder, manifest and record"

# --- the same data and parameters: byte-identical files (elsewhere too)
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$TMP/again" --jobs 2
pngs=$(cd "$out/2026-03" && ls ./*.png)
[ -n "$pngs" ] || fail "the monthly run wrote no PNG"
# pixels A B: whether two PNGs hold the same pixels, for a failure's message
pixels() {
    /usr/bin/python3 -c 'import sys; from PIL import Image
a, b = (Image.open(p).convert("RGB") for p in sys.argv[1:])
print("the same pixels" if a.size == b.size and a.tobytes() == b.tobytes() else "other pixels")' "$@"
}
for f in aftale-A1.xlsx aftale-A2.xlsx aftale-D1.xlsx $pngs; do
    cmp -s "$out/2026-03/$f" "$TMP/again/2026-03/$f" && continue
    case $f in
    *.png) fail "$f differs on a second run ($(pixels "$out/2026-03/$f" "$TMP/again/2026-03/$f"))" ;;
    *) fail "$f differs on a second run" ;;
    esac
done
assert_grep '"document_run_id": 1,' "$TMP/again/2026-03/manifest.json"
assert_grep '"run_id": 2,' "$TMP/again/2026-03/manifest.json"
ok "a repeated run gives byte-identical workbooks"

# --- new data: a new document run id
sql "INSERT INTO lis.import_batch (kind, file_name, sha256, size_bytes, profile, finished_at)
     VALUES ('statuses', 's.csv', repeat('c', 64), 1, 'native', '2026-04-07 10:00+00')"
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$out" --jobs 1
assert_grep '"document_run_id": 3,' "$out/2026-03/manifest.json"
ok "new data gives a new document run id"

# --- a partial run replaces its files and keeps the others
touch -d '2020-01-01' "$out/2026-03/aftale-A1.xlsx"
run_lis 0 run monthly --no-rollup --period 2026-03 --agreement A2 --out "$out"
assert_eq "$(cd "$out/2026-03" && ls ./*.xlsx manifest.json | sed 's|^\./||' | tr '\n' ' ')" \
    "aftale-A1.xlsx aftale-A2.xlsx aftale-D1.xlsx manifest.json " "files after a partial run"
assert_grep '"name": "aftale-A1.xlsx", .*"kept_from_earlier_run": true' "$out/2026-03/manifest.json"
assert_no_grep '"name": "aftale-A2.xlsx", .*kept_from_earlier_run' "$out/2026-03/manifest.json"
ok "a run for one agreement keeps the other agreements' files"

# --- failures leave nothing: an unknown agreement, an unwritable folder
before=$(cd "$out/2026-03" && sha256sum ./*)
run_lis 2 run monthly --no-rollup --period 2026-03 --agreement NOPE --out "$out"
assert_grep 'no agreement "NOPE" in 2026' "$TMP/err"
assert_eq "$(cd "$out/2026-03" && sha256sum ./*)" "$before" "the folder after a failed run"
assert_eq "$(ls -A "$out" | tr '\n' ' ')" "2026-03 " "no temporary folder after a failure"
assert_eq "$(sql "SELECT status, error FROM lis.run ORDER BY run_id DESC LIMIT 1")" \
    'failed|no agreement "NOPE" in 2026' "the failed run is recorded"
echo x >"$TMP/file"
run_lis 4 run annual --no-rollup --year 2026 --out "$TMP/file/sub"
assert_grep 'could not create folder' "$TMP/err"
ok "a failed run leaves no file and says why"

# --- a second run of the same kind and period fails clearly
psql -XAtq -d "$TEST_DB" -c "SELECT pg_advisory_lock(hashtext('lis run'), hashtext('annual 2026')), pg_sleep(30)" \
    >/dev/null 2>&1 &
holder=$!
for _ in $(seq 50); do
    [ "$(sql "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted
              AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")" = 1 ] &&
        break
    sleep 0.1
done
run_lis 4 run annual --no-rollup --year 2026 --out "$out"
assert_grep 'another annual run of 2026 is in progress' "$TMP/err"
# only this test's database: other tests run beside it in the same cluster
sql "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory'
     AND database = (SELECT oid FROM pg_database WHERE datname = current_database())" >/dev/null
wait "$holder" 2>/dev/null || true
[ ! -e "$out/2026" ] || fail "a locked-out run wrote output"
run_lis 0 run annual --no-rollup --year 2026 --out "$out"
assert_grep '^wrote .*/2026/aarsberetning-2026.xlsx \(run [0-9]+\)$' "$TMP/out"
ok "the advisory lock keeps two runs of the same kind and period apart"

# --- status: as of June by default, in its own folder; --as-of
run_lis 0 run status --no-rollup --year 2026 --out "$out"
[ -s "$out/2026-YTD-06/statusopfoelgning-2026.xlsx" ] || fail "status workbook"
run_lis 0 run status --no-rollup --year 2026 --as-of 2026-09 --out "$out"
[ -s "$out/2026-YTD-09/statusopfoelgning-2026.xlsx" ] || fail "status workbook as of September"
ok "status follow-up as of June and as of a given month"

# --- ids made safe for file names
sql "INSERT INTO lis.agreement VALUES ('../x y/ø', 2026, '=HYPERLINK(\"x\")', 'SKO1', 'OMR1', NULL, 'udkast', 1)"
run_lis 0 run monthly --no-rollup --period 2026-03 --agreement '../x y/ø' --out "$out"
[ -s "$out/2026-03/aftale-_._x_y___-9b6344db.xlsx" ] || { ls "$out/2026-03"; fail "safe file name"; }
ok "file names from ids keep only [A-Za-z0-9._-], with a hash of a changed id"

# --- a file's name is a function of its id alone (issue 12, defect 4): "a/b"
# and "a_b" in a full run and in a run of one of them get the same names
sql "INSERT INTO lis.agreement VALUES ('a/b', 2026, 'skråstreg', 'SKO1', 'OMR1', NULL, 'udkast', 1),
                                      ('a_b', 2026, 'understreg', 'SKO1', 'OMR1', NULL, 'udkast', 1)"
run_lis 0 run monthly --no-rollup --period 2026-03 --agreement a/b a_b --out "$TMP/ab"
assert_eq "$(cd "$TMP/ab/2026-03" && ls ./*.xlsx | sed 's|^\./||' | tr '\n' ' ')" \
    "aftale-a_b-c14cddc0.xlsx aftale-a_b.xlsx " "names of a/b and a_b"
sum_slash=$(sha256sum <"$TMP/ab/2026-03/aftale-a_b-c14cddc0.xlsx")
run_lis 0 run monthly --no-rollup --period 2026-03 --agreement a_b --out "$TMP/ab"
assert_eq "$(sha256sum <"$TMP/ab/2026-03/aftale-a_b-c14cddc0.xlsx")" "$sum_slash" \
    "a run of a_b alone leaves a/b's workbook"
/usr/bin/python3 - "$TMP/ab/2026-03" <<'PY' || fail "each workbook holds its own agreement"
import sys, openpyxl
d = sys.argv[1]
for f, name in (("aftale-a_b.xlsx", "understreg"), ("aftale-a_b-c14cddc0.xlsx", "skråstreg")):
    wb = openpyxl.load_workbook(f"{d}/{f}", read_only=True)
    text = " ".join(str(c) for row in wb.worksheets[0].iter_rows(values_only=True)
                    for c in row if c is not None)
    assert name in text, (f, text[:300])
PY
ok "a/b and a_b keep their own files in full and partial runs"

# --- an id of 300 characters (issue 12, defect 3): a bounded name, and
# everyone else's reports are written too
long=$(printf 'L%.0s' $(seq 300))
sql "INSERT INTO lis.agreement VALUES ('$long', 2026, 'lang', 'SKO1', 'OMR1', NULL, 'udkast', 1)"
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$TMP/long"
[ -s "$TMP/long/2026-03/aftale-$(printf 'L%.0s' $(seq 64))-$(printf %s "$long" | sha256sum | cut -c1-8).xlsx" ] ||
    { ls "$TMP/long/2026-03"; fail "the long id's workbook"; }
[ -s "$TMP/long/2026-03/aftale-A1.xlsx" ] || fail "others' workbooks beside a long id"
for f in "$TMP/long/2026-03"/*; do
    [ "$(basename "$f" | wc -c)" -le 256 ] || fail "name longer than NAME_MAX: $f"
done
ok "an id of 300 characters gets a bounded name and stops no one's report"

# --- usage
run_lis 1 run quarterly --period 2026-03 --out "$out"
assert_grep 'is not a quarter' "$TMP/err"
run_lis 1 run monthly --no-rollup --period 2026-Q1
run_lis 1 run monthly --no-rollup --year 2026
run_lis 1 run annual --no-rollup --year 26
run_lis 1 run status --no-rollup --year 2026 --as-of 2025-06
run_lis 1 run monthly --no-rollup --period 2026-03 --lang de
run_lis 1 run weekly --period 2026-03
ok "usage errors exit 1"

# --- without --no-rollup a run first brings the year's rollup up to date
run_lis 0 run annual --year 2026 --out "$out"
assert_eq "$(sql "SELECT count(*) FROM lis.run WHERE kind = 'rollup' AND status = 'ok'")" 1 \
    "rollups after a run on changed data"
run_lis 0 run annual --year 2026 --out "$out"
assert_eq "$(sql "SELECT count(*) FROM lis.run WHERE kind = 'rollup'")" 1 \
    "rollups after a run on unchanged data"
ok "a run brings the rollup up to date, once"
