# Connector profiles from any build (issue 11): the shipped profiles are built
# in, so --profile opus works from the build tree with no install and an
# empty HOME, and from an install prefix; a file of the same name in
# $LIS_CONNECTORS, the user's folder or beside lis.conf overrides one; and
# lis import --list-profiles says where each comes from.
. "$(dirname "$0")/../lib.sh"
D=$LIS_SOURCE_DIR/tests/data/connectors
unset LIS_CONNECTORS XDG_CONFIG_HOME LIS_CONFIG
export HOME=$TMP/home LIS_HOME=$TMP/home/lis
mkdir -p "$HOME"
new_db
run_lis 0 db init
import_catalogue

# The build tree: nothing installed, nothing in HOME.
run_lis 0 import --list-profiles
assert_grep '^name +kind +source +description$' "$TMP/out"
assert_grep '^opus +budget +built-in +KMD Opus \(SAP\) budget follow-up export$' "$TMP/out"
assert_grep '^statbank +measurements +built-in +Danmarks Statistik StatBank CSV$' "$TMP/out"
assert_eq "$(grep -c ' built-in ' "$TMP/out")" "$(ls "$LIS_SOURCE_DIR"/config/connectors/*.conf | wc -l)" \
    "every shipped profile listed as built-in"
run_lis 0 import budget "$D/opus-budget.csv" --profile opus
assert_grep "3 rows read, 3 loaded, 1 skipped" "$TMP/out"
assert_eq "$(sql "SELECT profile FROM lis.import_batch ORDER BY batch_id DESC LIMIT 1")" opus "profile recorded"
run_lis 1 import budget "$D/opus-budget.csv" --profile nosuch
assert_grep 'unknown profile "nosuch"' "$TMP/err"
assert_grep 'no built-in profile of that name' "$TMP/err"
ok "built-in profiles from the build tree"

# An install prefix: the installed binary finds the same profiles.
cmake --install "$LIS_BUILD_DIR" --prefix "$TMP/p" >"$TMP/install.log" || { cat "$TMP/install.log"; fail "cmake --install"; }
[ -x "$TMP/p/bin/lis" ] || fail "no bin/lis under the prefix"
outside=$(grep -v "^$TMP/p/" "$LIS_BUILD_DIR/install_manifest.txt" || true)
[ -z "$outside" ] || fail "cmake --install --prefix wrote outside the prefix: $outside"
[ -f "$TMP/p/etc/lis/lis.conf" ] || fail "no etc/lis/lis.conf under the prefix"
[ -f "$TMP/p/share/lis/connectors/opus.conf" ] || fail "no copy of the profiles under share/lis"
[ -f "$TMP/p/share/lis/sql/migrations/001_schema.sql" ] || fail "no SQL under share/lis"
[ -f "$TMP/p/share/man/man1/lis-import.1.gz" ] || fail "no manual pages under share/man"
sql "DELETE FROM lis.budget_line"
LIS=$TMP/p/bin/lis run_lis 0 import budget "$D/prisme-budget.csv" --profile prisme
got=$(sql "SELECT string_agg(year || '-' || month || ':' || cost_centre || ':' || budget, ' ' ORDER BY line_no) FROM lis.budget_line")
assert_eq "$got" "2026-1:100100:1000.00 2026-2:Børnehærvå:2000.00" "prisme rows from an install"
ok "built-in profiles from an install prefix"

# Overrides: the user's folder, then $LIS_CONNECTORS before it, and the
# connectors/ folder beside the config file in use.
user=$HOME/.config/lis/connectors
mkdir -p "$user"
printf '[profile]\nkind = measurements\ndescription = my own opus\n' >"$user/opus.conf"
run_lis 0 import --list-profiles
assert_grep "^opus +measurements +$user/opus.conf +my own opus$" "$TMP/out"
run_lis 1 import budget "$D/opus-budget.csv" --profile opus --force
assert_grep 'profile "opus" imports measurements, not budget' "$TMP/err"
export XDG_CONFIG_HOME=$TMP/xdg
mkdir -p "$XDG_CONFIG_HOME/lis/connectors"
sed 's/^description = .*/description = opus of XDG_CONFIG_HOME/' \
    "$LIS_SOURCE_DIR/config/connectors/opus.conf" >"$XDG_CONFIG_HOME/lis/connectors/opus.conf"
run_lis 0 import --list-profiles
assert_grep "^opus +budget +$XDG_CONFIG_HOME/lis/connectors/opus.conf +opus of XDG_CONFIG_HOME$" "$TMP/out"
run_lis 0 import budget "$D/opus-budget.csv" --profile opus --force
assert_grep "3 rows read, 3 loaded, 1 skipped" "$TMP/out"
mkdir -p "$TMP/env"
printf '[profile]\nkind = units\ndescription = from LIS_CONNECTORS\n' >"$TMP/env/opus.conf"
printf '[profile]\nkind = units\ndescription = a profile of my own\n' >"$TMP/env/egne.conf"
LIS_CONNECTORS=$TMP/env run_lis 0 import --list-profiles
assert_grep "^opus +units +$TMP/env/opus.conf +from LIS_CONNECTORS$" "$TMP/out"
assert_grep "^egne +units +$TMP/env/egne.conf +a profile of my own$" "$TMP/out"
assert_grep '^prisme +budget +built-in ' "$TMP/out"
LIS_CONNECTORS=$TMP/env run_lis 1 import budget "$D/opus-budget.csv" --profile opus --force
assert_grep 'profile "opus" imports units, not budget' "$TMP/err"
unset XDG_CONFIG_HOME
rm -r "$user"
mkdir -p "$TMP/conf/connectors"
: >"$TMP/conf/lis.conf"
printf '[profile]\nkind = goals\ndescription = beside lis.conf\n' >"$TMP/conf/connectors/prisme.conf"
run_lis 0 --config "$TMP/conf/lis.conf" import --list-profiles
assert_grep "^prisme +goals +$TMP/conf/connectors/prisme.conf +beside lis.conf$" "$TMP/out"
assert_grep '^opus +budget +built-in ' "$TMP/out"
run_lis 1 --config "$TMP/conf/lis.conf" import budget "$D/prisme-budget.csv" --profile prisme --force
assert_grep 'profile "prisme" imports goals, not budget' "$TMP/err"

# A broken override is an error naming the file, in the listing as in use.
printf '[profile]\nkind = budget\nnosuchkey = 1\n' >"$TMP/conf/connectors/prisme.conf"
run_lis 1 --config "$TMP/conf/lis.conf" import --list-profiles
assert_grep "$TMP/conf/connectors/prisme.conf:3: unknown key \"nosuchkey\"" "$TMP/err"
ok "overrides: LIS_CONNECTORS, XDG_CONFIG_HOME, ~/.config, beside lis.conf"
