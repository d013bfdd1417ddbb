#!/usr/bin/env python3
"""
Writes src/core/fixtures/nn-agop.json: a float64 reference for the neural network beside the RFM
(src/core/nn). Run: python3 scripts/make_nn_fixtures.py (numpy only).

- AGOP of tiny fixed fully connected networks (depth 1 and 2; relu, quadratic, tanh): weights and inputs
  drawn from a fixed seed and rounded to float32, so the float32 engine and this reference see identical
  numbers. The AGOP is sum_i J(x_i)^T J(x_i) / n with J the [c, d] input Jacobian, formed point by point
  from the chain rule and checked here against central finite differences of the forward pass.
- Pearson correlation of matrix entries (all, and off-diagonal only), from np.corrcoef.

The output is deterministic; the fixture changes only on purpose, in a reviewed diff.
"""

import json
import pathlib

import numpy as np

OUT = pathlib.Path(__file__).resolve().parent.parent / "src" / "core" / "fixtures" / "nn-agop.json"


def as_f32(a):
    return np.asarray(a, dtype=np.float64).astype(np.float32).astype(np.float64)


def f32_list(a):
    """Float32 values as the shortest decimal that rounds back to the same float32."""
    return [float(np.format_float_positional(np.float32(v), unique=True, trim="-")) for v in np.ravel(a)]


ACT = {
    "relu": (lambda z: np.maximum(z, 0), lambda z: (z > 0).astype(np.float64)),
    "quadratic": (lambda z: z * z, lambda z: 2 * z),
    "tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2),
}


def forward(layers, act, x):
    h = x
    for l, (w, b) in enumerate(layers):
        z = h @ w.T + b
        h = ACT[act][0](z) if l < len(layers) - 1 else z
    return h


def jacobian(layers, act, x):
    """[c, d] input Jacobian at one point, by the chain rule."""
    h = x
    j = np.eye(len(x))
    for l, (w, b) in enumerate(layers):
        z = h @ w.T + b
        j = w @ j
        if l < len(layers) - 1:
            j = ACT[act][1](z)[:, None] * j
            h = ACT[act][0](z)
    return j


def finite_difference_jacobian(layers, act, x, eps=1e-6):
    cols = []
    for k in range(len(x)):
        e = np.zeros_like(x)
        e[k] = eps
        cols.append((forward(layers, act, x + e) - forward(layers, act, x - e)) / (2 * eps))
    return np.stack(cols, axis=1)


def agop_case(rng, name, d, hidden, c, n, act):
    sizes = [d, *hidden, c]
    layers = []
    for l in range(1, len(sizes)):
        w = as_f32(rng.normal(size=(sizes[l], sizes[l - 1])) / np.sqrt(sizes[l - 1]))
        b = as_f32(rng.normal(size=sizes[l]) * 0.3)
        layers.append((w, b))
    x = as_f32(rng.normal(size=(n, d)))
    agop = np.zeros((d, d))
    for i in range(n):
        j = jacobian(layers, act, x[i])
        # relu is not differentiable at 0; the inputs here keep every pre-activation away from it.
        assert np.allclose(j, finite_difference_jacobian(layers, act, x[i]), atol=1e-6), name
        agop += j.T @ j
    agop /= n
    return {
        "name": name,
        "d": d,
        "c": c,
        "n": n,
        "hidden": hidden,
        "activation": act,
        "weights": [f32_list(w) for w, _ in layers],
        "biases": [f32_list(b) for _, b in layers],
        "x": f32_list(x),
        "agop": agop.ravel().tolist(),
    }


def correlation_case(rng, d):
    a = rng.normal(size=(d, d))
    a = a @ a.T
    b = a + rng.normal(size=(d, d)) * 2
    b = (b + b.T) / 2
    off = ~np.eye(d, dtype=bool)
    return {
        "d": d,
        "a": a.ravel().tolist(),
        "b": b.ravel().tolist(),
        "pearson": float(np.corrcoef(a.ravel(), b.ravel())[0, 1]),
        "pearson_offdiag": float(np.corrcoef(a[off], b[off])[0, 1]),
    }


def main():
    rng = np.random.default_rng(20240917)
    cases = [
        agop_case(rng, "depth 1, relu", 4, [5], 2, 6, "relu"),
        agop_case(rng, "depth 1, quadratic", 4, [6], 3, 5, "quadratic"),
        agop_case(rng, "depth 1, tanh, one output", 5, [4], 1, 7, "tanh"),
        agop_case(rng, "depth 2, relu", 4, [5, 3], 2, 6, "relu"),
        agop_case(rng, "depth 2, tanh", 3, [4, 5], 2, 4, "tanh"),
        agop_case(rng, "depth 2, quadratic", 4, [3, 4], 3, 5, "quadratic"),
    ]
    correlations = [correlation_case(rng, d) for d in (3, 5, 8)]
    OUT.write_text(json.dumps({"agop": cases, "correlation": correlations}, indent=1) + "\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
