/**
 * The algorithm half of the lin-RFM Python scripts (./pythonLinRfm.ts writes the values half): fixed text,
 * no value of a run goes in here. The engine's steps (core/linrfm/, docs/linrfm.md) in plain dense numpy,
 * as scripts/make_linrfm_fixtures.py and make_nuclear_fixtures.py check them: every row's minimum-norm
 * interpolation in M, M <- (W^T W / m + delta I)^s from the eigenpairs, soft-impute on a lambda path with
 * momentum for the nuclear norm, and for sparse regression the diagonal M of reweighted least squares.
 */
export const LINRFM_FUNCTIONS = String.raw`

def float64_array(text, shape):
    return np.frombuffer(base64.b64decode(text), dtype="<f8").reshape(shape)


def flags(text, rows, cols):
    bits = np.unpackbits(np.frombuffer(base64.b64decode(text), dtype=np.uint8), bitorder="little")
    return bits[: rows * cols].reshape(rows, cols).astype(bool)


def observed_matrix(mask, values):
    """The observed entries in place (row-major order of the mask), 0 elsewhere."""
    out = np.zeros(mask.size)
    out[mask.ravel()] = values
    return out.reshape(mask.shape)


def eps_at(t):
    return max(EPS_START * EPS_DECAY**t, EPS_FLOOR)


def relative_error(A, B):
    """||A - B|| / ||B|| (||A - B|| when B is 0), as the app measures both errors and the change."""
    den = np.linalg.norm(B)
    num = np.linalg.norm(A - B)
    return float(num / den) if den > 0 else float(num)


def min_norm_rows(M, Yobs, mask):
    """Every row's minimum-norm interpolation in the metric M: w_i = M[:, O_i] M[O_i, O_i]^-1 y_i[O_i]."""
    W = np.zeros(Yobs.shape)
    for i in range(len(Yobs)):
        O = np.flatnonzero(mask[i])
        if len(O):
            W[i] = M[:, O] @ np.linalg.solve(M[np.ix_(O, O)], Yobs[i, O])
    return W


def next_metric(W, t):
    """(A + delta I)^s, A = W^T W / m, delta = eps_t trace(A) / n; truncated: the top BASIS eigenpairs of A and
    the mean of the rest of its spectrum (docs/linrfm.md)."""
    m, n = W.shape
    A = W.T @ W / m
    trace = float(np.trace(A))
    delta = eps_at(t) * trace / n
    lam, V = np.linalg.eigh(A)
    lam, V = np.maximum(lam[::-1], 0.0), V[:, ::-1]
    if EXACT:
        return (V * (lam + delta) ** POWER) @ V.T
    lam, V = lam[:BASIS], V[:, :BASIS]
    c = (max(trace - lam.sum(), 0.0) / (n - BASIS) + delta) ** POWER
    g = np.maximum((lam + delta) ** POWER - c, 0.0)
    return c * np.eye(n) + (V * g) @ V.T


def lin_rfm(Y, mask, Yobs):
    """Matrix completion by lin-RFM: yields (iteration, recovery error, change) until converged or ITERATIONS."""
    M = np.eye(Y.shape[1])
    previous = None
    for t in range(ITERATIONS + 1):
        W = min_norm_rows(M, Yobs, mask)
        change = None if previous is None else relative_error(previous, W)
        previous = W
        yield t, relative_error(W, Y), change
        M = next_metric(W, t)
        if change is not None and change < TOLERANCE:
            return


def svt(X, lam):
    U, s, Vt = np.linalg.svd(X, full_matrices=False)
    if not EXACT:
        U, s, Vt = U[:, :BASIS], s[:BASIS], Vt[:BASIS]
    keep = s > lam
    return (U[:, keep] * (s[keep] - lam)) @ Vt[keep]


def nuclear_norm(Yobs, mask, max_sweeps):
    """min ||Z||_* with Z = Y on the mask: soft-impute on a decreasing lambda path, each stage with Nesterov
    momentum until Z changes by less than the tolerance. Returns Z, the sweeps (SVDs) and whether it converged."""
    scale = np.linalg.svd(np.where(mask, Yobs, 0.0), compute_uv=False)[0]
    factor, Z, sweeps, converged = NUCLEAR["ratio"], np.zeros_like(Yobs), 0, False
    while True:
        P, t, change, first = Z, 1.0, np.inf, True
        while sweeps < max_sweeps:
            t_next = (1 + np.sqrt(1 + 4 * t * t)) / 2
            B = Z if first else Z + ((t - 1) / t_next) * (Z - P)
            first, t = False, t_next
            Zn = svt(np.where(mask, Yobs, B), scale * factor)
            sweeps += 1
            norm = np.linalg.norm(Zn)
            change = np.linalg.norm(Zn - Z) / norm if norm > 0 else 0.0
            P, Z = Z, Zn
            if change < NUCLEAR["tolerance"]:
                break
        last = factor <= NUCLEAR["lambda_min"]
        converged = change < NUCLEAR["tolerance"] and last
        if last or sweeps >= max_sweeps:
            return Z, sweeps, bool(converged)
        factor = max(factor * NUCLEAR["ratio"], NUCLEAR["lambda_min"])


def fmt(value, spec):
    return "None" if value is None else format(value, spec)


def compared(value, app):
    rel = abs(value - app) / abs(app) if value is not None and app else None
    return f"{fmt(value, '.6e')}  {fmt(app, '.6e')}  {fmt(rel, '.2e')}"
`;

/** Matrix completion: every iteration's error beside the app's, then the nuclear-norm baseline's. */
export const COMPLETION_MAIN = String.raw`

def main():
    Y = float64_array(TRUTH, (ROWS, COLS))
    mask = flags(MASK, ROWS, COLS)
    Yobs = observed_matrix(mask, float64_array(OBSERVED, (-1,)))
    print(f"{ROWS} x {COLS}, rank {RANK}, {int(mask.sum())} entries observed, s = {POWER}")
    print("iteration  recovery_error  app_recovery_error  relative_difference  change")
    for t, error, change in lin_rfm(Y, mask, Yobs):
        app = APP_ERRORS[t] if t < len(APP_ERRORS) else None
        print(f"{t:9d}  {compared(error, app)}  {fmt(change, '.3e')}")
    if ITERATIONS >= 1:
        Z, sweeps, converged = nuclear_norm(Yobs, mask, NUCLEAR["max_sweeps"])
        print(f"nuclear-norm baseline: error {compared(relative_error(Z, Y), APP_NUCLEAR['error'])}  "
              f"sweeps {sweeps} (app {APP_NUCLEAR['sweeps']})  converged {converged} (app {APP_NUCLEAR['converged']})")


if __name__ == "__main__":
    main()
`;

/** Sparse regression: beta_t = M X^T (X M X^T)^-1 y with M = diag(beta_{t-1}^2 + eps mean(beta^2))^s. */
export const SPARSE_MAIN = String.raw`

def main():
    X = float64_array(X_DATA, (N, D))
    y = float64_array(Y_DATA, (N,))
    beta = float64_array(BETA, (D,))
    m = np.ones(D)
    previous = None
    print(f"n = {N} samples, d = {D} coordinates, {int(np.count_nonzero(beta))} non-zero, s = {POWER}")
    print("iteration  recovery_error  app_recovery_error  relative_difference  change")
    for t in range(ITERATIONS + 1):
        estimate = m * (X.T @ np.linalg.solve((X * m) @ X.T, y))
        error = float(np.linalg.norm(estimate - beta) / (np.linalg.norm(beta) or 1.0))
        change = None if previous is None else relative_error(previous, estimate)
        previous = estimate
        app = APP_ERRORS[t] if t < len(APP_ERRORS) else None
        print(f"{t:9d}  {compared(error, app)}  {fmt(change, '.3e')}")
        m = (estimate**2 + eps_at(t) * np.mean(estimate**2)) ** POWER
        if change is not None and change < TOLERANCE:
            break
    biggest = np.max(np.abs(previous))
    support = [int(j) for j in np.flatnonzero(np.abs(previous) > 1e-3 * biggest)] if biggest > 0 else []
    print(f"support found {support} (app {APP_SUPPORT}); true support {[int(j) for j in np.flatnonzero(beta)]}")


if __name__ == "__main__":
    main()
`;
