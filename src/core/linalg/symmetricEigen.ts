/**
 * Symmetric eigendecomposition of a dense matrix in float64 on the CPU: the project's one eigensolver (the
 * feature matrices M [d, d] up to d ~ 800, Deep RFM's M^(1/2), the small Rayleigh-Ritz problems of the
 * kernel spectrum; never an n x n kernel).
 *
 * Householder tridiagonalisation and implicit QL (EISPACK's tred2/tql2, as in JAMA), laid out so that every
 * inner loop runs over contiguous memory: the reduction works on a row-major copy (row k holds column k by
 * symmetry), the QL rotations act on rows of Z^T, and the reflectors are applied to each eigenvector row.
 * The row-of-arrays tred2/tql2 this replaced strided across rows in its hot loops (~6 s at d = 512 against
 * ~0.5 s here, Node, one core). Cost ~(2 + 2 + ~5) d^3 flops: tridiagonalisation, back-transformation,
 * rotations. Eigenvectors are defined up to sign; callers that show them fix the sign themselves.
 */

export interface SymmetricEigen {
  /** Eigenvalues in descending order. */
  values: Float64Array;
  /** Eigenvectors as columns of a row-major [d, d] matrix, in the order of `values`. */
  vectors: Float64Array;
}

/** Eigen-decomposes the symmetric row-major [d, d] matrix `a` (only its symmetric part is used). */
export function symmetricEigen(a: ArrayLike<number>, d: number): SymmetricEigen {
  const { values: unsorted, zt, reflectors, betas } = tridiagonalEigen(a, d);
  backTransform(reflectors, betas, zt, d);
  const order = Array.from({ length: d }, (_, i) => i).sort((i, j) => unsorted[j]! - unsorted[i]!);
  const values = new Float64Array(d);
  const vectors = new Float64Array(d * d);
  order.forEach((src, dst) => {
    values[dst] = unsorted[src]!;
    const row = src * d;
    for (let i = 0; i < d; i++) vectors[i * d + dst] = zt[row + i]!;
  });
  return { values, vectors };
}

/**
 * The first two stages: A = Q T Q^T (Householder) and T = Z diag(values) Z^T (implicit QL). Row j of `zt`
 * is Z's column j (not yet multiplied by Q), `values` are unsorted; Q = H_0 H_1 ... H_{d-3} with
 * H_k = I - betas[k] v_k v_k^T and v_k in row k of `reflectors`, right of the diagonal (columns k + 1 ..).
 * The caller applies Q: backTransform here (symmetricEigen), or as blocked products on the backend
 * (deep/featureRoot.ts with linalg/blockReflectors.ts).
 */
export function tridiagonalEigen(
  a: ArrayLike<number>,
  d: number,
): { values: Float64Array; zt: Float64Array; reflectors: Float64Array; betas: Float64Array } {
  const reflectors = new Float64Array(d * d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) reflectors[i * d + j] = 0.5 * ((a[i * d + j] as number) + (a[j * d + i] as number));
  const values = new Float64Array(d);
  const off = new Float64Array(d);
  const betas = tridiagonalise(reflectors, values, off, d);
  const zt = identity(d);
  qlImplicit(values, off, zt, d);
  return { values, zt, reflectors, betas };
}

function identity(d: number): Float64Array {
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++) out[i * d + i] = 1;
  return out;
}

/**
 * Reduces A (row-major, overwritten) to T = Q^T A Q: diagonal and off-diagonal (off[k] = T[k + 1, k]).
 * Step k reflects x = A[k + 1:, k] (read from row k) onto alpha e_1 with H = I - beta v v^T, updates the
 * trailing block to H A22 H = A22 - v w^T - w v^T (w = p - (beta p.v / 2) v, p = beta A22 v) and keeps v
 * in row k, right of the diagonal. Returns the betas (0 where no reflection was needed).
 */
function tridiagonalise(A: Float64Array, diagonal: Float64Array, off: Float64Array, d: number): Float64Array {
  const betas = new Float64Array(d);
  const p = new Float64Array(d);
  for (let k = 0; k + 2 < d; k++) {
    const m = d - k - 1;
    const vStart = k * d + k + 1;
    let tail = 0;
    for (let j = 1; j < m; j++) tail += A[vStart + j]! ** 2;
    const x0 = A[vStart]!;
    if (tail === 0) {
      off[k] = x0;
      continue;
    }
    const norm = Math.sqrt(x0 * x0 + tail);
    const alpha = x0 > 0 ? -norm : norm;
    const v0 = x0 - alpha;
    A[vStart] = v0;
    const beta = 2 / (v0 * v0 + tail);
    betas[k] = beta;
    off[k] = alpha;
    let pv = 0;
    for (let i = 0; i < m; i++) {
      const row = (k + 1 + i) * d + k + 1;
      let s = 0;
      for (let j = 0; j < m; j++) s += A[row + j]! * A[vStart + j]!;
      p[i] = beta * s;
      pv += p[i]! * A[vStart + i]!;
    }
    const half = (beta * pv) / 2;
    for (let i = 0; i < m; i++) p[i] = p[i]! - half * A[vStart + i]!;
    for (let i = 0; i < m; i++) {
      const row = (k + 1 + i) * d + k + 1;
      const vi = A[vStart + i]!;
      const wi = p[i]!;
      for (let j = 0; j < m; j++) A[row + j] = A[row + j]! - vi * p[j]! - wi * A[vStart + j]!;
    }
  }
  for (let k = 0; k < d; k++) diagonal[k] = A[k * d + k]!;
  if (d >= 2) off[d - 2] = A[(d - 1) * d + d - 2]!;
  off[d - 1] = 0;
  return betas;
}

/**
 * Implicit QL with Wilkinson-like shifts on the tridiagonal (diagonal, off) (EISPACK's tql2), each rotation
 * applied to rows i and i + 1 of zt (Z^T): contiguous, where tql2 strides down a column of Z.
 * On exit `diagonal` holds the eigenvalues and row j of zt the eigenvector of diagonal[j] (in T's basis).
 */
function qlImplicit(diagonal: Float64Array, off: Float64Array, zt: Float64Array, d: number): void {
  const e = off; // e[i] couples i and i + 1
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < d; l++) {
    tst1 = Math.max(tst1, Math.abs(diagonal[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < d - 1 && Math.abs(e[m]!) > eps * tst1) m++;
    if (m > l) {
      for (let iter = 0; iter < 60 && Math.abs(e[l]!) > eps * tst1; iter++) {
        let g = diagonal[l]!;
        let p = (diagonal[l + 1]! - g) / (2 * e[l]!);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        diagonal[l] = e[l]! / (p + r);
        diagonal[l + 1] = e[l]! * (p + r);
        const dl1 = diagonal[l + 1]!;
        let h = g - diagonal[l]!;
        for (let i = l + 2; i < d; i++) diagonal[i] = diagonal[i]! - h;
        f += h;
        p = diagonal[m]!;
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1]!;
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i]!;
          h = c * p;
          r = Math.hypot(p, e[i]!);
          e[i + 1] = s * r;
          s = e[i]! / r;
          c = p / r;
          p = c * diagonal[i]! - s * g;
          diagonal[i + 1] = h + s * (c * g + s * diagonal[i]!);
          const lo = i * d;
          const hi = lo + d;
          for (let k = 0; k < d; k++) {
            const zi = zt[lo + k]!;
            const zh = zt[hi + k]!;
            zt[hi + k] = s * zi + c * zh;
            zt[lo + k] = c * zi - s * zh;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        diagonal[l] = c * p;
      }
    }
    diagonal[l] = diagonal[l]! + f;
    e[l] = 0;
  }
}

/** Each eigenvector row z of zt becomes Q z = H_0 H_1 ... z: the reflectors from the last to the first. */
function backTransform(A: Float64Array, betas: Float64Array, zt: Float64Array, d: number): void {
  for (let r = 0; r < d; r++) {
    const row = r * d;
    for (let k = d - 3; k >= 0; k--) {
      const beta = betas[k]!;
      if (beta === 0) continue;
      const vStart = k * d + k + 1;
      const zStart = row + k + 1;
      const m = d - k - 1;
      let dot = 0;
      for (let j = 0; j < m; j++) dot += A[vStart + j]! * zt[zStart + j]!;
      const scale = beta * dot;
      for (let j = 0; j < m; j++) zt[zStart + j] = zt[zStart + j]! - scale * A[vStart + j]!;
    }
  }
}

/** Symmetric square root V diag(sqrt(max(lambda, 0))) V^T of a symmetric PSD [d, d] matrix. */
export function symmetricSqrt(a: ArrayLike<number>, d: number): Float64Array {
  const { values, vectors } = symmetricEigen(a, d);
  const out = new Float64Array(d * d);
  for (let k = 0; k < d; k++) {
    const s = Math.sqrt(Math.max(values[k]!, 0));
    if (s === 0) continue;
    for (let i = 0; i < d; i++) {
      const vik = vectors[i * d + k]! * s;
      if (vik === 0) continue;
      for (let j = 0; j < d; j++) out[i * d + j] = out[i * d + j]! + vik * vectors[j * d + k]!;
    }
  }
  return out;
}
