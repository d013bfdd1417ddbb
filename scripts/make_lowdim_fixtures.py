#!/usr/bin/env python3
"""
Writes the low-dimensional golden fixtures: src/core/fixtures/lowdim-*.json (run: npm run fixtures:lowdim).

One-dimensional and two-dimensional inputs with deliberately close pairs (separations 1e-6 to 1e-3 of the
data's spread), both kernels, bandwidths L = 0.01, 0.1 and 1. In low dimension the float32 expansion
||x||^2 + ||z||^2 - 2 x^T M z loses the distance of close pairs and the Laplace weight 1/r amplifies the loss
(docs/algorithm.md, Distances in low dimension); these fixtures hold the engine to a float64 reference that
takes direct differences (scripts/rfm_reference.py, squared_distances(direct=True)). Same format and number
conventions as scripts/make_fixtures.py, whose helpers this script uses.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # Fixed summation order: byte-identical output.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import json  # noqa: E402
import pathlib  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import make_fixtures as mf  # noqa: E402
import rfm_reference as ref  # noqa: E402

GENERATOR = "scripts/make_lowdim_fixtures.py (float64 reference: scripts/rfm_reference.py, direct differences)"
BANDWIDTHS = (0.01, 0.1, 1.0)
KERNELS = ("laplace", "gaussian")


def points(d, n, m, rng):
    """n training and m test points in [-1, 1]^d; 20 training points get a partner at 1e-6 .. 1e-3, and 10
    test points sit that close to a training point."""
    x = rng.uniform(-1.0, 1.0, size=(n + m, d))
    offsets = np.logspace(-6, -3, 20)
    for k, delta in enumerate(offsets):
        x[n - 1 - k] = x[k] + delta * rng.choice([-1.0, 1.0], size=d)
    for k in range(10):
        x[n + k] = x[20 + k] + offsets[2 * k] * rng.choice([-1.0, 1.0], size=d)
    return mf.as_f32(x)


def target(x):
    y = np.sin(3 * x[:, 0])
    if x.shape[1] > 1:
        y = y + 0.5 * np.cos(2 * x[:, 1])
    return mf.as_f32(y[:, None])


def fixture(d, kernel, bandwidth):
    rng = np.random.default_rng(20240200 + 10 * d)
    n, m = 200, 100
    x = points(d, n, m, rng)
    y = target(x)
    X, Y, Xt, Yt = x[:n], y[:n], x[n:], y[n:]
    # d = 2, gaussian, L = 0.01: M grows ~10x per update and float32 rounding compounds along the trajectory
    # (one-step errors 2e-7, the trajectory's M_3 2e-4, at the golden tolerance): two updates there.
    iterations = 2 if (d, kernel, bandwidth) == (2, "gaussian", 0.01) else 3
    opts = mf.options(kernel=kernel, bandwidth=bandwidth, iterations=iterations)
    records = ref.run_rfm(X, Y, Xt, Yt, kernel=kernel, bandwidth=bandwidth, ridge=opts["ridge"],
                          iterations=opts["iterations"], spectrum_size=mf.STORED_EIGENVALUES, check_gradients=True,
                          direct=True)
    target_text = "sin(3 x1)" + (" + cos(2 x2) / 2" if d > 1 else "")
    return {
        "name": f"lowdim-d{d}-{kernel}-L{bandwidth:g}",
        "description": f"f(x) = {target_text}, x ~ U[-1, 1]^{d}, n = {n} with 20 pairs at 1e-6 .. 1e-3 and 10 test "
                       f"points that close to training points; {kernel} L = {bandwidth:g}",
        "generator": GENERATOR,
        "options": opts,
        "data": {
            "nTrain": n, "nTest": m, "d": d, "c": 1, "accuracy": "none",
            "xTrain": mf.f32_list(X), "yTrain": mf.f32_list(Y), "xTest": mf.f32_list(Xt), "yTest": mf.f32_list(Yt),
        },
        "iterations": [{
            "iteration": r["iteration"],
            "M": mf.f64_list(r["M"]),
            "alpha": mf.f64_list(r["alpha"]),
            "trainMse": r["train_mse"],
            "testMse": r["test_mse"],
            "trainAccuracy": r["train_acc"],
            "testAccuracy": r["test_acc"],
            "kernelEigenvalues": mf.f64_list(r["kernel_eigenvalues"]),
            "kernelCondition": r["kernel_condition"],
        } for r in records],
    }


def main():
    for d in (1, 2):
        for kernel in KERNELS:
            for bandwidth in BANDWIDTHS:
                f = fixture(d, kernel, bandwidth)
                text = json.dumps(f, separators=(",", ":"), allow_nan=False) + "\n"
                path = mf.OUT / f"{f['name']}.json"
                path.write_text(text)
                summary = " ".join(f"[t={it['iteration']} max|M| {np.max(np.abs(it['M'])):.4g} test {it['testMse']:.4g} "
                                   f"cond {it['kernelCondition']:.2g}]" for it in f["iterations"])
                print(f"{path.name}: {len(text) / 1e3:.0f} kB {summary}")


if __name__ == "__main__":
    main()
