/**
 * The tree chart's pure parts (the project runs charts' DOM in the e2e tests, not in a DOM emulator): the
 * split label names the feature a direction weighs most, and every leaf shares one colour domain.
 */
import { describe, expect, it } from 'vitest';
import { leadingFeature, sharedBound } from './treeChart';

describe('the tree chart', () => {
  it('names the feature a direction weighs most, with its sign', () => {
    expect(leadingFeature(Float64Array.of(0.2, -0.9), ['a', 'b'])).toBe('b -0.90');
    expect(leadingFeature([0.1, 0.3, 0.2], [])).toBe('x2 +0.30');
  });

  it('colours every leaf on one domain: the largest |M| over the trained leaves', () => {
    const leaf = (M: number[]) => ({ M, d: 1, testMse: null, testAccuracy: null });
    expect(sharedBound([null, leaf([1, -3]), leaf([2, 0.5])])).toBe(3);
    expect(sharedBound([null, null])).toBe(0);
  });
});
