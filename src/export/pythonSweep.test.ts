/**
 * The sweep's Python export reproduces the app's sweep: the engine runs the sweep in Node (cpu backend), the
 * exported script runs every point in python3 with numpy, and each point's baseline, final and best test
 * MSE agree to 1e-3 relative (float32 engine, float64 script), for a sweep of a setting (L: one data set,
 * written once) and of the data (n: one per point, with a validation split). Skipped without numpy.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useBackend } from '../core/testing/backends';
import { runSweep } from '../experiments/sweep';
import { jobFromParams } from '../jobs/job';
import { defaultParams, type Params } from '../params/schema';
import type { SweepPoint } from '../protocol/messages';
import { sweepPython } from './pythonOfRun';

const hasNumpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0;

async function sweepAndScript(set: Partial<Params>) {
  const params: Params = { ...defaultParams(), ...set };
  const job = jobFromParams(params);
  if (job.kind !== 'sweep') throw new Error(`not a sweep: ${job.kind}`);
  const points: SweepPoint[] = [];
  for await (const point of runSweep(params, {}, job.sweep)) points.push(point);
  const script = await sweepPython(params, {}, job.sweep, points, { description: 'unit test', command: 'npx rfm' });
  const file = join(mkdtempSync(join(tmpdir(), 'rfm-sweep-')), 'rfm_sweep.py');
  writeFileSync(file, script);
  const run = spawnSync('python3', [file], { encoding: 'utf8' });
  expect(run.stderr).toBe('');
  const rows = run.stdout
    .trim()
    .split('\n')
    .slice(1, -1)
    .map((line) => line.trim().split(/\s+/).map(Number));
  return { points, rows, output: run.stdout, script };
}

/** |a - b| / |b| for each of baseline, final and best: the script's columns beside the app's. */
const differences = (row: number[]) =>
  [
    [row[1]!, row[2]!],
    [row[3]!, row[4]!],
    [row[6]!, row[7]!],
  ].map(([a, b]) => Math.abs(a! - b!) / Math.abs(b!));

describe.skipIf(!hasNumpy)('the sweep’s Python script', () => {
  beforeAll(() => useBackend('cpu'));

  it('runs every value of a sweep of L on one data set and matches each point to 1e-3', async () => {
    const { points, rows, output, script } = await sweepAndScript({
      sweep: 'L',
      from: 2,
      to: 10,
      steps: 3,
      n: 200,
      ntest: 100,
      iters: 2,
    });
    expect(points).toHaveLength(3);
    expect(script.match(/x_fit=/g)).toHaveLength(1); // one data set, shared by the points
    expect(
      rows.map((r) => r[0]),
      output,
    ).toEqual(points.map((p) => Number(p.value.toPrecision(4)))); // 2, 4.472, 10
    for (const row of rows) for (const d of differences(row)) expect(d, output).toBeLessThan(1e-3);
    expect(
      rows.map((r) => r[8]),
      output,
    ).toEqual(points.map((p) => p.bestIteration));
  });

  it('runs a sweep of n on each point’s own data, with a validation split deciding the best iteration', async () => {
    const { points, rows, output, script } = await sweepAndScript({
      sweep: 'n',
      from: 100,
      to: 200,
      steps: 2,
      ntest: 100,
      iters: 3,
      val: 0.2,
      sample: 60,
    });
    expect(script.match(/x_fit=/g)).toHaveLength(2);
    expect(
      rows.map((r) => r[0]),
      output,
    ).toEqual([100, 200]);
    for (const row of rows) for (const d of differences(row)) expect(d, output).toBeLessThan(1e-3);
    expect(
      rows.map((r) => r[8]),
      output,
    ).toEqual(points.map((p) => p.bestIteration));
  });
});
