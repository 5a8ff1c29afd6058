# sql/roles.sql: the reporter reads but cannot write; the loader writes.
. "$(dirname "$0")/../lib.sh"
new_db
run_lis 0 db init
psql -XAtq -v ON_ERROR_STOP=1 -d "$TEST_DB" -f "$LIS_SOURCE_DIR/sql/roles.sql" >/dev/null
sql "DROP ROLE IF EXISTS lis_t_rep_$$; DROP ROLE IF EXISTS lis_t_load_$$;
     CREATE ROLE lis_t_rep_$$ IN ROLE lis_reporter; CREATE ROLE lis_t_load_$$ IN ROLE lis_loader"
trap 'sql "DROP OWNED BY lis_t_rep_$$, lis_t_load_$$; DROP ROLE lis_t_rep_$$; DROP ROLE lis_t_load_$$" || true; cleanup' EXIT

sql "SET ROLE lis_t_rep_$$; SELECT count(*) FROM lis.unit" >/dev/null || fail "reporter cannot read"
if sql "SET ROLE lis_t_rep_$$; INSERT INTO lis.unit VALUES ('K','K',NULL,'kommune',NULL,NULL)" 2>/dev/null; then
    fail "reporter could write"
fi
sql "SET ROLE lis_t_load_$$; INSERT INTO lis.unit VALUES ('K','K',NULL,'kommune',NULL,NULL)" \
    || fail "loader cannot write"
if sql "SET ROLE lis_t_load_$$; DROP TABLE lis.unit" 2>/dev/null; then
    fail "loader could drop a table"
fi
ok "reporter reads only; loader writes but cannot change the schema"
