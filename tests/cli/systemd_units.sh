#!/usr/bin/env bash
# systemd_units - config/systemd/: the units and timers pass systemd-analyze
# verify (with ExecStart pointed at the built lis: verify checks that the
# binary exists, and /usr/bin/lis is only there once installed), the timers
# fire on the days and hours of issue 9 in Copenhagen time, the sysusers
# file creates the user, and config/cron/lis runs the same commands.
# Skipped where systemd-analyze is missing.
. "$(dirname "$0")/../lib.sh"
command -v systemd-analyze >/dev/null || skip "no systemd-analyze (package systemd)"
src=$LIS_SOURCE_DIR/config/systemd
units=$TMP/units
mkdir "$units"
cp "$src"/*.service "$src"/*.timer "$units/"
grep -q '^ExecStart=/usr/bin/lis ' "$units/lis-monthly.service" || fail "ExecStart is not /usr/bin/lis"
sed -i "s|^ExecStart=/usr/bin/lis |ExecStart=$LIS |" "$units"/*.service

# verify exits 0 on settings it ignores with a warning: any output is a failure.
# --man=no: the manual page lis(1) is installed with the package, not here.
verify() {
    local rc=0
    systemd-analyze verify --man=no "$@" >"$TMP/verify" 2>&1 || rc=$?
    [ "$rc" = 0 ] && [ ! -s "$TMP/verify" ]
}
for kind in monthly quarterly status annual; do
    [ -f "$units/lis-$kind.service" ] && [ -f "$units/lis-$kind.timer" ] ||
        fail "lis-$kind.service or .timer is missing"
done
verify "$units"/*.service "$units"/*.timer || { cat "$TMP/verify"; fail "systemd-analyze verify"; }
ok "the units verify"

# ... and verify does catch a broken unit, so the check above means something
sed 's/^Type=oneshot/Type=oneshoot/' "$units/lis-annual.service" >"$TMP/lis-annual.service"
verify "$TMP/lis-annual.service" && fail "verify passed a bad Type="
ok "a broken unit does not verify"

# What each service runs, as the issue names the interface.
execstart() { sed -n "s|^ExecStart=$LIS run ||p" "$units/lis-$1.service"; }
assert_eq "$(execstart monthly)" "monthly --period previous --require-ready" "monthly ExecStart"
assert_eq "$(execstart quarterly)" "quarterly --period previous" "quarterly ExecStart"
assert_eq "$(execstart status)" "status --year current" "status ExecStart"
assert_eq "$(execstart annual)" "annual --year previous" "annual ExecStart"
for kind in monthly quarterly status annual; do
    assert_grep '^User=lis$' "$units/lis-$kind.service"
    assert_grep '^Environment=LIS_HOME=/var/lib/lis$' "$units/lis-$kind.service"
    assert_grep '^Persistent=true$' "$units/lis-$kind.timer"
done
ok "the services run the scheduled commands as lis"

# The next three times each timer fires after 1 February 2027, in UTC: 06:00
# in Copenhagen is 05:00 UTC in winter and 04:00 UTC in summer.
elapses() {
    local spec
    spec=$(sed -n 's/^OnCalendar=//p' "$units/lis-$1.timer")
    systemd-analyze calendar --iterations=3 --base-time='2027-02-01 00:00:00 UTC' "$spec" |
        sed -n 's/.*\(Next elapse\|Iter\. #[0-9]\): [A-Za-z]* \(.*\) UTC$/\2/p' | tr '\n' ',' |
        sed 's/,$//'
}
assert_eq "$(elapses monthly)" "2027-02-05 05:00:00,2027-03-05 05:00:00,2027-04-05 04:00:00" \
    "lis-monthly.timer"
assert_eq "$(elapses quarterly)" "2027-04-10 04:00:00,2027-07-10 04:00:00,2027-10-10 04:00:00" \
    "lis-quarterly.timer"
assert_eq "$(elapses status)" "2027-08-15 04:00:00,2028-08-15 04:00:00,2029-08-15 04:00:00" \
    "lis-status.timer"
assert_eq "$(elapses annual)" "2027-02-15 05:00:00,2028-02-15 05:00:00,2029-02-15 05:00:00" \
    "lis-annual.timer"
ok "the timers fire at 06:00 Copenhagen time on the days of the schedule"

if command -v systemd-sysusers >/dev/null; then
    mkdir -p "$TMP/root/etc"
    systemd-sysusers --dry-run --root="$TMP/root" "$src/lis.sysusers" >"$TMP/sysusers" 2>&1 ||
        { cat "$TMP/sysusers"; fail "systemd-sysusers"; }
    assert_grep "Creating user 'lis'" "$TMP/sysusers"
    ok "lis.sysusers creates the user lis"
fi

# The crontab example runs the same commands as the services.
cron=$LIS_SOURCE_DIR/config/cron/lis
assert_grep '^CRON_TZ=Europe/Copenhagen$' "$cron"
for kind in monthly quarterly status annual; do
    grep -q -- "lis  *cd /var/lib/lis && lis run $(execstart $kind)\$" "$cron" ||
        fail "config/cron/lis does not run \"lis run $(execstart $kind)\""
done
assert_grep '^0 +6 +5 +\* +\* +lis .* monthly ' "$cron"
assert_grep '^0 +6 +10 +1,4,7,10 +\* +lis .* quarterly ' "$cron"
assert_grep '^0 +6 +15 +8 +\* +lis .* status ' "$cron"
assert_grep '^0 +6 +15 +2 +\* +lis .* annual ' "$cron"
ok "config/cron/lis matches the timers"
