# sql/roles.sql: the reporter reads the interface lis_api and nothing of lis;
# the loader writes.
. "$(dirname "$0")/../lib.sh"
new_db
run_lis 0 db init
psql -XAtq -v ON_ERROR_STOP=1 -d "$TEST_DB" -f "$LIS_SOURCE_DIR/sql/roles.sql" >/dev/null
sql "DROP ROLE IF EXISTS lis_t_rep_$$; DROP ROLE IF EXISTS lis_t_load_$$;
     CREATE ROLE lis_t_rep_$$ IN ROLE lis_reporter; CREATE ROLE lis_t_load_$$ IN ROLE lis_loader"
trap 'sql "DROP OWNED BY lis_t_rep_$$, lis_t_load_$$; DROP ROLE lis_t_rep_$$; DROP ROLE lis_t_load_$$" || true; cleanup' EXIT

sql "SET ROLE lis_t_rep_$$; SELECT count(*) FROM lis_api.units" >/dev/null ||
    fail "reporter cannot read lis_api"
sql "SET ROLE lis_t_rep_$$; SELECT count(*) FROM lis_api.findings" >/dev/null ||
    fail "reporter cannot read the findings"
if sql "SET ROLE lis_t_rep_$$; SELECT count(*) FROM lis.unit" 2>/dev/null; then
    fail "reporter could read a table of lis"
fi
if sql "SET ROLE lis_t_rep_$$; INSERT INTO lis.unit VALUES ('K','K',NULL,'kommune',NULL,NULL)" 2>/dev/null; then
    fail "reporter could write"
fi
sql "SET ROLE lis_t_load_$$; INSERT INTO lis.unit VALUES ('K','K',NULL,'kommune',NULL,NULL)" \
    || fail "loader cannot write"
if sql "SET ROLE lis_t_load_$$; DROP TABLE lis.unit" 2>/dev/null; then
    fail "loader could drop a table"
fi
ok "reporter reads lis_api only; loader writes but cannot change the schema"

# A view the interface step creates anew (a migration had to drop it) comes
# back with the reporter's grant: lis db init re-applies sql/api/ when the
# database holds another text of it.
sql "DROP VIEW lis_api.units CASCADE; UPDATE lis.api_state SET md5 = 'stale'"
run_lis 0 db init
sql "SET ROLE lis_t_rep_$$; SELECT count(*) FROM lis_api.units" >/dev/null ||
    fail "the re-created view lost the reporter's grant"
ok "re-created views keep the reporter's grants"
