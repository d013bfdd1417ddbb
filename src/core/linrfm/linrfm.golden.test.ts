/**
 * lin-RFM against the independent float64 numpy reference (scripts/make_linrfm_fixtures.py). The exact
 * path (cols <= exactUpTo) is float64 throughout, so it matches to ~1e-9; the truncated path is float64
 * too but gets its top eigenpairs by subspace iteration with two warm-started power steps per iteration,
 * not numpy's eigh, so it is held to 1e-5 (measured: 3e-7 on the error, 1.5e-6 on singular values).
 */
import { describe, expect, it, vi } from 'vitest';
import { completeMatrix } from './completion';
import { loadCompletionFixture, loadSparseFixture } from './linrfmFixtures';
import { recoverSparse } from './sparse';
import { DEFAULT_LINRFM_OPTIONS, type CompletionRecord } from './linrfmTypes';

async function collect<T>(records: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const r of records) out.push(r);
  return out;
}

function maxRelative(a: ArrayLike<number>, b: ArrayLike<number>, count: number): number {
  let worst = 0;
  for (let i = 0; i < count; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!) / Math.max(Math.abs(b[i]!), 1e-12));
  return worst;
}

describe('lin-RFM matrix completion, exact metric', () => {
  for (const name of ['completion-exact', 'completion-wide-noisy']) {
    it(`matches the float64 reference on ${name}`, async () => {
      const { fixture, problem } = loadCompletionFixture(name);
      // The nuclear-norm baseline has its own reference (nuclearNorm.golden.test.ts).
      const options = {
        ...DEFAULT_LINRFM_OPTIONS,
        iterations: fixture.iterations,
        power: fixture.s,
        softImpute: false,
      };
      const records: CompletionRecord[] = await collect(completeMatrix(problem, options));
      expect(records).toHaveLength(fixture.iterations + 1);
      records.forEach((record, t) => {
        const ref = fixture.records[t]!;
        expect(record.truncated).toBe(false);
        expect(Math.abs(record.recoveryError - ref.recovery_error)).toBeLessThan(1e-8);
        expect(record.observedResidual).toBeLessThan(1e-10);
        expect(maxRelative(record.singularValues, ref.singular_values, ref.singular_values.length)).toBeLessThan(1e-8);
        expect(maxRelative(record.mSpectrum, ref.M_spectrum_top, ref.M_spectrum_top.length)).toBeLessThan(1e-8);
      });
      // The recovered matrix itself, on a row preview (row 0 is always in the preview).
      const last = records.at(-1)!;
      const row0 = fixture.records.at(-1)!.W_row0;
      expect(maxRelative(Array.from(last.preview.subarray(0, fixture.cols)), row0, fixture.cols)).toBeLessThan(1e-5);
    });
  }

  it('iteration 0 is the zero-fill min-norm solution (M = I)', async () => {
    const { problem } = loadCompletionFixture('completion-exact');
    const [first] = await collect(completeMatrix(problem, { ...DEFAULT_LINRFM_OPTIONS, iterations: 0 }));
    const W0 = first!.preview;
    for (let j = 0; j < problem.cols; j++) expect(W0[j]).toBeCloseTo(problem.mask[j] ? problem.observed[j]! : 0, 5);
  });
});

describe('lin-RFM matrix completion, truncated metric', () => {
  it('follows the reference with the top eigenpairs from subspace iteration', async () => {
    const { fixture, problem } = loadCompletionFixture('completion-truncated');
    const options = {
      ...DEFAULT_LINRFM_OPTIONS,
      iterations: fixture.iterations,
      exactUpTo: fixture.basis_size,
      basisSize: fixture.basis_size,
      softImpute: false,
    };
    const records = await collect(completeMatrix(problem, options));
    records.forEach((record, t) => {
      const ref = fixture.records[t]!;
      expect(record.truncated).toBe(true);
      expect(Math.abs(record.recoveryError - ref.recovery_error)).toBeLessThan(1e-5);
      expect(maxRelative(record.singularValues, ref.singular_values, 8)).toBeLessThan(2e-5);
    });
  });
});

describe('lin-RFM sparse regression', () => {
  it('matches the float64 reference coefficient by coefficient', async () => {
    const { fixture, problem } = loadSparseFixture('sparse-small');
    const records = await collect(
      recoverSparse(problem, { ...DEFAULT_LINRFM_OPTIONS, iterations: fixture.iterations }),
    );
    records.forEach((record, t) => {
      const ref = fixture.records[t]!;
      expect(Math.abs(record.recoveryError - ref.recovery_error)).toBeLessThan(1e-9);
      const scale = Math.max(...ref.estimate!.map(Math.abs));
      record.estimate.forEach((b, j) => expect(Math.abs(b - ref.estimate![j]!)).toBeLessThan(1e-8 * scale));
    });
  });

  it('reproduces the reference trajectory on n = 60, d = 200, 4 non-zeros', async () => {
    const { fixture, problem } = loadSparseFixture('sparse-paper');
    const records = await collect(
      recoverSparse(problem, { ...DEFAULT_LINRFM_OPTIONS, iterations: fixture.iterations }),
    );
    records.forEach((record, t) => {
      expect(Math.abs(record.recoveryError - fixture.records[t]!.recovery_error)).toBeLessThan(1e-8);
    });
  });
});

describe('lin-RFM sparse regression progress', () => {
  it('reports the share of each solve done, so a long iteration shows progress, not "iteration 0/1"', async () => {
    const { problem } = loadSparseFixture('sparse-paper');
    const seen: { iteration: number; fraction: number }[] = [];
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 1000)); // every throttled checkpoint passes
    try {
      const checkpoint = ({ iteration, fraction }: { iteration: number; fraction: number }) => {
        seen.push({ iteration, fraction });
        return Promise.resolve();
      };
      await collect(recoverSparse(problem, { ...DEFAULT_LINRFM_OPTIONS, iterations: 1 }, { checkpoint }));
    } finally {
      vi.restoreAllMocks();
    }
    const first = seen.filter((p) => p.iteration === 0).map((p) => p.fraction);
    // Before: one checkpoint per finished iteration (fraction 1), nothing while the Gram matrix was built.
    expect(first[0]).toBe(0);
    expect(first.some((f) => f > 0.2 && f < 0.8)).toBe(true);
    expect(first).toEqual([...first].sort((a, b) => a - b));
  });
});
