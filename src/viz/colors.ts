/**
 * The colour scales the charts share. Pure (d3 interpolators only, no DOM).
 *
 * - `iterationColor` orders lines in time: one spectrum line per RFM iteration, the first lightest.
 * - the diverging ramp colours M: positive entries red, negative blue, zero near white (ColorBrewer RdBu,
 *   readable by the common colour-vision deficiencies). The heatmap looks colours up in a precomputed
 *   byte ramp because parsing an interpolator's CSS string per cell is too slow for d = 800 (640k cells).
 *
 *   iterationColor(0, 10)        // light blue, iteration 0 (the Laplace baseline)
 *   iterationColor(9, 10)        // dark blue, the last iteration
 *   divergingColor(0.5, 1)       // a mid red
 *   const ramp = divergingRamp(); ramp[3 * rampIndex(v, maxAbs, RAMP_STEPS)] // red byte of v's colour
 */
import * as d3 from 'd3';

/** Cells left out of the colour scale (the hidden diagonal, NaN): a grey that no RdBu colour matches. */
export const NEUTRAL_GREY = '#c4c4c4';
export const NEUTRAL_GREY_RGB: readonly [number, number, number] = [0xc4, 0xc4, 0xc4];

/** Ends of the Blues ramp used; below 0.3 the blue is too pale to see against a white background. */
const ITERATION_LIGHTEST = 0.3;
const ITERATION_DARKEST = 1;

/** On a dark background the ramp runs the other way, dim to bright, so late iterations stand out on both. */
const DARK_THEME_START = 0.75;
const DARK_THEME_END = 0.1;

/**
 * Colour of iteration `t` of `total` (t = 0..total-1) as '#rrggbb', from light (t = 0) to dark
 * (t = total - 1), or on a dark page from mid blue to near white. A lone iteration gets the last
 * colour; t outside the range is clamped.
 */
export function iterationColor(t: number, total: number, dark = false): string {
  const fraction = total <= 1 ? 1 : Math.min(1, Math.max(0, t / (total - 1)));
  const [from, to] = dark ? [DARK_THEME_START, DARK_THEME_END] : [ITERATION_LIGHTEST, ITERATION_DARKEST];
  const position = from + fraction * (to - from);
  return d3.color(d3.interpolateBlues(position))!.formatHex();
}

/** RdBu reversed so that the high end (t = 1) is red: positive = red, negative = blue. */
export function divergingInterpolator(t: number): string {
  return d3.interpolateRdBu(1 - t);
}

/**
 * CSS colour of value `v` on the scale symmetric about zero, domain [-maxAbs, maxAbs] (values outside are
 * clamped). Non-finite values get NEUTRAL_GREY.
 */
export function divergingColor(v: number, maxAbs: number): string {
  if (!Number.isFinite(v)) return NEUTRAL_GREY;
  return d3.color(divergingInterpolator(divergingPosition(v, maxAbs)))!.formatHex();
}

/** Where v sits on [-maxAbs, maxAbs] as t in [0, 1]; 0 maps to 0.5. A non-positive maxAbs counts as 1. */
export function divergingPosition(v: number, maxAbs: number): number {
  const bound = maxAbs > 0 && Number.isFinite(maxAbs) ? maxAbs : 1;
  return Math.min(1, Math.max(0, (v / bound + 1) / 2));
}

/** Odd, so that zero lands exactly on the middle (white) entry. */
export const RAMP_STEPS = 257;

/** The diverging scale sampled at `steps` evenly spaced points, as RGB bytes [steps * 3]. */
export function divergingRamp(steps = RAMP_STEPS): Uint8ClampedArray {
  const ramp = new Uint8ClampedArray(steps * 3);
  for (let k = 0; k < steps; k++) {
    const { r, g, b } = d3.rgb(divergingInterpolator(steps === 1 ? 0.5 : k / (steps - 1)));
    ramp[3 * k] = r;
    ramp[3 * k + 1] = g;
    ramp[3 * k + 2] = b;
  }
  return ramp;
}

/** Index into a ramp of `steps` entries for value v on [-maxAbs, maxAbs] (clamped, nearest entry). */
export function rampIndex(v: number, maxAbs: number, steps = RAMP_STEPS): number {
  return Math.round(divergingPosition(v, maxAbs) * (steps - 1));
}
