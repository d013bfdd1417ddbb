/**
 * The converged nuclear-norm baseline against its float64 numpy twin (scripts/make_nuclear_fixtures.py):
 * the same lambda path, momentum and stopping rule give the same error, sweeps and Z, both where the
 * minimum recovers the matrix (below 1e-6) and where it does not (the sweep budget runs out, said so).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../random';
import { relativeError } from './completion';
import { minimiseNuclearNorm, NUCLEAR_NORM_DEFAULTS } from './nuclearNorm';
import { observedRows } from './sparsePlusLowRank';

interface NuclearFixture {
  rows: number;
  cols: number;
  options: { ratio: number; lambda_min: number; tolerance: number; max_sweeps: number };
  truth: number[];
  observed_values: number[];
  mask: number[];
  recovery_error: number;
  sweeps: number;
  converged: boolean;
  Z_row0: number[];
}

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as NuclearFixture;

describe('the converged nuclear-norm baseline', () => {
  it.each(['nuclear-recovered', 'nuclear-short'])(
    'matches the float64 numpy reference on %s',
    async (name) => {
      const f = load(name);
      const options = {
        ratio: f.options.ratio,
        lambdaMin: f.options.lambda_min,
        tolerance: f.options.tolerance,
        maxSweeps: f.options.max_sweeps,
      };
      expect(options).toEqual(NUCLEAR_NORM_DEFAULTS);
      const rows = observedRows(Float64Array.from(f.observed_values), Uint8Array.from(f.mask), f.rows, f.cols);
      const result = await minimiseNuclearNorm(rows, true, 64, createRandom(1), options);
      const error = relativeError(result.estimate, Float64Array.from(f.truth));
      expect(result.converged).toBe(f.converged);
      expect(Math.abs(result.sweeps - f.sweeps)).toBeLessThanOrEqual(3);
      if (f.converged) {
        expect(error).toBeLessThan(1e-5);
        expect(Math.abs(error - f.recovery_error)).toBeLessThan(1e-6);
        for (let j = 0; j < f.cols; j++) expect(Math.abs(result.estimate[j]! - f.Z_row0[j]!)).toBeLessThan(1e-5);
      } else {
        expect(Math.abs(error - f.recovery_error)).toBeLessThan(1e-3 * f.recovery_error + 1e-6);
      }
    },
    120_000,
  );
});
