/**
 * The float32 blocked Cholesky factor of a kernel system (docs/algorithm.md, step 2): left-looking, each
 * diagonal block factored and inverted in float64 on the CPU, the O(n^3) updates as matrix products on the
 * tfjs backend. solve.ts factors and refines with it; warmSolve.ts keeps the previous iteration's factor
 * as a preconditioner.
 */
import * as tf from '@tensorflow/tfjs';
import { choleskyLower, invertLower } from './linalg/cholesky';
import { matMulTransposeA } from './linalg/products';
import { sliceRows } from './linalg/sliceRows';

/**
 * Rows per diagonal block. Each block costs b^3/3 float64 JS work on the CPU (factor and inverse), larger
 * blocks make fewer, larger products. Measured (Node wasm, CPU time, left-looking): 128 and 256 tie at
 * n = 1000-2000; at n = 4000 256 is ~8% faster.
 */
function blockSizeFor(n: number): number {
  return n >= 1500 ? 256 : 128;
}
/** A float32 Cholesky factor as per-block tensors: inverse diagonal blocks and the panels below them. */
export interface BlockedFactor {
  blocks: {
    size: number;
    inverseDiagonal: tf.Tensor2D;
    /** L's rows firstPanelRow..n in this block's columns; null for the last block. */
    panel: tf.Tensor2D | null;
    firstPanelRow: number;
  }[];
}

export function disposeFactor(f: BlockedFactor): void {
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
 * whole rows, which sliceRows copies in one piece (a block that is not a run of whole rows is copied element
 * by element on the wasm backend, ~50 ns each). Keeping L on the CPU instead cost a strided copy and an
 * upload of L[o:, :o] per block: 0.4 s of a 2.3 s factorisation at n = 4000 (Node, measured). Summing by
 * panels also rounds less than one long product: at n = 1000-2000 refinement needs one step instead of two.
 * Only A's own block column is cut out on the CPU, and the shift is added to each diagonal block there.
 */
export async function factorBlocked(a: Float32Array, n: number, shift: number): Promise<BlockedFactor | null> {
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
        const left = start === 0 ? panel : sliceRows(panel, start, remaining);
        // An explicit transpose: tfjs-wasm's matMul with transposeB set was ~8x slower here (measured).
        const top = tf.transpose(sliceRows(panel, start, size));
        return tf.sub(column, tf.matMul(left, top)) as tf.Tensor2D;
      });
      column.dispose();
      column = next;
    }
    const head = sliceRows(column, 0, size);
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
        tf.matMul(sliceRows(column, size, remaining - size), tf.tensor2d(inverseTransposed, [size, size])),
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
export function solveWithFactor(factor: BlockedFactor, rhs: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    // Forward: L z = rhs.
    const z: tf.Tensor2D[] = [];
    let rest = rhs;
    for (const { size, inverseDiagonal, panel } of factor.blocks) {
      const head = sliceRows(rest, 0, size);
      const zk = tf.matMul(inverseDiagonal, head) as tf.Tensor2D;
      z.push(zk);
      if (panel) rest = tf.sub(sliceRows(rest, size, rest.shape[0] - size), tf.matMul(panel, zk)) as tf.Tensor2D;
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
