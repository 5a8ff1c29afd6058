# The native format of SPEC section 2 and the shipped profiles: numbers,
# periods, encodings, BOM, CRLF, delimiters, quoting, aliases, title lines,
# "I alt" lines and "..".
. "$(dirname "$0")/../lib.sh"
D=$LIS_SOURCE_DIR/tests/data/connectors
export LIS_CONNECTORS=$LIS_SOURCE_DIR/config/connectors
new_db
run_lis 0 db init
import_catalogue
assert_eq "$(sql "SELECT name FROM lis.unit WHERE unit_id = 'BUV'")" "Børn og Unge" "æøå in UTF-8"
assert_eq "$(sql "SELECT first_year || '-' || last_year FROM lis.goal WHERE goal_id = 'G1'")" "2026-2026" \
    "goal years default to the agreement's"
assert_eq "$(sql "SELECT string_agg(agreement_id, ' ' ORDER BY agreement_id) FROM lis.goal_share WHERE goal_id = 'G2'")" \
    "UA-BUV UA-SKO XX" "shared_with kept as listed"
assert_eq "$(sql "SELECT count(*) FROM lis.cost_centre WHERE unit_id IS NULL")" 1 "a cost centre with no unit"
ok "catalogue"

# Every native period form; a quarterly and a yearly value; ".." is no value.
run_lis 0 import measurements "$D/measurements.csv"
got=$(sql "SELECT string_agg(indicator_id || ':' || unit_id || ':' || period || ':' || first_month || '-' || last_month || ':' || coalesce(value::text, 'NULL'), ' ' ORDER BY indicator_id, unit_id) FROM lis.measurement")
assert_eq "$got" "arbejdsdage:SKO1:2026-03:3-3:500 arbejdsdage:SKO2:2026-03:3-3:500 karakter:SKO1:2026:1-12:7.2 sygedage:SKO1:2026-03:3-3:30 sygedage:SKO2:2026-03:3-3:25 trivsel:SKO1:2026-Q1:1-3:3.8 trivsel:SKO2:2026-Q1:1-3:NULL" \
    "canonical periods and values"
ok "measurements: every period form, '..' is no value"

# Numbers: decimal comma, thousands dots, trailing minus, parentheses, spaces;
# function codes 32201 -> 3.22.01; leading zeros kept; BOM; CRLF; an empty
# line; Danish aliases in mixed case; an unknown extra column.
printf '\xef\xbb\xbfPeriode;Omkostningssted;FUNKTION; Art ;Korrigeret_Budget;Forbrug;Oprindeligt_budget;Bemærkning\r\n' >"$TMP/b.csv"
printf '2026-01;100100;32201;0042;1.234,50;1.234,50-;1 000;x\r\n\r\n' >>"$TMP/b.csv"
printf '2026;100200;3.22.01;;(99,5);-7;;\r\n' >>"$TMP/b.csv"
printf '2026-02;100300;32201;1;..;;12.000.000;\r\n' >>"$TMP/b.csv"
printf '2026-02;777;32201;1;1;2;3;\r\n' >>"$TMP/b.csv"
run_lis 0 import budget "$TMP/b.csv"
assert_grep "batch [0-9]+: 4 rows read, 4 loaded" "$TMP/out"
assert_grep "2 rows on cost centres with no unit \(ikke-fordelt\)" "$TMP/out"
got=$(sql "SELECT string_agg(line_no || ':' || year || ':' || coalesce(month::text, 'Y') || ':' || cost_centre || ':' || function || ':' || account || ':' || coalesce(budget::text, 'NULL') || ':' || coalesce(actual::text, 'NULL') || ':' || coalesce(original_budget::text, 'NULL'), ' ' ORDER BY line_no) FROM lis.budget_line")
assert_eq "$got" "2:2026:1:100100:3.22.01:0042:1234.50:-1234.50:1000 4:2026:Y:100200:3.22.01::-99.5:-7:NULL 5:2026:2:100300:3.22.01:1:NULL:NULL:12000000 6:2026:2:777:3.22.01:1:1:2:3" \
    "budget lines"
ok "numbers, function codes, BOM, CRLF, aliases, unallocated rows"

# A comma file (decimal point) and a TAB file (decimal comma); a quoted
# delimiter and a quoted line break inside a name.
printf 'unit_id,name,parent_id,kind\nX1,"Skole, Nord",SKO,institution\nX2,"To\nlinjer",SKO,institution\nX3,Tredje,SKO,institution\n' >"$TMP/u.csv"
run_lis 0 import units "$TMP/u.csv"
assert_eq "$(sql "SELECT name FROM lis.unit WHERE unit_id = 'X1'")" "Skole, Nord" "quoted delimiter"
assert_eq "$(sql "SELECT name = E'To\nlinjer' FROM lis.unit WHERE unit_id = 'X2'")" t "quoted line break"
printf 'unit_id,name,parent_id,kind\nX4,Fjerde,SKO,institution\nX5,"Femte,SKO,institution\n' >"$TMP/u2.csv"
run_lis 2 import units "$TMP/u2.csv"
assert_grep 'u2.csv:3: a quoted field is not closed' "$TMP/err"
printf 'period,cost_centre,function,account,budget,actual\n2026-01,100100,32201,1,"1,234.5",-2.5\n' >"$TMP/c.csv"
run_lis 0 import budget "$TMP/c.csv"
printf 'period\tcost_centre\tfunction\taccount\tbudget\tactual\n2026-03\t100100\t32201\t1\t1.234,5\t2,5-\n' >"$TMP/t.csv"
run_lis 0 import budget "$TMP/t.csv"
assert_eq "$(sql "SELECT string_agg(budget || '/' || actual, ' ' ORDER BY batch_id) FROM lis.budget_line WHERE month IN (1, 3) AND account = '1'")" \
    "1234.5/-2.5 1234.5/-2.5" "comma and TAB files"
ok "delimiters: comma, TAB, quoted delimiter and line break"

# windows-1252 through a profile, and a UTF-8 file with a stray windows-1252 byte.
printf '[profile]\nkind = units\nencoding = windows-1252\n' >"$TMP/cp.conf"
printf 'unit_id;name;parent_id;kind\nW1;K\xf8ge \xc6bler \xe5;SKO;institution\n' >"$TMP/w.csv"
run_lis 0 import units "$TMP/w.csv" --profile "$TMP/cp.conf"
assert_eq "$(sql "SELECT name FROM lis.unit WHERE unit_id = 'W1'")" "Køge Æbler å" "windows-1252"
printf 'unit_id;name;parent_id;kind\nW2;K\xf8ge;SKO;institution\n' >"$TMP/w2.csv"
run_lis 2 import units "$TMP/w2.csv"
assert_grep 'w2.csv:2: byte 0xf8 is not valid UTF-8' "$TMP/err"
ok "encodings"

# Profiles: opus (title lines, trailing minus, dd.mm.yyyy, "I alt"), prisme
# (windows-1252, yyyymm), statbank (BOM, 2026K1, "..", indicator from the file name).
sql "DELETE FROM lis.budget_line"
run_lis 0 import budget "$D/opus-budget.csv" --profile opus
assert_grep "3 rows read, 3 loaded, 1 skipped" "$TMP/out"
assert_grep "1 row on cost centres with no unit" "$TMP/out"
got=$(sql "SELECT string_agg(line_no || ':' || year || '-' || month || ':' || cost_centre || ':' || function || ':' || account || ':' || coalesce(budget::text, 'NULL') || ':' || coalesce(actual::text, 'NULL') || ':' || coalesce(original_budget::text, 'NULL'), ' ' ORDER BY line_no) FROM lis.budget_line")
assert_eq "$got" "5:2026-1:100100:3.22.01:1.0:1000000.00:-987654.32:1000000.00 6:2026-2:100200:3.22.01:2.0:-2500.50:-100.00:NULL 7:2026-2:999999:3.22.01:2.0:10.00:NULL:NULL" \
    "opus rows"
sql "DELETE FROM lis.budget_line"
run_lis 0 import budget "$D/prisme-budget.csv" --profile prisme
got=$(sql "SELECT string_agg(year || '-' || month || ':' || cost_centre || ':' || account || ':' || budget || ':' || actual, ' ' ORDER BY line_no) FROM lis.budget_line")
assert_eq "$got" "2026-1:100100:Lønninger:1000.00:900.50 2026-2:Børnehærvå:Ændring:2000.00:-50.25" "prisme rows"
run_lis 0 import measurements "$D/statbank/trivsel.csv" --profile statbank
got=$(sql "SELECT string_agg(unit_id || ':' || period || ':' || coalesce(value::text, 'NULL'), ' ' ORDER BY unit_id, period) FROM lis.measurement WHERE indicator_id = 'trivsel'")
assert_eq "$got" "SKO1:2026-Q1:4.1 SKO1:2026-Q2:3.9 SKO2:2026-Q1:NULL" "statbank rows"
ok "profiles opus, prisme, statbank"

# Every generic profile reads the native files of its kind.
for k in units cost-centres indicators agreements goals; do
    run_lis 0 import "$k" "$D/$k.csv" --profile "$k" --force
done
run_lis 1 import units "$D/units.csv" --profile budget
assert_grep 'profile "budget" imports budget, not units' "$TMP/err"
run_lis 1 import units "$D/units.csv" --profile nosuch
assert_grep 'unknown profile "nosuch"' "$TMP/err"
ok "generic profiles"
