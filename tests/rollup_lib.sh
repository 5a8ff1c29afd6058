# rollup_lib.sh - helpers of the rollup tests (tests/db/rollup_*.sh); source
# it after lib.sh. Not a test itself (it lies outside the test folders).

# The kinds in the import order of the worked example's README.
ROLLUP_KINDS="units cost-centres accounts agreements indicators goals targets measurements statuses budget transfers"

# import_dir DIR: imports DIR/KIND.csv for every kind present, in order.
import_dir() {
    local k
    for k in $ROLLUP_KINDS; do
        [ -f "$1/$k.csv" ] || continue
        run_lis 0 import "$k" "$1/$k.csv"
    done
}

# assert_row FILE KEY EXPECTED: the line of FILE (csv) that starts with KEY
# continues with EXPECTED; numbers compare with a relative tolerance of 1e-9
# (the engine prints at least 10 significant digits), text exactly, and an
# empty field must be empty.
assert_row() {
    local file=$1 key=$2 want=$3 line
    line=$(grep -F -- "$key" "$file" | awk -v k="$key" 'index($0, k) == 1' | head -1)
    [ -n "$line" ] || { cat "$file"; fail "no row starting with '$key'"; }
    awk -v got="${line#"$key"}" -v want="$want" -v key="$key" 'BEGIN {
        n = split(got, g, ";"); m = split(want, w, ";")
        if (n != m) { printf "row %s: got %s, expected %s\n", key, got, want; exit 1 }
        for (i = 1; i <= n; i++) {
            isnum = w[i] ~ /^-?[0-9]+(\.[0-9]+)?$/ && g[i] ~ /^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$/
            if (isnum) {
                d = g[i] - w[i]; if (d < 0) d = -d
                s = w[i] < 0 ? -w[i] : w[i]; if (s < 1) s = 1
                if (d > 1e-9 * s) { printf "row %s field %d: got %s, expected %s\n", key, i, g[i], w[i]; exit 1 }
            } else if (g[i] != w[i]) {
                printf "row %s field %d: got \"%s\", expected \"%s\"\n", key, i, g[i], w[i]; exit 1
            }
        }
    }' || fail "row $key"
}
