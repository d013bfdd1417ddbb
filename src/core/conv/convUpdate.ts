/**
 * ConvRFM's M update (docs/convrfm.md): G = M S M / (P^2 n) from the patch gradient sum S, then
 * M <- G^(1/2) (eigenvalues clipped at 0), scaled to trace f = q^2 x channels so that the bandwidth keeps its
 * meaning from one iteration to the next. Float64 on the CPU; f is at most a few dozen.
 */
import { sandwich } from '../agop';
import { symmetricSqrt } from '../linalg/symmetricEigen';
import { symmetrise } from '../update';

export function convFeatureMatrix(
  m: Float64Array,
  s: Float64Array,
  f: number,
  positions: number,
  n: number,
): Float64Array {
  const g = sandwich(m, s, f).map((v) => v / (positions * positions * n));
  const root = symmetrise(symmetricSqrt(symmetrise(g, f), f), f);
  let trace = 0;
  for (let i = 0; i < f; i++) trace += root[i * f + i]!;
  if (!(trace > 0) || !Number.isFinite(trace))
    throw new Error('the patch AGOP is zero or not finite: M cannot be updated (try a larger bandwidth or ridge)');
  return root.map((v) => (v * f) / trace);
}
