/** The coordinates with the largest diagonal entries of M [d, d], and the block of M they span. */

/** Indices (0-based) of the `count` largest diagonal entries of M [d, d], largest first. */
export function topIndices(M: ArrayLike<number>, d: number, count: number): number[] {
  return Array.from({ length: d }, (_, i) => i)
    .sort((a, b) => M[b * d + b]! - M[a * d + a]!)
    .slice(0, Math.max(0, Math.min(count, d)));
}

/** The coordinates with the largest diagonal entries, as "x2, x1, x3". */
export function topCoordinates(
  M: ArrayLike<number>,
  d: number,
  labels: readonly string[] | undefined,
  count = 3,
): string {
  return topIndices(M, d, count)
    .map((i) => labels?.[i] ?? `x${i + 1}`)
    .join(', ');
}

/**
 * The k x k block of M on its k largest diagonal entries, rows and columns in the order of the
 * coordinates (so a block structure among them stays visible), with their labels.
 */
export function topBlock(
  M: ArrayLike<number>,
  d: number,
  k: number,
  labels: readonly string[] | undefined,
): { values: Float64Array; d: number; labels: string[]; indices: number[] } {
  const indices = topIndices(M, d, k).sort((a, b) => a - b);
  const size = indices.length;
  const values = new Float64Array(size * size);
  indices.forEach((row, r) => indices.forEach((col, c) => (values[r * size + c] = M[row * d + col]!)));
  return { values, d: size, labels: indices.map((i) => labels?.[i] ?? `x${i + 1}`), indices };
}
