/** The predictor chart's value ranges (./predictorChart.ts): the colour bound and the curve's y extent. */

/** Largest |v| over the given arrays (1 when all are 0), the diverging scale's bound. */
export function absoluteBound(...arrays: ArrayLike<number>[]): number {
  let bound = 0;
  for (const a of arrays)
    for (let i = 0; i < a.length; i++) if (Number.isFinite(a[i]!)) bound = Math.max(bound, Math.abs(a[i]!));
  return bound > 0 ? bound : 1;
}

/** The [low, high] of the finite values (a unit span around a constant; [-1, 1] when there are none). */
export function extentOf(...arrays: ArrayLike<number>[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const a of arrays)
    for (let i = 0; i < a.length; i++) {
      const v = a[i]!;
      if (!Number.isFinite(v)) continue;
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  if (!Number.isFinite(low)) return [-1, 1];
  return low === high ? [low - 1, high + 1] : [low, high];
}
