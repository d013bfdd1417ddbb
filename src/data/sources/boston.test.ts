import { describe, expect, it } from 'vitest';
import type { TabularOptions } from '../table/tableDataset';
import { loadBostonDataset } from './boston';

const options: TabularOptions = {
  target: '',
  task: 'regression',
  standardise: true,
  testShare: 0.2,
  seed: 1,
};

describe('Boston house prices', () => {
  it('loads 506 tracts with the 13 named features of the package and MEDV as the regression target', async () => {
    const data = await loadBostonDataset(options);
    expect(data.nTrain + data.nTest).toBe(506);
    expect(data.nTest).toBe(101);
    expect([data.d, data.c]).toEqual([13, 1]);
    expect(data.featureNames).toEqual([
      'CRIM', 'ZN', 'INDUS', 'CHAS', 'NOX', 'RM', 'AGE', 'DIS', 'RAD', 'TAX', 'PTRATIO', 'B', 'LSTAT',
    ]); // prettier-ignore
    expect(data.accuracy).toBe('none');
    expect(data.xTrain).toHaveLength(data.nTrain * 13);
    expect(data.yTest).toHaveLength(data.nTest);
    // MEDV is in $1000s, censored at 50.
    expect(Math.max(...data.yTrain, ...data.yTest)).toBe(50);
    expect(Math.min(...data.yTrain, ...data.yTest)).toBe(5);
  });

  it('can predict another column, which then leaves the features', async () => {
    const data = await loadBostonDataset({ ...options, target: 'nox' });
    expect(data.featureNames).toContain('MEDV');
    expect(data.featureNames).not.toContain('NOX');
  });
});
