import { describe, expect, it } from 'vitest';
import { loadBuiltinDataset, type BuiltinOptions } from '../tabular';

const options: BuiltinOptions = {
  target: '',
  task: 'regression',
  standardise: true,
  testShare: 0.2,
  seed: 1,
  px: 14,
  nTrain: 0,
  nTest: 0,
};

describe('Boston house prices', () => {
  it('loads 506 tracts with the 13 named features of the package and MEDV as the regression target', async () => {
    const data = await loadBuiltinDataset('boston', options);
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
    const data = await loadBuiltinDataset('boston', { ...options, target: 'nox' });
    expect(data.featureNames).toContain('MEDV');
    expect(data.featureNames).not.toContain('NOX');
  });
});
