/**
 * `rfm preset` at CI size: each run is small (n <= 400) and its figures are asserted with margins under the
 * values measured on the wasm backend (given in the comments), so a regression in data, engine or preset
 * values shows up here.
 */
import { describe, expect, it } from 'vitest';
import { parseCommandLine, type PresetOptions } from './args';
import { runPreset, type PresetResult } from './preset';

async function preset(...argv: string[]): Promise<PresetResult> {
  const command = parseCommandLine(['preset', ...argv, '--quiet']);
  if (command.kind !== 'preset') throw new Error('expected a preset command');
  const result = await runPreset(command.options as PresetOptions, () => {});
  if (!('data' in result) || !('n_train' in result.data))
    throw new Error('expected an RFM preset, not lin-RFM or a tree');
  return result as PresetResult;
}

const metric = (r: PresetResult, key: string) => r.metrics[key] as number;

describe('rfm preset at CI size', () => {
  it('seed: M finds x1, x2, x3 and the test MSE falls well below the baseline', async () => {
    const r = await preset('seed', '--set', 'n=300', '--set', 'ntest=200', '--set', 'iters=3', '--set', 'spectrum=4');
    // Measured: 3.20 -> 0.488 (6.6x).
    expect(metric(r, 'baseline_test_mse') / metric(r, 'final_test_mse')).toBeGreaterThan(4);
    expect(new Set((r.metrics.top_features as string[]).slice(0, 3))).toEqual(new Set(['x1', 'x2', 'x3']));
  });

  it('lowrank: coordinates 1, 2 and 6 on top of M, test MSE below the baseline', async () => {
    const r = await preset(
      'lowrank',
      '--set',
      'n=400',
      '--set',
      'ntest=400',
      '--set',
      'iters=3',
      '--set',
      'spectrum=4',
    );
    // Measured: 0.0203 -> 0.0142.
    expect(metric(r, 'final_test_mse')).toBeLessThan(0.8 * metric(r, 'baseline_test_mse'));
    expect(new Set((r.metrics.top_features as string[]).slice(0, 3))).toEqual(new Set(['x1', 'x2', 'x6']));
  });

  it('iris: at least 90% test accuracy, petal size on top of M', async () => {
    const r = await preset('iris');
    // Measured: 0.911 (baseline) -> 0.933.
    expect(metric(r, 'final_test_accuracy')).toBeGreaterThanOrEqual(0.9);
    expect((r.metrics.top_features as string[])[0]).toMatch(/^petal_/);
  });

  it('boston: a validation split picks the best iteration, whose model predicts', async () => {
    const r = await preset('boston', '--set', 'spectrum=4');
    expect(r.params).toMatchObject({ val: 0.2, stop: true });
    const best = r.summary!.best_iteration!;
    // Measured: validation MSE 22.4, 20.4, 19.5, 18.9, 19.1, 19.5: best iteration 3.
    expect(best).toBeGreaterThan(0);
    expect(r.iterations.every((it) => it.validation_mse !== null)).toBe(true);
    expect(r.summary!.prediction_iteration).toBe(best);
    expect(r.summary!.prediction_test_mse).toBe(r.iterations[best]!.test_mse);
    // As the caption says: RFM does not beat the plain kernel on this table's test rows. Measured: test MSE
    // 10.2 (iteration 0) against 11.9 at the best iteration (13.9 before the target was trained in units of its
    // RMS, docs/algorithm.md, Target units). Should this flip, the caption must change.
    expect(r.summary!.prediction_test_mse!).toBeGreaterThan(r.iterations[0]!.test_mse!);
    // Measured top features: RAD, RM, LSTAT (LSTAT, RM, ... before the target was scaled).
    expect((r.metrics.top_features as string[]).slice(0, 3)).toEqual(expect.arrayContaining(['LSTAT', 'RM']));
  });

  it('scaling: the baseline degrades with d and RFM stays below it', async () => {
    const r = await preset(
      ...['scaling', '--set', 'n=200', '--set', 'ntest=100', '--set', 'from=5', '--set', 'to=20'],
      ...['--set', 'steps=2', '--set', 'iters=2'],
    );
    const points = (r.metrics.sweep as { points: { baseline_test_mse: number; final_test_mse: number }[] }).points;
    // Measured: d = 5: 1.21 -> 0.278; d = 20: 9.90 -> 5.41.
    expect(points).toHaveLength(2);
    expect(points[1]!.baseline_test_mse).toBeGreaterThan(3 * points[0]!.baseline_test_mse);
    for (const p of points) expect(p.final_test_mse).toBeLessThan(0.75 * p.baseline_test_mse);
  });
});
