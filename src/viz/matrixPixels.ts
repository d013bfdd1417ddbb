/**
 * The heatmap's cells as RGBA bytes, one pixel per entry of M. Pure (no canvas), so the colouring rules
 * are testable in Node; the heatmap copies the bytes into an ImageData and scales it onto the screen.
 *
 *   const ramp = divergingRamp();
 *   fillMatrixPixels(image.data, values, d, { hideDiagonal: true, bound, ramp });
 */
import { NEUTRAL_GREY_RGB, RAMP_STEPS } from './colors';
import { scalePosition, type MatrixScale } from './matrixScale';

export interface MatrixColoring {
  /** Leave the diagonal out: drawn neutral grey. */
  hideDiagonal: boolean;
  /** Colour domain [-bound, bound]; values beyond it take the end colours. */
  bound: number;
  /** RGB bytes [steps * 3] from divergingRamp(steps). */
  ramp: Uint8ClampedArray;
  /** How values map onto the ramp (default linear); 'corr' values are already correlations. */
  scale?: MatrixScale;
}

/**
 * Writes M [d, d] (row-major) into `pixels` [d * d * 4] as opaque RGBA: diverging colours for shown
 * entries, neutral grey for the hidden diagonal and for non-finite entries.
 */
export function fillMatrixPixels(
  pixels: Uint8ClampedArray,
  values: ArrayLike<number>,
  d: number,
  { hideDiagonal, bound, ramp, scale = 'linear' }: MatrixColoring,
): void {
  const steps = ramp.length / 3 || RAMP_STEPS;
  const [greyR, greyG, greyB] = NEUTRAL_GREY_RGB;
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      const v = values[i * d + j]!;
      const p = 4 * (i * d + j);
      if ((hideDiagonal && i === j) || !Number.isFinite(v)) {
        pixels[p] = greyR;
        pixels[p + 1] = greyG;
        pixels[p + 2] = greyB;
      } else {
        const k = 3 * Math.round(((scalePosition(v, bound, scale) + 1) / 2) * (steps - 1));
        pixels[p] = ramp[k]!;
        pixels[p + 1] = ramp[k + 1]!;
        pixels[p + 2] = ramp[k + 2]!;
      }
      pixels[p + 3] = 255;
    }
  }
}
