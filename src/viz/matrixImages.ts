/**
 * Several matrices drawn side by side as images, one pixel per entry scaled up (the true matrix, the
 * observed mask and the recovered matrix of lin-RFM matrix completion). Values on the diverging scale of
 * the M heatmap, all panels sharing one bound so colours compare; a mask draws seen entries dark.
 *
 * Attributes for end-to-end tests: root [data-testid=testId]; each figure [data-matrix=id] with role img
 * and an aria-label naming it and its size.
 *
 *   const images = createMatrixImages(node, { testId: 'linrfm-matrices' });
 *   images.update({ bound: 3, panels: [{ id: 'truth', title: 'true Y', rows, cols, values, kind: 'values' }] });
 *   images.destroy();
 */
import * as d3 from 'd3';
import { RAMP_STEPS, divergingRamp, rampIndex } from './colors';
import './theme.css';

export interface MatrixImagePanel {
  id: string;
  title: string;
  rows: number;
  cols: number;
  values: ArrayLike<number>;
  kind: 'values' | 'mask';
  /** This panel's own colour domain [-bound, bound] (an input image beside its filter responses); default the shared one. */
  bound?: number;
}

export interface MatrixImagesData {
  panels: readonly MatrixImagePanel[];
  /** Colour domain [-bound, bound] of the value panels. */
  bound: number;
}

const SIDE_PX = 220;

/** RGBA bytes of one panel. */
export function matrixImagePixels(panel: MatrixImagePanel, bound: number, ramp: Uint8ClampedArray): Uint8ClampedArray {
  const count = panel.rows * panel.cols;
  const pixels = new Uint8ClampedArray(count * 4);
  for (let i = 0; i < count; i++) {
    const v = panel.values[i]!;
    let rgb: [number, number, number];
    if (panel.kind === 'mask') rgb = v ? [40, 40, 40] : [235, 235, 235];
    else {
      const k = 3 * rampIndex(Number.isFinite(v) ? v : 0, bound, RAMP_STEPS);
      rgb = [ramp[k]!, ramp[k + 1]!, ramp[k + 2]!];
    }
    pixels.set([...rgb, 255], 4 * i);
  }
  return pixels;
}

/** sidePx: the longer side of each image on screen (default 220). */
export function createMatrixImages(node: HTMLElement, { testId = 'matrix-images', sidePx = SIDE_PX } = {}) {
  const root = d3
    .select(node)
    .append('div')
    .attr('data-testid', testId)
    .style('display', 'flex')
    .style('flex-wrap', 'wrap')
    .style('gap', '12px');
  const ramp = divergingRamp(RAMP_STEPS);
  return {
    update({ panels, bound }: MatrixImagesData) {
      const figures = root
        .selectAll<HTMLElement, MatrixImagePanel>('figure')
        .data(panels, (p) => p.id)
        .join((enter) => {
          const f = enter.append('figure').style('margin', '0').attr('role', 'img');
          f.append('canvas').style('image-rendering', 'pixelated').style('display', 'block');
          f.append('figcaption').attr('class', 'caption');
          return f;
        });
      figures.attr('data-matrix', (p) => p.id).attr('aria-label', (p) => `${p.title}, ${p.rows} x ${p.cols}`);
      figures.select('figcaption').text((p) => p.title);
      figures.select<HTMLCanvasElement>('canvas').each(function (p) {
        this.width = p.cols;
        this.height = p.rows;
        const scale = sidePx / Math.max(p.rows, p.cols);
        this.style.width = `${Math.round(p.cols * scale)}px`;
        this.style.height = `${Math.round(p.rows * scale)}px`;
        const context = this.getContext('2d');
        if (!context || p.rows * p.cols === 0) return;
        const image = context.createImageData(p.cols, p.rows);
        image.data.set(matrixImagePixels(p, p.bound ?? bound, ramp));
        context.putImageData(image, 0, 0);
      });
    },
    destroy() {
      root.remove();
    },
  };
}
