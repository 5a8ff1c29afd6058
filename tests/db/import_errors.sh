# Bad input: every error names file, line, column and value; at most 20 are
# printed, then a count; exit 2 and nothing lands (the tables are compared
# before and after); --partial and --dry-run.
. "$(dirname "$0")/../lib.sh"
D=$LIS_SOURCE_DIR/tests/data/connectors
new_db
run_lis 0 db init
import_catalogue
run_lis 0 import measurements "$D/measurements.csv"

snapshot() {
    pg_dump --data-only --inserts --exclude-table-data=lis.schema_version -d "$TEST_DB" |
        grep -E '^INSERT' | sort
}
snapshot >"$TMP/before"
unchanged() {
    snapshot >"$TMP/after"
    cmp -s "$TMP/before" "$TMP/after" || { diff "$TMP/before" "$TMP/after" | head; fail "$1 changed the database"; }
}

# A wrong type: the SPEC's own example.
printf 'period;cost_centre;function;account;budget;actual\n2026-01;100100;32201;1;1;2\n2026-01;100100;32201;1;1;12,3,4\n' >"$TMP/budget.csv"
run_lis 2 import budget "$TMP/budget.csv"
assert_grep "^lis: error: $TMP/budget.csv:3: column 'actual': '12,3,4' is not a number$" "$TMP/err"
assert_grep "1 error; nothing was imported" "$TMP/err"
unchanged "a wrong number"
printf 'indicator_id;unit_id;period;vaerdi\nsygedage;SKO1;2026-04;abc\nsygedage;SKO1;2026-13;1\nsygedage;;2026-05;1\n' >"$TMP/m.csv"
run_lis 2 import measurements "$TMP/m.csv"
assert_grep "m.csv:2: column 'vaerdi': 'abc' is not a number" "$TMP/err"
assert_grep "m.csv:3: column 'period': '2026-13' is not a period" "$TMP/err"
assert_grep "m.csv:4: column 'unit_id': has no value" "$TMP/err"
unchanged "wrong types"
ok "wrong types name file, line, column and value"

# A missing column names the columns the file has.
printf 'period;cost_centre;function;account;budget\n2026-01;100100;32201;1;1\n' >"$TMP/nocol.csv"
run_lis 2 import budget "$TMP/nocol.csv"
assert_grep "nocol.csv:1: column 'actual' \(or 'forbrug'\) is missing" "$TMP/err"
assert_grep "DETAIL: The file has the columns 'period', 'cost_centre', 'function', 'account', 'budget'" "$TMP/err"
printf '[profile]\nkind = budget\n[columns]\nactual = Regnskab\n' >"$TMP/p.conf"
printf 'period;cost_centre;function;account;budget;actual\n2026-01;100100;32201;1;1;1\n' >"$TMP/p.csv"
run_lis 2 import budget "$TMP/p.csv" --profile "$TMP/p.conf"
assert_grep "column 'Regnskab' \(for actual, named by profile p\) is missing" "$TMP/err"
unchanged "a missing column"
ok "a missing column"

# Unknown references.
printf 'indicator_id;unit_id;period;value\nsygedage;NOPE;2026-04;1\nnope;SKO1;2026-04;1\n' >"$TMP/ref.csv"
run_lis 2 import measurements "$TMP/ref.csv"
assert_grep "ref.csv:2: column 'unit_id': 'NOPE' is not a known unit" "$TMP/err"
assert_grep "ref.csv:3: column 'indicator_id': 'nope' is not a known indicator" "$TMP/err"
printf 'goal_id;indicator_id;year;target\nG9;sygedage;2026;5\nG1;nope;2026;5\n' >"$TMP/t.csv"
run_lis 2 import targets "$TMP/t.csv"
assert_grep "t.csv:2: column 'goal_id': 'G9' is not a known goal" "$TMP/err"
assert_grep "t.csv:3: column 'indicator_id': 'nope' is not a known indicator" "$TMP/err"
printf 'goal_id;agreement_id;title;kind\nG9;UA-NOPE;X;eget\n' >"$TMP/g.csv"
run_lis 2 import goals "$TMP/g.csv"
assert_grep "g.csv:2: column 'agreement_id': 'UA-NOPE' is not a known agreement" "$TMP/err"
printf 'goal_id;period;status;comment\nG9;2026-Q1;delvist;x\n' >"$TMP/s.csv"
run_lis 2 import statuses "$TMP/s.csv"
assert_grep "s.csv:2: column 'goal_id': 'G9' is not a known goal" "$TMP/err"
printf 'indicator_id;name;direction;aggregation;numerator;denominator;frequency\nr1;R;op;ratio;sygedage;;maaned\nr2;R;op;ratio;sygedage;sygefravaer;maaned\nr3;R;op;ratio;sygedage;nope;maaned\nr4;R;op;sum;sygedage;;maaned\n' >"$TMP/i.csv"
run_lis 2 import indicators "$TMP/i.csv"
assert_grep "i.csv:2: column 'denominator': is missing" "$TMP/err"
assert_grep "i.csv:3: column 'denominator': 'sygefravaer' is itself a ratio indicator" "$TMP/err"
assert_grep "i.csv:4: column 'denominator': 'nope' is not a known indicator" "$TMP/err"
assert_grep "i.csv:5: column 'numerator': 'sygedage' is given, but the indicator's aggregation is not ratio" "$TMP/err"
printf 'unit_id;name;parent_id;kind\nU1;U;NOPE;institution\n' >"$TMP/u.csv"
run_lis 2 import units "$TMP/u.csv"
assert_grep "u.csv:2: column 'parent_id': 'NOPE' is not a known unit" "$TMP/err"
printf 'unit_id;name;parent_id;kind\nC1;C;C2;institution\nC2;C;C1;institution\nSKO;S;SKO1;omraade\n' >"$TMP/cyc.csv"
run_lis 2 import units "$TMP/cyc.csv"
assert_grep "cyc.csv:2: column 'parent_id': 'C2' makes a cycle" "$TMP/err"
assert_grep "cyc.csv:3: column 'parent_id': 'C1' makes a cycle" "$TMP/err"
assert_grep "cyc.csv:4: column 'parent_id': 'SKO1' makes a cycle" "$TMP/err"
unchanged "unknown references"
ok "unknown references"

# A period not of the indicator's frequency; values of a ratio indicator are
# ignored with a warning (the rest lands).
printf 'indicator_id;unit_id;period;value\ntrivsel;SKO1;2026-04;1\nkarakter;SKO1;2026-Q1;1\nsygedage;SKO1;2026;1\n' >"$TMP/f.csv"
run_lis 2 import measurements "$TMP/f.csv"
assert_grep "f.csv:2: column 'period': '2026-04' is not a quarter \(indicator trivsel has frequency kvartal\)" "$TMP/err"
assert_grep "f.csv:3: column 'period': '2026-Q1' is not a year" "$TMP/err"
assert_grep "f.csv:4: column 'period': '2026' is not a month" "$TMP/err"
unchanged "periods of another frequency"
printf 'indicator_id;unit_id;period;value\nsygefravaer;SKO1;2026-04;5,5\nsygedage;SKO1;2026-04;7\n' >"$TMP/ratio.csv"
run_lis 0 import measurements "$TMP/ratio.csv"
assert_grep "warning: .*ratio.csv:2: column 'indicator_id': 'sygefravaer' is a ratio indicator" "$TMP/err"
assert_grep "2 rows read, 1 loaded, 1 ignored" "$TMP/out"
assert_eq "$(sql "SELECT count(*) FROM lis.measurement WHERE indicator_id = 'sygefravaer'")" 0 "ratio values"
assert_eq "$(sql "SELECT value FROM lis.measurement WHERE indicator_id = 'sygedage' AND period = '2026-04'")" 7 "the other row"
snapshot >"$TMP/before"
ok "frequency checks; ratio values ignored with a warning"

# Two rows with the same key name both lines (in canonical form: 2026M04 = 2026-04).
printf 'indicator_id;unit_id;period;value\nsygedage;SKO1;2026-05;1\nsygedage;SKO2;2026-05;1\nsygedage;SKO1;2026M05;2\n' >"$TMP/dup.csv"
run_lis 2 import measurements "$TMP/dup.csv"
assert_grep "dup.csv:4: column 'period': '2026-05' is a duplicate key \(also on line 2\)" "$TMP/err"
# The primary key finds them (import_measurements_duplicates.sql names
# them then), also for a key already stored, and beside other errors.
printf 'indicator_id;unit_id;period;value\nsygedage;SKO1;2026-04;8\nsygedage;SKO1;2026-04;9\n' >"$TMP/dup2.csv"
run_lis 2 import measurements "$TMP/dup2.csv"
assert_grep "dup2.csv:3: column 'period': '2026-04' is a duplicate key \(also on line 2\)" "$TMP/err"
assert_grep "dup2.csv: 1 error; nothing was imported" "$TMP/err"
printf 'indicator_id;unit_id;period;value\nsygedage;XX;2026-05;1\nsygedage;SKO1;2026-05;1\nsygedage;SKO1;2026-05;2\n' >"$TMP/dup3.csv"
run_lis 2 import measurements "$TMP/dup3.csv"
assert_grep "dup3.csv:2: column 'unit_id': 'XX' is not a known unit" "$TMP/err"
assert_grep "dup3.csv:4: column 'period': '2026-05' is a duplicate key \(also on line 3\)" "$TMP/err"
printf 'unit_id;name;parent_id;kind\nU1;A;SKO;institution\n U1 ;B;SKO;institution\nu1;C;SKO;institution\n' >"$TMP/dupu.csv"
run_lis 2 import units "$TMP/dupu.csv"
assert_grep "dupu.csv:3: column 'unit_id': 'U1' is a duplicate key \(also on line 2\)" "$TMP/err"
assert_no_grep "dupu.csv:4" "$TMP/err"
unchanged "duplicate keys"
ok "duplicate keys name both lines (ids trimmed, case-sensitive)"

# A truncated last line (no newline, cut mid-row) and an empty file.
printf 'period;cost_centre;function;account;budget;actual\n2026-01;100100;32201;1;1;2\n2026-01;1001' >"$TMP/cut.csv"
run_lis 2 import budget "$TMP/cut.csv"
assert_grep "cut.csv:3: the line has 2 fields, the header 6: column 'function' is missing" "$TMP/err"
: >"$TMP/empty.csv"
run_lis 2 import budget "$TMP/empty.csv"
assert_grep "empty.csv: the file is empty" "$TMP/err"
printf '\r\n\n' >"$TMP/blank.csv"
run_lis 2 import units "$TMP/blank.csv"
assert_grep "blank.csv: the file is empty" "$TMP/err"
run_lis 2 import budget "$TMP/nosuchfile.csv"
assert_grep "could not open .*nosuchfile.csv" "$TMP/err"
unchanged "a cut-off or empty file"
ok "truncated last line, empty file"

# At most 20 errors are printed, then a count.
{ echo "period;cost_centre;function;account;budget;actual"
  for i in $(seq 1 25); do echo "2026-01;100100;32201;1;x$i;1"; done; } >"$TMP/many.csv"
run_lis 2 import budget "$TMP/many.csv"
assert_eq "$(grep -c "column 'budget': 'x" "$TMP/err")" 20 "errors printed"
assert_grep "many.csv: 5 more errors not shown \(25 in all\)" "$TMP/err"
unchanged "many errors"
ok "20 errors, then a count"

# --dry-run validates and changes nothing; --partial loads the good rows and
# writes the bad ones beside the input, still exiting 2.
printf 'period;cost_centre;function;account;budget;actual\n2026-01;100100;32201;1;1;2\n2026-02;100100;32201;1;1;2\n' >"$TMP/good.csv"
run_lis 0 import budget "$TMP/good.csv" --dry-run
assert_grep "dry run: 2 rows read, 2 would be loaded, 0 rejected; nothing was changed" "$TMP/out"
unchanged "--dry-run"
run_lis 2 import budget "$TMP/many.csv" --dry-run
unchanged "--dry-run of a bad file"
printf 'indicator_id;unit_id;period;value\nsygedage;SKO1;2026-06;1\nsygedage;NOPE;2026-06;1\nsygedage;SKO2;2026-06;1,x\narbejdsdage;SKO2;2026-06;100\n' >"$TMP/part.csv"
run_lis 2 import measurements "$TMP/part.csv" --partial
assert_grep "4 rows read, 2 loaded, 2 rejected" "$TMP/out"
assert_grep "rejected rows written to $TMP/part.csv.rejects.csv" "$TMP/out"
assert_eq "$(cat "$TMP/part.csv.rejects.csv")" "line;column;value;reason
4;value;1,x;is not a number
3;unit_id;NOPE;is not a known unit" "reject file"
assert_eq "$(sql "SELECT string_agg(indicator_id || ':' || unit_id || ':' || value, ' ' ORDER BY indicator_id) FROM lis.measurement WHERE period = '2026-06'")" \
    "arbejdsdage:SKO2:100 sygedage:SKO1:1" "good rows landed"
assert_eq "$(sql "SELECT rows_read || '/' || rows_loaded || '/' || rows_rejected FROM lis.import_batch ORDER BY batch_id DESC LIMIT 1")" \
    "4/2/2" "batch counts"
# A duplicate key, which only the merge finds: left out, and the merge again.
printf 'indicator_id;unit_id;period;value\nsygedage;SKO1;2026-07;3\nsygedage;SKO1;2026-07;4\nsygedage;SKO2;2026-07;5\n' >"$TMP/partdup.csv"
run_lis 2 import measurements "$TMP/partdup.csv" --partial
assert_grep "3 rows read, 2 loaded, 1 rejected" "$TMP/out"
assert_eq "$(tail -n 1 "$TMP/partdup.csv.rejects.csv")" "3;period;2026-07;is a duplicate key (also on line 2)" \
    "the duplicate in the reject file"
assert_eq "$(sql "SELECT string_agg(unit_id || ':' || value, ' ' ORDER BY unit_id) FROM lis.measurement WHERE period = '2026-07'")" \
    "SKO1:3 SKO2:5" "the first of the duplicates and the other row landed"
ok "--dry-run, --partial"
