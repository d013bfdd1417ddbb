#!/usr/bin/env python3
"""Float64 numpy reference for the converged nuclear-norm baseline (docs/linrfm.md, src/core/linrfm/nuclearNorm.ts).

Soft-impute on a decreasing lambda path, each stage run with Nesterov momentum until the relative change
of Z falls below the tolerance; the SVD is numpy's (the engine uses the eigenpairs of X^T X). Writes
src/core/linrfm/fixtures/nuclear-*.json with the problem (inputs rounded to 6 decimals), the final error,
the sweeps it took and row 0 of Z. Also prints the preset's figure (100 x 100, rank 3, 30%).
Run: python3 scripts/make_nuclear_fixtures.py
"""
import json
import os
import sys

import numpy as np

OUT = os.path.join(os.path.dirname(__file__), '..', 'src', 'core', 'linrfm', 'fixtures')
DEFAULTS = dict(ratio=0.25, lambda_min=1e-7, tolerance=1e-7, max_sweeps=3000)


def svt(X, lam):
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    keep = s > lam
    return (U[:, keep] * (s[keep] - lam)) @ Vt[keep], int(keep.sum())


def minimise_nuclear_norm(Yobs, mask, ratio, lambda_min, tolerance, max_sweeps):
    scale = np.linalg.svd(np.where(mask, Yobs, 0.0), compute_uv=False)[0]
    factor, Z, sweeps, converged, rank = ratio, np.zeros_like(Yobs), 0, False, 0
    while True:
        P, t, change = Z, 1.0, np.inf
        first = True
        while sweeps < max_sweeps:
            t_next = (1 + np.sqrt(1 + 4 * t * t)) / 2
            B = Z if first else Z + ((t - 1) / t_next) * (Z - P)
            first = False
            t = t_next
            Zn, rank = svt(np.where(mask, Yobs, B), scale * factor)
            sweeps += 1
            norm = np.linalg.norm(Zn)
            change = np.linalg.norm(Zn - Z) / norm if norm > 0 else 0.0
            P, Z = Z, Zn
            if change < tolerance:
                break
        last = factor <= lambda_min
        if change < tolerance and last:
            converged = True
        if last or sweeps >= max_sweeps:
            break
        factor = max(factor * ratio, lambda_min)
    return Z, sweeps, converged, rank


def problem(m, n, r, p, seed):
    rng = np.random.default_rng(seed)
    Y = np.round(rng.standard_normal((m, r)) @ rng.standard_normal((r, n)) / np.sqrt(r), 6)
    mask = np.zeros(m * n, dtype=bool)
    mask[rng.permutation(m * n)[: int(round(p * m * n))]] = True
    mask = mask.reshape(m, n)
    return Y, mask, np.where(mask, Y, 0.0)


def fixture(m, n, r, p, seed, **options):
    Y, mask, Yobs = problem(m, n, r, p, seed)
    opts = {**DEFAULTS, **options}
    Z, sweeps, converged, rank = minimise_nuclear_norm(Yobs, mask, **opts)
    return {
        'rows': m, 'cols': n, 'rank': r, 'observed': p, 'options': opts,
        'truth': Y.ravel().tolist(), 'observed_values': Yobs.ravel().tolist(),
        'mask': mask.ravel().astype(int).tolist(),
        'recovery_error': float(np.linalg.norm(Z - Y) / np.linalg.norm(Y)),
        'sweeps': sweeps, 'converged': converged, 'final_rank': rank, 'Z_row0': Z[0].tolist(),
    }


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    for name, args in {
        'nuclear-recovered': (30, 24, 2, 0.6, 11),
        'nuclear-short': (30, 24, 2, 0.25, 12),
    }.items():
        f = fixture(*args)
        print(name, 'error %.3e' % f['recovery_error'], 'sweeps', f['sweeps'], 'converged', f['converged'])
        with open(os.path.join(OUT, name + '.json'), 'w') as out:
            json.dump(f, out, separators=(',', ':'))
    if '--preset' in sys.argv:
        Y, mask, Yobs = problem(100, 100, 3, 0.3, 1)
        Z, sweeps, converged, rank = minimise_nuclear_norm(Yobs, mask, **DEFAULTS)
        print('preset-like 100 x 100 rank 3 30%%: error %.3e sweeps %d converged %s rank %d'
              % (np.linalg.norm(Z - Y) / np.linalg.norm(Y), sweeps, converged, rank))
