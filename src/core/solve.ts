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
import { choleskyLower, invertLower } from './linalg/cholesky';
import { matMulTransposeA } from './linalg/products';
import { prepareRowProducts, type RowProducts } from './wasm/rowProducts';

/**
 * Rows per diagonal block. Each block costs b^3/3 float64 JS work on the CPU (factor and inverse), larger
 * blocks make fewer, larger products. Measured (Node wasm, CPU time, left-looking): 128 and 256 tie at
 * n = 1000-2000; at n = 4000 256 is ~8% faster.
 */
function blockSizeFor(n: number): number {
  return n >= 1500 ? 256 : 128;
}
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
  refinementSteps: number;
}

/** A float32 Cholesky factor as per-block tensors: inverse diagonal blocks and the panels below them. */
interface BlockedFactor {
  blocks: {
    size: number;
    inverseDiagonal: tf.Tensor2D;
    /** L's rows firstPanelRow..n in this block's columns; null for the last block. */
    panel: tf.Tensor2D | null;
    firstPanelRow: number;
  }[];
}

function disposeFactor(f: BlockedFactor): void {
  for (const b of f.blocks) {
    b.inverseDiagonal.dispose();
    b.panel?.dispose();
  }
}

/**
 * Factors A + shift I (A: row-major [n, n] values); null when a pivot is not positive. Left-looking: each
 * block column is A's own block column minus the products with the columns already finished,
 * L[o:, :o] L[o:o+b, :o]^T, so the O(n^3) work is n^3/3 flops (a right-looking update of the whole trailing
 * square computes both of its symmetric halves: twice that). The finished columns stay on the backend as
 * the factor's panels, and the product is summed panel by panel: the rows of a panel from o on are a run of
 * whole rows, which tf.slice copies in one piece (a block that is not a run of whole rows is copied element
 * by element on the wasm backend, ~50 ns each). Keeping L on the CPU instead cost a strided copy and an
 * upload of L[o:, :o] per block: 0.4 s of a 2.3 s factorisation at n = 4000 (Node, measured). Summing by
 * panels also rounds less than one long product: at n = 1000-2000 refinement needs one step instead of two.
 * Only A's own block column is cut out on the CPU, and the shift is added to each diagonal block there.
 */
async function factorBlocked(a: Float32Array, n: number, shift: number): Promise<BlockedFactor | null> {
  const blockSize = blockSizeFor(n);
  const factor: BlockedFactor = { blocks: [] };
  for (let offset = 0; offset < n; offset += blockSize) {
    const size = Math.min(blockSize, n - offset);
    const remaining = n - offset;
    let column = tf.tensor2d(block(a, n, offset, remaining, offset, size), [remaining, size]);
    for (const finished of factor.blocks) {
      // One product at a time, each freed at once: at n = 8000 all of a block's would hold ~0.2 GB.
      const next = tf.tidy(() => {
        // This panel's rows from `offset` on: L[o:, its columns] and, the first `size` of them, L[o:o+b, ...].
        const panel = finished.panel!;
        const start = offset - finished.firstPanelRow;
        const left = start === 0 ? panel : tf.slice(panel, [start, 0], [remaining, finished.size]);
        // An explicit transpose: tfjs-wasm's matMul with transposeB set was ~8x slower here (measured).
        const top = tf.transpose(tf.slice(left, [0, 0], [size, finished.size]));
        return tf.sub(column, tf.matMul(left, top)) as tf.Tensor2D;
      });
      column.dispose();
      column = next;
    }
    const head = tf.slice(column, [0, 0], [size, size]);
    const blockValues = Float64Array.from((await head.data()) as Float32Array);
    head.dispose();
    for (let i = 0; i < size; i++) blockValues[i * size + i] = blockValues[i * size + i]! + shift;
    const lower = choleskyLower(blockValues, size);
    if (lower === null) {
      column.dispose();
      disposeFactor(factor);
      return null;
    }
    const inverse = invertLower(lower, size);
    const inverseDiagonal = tf.tensor2d(Float32Array.from(inverse), [size, size]);
    let panel: tf.Tensor2D | null = null;
    if (remaining > size) {
      const inverseTransposed = new Float32Array(size * size);
      for (let i = 0; i < size; i++)
        for (let j = 0; j < size; j++) inverseTransposed[i * size + j] = inverse[j * size + i]!;
      // L21 = A21 L11^{-T}
      panel = tf.tidy(() =>
        tf.matMul(tf.slice(column, [size, 0], [remaining - size, size]), tf.tensor2d(inverseTransposed, [size, size])),
      ) as tf.Tensor2D;
    }
    column.dispose();
    factor.blocks.push({ size, inverseDiagonal, panel, firstPanelRow: offset + size });
  }
  return factor;
}

/** Rows [r0, r0 + rows) and columns [c0, c0 + cols) of a row-major matrix with n columns, as a new array. */
function block(values: Float32Array, n: number, r0: number, rows: number, c0: number, cols: number): Float32Array {
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) out.set(values.subarray((r0 + i) * n + c0, (r0 + i) * n + c0 + cols), i * cols);
  return out;
}

/** Solves L L^T x = rhs with the blocked factor (rhs: [n, c], not consumed). */
function solveWithFactor(factor: BlockedFactor, rhs: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    // Forward: L z = rhs.
    const z: tf.Tensor2D[] = [];
    let rest = rhs;
    for (const { size, inverseDiagonal, panel } of factor.blocks) {
      const head = tf.slice(rest, [0, 0], [size, -1]);
      const zk = tf.matMul(inverseDiagonal, head) as tf.Tensor2D;
      z.push(zk);
      if (panel) rest = tf.sub(tf.slice(rest, [size, 0], [-1, -1]), tf.matMul(panel, zk)) as tf.Tensor2D;
    }
    // Backward: L^T x = z.
    let below: tf.Tensor2D | null = null;
    for (let k = factor.blocks.length - 1; k >= 0; k--) {
      const { inverseDiagonal, panel } = factor.blocks[k]!;
      let rhsK = z[k]!;
      if (panel && below) rhsK = tf.sub(rhsK, matMulTransposeA(panel, below)) as tf.Tensor2D;
      const xk = matMulTransposeA(inverseDiagonal, rhsK);
      below = below ? tf.concat([xk, below], 0) : xk;
    }
    return below!;
  });
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
 * `kValues` may pass K's values when the caller already read them back.
 */
export async function solveKernelSystem(
  k: tf.Tensor2D,
  y: tf.Tensor2D,
  ridge: number,
  kValues?: Float32Array,
): Promise<SolveResult> {
  const n = k.shape[0];
  const c = y.shape[1];
  const aValues = kValues ?? ((await k.data()) as Float32Array);
  const yValues = (await y.data()) as Float32Array;
  const normA = maxAbsRowSum(aValues, n) + ridge;

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
    const products = prepareRowProducts(aValues, n);
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
    return {
      alpha: tf.tensor2d(Float32Array.from(best.x), [n, c]),
      alphaValues: best.x,
      jitter,
      relativeResidual: best.relative,
      refinementSteps: steps,
    };
  } finally {
    disposeFactor(factor);
  }
}
