/**
 * The M update from the AGOP G, by named convention (docs/algorithm.md, step 6):
 *   mean: G / N (the original RFM paper and code); max: G / max_ij |G_ij| (xRFM);
 *   sqrt: (G / N)^{1/2}, eigenvalues clipped at 0 (the grokking paper).
 * With `diagonal`, only diag(G) is kept and M stays diagonal.
 */
import { UPDATE_CONVENTIONS, type UpdateConvention } from './types';
import { symmetricSqrt } from './linalg/symmetricEigen';

export { UPDATE_CONVENTIONS };

/**
 * G: row-major [d, d] float64 sum of gradient outer products over `count` points. The result is exactly
 * symmetric (docs/algorithm.md, step 7): M G M and the eigendecomposition of sqrt leave rounding asymmetries of
 * ~1e-16 relative that would otherwise accumulate over the iterations.
 */
export function updateFeatureMatrix(
  g: Float64Array,
  d: number,
  count: number,
  convention: UpdateConvention,
  diagonal: boolean,
): Float64Array {
  return symmetrise(conventionUpdate(g, d, count, convention, diagonal), d);
}

/** (A + A^T) / 2 in place, returned. */
export function symmetrise(a: Float64Array, d: number): Float64Array {
  for (let i = 0; i < d; i++) {
    for (let j = i + 1; j < d; j++) {
      const mean = (a[i * d + j]! + a[j * d + i]!) / 2;
      a[i * d + j] = mean;
      a[j * d + i] = mean;
    }
  }
  return a;
}

function conventionUpdate(
  g: Float64Array,
  d: number,
  count: number,
  convention: UpdateConvention,
  diagonal: boolean,
): Float64Array {
  const agop = Float64Array.from(g);
  if (diagonal) for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) if (i !== j) agop[i * d + j] = 0;
  switch (convention) {
    case 'mean':
      return agop.map((v) => v / count);
    case 'max': {
      let largest = 0;
      for (const v of agop) largest = Math.max(largest, Math.abs(v));
      return largest > 0 ? agop.map((v) => v / largest) : agop;
    }
    case 'sqrt': {
      const mean = agop.map((v) => v / count);
      if (!diagonal) return symmetricSqrt(mean, d);
      return mean.map((v, index) => (index % (d + 1) === 0 ? Math.sqrt(Math.max(v, 0)) : 0));
    }
    default:
      throw new Error(`invalid update convention: ${String(convention)}`);
  }
}
