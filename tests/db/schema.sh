# The schema: lis db init on an empty database, again (no change), the
# migration record, and the refusal of a database newer than the binary.
. "$(dirname "$0")/../lib.sh"
new_db

run_lis 0 db init
assert_grep '^applied [0-9]+ migrations?; schema version [0-9]+$' "$TMP/out"
latest=$(sql "SELECT max(version) FROM lis.schema_version")
migrations=$(ls "$LIS_SOURCE_DIR"/sql/migrations/*.sql | wc -l)
assert_eq "$(sql "SELECT count(*) FROM lis.schema_version")" "$migrations" "one record per migration"
assert_eq "$(sql "SELECT name FROM lis.schema_version WHERE version = 1")" \
    "migrations/001_schema.sql" "migration record"
ok "init on an empty database"

for t in import_batch run unit cost_centre account agreement goal goal_share indicator target \
         measurement measurement_history budget_line goal_status transfer rollup_indicator \
         rollup_goal rollup_economy rollup_economy_area rollup_transfer; do
    assert_eq "$(sql "SELECT to_regclass('lis.$t') IS NOT NULL")" t "table lis.$t"
done
ok "every table exists"

pg_dump --schema-only -d "$TEST_DB" | grep -v "^.\(un\)\?restrict" >"$TMP/before.sql"
run_lis 0 db init
assert_grep "^schema is up to date \(version $latest\)$" "$TMP/out"
pg_dump --schema-only -d "$TEST_DB" | grep -v "^.\(un\)\?restrict" >"$TMP/after.sql"
cmp -s "$TMP/before.sql" "$TMP/after.sql" || fail "second init changed the schema"
assert_eq "$(sql "SELECT count(*) FROM lis.schema_version")" "$migrations" "no new record"
ok "second init changes nothing"

# CHECK constraints refuse bad enumerations even through ad hoc SQL.
if sql "INSERT INTO lis.unit VALUES ('X', 'X', NULL, 'planet', NULL, NULL)" 2>/dev/null; then
    fail "a unit of kind 'planet' was accepted"
fi
ok "enumerations are checked"

sql "INSERT INTO lis.schema_version (version, name) VALUES (9999, 'migrations/9999_future.sql')"
run_lis 3 db init
assert_grep 'database schema version 9999 is newer than this lis' "$TMP/err"
run_lis 0 db status
assert_grep "^schema: +version 9999 \(this lis: [0-9]+\)" "$TMP/out"
ok "a newer schema is refused"
