# import_lib.sh - shared by the import tests of hostile input (after lib.sh).

# db_snapshot: every row of the test database, sorted (lis.schema_version
# aside); db_unchanged WHAT fails when it differs from the snapshot taken by
# db_remember.
db_snapshot() {
    pg_dump --data-only --inserts --exclude-table-data=lis.schema_version -d "$TEST_DB" |
        grep -E '^INSERT' | sort
}
db_remember() { db_snapshot >"$TMP/db-before"; }
db_unchanged() {
    db_snapshot >"$TMP/db-after"
    cmp -s "$TMP/db-before" "$TMP/db-after" ||
        { diff "$TMP/db-before" "$TMP/db-after" | head; fail "$1 changed the database"; }
}

# peak_rss_kb FILE ARGS...: runs lis ARGS under GNU time; the peak resident
# memory in kB goes to FILE, lis's stdout and stderr to $TMP/out, $TMP/err.
# Returns lis's exit status. ASan keeps freed memory in quarantine: a small
# quarantine makes the figure the program's own.
peak_rss_kb() {
    local file=$1; shift
    local rc=0
    ASAN_OPTIONS=${ASAN_OPTIONS:-}:quarantine_size_mb=8 \
        /usr/bin/time -o "$file" -f %M "$LIS" "$@" >"$TMP/out" 2>"$TMP/err" || rc=$?
    sed -i '/^Command exited/d' "$file"
    return $rc
}

# lis_is_asan: whether $LIS is built with AddressSanitizer.
lis_is_asan() { nm -D "$LIS" 2>/dev/null | grep -q __asan_init; }

# import_setup: a database of the test's own with the schema and the
# connector test catalogue, remembered by db_remember.
import_setup() {
    new_db
    run_lis 0 db init
    import_catalogue
    db_remember
}
