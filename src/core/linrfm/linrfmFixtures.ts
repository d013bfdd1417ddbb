/** Loads the lin-RFM fixtures (scripts/make_linrfm_fixtures.py, float64 numpy) for the tests. */
import { readFileSync } from 'node:fs';
import type { CompletionProblem, SparseProblem } from './linrfmTypes';

export interface CompletionFixture {
  rows: number;
  cols: number;
  s: number;
  iterations: number;
  basis_size: number;
  truth: number[];
  observed_values: number[];
  mask: number[];
  records: {
    iter: number;
    recovery_error: number;
    soft_impute_error: number;
    singular_values: number[];
    M_spectrum_top: number[];
    W_row0: number[];
  }[];
}

export interface SparseFixture {
  n: number;
  d: number;
  s: number;
  iterations: number;
  X: number[];
  y: number[];
  beta: number[];
  records: { iter: number; recovery_error: number; estimate: number[] | null }[];
}

function read<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as T;
}

export function loadCompletionFixture(name: string): { fixture: CompletionFixture; problem: CompletionProblem } {
  const fixture = read<CompletionFixture>(name);
  return {
    fixture,
    problem: {
      rows: fixture.rows,
      cols: fixture.cols,
      truth: Float64Array.from(fixture.truth),
      observed: Float64Array.from(fixture.observed_values),
      mask: Uint8Array.from(fixture.mask),
    },
  };
}

export function loadSparseFixture(name: string): { fixture: SparseFixture; problem: SparseProblem } {
  const fixture = read<SparseFixture>(name);
  return {
    fixture,
    problem: {
      n: fixture.n,
      d: fixture.d,
      X: Float64Array.from(fixture.X),
      y: Float64Array.from(fixture.y),
      beta: Float64Array.from(fixture.beta),
    },
  };
}
