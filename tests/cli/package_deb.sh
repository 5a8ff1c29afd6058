# The Debian package (issue 11): cpack -G DEB, from a Release build of its
# own (the suite's build is sanitized and for /usr/local), makes
# lis_<version>_<arch>.deb with the binary, SQL, profiles, manual pages,
# /etc/lis/lis.conf as a conffile, the systemd units of config/systemd/, a
# copyright file and a changelog; lintian finds no error; unpacked into a
# clean folder with dpkg -x, the binary runs.
. "$(dirname "$0")/../lib.sh"
for t in cpack dpkg-deb dpkg-shlibdeps lintian; do
    command -v "$t" >/dev/null || skip "no $t (scripts/install-deps installs it)"
done
S=$LIS_SOURCE_DIR
B=$TMP/build

# Debian's build flags (hardening) as a package build would have them.
(
    eval "$(dpkg-buildflags --export=sh)"
    cmake -S "$S" -B "$B" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr \
        -DLIS_BUILD_TESTS=OFF >"$TMP/configure.log" 2>&1 || { cat "$TMP/configure.log"; exit 1; }
    cmake --build "$B" -j2 >"$TMP/build.log" 2>&1 || { tail -30 "$TMP/build.log"; exit 1; }
    cd "$B" && cpack -G DEB >"$TMP/cpack.log" 2>&1 || { cat "$TMP/cpack.log"; exit 1; }
) || fail "building the package"
version=$("$B/cli/lis" --version | awk '{ print $2 }')
deb=$B/lis_${version}_$(dpkg --print-architecture).deb
[ -f "$deb" ] || { ls "$B"; fail "no $(basename "$deb")"; }
ok "cpack made $(basename "$deb")"

dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$TMP/files"
for f in /usr/bin/lis /etc/lis/lis.conf /usr/share/lis/sql/migrations/001_schema.sql \
    /usr/share/lis/connectors/opus.conf /usr/share/man/man1/lis.1.gz \
    /usr/share/man/man1/lis-run.1.gz /usr/share/man/man1/lis-import.1.gz \
    /usr/share/man/man5/lis.conf.5.gz /usr/share/doc/lis/copyright /usr/share/doc/lis/changelog.gz; do
    grep -qx -- "$f" "$TMP/files" || fail "the package lacks $f"
done
for u in "$S"/config/systemd/*.service "$S"/config/systemd/*.timer; do
    [ -e "$u" ] || continue
    grep -qx -- "/lib/systemd/system/$(basename "$u")" "$TMP/files" || fail "the package lacks the unit $(basename "$u")"
done
for u in "$S"/config/systemd/*.sysusers; do
    [ -e "$u" ] || continue
    grep -qx -- "/usr/lib/sysusers.d/$(basename "$u" .sysusers).conf" "$TMP/files" ||
        fail "the package lacks sysusers.d/$(basename "$u" .sysusers).conf"
done
dpkg-deb -f "$deb" Depends >"$TMP/depends"
assert_grep '(^|, )postgresql(,|$)' "$TMP/depends"
assert_grep 'libpq5' "$TMP/depends"
assert_grep 'libxlsxwriter' "$TMP/depends"
mkdir "$TMP/control"
dpkg-deb -e "$deb" "$TMP/control"
assert_eq "$(cat "$TMP/control/conffiles")" /etc/lis/lis.conf "conffiles"
ok "contents, dependencies, conffiles"

lintian "$deb" >"$TMP/lintian" 2>&1 || true
cat "$TMP/lintian"
assert_no_grep '^E: ' "$TMP/lintian"
ok "lintian reports no error"

# Unpacked, not installed: lis reads the package's lis.conf by LIS_CONFIG
# (installed, it finds /etc/lis/lis.conf itself) and needs nothing else.
R=$TMP/root
dpkg -x "$deb" "$R"
export HOME=$TMP/home LIS_CONFIG=$R/etc/lis/lis.conf
unset LIS_CONNECTORS XDG_CONFIG_HOME LIS_HOME
mkdir -p "$HOME"
LIS=$R/usr/bin/lis
run_lis 0 --version
assert_eq "$(cat "$TMP/out")" "lis $version" "lis --version"
run_lis 0 demo --files-only --out "$TMP/x"
for k in units agreements goals indicators targets measurements budget; do
    [ -s "$TMP/x/input/$k.csv" ] || fail "demo --files-only wrote no $k.csv"
done
run_lis 0 import --list-profiles
assert_grep '^opus +budget +built-in ' "$TMP/out"
run_lis 0 help run
assert_grep '^NAME' "$TMP/out"
assert_grep '--require-ready' "$TMP/out"
MANWIDTH=80 man --warnings -l "$R/usr/share/man/man1/lis-import.1.gz" >"$TMP/page" 2>"$TMP/warn"
[ ! -s "$TMP/warn" ] || { cat "$TMP/warn"; fail "the packaged lis-import(1) has warnings"; }
assert_grep '--list-profiles' "$TMP/page"
ok "the unpacked package runs: --version, demo --files-only, profiles, help, man"

# postinst creates the user of the scheduled runs from sysusers.d/lis.conf;
# run against the unpacked tree (DPKG_ROOT), it leaves this machine alone.
if grep -qx /usr/lib/sysusers.d/lis.conf "$TMP/files" && command -v systemd-sysusers >/dev/null; then
    [ -x "$TMP/control/postinst" ] || fail "no executable postinst"
    DPKG_ROOT=$R sh "$TMP/control/postinst" configure >"$TMP/postinst.log" 2>&1 ||
        { cat "$TMP/postinst.log"; fail "postinst configure"; }
    assert_grep '^lis:x:[0-9]+:[0-9]+:.*:/var/lib/lis:/usr/sbin/nologin$' "$R/etc/passwd"
    ok "postinst creates the system user lis"
fi
