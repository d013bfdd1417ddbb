/**
 * What the model reads, as numbers: the diagonal of M [d, d] for a text layout (d = k * V, position-major)
 * reshaped to a k x V table of positions by characters, and its total per position. Pure, no DOM.
 *
 *   const w = positionCharacterWeights(record.M, k, V); // [k * V]: w[p * V + v], p = 0 is k characters back
 *   positionShares(w, k, V)                              // [k]: each position's share of trace(M)
 */

/** diag(M) as [k, V] row-major; M is [k * V, k * V] row-major. */
export function positionCharacterWeights(M: ArrayLike<number>, k: number, V: number): Float64Array {
  const d = k * V;
  if (M.length < d * d) throw new Error(`M has ${M.length} entries, fewer than (k * V)^2 = ${d * d}`);
  const weights = new Float64Array(d);
  for (let j = 0; j < d; j++) weights[j] = M[j * d + j]!;
  return weights;
}

/** Each position's share of the total weight (sums to 1; uniform when the total is not positive). */
export function positionShares(weights: ArrayLike<number>, k: number, V: number): Float64Array {
  const totals = new Float64Array(k);
  for (let p = 0; p < k; p++) for (let v = 0; v < V; v++) totals[p]! += weights[p * V + v]!;
  const sum = totals.reduce((a, b) => a + b, 0);
  return sum > 0 ? totals.map((t) => t / sum) : totals.fill(1 / k);
}

/** The offset label of position p of k: '-8' for p = 0 when k = 8, '-1' for the last. */
export function positionLabel(p: number, k: number): string {
  return `-${k - p}`;
}
