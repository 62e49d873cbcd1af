#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `cmake --install` into a temporary prefix, then what a desktop and a package manager expect of
# it: every file in place; the desktop entry passes desktop-file-validate (hints allowed, no
# warning or error) and opens the lesson type with the installed binary; the AppStream metainfo
# passes `appstreamcli validate --pedantic --strict` alone and with the tree (validate-tree: the
# desktop entry it launches); the MIME type is well-formed XML and update-mime-database maps
# *.logitlab to it; the icons are PNGs of their size; the man pages render without a groff
# warning; the man pages, metainfo and binaries carry the project's version; the installed
# logitlab-cli computes.
# Tools (Debian 12): desktop-file-utils, appstream, libxml2-utils, shared-mime-info, groff-base.
# usage: check-install.sh CMAKE BUILD_DIR VERSION GUI(ON|OFF)
set -u
cmake=$1 build=$2 version=$3 gui=$4
id=io.github.logitlab.LogitLab
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
for tool in desktop-file-validate appstreamcli xmllint update-mime-database groff; do
    command -v "$tool" >/dev/null || { echo "FAIL: $tool not found (./dev installs it)"; exit 1; }
done

prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
"$cmake" --install "$build" --prefix "$prefix" >"$prefix/install.log" 2>&1 || {
    cat "$prefix/install.log"
    echo "FAIL: cmake --install"
    exit 1
}
echo "installed into $prefix"

expect() {
    for f in "$@"; do
        [ -s "$prefix/$f" ] || fail "missing or empty: $f"
    done
}
expect bin/logitlab-cli share/man/man1/logitlab-cli.1 share/doc/logitlab/LICENSE
[ -x "$prefix/bin/logitlab-cli" ] || fail "bin/logitlab-cli is not executable"
grep -q "GNU GENERAL PUBLIC LICENSE" "$prefix/share/doc/logitlab/LICENSE" \
    && grep -q "Version 3, 29 June 2007" "$prefix/share/doc/logitlab/LICENSE" \
    || fail "share/doc/logitlab/LICENSE is not the GPL version 3"

# The man pages: no warning from groff (-ww: all of them), and this version in the title line.
mans=logitlab-cli
[ "$gui" = ON ] && mans="logitlab-cli logitlab"
for m in $mans; do
    page="$prefix/share/man/man1/$m.1"
    [ -f "$page" ] || continue
    warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
    [ -z "$warnings" ] || fail "groff warns about $m.1: $warnings"
    grep -q "^\.TH .*\"LogitLab $version\"" "$page" || fail "$m.1: its .TH line does not say LogitLab $version"
done

# The installed CLI: its version, and the softmax of [1000, 2000, 3000]: naive overflows to NaN
# (exit 0: NaN is a result), shifted gives [e^-2000, e^-1000, 1], which is [0, 0, 1] in float32;
# bad input exits with 2.
out=$("$prefix/bin/logitlab-cli" --version) || fail "logitlab-cli --version exits with $?"
[ "$out" = "logitlab-cli $version" ] || fail "logitlab-cli --version printed '$out'"
out=$("$prefix/bin/logitlab-cli" softmax --logits "[1000, 2000, 3000]" --json) || fail "logitlab-cli softmax exits with $?"
echo "$out" | grep -q '"nan"' || fail "the naive softmax of [1000, 2000, 3000] printed no NaN: $out"
echo "$out" | grep -q '"overflow": *true' || fail "the softmax of [1000, 2000, 3000] reports no overflow: $out"
echo "$out" | grep -q '"shifted":{"values":\[0,0,1\]' || fail "the shifted softmax of [1000, 2000, 3000] is not [0, 0, 1]: $out"
"$prefix/bin/logitlab-cli" softmax --logits "[1, x]" >/dev/null 2>&1
code=$?
[ "$code" = 2 ] || fail "logitlab-cli with a bad LIST exits with $code, not 2"

if [ "$gui" = ON ]; then
    expect bin/logitlab share/man/man1/logitlab.1 \
        share/applications/$id.desktop share/metainfo/$id.metainfo.xml share/mime/packages/$id.xml \
        share/icons/hicolor/scalable/apps/$id.svg
    out=$(QT_QPA_PLATFORM=offscreen "$prefix/bin/logitlab" --version 2>/dev/null) || fail "logitlab --version exits with $?"
    [ "$out" = "logitlab $version" ] || fail "logitlab --version printed '$out'"

    # Icons: PNGs whose header (IHDR, bytes 16-23) says N x N.
    for n in 16 24 32 48 64 128 256; do
        png="$prefix/share/icons/hicolor/${n}x${n}/apps/$id.png"
        [ -f "$png" ] || { fail "missing ${n}x${n} icon"; continue; }
        [ "$(od -An -c -j1 -N3 "$png" | tr -d ' ')" = PNG ] || fail "${n}x${n} icon is not a PNG"
        size=$(od -An -tu1 -j16 -N8 "$png" | awk '{ print $1*16777216 + $2*65536 + $3*256 + $4 "x" $5*16777216 + $6*65536 + $7*256 + $8 }')
        [ "$size" = "${n}x${n}" ] || fail "the ${n}x${n} icon is $size"
    done
    xmllint --noout "$prefix/share/icons/hicolor/scalable/apps/$id.svg" || fail "the SVG icon is not well-formed XML"

    # The desktop entry: hints are fine (three main categories may list the app three times),
    # warnings and errors are not (desktop-file-validate exits 0 on some errors).
    desktop="$prefix/share/applications/$id.desktop"
    report=$(desktop-file-validate "$desktop" 2>&1)
    echo "desktop-file-validate: ${report:-no message}"
    echo "$report" | grep -vq ": hint: " && [ -n "$report" ] && fail "desktop-file-validate: $report"
    grep -qx "Exec=logitlab %f" "$desktop" || fail "the desktop entry does not run 'logitlab %f'"
    grep -qx "MimeType=application/x-logitlab-lesson;" "$desktop" || fail "the desktop entry does not open lessons"
    grep -qx "Icon=$id" "$desktop" || fail "the desktop entry's icon is not $id"
    grep -q "^Name\[zh_CN\]=" "$desktop" && grep -q "^Comment\[zh_CN\]=" "$desktop" \
        || fail "the desktop entry has no zh_CN name or comment"

    # AppStream: the file alone, then the tree (validate-tree warns when the desktop entry that
    # <launchable> names is missing). --strict fails on anything above a pedantic hint; the one
    # pedantic hint is cid-contains-uppercase-letter (the reverse-DNS id keeps its capitals).
    metainfo="$prefix/share/metainfo/$id.metainfo.xml"
    appstreamcli validate --no-net --pedantic --strict "$metainfo" || fail "appstreamcli validate"
    appstreamcli validate-tree --no-net --pedantic --strict "$prefix" || fail "appstreamcli validate-tree"
    grep -q "<release version=\"$version\"" "$metainfo" || fail "the metainfo has no release $version"

    # The MIME type: well-formed, and a MIME database built from it maps *.logitlab to the lesson
    # type, a kind of JSON.
    mime="$prefix/share/mime/packages/$id.xml"
    xmllint --noout "$mime" || fail "xmllint: $mime"
    mkdir -p "$prefix/mimedb/packages"
    cp "$mime" "$prefix/mimedb/packages/"
    update-mime-database "$prefix/mimedb" >/dev/null 2>&1 || fail "update-mime-database rejects $mime"
    grep -qx "application/x-logitlab-lesson:\*\.logitlab" "$prefix/mimedb/globs" 2>/dev/null \
        || fail "the MIME database does not map *.logitlab to application/x-logitlab-lesson"
    grep -qx "application/x-logitlab-lesson application/json" "$prefix/mimedb/subclasses" 2>/dev/null \
        || fail "the lesson type is not a subclass of application/json"
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures check(s) failed"
    exit 1
fi
echo "every installed file is in place and valid"
