#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""PyTorch peer for bench/softmax_bench: CPU softmax along the last axis, float32, one thread.

Prints one line per shape, "torch_softmax/<rows>x<cols> <elements/s>", the median of
--repeats timed runs (each run repeats the call until at least --min-time seconds of CPU time
have passed). Rates are per CPU second, like Google Benchmark's counters, so that other
processes on a shared machine do not count against either side. Logits are uniform in [-8, 8),
as in softmax_bench.
Run with Debian's /usr/bin/python3 (python3-torch 1.13).
"""
import argparse
import statistics
import time

import torch

SHAPES = [(1_000_000, 10), (10_000, 1000)]


def rate(x, min_time):
    out = torch.empty_like(x)
    torch.softmax(x, dim=-1, out=out)  # warm-up
    calls, start = 0, time.process_time()
    while True:
        torch.softmax(x, dim=-1, out=out)
        calls += 1
        elapsed = time.process_time() - start
        if elapsed >= min_time:
            return calls * x.numel() / elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--min-time", type=float, default=0.5)
    args = parser.parse_args()
    torch.set_num_threads(1)
    gen = torch.Generator().manual_seed(1)
    print(f"# torch {torch.__version__}, threads {torch.get_num_threads()}")
    for rows, cols in SHAPES:
        x = torch.rand(rows, cols, generator=gen, dtype=torch.float32) * 16.0 - 8.0
        rates = [rate(x, args.min_time) for _ in range(args.repeats)]
        print(f"torch_softmax/{rows}x{cols} {statistics.median(rates):.6g}")


if __name__ == "__main__":
    main()
