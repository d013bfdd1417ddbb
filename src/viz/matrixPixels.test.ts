import * as d3 from 'd3';
import { describe, expect, it } from 'vitest';
import { NEUTRAL_GREY, divergingColor, divergingRamp } from './colors';
import { fillMatrixPixels } from './matrixPixels';

const ramp = divergingRamp();
const pixelAt = (pixels: Uint8ClampedArray, d: number, i: number, j: number) =>
  Array.from(pixels.subarray(4 * (i * d + j), 4 * (i * d + j) + 4));
const rgba = (color: string) => {
  const { r, g, b } = d3.rgb(color);
  return [r, g, b, 255];
};

describe('fillMatrixPixels', () => {
  const values = Float64Array.from([9, 1, -1, NaN]);

  it('writes one opaque pixel per entry, row-major', () => {
    const pixels = new Uint8ClampedArray(4 * 4);
    fillMatrixPixels(pixels, values, 2, { hideDiagonal: false, bound: 9, ramp });
    expect(pixelAt(pixels, 2, 0, 0)).toEqual(rgba(divergingColor(9, 9)));
    expect(pixelAt(pixels, 2, 1, 0)[3]).toBe(255);
  });

  it('colours entries of equal size and opposite sign red and blue', () => {
    const pixels = new Uint8ClampedArray(4 * 4);
    fillMatrixPixels(pixels, values, 2, { hideDiagonal: true, bound: 1, ramp });
    const [r1, , b1] = pixelAt(pixels, 2, 0, 1);
    const [r2, , b2] = pixelAt(pixels, 2, 1, 0);
    expect(r1!).toBeGreaterThan(b1!);
    expect(b2!).toBeGreaterThan(r2!);
  });

  it('draws the hidden diagonal and non-finite entries neutral grey', () => {
    const pixels = new Uint8ClampedArray(4 * 4);
    fillMatrixPixels(pixels, values, 2, { hideDiagonal: true, bound: 1, ramp });
    expect(pixelAt(pixels, 2, 0, 0)).toEqual(rgba(NEUTRAL_GREY));
    expect(pixelAt(pixels, 2, 1, 1)).toEqual(rgba(NEUTRAL_GREY));
  });
});

describe('fillMatrixPixels on the symmetric log scale', () => {
  it('colours an entry 30x smaller than the largest clearly, where the linear scale leaves it near white', () => {
    const values = Float64Array.from([120, 0, 0, 4]);
    const linear = new Uint8ClampedArray(16);
    const symlog = new Uint8ClampedArray(16);
    fillMatrixPixels(linear, values, 2, { hideDiagonal: false, bound: 120, ramp });
    fillMatrixPixels(symlog, values, 2, { hideDiagonal: false, bound: 120, ramp, scale: 'symlog' });
    const [, gLinear] = pixelAt(linear, 2, 1, 1);
    const [, gSymlog] = pixelAt(symlog, 2, 1, 1);
    // Green falls as red deepens on the red half of RdBu.
    expect(gLinear!).toBeGreaterThan(230);
    expect(gSymlog!).toBeLessThan(160);
  });
});
