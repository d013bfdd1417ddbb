import * as d3 from 'd3';
import { describe, expect, it } from 'vitest';
import {
  NEUTRAL_GREY,
  RAMP_STEPS,
  divergingColor,
  divergingPosition,
  divergingRamp,
  iterationColor,
  rampIndex,
} from './colors';

const lightness = (color: string) => d3.hsl(color).l;

describe('iterationColor', () => {
  it('goes from light to dark as the iteration advances', () => {
    const colors = d3.range(6).map((t) => iterationColor(t, 6));
    const l = colors.map(lightness);
    for (let k = 1; k < l.length; k++) expect(l[k]!).toBeLessThan(l[k - 1]!);
  });

  it('returns hex colours', () => {
    expect(iterationColor(2, 5)).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('gives a lone iteration the darkest colour and clamps iterations out of range', () => {
    expect(iterationColor(0, 1)).toBe(iterationColor(9, 10));
    expect(iterationColor(-3, 10)).toBe(iterationColor(0, 10));
    expect(iterationColor(42, 10)).toBe(iterationColor(9, 10));
  });
});

describe('the diverging scale', () => {
  it('colours positive values red and negative values blue', () => {
    const positive = d3.rgb(divergingColor(0.9, 1));
    const negative = d3.rgb(divergingColor(-0.9, 1));
    expect(positive.r).toBeGreaterThan(positive.b);
    expect(negative.b).toBeGreaterThan(negative.r);
  });

  it('is symmetric about zero, which sits in the middle', () => {
    expect(divergingPosition(0, 3)).toBe(0.5);
    expect(divergingPosition(3, 3)).toBe(1);
    expect(divergingPosition(-3, 3)).toBe(0);
    expect(divergingPosition(1.5, 3) - 0.5).toBeCloseTo(0.5 - divergingPosition(-1.5, 3), 12);
  });

  it('clamps values beyond the bound and treats a zero bound as 1', () => {
    expect(divergingPosition(10, 1)).toBe(1);
    expect(divergingPosition(-10, 1)).toBe(0);
    expect(divergingPosition(0.5, 0)).toBe(0.75);
  });

  it('draws non-finite values in the neutral grey', () => {
    expect(divergingColor(NaN, 1)).toBe(NEUTRAL_GREY);
  });

  it('samples a byte ramp whose middle entry is the colour of zero', () => {
    const ramp = divergingRamp();
    expect(ramp.length).toBe(RAMP_STEPS * 3);
    const middle = rampIndex(0, 1);
    expect(middle).toBe((RAMP_STEPS - 1) / 2);
    const zero = d3.rgb(divergingColor(0, 1));
    expect([ramp[3 * middle], ramp[3 * middle + 1], ramp[3 * middle + 2]]).toEqual([zero.r, zero.g, zero.b]);
  });

  it('keeps the neutral grey apart from every colour of the scale', () => {
    const ramp = divergingRamp();
    const grey = d3.rgb(NEUTRAL_GREY);
    for (let k = 0; k < RAMP_STEPS; k++) {
      const distance = Math.hypot(ramp[3 * k]! - grey.r, ramp[3 * k + 1]! - grey.g, ramp[3 * k + 2]! - grey.b);
      expect(distance).toBeGreaterThan(20);
    }
  });
});

describe('iterationColor on a dark page', () => {
  it('runs from mid blue to near white, so the last iteration is the brightest', () => {
    const first = d3.hsl(iterationColor(0, 10, true));
    const last = d3.hsl(iterationColor(9, 10, true));
    expect(last.l).toBeGreaterThan(first.l);
    expect(last.l).toBeGreaterThan(0.85);
  });
});
