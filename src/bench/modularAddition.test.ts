import { describe, expect, it } from 'vitest';
import { makeModularAdditionDataset } from './modularAddition';

describe('makeModularAdditionDataset', () => {
  const data = makeModularAdditionDataset({ p: 7, trainFraction: 0.5, seed: 3 });

  it('splits all p^2 pairs into train and test with 2p one-hot inputs and p one-hot targets', () => {
    expect([data.nTrain, data.nTest, data.d, data.c]).toEqual([24, 25, 14, 7]);
    expect(data.xTrain.length).toBe(24 * 14);
    expect(data.yTest.length).toBe(25 * 7);
    expect(data.accuracy).toBe('argmax');
  });

  it('encodes each row as one-hot(a) ++ one-hot(b) with target one-hot((a + b) mod p)', () => {
    const seen = new Set<string>();
    const check = (x: Float32Array, y: Float32Array, n: number): void => {
      for (let i = 0; i < n; i++) {
        const row = Array.from(x.subarray(i * 14, (i + 1) * 14));
        const target = Array.from(y.subarray(i * 7, (i + 1) * 7));
        expect(row.reduce((s, v) => s + v, 0)).toBe(2);
        const a = row.indexOf(1);
        const b = row.indexOf(1, 7) - 7;
        expect(target.indexOf(1)).toBe((a + b) % 7);
        expect(target.reduce((s, v) => s + v, 0)).toBe(1);
        seen.add(`${a},${b}`);
      }
    };
    check(data.xTrain, data.yTrain, data.nTrain);
    check(data.xTest, data.yTest, data.nTest);
    expect(seen.size).toBe(49);
  });

  it('gives the same split for the same seed and another for another seed', () => {
    expect(makeModularAdditionDataset({ p: 7, trainFraction: 0.5, seed: 3 }).xTrain).toEqual(data.xTrain);
    expect(makeModularAdditionDataset({ p: 7, trainFraction: 0.5, seed: 4 }).xTrain).not.toEqual(data.xTrain);
  });
});
