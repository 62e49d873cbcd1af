#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs bench/softmax_bench and the PyTorch peer (bench/torch_softmax.py) in alternating rounds
# on the same machine, then prints the median elements/s of each, ours / PyTorch and
# shifted / naive time. Rates are per CPU second on one thread.
#
# Usage: bench/run_softmax_bench.sh [BUILD_DIR] [ROUNDS]
#   BUILD_DIR defaults to ./build; build it first:
#   cmake -S . -B build && cmake --build build --target softmax_bench
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
rounds=${2:-5}
bin=$build/bench/softmax_bench
if [ ! -x "$bin" ]; then
  echo "error: $bin not found (cmake --build $build --target softmax_bench)" >&2
  exit 2
fi
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  echo "error: /usr/bin/python3 cannot import torch (apt-get install -y python3-torch)" >&2
  exit 2
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
i=1
while [ "$i" -le "$rounds" ]; do
  echo "round $i/$rounds" >&2
  "$bin" --benchmark_min_time=0.5 --benchmark_format=json >"$work/ours.$i.json"
  /usr/bin/python3 "$here/torch_softmax.py" --repeats 1 --min-time 0.5 >"$work/torch.$i.txt"
  i=$((i + 1))
done
/usr/bin/python3 - "$work" "$rounds" <<'PY'
import json, statistics, sys
work, rounds = sys.argv[1], int(sys.argv[2])
ours, torch = {}, {}
for i in range(1, rounds + 1):
    for b in json.load(open(f"{work}/ours.{i}.json"))["benchmarks"]:
        method, rows, cols = b["name"].split("/")
        shape = f"{rows.split(':')[1]}x{cols.split(':')[1]}"
        ours.setdefault((method, shape), []).append(b["elements/s"])
    for line in open(f"{work}/torch.{i}.txt"):
        if not line.startswith("#"):
            name, rate = line.split()
            torch.setdefault(name.split("/")[1], []).append(float(rate))
med = lambda xs: statistics.median(xs)
shapes = sorted(torch, key=lambda s: -int(s.split("x")[0]))
print(f"median of {rounds} rounds, elements per CPU second (G = 1e9)")
print(f"{'method':24} " + " ".join(f"{s:>22}" for s in shapes))
print(f"{'torch.softmax (1 thread)':24} " + " ".join(f"{med(torch[s]) / 1e9:21.3f}G" for s in shapes))
methods = sorted({m for m, _ in ours}, key=["naive", "shifted", "log_softmax", "higham", "rowwise_vector_shifted"].index)
for m in methods:
    cells = []
    for s in shapes:
        r = med(ours[(m, s)])
        cells.append(f"{r / 1e9:.3f}G = {r / med(torch[s]):.2f}x torch")
    print(f"{m:24} " + " ".join(f"{c:>22}" for c in cells))
print("shifted / naive time:   " + " ".join(
    f"{med(ours[('naive', s)]) / med(ours[('shifted', s)]):>22.3f}" for s in shapes))
print("spread over the rounds (min..max, G elements/s):")
for name, xs in [("torch.softmax", torch)] + [(m, {s: ours[(m, s)] for s in shapes}) for m in methods]:
    print(f"  {name:22} " + " ".join(f"{min(xs[s]) / 1e9:>10.3f}..{max(xs[s]) / 1e9:<10.3f}" for s in shapes))
PY
