/**
 * M's eigenvectors drawn as patches (docs/convrfm.md): the "filters" ConvRFM learns. Each eigenvector has
 * its largest-magnitude entry made positive, so the sign is reproducible; its sum tells a blob (the patch
 * mean, sum about +-q) from an edge (both signs, sum near 0).
 */
import { symmetricEigen } from '../linalg/symmetricEigen';
import type { PatchFilter } from './convTypes';

/** M: row-major [f, f]. All f filters, by descending eigenvalue. */
export function patchFilters(m: ArrayLike<number>, f: number): PatchFilter[] {
  const { values, vectors } = symmetricEigen(m, f);
  return Array.from(values, (eigenvalue, k) => {
    const v = new Float64Array(f);
    let largest = 0;
    for (let i = 0; i < f; i++) {
      v[i] = vectors[i * f + k]!;
      if (Math.abs(v[i]!) > Math.abs(largest)) largest = v[i]!;
    }
    if (largest < 0) for (let i = 0; i < f; i++) v[i] = -v[i]!;
    return { eigenvalue, values: v, sum: v.reduce((s, x) => s + x, 0) };
  });
}

/** A filter's values as nested arrays: [q][q] for one channel, [channels][q][q] otherwise. */
export function filterGrid(values: ArrayLike<number>, q: number, channels: number): number[][] | number[][][] {
  const plane = (k: number) =>
    Array.from({ length: q }, (_, r) =>
      Array.from({ length: q }, (_, c) => values[(r * q + c) * channels + k] as number),
    );
  return channels === 1 ? plane(0) : Array.from({ length: channels }, (_, k) => plane(k));
}
