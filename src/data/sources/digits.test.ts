import { describe, expect, it } from 'vitest';
import { downsample, loadDigitsDataset, pixelNames, poolingWeights, type DigitsOptions } from './digits';

const options: DigitsOptions = {
  task: 'classification',
  seed: 1,
  px: 14,
  nTrain: 300,
  nTest: 100,
};

describe('digits', () => {
  it('loads nTrain and nTest images of px x px pixels in [0, 1], with 10 classes and an image layout', async () => {
    const data = await loadDigitsDataset(options);
    expect([data.nTrain, data.nTest, data.d, data.c]).toEqual([300, 100, 196, 10]);
    expect(data.layout).toEqual({ kind: 'image', width: 14, height: 14 });
    expect(data.classLabels).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(data.featureNames?.slice(0, 2)).toEqual(['p(0,0)', 'p(0,1)']);
    expect(data.featureNames?.[3 * 14 + 7]).toBe('p(3,7)');
    expect(Math.min(...data.xTrain)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...data.xTrain)).toBeLessThanOrEqual(1);
    expect(Math.max(...data.xTrain)).toBeGreaterThan(0.9);
    for (let i = 0; i < data.nTest; i++)
      expect(data.yTest.subarray(i * 10, i * 10 + 10).reduce((a, b) => a + b)).toBe(1);
    // Every digit appears in a random sample of 300.
    const perClass = Array.from({ length: 10 }, (_, k) => {
      let n = 0;
      for (let i = 0; i < data.nTrain; i++) n += data.yTrain[i * 10 + k]!;
      return n;
    });
    expect(Math.min(...perClass)).toBeGreaterThan(10);
  });

  it('picks the same images for the same seed and other images for another seed', async () => {
    const a = await loadDigitsDataset({ ...options, px: 7 });
    const b = await loadDigitsDataset({ ...options, px: 7 });
    const c = await loadDigitsDataset({ ...options, px: 7, seed: 2 });
    expect(b.xTrain).toEqual(a.xTrain);
    expect(c.xTrain).not.toEqual(a.xTrain);
    expect(a.d).toBe(49);
  });

  it('draws training and test images from disjoint pools', async () => {
    const data = await loadDigitsDataset({ ...options, px: 28, nTrain: 500, nTest: 200 });
    const key = (x: Float32Array, i: number) => x.subarray(i * 784, (i + 1) * 784).join(',');
    const train = new Set(Array.from({ length: data.nTrain }, (_, i) => key(data.xTrain, i)));
    for (let i = 0; i < data.nTest; i++) expect(train.has(key(data.xTest, i))).toBe(false);
  });

  it('says how many images the package has when asked for more', async () => {
    await expect(loadDigitsDataset({ ...options, nTrain: 9000 })).rejects.toThrow(
      /^The mnist package has 7,996 training images .* 9,000 were asked for\.$/,
    );
  });

  it('regresses the digit value when the task is regression', async () => {
    const data = await loadDigitsDataset({ ...options, task: 'regression', nTrain: 20, nTest: 5 });
    expect(data.c).toBe(1);
    expect(data.classLabels).toBeUndefined();
    expect(data.yTrain.every((y) => Number.isInteger(y) && y >= 0 && y <= 9)).toBe(true);
  });
});

describe('average pooling', () => {
  it('averages 2 x 2 blocks when px = 14', () => {
    const image = Float32Array.from({ length: 784 }, (_, i) => i % 2);
    const out = new Float32Array(196);
    downsample(image, 0, poolingWeights(14), 14, out, 0);
    expect(Array.from(new Set(out))).toEqual([0.5]);
  });

  it('weights pixels by overlapping area when px does not divide 28, each row of weights summing to 1', () => {
    const w = poolingWeights(10);
    for (let i = 0; i < 10; i++) expect(w.subarray(i * 28, i * 28 + 28).reduce((a, b) => a + b)).toBeCloseTo(1, 12);
    // Output cell 0 covers pixels [0, 2.8): 1, 1 and 0.8 of pixel 2.
    expect(Array.from(w.subarray(0, 4)).map((v) => v * 2.8)).toEqual([1, 1, expect.closeTo(0.8, 12), 0]);
    const ones = new Float32Array(784).fill(1);
    const out = new Float32Array(100);
    downsample(ones, 0, w, 10, out, 0);
    for (const v of out) expect(v).toBeCloseTo(1, 6);
  });

  it('names pixels by row and column from 0', () => {
    expect(pixelNames(2)).toEqual(['p(0,0)', 'p(0,1)', 'p(1,0)', 'p(1,1)']);
  });
});
