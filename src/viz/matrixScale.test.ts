import * as d3 from 'd3';
import { describe, expect, it } from 'vitest';
import { colourValues, legendScale, legendTicks, scalePosition, symlogConstant } from './matrixScale';

// The seed demo's final M (diagonal): x2 dominates, x1 and x3 matter, the other coordinates do not.
const seedDiagonal = [30.97, 122.8, 3.98, 0.001, 0.001, 0.023, 0.006, 0.001, 0.0002, 0.004];

describe('scalePosition', () => {
  it('is linear in v on the linear scale, clamped to [-1, 1]', () => {
    expect(scalePosition(2, 4, 'linear')).toBe(0.5);
    expect(scalePosition(-8, 4, 'linear')).toBe(-1);
  });

  it('keeps x1, x2 and x3 of the seed demo far from white on the symmetric log scale, and the rest near it', () => {
    const bound = Math.max(...seedDiagonal);
    const t = seedDiagonal.map((v) => scalePosition(v, bound, 'symlog'));
    expect(t[1]).toBeCloseTo(1);
    expect(t[0]).toBeGreaterThan(0.7);
    expect(t[2]).toBeGreaterThan(0.4);
    for (const noise of t.slice(3)) expect(noise).toBeLessThan(0.1);
    // On the linear scale x3 is almost white: the reason symlog is the default.
    expect(scalePosition(seedDiagonal[2]!, bound, 'linear')).toBeLessThan(0.04);
  });

  it('is odd and matches d3.scaleSymlog with the same constant', () => {
    const bound = 5;
    const d3scale = d3.scaleSymlog().constant(symlogConstant(bound)).domain([-bound, bound]).range([-1, 1]);
    for (const v of [-5, -0.3, 0, 0.004, 1, 5]) {
      expect(scalePosition(v, bound, 'symlog')).toBeCloseTo(d3scale(v), 12);
      expect(scalePosition(-v, bound, 'symlog')).toBeCloseTo(-scalePosition(v, bound, 'symlog'), 12);
    }
  });
});

describe('colourValues', () => {
  it('normalises each entry by its diagonal: M_ij / sqrt(M_ii M_jj)', () => {
    const M = Float64Array.from([4, 2, 2, 9]);
    expect(Array.from(colourValues(M, 2, 'corr'))).toEqual([1, 2 / 6, 2 / 6, 1]);
  });

  it('is undefined (NaN, drawn grey) where a diagonal entry is not positive', () => {
    const corr = colourValues(Float64Array.from([0, 1, 1, 4]), 2, 'corr');
    expect(Number.isNaN(corr[1])).toBe(true);
    expect(corr[3]).toBe(1);
  });

  it('leaves M as it is on the other scales', () => {
    const M = Float64Array.from([1, 2, 3, 4]);
    expect(colourValues(M, 2, 'symlog')).toBe(M);
  });
});

describe('legend', () => {
  it('puts a tick per decade on the symmetric log scale, the ends at the bar ends', () => {
    expect(legendTicks(10, 'symlog')).toEqual([-10, -1, -0.1, 0, 0.1, 1, 10]);
    const scale = legendScale(10, 'symlog', [100, 0]);
    expect(scale(10)).toBeCloseTo(0);
    expect(scale(0)).toBeCloseTo(50);
    expect(legendTicks(3, 'linear')).toEqual([-3, 0, 3]);
  });
});
