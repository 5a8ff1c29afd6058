#!/usr/bin/env bash
# run_data_stream - the Data sheet's rows stream from the database (several
# fetches of a cursor, in the run's own process with --jobs 1 and in render
# processes on connections of their own with --jobs 2): every measurement
# behind the agreement, in order, none lost or repeated at a fetch's edge,
# and the same workbook either way. 1,000 institutions under the fixture's
# school give agreement A1 about 6,000 Data rows (2,000 rows per fetch).
. "$(dirname "$0")/../lib.sh"
PY=/usr/bin/python3
$PY -c 'import openpyxl' 2>/dev/null || skip "python3-openpyxl is not installed"
report_db
sql "INSERT INTO lis.unit (unit_id, name, parent_id, kind, leader, batch_id)
     SELECT 'X' || lpad(g::text, 4, '0'), 'Enhed ' || g, 'SKO1', 'institution', NULL, 1
     FROM generate_series(1, 1000) g;
     INSERT INTO lis.measurement (indicator_id, unit_id, period, year, first_month,
                                  last_month, value, batch_id)
     SELECT i, 'X' || lpad(g::text, 4, '0'), '2026-0' || m, 2026, m, m,
            CASE WHEN g % 97 = 0 THEN NULL ELSE g * m / 10.0 END, 2
     FROM generate_series(1, 1000) g, generate_series(1, 4) m, (VALUES ('I1'), ('I2')) v (i)" \
    >/dev/null

run_lis 0 run monthly --no-rollup --period 2026-03 --out "$TMP/one" --jobs 1 --no-deliver
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$TMP/two" --jobs 2 --no-deliver
for f in aftale-A1.xlsx aftale-A2.xlsx aftale-D1.xlsx; do
    cmp -s "$TMP/one/2026-03/$f" "$TMP/two/2026-03/$f" ||
        fail "$f differs between --jobs 1 and --jobs 2"
done
ok "the same workbooks whether the run's process or render processes stream the rows"

# what the Data sheet must hold: A1's indicators on every unit below its
# holder FAG1 (all but KOM and DIR), months up to March, in the sheet's order
sql "SELECT indicator_id, unit_id, period, coalesce(value::float8::text, '')
     FROM lis.measurement
     WHERE unit_id NOT IN ('KOM', 'DIR') AND year = 2026 AND last_month <= 3
     ORDER BY indicator_id COLLATE \"C\", unit_id COLLATE \"C\", first_month" \
    | tr '|' '\t' >"$TMP/expected"
[ "$(wc -l <"$TMP/expected")" -gt 4000 ] || fail "the data set is too small to need fetches"
$PY - "$TMP/one/2026-03/aftale-A1.xlsx" >"$TMP/sheet" <<'PY' || fail "reading the Data sheet"
import sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
ws = wb["Data"]
for row in ws.iter_rows(min_row=5, values_only=True):
    if row[0] is None:
        continue
    ind, unit, _, period, _, value = row[:6]
    v = "" if value is None else repr(float(value))
    print("\t".join([ind, unit, period, v]))
PY
# the database prints 1.5 and 2, Python 1.5 and 2.0: compare as numbers
$PY - "$TMP/expected" "$TMP/sheet" <<'PY' || fail "the Data sheet is not the measurements"
import sys
def rows(path):
    out = []
    for line in open(path, encoding="utf-8"):
        ind, unit, period, v = line.rstrip("\n").split("\t")
        out.append((ind, unit, period, float(v) if v else None))
    return out
exp, got = rows(sys.argv[1]), rows(sys.argv[2])
assert len(got) == len(exp), (len(got), len(exp))
for i, (e, g) in enumerate(zip(exp, got)):
    assert e == g, (i, e, g)
PY
ok "the Data sheet holds every measurement behind A1 once, in order ($(wc -l <"$TMP/expected") rows)"
