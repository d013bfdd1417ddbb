import { describe, expect, it } from 'vitest';
import { DATA_KINDS, defaultParams, type Params } from '../../params/schema';
import { makeModularDataset } from './modular';
import { DATA_SOURCES, datasetFromParams } from './registry';
import { makeRegressionDataset } from './synthetic';

describe('the data source registry', () => {
  it('has exactly one source for every value of the data parameter', () => {
    expect(Object.keys(DATA_SOURCES).sort()).toEqual([...DATA_KINDS].sort());
  });

  it('builds the same arrays as the generator called directly with the parameters', async () => {
    const params: Params = { ...defaultParams(), n: 40, ntest: 10, d: 4 };
    const direct = makeRegressionDataset({
      expression: params.expr,
      d: 4,
      nTrain: 40,
      nTest: 10,
      distribution: params.dist,
      noise: params.noise,
      seed: params.seed,
    });
    expect(await datasetFromParams(params)).toEqual(direct);
    const modular = { ...defaultParams(), data: 'modular' as const, p: 7, frac: 0.5 };
    expect(await datasetFromParams(modular)).toEqual(
      makeModularDataset({ p: 7, op: modular.op, trainFraction: 0.5, seed: modular.seed }),
    );
  });

  it('says what is missing when the csv source has no file and names an unknown source', async () => {
    await expect(datasetFromParams({ ...defaultParams(), data: 'csv' })).rejects.toThrow(
      'No CSV file yet: upload one to train on it.',
    );
    const unknown = { ...defaultParams(), data: 'nope' } as unknown as Params;
    await expect(datasetFromParams(unknown)).rejects.toThrow(/^invalid data: nope \(one of synthetic, /);
  });
});
