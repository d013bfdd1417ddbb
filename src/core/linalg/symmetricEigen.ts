/**
 * Symmetric eigendecomposition of a small dense matrix in float64 on the CPU.
 *
 * Householder reduction to tridiagonal form followed by the implicit QL algorithm (tred2/tql2 from
 * EISPACK, as in JAMA). Used for d x d feature matrices and for the small Rayleigh-Ritz problems of the
 * kernel spectrum; never for n x n kernels. Cost ~9 d^3 flops with vectors.
 */

export interface SymmetricEigen {
  /** Eigenvalues in descending order. */
  values: Float64Array;
  /** Eigenvectors as columns of a row-major [d, d] matrix, in the order of `values`. */
  vectors: Float64Array;
}

/** Eigen-decomposes the symmetric row-major [d, d] matrix `a` (only its symmetric part is used). */
export function symmetricEigen(a: ArrayLike<number>, d: number): SymmetricEigen {
  const V: Float64Array[] = [];
  for (let i = 0; i < d; i++) {
    const row = new Float64Array(d);
    for (let j = 0; j < d; j++) row[j] = 0.5 * ((a[i * d + j] as number) + (a[j * d + i] as number));
    V.push(row);
  }
  const e = new Float64Array(d);
  const values = new Float64Array(d);
  if (d > 0) {
    tridiagonalize(V, values, e, d);
    diagonalizeTridiagonal(V, values, e, d);
  }
  // Sort descending, permuting vector columns with the values.
  const order = Array.from({ length: d }, (_, i) => i).sort((i, j) => values[j]! - values[i]!);
  const sortedValues = new Float64Array(d);
  const vectors = new Float64Array(d * d);
  order.forEach((src, dst) => {
    sortedValues[dst] = values[src]!;
    for (let i = 0; i < d; i++) vectors[i * d + dst] = V[i]![src]!;
  });
  return { values: sortedValues, vectors };
}

/** Householder tridiagonalisation (tred2). On exit V holds the orthogonal transform, dg the diagonal, e the sub-diagonal. */
function tridiagonalize(V: Float64Array[], dg: Float64Array, e: Float64Array, n: number): void {
  for (let j = 0; j < n; j++) dg[j] = V[n - 1]![j]!;
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(dg[k]!);
    if (scale === 0) {
      e[i] = dg[i - 1]!;
      for (let j = 0; j < i; j++) {
        dg[j] = V[i - 1]![j]!;
        V[i]![j] = 0;
        V[j]![i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        dg[k] = dg[k]! / scale;
        h += dg[k]! * dg[k]!;
      }
      let f = dg[i - 1]!;
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      dg[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = dg[j]!;
        V[j]![i] = f;
        g = e[j]! + V[j]![j]! * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += V[k]![j]! * dg[k]!;
          e[k] = e[k]! + V[k]![j]! * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] = e[j]! / h;
        f += e[j]! * dg[j]!;
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] = e[j]! - hh * dg[j]!;
      for (let j = 0; j < i; j++) {
        f = dg[j]!;
        g = e[j]!;
        for (let k = j; k <= i - 1; k++) V[k]![j] = V[k]![j]! - (f * e[k]! + g * dg[k]!);
        dg[j] = V[i - 1]![j]!;
        V[i]![j] = 0;
      }
    }
    dg[i] = h;
  }
  for (let i = 0; i < n - 1; i++) {
    V[n - 1]![i] = V[i]![i]!;
    V[i]![i] = 1;
    const h = dg[i + 1]!;
    if (h !== 0) {
      for (let k = 0; k <= i; k++) dg[k] = V[k]![i + 1]! / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += V[k]![i + 1]! * V[k]![j]!;
        for (let k = 0; k <= i; k++) V[k]![j] = V[k]![j]! - g * dg[k]!;
      }
    }
    for (let k = 0; k <= i; k++) V[k]![i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    dg[j] = V[n - 1]![j]!;
    V[n - 1]![j] = 0;
  }
  V[n - 1]![n - 1] = 1;
  e[0] = 0;
}

/** Implicit QL iterations on the tridiagonal matrix (tql2), accumulating into V. */
function diagonalizeTridiagonal(V: Float64Array[], dg: Float64Array, e: Float64Array, n: number): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i]!;
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const eps = 2 ** -52;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(dg[l]!) + Math.abs(e[l]!));
    let m = l;
    while (m < n) {
      if (Math.abs(e[m]!) <= eps * tst1) break;
      m++;
    }
    if (m > l) {
      let iter = 0;
      do {
        iter++;
        if (iter > 60) break; // Never seen in practice; guards against a non-finite input looping forever.
        let g = dg[l]!;
        let p = (dg[l + 1]! - g) / (2 * e[l]!);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        dg[l] = e[l]! / (p + r);
        dg[l + 1] = e[l]! * (p + r);
        const dl1 = dg[l + 1]!;
        let h = g - dg[l]!;
        for (let i = l + 2; i < n; i++) dg[i] = dg[i]! - h;
        f += h;
        p = dg[m]!;
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
          p = c * dg[i]! - s * g;
          dg[i + 1] = h + s * (c * g + s * dg[i]!);
          for (let k = 0; k < n; k++) {
            const row = V[k]!;
            h = row[i + 1]!;
            row[i + 1] = s * row[i]! + c * h;
            row[i] = c * row[i]! - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]!) / dl1;
        e[l] = s * p;
        dg[l] = c * p;
      } while (Math.abs(e[l]!) > eps * tst1);
    }
    dg[l] = dg[l]! + f;
    e[l] = 0;
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
