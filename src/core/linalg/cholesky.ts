/**
 * Dense Cholesky factorisation and triangular inversion of small blocks in float64 on the CPU.
 *
 * The blocked solver factors each diagonal block here (at most a few hundred rows) and does the
 * O(n^3) trailing work as matrix products on the tfjs backend.
 */

/**
 * Lower Cholesky factor L of the row-major symmetric [b, b] matrix `a` (lower triangle read),
 * or null when a pivot is not positive (the matrix is not numerically positive definite).
 */
export function choleskyLower(a: ArrayLike<number>, b: number): Float64Array | null {
  const L = new Float64Array(b * b);
  for (let j = 0; j < b; j++) {
    let diag = a[j * b + j] as number;
    const rowJ = j * b;
    for (let k = 0; k < j; k++) diag -= L[rowJ + k]! * L[rowJ + k]!;
    if (!(diag > 0)) return null;
    const ljj = Math.sqrt(diag);
    L[rowJ + j] = ljj;
    for (let i = j + 1; i < b; i++) {
      const rowI = i * b;
      let s = a[rowI + j] as number;
      for (let k = 0; k < j; k++) s -= L[rowI + k]! * L[rowJ + k]!;
      L[rowI + j] = s / ljj;
    }
  }
  return L;
}

/** Inverse of a row-major lower-triangular [b, b] matrix (itself lower triangular). */
export function invertLower(L: Float64Array, b: number): Float64Array {
  const inv = new Float64Array(b * b);
  for (let j = 0; j < b; j++) {
    inv[j * b + j] = 1 / L[j * b + j]!;
    for (let i = j + 1; i < b; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s += L[i * b + k]! * inv[k * b + j]!;
      inv[i * b + j] = -s / L[i * b + i]!;
    }
  }
  return inv;
}
