#!/usr/bin/env python3
"""Float64 numpy reference for lin-RFM (docs/linrfm.md): writes src/core/linrfm/fixtures/*.json.

Independent of the TypeScript engine: dense M, numpy.linalg.solve per row, numpy.linalg.eigh for the
matrix power and for soft-impute's SVD. Inputs are rounded to 6 decimals before use so the fixtures hold
exactly the numbers the reference ran on. Run: python3 scripts/make_linrfm_fixtures.py
"""
import json
import os

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'core', 'linrfm', 'fixtures')


def eps_at(t, start=1.0, decay=0.8, floor=1e-10):
    return max(start * decay**t, floor)


def min_norm_rows(M, Yobs, mask):
    m, n = Yobs.shape
    W = np.zeros((m, n))
    for i in range(m):
        O = np.flatnonzero(mask[i])
        if len(O) == 0:
            continue
        a = np.linalg.solve(M[np.ix_(O, O)], Yobs[i, O])
        W[i] = M[:, O] @ a
    return W


def top_eig(A, K):
    """Top-K eigenpairs of symmetric A, descending (all when K >= n)."""
    lam, V = np.linalg.eigh(A)
    lam, V = lam[::-1], V[:, ::-1]
    return lam[:K], V[:, :K]


def metric(W, s, eps, K):
    """(A + delta I)^s with A = W^T W / m; with K < n the tail eigenvalues are replaced by their mean."""
    m, n = W.shape
    A = W.T @ W / m
    tr = np.trace(A)
    delta = eps * tr / n
    lam, V = top_eig(A, K)
    lam = np.maximum(lam, 0)
    if K >= n:
        return (V * (lam + delta) ** s) @ V.T
    tail = max(tr - lam.sum(), 0) / (n - K)
    c = (tail + delta) ** s
    g = np.maximum((lam + delta) ** s - c, 0)
    return c * np.eye(n) + (V * g) @ V.T


def soft_impute_sweep(Z, Yobs, mask, t, scale, K):
    X = np.where(mask, Yobs, Z)
    lam, V = top_eig(X.T @ X, K)
    sigma = np.sqrt(np.maximum(lam, 0))
    if scale is None:
        scale = sigma[0]
    lmb = scale * max(0.9**t, 1e-4)
    shrink = np.where(sigma > lmb, (sigma - lmb) / np.where(sigma > 0, sigma, 1), 0)
    return (X @ V * shrink) @ V.T, scale


def completion(m, n, r, p, noise, s, T, K, seed):
    rng = np.random.default_rng(seed)
    Y = np.round(rng.standard_normal((m, r)) @ rng.standard_normal((r, n)) / np.sqrt(r), 6)
    mask = np.zeros(m * n, dtype=bool)
    mask[rng.permutation(m * n)[: int(round(p * m * n))]] = True
    mask = mask.reshape(m, n)
    Yobs = np.where(mask, np.round(Y + noise * rng.standard_normal((m, n)), 6), 0.0)
    M = np.eye(n)
    Z, scale = np.where(mask, Yobs, 0.0), None
    its = []
    for t in range(T + 1):
        W = min_norm_rows(M, Yobs, mask)
        if t > 0:
            Z, scale = soft_impute_sweep(Z, Yobs, mask, t, scale, K)
        spectrum = np.sort(np.linalg.eigvalsh(M))[::-1]
        sv = np.linalg.svd(W, compute_uv=False)
        its.append({
            'iter': t,
            'recovery_error': float(np.linalg.norm(W - Y) / np.linalg.norm(Y)),
            'soft_impute_error': float(np.linalg.norm(Z - Y) / np.linalg.norm(Y)),
            'singular_values': sv[: min(K, n, 8)].tolist(),
            'M_spectrum_top': spectrum[:5].tolist(),
            'W_row0': W[0].tolist(),
        })
        M = metric(W, s, eps_at(t), K)
    return {
        'rows': m, 'cols': n, 'rank': r, 'observed': p, 'noise': noise, 's': s, 'iterations': T,
        'basis_size': K,
        'truth': Y.ravel().tolist(), 'observed_values': Yobs.ravel().tolist(),
        'mask': mask.ravel().astype(int).tolist(), 'records': its,
    }


def sparse(n, d, k, s, T, seed, store_data=True):
    rng = np.random.default_rng(seed)
    X = np.round(rng.standard_normal((n, d)) / np.sqrt(n), 6)
    beta = np.zeros(d)
    beta[rng.permutation(d)[:k]] = np.round(rng.standard_normal(k) + np.sign(rng.standard_normal(k)), 6)
    y = X @ beta
    mdiag = np.ones(d)
    its = []
    for t in range(T + 1):
        b = mdiag * (X.T @ np.linalg.solve((X * mdiag) @ X.T, y))
        its.append({
            'iter': t,
            'recovery_error': float(np.linalg.norm(b - beta) / np.linalg.norm(beta)),
            'estimate': b.tolist() if store_data else None,
        })
        mdiag = (b**2 + eps_at(t) * np.mean(b**2)) ** s
    return {'n': n, 'd': d, 'k': k, 's': s, 'iterations': T, 'X': X.ravel().tolist(), 'y': y.tolist(),
            'beta': beta.tolist(), 'records': its}


def write(name, obj):
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, name), 'w') as f:
        json.dump(obj, f, separators=(',', ':'))


if __name__ == '__main__':
    write('completion-exact.json', completion(30, 24, 2, 0.5, 0.0, 0.5, 10, 64, 1))
    write('completion-wide-noisy.json', completion(20, 36, 3, 0.6, 0.01, 0.75, 8, 64, 2))
    write('completion-truncated.json', completion(40, 50, 2, 0.5, 0.0, 0.5, 10, 12, 3))
    write('sparse-small.json', sparse(30, 80, 3, 0.5, 15, 4))
    write('sparse-paper.json', sparse(60, 200, 4, 0.5, 30, 5))
