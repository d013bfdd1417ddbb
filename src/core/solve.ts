/**
 * Solves (K + lambda I) alpha = Y for a symmetric positive (semi-)definite kernel matrix K.
 *
 * Blocked left-looking Cholesky in float32 on the tfjs backend: each diagonal block (128 or 256 rows) is
 * factored and inverted in float64 on the CPU, and the O(n^3) block-column updates and panels are matrix
 * products on the backend. Iterative refinement then recovers float64 accuracy: residuals are computed
 * in float64 on the CPU against the float32 K the engine actually holds, and corrections come from the
 * float32 factor. If a pivot fails, jitter is added to the diagonal, from 1e-6 of K's mean diagonal growing
 * tenfold up to 1% of its largest absolute row sum (jitterSchedule), and the result says how much.
 */
import * as tf from '@tensorflow/tfjs';
import { disposeFactor, factorBlocked, solveWithFactor } from './blockedFactor';
import { disposeWarmStart, warmSolve, type WarmStart } from './warmSolve';
import { prepareRowProducts, type RowProducts } from './wasm/rowProducts';

const MAX_REFINEMENT_STEPS = 10;
const TARGET_RESIDUAL = 1e-12;
/**
 * alpha ends up in float32 (relative spacing 6e-8), so a correction smaller than this relative to alpha
 * changes nothing that is used: refinement stops there without another O(n^2 c) residual.
 */
const NEGLIGIBLE_CORRECTION = 1e-7;

export interface SolveResult {
  /** [n, c] float32 */
  alpha: tf.Tensor2D;
  /** alpha in float64, row-major [n, c]. */
  alphaValues: Float64Array;
  /** Extra diagonal added to make the factorisation succeed (0 when none was needed). */
  jitter: number;
  /** max_k ||r_k|| / (||A||_inf ||alpha_k|| + ||y_k||) after refinement (inf-norms). */
  relativeResidual: number;
  /** Refinement steps, or the conjugate-gradient steps of a warm-started solve. */
  refinementSteps: number;
  /** Solved from the previous iteration's factor and alpha (warmSolve.ts) instead of a new factorisation. */
  warmStarted: boolean;
}

/**
 * The diagonal jitters to try when a factorisation fails (docs/algorithm.md, step 2): from 1e-6 of K's mean
 * diagonal, tenfold each time, up to 1% of K's largest absolute row sum (the last one tried is that bound).
 */
export function jitterSchedule(a: Float32Array, n: number, maxRowSum: number): number[] {
  let trace = 0;
  for (let i = 0; i < n; i++) trace += Math.abs(a[i * n + i]!);
  const ceiling = 0.01 * maxRowSum;
  const schedule: number[] = [];
  for (let j = 1e-6 * (trace / n); j < ceiling && schedule.length < 20; j *= 10) schedule.push(j);
  if (ceiling > 0) schedule.push(ceiling);
  return schedule;
}

function maxAbsRowSum(a: Float32Array, n: number): number {
  let best = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += Math.abs(a[i * n + j]!);
    best = Math.max(best, s);
  }
  return best;
}

/**
 * r = Y - (A + shift I) x in float64, and the largest relative residual over the columns.
 * x and Y: [n, c] row-major; the O(n^2 c) product A x runs in wasm/rowProducts.ts.
 */
function residual(
  products: RowProducts,
  shift: number,
  x: Float64Array,
  y: Float32Array,
  n: number,
  c: number,
  normA: number,
): { r: Float64Array; relative: number } {
  const ax = products.multiply(x, c);
  const r = new Float64Array(n * c);
  for (let i = 0; i < n * c; i++) r[i] = y[i]! - ax[i]! - shift * x[i]!;
  let relative = 0;
  for (let k = 0; k < c; k++) {
    let rMax = 0;
    let xMax = 0;
    let yMax = 0;
    for (let i = 0; i < n; i++) {
      rMax = Math.max(rMax, Math.abs(r[i * c + k]!));
      xMax = Math.max(xMax, Math.abs(x[i * c + k]!));
      yMax = Math.max(yMax, Math.abs(y[i * c + k]!));
    }
    const scale = normA * xMax + yMax;
    relative = Math.max(relative, scale > 0 ? rMax / scale : 0);
  }
  return { r, relative };
}

/**
 * Solves (K + ridge I) alpha = Y. K: [n, n] symmetric, Y: [n, c]; neither is consumed.
 * `kValues` may pass K's values when the caller already read them back. With `warm` (one per training run,
 * disposed by the caller at its end) the solve first tries the previous iteration's factor and alpha
 * (warmSolve.ts) and keeps its own factor for the next one.
 */
export async function solveKernelSystem(
  k: tf.Tensor2D,
  y: tf.Tensor2D,
  ridge: number,
  kValues?: Float32Array,
  warm?: WarmStart,
): Promise<SolveResult> {
  const n = k.shape[0];
  const c = y.shape[1];
  const aValues = kValues ?? ((await k.data()) as Float32Array);
  const yValues = (await y.data()) as Float32Array;
  const normA = maxAbsRowSum(aValues, n) + ridge;
  const products = prepareRowProducts(aValues, n);

  if (warm?.previous && warm.previous.n === n && warm.previous.c === c) {
    const found = await warmSolve(warm.previous, products, ridge, (x) =>
      residual(products, ridge, x, yValues, n, c, normA),
    );
    if (found) {
      // Copies: the caller may hand alphaValues on (a worker transfers arrays, which empties them).
      warm.previous.alpha = Float64Array.from(found.x);
      warm.warmSolves++;
      return {
        alpha: tf.tensor2d(Float32Array.from(found.x), [n, c]),
        alphaValues: found.x,
        jitter: 0,
        relativeResidual: found.relative,
        refinementSteps: found.steps,
        warmStarted: true,
      };
    }
  }
  // The old factor goes before the new one is made: at most one factor is held at a time.
  if (warm) disposeWarmStart(warm);

  let jitter = 0;
  let factor = await factorBlocked(aValues, n, ridge);
  for (const next of jitterSchedule(aValues, n, normA - ridge)) {
    if (factor !== null) break;
    jitter = next;
    factor = await factorBlocked(aValues, n, ridge + jitter);
  }
  if (factor === null)
    throw new Error('the kernel matrix could not be factorised even with jitter (non-finite values?)');
  const shift = ridge + jitter;

  try {
    const first = solveWithFactor(factor, y);
    const x = Float64Array.from((await first.data()) as Float32Array);
    first.dispose();
    let { r, relative } = residual(products, shift, x, yValues, n, c, normA);
    let best = { x: Float64Array.from(x), relative };
    let steps = 0;
    let previousCorrection = Infinity;
    while (steps < MAX_REFINEMENT_STEPS && relative > TARGET_RESIDUAL && Number.isFinite(relative)) {
      // Scale the residual to O(1) before rounding it to float32, so small corrections keep their digits.
      let rMax = 0;
      for (const v of r) rMax = Math.max(rMax, Math.abs(v));
      if (rMax === 0) break;
      const rTensor = tf.tensor2d(
        Float32Array.from(r, (v) => v / rMax),
        [n, c],
      );
      const delta = solveWithFactor(factor, rTensor);
      const deltaValues = (await delta.data()) as Float32Array;
      rTensor.dispose();
      delta.dispose();
      let correction = 0;
      let size = 0;
      for (let i = 0; i < x.length; i++) {
        correction = Math.max(correction, Math.abs(rMax * deltaValues[i]!));
        x[i] = x[i]! + rMax * deltaValues[i]!;
        size = Math.max(size, Math.abs(x[i]!));
      }
      steps++;
      // Corrections shrink by a roughly constant factor; stop when the next one would be negligible too.
      const nextCorrection = Number.isFinite(previousCorrection)
        ? (correction * correction) / previousCorrection
        : Infinity;
      previousCorrection = correction;
      if (correction <= NEGLIGIBLE_CORRECTION * size || nextCorrection <= NEGLIGIBLE_CORRECTION * size) {
        // The residual of the previous step stays as the (slightly pessimistic) reported one.
        best = { x: Float64Array.from(x), relative: best.relative };
        break;
      }
      ({ r, relative } = residual(products, shift, x, yValues, n, c, normA));
      if (!(relative < best.relative)) break; // Stagnating: K is too ill-conditioned to do better.
      best = { x: Float64Array.from(x), relative };
    }
    if (warm) {
      warm.previous = { factor, alpha: Float64Array.from(best.x), n, c };
      warm.factorisations++;
    }
    return {
      alpha: tf.tensor2d(Float32Array.from(best.x), [n, c]),
      alphaValues: best.x,
      jitter,
      relativeResidual: best.relative,
      refinementSteps: steps,
      warmStarted: false,
    };
  } finally {
    // Kept as the next solve's preconditioner when the caller keeps a warm start, else freed now.
    if (warm?.previous?.factor !== factor) disposeFactor(factor);
  }
}
