#!/usr/bin/env python3
"""The native side of scripts/convrfm-bench.mjs: one ConvRFM iteration (docs/convrfm.md) in numpy float32, with
the engine's algorithm on the very data the engine saw: per position one [n, f + 2] x [f + 2, n] product of
augmented centred patches gives log K (Gaussian), one exp; the solve with LAPACK (numpy.linalg.solve, float32);
predictions on train and test; the patch AGOP from one W_p [n, n] x [alpha (x) X_p, alpha] product per position.
The f x f update runs in float64.

    python3 scripts/convrfm_bench_native.py --data DIR [--repeats 3]

DIR holds meta.json ({n, nTest, c, side, patch, bandwidth, ridge}) and row-major little-endian float32 files
xTrain.f32, yTrain.f32, xTest.f32. Prints JSON: the median seconds of each phase and of the whole iteration
(wall and process CPU time).
"""
import argparse
import json
import os
import time

import numpy as np

F32 = np.float32


def patches(x, side, q):
    n = x.shape[0]
    img = x.reshape(n, side, side)
    out = [img[:, r:r + q, c:c + q].reshape(n, q * q) for r in range(side - q + 1) for c in range(side - q + 1)]
    return np.ascontiguousarray(np.stack(out))


def operands(p, M, scale, right):
    xm = p @ M
    sq = np.sum(xm * p, axis=2, keepdims=True)
    ones = np.ones_like(sq)
    left = np.concatenate([-2 * xm, sq, ones], axis=2) * F32(scale)
    r = np.ascontiguousarray(np.concatenate([p, ones, sq], axis=2).transpose(0, 2, 1)) if right else None
    return left, r


def kernel(left, right):
    K = np.zeros((left.shape[1], right.shape[2]), dtype=F32)
    for p in range(left.shape[0]):
        K += np.exp(left[p] @ right[p])
    return K / F32(left.shape[0])


def agop(ptr, left, right, alpha, L):
    P, n, f = ptr.shape
    c = alpha.shape[1]
    S = np.zeros((f, f), dtype=F32)
    for p in range(P):
        W = np.exp(left[p] @ right[p])
        x = ptr[p]
        B = np.concatenate([(alpha[:, :, None] * x[:, None, :]).reshape(n, c * f), alpha], axis=1) * F32(1 / L**2)
        T = W @ B
        U = (T[:, :c * f].reshape(n, c, f) - T[:, c * f:, None] * x[:, None, :]).reshape(n * c, f)
        S += U.T @ U
    return S.astype(np.float64)


def iteration(ptr, pte, ytr, M, L, ridge):
    t = {}
    clock = time.perf_counter()
    scale = -1 / (2 * L * L)
    M32 = M.astype(F32)
    ltr, rtr = operands(ptr, M32, scale, True)
    K = kernel(ltr, rtr)
    t['kernel'] = time.perf_counter() - clock
    clock = time.perf_counter()
    alpha = np.linalg.solve(K + F32(ridge) * np.eye(len(K), dtype=F32), ytr)
    t['solve'] = time.perf_counter() - clock
    clock = time.perf_counter()
    _ = K @ alpha
    lte, _ = operands(pte, M32, scale, False)
    _ = kernel(lte, rtr) @ alpha
    t['predict'] = time.perf_counter() - clock
    clock = time.perf_counter()
    S = agop(ptr, ltr, rtr, alpha, L)
    G = M @ S @ M
    w, v = np.linalg.eigh((G + G.T) / 2)
    R = (v * np.sqrt(np.clip(w, 0, None))) @ v.T
    M = R * (len(M) / np.trace(R))
    t['agop'] = time.perf_counter() - clock
    return M, t


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--data', required=True)
    parser.add_argument('--repeats', type=int, default=3)
    args = parser.parse_args()
    meta = json.load(open(os.path.join(args.data, 'meta.json')))
    n, m, c, side, q = meta['n'], meta['nTest'], meta['c'], meta['side'], meta['patch']
    read = lambda name, rows, cols: np.fromfile(os.path.join(args.data, name), dtype='<f4').reshape(rows, cols)
    xtr, ytr, xte = read('xTrain.f32', n, side * side), read('yTrain.f32', n, c), read('xTest.f32', m, side * side)
    ptr, pte = patches(xtr, side, q), patches(xte, side, q)
    mean = ptr.mean(axis=1, keepdims=True)
    ptr, pte = ptr - mean, pte - mean
    M = np.eye(q * q)
    walls, cpus, phases = [], [], []
    for _ in range(args.repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        _, t = iteration(ptr, pte, ytr, M, meta['bandwidth'], meta['ridge'])
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
        phases.append(t)
    median = lambda a: float(np.median(a))
    print(json.dumps({
        'wall_s': median(walls),
        'cpu_s': median(cpus),
        'phases_s': {k: median([t[k] for t in phases]) for k in phases[0]},
        'threads': os.environ.get('OPENBLAS_NUM_THREADS', 'default'),
        'numpy': np.__version__,
    }))


if __name__ == '__main__':
    main()
