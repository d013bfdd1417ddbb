/**
 * Seeded problems for lin-RFM (docs/linrfm.md): a random low-rank matrix seen on a random share of its
 * entries (matrix completion), and a sparse linear model with fewer samples than coordinates (sparse
 * regression). Self-contained: the engine's problem types in, nothing else from data/.
 */
import { createRandom, permutation } from '../core/random';
import type { CompletionProblem, SparseProblem } from '../core/linrfm/linrfmTypes';
import { DataError } from './errors';

export interface CompletionSpec {
  rows: number;
  cols: number;
  rank: number;
  /** Share of entries observed, in (0, 1]. */
  observed: number;
  /** Standard deviation of the noise added to the observed entries. */
  noise: number;
  seed: number;
}

/** Y = U V^T / sqrt(rank) with standard normal U [rows, rank] and V [cols, rank]; exactly round(observed * rows * cols) entries seen. */
export function makeCompletionProblem(spec: CompletionSpec): CompletionProblem {
  const { rows: m, cols: n, rank: r } = spec;
  if (r > Math.min(m, n)) throw new DataError(`rank ${r} is larger than the matrix (${m} x ${n})`);
  const random = createRandom(spec.seed);
  const U = Float64Array.from({ length: m * r }, () => random.normal());
  const V = Float64Array.from({ length: n * r }, () => random.normal());
  const scale = 1 / Math.sqrt(r);
  const truth = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let l = 0; l < r; l++) s += U[i * r + l]! * V[j * r + l]!;
      truth[i * n + j] = s * scale;
    }
  const count = Math.round(spec.observed * m * n);
  if (count < 1) throw new DataError('no entry is observed: raise the observed share');
  const order = permutation(m * n, random);
  const mask = new Uint8Array(m * n);
  for (let a = 0; a < count; a++) mask[order[a]!] = 1;
  const observed = new Float64Array(m * n);
  for (let i = 0; i < m * n; i++) if (mask[i]) observed[i] = truth[i]! + spec.noise * random.normal();
  return { rows: m, cols: n, truth, observed, mask };
}

export interface SparseSpec {
  n: number;
  d: number;
  /** Non-zero coefficients. */
  k: number;
  noise: number;
  seed: number;
}

/** X [n, d] with N(0, 1/n) entries; k coefficients at random places, each +-1 plus N(0, 1); y = X beta + noise. */
export function makeSparseProblem(spec: SparseSpec): SparseProblem {
  const { n, d, k } = spec;
  if (k > d) throw new DataError(`k = ${k} non-zeros do not fit in d = ${d} coordinates`);
  const random = createRandom(spec.seed);
  const X = Float64Array.from({ length: n * d }, () => random.normal() / Math.sqrt(n));
  const beta = new Float64Array(d);
  const places = permutation(d, random);
  for (let a = 0; a < k; a++) beta[places[a]!] = (random.uniform() < 0.5 ? -1 : 1) + random.normal();
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += X[i * d + j]! * beta[j]!;
    y[i] = s + spec.noise * random.normal();
  }
  return { n, d, X, y, beta };
}
