/** `rfm preset interpolation` at CI size: per-point figures (n, ridge, test MSE) and a caption from them. */
import { expect, it } from 'vitest';
import { parseCommandLine, type PresetOptions } from './args';
import { runPreset, type InterpolationPresetResult } from './preset';

it('writes each point of the sweep over n with its ridge and test MSE, and the gap at the largest n', async () => {
  const command = parseCommandLine(['preset', 'interpolation', '--set', 'n=100', '--quiet']);
  if (command.kind !== 'preset') throw new Error('expected a preset command');
  const result = (await runPreset(command.options as PresetOptions, () => {})) as InterpolationPresetResult;
  const { points } = result.sweep;
  // Three series (laplace and gaussian in d = 1, laplace in d = 2) at n = 50 and 100, two rules each.
  expect(points).toHaveLength(12);
  for (const p of points) {
    expect([50, 100]).toContain(p.n);
    expect(Number.isFinite(p.test_mse)).toBe(true);
    expect(p.rule === 'ridgeless' ? p.ridge === 0 : p.ridge > 0).toBe(true);
  }
  expect(result.gaps.map((g) => `${g.series} ${g.n}`)).toEqual([
    'laplace d=1 100',
    'gaussian d=1 100',
    'laplace d=2 100',
  ]);
  const laplace = result.gaps[0]!;
  expect(result.caption).toContain(`laplace d=1: ridge 0 ${laplace.ridgelessTestMse.toPrecision(2)}`);
  expect(result.sweep.noise_variance).toBe(0.25);
});
