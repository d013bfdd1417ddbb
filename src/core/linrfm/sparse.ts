/**
 * lin-RFM sparse regression (docs/linrfm.md), all in float64 on the CPU (n x n systems, n < d small):
 *   beta_t = M_t X^T (X M_t X^T)^{-1} y,   M_{t+1} = diag(beta_t^2 + eps_t mean(beta_t^2))^s,
 * with M_0 = I (iteration 0: the minimum l2-norm interpolant, the baseline). With s = 1/2 this is
 * iteratively reweighted least squares for the l1 norm.
 */
import { choleskySolveWithJitter } from '../linalg/cholesky';
import { relativeError, throttled, type LinRfmHooks } from './completion';
import { epsAt, hasConverged, type LinRfmOptions, type SparseProblem, type SparseRecord } from './linrfmTypes';

/** Coefficients counted in the support: |beta_j| above this share of the largest. */
export const SUPPORT_THRESHOLD = 1e-3;

export function supportOf(beta: Float64Array): Int32Array {
  let max = 0;
  for (const b of beta) max = Math.max(max, Math.abs(b));
  const out: number[] = [];
  beta.forEach((b, j) => {
    if (max > 0 && Math.abs(b) > SUPPORT_THRESHOLD * max) out.push(j);
  });
  return Int32Array.from(out);
}

/**
 * beta = diag(m) X^T (X diag(m) X^T)^{-1} y. The Gram matrix (n^2 d / 2 multiply-adds) dominates a large run:
 * `betweenRows` is awaited after each row of it with the share done, so a caller can report progress, yield
 * and cancel (at n = 2,000, d = 10,000 one iteration took ~45 s and showed nothing until its end).
 */
export async function weightedMinNormSolution(
  problem: SparseProblem,
  mDiagonal: Float64Array,
  betweenRows: (fraction: number) => Promise<void> = () => Promise.resolve(),
): Promise<Float64Array> {
  const { n, d, X, y } = problem;
  const S = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    // Row a costs a + 1 dot products: the share done after it is ((a + 1) / n)^2.
    if (a > 0) await betweenRows((a / n) ** 2);
    for (let b = 0; b <= a; b++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += X[a * d + j]! * mDiagonal[j]! * X[b * d + j]!;
      S[a * n + b] = s;
    }
  }
  const { x: alpha } = choleskySolveWithJitter(S, n, y);
  const beta = new Float64Array(d);
  for (let a = 0; a < n; a++) for (let j = 0; j < d; j++) beta[j]! += X[a * d + j]! * alpha[a]!;
  for (let j = 0; j < d; j++) beta[j]! *= mDiagonal[j]!;
  return beta;
}

export async function* recoverSparse(
  problem: SparseProblem,
  options: LinRfmOptions,
  hooks: LinRfmHooks = {},
): AsyncGenerator<SparseRecord> {
  const checkpoint = hooks.checkpoint ?? (() => Promise.resolve());
  const within = throttled(checkpoint);
  const { d, beta: truth } = problem;
  let mDiagonal = new Float64Array(d).fill(1);
  let truthNorm = 0;
  for (const b of truth) truthNorm += b * b;
  truthNorm = Math.sqrt(truthNorm) || 1;
  let previous: Float64Array | null = null;
  for (let t = 0; t <= options.iterations; t++) {
    // Every iteration starts at a checkpoint; inside, throttled ones carry the share of the solve done.
    await checkpoint({ iteration: t, phase: 'solve', fraction: 0 });
    let started = performance.now();
    const estimate = await weightedMinNormSolution(problem, mDiagonal, (fraction) =>
      within({ iteration: t, phase: 'solve', fraction }),
    );
    const solveMs = performance.now() - started;
    started = performance.now();
    const eps = epsAt(options, t);
    let meanSquare = 0;
    for (const b of estimate) meanSquare += (b * b) / d;
    const next = estimate.map((b) => (b * b + eps * meanSquare) ** options.power);
    const updateMs = performance.now() - started;
    let err = 0;
    for (let j = 0; j < d; j++) err += (estimate[j]! - truth[j]!) ** 2;
    const change = previous ? relativeError(previous, estimate) : null;
    // A copy: the worker transfers the yielded estimate's buffer to the page, which empties this array.
    previous = Float64Array.from(estimate);
    yield {
      iteration: t,
      recoveryError: Math.sqrt(err) / truthNorm,
      change,
      estimate,
      mDiagonal,
      support: supportOf(estimate),
      eps,
      timings: { solve: solveMs, update: updateMs },
    };
    mDiagonal = next;
    if (hasConverged(change, options)) return;
  }
}
