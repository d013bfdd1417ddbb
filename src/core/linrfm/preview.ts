/** A regular grid of at most `maxSide` x `maxSide` entries of a large matrix, for display. */

/** Indices 0..size-1 thinned to at most maxSide, evenly spaced, always including the first. */
export function previewIndices(size: number, maxSide: number): Int32Array {
  const count = Math.min(size, maxSide);
  return Int32Array.from({ length: count }, (_, i) => Math.floor((i * size) / count));
}

/** Entries A[rows[a], cols[b]] of the row-major [*, n] matrix A, as float32 [rows.length, cols.length]. */
export function previewMatrix(A: ArrayLike<number>, n: number, rows: Int32Array, cols: Int32Array): Float32Array {
  const out = new Float32Array(rows.length * cols.length);
  for (let a = 0; a < rows.length; a++) {
    const base = rows[a]! * n;
    for (let b = 0; b < cols.length; b++) out[a * cols.length + b] = A[base + cols[b]!] as number;
  }
  return out;
}

/** Largest side of a preview: enough pixels to see structure, small enough to send every iteration. */
export const PREVIEW_SIDE = 120;
