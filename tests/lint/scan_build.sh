#!/usr/bin/env bash
# scan_build - clang's static analyzer (scan-build) over the program lis and
# its libraries (not tests or benchmarks): every finding fails the test
# unless tests/lint/scan-build.supp lists it (checker, file, function) with
# its reason. Needs clang-tools; skipped without it.
. "$(dirname "$0")/../lib.sh"
sb=$(command -v scan-build || ls /usr/bin/scan-build-* 2>/dev/null | sort -V | tail -1 || true)
[ -n "$sb" ] || skip "scan-build (clang-tools) is not installed"
src=$LIS_SOURCE_DIR
"$sb" -o "$TMP/report" cmake -S "$src" -B "$TMP/build" -DCMAKE_BUILD_TYPE=Debug \
    -DLIS_SANITIZE=OFF >"$TMP/configure.log" 2>&1 || { cat "$TMP/configure.log"; fail "configure"; }
"$sb" -plist -o "$TMP/report" cmake --build "$TMP/build" --target lis -j2 \
    >"$TMP/build.log" 2>&1 || { tail -50 "$TMP/build.log"; fail "build under scan-build"; }
/usr/bin/python3 - "$TMP/report" "$src" "$src/tests/lint/scan-build.supp" <<'PY'
import glob, os, plistlib, sys
report, src, supp = sys.argv[1:]
allowed = set()
for line in open(supp):
    line = line.split("#", 1)[0].split()
    if line:
        allowed.add(tuple(line))
found, used = [], set()
for p in glob.glob(f"{report}/**/*.plist", recursive=True):
    d = plistlib.load(open(p, "rb"))
    for diag in d.get("diagnostics", []):
        f = os.path.relpath(d["files"][diag["location"]["file"]], src)
        key = (diag.get("check_name", "?"), f, diag.get("issue_context", "?"))
        if key in allowed:
            used.add(key)
            continue
        found.append(f'{f}:{diag["location"]["line"]}: {diag["description"]} '
                     f'[{key[0]}] in {key[2]}')
for f in sorted(set(found)):
    print(f)
for k in sorted(allowed - used):
    print("suppression no longer needed:", " ".join(k))
sys.exit(1 if found or allowed - used else 0)
PY
ok "scan-build finds nothing new in lis"
