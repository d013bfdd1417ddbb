/**
 * The training rows the engine's AGOP averages over (core/rfm.ts): all of them, or a seeded sample of
 * `agopSampleSize` (the first draw of the run's generator), so an export can use exactly the same rows.
 */
import { createRandom, permutation } from '../core/random';
import type { RfmOptions } from '../core/types';

export function agopSampleRows(n: number, options: Pick<RfmOptions, 'agopSampleSize' | 'seed'>): Int32Array | null {
  const sample = options.agopSampleSize;
  if (!(sample > 0 && sample < n)) return null;
  return permutation(n, createRandom(options.seed)).slice(0, sample).sort();
}
