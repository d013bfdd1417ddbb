/**
 * The predictor's two-axis surface (./predictorChart.ts) as one image of res x res pixels, one per grid point,
 * instead of one SVG rectangle per point: 3,600 rectangles made the page heavy (every style recalculation
 * and accessibility scan walked them) for a picture that is a bitmap anyway. The image is pixelated, so each
 * grid point stays a crisp square, and goes into an exported SVG as it is (a data URL).
 */
import * as d3 from 'd3';

/** A res x res PNG data URL whose row 0 is the top of the plot (the last grid row: y ascends upward). */
export function surfaceDataUrl(
  values: ArrayLike<number>,
  res: number,
  colorOf: (value: number) => string,
): string | null {
  const canvas = document.createElement('canvas');
  canvas.width = res;
  canvas.height = res;
  const context = canvas.getContext('2d');
  if (!context || res === 0) return null;
  const image = context.createImageData(res, res);
  for (let row = 0; row < res; row++) {
    const gridRow = res - 1 - row;
    for (let col = 0; col < res; col++) {
      const colour = d3.color(colorOf(values[gridRow * res + col]!))?.rgb();
      const k = (row * res + col) * 4;
      if (!colour) continue;
      image.data[k] = colour.r;
      image.data[k + 1] = colour.g;
      image.data[k + 2] = colour.b;
      image.data[k + 3] = 255;
    }
  }
  context.putImageData(image, 0, 0);
  return canvas.toDataURL('image/png');
}
