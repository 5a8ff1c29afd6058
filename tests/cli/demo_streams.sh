#!/usr/bin/env bash
# demo_streams.sh - "lis demo --files-only" writes its files row by row: its
# peak memory does not grow with the scale (scale 100 is 650 MB of files and
# must be written well under 300 MB; issue 10), and --scale takes 1..100.
. "$(dirname "$0")/../lib.sh"
[ -x /usr/bin/time ] || skip "needs /usr/bin/time (package time)"

peak_kb() {
    /usr/bin/time -f '%M' -o "$TMP/time" "$LIS" demo --files-only --scale "$1" \
        --out "$TMP/s$1" >"$TMP/out" 2>"$TMP/err" || { cat "$TMP/err"; fail "demo --scale $1"; }
    cat "$TMP/time"
}
small=$(peak_kb 1)
large=$(peak_kb 6)
bytes1=$(cat "$TMP"/s1/input/*.csv | wc -c)
bytes6=$(cat "$TMP"/s6/input/*.csv | wc -c)
# 6 times the files (about 30 MB more) must not cost more than a few MB more.
[ "$bytes6" -gt $((5 * bytes1)) ] || fail "scale 6 wrote $bytes6 bytes, scale 1 $bytes1"
[ "$large" -lt $((small + 8 * 1024)) ] ||
    fail "peak RSS grows with the scale: $small kB at scale 1, $large kB at scale 6"
ok "peak RSS $small kB at scale 1 ($bytes1 bytes), $large kB at scale 6 ($bytes6 bytes)"

run_lis 1 demo --files-only --scale 101 --out "$TMP/s101"
assert_grep '1\.\.100' "$TMP/err"
ok "--scale 101 is refused"
