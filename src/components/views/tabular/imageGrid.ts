/**
 * A row of small images, each a vector of width x height values drawn row-major on a <canvas> with the
 * diverging colour scale of the M heatmap (positive red, negative blue, zero white), symmetric about 0
 * per image. It shows vectors over pixels (diag(M), eigenvectors of M) as the pictures they are.
 *
 * Attributes for end-to-end tests:
 *   root    [data-testid="image-views"] data-width, data-height, data-count
 *   figure  [data-testid=`image-view-${id}`] > canvas, with data-max-abs
 *
 *   const grid = createImageGrid(node);
 *   grid.update({ width: 14, height: 14, images: [{ id: 'diag', title: 'diag(M)', values }] });
 *   grid.destroy();
 */
import * as d3 from 'd3';
import { RAMP_STEPS, divergingRamp, rampIndex } from '../../../viz/colors';
import '../../../viz/theme.css';

export interface GridImage {
  id: string;
  title: string;
  /** [height * width], row-major. */
  values: ArrayLike<number>;
}

export interface ImageGridData {
  width: number;
  height: number;
  images: readonly GridImage[];
}

export interface ImageGrid {
  update(data: ImageGridData): void;
  destroy(): void;
}

/** Shown size of the longer image side, px. */
const SHOWN = 160;

/** Largest |v| (0 when all are zero or non-finite). */
export function maxAbs(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]!)) max = Math.max(max, Math.abs(values[i]!));
  return max;
}

export function createImageGrid(node: HTMLElement): ImageGrid {
  const ramp = divergingRamp(RAMP_STEPS);
  const root = d3.select(node).append('div').attr('class', 'rfm-viz rfm-image-grid').attr('data-testid', 'image-views');

  function paint(canvas: HTMLCanvasElement, width: number, height: number, values: ArrayLike<number>): number {
    canvas.width = width;
    canvas.height = height;
    const bound = maxAbs(values);
    const context = canvas.getContext('2d');
    if (!context) return bound;
    const image = context.createImageData(width, height);
    for (let p = 0; p < width * height; p++) {
      const k = 3 * rampIndex(values[p] ?? 0, bound, RAMP_STEPS);
      image.data[4 * p] = ramp[k]!;
      image.data[4 * p + 1] = ramp[k + 1]!;
      image.data[4 * p + 2] = ramp[k + 2]!;
      image.data[4 * p + 3] = 255;
    }
    context.putImageData(image, 0, 0);
    return bound;
  }

  return {
    update({ width, height, images }) {
      if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
        throw new Error(`invalid image size: ${width} x ${height}`);
      const scale = SHOWN / Math.max(width, height);
      root.attr('data-width', width).attr('data-height', height).attr('data-count', images.length);
      const figures = root
        .selectAll<HTMLElement, GridImage>('figure')
        .data(images, (image) => image.id)
        .join((enter) => {
          const figure = enter.append('figure').attr('class', 'rfm-image');
          figure.append('canvas');
          figure.append('figcaption');
          return figure;
        })
        .attr('data-testid', (image) => `image-view-${image.id}`);
      figures.each(function (image) {
        const figure = d3.select(this);
        const canvas = figure.select<HTMLCanvasElement>('canvas');
        const bound = paint(canvas.node()!, width, height, image.values);
        canvas
          .style('width', `${Math.round(width * scale)}px`)
          .style('height', `${Math.round(height * scale)}px`)
          .attr('data-max-abs', bound)
          .attr('aria-label', `${image.title}, ${width} x ${height} pixels`)
          .attr('role', 'img');
        figure.select('figcaption').text(image.title);
      });
    },
    destroy() {
      root.remove();
    },
  };
}
