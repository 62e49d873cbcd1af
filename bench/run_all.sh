#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every benchmark with its peers, one after the other: the softmax kernels against PyTorch, the
# training loop against PyTorch and NumPy, and (with the GUI) the labs' latency.
# Usage: bench/run_all.sh [BUILD_DIR]   (./dev bench builds first, then calls this)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
# The Python peers are Debian's packages, seen only by /usr/bin/python3.
missing=""
/usr/bin/python3 -c 'import torch' 2>/dev/null || missing="$missing python3-torch"
/usr/bin/python3 -c 'import numpy' 2>/dev/null || missing="$missing python3-numpy"
dpkg-query -W -f='${Status}' libopenblas0-pthread 2>/dev/null | grep -q "ok installed" || missing="$missing libopenblas0-pthread"
if [ -n "$missing" ]; then
  echo "Installing the benchmark peers:$missing"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing
fi
echo "== softmax kernels vs PyTorch =="
sh "$here/run_softmax_bench.sh" "$build" 5
echo
echo "== training vs PyTorch and NumPy =="
sh "$here/run_train_bench.sh" "$build"
if [ -x "$build/bench/gui_latency" ]; then
  echo
  echo "== GUI latency =="
  QT_QPA_PLATFORM=offscreen "$build/bench/gui_latency"
fi
