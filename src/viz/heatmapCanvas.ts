/**
 * The heatmap's (./heatmap.ts) cells: M painted once per update at one pixel per entry into an offscreen
 * d x d canvas, then scaled onto the visible canvas through the zoom, so a resize, a zoom or a pan only
 * re-blits; and what the tooltip says about one entry.
 */
import type * as d3 from 'd3';
import { formatValue } from './format';
import type { HeatmapCell } from './heatmap';
import type { Extent } from './heatmapScale';
import type { MatrixScale } from './matrixScale';
import { fillMatrixPixels } from './matrixPixels';

/** The matrix as shown: what update() was given, normalised. */
export interface Shown {
  values: ArrayLike<number>;
  /** What the colours come from: values, or their correlations on the 'corr' scale. */
  colours: ArrayLike<number>;
  scale: MatrixScale;
  d: number;
  labels: string[];
  hideDiagonal: boolean;
  title: string | undefined;
  extent: Extent | null;
  bound: number;
}

/** One pixel per entry of M into the offscreen canvas. */
export function paintCellImage(cellImage: HTMLCanvasElement, data: Shown, ramp: Uint8ClampedArray): void {
  const { d, colours, hideDiagonal, bound, scale } = data;
  cellImage.width = Math.max(1, d);
  cellImage.height = Math.max(1, d);
  const context = cellImage.getContext('2d');
  if (!context || d === 0) return;
  const image = context.createImageData(d, d);
  fillMatrixPixels(image.data, colours, d, { hideDiagonal, bound, ramp, scale });
  context.putImageData(image, 0, 0);
}

/** The offscreen cells onto the visible canvas, at the current zoom. */
export function blitCells(
  element: HTMLCanvasElement,
  cellImage: HTMLCanvasElement,
  { d, side, transform }: { d: number; side: number; transform: d3.ZoomTransform },
): void {
  const ratio = window.devicePixelRatio || 1;
  const context = element.getContext('2d');
  if (context) {
    context.setTransform(1, 0, 0, 1, 0, 0);
    context.clearRect(0, 0, element.width, element.height);
    if (d > 0) {
      // Smooth only when shrinking, so big cells stay crisp.
      context.imageSmoothingEnabled = d > side * ratio * transform.k;
      context.imageSmoothingQuality = 'high';
      context.setTransform(ratio * transform.k, 0, 0, ratio * transform.k, ratio * transform.x, ratio * transform.y);
      context.drawImage(cellImage, 0, 0, side, side);
    }
  }
}

/** The entry (i, j) of the shown matrix, with its labels. */
export function cellOf(shown: Shown, i: number, j: number): HeatmapCell {
  return {
    i,
    j,
    value: shown.values[i * shown.d + j]!,
    rowLabel: shown.labels[i] ?? '',
    colLabel: shown.labels[j] ?? '',
  };
}

/** The tooltip's lines for an entry: its value, its normalised value on the corr scale, a note on the diagonal. */
export function tooltipLines(shown: Shown, cell: HeatmapCell): string[] {
  const { i, j } = cell;
  const lines = [`M[${cell.rowLabel}, ${cell.colLabel}] = ${formatValue(cell.value)}`];
  if (shown.scale === 'corr') lines.push(`normalised: ${formatValue(shown.colours[i * shown.d + j]!)}`);
  if (shown.hideDiagonal && i === j) lines.push('diagonal: left out of the colour scale');
  return lines;
}
