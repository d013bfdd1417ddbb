"""
The native reference of `npm run bench`: the same RFM iteration as the engine (docs/algorithm.md), in plain numpy
float32 (where PyTorch code would use float32 too), on the very data the engine sees.

scripts/bench.mjs writes each case to a folder (meta.json with sizes and RFM options, and row-major
little-endian float32 files xTrain.f32, yTrain.f32, xTest.f32, yTest.f32); this script runs the case
`--repeats` times and writes the per-iteration phase times and metrics as JSON, in the shape of
src/bench/benchTypes.ts (BenchRunResult).

Each phase does the same work as the engine's: the kernel from the Mahalanobis expansion with exact zero
self-distances; the solve with LAPACK (numpy.linalg.solve, float32); predictions on train and test; the kernel
spectrum by randomised subspace iteration (top k + 10, Rayleigh-Ritz) warm-started from the previous
iteration's Ritz vectors with the engine's stopping rule (src/core/spectrum.ts), not a full eigh;
the AGOP from the kernel's gradient weights W without any n x n x d tensor (distances recomputed, as the
engine and the authors' code do). The d x d update runs in float64.

    python3 scripts/bench_native.py --data DIR --repeats 3 --out result.json
"""

import argparse
import json
import os
import platform
import time

import numpy as np

F32 = np.float32


class Kernel:
    """K from squared distances, and the gradient weight W (docs/algorithm.md, step 4), in float32."""

    def __init__(self, name, bandwidth, exponent):
        if name not in ("laplace", "gaussian", "laplace-q"):
            raise ValueError(f"invalid kernel: {name}")
        self.name, self.L, self.q = name, float(bandwidth), float(exponent)

    def value(self, d2):
        if self.name == "gaussian":
            k = d2 * F32(-1.0 / (2.0 * self.L**2))
        elif self.name == "laplace":
            k = np.sqrt(d2) * F32(-1.0 / self.L)
        else:
            k = np.power(d2, F32(self.q / 2.0)) * F32(-1.0 / self.L**self.q)
        return np.exp(k, out=k)

    def weight(self, k, d2):
        if self.name == "gaussian":
            return k * F32(1.0 / self.L**2)
        positive = d2 > 0
        safe = np.where(positive, d2, F32(1.0))
        if self.name == "laplace":
            w = k / (np.sqrt(safe) * F32(self.L))
        else:
            w = k * np.power(safe, F32((self.q - 2.0) / 2.0)) * F32(self.q / self.L**self.q)
        w[~positive] = 0
        return w


def squared_distances(z, z_norms, xm, x_norms, same):
    """||z_i - x_j||_M^2 = ||z_i||_M^2 + ||x_j||_M^2 - 2 z_i^T M x_j, clamped at 0; exact 0 on self pairs."""
    d2 = z @ xm.T
    d2 *= F32(-2.0)
    d2 += z_norms[:, None]
    d2 += x_norms[None, :]
    np.maximum(d2, 0, out=d2)
    if same:
        np.fill_diagonal(d2, 0)
    return d2


def solve(k, y, ridge):
    """(K + ridge I)^{-1} Y in float32; on failure, jitter of 1% of the largest row sum (as the engine)."""
    a = k.copy()
    a[np.diag_indices_from(a)] += F32(ridge)
    try:
        return np.linalg.solve(a, y)
    except np.linalg.LinAlgError:
        a[np.diag_indices_from(a)] += F32(0.01 * np.abs(k).sum(axis=1).max())
        return np.linalg.solve(a, y)


POWER_STEPS = 3
SETTLE_TOLERANCE = 1e-4
SETTLE_COUNT = 10


def orthonormal(y):
    q, _ = np.linalg.qr(y)
    return q


def kernel_spectrum(k, count, seed, start=None):
    """Top `count` eigenvalues of K and the Ritz vectors to start the next kernel's iteration from.

    The same algorithm and stopping rule as src/core/spectrum.ts (docs/algorithm.md): randomised subspace
    iteration with Rayleigh-Ritz, top k + 10 columns. From a random start it takes POWER_STEPS power steps
    and one Rayleigh-Ritz (5 products with K); from the previous kernel's Ritz vectors it does Rayleigh-Ritz
    at every step and stops as soon as the top SETTLE_COUNT values move by less than SETTLE_TOLERANCE
    (relative), at most POWER_STEPS steps (3-5 products).
    """
    n = k.shape[0]
    wanted = min(count, n)
    width = min(n, wanted + 10)
    warm = start is not None and start.shape[0] == n and start.shape[1] <= width
    if warm:
        block = start
        if start.shape[1] < width:
            extra = np.random.default_rng(seed).standard_normal((n, width - start.shape[1]), dtype=F32)
            block = np.concatenate([start, extra], axis=1)
    else:
        block = np.random.default_rng(seed).standard_normal((n, width), dtype=F32)
    y = k @ block
    previous = None
    for step in range(POWER_STEPS + 1):
        q = orthonormal(y)
        last = step == POWER_STEPS
        if not warm and not last:
            y = k @ q
            continue
        kq = k @ q
        small = (q.T @ kq).astype(np.float64)
        values, vectors = np.linalg.eigh((small + small.T) / 2)
        values, vectors = values[::-1], vectors[:, ::-1]
        top = min(SETTLE_COUNT, wanted)
        settled = previous is not None and np.all(
            np.abs(values[:top] - previous[:top]) <= SETTLE_TOLERANCE * np.abs(values[:top])
        )
        if last or settled:
            basis = (q @ vectors.astype(F32)).astype(F32)
            return np.maximum(values[:wanted], 0), basis
        previous = values
        y = kq


def agop(kernel, x, xm, x_norms, alpha, centering):
    """sum_i sum_k u_ik u_ik^T with u_ik = sum_j W_ij alpha_jk (x_j - x_i), in float64 [d, d] (before M . M)."""
    n, d = x.shape
    c = alpha.shape[1]
    d2 = squared_distances(x, x_norms, xm, x_norms, same=True)
    w = kernel.weight(kernel.value(d2), d2)
    del d2
    alpha_x = (alpha[:, :, None] * x[:, None, :]).reshape(n, c * d)
    u = (w @ alpha_x).reshape(n, c, d)
    u -= (w @ alpha)[:, :, None] * x[:, None, :]
    if centering:
        u -= u.mean(axis=0, keepdims=True)
    u = u.reshape(n * c, d)
    return (u.T @ u).astype(np.float64)


def update(g, count, convention, diagonal):
    if diagonal:
        g = np.diag(np.diag(g))
    if convention == "mean":
        return g / count
    if convention == "max":
        largest = np.abs(g).max()
        return g / largest if largest > 0 else g
    if convention == "sqrt":
        values, vectors = np.linalg.eigh(g / count)
        return (vectors * np.sqrt(np.maximum(values, 0))) @ vectors.T
    raise ValueError(f"invalid update convention: {convention}")


def accuracy(pred, target, rule):
    if rule == "argmax":
        return float(np.mean(pred.argmax(axis=1) == target.argmax(axis=1)))
    if rule == "sign":
        return float(np.mean(np.sign(pred) == np.sign(target)))
    if rule == "threshold":
        return float(np.mean((pred >= 0.5) == (target >= 0.5)))
    return None


def target_scale(y, rule):
    """The RMS of a regression target's training values, or 1 (classification, or an all-zero target)."""
    if rule != "none" or y.size == 0:
        return 1.0
    rms = float(np.sqrt(np.mean(np.asarray(y, dtype=np.float64) ** 2)))
    return rms if rms > 0 and np.isfinite(rms) else 1.0


def mse(pred, target):
    return float(np.mean((pred.astype(np.float64) - target) ** 2))


def run_once(data, options):
    x, y, x_test, y_test = data["xTrain"], data["yTrain"], data["xTest"], data["yTest"]
    n, d = x.shape
    # Regression targets are trained divided by their RMS and predictions scaled back, as the engine does
    # (src/core/targetScale.ts, docs/algorithm.md "Target units"); classification targets are left alone.
    scale = target_scale(y, data["accuracy"])
    y_scaled = (y / scale).astype(F32)
    kernel = Kernel(options["kernel"], options["bandwidth"], options["exponent"])
    m = np.eye(d)
    iterations = []
    agop_ms = 0.0
    ritz_basis = None
    started = previous = time.perf_counter()
    for t in range(options["iterations"] + 1):
        timings = {"agop": agop_ms, "kernel": 0.0, "solve": 0.0, "predict": 0.0, "spectrum": 0.0}
        clock = time.perf_counter()
        m32 = m.astype(F32)
        xm = x @ m32
        x_norms = np.einsum("ij,ij->i", x, xm)
        k = kernel.value(squared_distances(x, x_norms, xm, x_norms, same=True))
        timings["kernel"] = (time.perf_counter() - clock) * 1e3

        clock = time.perf_counter()
        alpha = solve(k, y_scaled, options["ridge"])
        timings["solve"] = (time.perf_counter() - clock) * 1e3

        clock = time.perf_counter()
        train_pred = (k @ alpha) * scale
        test_pred = None
        if x_test.shape[0] > 0:
            xm_test = x_test @ m32
            test_norms = np.einsum("ij,ij->i", x_test, xm_test)
            test_pred = (kernel.value(squared_distances(x_test, test_norms, xm, x_norms, same=False)) @ alpha) * scale
        timings["predict"] = (time.perf_counter() - clock) * 1e3

        clock = time.perf_counter()
        _, ritz_basis = kernel_spectrum(k, options["spectrumSize"], options["seed"] + t, ritz_basis)
        timings["spectrum"] = (time.perf_counter() - clock) * 1e3
        del k

        now = time.perf_counter()
        iterations.append(
            {
                "iteration": t,
                "wallMs": (now - previous) * 1e3,
                "timings": timings,
                "trainMse": mse(train_pred, y),
                "testMse": mse(test_pred, y_test) if test_pred is not None else None,
                "testAccuracy": accuracy(test_pred, y_test, data["accuracy"]) if test_pred is not None else None,
                "backend": "numpy",
            }
        )
        previous = now
        if t < options["iterations"]:
            clock = time.perf_counter()
            g = agop(kernel, x, xm, x_norms, alpha, options["centering"])
            m = update(m @ g @ m, n, options["convention"], options["diagonal"])
            agop_ms = (time.perf_counter() - clock) * 1e3
    return {"iterations": iterations, "totalMs": (time.perf_counter() - started) * 1e3}


def load(folder):
    with open(os.path.join(folder, "meta.json"), encoding="utf8") as f:
        meta = json.load(f)

    def read(name, rows, cols):
        return np.fromfile(os.path.join(folder, f"{name}.f32"), dtype="<f4").reshape(rows, cols)

    n, m, d, c = meta["nTrain"], meta["nTest"], meta["d"], meta["c"]
    data = {
        "xTrain": read("xTrain", n, d),
        "yTrain": read("yTrain", n, c),
        "xTest": read("xTest", m, d),
        "yTest": read("yTest", m, c),
        "accuracy": meta["accuracy"],
    }
    return meta, data


def blas_name():
    try:
        config = np.show_config(mode="dicts")
        blas = config["Build Dependencies"]["blas"]
        return f"{blas.get('name', '?')} {blas.get('version', '')}".strip()
    except Exception:  # older numpy: no dict mode
        return "unknown"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, help="folder with meta.json and the .f32 files")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    meta, data = load(args.data)
    runs = []
    for repeat in range(args.repeats):
        run = run_once(data, meta["options"])
        for it in run["iterations"]:
            print(f"  native {meta['caseId']} repeat {repeat + 1} iteration {it['iteration']}: {it['wallMs']:.0f} ms", flush=True)
        runs.append(run)
    result = {
        "caseId": meta["caseId"],
        "side": "native",
        "backend": "numpy",
        "actualBackend": "numpy float32",
        "runs": runs,
        "environment": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "blas": blas_name(),
            "cpuCount": os.cpu_count(),
        },
    }
    with open(args.out, "w", encoding="utf8") as f:
        json.dump(result, f)


if __name__ == "__main__":
    main()
