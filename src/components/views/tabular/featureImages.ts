/**
 * The vectors over pixels that the image views draw: the diagonal of M and its top eigenvectors. An
 * eigenvector's sign is arbitrary, so each is turned to have its largest-magnitude entry positive (red),
 * which keeps the picture from flipping colours between iterations.
 */
import type { IterationRecord } from '../../../core';
import { formatValue } from '../../../viz/format';
import type { GridImage } from './imageGrid';

/** How many eigenvectors of M are drawn. */
export const EIGENVECTORS = 3;

/** v with the sign that makes its largest-magnitude entry positive. */
export function orientEigenvector(v: ArrayLike<number>): Float64Array {
  let peak = 0;
  for (let i = 0; i < v.length; i++) if (Math.abs(v[i]!) > Math.abs(peak)) peak = v[i]!;
  return Float64Array.from({ length: v.length }, (_, i) => (peak < 0 ? -v[i]! : v[i]!));
}

export function featureImages(record: IterationRecord): GridImage[] {
  const { d, M } = record;
  const images: GridImage[] = [
    { id: 'diag', title: 'diag(M)', values: Float64Array.from({ length: d }, (_, i) => M[i * d + i]!) },
  ];
  record.mEigenvectors.slice(0, EIGENVECTORS).forEach((v, k) => {
    const lambda = record.mEigenvalues[k];
    images.push({
      id: `eig${k + 1}`,
      title: `eigenvector ${k + 1}${lambda === undefined ? '' : ` (λ = ${formatValue(lambda)})`}`,
      values: orientEigenvector(v),
    });
  });
  return images;
}
