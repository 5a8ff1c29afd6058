# The analysts' clients: Excel and Power BI reach PostgreSQL through ODBC.
# Through Debian's psqlODBC driver (odbc-postgresql) and unixODBC's isql, a
# login in the role lis_reporter reads every view of lis_api with the rows
# the database holds, gets the figures of lis show, and is refused a write
# and a table of lis.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../rollup_lib.sh"
command -v isql >/dev/null || skip "no isql (unixodbc)"
odbcinst -q -d -n "PostgreSQL Unicode" >/dev/null 2>&1 || skip "no psqlODBC driver (odbc-postgresql)"
new_db
run_lis 0 db init
import_dir "$LIS_SOURCE_DIR/tests/data/rollup-worked-example"
run_lis 0 rollup --year 2026
psql -XAtq -v ON_ERROR_STOP=1 -d "$TEST_DB" -f "$LIS_SOURCE_DIR/sql/roles.sql" >/dev/null
user=lis_t_odbc_$$
pass=odbc-$$-$RANDOM
sql "DROP ROLE IF EXISTS $user; CREATE ROLE $user LOGIN PASSWORD '$pass' IN ROLE lis_reporter"
trap 'sql "DROP ROLE IF EXISTS $user" || true; cleanup' EXIT

# A DSN as README "Analysing in Excel and Power BI" describes it, in a file of
# the test's own (ODBCINI), never in ~/.odbc.ini. ReadOnly = 0: the database
# itself must refuse the writes, not the driver.
host=${PGHOST:-localhost}
case $host in /*) host=localhost ;; esac # ODBC clients connect over TCP
cat >"$TMP/odbc.ini" <<INI
[lis]
Driver = PostgreSQL Unicode
Servername = $host
Port = ${PGPORT:-5432}
Database = $TEST_DB
SSLmode = prefer
ReadOnly = 0
INI
export ODBCINI=$TMP/odbc.ini

# odbc SQL: runs one statement through isql as the reporter (isql takes a
# statement a line); isql exits 0 even when it fails: callers read the output.
odbc() { printf '%s\n' "$1" | tr '\n' ' ' | isql -b -v -c -d';' lis "$user" "$pass" 2>&1; }

odbc "SELECT 1 AS one" >"$TMP/one"
assert_eq "$(cat "$TMP/one")" "one
1" "a query through ODBC"
ok "the reporter connects through the ODBC driver"

views=$(grep -v '^#' "$LIS_SOURCE_DIR/tests/data/api/columns.txt" | grep '|1|' | cut -d'|' -f1)
n=0
for v in $views; do
    odbc "SELECT count(*) AS n FROM lis_api.$v" >"$TMP/count"
    want=$(sql "SELECT count(*) FROM lis_api.$v")
    assert_eq "$(tail -n +2 "$TMP/count")" "$want" "rows of lis_api.$v through ODBC"
    # every column arrives: the header names them in order
    odbc "SELECT * FROM lis_api.$v LIMIT 1" >"$TMP/row"
    cols=$(grep -v '^#' "$LIS_SOURCE_DIR/tests/data/api/columns.txt" | awk -F'|' -v v="$v" '$1 == v { print $3 }' | paste -sd';')
    assert_eq "$(head -1 "$TMP/row")" "$cols" "columns of lis_api.$v through ODBC"
    if grep -q 'ERROR' "$TMP/row"; then cat "$TMP/row"; fail "reading lis_api.$v"; fi
    n=$((n + 1))
done
[ "$n" -ge 17 ] || fail "only $n views"
[ "$(sql "SELECT count(*) FROM lis_api.attainment")" -gt 0 ] || fail "no attainment rows to read"
ok "the reporter reads all $n views of lis_api through ODBC"

# The worked example through ODBC: the figures of lis show attainment.
odbc "SELECT actual, target, attainment, status FROM lis_api.attainment
       WHERE agreement_id = 'UA-EKS' AND indicator_id = 'sygefravaer' AND period = '2026-03'" \
    >"$TMP/fig"
assert_eq "$(tail -n +2 "$TMP/fig")" "5.5;5.75;200;green" "the worked example through ODBC"
ok "figures through ODBC are those of lis show"

refused() { # refused WHAT SQL: the statement fails with SQLSTATE 42501
    odbc "$2" >"$TMP/refused"
    grep -q '^\[42501\]' "$TMP/refused" || { cat "$TMP/refused"; fail "$1 was not refused"; }
}
refused "a write to a view" "INSERT INTO lis_api.units (unit_id, name, kind) VALUES ('X', 'X', 'kommune')"
refused "an update of a view" "UPDATE lis_api.indicators SET decimals = 3"
refused "reading a table of lis" "SELECT count(*) FROM lis.agreement"
refused "reading lis.rollup_indicator" "SELECT count(*) FROM lis.rollup_indicator"
refused "a write to a table of lis" "DELETE FROM lis.measurement"
refused "creating a table" "CREATE TABLE lis_api.mine (a int)"
assert_eq "$(sql "SELECT count(*) FROM lis.measurement") $(sql "SELECT status FROM lis.agreement WHERE agreement_id = 'UA-EKS'")" \
    "$(sql "SELECT count(*) FROM lis_api.measurements") godkendt" "data unchanged"
ok "the reporter is refused writes and the tables of lis"

# lis itself as the reporter: the schema version comes from lis_api.about,
# the figures from the views, the same as the owner sees.
run_lis 0 show attainment --period 2026-03 --format csv
cp "$TMP/out" "$TMP/owner.csv"
rep="host=$host port=${PGPORT:-5432} dbname=$TEST_DB user=$user password=$pass"
run_lis 0 --db "$rep" show attainment --period 2026-03 --format csv
cmp -s "$TMP/owner.csv" "$TMP/out" || { diff "$TMP/owner.csv" "$TMP/out"; fail "lis show as the reporter"; }
assert_grep 'no permission to roll up' "$TMP/err"
ok "lis show runs as the reporter"
