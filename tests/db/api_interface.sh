# The interface lis_api is a promise: its views and functions, their columns
# and types are those of tests/data/api/columns.txt, so that a change is
# visible and deliberate (then update that file and README "Changes to the
# interface"); every view and column says what it is in English and Danish;
# lis_api holds views only; lis show reads it (lis_api.attainment has the
# rows of lis show attainment).
. "$(dirname "$0")/../lib.sh"
new_db
run_lis 0 db init

want="$LIS_SOURCE_DIR/tests/data/api/columns.txt"
sql "SELECT c.relname || '|' || a.attnum || '|' || a.attname || '|'
            || format_type(a.atttypid, a.atttypmod)
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = 'lis_api'
      ORDER BY c.relname COLLATE \"C\", a.attnum" >"$TMP/columns.txt"
sql "SELECT 'function ' || p.proname || '(' || pg_get_function_identity_arguments(p.oid)
            || ') ' || pg_get_function_result(p.oid)
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'lis_api' ORDER BY 1" >>"$TMP/columns.txt"
if ! grep -v '^#' "$want" | diff -u - "$TMP/columns.txt" >"$TMP/diff"; then
    cat "$TMP/diff" >&2
    fail "lis_api differs from tests/data/api/columns.txt (a deliberate change: update it and README)"
fi
assert_eq "$(grep -c '|1|' "$want")" 17 "views listed"
ok "lis_api has the promised views, columns and types"

assert_eq "$(sql "SELECT string_agg(c.relname || ':' || c.relkind::text, ' ')
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                   WHERE n.nspname = 'lis_api' AND c.relkind <> 'v'")" "" "only views"
# "<English> | Dansk: <Danish>" on the schema, every view and every column
bad=$(sql "SELECT c.relname || coalesce('.' || a.attname, '')
             FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
            WHERE n.nspname = 'lis_api'
              AND coalesce(col_description(c.oid, a.attnum), obj_description(c.oid, 'pg_class'),
                           '') !~ '^[^|]*[A-Za-z][^|]* \| Dansk: .*[a-zæøå]'
           UNION ALL
           SELECT 'schema' WHERE obj_description('lis_api'::regnamespace, 'pg_namespace')
                                 !~ ' \| Dansk: '")
assert_eq "$bad" "" "views and columns without an English and Danish comment"
ok "every view and column is commented in English and Danish"
