/**
 * Download Python: a self-contained numpy script that trains the same RFM on the run's own data (inline,
 * as base64 float32) and prints the test MSE of every iteration next to the app's. The algorithm is the
 * project's float64 reference (scripts/rfm_reference.py, docs/algorithm.md) in its plainest form; the AGOP
 * sample rows, when the run subsamples, are the engine's own (same seed, same permutation).
 */
import type { AccuracyRule, Dataset, RfmOptions } from '../core/types';

export interface PythonExport {
  data: Pick<Dataset, 'xTrain' | 'yTrain' | 'xTest' | 'yTest' | 'nTrain' | 'nTest' | 'd' | 'c' | 'accuracy'>;
  options: RfmOptions;
  /** Training rows the AGOP averages over (null: all). */
  agopRows: Int32Array | null;
  /** The app's test MSE per iteration, printed beside the script's own. */
  appTestMse: (number | null)[];
  /** e.g. "preset seed, n=300" (a comment in the header). */
  description: string;
}

/** Base64 of the float32 bytes (little-endian, as every browser lays them out), wrapped at 96 characters. */
function base64Float32(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const text = btoa(binary);
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += 96) lines.push(`    "${text.slice(i, i + 96)}"`);
  return lines.length ? `(\n${lines.join('\n')}\n)` : '""';
}

const pyNumber = (v: number | null) => (v === null || !Number.isFinite(v) ? 'None' : String(v));
const pyBool = (v: boolean) => (v ? 'True' : 'False');

export function pythonScript({ data, options, agopRows, appTestMse, description }: PythonExport): string {
  const rule: AccuracyRule = data.accuracy;
  return `#!/usr/bin/env python3
"""
Recursive Feature Machine, exported from RFM Explorer (${description}).

Run:  python3 rfm_run.py            (needs numpy only; float64 throughout)
It trains the same RFM on the same data as the app (the data is inline below) and prints the test MSE of
every iteration beside the app's (float32 in the browser): they agree to about 1e-3 relative or better.

At scale, on a GPU: the same steps in PyTorch are a line each (torch.cdist for distances, torch.linalg.solve
or torch.linalg.cholesky + cholesky_solve for alpha, two matmuls for the gradients, as in gradients() below);
move X, Y and M to torch.device("cuda") in float32. The xRFM library (pip install xrfm,
github.com/dmbeaglehole/xRFM) implements RFMs for large tabular data with tree-partitioned, GPU-batched
kernels: its "max" update convention is this script's CONVENTION = "max".
"""
import base64

import numpy as np

KERNEL = "${options.kernel}"  # laplace | gaussian | laplace-q
BANDWIDTH = ${options.bandwidth}  # L
EXPONENT = ${options.exponent}  # q of laplace-q
RIDGE = ${options.ridge}  # lambda
ITERATIONS = ${options.iterations}  # M updates T (T + 1 solves; iteration 0 is M = I, the plain kernel)
CONVENTION = "${options.convention}"  # mean: G / n; max: G / max|G|; sqrt: (G / n)^(1/2)
DIAGONAL = ${pyBool(options.diagonal)}  # keep M diagonal
CENTERING = ${pyBool(options.centering)}  # subtract the mean gradient before the AGOP
ACCURACY = "${rule}"  # argmax | sign | threshold | none
N_TRAIN, N_TEST, D, C = ${data.nTrain}, ${data.nTest}, ${data.d}, ${data.c}
APP_TEST_MSE = [${appTestMse.map(pyNumber).join(', ')}]
# Training rows the AGOP averages over (the app's sample of ${agopRows ? agopRows.length : data.nTrain}); None: all.
AGOP_ROWS = ${agopRows ? `[${Array.from(agopRows).join(', ')}]` : 'None'}


def float32_array(text, rows, cols):
    return np.frombuffer(base64.b64decode(text), dtype="<f4").astype(np.float64).reshape(rows, cols)


X = float32_array(${base64Float32(data.xTrain)}, N_TRAIN, D)
Y = float32_array(${base64Float32(data.yTrain)}, N_TRAIN, C)
XT = float32_array(${base64Float32(data.xTest)}, N_TEST, D)
YT = float32_array(${base64Float32(data.yTest)}, N_TEST, C)


def kernel_value(d2):
    if KERNEL == "laplace":
        return np.exp(-np.sqrt(d2) / BANDWIDTH)
    if KERNEL == "gaussian":
        return np.exp(-d2 / (2.0 * BANDWIDTH**2))
    return np.exp(-(d2 ** (EXPONENT / 2.0)) / BANDWIDTH**EXPONENT)


def kernel_weight(k, d2):
    """W with grad f(x_i) = M sum_j W_ij alpha_j (x_j - x_i); no self term except for the gaussian."""
    if KERNEL == "gaussian":
        return k / BANDWIDTH**2
    positive = d2 > 0
    safe = np.where(positive, d2, 1.0)
    if KERNEL == "laplace":
        w = k / (BANDWIDTH * np.sqrt(safe))
    else:
        w = EXPONENT * k * safe ** ((EXPONENT - 2.0) / 2.0) / BANDWIDTH**EXPONENT
    return np.where(positive, w, 0.0)


def squared_distances(Z, X, M, same):
    """||z_i - x_j||_M^2, clamped at 0; self pairs exactly 0."""
    ZM = Z @ M
    d2 = np.einsum("ij,ij->i", ZM, Z)[:, None] + np.einsum("ij,ij->i", X @ M, X)[None, :] - 2.0 * (ZM @ X.T)
    np.maximum(d2, 0.0, out=d2)
    if same:
        np.fill_diagonal(d2, 0.0)
    return d2


def solve(K, Y):
    """alpha = (K + lambda I)^-1 Y, with growing diagonal jitter if the factorisation fails (as the app does)."""
    A = K + RIDGE * np.eye(len(K))
    jitter = 1e-6 * np.mean(np.diag(K))
    while True:
        try:
            L = np.linalg.cholesky(A)
            return np.linalg.solve(L.T, np.linalg.solve(L, Y))
        except np.linalg.LinAlgError:
            A = A + jitter * np.eye(len(K))
            jitter *= 10


def gradients(X, M, alpha, rows):
    """grad f_k(x_i) for the rows i: [c, len(rows), d]."""
    d2 = squared_distances(X[rows], X, M, same=False)
    d2[np.arange(len(rows)), rows] = 0.0
    W = kernel_weight(kernel_value(d2), d2)
    out = []
    for k in range(alpha.shape[1]):
        a = alpha[:, k]
        U = (W * a[None, :]) @ X - (W @ a)[:, None] * X[rows]
        out.append(U @ M)
    return np.stack(out)


def update(G, n):
    if DIAGONAL:
        G = np.diag(np.diag(G))
    if CONVENTION == "mean":
        return G / n
    if CONVENTION == "max":
        return G / np.max(np.abs(G))
    vals, vecs = np.linalg.eigh((G / n + (G / n).T) / 2.0)
    return (vecs * np.sqrt(np.clip(vals, 0.0, None))) @ vecs.T


def accuracy(pred, T):
    if ACCURACY == "argmax":
        return float(np.mean(np.argmax(pred, axis=1) == np.argmax(T, axis=1)))
    if ACCURACY == "sign":
        return float(np.mean(np.sign(pred[:, 0]) == np.sign(T[:, 0])))
    if ACCURACY == "threshold":
        return float(np.mean((pred[:, 0] >= 0.5) == (T[:, 0] >= 0.5)))
    return None


def main():
    rows = np.arange(N_TRAIN) if AGOP_ROWS is None else np.array(AGOP_ROWS)
    # Centre the inputs on the training mean (every kernel depends on x - z only; the app does the same).
    mean = X.mean(axis=0)
    x, xt = X - mean, XT - mean
    M = np.eye(D)
    print("iteration  train_mse  test_mse  app_test_mse  relative_difference  test_accuracy")
    for t in range(ITERATIONS + 1):
        K = kernel_value(squared_distances(x, x, M, same=True))
        alpha = solve(K, Y)
        train_mse = float(np.mean((K @ alpha - Y) ** 2))
        test_pred = kernel_value(squared_distances(xt, x, M, same=False)) @ alpha if N_TEST else None
        test_mse = float(np.mean((test_pred - YT) ** 2)) if N_TEST else None
        app = APP_TEST_MSE[t] if t < len(APP_TEST_MSE) else None
        rel = abs(test_mse - app) / abs(app) if test_mse is not None and app else None
        acc = accuracy(test_pred, YT) if N_TEST else None
        print(f"{t:9d}  {train_mse:.6e}  {test_mse if test_mse is None else format(test_mse, '.6e')}  "
              f"{app if app is None else format(app, '.6e')}  {rel if rel is None else format(rel, '.2e')}  {acc}")
        if t == ITERATIONS:
            break
        grads = gradients(x, M, alpha, rows)
        G = np.zeros((D, D))
        for g in grads:
            if CENTERING:
                g = g - g.mean(axis=0, keepdims=True)
            G += g.T @ g
        M = update(G, len(rows))
        M = (M + M.T) / 2.0


if __name__ == "__main__":
    main()
`;
}
