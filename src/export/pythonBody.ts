/**
 * The algorithm half of the Download Python scripts (./python.ts and ./pythonSweep.ts write the values half):
 * fixed text, no value of a run ever goes in here. It is the project's float64 reference (docs/algorithm.md)
 * in its plainest form: the same validation split, AGOP rows, centring, solve and update as the engine.
 * RFM_FUNCTIONS reads the settings (KERNEL, BANDWIDTH, RIDGE, ITERATIONS, ...) from the script's globals;
 * `train` yields one row per iteration, which the one-run script prints and a sweep summarises per point.
 */
export const RFM_FUNCTIONS = String.raw`

def float32_array(text, rows, cols):
    return np.frombuffer(base64.b64decode(text), dtype="<f4").astype(np.float64).reshape(rows, cols)


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


def fmt(value, spec):
    return "None" if value is None else format(value, spec)

def train(X, Y, XV, YV, XT, YT, rows):
    """The run on these rows: yields (iteration, train_mse, test_mse, test_accuracy, validation_mse)."""
    d = X.shape[1]
    # Centre the inputs on the mean of the rows the model is fitted on (every kernel depends on x - z only;
    # the app does the same).
    mean = X.mean(axis=0)
    x, xt, xv = X - mean, XT - mean, XV - mean
    # A regression target is trained divided by its RMS over the fitted rows and predictions are multiplied
    # back, so M does not depend on the target's units (the app does the same; docs/algorithm.md).
    scale = float(np.sqrt(np.mean(Y**2))) if ACCURACY == "none" and Y.size else 1.0
    if not (scale > 0 and np.isfinite(scale)):
        scale = 1.0
    M = np.eye(d)
    best = None
    for t in range(ITERATIONS + 1):
        K = kernel_value(squared_distances(x, x, M, same=True))
        alpha = solve(K, Y / scale)
        train_mse = float(np.mean((K @ alpha * scale - Y) ** 2))
        test_pred = kernel_value(squared_distances(xt, x, M, same=False)) @ alpha * scale if len(xt) else None
        test_mse = float(np.mean((test_pred - YT) ** 2)) if len(xt) else None
        val_pred = kernel_value(squared_distances(xv, x, M, same=False)) @ alpha * scale if len(xv) else None
        val_mse = float(np.mean((val_pred - YV) ** 2)) if len(xv) else None
        acc = accuracy(test_pred, YT) if len(xt) else None
        yield t, train_mse, test_mse, acc, val_mse
        if t == ITERATIONS:
            break
        if val_mse is not None:
            best = val_mse if best is None else min(best, val_mse)
            # Early stopping, as the app: once the validation MSE is worse than the best one x 1.1.
            if EARLY_STOPPING and val_mse > best * 1.1:
                break
        grads = gradients(x, M, alpha, rows)
        G = np.zeros((d, d))
        for g in grads:
            if CENTERING:
                g = g - g.mean(axis=0, keepdims=True)
            G += g.T @ g
        M = update(G, len(rows))
        M = (M + M.T) / 2.0
`;

/** The one-run script's main: every iteration's test MSE beside the app's. */
export const PYTHON_BODY =
  RFM_FUNCTIONS +
  String.raw`

def main():
    X = float32_array(X_FIT, N_FIT, D)
    Y = float32_array(Y_FIT, N_FIT, C)
    XV = float32_array(X_VALIDATION, N_VALIDATION, D)
    YV = float32_array(Y_VALIDATION, N_VALIDATION, C)
    XT = float32_array(X_TEST, N_TEST, D)
    YT = float32_array(Y_TEST, N_TEST, C)
    rows = np.arange(N_FIT) if AGOP_ROWS is None else np.array(AGOP_ROWS)
    print("iteration  train_mse  test_mse  app_test_mse  relative_difference  test_accuracy  validation_mse")
    for t, train_mse, test_mse, acc, val_mse in train(X, Y, XV, YV, XT, YT, rows):
        app = APP_TEST_MSE[t] if t < len(APP_TEST_MSE) else None
        rel = abs(test_mse - app) / abs(app) if test_mse is not None and app else None
        print(f"{t:9d}  {train_mse:.6e}  {fmt(test_mse, '.6e')}  {fmt(app, '.6e')}  {fmt(rel, '.2e')}  {acc}  "
              f"{fmt(val_mse, '.6e')}")


if __name__ == "__main__":
    main()
`;
