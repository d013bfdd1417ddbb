/**
 * The catapults sweep's Download JSON and CSV (docs/catapults.md): the same per-run JSON `rfm preset catapults`
 * writes (export/catapultJson.ts), from the app's results, and one CSV row per step with its spike flag.
 */
import { expect, it } from 'vitest';
import { jobFromParams } from '../jobs/job';
import { presetParams } from '../params/presets';
import type { Results } from '../store/results';
import { resultsCsv, resultsJson } from './resultsExport';

const step = (step: number, loss: number) => ({ step, loss, topEigenvalue: 10, alignment: 0.5 });

it('writes the runs as the CLI does, the unfinished one without its test MSE, and a row per step', () => {
  const params = { ...presetParams('catapults'), n: 64 };
  const job = jobFromParams(params);
  if (job.kind !== 'catapults') throw new Error('expected the catapults sweep');
  const losses = [1, 0.9, 5, 0.8];
  const steps = losses.map((loss, t) => step(t, loss));
  const results: Results = {
    kind: 'catapults',
    job,
    summary: null,
    runs: [
      { index: 0, lr: 0.1, criticalLr: 0.2 / 3, steps, result: { spikes: [], finalAlignment: 0.5, testMse: 0.3 } },
      { index: 1, lr: 0.1, criticalLr: 0.2 / 3, steps: steps.slice(0, 3), result: null },
    ],
  };
  const json = resultsJson(results, { params, dataset: null, backend: 'wasm' }) as {
    runs: { batch_size: number; test_mse: number | null; spikes: { start: number }[]; steps: unknown[] }[];
    caption: string;
  };
  expect(json.runs.map((r) => [r.batch_size, r.test_mse, r.steps.length])).toEqual([
    [64, 0.3, 4],
    [32, null, 3],
  ]);
  // The unfinished run's spike is found from its steps so far.
  expect(json.runs[1]!.spikes.map((s) => s.start)).toEqual([2]);
  expect(json.caption).toMatch(/^Training batch 32 at 1\.5 x the edge \(run 2 of 4\), step 2 of 200/);
  const [header, ...rows] = resultsCsv(results).trim().split('\n');
  expect(header).toBe('batch_size,lr_scale,lr,step,loss,top_eigenvalue,alignment,in_spike');
  expect(rows).toHaveLength(7);
  expect(rows[6]).toBe('32,1.5,0.1,2,5,10,0.5,1');
});
