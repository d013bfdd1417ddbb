import { describe, expect, it } from 'vitest';
import { makeCompletionProblem, makeSparseProblem } from '../data/linrfmProblems';
import { completeMatrix } from '../core/linrfm/completion';
import { DEFAULT_LINRFM_OPTIONS, LINRFM_TOLERANCE, type LinRfmOptions } from '../core/linrfm/linrfmTypes';
import { recoverSparse } from '../core/linrfm/sparse';

async function collect<T>(records: AsyncGenerator<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const record of records) out.push(record);
  return out;
}

const options = (over: Partial<LinRfmOptions>): LinRfmOptions => ({
  ...DEFAULT_LINRFM_OPTIONS,
  softImpute: false,
  power: 0.75,
  ...over,
});

describe('lin-RFM stops when its estimate has converged, not at a fixed budget', () => {
  const problem = makeCompletionProblem({ rows: 30, cols: 30, rank: 2, observed: 0.5, noise: 0, seed: 3 });

  it('matrix completion: stops at the first change below the tolerance, well inside a large budget', async () => {
    const records = await collect(completeMatrix(problem, options({ iterations: 500 })));
    const last = records.at(-1)!;
    expect(records[0]!.change).toBeNull();
    expect(last.change!).toBeLessThan(LINRFM_TOLERANCE);
    expect(records.slice(1, -1).every((r) => r.change! >= LINRFM_TOLERANCE)).toBe(true);
    expect(last.iteration).toBeLessThan(500);
    expect(last.recoveryError).toBeLessThan(1e-5);
  });

  it('matrix completion: a tolerance of 0 runs the whole budget', async () => {
    const records = await collect(completeMatrix(problem, options({ iterations: 12, tolerance: 0 })));
    expect(records).toHaveLength(13);
  });

  it('sparse recovery: the same rule', async () => {
    const sparse = makeSparseProblem({ n: 40, d: 120, k: 3, noise: 0, seed: 2 });
    const records = await collect(recoverSparse(sparse, options({ iterations: 400, power: 0.5, epsDecay: 0.7 })));
    const last = records.at(-1)!;
    expect(last.change!).toBeLessThan(LINRFM_TOLERANCE);
    expect(last.iteration).toBeLessThan(400);
  });

  it('sparse recovery: the rule survives the worker transferring each record to the page', async () => {
    // The worker posts every record with its arrays transferred, which empties them where they were made.
    const sparse = makeSparseProblem({ n: 40, d: 120, k: 3, noise: 0, seed: 2 });
    const records = [];
    for await (const record of recoverSparse(sparse, options({ iterations: 400, power: 0.5, epsDecay: 0.7 }))) {
      records.push(record.iteration);
      structuredClone(record.estimate, { transfer: [record.estimate.buffer] });
    }
    expect(records.length).toBeGreaterThan(5);
  });
});
