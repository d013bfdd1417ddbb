"""
An independent float64 reference of one RFM run, written from docs/algorithm.md with numpy only.

It shares no code with the TypeScript engine (src/core) and is deliberately plain: dense n x n
matrices, numpy.linalg.solve for the system, numpy.linalg.eigvalsh for spectra. It is the ground truth
for the golden fixtures (scripts/make_fixtures.py) and for studies of the algorithm's behaviour
(scripts/seed_study.py). Inputs are whatever float64 arrays the caller passes; the fixture script rounds
them to float32 first so that the engine and the reference see identical numbers.
"""

import numpy as np


# ---------------------------------------------------------------------------------------------- kernels

class Kernel:
    """K from squared Mahalanobis distances d2, and the gradient weight W (docs/algorithm.md, step 4)."""

    def __init__(self, name, bandwidth, exponent=1.0):
        if name not in ("laplace", "gaussian", "laplace-q"):
            raise ValueError(f"invalid kernel: {name}")
        self.name = name
        self.L = float(bandwidth)
        self.q = float(exponent)

    def value(self, d2):
        if self.name == "laplace":
            return np.exp(-np.sqrt(d2) / self.L)
        if self.name == "gaussian":
            return np.exp(-d2 / (2.0 * self.L**2))
        return np.exp(-(d2 ** (self.q / 2.0)) / self.L**self.q)

    def weight(self, k, d2):
        """W_ij with grad f(x_i) = M sum_j W_ij alpha_j (x_j - x_i); W = 0 where d2 = 0 except gaussian."""
        if self.name == "gaussian":
            return k / self.L**2
        positive = d2 > 0
        safe = np.where(positive, d2, 1.0)
        if self.name == "laplace":
            w = k / (self.L * np.sqrt(safe))
        else:
            w = self.q * k * safe ** ((self.q - 2.0) / 2.0) / self.L**self.q
        return np.where(positive, w, 0.0)


# Inputs with at most this many coordinates take direct differences when a caller asks (direct=True).
DIRECT_MAX_DIMENSION = 3


def squared_distances(Z, X, M, same, direct=False):
    """||z_i - x_j||_M^2 by the expansion ||z||_M^2 + ||x||_M^2 - 2 z^T M x, clamped at 0.

    `same` says Z is X: the self pairs are then set to exactly 0 by index (docs/algorithm.md, Kernels).
    `direct` (for d <= DIRECT_MAX_DIMENSION) sums M_ab D_a D_b over direct differences D_a = z_a - x_a instead:
    even in float64 the expansion keeps only ~1e-16 ||x||^2 in absolute terms, a relative 1e-4 for a pair at
    1e-6 (the low-dimensional fixtures, scripts/make_lowdim_fixtures.py, place pairs that close).
    """
    if direct and Z.shape[1] <= DIRECT_MAX_DIMENSION:
        D = Z[:, None, :] - X[None, :, :]
        d2 = np.maximum(np.einsum("ija,ab,ijb->ij", D, M, D), 0.0)
        if same:
            np.fill_diagonal(d2, 0.0)
        return d2
    ZM = Z @ M
    z_norms = np.einsum("ij,ij->i", ZM, Z)
    x_norms = np.einsum("ij,ij->i", X @ M, X)
    d2 = z_norms[:, None] + x_norms[None, :] - 2.0 * (ZM @ X.T)
    np.maximum(d2, 0.0, out=d2)
    if same:
        np.fill_diagonal(d2, 0.0)
    return d2


# ----------------------------------------------------------------------------------------- the pieces

def solve(K, Y, ridge):
    """alpha = (K + ridge I)^{-1} Y in float64. Raises if K + ridge I is not numerically positive definite."""
    A = K + ridge * np.eye(K.shape[0])
    np.linalg.cholesky(A)  # The engine would add jitter here; fixtures must not need it.
    return np.linalg.solve(A, Y)


def gradients(kernel, X, M, alpha, direct=False):
    """grad f_k(x_i) for every training point: array [c, n, d] (row i of slice k is grad f_k(x_i)^T).

    u_ik = sum_j W_ij alpha_jk (x_j - x_i) = (W diag(alpha_k) X)_i - (W alpha_k)_i x_i, grad = M u.
    """
    d2 = squared_distances(X, X, M, same=True, direct=direct)
    W = kernel.weight(kernel.value(d2), d2)
    out = []
    for k in range(alpha.shape[1]):
        a = alpha[:, k]
        if direct and X.shape[1] <= DIRECT_MAX_DIMENSION:  # No cancellation of |x| / r sized terms.
            U = np.einsum("ij,j,ija->ia", W, a, X[None, :, :] - X[:, None, :])
        else:
            U = (W * a[None, :]) @ X - (W @ a)[:, None] * X
        out.append(U @ M)  # M is symmetric: (M u)^T = u^T M.
    return np.stack(out)


def gradients_by_loop(kernel, X, M, alpha):
    """The same gradients point by point, straight from the definition (a check on `gradients`)."""
    n, d = X.shape
    c = alpha.shape[1]
    out = np.zeros((c, n, d))
    for i in range(n):
        diff = X - X[i]  # x_j - x_i
        d2 = np.maximum(np.einsum("ij,jk,ik->i", diff, M, diff), 0.0)
        d2[i] = 0.0
        w = kernel.weight(kernel.value(d2), d2)
        for k in range(c):
            out[k, i] = M @ (diff.T @ (w * alpha[:, k]))
    return out


def agop(grads, centering):
    """G = sum_i sum_k grad f_k(x_i) grad f_k(x_i)^T; centring subtracts the per-output mean gradient."""
    G = np.zeros((grads.shape[2], grads.shape[2]))
    for g in grads:
        if centering:
            g = g - g.mean(axis=0, keepdims=True)
        G += g.T @ g
    return G


def update(G, n, convention, diagonal):
    """M_{t+1} from the AGOP sum G over n points (docs/algorithm.md, step 6)."""
    if diagonal:
        G = np.diag(np.diag(G))
    if convention == "mean":
        return G / n
    if convention == "max":
        return G / np.max(np.abs(G))
    if convention == "sqrt":
        vals, vecs = np.linalg.eigh((G / n + (G / n).T) / 2.0)
        return (vecs * np.sqrt(np.clip(vals, 0.0, None))) @ vecs.T
    raise ValueError(f"invalid convention: {convention}")


def accuracy(pred, Y, rule):
    if rule == "none":
        return None
    if rule == "argmax":
        return float(np.mean(np.argmax(pred, axis=1) == np.argmax(Y, axis=1)))
    if rule == "sign":
        return float(np.mean(np.sign(pred[:, 0]) == np.sign(Y[:, 0])))
    if rule == "threshold":
        return float(np.mean((pred[:, 0] >= 0.5) == (Y[:, 0] >= 0.5)))
    raise ValueError(f"invalid accuracy rule: {rule}")


def r_squared(pred, Y):
    sst = np.sum((Y - Y.mean(axis=0)) ** 2)
    return float(1.0 - np.sum((pred - Y) ** 2) / sst) if sst > 0 else None


# ---------------------------------------------------------------------------------------------- the run

def run_rfm(X, Y, Xt, Yt, *, kernel, bandwidth, exponent=1.0, ridge=1e-3, iterations=5, convention="mean",
            diagonal=False, centering=False, accuracy_rule="none", spectrum_size=10, check_gradients=False,
            direct=False, scale_target=True):
    """One RFM run. Returns one dict per solve (t = 0..iterations) with M_t and what iteration t records.

    `direct`: distances by direct differences in low dimension (see squared_distances).
    `scale_target`: a regression target (accuracy_rule "none") is trained divided by s, its RMS over the
    training points, and predictions are multiplied by s, so metrics are in the target's own units and M does
    not depend on them (docs/algorithm.md, Target units). alpha is recorded in the trained (divided) units."""
    s = float(np.sqrt(np.mean(Y**2))) if scale_target and accuracy_rule == "none" and Y.size else 1.0
    if not s > 0:
        s = 1.0
    Y_fit = Y / s
    kern = Kernel(kernel, bandwidth, exponent)
    n, d = X.shape
    M = np.eye(d)
    records = []
    for t in range(iterations + 1):
        K = kern.value(squared_distances(X, X, M, same=True, direct=direct))
        alpha = solve(K, Y_fit, ridge)
        train_pred = (K @ alpha) * s
        test_pred = kern.value(squared_distances(Xt, X, M, same=False, direct=direct)) @ alpha * s if len(Xt) else None
        eig = np.linalg.eigvalsh(K)[::-1]
        records.append({
            "iteration": t,
            "M": M.copy(),
            "alpha": alpha,
            "train_mse": float(np.mean((train_pred - Y) ** 2)),
            "test_mse": float(np.mean((test_pred - Yt) ** 2)) if test_pred is not None else None,
            "train_acc": accuracy(train_pred, Y, accuracy_rule),
            "test_acc": accuracy(test_pred, Yt, accuracy_rule) if test_pred is not None else None,
            "test_r2": r_squared(test_pred, Yt) if test_pred is not None else None,
            "kernel_eigenvalues": eig[:spectrum_size].copy(),
            "kernel_condition": float(eig[0] / (eig[-1] + ridge)) if eig[-1] + ridge > 0 else float("inf"),
        })
        if t == iterations:
            break
        grads = gradients(kern, X, M, alpha, direct=direct)
        if check_gradients:
            loop = gradients_by_loop(kern, X, M, alpha)
            err = np.max(np.abs(grads - loop)) / max(np.max(np.abs(loop)), 1e-300)
            assert err < 1e-10, f"matrix-form gradients disagree with the loop: {err}"
        M = update(agop(grads, centering), n, convention, diagonal)
    return records


def predictor(kernel, X, M, alpha):
    """f(z) = K_M(z, X) alpha for a single point z [d] (for finite-difference checks)."""
    def f(z):
        diff = X - z  # Direct differences: the expansion would swamp a step of 1e-6 with rounding.
        d2 = np.maximum(np.einsum("ij,jk,ik->i", diff, M, diff), 0.0)
        return kernel.value(d2) @ alpha
    return f


def finite_difference_gradients(kernel, X, M, alpha, rows, h=1e-6):
    """Central differences of f at the training points `rows`: array [c, len(rows), d].

    At z = x_i the self term K(z, x_i) is even in z - x_i, so a central difference sees no gradient from
    it: the same convention as W_ii = 0.
    """
    f = predictor(kernel, X, M, alpha)
    d = X.shape[1]
    out = np.zeros((alpha.shape[1], len(rows), d))
    for r, i in enumerate(rows):
        for l in range(d):
            e = np.zeros(d)
            e[l] = h
            out[:, r, l] = (f(X[i] + e) - f(X[i] - e)) / (2 * h)
    return out
