/**
 * In-place float64 Cholesky solves for the many small symmetric positive (semi-)definite systems of
 * lin-RFM (a row's k x k block of M, a K x K Woodbury core, sparse regression's n x n system). Work
 * buffers are passed in so a loop over thousands of rows allocates nothing.
 */

/** sum_l A[a + l] B[b + l] for l < len, four running sums (about 1.5x faster in V8 than one). */
export function dot(A: Float64Array, a: number, B: Float64Array, b: number, len: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let l = 0;
  for (; l + 3 < len; l += 4) {
    s0 += A[a + l]! * B[b + l]!;
    s1 += A[a + l + 1]! * B[b + l + 1]!;
    s2 += A[a + l + 2]! * B[b + l + 2]!;
    s3 += A[a + l + 3]! * B[b + l + 3]!;
  }
  for (; l < len; l++) s0 += A[a + l]! * B[b + l]!;
  return s0 + s1 + (s2 + s3);
}

/**
 * Factors the lower triangle of S [k, k] (row-major, read only) plus `jitter` on the diagonal into L
 * (lower triangle written); false when a pivot is not positive.
 */
export function choleskyInto(S: Float64Array, L: Float64Array, k: number, jitter: number): boolean {
  for (let j = 0; j < k; j++) {
    const rj = j * k;
    const d = S[rj + j]! + jitter - dot(L, rj, L, rj, j);
    if (!(d > 0)) return false;
    const ljj = Math.sqrt(d);
    L[rj + j] = ljj;
    const inv = 1 / ljj;
    for (let i = j + 1; i < k; i++) {
      const ri = i * k;
      L[ri + j] = (S[ri + j]! - dot(L, ri, L, rj, j)) * inv;
    }
  }
  return true;
}

/** Solves L L^T x = y with the factor from choleskyInto; x may be y. */
export function solveFactored(L: Float64Array, k: number, y: Float64Array, x: Float64Array): void {
  for (let i = 0; i < k; i++) {
    let s = y[i]!;
    const ri = i * k;
    for (let l = 0; l < i; l++) s -= L[ri + l]! * x[l]!;
    x[i] = s / L[ri + i]!;
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let l = i + 1; l < k; l++) s -= L[l * k + i]! * x[l]!;
    x[i] = s / L[i * k + i]!;
  }
}

/**
 * Solves S x = y (S's lower triangle read) into x by Cholesky in the work buffer L (>= k * k); if a
 * pivot is not positive, retries with jitter on the diagonal from 1e-12 of the mean diagonal, growing
 * tenfold. Returns the jitter used.
 */
export function solveSpd(S: Float64Array, k: number, y: Float64Array, x: Float64Array, L: Float64Array): number {
  let meanDiagonal = 0;
  for (let a = 0; a < k; a++) meanDiagonal += S[a * k + a]!;
  meanDiagonal = Math.max(meanDiagonal / Math.max(k, 1), Number.MIN_VALUE);
  let jitter = 0;
  for (let attempt = 0; attempt < 12; attempt++) {
    if (choleskyInto(S, L, k, jitter)) {
      solveFactored(L, k, y, x);
      return jitter;
    }
    jitter = jitter === 0 ? 1e-12 * meanDiagonal : jitter * 10;
  }
  throw new Error('lin-RFM: a row system stayed singular after adding jitter');
}

/** Allocating form for one-off systems: x = S^{-1} y and the jitter used. */
export function choleskySolveWithJitter(
  S: Float64Array,
  k: number,
  y: Float64Array,
): { x: Float64Array; jitter: number } {
  const x = new Float64Array(k);
  const jitter = solveSpd(S, k, y, x, new Float64Array(k * k));
  return { x, jitter };
}
