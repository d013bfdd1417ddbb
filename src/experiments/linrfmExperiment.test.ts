/**
 * The lin-RFM presets recover what the theory says they recover (docs/linrfm.md): a rank-3 100 x 100
 * matrix from 30% of its entries, to below 1% relative error, but not from 8%; a 4-sparse vector in
 * 200 dimensions from 60 samples, support and all. And the engine leaks no tensors.
 */
import { describe, expect, it } from 'vitest';
import { completeMatrix } from '../core/linrfm/completion';
import { DEFAULT_LINRFM_OPTIONS } from '../core/linrfm/linrfmTypes';
import { makeCompletionProblem } from '../data/linrfmProblems';
import { presetParams } from '../params/presets';
import { linRfmOptionsFromParams, startLinRfm, type LinRfmRecord } from './linrfmExperiment';

const COMPLETION = { kind: 'linrfm', problem: 'completion' } as const;

async function run(params: ReturnType<typeof presetParams>): Promise<LinRfmRecord[]> {
  const out: LinRfmRecord[] = [];
  for await (const r of startLinRfm(COMPLETION, params).records) out.push(r);
  return out;
}

describe('the matrix-completion preset', () => {
  it('recovers a rank-3 100 x 100 matrix from 30% of its entries to below 1e-2', async () => {
    const params = presetParams('matrix-completion');
    expect([params.rows, params.cols, params.rank, params.observed, params.s]).toEqual([100, 100, 3, 0.3, 0.5]);
    const records = await run(params);
    expect(records).toHaveLength(params.iters + 1);
    expect(records[0]!.record.recoveryError).toBeCloseTo(Math.sqrt(0.7), 2); // zero fill
    const last = records.at(-1)!;
    expect(last.record.recoveryError).toBeLessThan(1e-2);
    // The singular values of W collapse to the rank: a gap of orders of magnitude after the third.
    if (last.kind !== 'completion') throw new Error('expected a completion record');
    const sv = last.record.singularValues;
    expect(sv[3]! / sv[2]!).toBeLessThan(1e-2);
    // Converged nuclear-norm minimisation recovers this matrix further (1.05e-6): at s = 1/2 the baseline wins.
    expect(last.record.softImputeConverged).toBe(true);
    expect(last.record.softImputeError!).toBeLessThan(1e-5);
    expect(last.record.recoveryError).toBeGreaterThan(last.record.softImputeError!);
  });

  it('does not recover it from 8% of its entries (fewer than the theory needs)', async () => {
    // lin-RFM alone: the nuclear-norm baseline, which this test does not judge, runs to its sweep limit on
    // this problem (18 s of the test's 19 on a quiet machine).
    const params = { ...presetParams('matrix-completion'), observed: 0.08, iters: 30 };
    const { rows, cols, rank, observed, noise, seed } = params;
    const problem = makeCompletionProblem({ rows, cols, rank, observed, noise, seed });
    let error = Number.NaN;
    let iterations = 0;
    for await (const record of completeMatrix(problem, { ...linRfmOptionsFromParams(params), softImpute: false })) {
      error = record.recoveryError;
      iterations++;
    }
    expect(iterations).toBe(31);
    expect(error).toBeGreaterThan(0.3);
  });
});

describe('the sparse-recovery preset', () => {
  it('recovers 4 non-zeros in 200 dimensions from 60 samples and finds the support', async () => {
    const params = presetParams('sparse-recovery');
    const run = startLinRfm({ kind: 'linrfm', problem: 'sparse' }, params);
    const records: LinRfmRecord[] = [];
    for await (const r of run.records) records.push(r);
    expect(records[0]!.record.recoveryError).toBeGreaterThan(0.5); // the min-norm baseline
    const last = records.at(-1)!;
    expect(last.record.recoveryError).toBeLessThan(1e-2);
    if (last.kind !== 'sparse' || run.summary.kind !== 'sparse') throw new Error('expected sparse records');
    const truth = Array.from(run.summary.beta).flatMap((b, j) => (b !== 0 ? [j] : []));
    expect(Array.from(last.record.support)).toEqual(truth);
  });
});

describe('the truncated metric', () => {
  it('recovers a low-rank matrix as the exact metric does when the rank is below the basis', async () => {
    const problem = makeCompletionProblem({ rows: 50, cols: 60, rank: 2, observed: 0.5, noise: 0, seed: 3 });
    const last = async (options: typeof DEFAULT_LINRFM_OPTIONS) => {
      let error = Number.NaN;
      for await (const record of completeMatrix(problem, options)) error = record.recoveryError;
      return error;
    };
    const base = { ...DEFAULT_LINRFM_OPTIONS, iterations: 45, softImpute: false };
    const exact = await last(base);
    const truncated = await last({ ...base, exactUpTo: 10, basisSize: 10 });
    expect(exact).toBeLessThan(1e-2);
    expect(truncated).toBeLessThan(2 * exact);
  });
});

describe('lin-RFM checkpoints', () => {
  it('offers a checkpoint at the start of every iteration, so a step stops after one', async () => {
    const problem = makeCompletionProblem({ rows: 30, cols: 30, rank: 2, observed: 0.5, noise: 0, seed: 2 });
    const starts: number[] = [];
    const hooks = {
      checkpoint: (p: { iteration: number; phase: string; fraction: number }) => {
        if (p.phase === 'solve' && p.fraction === 0) starts.push(p.iteration);
        return Promise.resolve();
      },
    };
    for await (const record of completeMatrix(problem, { ...DEFAULT_LINRFM_OPTIONS, iterations: 5 }, hooks))
      expect(starts.at(-1)).toBe(record.iteration);
    expect(starts).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
