# Bad usage exits 1 with a useful message; help and version exit 0; an
# unreachable --db exits 3 with libpq's reason.
. "$(dirname "$0")/../lib.sh"

run_lis 0 --version
assert_grep '^lis [0-9]+\.[0-9]+\.[0-9]+$' "$TMP/out"
run_lis 0 --help
assert_grep '^usage: lis ' "$TMP/out"
run_lis 0 db --help
assert_grep '^usage: lis db ' "$TMP/out"
ok "help and version"

run_lis 1
assert_grep 'no command given' "$TMP/err"
run_lis 1 frobnicate
assert_grep 'unknown command "frobnicate"' "$TMP/err"
run_lis 1 --frob db status
assert_grep 'unknown option "--frob"' "$TMP/err"
run_lis 1 db
assert_grep 'lis db needs an action' "$TMP/err"
run_lis 1 db explode
assert_grep 'unknown action "explode"' "$TMP/err"
run_lis 1 --db
assert_grep 'db needs a connection string' "$TMP/err"
ok "bad usage exits 1"

printf '[thresholds]\nyelow = 80\n' >"$TMP/bad.conf"
run_lis 1 --config "$TMP/bad.conf" db status
assert_grep 'bad.conf:2: unknown setting "yelow" in section \[thresholds\]' "$TMP/err"
run_lis 1 --config "$TMP/missing.conf" db status
assert_grep 'could not open config file' "$TMP/err"
ok "config errors name file and line"

# Nothing listens on this socket folder: libpq's reason is passed on.
run_lis 3 --db "host=$TMP port=1 dbname=x connect_timeout=2" db status
assert_grep 'could not connect to the database: .*' "$TMP/err"
assert_grep 'No such file or directory|Connection refused' "$TMP/err"
run_lis 3 --db "host=$TMP port=1 dbname=x" db init
ok "unreachable --db exits 3"

run_lis 1 --db "hst=localhost" db status
assert_grep 'invalid connection string: invalid connection option "hst"' "$TMP/err"
ok "a malformed --db is a usage error"
