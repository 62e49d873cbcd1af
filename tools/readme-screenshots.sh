#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's and the AppStream metainfo's screenshots (docs/screenshots/), rendered from the
# built-in lessons without a display: `logitlab --lesson FILE --export DIR` (offscreen platform).
#   tools/readme-screenshots.sh [BUILD_DIR]     (default: build)
set -eu
build=${1:-build}
app="$build/bin/logitlab"
out=docs/screenshots
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
# shot LESSON SCENE NAME: scene SCENE (two digits) of resources/lessons/en/LESSON as NAME.png
shot() {
  "$app" --lesson "resources/lessons/en/$1.logitlab" --export "$tmp/$1" --formats png --size 1366x768 >/dev/null
  cp "$tmp/$1/scene-$2-window.png" "$out/$3.png"
  echo "$out/$3.png: $1, scene $2"
}
shot 01-softmax-probabilities 03 softmax
shot 04-sigmoid-bce 01 losses
shot 02-rounding-cancellation 01 rounding
shot 06-twin-training 02 training
