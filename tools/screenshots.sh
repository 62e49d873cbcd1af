#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders every page of logitlab at 1024x768, 1280x720, 1366x768, 1920x1080 and 1920x1080 at zoom 2
# under Xvfb into shots/ (git-ignored).
# Usage: tools/screenshots.sh [build-dir] [extra logitlab args, e.g. --lang zh_CN]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
[ $# -gt 0 ] && shift
mkdir -p "$root/shots"
xvfb-run -a -s "-screen 0 1920x1080x24" "$build/bin/logitlab" --screenshots "$root/shots" "$@"
ls -l "$root/shots"
