/** The coordinates with the largest diagonal entries of M [d, d], as "x2, x1, x3". */
export function topCoordinates(
  M: ArrayLike<number>,
  d: number,
  labels: readonly string[] | undefined,
  count = 3,
): string {
  return Array.from({ length: d }, (_, i) => i)
    .sort((a, b) => M[b * d + b]! - M[a * d + a]!)
    .slice(0, Math.min(count, d))
    .map((i) => labels?.[i] ?? `x${i + 1}`)
    .join(', ');
}
