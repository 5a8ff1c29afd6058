# lis batch rm with an id beyond 64 bits says it is out of range (issue 12,
# defect 11), rather than naming the clamped id 9223372036854775807.
. "$(dirname "$0")/../lib.sh"
export LIS_HOME=$TMP/home
run_lis 1 batch rm 99999999999999999999
assert_grep '^lis: error: batch id "99999999999999999999" is out of range \(at most 9223372036854775807\)$' "$TMP/err"
assert_no_grep "no batch" "$TMP/err"
run_lis 1 batch rm -5
assert_grep 'is not a batch id' "$TMP/err"
ok "a batch id out of range"
