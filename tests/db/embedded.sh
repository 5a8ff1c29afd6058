# The embedded default: lis db init from an empty LIS_HOME creates, starts and
# migrates a private cluster; again changes nothing; status reports it; stop
# stops it; two lis processes starting at once start it once. As root the
# cluster runs as postgres; the same is then tried as an ordinary user.
. "$(dirname "$0")/../lib.sh"
unset LIS_DB PGHOST PGHOSTADDR PGPORT PGDATABASE PGSERVICE PGUSER PGPASSWORD
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null \
    || skip "no PostgreSQL server programs"

check_cluster() { # USER-PREFIX HOME
    local as=$1 home=$2
    run() { $as env LIS_HOME="$home" "$LIS" "$@"; }
    run db init >"$TMP/out" 2>&1 || { cat "$TMP/out"; fail "db init ($as)"; }
    assert_grep '^applied [0-9]+ migrations?' "$TMP/out"
    run db init >"$TMP/out" 2>&1 || fail "second db init"
    assert_grep '^schema is up to date' "$TMP/out"
    run db status >"$TMP/out" 2>&1 || fail "db status"
    assert_grep '^state: +running$' "$TMP/out"
    assert_grep '^schema: +version [0-9]+' "$TMP/out"
    assert_grep "^data: +$home\$" "$TMP/out"
    # A Unix socket only: the server has no TCP listener.
    local sock; sock=$(sed -n 's/^socket: *\(.*\) (no TCP port)$/\1/p' "$TMP/out")
    assert_eq "$(psql -XAtq -h "$sock" -U lis -d lis -c 'SHOW listen_addresses')" "" "listen_addresses"
    # A running cluster is connected to at once, with no server program run:
    # so even where they are not found.
    $as env LIS_HOME="$home" LIS_PG_BINDIR=/nonexistent "$LIS" batch ls >"$TMP/out" 2>&1 ||
        { cat "$TMP/out"; fail "batch ls on a running cluster ran a server program"; }
    run db stop >"$TMP/out" 2>&1 || fail "db stop"
    assert_grep '^embedded cluster stopped$' "$TMP/out"
    # ... and a stopped one is started by them: without them, no database.
    ! $as env LIS_HOME="$home" LIS_PG_BINDIR=/nonexistent "$LIS" batch ls >"$TMP/out" 2>&1 ||
        fail "batch ls answered with the cluster stopped"
    assert_grep 'pg_ctl' "$TMP/out"
    run db status >"$TMP/out" 2>&1 || fail "db status after stop"
    assert_grep '^state: +stopped$' "$TMP/out"
    run db stop >"$TMP/out" 2>&1 || fail "second db stop"
    assert_grep 'was not running' "$TMP/out"
}

home="$TMP/home"
check_cluster "" "$home"
ok "init, again, status, stop (as $(id -un))"

# Two at once: both succeed and one cluster runs.
home2="$TMP/home2"
LIS_HOME=$home2 "$LIS" db start >"$TMP/a" 2>&1 & a=$!
LIS_HOME=$home2 "$LIS" db init >"$TMP/b" 2>&1 & b=$!
wait $a || { cat "$TMP/a"; fail "first of two concurrent starts"; }
wait $b || { cat "$TMP/b"; fail "second of two concurrent starts"; }
LIS_HOME=$home2 "$LIS" db status >"$TMP/out"
assert_grep '^state: +running$' "$TMP/out"
LIS_HOME=$home2 "$LIS" db stop >/dev/null
ok "two processes starting at once"

if [ "$(id -u)" = 0 ]; then
    assert_eq "$(stat -c %U "$home/cluster/data")" postgres "cluster owner as root"
    # An ordinary user, where the binary is reachable by one.
    if runuser -u nobody -- test -x "$LIS"; then
        uhome=$(mktemp -d /tmp/lis-nobody.XXXXXX)
        chown nobody "$uhome"
        check_cluster "runuser -u nobody --" "$uhome/h"
        rm -rf "$uhome"
        ok "init, again, status, stop (as nobody)"
    else
        echo "note: the build is not reachable by user nobody; ordinary-user run skipped"
    fi
fi
