# rollup_analyze - a rollup after fresh imports ANALYZEs the input tables
# first (lis_rollup_analyze): budget_line on a second connection beside the
# others, and that ANALYZE must land too (it commits on its own), or every
# later rollup would find the table stale again and the planner would have
# no statistics. budget_line keeps no statistics of the columns that no
# query filters, joins or groups by (migration 008).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../rollup_lib.sh"
new_db
run_lis 0 db init
TABLES="'unit', 'cost_centre', 'account', 'agreement', 'goal', 'goal_share', 'indicator',
        'target', 'measurement', 'budget_line', 'goal_status', 'transfer'"
# no_autovacuum: only lis analyses the input tables of the test database.
no_autovacuum() {
    local t
    for t in $(sql "SELECT relname FROM pg_class WHERE relnamespace = 'lis'::regnamespace
                       AND relname IN ($TABLES)"); do
        sql "ALTER TABLE lis.$t SET (autovacuum_enabled = false)"
    done
}
no_autovacuum
import_dir "$LIS_SOURCE_DIR/tests/data/rollup-cases"

# analysed: the input tables that lis has ANALYZEd since their changes.
analysed() {
    sql "SELECT count(*) FROM pg_stat_user_tables
          WHERE schemaname = 'lis' AND relname IN ($TABLES)
            AND last_analyze IS NOT NULL AND n_mod_since_analyze = 0"
}
assert_eq "$(sql "SELECT last_analyze IS NULL FROM pg_stat_user_tables
                   WHERE relid = 'lis.budget_line'::regclass")" t "budget_line not analysed yet"
run_lis 0 rollup --year 2026
assert_eq "$(analysed)" 12 "every input table analysed by the rollup"
assert_eq "$(sql "SELECT string_agg(attname, ' ' ORDER BY attname) FROM pg_stats
                   WHERE schemaname = 'lis' AND tablename = 'budget_line'")" \
    "account batch_id cost_centre function month year" "the statistics of budget_line"
ok "the rollup analysed the 12 input tables, budget_line on its second connection"

# A second rollup finds nothing stale: no ANALYZE runs again.
before=$(sql "SELECT analyze_count FROM pg_stat_user_tables WHERE relid = 'lis.budget_line'::regclass")
run_lis 0 rollup --year 2026 --full
assert_eq "$(sql "SELECT analyze_count FROM pg_stat_user_tables
                   WHERE relid = 'lis.budget_line'::regclass")" "$before" "no second ANALYZE"
ok "the next rollup analyses nothing"

# measurement and budget_line are analysed from a sample for a statistics
# target of 10 (migration 012): their columns keep at most 11 histogram
# bounds, where 500 distinct values would give 101 with the default.
new_db sample
run_lis 0 db init
import_dir "$LIS_SOURCE_DIR/tests/data/rollup-cases"
sql "INSERT INTO lis.budget_line (batch_id, line_no, year, month, cost_centre, function)
     SELECT (SELECT max(batch_id) FROM lis.import_batch), g, 2026, 1 + g % 12,
            'CC' || g, 'F' || g
       FROM generate_series(1, 500) g"
sql "INSERT INTO lis.measurement (indicator_id, unit_id, period, year, first_month,
                                  last_month, value, batch_id)
     SELECT m.indicator_id, m.unit_id, (1900 + g)::text, 1900 + g, 1, 12, g, m.batch_id
       FROM (SELECT * FROM lis.measurement LIMIT 1) m CROSS JOIN generate_series(0, 499) g"
sql "ANALYZE lis.measurement, lis.budget_line"
assert_eq "$(sql "SELECT string_agg(tablename || '.' || attname || ' '
                                    || array_length(histogram_bounds, 1), ', '
                                    ORDER BY tablename, attname)
                    FROM pg_stats WHERE schemaname = 'lis'
                     AND attname IN ('cost_centre', 'function', 'period', 'value')")" \
    "budget_line.cost_centre 11, budget_line.function 11, measurement.period 11, measurement.value 11" \
    "histograms of a statistics target of 10"
ok "measurement and budget_line are analysed from a small sample"

# A role that may hold one connection only: lis ready analyses every stale
# table on that one, budget_line with the rest.
one=lis_t_one_$$
sql "DROP ROLE IF EXISTS $one; CREATE ROLE $one LOGIN CONNECTION LIMIT 1 PASSWORD 'one-$$'"
# The role goes after cleanup has dropped the databases (one of them is its).
trap 'cleanup; psql -XAtq -d postgres -c "DROP ROLE IF EXISTS $one" >/dev/null 2>&1 || true' EXIT
new_db one
sql "ALTER DATABASE $TEST_DB OWNER TO $one"
export LIS_DB="dbname=$TEST_DB user=$one password=one-$$"
run_lis 0 db init
import_dir "$LIS_SOURCE_DIR/tests/data/rollup-cases"
no_autovacuum
sql "SELECT pg_stat_reset()" >/dev/null
code=0
"$LIS" ready --period 2026-12 >"$TMP/out" 2>"$TMP/err" || code=$?
[ "$code" -le 2 ] || { cat "$TMP/err"; fail "lis ready with one connection exited $code"; }
assert_eq "$(analysed)" 12 "every input table analysed on the one connection"
ok "one connection: lis ready analyses budget_line with the rest"
