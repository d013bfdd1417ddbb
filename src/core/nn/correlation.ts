/**
 * Pearson correlation of the entries of two [d, d] matrices, in float64: the neural feature ansatz's
 * figure (W^T W against sqrt(AGOP)), over all entries or over the off-diagonal ones only.
 */

/** Pearson correlation of paired values; NaN when either side has zero variance. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>, include: (k: number) => boolean = () => true) {
  if (a.length !== b.length) throw new Error(`pearson: lengths differ (${a.length} vs ${b.length})`);
  let n = 0;
  let sa = 0;
  let sb = 0;
  for (let k = 0; k < a.length; k++) {
    if (!include(k)) continue;
    n++;
    sa += a[k] as number;
    sb += b[k] as number;
  }
  if (n < 2) return NaN;
  const ma = sa / n;
  const mb = sb / n;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let k = 0; k < a.length; k++) {
    if (!include(k)) continue;
    const x = (a[k] as number) - ma;
    const y = (b[k] as number) - mb;
    cov += x * y;
    va += x * x;
    vb += y * y;
  }
  return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : NaN;
}

/** Correlation of all d^2 entries of two [d, d] matrices. */
export function matrixCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return pearson(a, b);
}

/** Correlation of the off-diagonal entries (i != j) of two [d, d] matrices. */
export function offDiagonalCorrelation(a: ArrayLike<number>, b: ArrayLike<number>, d: number): number {
  return pearson(a, b, (k) => k % d !== Math.floor(k / d));
}
