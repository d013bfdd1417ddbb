import { describe, expect, it } from 'vitest';
import type { TabularOptions } from '../table/tableDataset';
import { loadIrisDataset } from './iris';

const options: TabularOptions = {
  target: '',
  task: 'classification',
  standardise: true,
  testShare: 0.3,
  seed: 1,
};

describe('Iris', () => {
  it('loads 150 flowers with 4 measurements and one-hot targets over 3 named species', async () => {
    const data = await loadIrisDataset(options);
    expect([data.nTrain, data.nTest, data.d, data.c]).toEqual([105, 45, 4, 3]);
    expect(data.featureNames).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    expect(data.classLabels).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(data.accuracy).toBe('argmax');
    for (let i = 0; i < data.nTrain; i++) {
      const row = Array.from(data.yTrain.subarray(i * 3, i * 3 + 3));
      expect(row.sort()).toEqual([0, 0, 1]);
    }
    // Each species has 50 flowers.
    const counts = [0, 1, 2].map((k) => {
      let n = 0;
      for (let i = 0; i < data.nTrain; i++) n += data.yTrain[i * 3 + k]!;
      for (let i = 0; i < data.nTest; i++) n += data.yTest[i * 3 + k]!;
      return n;
    });
    expect(counts).toEqual([50, 50, 50]);
  });

  it('gives the same split for the same seed', async () => {
    const a = await loadIrisDataset(options);
    const b = await loadIrisDataset(options);
    const c = await loadIrisDataset({ ...options, seed: 2 });
    expect(b.xTest).toEqual(a.xTest);
    expect(c.xTest).not.toEqual(a.xTest);
  });
});
