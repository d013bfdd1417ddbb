/** Small seeded inputs for unit tests: float32 points and a float32 symmetric positive definite metric. */
import { createRandom } from '../random';

/** [n, d] standard normal points, row-major. */
export function randomPoints(n: number, d: number, seed: number): Float32Array {
  const random = createRandom(seed);
  return Float32Array.from({ length: n * d }, () => random.normal());
}

/** A symmetric positive definite, non-diagonal [d, d] matrix with float32 entries: A A^T / d + 0.5 I. */
export function randomMetric(d: number, seed: number): Float32Array {
  const a = randomPoints(d, d, seed);
  const m = new Float32Array(d * d);
  for (let i = 0; i < d; i++)
    for (let j = 0; j < d; j++) {
      let s = i === j ? 0.5 : 0;
      for (let k = 0; k < d; k++) s += (a[i * d + k]! * a[j * d + k]!) / d;
      m[i * d + j] = s;
    }
  return m;
}

/** (u - v)^T M (u - v) for row i of u and row j of v, in float64. */
export function directSquaredDistance(
  u: ArrayLike<number>,
  i: number,
  v: ArrayLike<number>,
  j: number,
  m: ArrayLike<number>,
  d: number,
): number {
  let s = 0;
  for (let a = 0; a < d; a++) {
    const da = (u[i * d + a] as number) - (v[j * d + a] as number);
    for (let b = 0; b < d; b++)
      s += da * (m[a * d + b] as number) * ((u[i * d + b] as number) - (v[j * d + b] as number));
  }
  return s;
}
