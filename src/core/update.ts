/**
 * The M update from the AGOP G, by named convention (SPEC-rfm.md, step 6):
 *   mean: G / N (the original RFM paper and code); max: G / max_ij |G_ij| (xRFM);
 *   sqrt: (G / N)^{1/2}, eigenvalues clipped at 0 (the grokking paper).
 * With `diagonal`, only diag(G) is kept and M stays diagonal.
 */
import type { UpdateConvention } from './types';
import { symmetricSqrt } from './linalg/symmetricEigen';

export const UPDATE_CONVENTIONS: readonly UpdateConvention[] = ['mean', 'max', 'sqrt'];

/** G: row-major [d, d] float64 sum of gradient outer products over `count` points. */
export function updateFeatureMatrix(
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
