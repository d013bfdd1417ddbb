/**
 * Between RFM iterations M changes little (later iterations especially), so K_{t+1} + lambda I is close to
 * K_t + lambda I. Instead of factoring it again (n^3/3 flops), solve it by conjugate gradients
 * preconditioned with the previous iteration's Cholesky factor and started from the previous alpha: each
 * step is one float64 product A p (n^2 c) and one solve with the old factor (n^2 c). When the steps do
 * not converge fast enough the caller factors as before (docs/algorithm.md, step 2, "Warm-started solve").
 *
 * Measured in float64 (n = 2,000, d = 10, Laplace), steps to a relative residual of 1e-10 from iteration 1
 * to 7: 59+, 54, 14, 5, 3, 2, 1: the first iterations refactor, the later ones take a few steps.
 */
import * as tf from '@tensorflow/tfjs';
import { disposeFactor, solveWithFactor, type BlockedFactor } from './blockedFactor';
import type { RowProducts } from './wasm/rowProducts';

/**
 * The relative residual (backward error, as solve.ts measures it) a warm solve must reach to be kept:
 * float32 K's own rounding is ~1e-7 of its entries, so this is far below what the model can tell apart,
 * and the golden tests' 1e-4 against float64 holds with room.
 */
export const WARM_TARGET_RESIDUAL = 1e-10;
/** Steps at most before giving up and factoring (each ~2 n^2 c flops, the factor n^3 / 3). */
export const MAX_WARM_STEPS = 16;
/**
 * After this many steps the residual must have fallen by at least this factor per step on average, or the
 * target is out of reach within MAX_WARM_STEPS and the factorisation is cheaper: give up early.
 */
const PROBE_STEPS = 4;

/** The previous iteration's factor and solution, owned by one training run (dispose it at the end). */
export interface WarmStart {
  previous: { factor: BlockedFactor; alpha: Float64Array; n: number; c: number } | null;
  /** Solves that used the warm path and that fell back to a factorisation (for tests and the bench). */
  warmSolves: number;
  factorisations: number;
}

export function createWarmStart(): WarmStart {
  return { previous: null, warmSolves: 0, factorisations: 0 };
}

export function disposeWarmStart(warm: WarmStart): void {
  if (warm.previous) disposeFactor(warm.previous.factor);
  warm.previous = null;
}

type Residual = (x: Float64Array) => { r: Float64Array; relative: number };

/** z = P^{-1} r with the old float32 factor, r scaled to O(1) before rounding to float32. */
async function precondition(factor: BlockedFactor, r: Float64Array, n: number, c: number): Promise<Float64Array> {
  let rMax = 0;
  for (const v of r) rMax = Math.max(rMax, Math.abs(v));
  if (rMax === 0) return new Float64Array(r.length);
  const rTensor = tf.tensor2d(
    Float32Array.from(r, (v) => v / rMax),
    [n, c],
  );
  const z = solveWithFactor(factor, rTensor);
  const values = (await z.data()) as Float32Array;
  rTensor.dispose();
  z.dispose();
  return Float64Array.from(values, (v) => v * rMax);
}

/** Per column k: sum_i a[i, k] b[i, k]. */
function columnDots(a: Float64Array, b: Float64Array, n: number, c: number): Float64Array {
  const out = new Float64Array(c);
  for (let i = 0; i < n; i++) for (let k = 0; k < c; k++) out[k] = out[k]! + a[i * c + k]! * b[i * c + k]!;
  return out;
}

/**
 * Preconditioned CG on (A + shift I) x = y from the previous alpha, one CG per column run side by side.
 * Returns the solution and its true float64 residual, or null when it did not reach WARM_TARGET_RESIDUAL.
 * The preconditioner (float32 triangular solves) is not exactly symmetric, so beta is the flexible
 * (Polak-Ribiere) one, which keeps CG converging under that perturbation.
 */
export async function warmSolve(
  previous: NonNullable<WarmStart['previous']>,
  products: RowProducts,
  shift: number,
  residual: Residual,
): Promise<{ x: Float64Array; relative: number; steps: number } | null> {
  const { factor, n, c } = previous;
  if (previous.alpha.length !== n * c) return null;
  const x = Float64Array.from(previous.alpha);
  let { r, relative } = residual(x);
  const start = relative;
  if (relative <= WARM_TARGET_RESIDUAL) return { x, relative, steps: 0 };
  let z = await precondition(factor, r, n, c);
  const p = Float64Array.from(z);
  let rz = columnDots(r, z, n, c);
  for (let step = 1; step <= MAX_WARM_STEPS; step++) {
    const ap = products.multiply(p, c);
    for (let i = 0; i < ap.length; i++) ap[i] = ap[i]! + shift * p[i]!;
    const pAp = columnDots(p, ap, n, c);
    const rOld = Float64Array.from(r);
    for (let k = 0; k < c; k++) {
      const a = pAp[k]! > 0 ? rz[k]! / pAp[k]! : 0;
      for (let i = 0; i < n; i++) {
        x[i * c + k] = x[i * c + k]! + a * p[i * c + k]!;
        r[i * c + k] = r[i * c + k]! - a * ap[i * c + k]!;
      }
    }
    // The true residual, not the recursive one: what is reported is what was reached.
    ({ r, relative } = residual(x));
    if (!Number.isFinite(relative)) return null;
    if (relative <= WARM_TARGET_RESIDUAL) return { x, relative, steps: step };
    const rate = (relative / start) ** (1 / step);
    if (step >= PROBE_STEPS && relative * rate ** (MAX_WARM_STEPS - step) > WARM_TARGET_RESIDUAL) return null;
    z = await precondition(factor, r, n, c);
    const zDiff = new Float64Array(r.length);
    for (let i = 0; i < r.length; i++) zDiff[i] = r[i]! - rOld[i]!;
    const rzNew = columnDots(z, r, n, c);
    const flexible = columnDots(z, zDiff, n, c);
    for (let k = 0; k < c; k++) {
      const beta = rz[k]! > 0 ? Math.max(0, flexible[k]! / rz[k]!) : 0;
      for (let i = 0; i < n; i++) p[i * c + k] = z[i * c + k]! + beta * p[i * c + k]!;
    }
    rz = rzNew;
  }
  return null;
}
