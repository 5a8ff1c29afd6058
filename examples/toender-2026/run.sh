#!/usr/bin/env bash
# run.sh - Tønder Kommune's employment agreement 2026, end to end: imports the
# catalogue (units, indicators, agreement, goals, targets) and Tønder's real
# monthly Jobindsats figures (through the jobindsats profile) into lis's
# database, then writes every report for the latest month with data.
#
#   examples/toender-2026/run.sh [OUT]        (default OUT: out/toender-2026)
#
# The database is lis's usual one: --db/$LIS_DB/lis.conf when set, else the
# embedded default under $LIS_HOME (default ~/.local/share/lis). Use an empty
# LIS_HOME to see Tønder alone: LIS_HOME=/tmp/toender examples/toender-2026/run.sh
# The program is $LIS, else build/cli/lis of this checkout, else lis on the PATH.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-out/toender-2026}
if [ -z "${LIS:-}" ]; then
    if [ -x "$root/build/cli/lis" ]; then LIS=$root/build/cli/lis; else LIS=lis; fi
fi
# The shipped profiles of this checkout (a profile of the same name in
# $LIS_CONNECTORS overrides a built-in one).
export LIS_CONNECTORS=${LIS_CONNECTORS:-$root/config/connectors}

"$LIS" db init
for kind in units indicators agreements goals targets; do
    "$LIS" import "$kind" "$here/$kind.csv"
done
"$LIS" import measurements "$here/jobindsats-toender.csv" --profile jobindsats
"$LIS" check

# The latest month with data: July 2026 (Jobindsats publishes about a month
# late; the ordinary-hours series ends in June). The quarterly dashboard is
# the latest whole quarter, 2026-Q2; the monthly run of June is written first
# so that the dashboard links to its agreement pages (out/.../2026-06/).
"$LIS" run monthly --period 2026-07 --out "$out"
"$LIS" run monthly --period 2026-06 --out "$out"
"$LIS" run quarterly --period 2026-Q2 --out "$out"
"$LIS" run status --year 2026 --as-of 2026-07 --out "$out"
"$LIS" show attainment --period 2026-07
echo "reports in $out/: 2026-07/, 2026-06/, 2026-Q2/dashboard-2026-Q2.html, 2026-YTD-07/"
