# rollup_record_fails - a rollup whose run record cannot be written reports
# the failure (exit 3, the reason) and leaves the stored figures as they
# were: the record is written in the rollup's transaction, and a COMMIT
# after a failed statement is a ROLLBACK that PostgreSQL reports as success.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../rollup_lib.sh"
new_db
run_lis 0 db init
import_dir "$LIS_SOURCE_DIR/tests/data/rollup-cases"
run_lis 0 rollup --year 2026
before=$(sql "SELECT count(*), md5(string_agg(t::text, '|' ORDER BY t::text)) FROM lis.rollup_indicator t")
runs=$(sql "SELECT count(*) FROM lis.run WHERE kind = 'rollup'")

# The next successful rollup's record is refused (a trigger stands in for a
# full disk or a broken table); a later batch makes the rollup compute again.
sql "CREATE FUNCTION lis.refuse_run() RETURNS trigger LANGUAGE plpgsql AS
     \$\$ BEGIN IF NEW.status = 'ok' THEN RAISE EXCEPTION 'no room for the run record'; END IF;
     RETURN NEW; END \$\$;
     CREATE TRIGGER refuse_run BEFORE INSERT ON lis.run FOR EACH ROW EXECUTE FUNCTION lis.refuse_run();" >/dev/null
run_lis 3 rollup --year 2026 --full
assert_grep "no room for the run record" "$TMP/err"
assert_eq "$(sql "SELECT count(*), md5(string_agg(t::text, '|' ORDER BY t::text)) FROM lis.rollup_indicator t")" \
    "$before" "the stored figures after the failed rollup"
ok "a rollup whose run record fails exits 3 with the reason, the figures as they were"

sql "DROP TRIGGER refuse_run ON lis.run" >/dev/null
run_lis 0 rollup --year 2026 --full
assert_eq "$(sql "SELECT count(*) FROM lis.run WHERE kind = 'rollup' AND status = 'ok'")" \
    "$((runs + 1))" "ok rollup runs"
ok "once the record can be written, the rollup succeeds"
