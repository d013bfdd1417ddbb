import { describe, expect, it } from 'vitest';
import { DataError } from '../errors';
import { ExpressionError } from '../expression';
import { makeLowRankDataset } from './lowRank';
import { makeRegressionDataset, SEED_TARGET_EXPRESSION, type RegressionDatasetOptions } from './synthetic';

const base: RegressionDatasetOptions = {
  expression: SEED_TARGET_EXPRESSION,
  d: 5,
  nTrain: 50,
  nTest: 20,
  distribution: 'normal',
  noise: 0,
  seed: 7,
};

describe('makeRegressionDataset', () => {
  it('gives identical arrays for identical options', () => {
    const a = makeRegressionDataset(base);
    const b = makeRegressionDataset(base);
    expect(a.xTrain).toEqual(b.xTrain);
    expect(a.yTrain).toEqual(b.yTrain);
    expect(a.xTest).toEqual(b.xTest);
    expect(a.yTest).toEqual(b.yTest);
  });

  it('gives different data for a different seed', () => {
    expect(makeRegressionDataset({ ...base, seed: 8 }).xTrain).not.toEqual(makeRegressionDataset(base).xTrain);
  });

  it('has the shapes, names and accuracy rule of a scalar regression set', () => {
    const data = makeRegressionDataset(base);
    expect(data.xTrain).toHaveLength(50 * 5);
    expect(data.yTrain).toHaveLength(50);
    expect(data.xTest).toHaveLength(20 * 5);
    expect(data.yTest).toHaveLength(20);
    expect(data).toMatchObject({ nTrain: 50, nTest: 20, d: 5, c: 1, accuracy: 'none' });
    expect(data.featureNames).toEqual(['x1', 'x2', 'x3', 'x4', 'x5']);
  });

  it('computes the targets from the stored inputs', () => {
    const data = makeRegressionDataset(base);
    for (let i = 0; i < data.nTest; i++) {
      const [x1, x2, x3] = [data.xTest[i * 5]!, data.xTest[i * 5 + 1]!, data.xTest[i * 5 + 2]!];
      expect(data.yTest[i]).toBeCloseTo(5 * x1 ** 3 + 10 * x2 ** 2 + 2 * x3, 3);
    }
  });

  it('draws uniform inputs from [-1, 1]', () => {
    const data = makeRegressionDataset({ ...base, distribution: 'uniform', nTrain: 500 });
    expect(Math.min(...data.xTrain)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...data.xTrain)).toBeLessThanOrEqual(1);
    expect(Math.min(...data.xTrain)).toBeLessThan(-0.9);
  });

  it('adds noise to the training targets only and keeps the inputs unchanged', () => {
    const clean = makeRegressionDataset(base);
    const noisy = makeRegressionDataset({ ...base, noise: 0.5 });
    expect(noisy.xTrain).toEqual(clean.xTrain);
    expect(noisy.yTest).toEqual(clean.yTest);
    expect(noisy.yTrain).not.toEqual(clean.yTrain);
    let sum = 0;
    for (let i = 0; i < clean.nTrain; i++) sum += (noisy.yTrain[i]! - clean.yTrain[i]!) ** 2;
    expect(Math.sqrt(sum / clean.nTrain)).toBeGreaterThan(0.3);
    expect(Math.sqrt(sum / clean.nTrain)).toBeLessThan(0.7);
  });

  it('keeps the test inputs when the number of training points changes', () => {
    expect(makeRegressionDataset({ ...base, nTrain: 10 }).xTest).toEqual(makeRegressionDataset(base).xTest);
  });

  it('fails clearly when the expression uses an input beyond d', () => {
    expect(() => makeRegressionDataset({ ...base, d: 2 })).toThrow(ExpressionError);
    expect(() => makeRegressionDataset({ ...base, d: 2 })).toThrow(/x3 .* out of range: d = 2/);
  });

  it('fails clearly on impossible sizes and options', () => {
    expect(() => makeRegressionDataset({ ...base, nTrain: 0 })).toThrow(
      'The number of training points must be an integer >= 1, not 0.',
    );
    expect(() => makeRegressionDataset({ ...base, nTest: -1 })).toThrow(DataError);
    expect(() => makeRegressionDataset({ ...base, d: 2.5 })).toThrow(/d must be an integer >= 1/);
    expect(() => makeRegressionDataset({ ...base, noise: -1 })).toThrow(/noise level/);
    expect(() => makeRegressionDataset({ ...base, seed: 0.5 })).toThrow(/seed must be an integer/);
  });

  it('fails clearly when the target is not finite at a sample point', () => {
    expect(() => makeRegressionDataset({ ...base, expression: 'log(x1)' })).toThrow(
      /The target log\(x1\) is NaN at training point \d+ \(x1 = -/,
    );
  });
});

describe('makeLowRankDataset', () => {
  it('is seeded and defaults to d = 20', () => {
    const a = makeLowRankDataset({ nTrain: 100, nTest: 50, seed: 3 });
    const b = makeLowRankDataset({ nTrain: 100, nTest: 50, seed: 3 });
    expect(a.d).toBe(20);
    expect(a.xTrain).toEqual(b.xTrain);
    expect(a.yTest).toEqual(b.yTest);
  });

  it('computes x1 x2 1{x6 > 0} on inputs with standard deviation 0.5', () => {
    const data = makeLowRankDataset({ nTrain: 2000, nTest: 0, seed: 1 });
    const { d } = data;
    let sumSquares = 0;
    for (let i = 0; i < data.nTrain; i++) {
      const x = data.xTrain.subarray(i * d, (i + 1) * d);
      expect(data.yTrain[i]).toBeCloseTo(x[5]! > 0 ? x[0]! * x[1]! : 0, 6);
      sumSquares += x[3]! ** 2;
    }
    expect(Math.sqrt(sumSquares / data.nTrain)).toBeCloseTo(0.5, 1);
  });

  it('refuses d < 6 because the target uses x6', () => {
    expect(() => makeLowRankDataset({ d: 5 })).toThrow(/needs d >= 6/);
  });
});
