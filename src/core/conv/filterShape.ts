/**
 * What a q x q filter looks like, in words a caption and a test can use: a blob (one sign, like the patch
 * mean), an edge (both signs, entries summing to about 0, the two signs on opposite sides) with its
 * orientation, or neither. Single channel, or the channels summed.
 */

export type FilterShape =
  | { kind: 'blob'; meanCosine: number }
  | { kind: 'edge'; orientation: 'horizontal' | 'vertical' | 'diagonal'; meanCosine: number }
  | { kind: 'other'; meanCosine: number };

/**
 * values: row-major q x q x channels (channels last). meanCosine is the cosine with the patch mean
 * (1 for the normalised all-ones filter, 0 for a zero-sum one).
 * - blob: |meanCosine| >= 0.9;
 * - edge: |meanCosine| <= 1/3 (less of the patch mean than a single pixel has), each sign holding at least a
 *   tenth of the squared norm, and the first moment (the filter's centre of mass of sign) carries at least
 *   half its norm: |sum v (r - c0, c - c0)| / sqrt(sum v^2 sum ((r - c0)^2 + (c - c0)^2) / 2) >= 0.5,
 *   oriented by the moment's direction: a horizontal edge changes from top to bottom (|gy| >= 2 |gx|), a
 *   vertical one from left to right, diagonal otherwise.
 */
export function describeFilter(values: ArrayLike<number>, q: number, channels = 1): FilterShape {
  const plane = new Float64Array(q * q);
  for (let i = 0; i < q * q; i++)
    for (let k = 0; k < channels; k++) plane[i] = plane[i]! + (values[i * channels + k] as number);
  let sum = 0;
  let squares = 0;
  let negative = 0;
  let gx = 0;
  let gy = 0;
  let spread = 0;
  const centre = (q - 1) / 2;
  for (let r = 0; r < q; r++)
    for (let c = 0; c < q; c++) {
      const v = plane[r * q + c]!;
      sum += v;
      squares += v * v;
      if (v < 0) negative += v * v;
      gx += v * (c - centre);
      gy += v * (r - centre);
      spread += ((r - centre) ** 2 + (c - centre) ** 2) / 2;
    }
  const meanCosine = squares > 0 ? sum / Math.sqrt(squares * q * q) : 0;
  if (Math.abs(meanCosine) >= 0.9) return { kind: 'blob', meanCosine };
  const moment = Math.hypot(gx, gy) / Math.sqrt(squares * spread);
  // Both signs must carry weight: a lone corner pixel has a small mean cosine and a large moment, but one sign.
  const bothSigns = Math.min(negative, squares - negative) >= 0.1 * squares;
  if (Math.abs(meanCosine) <= 1 / 3 && moment >= 0.5 && bothSigns) {
    const orientation =
      Math.abs(gy) >= 2 * Math.abs(gx) ? 'horizontal' : Math.abs(gx) >= 2 * Math.abs(gy) ? 'vertical' : 'diagonal';
    return { kind: 'edge', orientation, meanCosine };
  }
  return { kind: 'other', meanCosine };
}

/** e.g. 'edge (horizontal)', 'blob'. */
export function filterShapeText(shape: FilterShape): string {
  return shape.kind === 'edge' ? `edge (${shape.orientation})` : shape.kind;
}
