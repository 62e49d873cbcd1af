#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Training speed and accuracy of logitlab-cli train against PyTorch and a NumPy loop.

All three train the course network on the same MNIST-10k files (resources/mnist-10k):
784-25-15-10, ReLU, linear output + cross-entropy from logits, plain SGD lr 0.1, batch 32,
float32, Glorot-uniform weights and zero biases, a fresh shuffle every epoch. Timed: the
training batches of an epoch only (evaluation excluded), for every engine.

Speed: the median of the per-epoch times of epochs 2..E (the first epoch warms caches and
allocators). Two clocks: wall time, and process CPU time, which other processes on a shared
machine do not inflate; single-threaded runs are compared on CPU time, PyTorch with two
threads on wall time (its CPU time adds up both threads). PyTorch's figure is the better of 1
and 2 threads; NumPy runs with one OpenBLAS thread (OPENBLAS_NUM_THREADS=1) and with two.

Accuracy: the test accuracy after 10 epochs, mean over --seeds seeds for us and for PyTorch.

Run with Debian's /usr/bin/python3 (python3-torch, python3-numpy, libopenblas0-pthread).
"""
import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "resources", "mnist-10k")
SIZES = [784, 25, 15, 10]
# FLOPs of one epoch: forward 2 N sum(in*out); weight gradients the same again; input
# gradients of layers 2 and 3 (layer 1 needs none): 2 N (25*15 + 15*10).
N_TRAIN = 8000
FORWARD = sum(a * b for a, b in zip(SIZES, SIZES[1:]))
EPOCH_FLOP = 2 * N_TRAIN * (2 * FORWARD + 25 * 15 + 15 * 10)


def load_idx(name):
    import numpy as np
    with gzip.open(os.path.join(DATA, name + ".gz"), "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load_data():
    import numpy as np
    xtr = (load_idx("train-images-idx3-ubyte").reshape(-1, 784) / 255.0).astype(np.float32)
    ytr = load_idx("train-labels-idx1-ubyte").astype(np.int64)
    xte = (load_idx("t10k-images-idx3-ubyte").reshape(-1, 784) / 255.0).astype(np.float32)
    yte = load_idx("t10k-labels-idx1-ubyte").astype(np.int64)
    return xtr, ytr, xte, yte


def summary(wall, cpu):
    """Median over epochs 2..E of the wall and CPU seconds."""
    w, c = wall[1:] or wall, cpu[1:] or cpu
    return {"wall": statistics.median(w), "cpu": statistics.median(c), "best_wall": min(w), "best_cpu": min(c)}


# ---- logitlab-cli ---------------------------------------------------------------------------
def run_ours(cli, epochs, seed):
    out = subprocess.run([cli, "train", "--epochs", str(epochs), "--seed", str(seed), "--json"],
                         check=True, capture_output=True, text=True).stdout
    doc = json.loads(out)
    ep = doc["epochs"]
    return ([e["seconds"] for e in ep], [e["cpu_seconds"] for e in ep], ep[-1]["test_accuracy"])


# ---- PyTorch --------------------------------------------------------------------------------
def run_torch(epochs, seed, threads, data):
    import torch
    torch.set_num_threads(threads)
    torch.manual_seed(seed)
    xtr, ytr, xte, yte = (torch.from_numpy(a) for a in data)
    layers = []
    for i, (a, b) in enumerate(zip(SIZES, SIZES[1:])):
        lin = torch.nn.Linear(a, b)
        torch.nn.init.xavier_uniform_(lin.weight)
        torch.nn.init.zeros_(lin.bias)
        layers.append(lin)
        if i < len(SIZES) - 2:
            layers.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*layers)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    loss_fn = torch.nn.CrossEntropyLoss()
    gen = torch.Generator().manual_seed(seed)
    wall, cpu = [], []
    n = xtr.shape[0]
    for _ in range(epochs):
        perm = torch.randperm(n, generator=gen)
        t0, c0 = time.perf_counter(), time.process_time()
        for i in range(0, n, 32):
            idx = perm[i:i + 32]
            opt.zero_grad()
            loss = loss_fn(model(xtr[idx]), ytr[idx])
            loss.backward()
            opt.step()
        wall.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    with torch.no_grad():
        acc = (model(xte).argmax(1) == yte).double().mean().item()
    return wall, cpu, acc


# ---- NumPy ----------------------------------------------------------------------------------
NUMPY_CHILD = r'''
import json, sys, time
import numpy as np
sys.path.insert(0, sys.argv[1])
from train_peers import load_data, SIZES
epochs, seed = int(sys.argv[2]), int(sys.argv[3])
xtr, ytr, xte, yte = load_data()
rng = np.random.default_rng(seed)
W = [rng.uniform(-np.sqrt(6 / (a + b)), np.sqrt(6 / (a + b)), (b, a)).astype(np.float32)
     for a, b in zip(SIZES, SIZES[1:])]
B = [np.zeros(b, np.float32) for b in SIZES[1:]]
lr = np.float32(0.1)
n = xtr.shape[0]
wall, cpu = [], []
for _ in range(epochs):
    perm = rng.permutation(n)
    t0, c0 = time.perf_counter(), time.process_time()
    for i in range(0, n, 32):
        idx = perm[i:i + 32]
        x, y = xtr[idx], ytr[idx]
        m = x.shape[0]
        z1 = x @ W[0].T + B[0]; a1 = np.maximum(z1, 0)
        z2 = a1 @ W[1].T + B[1]; a2 = np.maximum(z2, 0)
        z3 = a2 @ W[2].T + B[2]
        e = np.exp(z3 - z3.max(axis=1, keepdims=True))
        s = e.sum(axis=1, keepdims=True)
        loss = float(np.mean(np.log(s[:, 0]) - (z3 - z3.max(axis=1, keepdims=True))[np.arange(m), y]))
        d3 = e / s
        d3[np.arange(m), y] -= 1
        d3 /= m
        d2 = (d3 @ W[2]) * (a2 > 0)
        d1 = (d2 @ W[1]) * (a1 > 0)
        grads = [(d1.T @ x, d1.sum(0)), (d2.T @ a1, d2.sum(0)), (d3.T @ a2, d3.sum(0))]
        for k, (gw, gb) in enumerate(grads):
            W[k] -= lr * gw
            B[k] -= lr * gb
    wall.append(time.perf_counter() - t0)
    cpu.append(time.process_time() - c0)
a = xte
for k in range(3):
    a = a @ W[k].T + B[k]
    if k < 2:
        a = np.maximum(a, 0)
print(json.dumps({"wall": wall, "cpu": cpu, "acc": float((a.argmax(1) == yte).mean())}))
'''


def run_numpy(epochs, seed, threads):
    env = dict(os.environ, OPENBLAS_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
    out = subprocess.run([sys.executable, "-c", NUMPY_CHILD, HERE, str(epochs), str(seed)], env=env,
                         check=True, capture_output=True, text=True).stdout
    d = json.loads(out)
    return d["wall"], d["cpu"], d["acc"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cli", required=True, help="path of logitlab-cli")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--seeds", type=int, default=5, help="seeds for the accuracy comparison")
    parser.add_argument("--peak", type=float, default=117.0, help="fp32 FMA peak of one core, GFLOP/s")
    args = parser.parse_args()

    import numpy
    import torch
    print(f"# torch {torch.__version__}, numpy {numpy.__version__}, {os.cpu_count()} CPUs; "
          f"{args.epochs} epochs, median of epochs 2..{args.epochs}")
    data = load_data()

    rows = {}
    w, c, _ = run_ours(args.cli, args.epochs, 1)
    rows["logitlab (1 thread)"] = summary(w, c)
    for t in (1, 2):
        w, c, _ = run_torch(args.epochs, 1, t, data)
        rows[f"pytorch ({t} thread{'s' if t > 1 else ''})"] = summary(w, c)
    for t in (1, 2):
        w, c, _ = run_numpy(args.epochs, 1, t)
        rows[f"numpy ({t} thread{'s' if t > 1 else ''})"] = summary(w, c)

    print(f"\n{'engine':22} {'wall s/epoch':>13} {'cpu s/epoch':>12} {'best wall':>10} {'best cpu':>9}")
    for name, r in rows.items():
        print(f"{name:22} {r['wall']:13.4f} {r['cpu']:12.4f} {r['best_wall']:10.4f} {r['best_cpu']:9.4f}")

    # One figure per engine: CPU time when single-threaded, wall time with two threads.
    ours = rows["logitlab (1 thread)"]["cpu"]
    torch_best = min(rows["pytorch (1 thread)"]["cpu"], rows["pytorch (2 threads)"]["wall"])
    numpy_best = min(rows["numpy (1 thread)"]["cpu"], rows["numpy (2 threads)"]["wall"])
    gflops = EPOCH_FLOP / ours / 1e9
    print(f"\nours {ours:.4f} s/epoch; PyTorch best {torch_best:.4f}; NumPy best {numpy_best:.4f}")
    print(f"ours / PyTorch = {ours / torch_best:.3f}   (target <= 0.25)")
    print(f"ours / NumPy   = {ours / numpy_best:.3f}   (target <= 0.5)")
    print(f"epoch = {EPOCH_FLOP / 1e6:.0f} MFLOP: {gflops:.1f} GFLOP/s = {100 * gflops / args.peak:.0f}% of "
          f"{args.peak:g} GFLOP/s (lower bound at peak: {EPOCH_FLOP / args.peak / 1e9:.4f} s)")

    if args.seeds > 0:
        ours_acc, torch_acc = [], []
        for seed in range(1, args.seeds + 1):
            ours_acc.append(run_ours(args.cli, 10, seed)[2])
            torch_acc.append(run_torch(10, seed, 1, data)[2])
        mo, mt = statistics.mean(ours_acc), statistics.mean(torch_acc)
        print(f"\ntest accuracy after 10 epochs, mean of {args.seeds} seeds: ours {100 * mo:.2f}% "
              f"({' '.join(f'{100 * a:.2f}' for a in ours_acc)}), PyTorch {100 * mt:.2f}% "
              f"({' '.join(f'{100 * a:.2f}' for a in torch_acc)}); difference {100 * (mo - mt):+.2f} points "
              f"(target within 0.5)")


if __name__ == "__main__":
    main()
