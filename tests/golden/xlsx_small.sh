#!/usr/bin/env bash
# xlsx_small - the three workbooks of a small fixed data set
# (tests/fixtures/report_small.sql: hand-written rollup rows, document date
# 2026-04-06 from the newest batch) are unzipped and every XML part is
# compared with the expected parts in tests/golden/xlsx_small/.
#
# After an intended change of the workbooks, regenerate the expected parts
# with LIS_GOLDEN_UPDATE=1 and review the diff in git.
. "$(dirname "$0")/../lib.sh"
command -v unzip >/dev/null || skip "unzip is not installed"
report_db
out=$TMP/reports
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$out" --jobs 1
run_lis 0 run status --no-rollup --year 2026 --out "$out"
run_lis 0 run annual --no-rollup --year 2026 --out "$out"
run_lis 0 run monthly --no-rollup --period 2026-03 --out "$TMP/en" --lang en --agreement A1

expected=$LIS_SOURCE_DIR/tests/golden/xlsx_small
# One tag a line, so that a difference reads as a diff.
normalise() { sed -e 's/></>\n</g' "$1"; }

check() { # WORKBOOK NAME
    local book=$1 name=$2 dir=$TMP/unz/$2
    mkdir -p "$dir"
    (cd "$dir" && unzip -qo "$book")
    if [ "${LIS_GOLDEN_UPDATE:-}" = 1 ]; then
        rm -rf "${expected:?}/$name"
        (cd "$dir" && find . -type f \( -name '*.xml' -o -name '*.rels' \) | sort) |
            while read -r part; do
                mkdir -p "$expected/$name/$(dirname "$part")"
                normalise "$dir/$part" >"$expected/$name/$part"
            done
        return
    fi
    [ -d "$expected/$name" ] || fail "no expected parts for $name"
    local got want
    got=$(cd "$dir" && find . -type f \( -name '*.xml' -o -name '*.rels' \) | sort)
    want=$(cd "$expected/$name" && find . -type f | sort)
    assert_eq "$got" "$want" "parts of $name"
    for part in $got; do
        normalise "$dir/$part" >"$TMP/part"
        diff -u "$expected/$name/$part" "$TMP/part" >"$TMP/diff" ||
            { head -40 "$TMP/diff"; fail "$name: $part differs from the expected part"; }
    done
    ok "$name matches its $(echo "$got" | wc -l) expected parts"
}

check "$out/2026-03/aftale-A1.xlsx" aftale-A1
check "$out/2026-03/aftale-A2.xlsx" aftale-A2
check "$out/2026-YTD-06/statusopfoelgning-2026.xlsx" statusopfoelgning-2026
check "$out/2026/aarsberetning-2026.xlsx" aarsberetning-2026
check "$TMP/en/2026-03/aftale-A1.xlsx" aftale-A1-en
