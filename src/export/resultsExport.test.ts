/** Download JSON and CSV for a sweep and a lin-RFM run (they were disabled: issue 24, item 7). */
import { describe, expect, it } from 'vitest';
import { startLinRfm, type LinRfmRecord } from '../experiments/linrfmExperiment';
import { jobFromParams } from '../jobs/job';
import { presetParams } from '../params/presets';
import type { Results } from '../store/results';
import { resultsCsv, resultsJson } from './resultsExport';

const M = Float64Array.from([2, 0.5, 0.5, 3]);
const point = (value: number, finalTestMse: number) => ({
  value,
  baselineTestMse: 0.4,
  finalTestMse,
  bestTestMse: finalTestMse,
  bestIteration: 5,
  baselineTestAccuracy: null,
  finalTestAccuracy: null,
  M,
  d: 2,
});

describe('exports of a sweep and of a lin-RFM run', () => {
  it('write a sweep as rfm preset does (its points under metrics.sweep) and one CSV row per point', () => {
    const params = { ...presetParams('seed'), sweep: 'L' as const };
    const job = jobFromParams(params);
    if (job.kind !== 'sweep') throw new Error('expected a sweep');
    const results: Results = { kind: 'sweep', job, points: [point(2, 0.1), point(10, 0.2)] };
    const json = resultsJson(results, { params, dataset: null, backend: 'cpu' }) as {
      metrics: { sweep: { param: string; points: { value: number; M_diagonal: number[] }[] } };
    };
    expect(json.metrics.sweep.param).toBe('L');
    expect(json.metrics.sweep.points.map((p) => [p.value, p.M_diagonal])).toEqual([
      [2, [2, 3]],
      [10, [2, 3]],
    ]);
    const [header, ...rows] = resultsCsv(results).trim().split('\n');
    expect(header).toBe('value,baseline_test_mse,final_test_mse,best_test_mse,best_iteration,baseline_test_accuracy,final_test_accuracy'); // prettier-ignore
    expect(rows).toEqual(['2,0.4,0.1,0.1,5,,', '10,0.4,0.2,0.2,5,,']);
  });

  it('write a matrix completion with its recovery error per iteration, in the JSON and one CSV row each', async () => {
    const params = { ...presetParams('matrix-completion'), rows: 20, cols: 16, rank: 2, observed: 0.5, iters: 2 };
    const job = jobFromParams(params);
    if (job.kind !== 'linrfm') throw new Error('expected lin-RFM');
    const run = startLinRfm(job, params);
    const records: LinRfmRecord[] = [];
    for await (const record of run.records) records.push(record);
    const results: Results = { kind: 'linrfm', job, summary: run.summary, records };
    const json = resultsJson(results, { params, dataset: null, backend: 'cpu' }) as {
      data: unknown;
      iterations: { iter: number; recovery_error: number }[];
    };
    expect(json.data).toEqual({ rows: 20, cols: 16, rank: 2, observed_entries: 160 });
    expect(json.iterations.map((i) => i.iter)).toEqual([0, 1, 2]);
    const [header, ...rows] = resultsCsv(results).trim().split('\n');
    expect(header!.split(',').slice(0, 3)).toEqual(['iter', 'baseline', 'recovery_error']);
    expect(header).toContain('solve_ms');
    expect(rows.map((r) => Number(r.split(',')[2]))).toEqual(json.iterations.map((i) => i.recovery_error));
  });
});
