#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `cpack -G DEB` as the README says, into a temporary directory: the package is named logitlab,
# has this version, section science, a maintainer and dependencies that dpkg-shlibdeps computed
# (Qt, MPFR); it holds under /usr exactly the files `cmake --install` installs, and its stripped
# logitlab-cli runs.
# usage: check-deb.sh CPACK CMAKE BUILD_DIR VERSION
set -u
cpack=$1 cmake=$2 build=$3 version=$4
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
for tool in dpkg-deb dpkg-shlibdeps file; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool not found (./dev installs it)"; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# CPACK_CMAKE_GENERATOR=Ninja: with the Makefile generator cpack first builds the target
# "preinstall", that is everything, which ctest must not do (the build is done, and other tests run
# its programs meanwhile); the Ninja generator has no such target, so cpack packages what is built.
# The install step and the package are the same (cmake_install.cmake, stripped, under /usr).
"$cpack" -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" -D CPACK_CMAKE_GENERATOR=Ninja \
    >"$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log"
    echo "FAIL: cpack -G DEB"
    exit 1
}
deb=$(ls "$work"/out/*.deb 2>/dev/null)
[ -f "$deb" ] || { cat "$work/cpack.log"; echo "FAIL: cpack made no .deb"; exit 1; }
echo "$deb: $(wc -c <"$deb") bytes"

info=$(dpkg-deb -I "$deb")
echo "$info" | sed -n '/^ [A-Z][A-Za-z-]*: /,$p'
field() { echo "$info" | sed -n "s/^ $1: //p"; }
[ "$(field Package)" = logitlab ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version"
[ "$(field Section)" = science ] || fail "Section is '$(field Section)'"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
depends=$(field Depends)
for lib in libqt6core6 libmpfr6 libc6; do
    echo "$depends" | grep -q "\b$lib\b" || fail "Depends lacks $lib (dpkg-shlibdeps): $depends"
done

# The same files as `cmake --install --prefix /usr` (directories aside).
"$cmake" --install "$build" --prefix "$work/root/usr" >/dev/null 2>&1 || fail "cmake --install"
(cd "$work/root" && find . ! -type d | sort) >"$work/installed"
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ { print $6 }' | sort >"$work/packaged"
diff "$work/installed" "$work/packaged" >"$work/diff" || fail "the package differs from cmake --install (< installed, > packaged): $(cat "$work/diff")"
grep -qx "./usr/bin/logitlab-cli" "$work/packaged" || fail "no /usr/bin/logitlab-cli in the package"

dpkg-deb -x "$deb" "$work/x"
out=$("$work/x/usr/bin/logitlab-cli" --version) || fail "the packaged logitlab-cli exits with $?"
[ "$out" = "logitlab-cli $version" ] || fail "the packaged logitlab-cli --version printed '$out'"

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "the package holds what cmake --install installs"
