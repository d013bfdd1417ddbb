import { describe, expect, it } from 'vitest';
import type { IterationRecord } from '../../../core';
import { featureImages, orientEigenvector } from './featureImages';
import { rankFeatures } from './featureBars';
import { maxAbs } from './imageGrid';

const record = (d: number, M: number[], vectors: number[][], values: number[]) =>
  ({
    d,
    M: Float64Array.from(M),
    mEigenvectors: vectors.map((v) => Float64Array.from(v)),
    mEigenvalues: Float64Array.from(values),
  }) as IterationRecord;

describe('image views', () => {
  it('turn an eigenvector so that its largest-magnitude entry is positive', () => {
    expect(Array.from(orientEigenvector([0.1, -0.9, 0.3]))).toEqual([-0.1, 0.9, -0.3]);
    expect(Array.from(orientEigenvector([0.1, 0.9, -0.3]))).toEqual([0.1, 0.9, -0.3]);
  });

  it('draw the diagonal of M and at most three eigenvectors, titled with their eigenvalues', () => {
    const r = record(
      2,
      [3, 1, 1, 2],
      [
        [1, 0],
        [0, -1],
        [1, 1],
        [0, 0],
      ],
      [3.5, 1.25, 0.5, 0],
    );
    const images = featureImages(r);
    expect(images.map((i) => i.id)).toEqual(['diag', 'eig1', 'eig2', 'eig3']);
    expect(Array.from(images[0]!.values)).toEqual([3, 2]);
    expect(images[1]!.title).toBe('eigenvector 1 (λ = 3.5)');
    expect(Array.from(images[2]!.values)).toEqual([-0, 1]);
  });

  it('scale each image by its largest absolute finite value', () => {
    expect(maxAbs([0.5, -2, NaN, 1])).toBe(2);
    expect(maxAbs([])).toBe(0);
  });
});

describe('feature ranking', () => {
  it('orders features by value, largest first, ties in feature order and NaN last', () => {
    expect(rankFeatures([0.2, 0.9, NaN, 0.2, 1.5])).toEqual([4, 1, 0, 3, 2]);
  });
});
