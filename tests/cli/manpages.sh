# Manual pages (issue 11): every page built from man/*.scd renders with man
# without a warning; every command in the binary has its page, which names
# every option that "lis COMMAND --help" lists; "lis help COMMAND" prints the
# page's own text.
. "$(dirname "$0")/../lib.sh"
command -v man >/dev/null || skip "no man (man-db)"
M=$LIS_BUILD_DIR/man
export MANWIDTH=80
unset MAN_KEEP_FORMATTING

n=0
for page in "$M"/*.[0-9]; do
    man --warnings -l "$page" >"$TMP/page.txt" 2>"$TMP/warn" || fail "man -l $(basename "$page") failed"
    [ ! -s "$TMP/warn" ] || { cat "$TMP/warn"; fail "man warns about $(basename "$page")"; }
    grep -q '^NAME' "$TMP/page.txt" || fail "$(basename "$page") has no NAME section"
    [ -f "$page.gz" ] || fail "no gzipped $(basename "$page")"
    n=$((n + 1))
done
[ "$n" -ge 13 ] || fail "only $n pages built"
ok "$n pages render without warnings"

# options OUTPUT: the options (--long, -x) named in a --help text.
options() {
    grep -oE -- '(^|[][ ,|(])--?[a-zA-Z][a-zA-Z0-9-]*' "$1" | sed 's/^[^-]*//' | sort -u
}
# mentions PAGE_TEXT OPTION: the rendered page names OPTION as a word.
mentions() { grep -qE -- "(^|[^a-zA-Z0-9-])$2([^a-zA-Z0-9-]|$)" "$1"; }

"$LIS" --help >"$TMP/help"
cmds=$(sed -n '/^Commands:/,/^$/p' "$TMP/help" | awk 'NR > 1 && NF { print $1 }')
[ -n "$cmds" ] || fail "no commands in lis --help"
man -l "$M/lis.1" >"$TMP/lis.txt" 2>/dev/null
sed -n '/^Options:/,/^$/p' "$TMP/help" >"$TMP/global"
[ -s "$TMP/global" ] || fail "no options in lis --help"
for o in $(options "$TMP/global"); do
    mentions "$TMP/lis.txt" "$o" || fail "lis(1) does not mention $o of lis --help"
done
checked=0
for c in $cmds; do
    page=$M/lis-$c.1
    [ -f "$page" ] || fail "no manual page lis-$c(1) for the command $c"
    mentions "$TMP/lis.txt" "lis-$c\\(1\\)" || fail "lis(1) does not refer to lis-$c(1)"
    "$LIS" "$c" --help >"$TMP/chelp" 2>&1 || fail "lis $c --help failed"
    man -l "$page" >"$TMP/ctext" 2>/dev/null
    for o in $(options "$TMP/chelp"); do
        mentions "$TMP/ctext" "$o" || fail "lis-$c(1) does not mention $o of lis $c --help"
        checked=$((checked + 1))
    done
    # lis help prints the page itself, wherever lis runs from.
    "$LIS" help "$c" >"$TMP/htext" || fail "lis help $c failed"
    cmp -s "$TMP/htext" "$TMP/ctext" || { diff "$TMP/ctext" "$TMP/htext" | head; fail "lis help $c differs from lis-$c(1)"; }
done
ok "each command's page names the options of its --help ($checked checked)"

run_lis 0 help
cmp -s "$TMP/out" "$TMP/lis.txt" || fail "lis help differs from lis(1)"
run_lis 0 help lis.conf
man -l "$M/lis.conf.5" >"$TMP/conf.txt" 2>/dev/null
cmp -s "$TMP/out" "$TMP/conf.txt" || fail "lis help lis.conf differs from lis.conf(5)"
for s in database embedded output thresholds framework run smtp delivery; do
    grep -q "^\[$s\]" "$LIS_SOURCE_DIR/config/lis.conf" || [ "$s" = smtp ] || [ "$s" = delivery ] ||
        fail "no [$s] in config/lis.conf"
    assert_grep "^\[$s\]" "$TMP/out"
done
# Every key of the shipped lis.conf is documented.
for k in $(grep -oE '^[a-z_]+ *=' "$LIS_SOURCE_DIR/config/lis.conf" | tr -d ' ='); do
    mentions "$TMP/out" "$k" || fail "lis.conf(5) does not mention $k"
done
run_lis 1 help nosuch
assert_grep 'no manual page for "nosuch"' "$TMP/err"
ok "lis help shows lis(1), lis.conf(5) and each command's page"
