#!/usr/bin/env python3
"""
Does RFM beat the plain Laplace kernel on the seed target f(x) = 5 x1^3 + 10 x2^2 + 2 x3, and under which
settings? A float64 study with the reference of scripts/rfm_reference.py (python3 scripts/seed_study.py).

For each input distribution, dimension d, bandwidth L and update convention it prints the test MSE of the
baseline (t = 0), of the final iteration and of the best one, as well as the test MSE on the "bulk" of the
test set (|x1|, |x2|, |x3| <= 2), which leaves out the few points where the cubic's tails dominate.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "4")

import argparse  # noqa: E402
import pathlib  # noqa: E402
import sys  # noqa: E402

import numpy as np  # noqa: E402

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import rfm_reference as ref  # noqa: E402


def seed_data(rng, distribution, n, d):
    if distribution == "normal":
        x = rng.normal(size=(n, d))
    else:  # uniform with unit variance
        x = rng.uniform(-np.sqrt(3.0), np.sqrt(3.0), size=(n, d))
    x = x.astype(np.float32).astype(np.float64)
    return x, (5 * x[:, 0] ** 3 + 10 * x[:, 1] ** 2 + 2 * x[:, 2])[:, None]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--m", type=int, default=500)
    parser.add_argument("--iterations", type=int, default=5)
    parser.add_argument("--seeds", type=int, default=1)
    parser.add_argument("--dims", default="10,20")
    parser.add_argument("--bandwidths", default="1,3,10,30")
    parser.add_argument("--conventions", default="mean,max")
    parser.add_argument("--distributions", default="normal,uniform")
    args = parser.parse_args()
    print(f"n = {args.n}, m = {args.m}, {args.iterations} updates, ridge 1e-3, laplace; test MSE "
          f"(mean over {args.seeds} seed(s)); 'bulk' = test points with |x1|,|x2|,|x3| <= 2")
    print(f"{'x':8} {'d':>3} {'L':>4} {'conv':5} | {'base':>8} {'final':>8} {'best':>8} (t) {'final/base':>10} |"
          f" {'bulk base':>9} {'bulk final':>10} | top-3 diag of M_T / trace")
    for distribution in args.distributions.split(","):
        for d in map(int, args.dims.split(",")):
            for L in map(float, args.bandwidths.split(",")):
                for convention in args.conventions.split(","):
                    curves, bulk_curves, concentration = [], [], []
                    for s in range(args.seeds):
                        rng = np.random.default_rng(1000 + s)
                        X, Y = seed_data(rng, distribution, args.n, d)
                        Xt, Yt = seed_data(rng, distribution, args.m, d)
                        bulk = np.all(np.abs(Xt[:, :3]) <= 2, axis=1)
                        records = ref.run_rfm(X, Y, Xt, Yt, kernel="laplace", bandwidth=L, ridge=1e-3,
                                              iterations=args.iterations, convention=convention)
                        curves.append([r["test_mse"] for r in records])
                        kern = ref.Kernel("laplace", L)
                        bulk_mse = []
                        for r in records:
                            pred = kern.value(ref.squared_distances(Xt[bulk], X, r["M"], False)) @ r["alpha"]
                            bulk_mse.append(float(np.mean((pred - Yt[bulk]) ** 2)))
                        bulk_curves.append(bulk_mse)
                        diag = np.diag(records[-1]["M"])
                        concentration.append(diag[:3] / diag.sum())
                    c = np.mean(curves, axis=0)
                    b = np.mean(bulk_curves, axis=0)
                    best = int(np.argmin(c))
                    conc = np.mean(concentration, axis=0)
                    print(f"{distribution:8} {d:3d} {L:4g} {convention:5} | {c[0]:8.3g} {c[-1]:8.3g} {c[best]:8.3g} "
                          f"({best}) {c[-1] / c[0]:10.2f} | {b[0]:9.3g} {b[-1]:10.3g} | "
                          + " ".join(f"{v:.2f}" for v in conc), flush=True)


if __name__ == "__main__":
    main()
