/** The class-sorted Gram matrix of centred, normalised features (classGram.ts). */
import { describe, expect, it } from 'vitest';
import { classSortedGram } from './classGram';

describe('classSortedGram', () => {
  it('leaves a point at the mean at cosine 0 with every point, itself included', async () => {
    // Points 0 and 2 sit at -1 and +1, point 1 at the mean 0.
    const { gram } = await classSortedGram([-1, 0, 1], 3, 1, Int32Array.from([0, 0, 1]), 2);
    expect(Array.from(gram)).toEqual([1, 0, -1, 0, 0, 0, -1, 0, 1]);
  });

  it('orders rows by class, stably, and says where each class starts', async () => {
    const labels = Int32Array.from([2, 0, 1, 0, 2]);
    const x = [5, 1, 3, 2, 6];
    const { order, classStarts } = await classSortedGram(x, 5, 1, labels, 3);
    expect(Array.from(order)).toEqual([1, 3, 2, 0, 4]);
    expect(Array.from(classStarts)).toEqual([0, 2, 3, 5]);
  });

  it('gives cosines of the centred points: 1 within a collapsed class, -1/(K-1) across a simplex', async () => {
    // Three classes at the vertices of an equilateral triangle (mean 0), two points each.
    const vertices = [0, 1, 2].map((c) => [Math.cos((2 * Math.PI * c) / 3), Math.sin((2 * Math.PI * c) / 3)]);
    const labels = Int32Array.from([0, 1, 2, 0, 1, 2]);
    const x = Array.from(labels).flatMap((c) => vertices[c]!);
    const { gram, n } = await classSortedGram(x, 6, 2, labels, 3);
    expect(n).toBe(6);
    for (let a = 0; a < 6; a++)
      for (let b = 0; b < 6; b++) {
        const same = Math.floor(a / 2) === Math.floor(b / 2);
        expect(gram[a * 6 + b]).toBeCloseTo(same ? 1 : -0.5, 6);
      }
  });

  it('centres before normalising: a common offset does not change the matrix', async () => {
    const labels = Int32Array.from([0, 1, 0, 1]);
    const x = [1, 0, 0, 1, 2, 1, 1, 3];
    const shifted = x.map((v) => v + 100);
    expect((await classSortedGram(shifted, 4, 2, labels, 2)).gram).toEqual(
      (await classSortedGram(x, 4, 2, labels, 2)).gram,
    );
  });
});
