#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds logitlab-cli (Release) and runs bench/train_peers.py: our training speed and accuracy
# against PyTorch and a NumPy loop on the same MNIST-10k workload, with the ratios.
# Usage: bench/run_train_bench.sh [build-dir] [extra train_peers.py options]
# Needs Debian's python3-torch, python3-numpy and libopenblas0-pthread.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-"$here/../build"}
[ $# -gt 0 ] && shift
cmake -S "$here/.." -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target logitlab-cli -j2 >/dev/null
exec /usr/bin/python3 "$here/train_peers.py" --cli "$build/bin/logitlab-cli" "$@"
