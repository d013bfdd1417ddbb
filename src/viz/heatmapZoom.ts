/**
 * Zoom and pan for the heatmap's cells (d3-zoom on the cells' canvas: wheel, drag, pinch) and the three
 * buttons that do the same for keyboard and test users ('zoom in', 'zoom out', 'reset zoom'). The
 * heatmap redraws from `transform` in onZoom; nothing here paints.
 */
import * as d3 from 'd3';

/** Above this d the zoom buttons show (smaller M is readable whole; wheel and drag still zoom). */
const ZOOM_BUTTONS_FROM_D = 20;
const TOOLBAR_WIDTH = 84;
/** Between the square and the buttons under it. */
const TOOLBAR_GAP = 2;

/** Largest zoom: about 8 cells across the square, and at least 4x. */
export function maxZoom(d: number): number {
  return Math.max(4, d / 8);
}

export interface HeatmapZoom {
  readonly transform: d3.ZoomTransform;
  /**
   * A new square of `side` px showing d x d cells at (`left`, `top`) px: bounds, buttons, zoom kept inside.
   * The buttons sit just under the square's right corner, in the strip the heatmap keeps free below it:
   * above the square they covered the end of the title in narrow panels (the a-b block, the NFA four).
   * Returns the height that strip needs (0 when the buttons are hidden): touch-sized buttons on a narrow
   * screen are taller than the strip kept for the legend, and covered the caption under the heatmap.
   */
  fit(side: number, d: number, left: number, top: number): number;
  /** Back to all of M (a new M of another size). */
  reset(): void;
  destroy(): void;
}

export function attachHeatmapZoom(
  root: d3.Selection<HTMLDivElement, unknown, null, undefined>,
  canvas: d3.Selection<HTMLCanvasElement, unknown, null, undefined>,
  onZoom: (transform: d3.ZoomTransform) => void,
): HeatmapZoom {
  let transform = d3.zoomIdentity;
  root.attr('data-zoom', '1');
  const zoom = d3.zoom<HTMLCanvasElement, unknown>().on('zoom', (event: d3.D3ZoomEvent<HTMLCanvasElement, unknown>) => {
    transform = event.transform;
    root.attr('data-zoom', String(Math.round(transform.k * 100) / 100));
    onZoom(transform);
  });
  // Double-click stays free for the page; the buttons and the wheel zoom.
  canvas.style('touch-action', 'none').call(zoom).on('dblclick.zoom', null);

  const toolbar = root.append('div').attr('class', 'rfm-heatmap-zoom').style('position', 'absolute');
  const button = (label: string, text: string, act: () => void) =>
    toolbar.append('button').attr('type', 'button').attr('aria-label', label).text(text).on('click', act);
  button('zoom in', '+', () => canvas.call(zoom.scaleBy, 2));
  button('zoom out', '−', () => canvas.call(zoom.scaleBy, 0.5));
  button('reset zoom', '⤢', () => canvas.call(zoom.transform, d3.zoomIdentity));

  return {
    get transform() {
      return transform;
    },
    fit(side, d, left, top) {
      const corners: [[number, number], [number, number]] = [
        [0, 0],
        [side, side],
      ];
      zoom
        .extent(corners)
        .translateExtent(corners)
        .scaleExtent([1, maxZoom(d)]);
      canvas.call(zoom.transform, transform);
      const shown = d > ZOOM_BUTTONS_FROM_D;
      toolbar
        .style('display', shown ? 'flex' : 'none')
        .style('left', `${Math.max(0, left + side - TOOLBAR_WIDTH)}px`)
        .style('top', `${top + side + TOOLBAR_GAP}px`);
      return shown ? TOOLBAR_GAP + toolbar.node()!.offsetHeight : 0;
    },
    reset() {
      transform = d3.zoomIdentity;
      canvas.property('__zoom', d3.zoomIdentity);
      root.attr('data-zoom', '1');
    },
    destroy() {
      canvas.on('.zoom', null);
      toolbar.remove();
    },
  };
}
