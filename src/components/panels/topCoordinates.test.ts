import { describe, expect, it } from 'vitest';
import { topBlock, topCoordinates, topIndices } from './topCoordinates';

// diag(M) = [1, 5, 3, 0.5]
const M = Float64Array.from([1, 0.1, 0.2, 0.3, 0.1, 5, 0.4, 0.5, 0.2, 0.4, 3, 0.6, 0.3, 0.5, 0.6, 0.5]);

describe('top coordinates', () => {
  it('names the largest diagonal entries, largest first', () => {
    expect(topIndices(M, 4, 2)).toEqual([1, 2]);
    expect(topCoordinates(M, 4, undefined)).toBe('x2, x3, x1');
  });

  it('cuts the block of M on them, in coordinate order, with their labels', () => {
    const block = topBlock(M, 4, 2, ['a', 'b', 'c', 'd']);
    expect(block.d).toBe(2);
    expect(block.indices).toEqual([1, 2]);
    expect(block.labels).toEqual(['b', 'c']);
    expect(Array.from(block.values)).toEqual([5, 0.4, 0.4, 3]);
  });

  it('keeps all of M when k is at least d', () => {
    expect(topBlock(M, 4, 10, undefined).d).toBe(4);
  });
});
