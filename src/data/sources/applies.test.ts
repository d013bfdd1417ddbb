/** What applies to a run is its data source's to say (descriptors.ts `reads`), and agrees with its controls. */
import { describe, expect, it } from 'vitest';
import { presetParams } from '../../params/presets';
import type { DataKind } from '../../params/schema';
import { appliedParams, paramApplies } from './applies';
import { SOURCES } from './descriptors';

describe('the parameters that apply to a run', () => {
  it('leave out the synthetic source’s expr, d and n for a CSV run, and keep its table keys and the seed', () => {
    const params = { ...presetParams('seed'), data: 'csv' as const };
    const applied = appliedParams(params);
    for (const key of ['expr', 'd', 'n', 'ntest', 'dist', 'noise'] as const) expect(applied).not.toHaveProperty(key);
    for (const key of ['target', 'task', 'std', 'split', 'seed', 'L', 'iters'] as const)
      expect(applied).toHaveProperty(key);
  });

  it('include every parameter a source shows as a Data control', () => {
    for (const [data, source] of Object.entries(SOURCES)) {
      const shown = source.controls.flatMap((c) => ('param' in c ? [c.param] : []));
      for (const key of shown) expect(paramApplies(key, { data: data as DataKind }), `${data}: ${key}`).toBe(true);
    }
  });
});
