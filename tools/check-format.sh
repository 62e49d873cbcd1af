#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails (and names the files) when a tracked C++ file drifts from the committed .clang-format.
# Run by CTest as format_drift; fix with: git ls-files '*.cpp' '*.h' | xargs clang-format -i
set -eu
cd "$(dirname "$0")/.."
CLANG_FORMAT=${CLANG_FORMAT:-clang-format}
command -v "$CLANG_FORMAT" >/dev/null || { echo "clang-format not found (Debian package clang-format)"; exit 1; }
drift=0
for f in $(find app core ui tests bench -name '*.cpp' -o -name '*.h' | sort); do
  if ! "$CLANG_FORMAT" --style=file "$f" | cmp -s - "$f"; then
    echo "not clang-formatted: $f"
    drift=1
  fi
done
[ "$drift" -eq 0 ] && echo "every C++ file follows .clang-format"
exit "$drift"
