/**
 * Each data source describes itself (source.ts): the planned side of M is the side of the data it builds,
 * its controls name parameters of the schema, and a source whose task is classification builds classes.
 */
import { describe, expect, it } from 'vitest';
import { DATA_KINDS, PARAMS, defaultParams, type DataKind, type Params } from '../../params/schema';
import { DEEP_DATA_KINDS } from '../../params/deepParams';
import { SOURCES, labelledSources, sourceOf } from './descriptors';
import { datasetFromParams } from './registry';

// Small instances of the sources that need no bundled package or file.
const LOCAL: Partial<Record<DataKind, Partial<Params>>> = {
  synthetic: { d: 6, n: 30, ntest: 10 },
  lowrank: { d: 7, n: 30, ntest: 10 },
  modular: { p: 7, frac: 0.5 },
};

describe('the data source descriptors', () => {
  it('plan the side of M the source then builds, where the parameters fix it', async () => {
    for (const [data, change] of Object.entries(LOCAL) as [DataKind, Partial<Params>][]) {
      const params: Params = { ...defaultParams(), ...change, data };
      const planned = sourceOf(data).plannedDimension(params);
      expect(planned, data).not.toBeNull();
      expect((await datasetFromParams(params)).d, data).toBe(planned);
    }
    expect(sourceOf('csv').plannedDimension(defaultParams())).toBeNull();
  });

  it('list controls that are parameters of the schema, each once', () => {
    for (const data of DATA_KINDS) {
      const keys = sourceOf(data).controls.map((c) => ('param' in c ? c.param : c.group));
      expect(new Set(keys).size, data).toBe(keys.length);
      for (const c of sourceOf(data).controls)
        if ('param' in c) expect(Object.hasOwn(PARAMS, c.param), c.param).toBe(true);
    }
  });

  it('say which sources classify and what the user must bring', async () => {
    const modular = { ...defaultParams(), data: 'modular' as const, p: 7 };
    expect(sourceOf('modular').task(modular)).toBe('classification');
    expect((await datasetFromParams(modular)).classLabels).toHaveLength(7);
    expect(sourceOf('synthetic').task(defaultParams())).toBe('regression');
    expect(DATA_KINDS.filter((d) => SOURCES[d].needs(defaultParams()) !== null)).toEqual(['csv']);
    expect(sourceOf('text').needs({ ...defaultParams(), corpus: 'custom' })).toBe('text');
  });

  it("say which sources give Deep RFM points with class labels: the schema's deep data choices", () => {
    expect(labelledSources().sort()).toEqual([...DEEP_DATA_KINDS].sort());
    expect(sourceOf('digits').labelledPoints).toBe('balancedDigits');
    expect(sourceOf('iris').labelledPoints).toBe('tableRows');
    expect(sourceOf('boston').labelledPoints).toBeUndefined();
  });
});
