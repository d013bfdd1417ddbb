/** `rfm preset catapults` at CI size: per step loss, NTK top eigenvalue and alignment, the spikes, a caption. */
import { expect, it } from 'vitest';
import { parseCommandLine } from './args';
import { runCatapultPreset } from './catapultPreset';

it('writes each step of the large-step run and of the small-step run beside it, with their spikes', async () => {
  const command = parseCommandLine([
    'preset',
    'catapults',
    ...['nnbatch=32', 'sgdsteps=12', 'n=128', 'ntest=64', 'nnwidth=64'].flatMap((s) => ['--set', s]),
    '--quiet',
  ]);
  if (command.kind !== 'catapult-preset') throw new Error('expected the catapults preset');
  const result = await runCatapultPreset(command.options, () => {});
  expect(result.runs.map((r) => [r.batch_size, r.lr_scale])).toEqual([
    [32, 1.5],
    [32, 0.5],
  ]);
  for (const run of result.runs) {
    expect(run.steps).toHaveLength(13);
    expect(run.steps[0]).toEqual({
      step: 0,
      loss: expect.any(Number),
      top_eigenvalue: expect.any(Number),
      alignment: expect.any(Number),
    });
    expect(run.lr).toBeCloseTo(run.lr_scale * run.critical_lr, 10);
    expect(Array.isArray(run.spikes)).toBe(true);
  }
  expect(result.caption).toContain('batch 32 at 0.5 x the edge');
});
