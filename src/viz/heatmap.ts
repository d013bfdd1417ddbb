/**
 * The feature-matrix heatmap: M [d, d] as coloured cells on a diverging scale symmetric about zero
 * (positive red, negative blue), with feature axes, a colour legend and a hover tooltip.
 *
 * Cells go to a <canvas> (d reaches ~800, i.e. 640k cells, too many SVG nodes); axes, title, legend and
 * the hover outline are SVG drawn over it. The cells are painted once per update at one pixel per entry
 * into an offscreen d x d canvas and scaled onto the visible one, so a resize, a zoom or a pan only re-blits.
 * Zoom and pan (d3-zoom) keep large M readable; hover and tap find the entry under the pointer at any zoom.
 *
 * What a person sees is also written as attributes, for end-to-end tests:
 *   root      [data-testid="heatmap"] data-d, data-min, data-max (shown entries; '' when none),
 *             data-bound (colour domain is [-bound, bound]), data-hide-diagonal ('true' | 'false'),
 *             data-scale ('linear' | 'symlog' | 'corr'), data-zoom (the zoom factor, 1 = all of M)
 *   zoom      buttons named 'zoom in', 'zoom out', 'reset zoom' (wheel, drag and pinch also zoom and pan)
 *   cells     canvas[data-testid="heatmap-cells"]
 *   tooltip   [data-testid="heatmap-tooltip"], text 'M[x3, x7] = 0.0123', hidden unless hovering (or tapped)
 *
 *   const heatmap = createHeatmap(node, { onHover: (cell) => console.log(cell) });
 *   heatmap.update({ values: m, d: 10, hideDiagonal: true, title: 'M after iteration 3' });
 *   heatmap.destroy();
 */
import * as d3 from 'd3';
import { COLOR_LEGEND_WIDTH, NEUTRAL_KEY_HEIGHT, createColorLegend } from './colorLegend';
import { RAMP_STEPS, divergingRamp } from './colors';
import { formatValue } from './format';
import { drawHeatmapAxes } from './heatmapAxes';
import { attachHeatmapZoom } from './heatmapZoom';
import { cellAt, featureLabels, heatmapLayout, shownExtent, symmetricBound, type HeatmapLayout } from './heatmapScale';
import { blitCells, cellOf, paintCellImage, tooltipLines, type Shown } from './heatmapCanvas';
import { colourValues, type MatrixScale } from './matrixScale';
import { containerWidth, observeWidth } from './observeWidth';
import { createTooltip } from './tooltip';
import './theme.css';

/** The entry under the pointer. */
export interface HeatmapCell {
  /** Row, 0-based. */
  i: number;
  /** Column, 0-based. */
  j: number;
  value: number;
  rowLabel: string;
  colLabel: string;
}

export interface HeatmapOptions {
  /** Called with the hovered entry, and with null when the pointer leaves the cells. */
  onHover?(cell: HeatmapCell | null): void;
  /** Largest side of the cell square in px, so a wide container does not make a huge chart (default 560). */
  maxSide?: number;
}

export interface HeatmapData {
  /** M [d, d], row-major. */
  values: ArrayLike<number>;
  d: number;
  /** Feature names [d]; default x1 .. xd (also for any missing from a short list). */
  labels?: readonly string[];
  /** Leave the diagonal out of the colour scale and draw it grey (it dwarfs off-diagonal structure). */
  hideDiagonal: boolean;
  title?: string;
  /** Colour scale (default linear); see matrixScale.ts. */
  scale?: MatrixScale;
  /** A colour domain [-bound, bound] shared with other heatmaps (side-by-side comparison); default: this M's. */
  bound?: number;
}

export interface Heatmap {
  update(data: HeatmapData): void;
  destroy(): void;
}

const LEGEND_GAP = 14;
const LEGEND_WIDTH = LEGEND_GAP + COLOR_LEGEND_WIDTH;
/** Room under the square for the legend's grey key, kept even when unused so toggling does not jump. */
const MARGIN_BOTTOM = NEUTRAL_KEY_HEIGHT;

export function createHeatmap(node: HTMLElement, options: HeatmapOptions = {}): Heatmap {
  const maxSide = options.maxSide ?? 560;
  const ramp = divergingRamp(RAMP_STEPS);

  const root = d3
    .select(node)
    .append('div')
    .attr('class', 'rfm-viz rfm-heatmap')
    .attr('data-testid', 'heatmap')
    .style('position', 'relative')
    .attr('data-d', '0')
    .attr('data-min', '')
    .attr('data-max', '');
  const canvas = root.append('canvas').attr('data-testid', 'heatmap-cells').style('position', 'absolute');
  const svg = root
    .append('svg')
    .attr('role', 'img')
    .attr('aria-label', 'Feature matrix M: no values yet')
    .style('position', 'absolute')
    .style('left', '0')
    .style('top', '0')
    .style('pointer-events', 'none');
  const title = svg.append('text').attr('class', 'rfm-viz-title').attr('x', 0).attr('y', 13);
  const plot = svg.append('g');
  const columnAxis = plot.append('g');
  const rowAxis = plot.append('g');
  const outline = plot
    .append('rect')
    .attr('fill', 'none')
    .attr('stroke', '#222')
    .attr('stroke-width', 1.5)
    .attr('visibility', 'hidden');
  const legendGroup = plot.append('g');
  const legend = createColorLegend(legendGroup);
  const tooltip = createTooltip(root.node()!, 'heatmap-tooltip');
  const cellImage = document.createElement('canvas');
  let shown: Shown | null = null;
  let layout: HeatmapLayout | null = null;
  let width = containerWidth(node);
  let hovered: { i: number; j: number } | null = null;
  let pointer = { x: 0, y: 0 };
  let reported: HeatmapCell | null = null;
  const zoom = attachHeatmapZoom(root, canvas, () => {
    drawView();
    refreshHover();
  });

  /** The cells and axes for the current zoom (no layout change). */
  function drawView(): void {
    if (!shown || !layout) return;
    const { side, verticalColumnLabels } = layout;
    const { d } = shown;
    const { transform } = zoom;
    blitCells(canvas.node()!, cellImage, { d, side, transform });
    drawHeatmapAxes(columnAxis, rowAxis, { d, labels: shown.labels, side, transform, verticalColumnLabels });
  }

  function render(): void {
    if (!shown) return;
    const data = shown;
    const geometry = heatmapLayout({
      width,
      d: data.d,
      labels: data.labels,
      hasTitle: Boolean(data.title),
      maxSide,
      legendWidth: LEGEND_WIDTH,
    });
    layout = geometry;
    const { titleHeight, marginTop, marginLeft, side } = geometry;
    const { d, extent, bound } = data;
    const top = titleHeight + marginTop;
    const totalWidth = marginLeft + side + LEGEND_WIDTH;
    // The strip under the square holds the legend's grey key and the zoom buttons, whichever is taller.
    const totalHeight = top + side + Math.max(MARGIN_BOTTOM, zoom.fit(side, d, marginLeft, top));

    root.style('height', `${totalHeight}px`);
    svg.attr('width', totalWidth).attr('height', totalHeight);
    svg.attr(
      'aria-label',
      `${data.title ?? 'Feature matrix M'}: ${d} by ${d}` +
        (extent ? `, shown values from ${formatValue(extent.min)} to ${formatValue(extent.max)}` : ''),
    );
    title.text(data.title ?? '');
    plot.attr('transform', `translate(${marginLeft},${top})`);
    const ratio = window.devicePixelRatio || 1;
    const pixelSide = Math.max(1, Math.round(side * ratio));
    const element = canvas.node()!;
    element.width = pixelSide;
    element.height = pixelSide;
    canvas.style('left', `${marginLeft}px`).style('top', `${top}px`);
    canvas.style('width', `${side}px`).style('height', `${side}px`);
    // The grid's size, for exports that turn the cells back into vector rectangles (components/export).
    canvas.attr('data-rows', d).attr('data-cols', d);
    drawView();

    legendGroup.attr('transform', `translate(${side + LEGEND_GAP},0)`);
    legend.update({ bound, extent, height: side, showNeutral: data.hideDiagonal, scale: data.scale });

    refreshHover();
  }

  function refreshHover(): void {
    if (!shown || !layout || !hovered || hovered.i >= shown.d || hovered.j >= shown.d) {
      clearHover();
      return;
    }
    const { i, j } = hovered;
    const { d } = shown;
    const { transform } = zoom;
    const cellSize = (layout.side / d) * transform.k;
    const outlineSize = Math.max(cellSize, 4);
    outline
      .attr('visibility', 'visible')
      .attr('x', transform.x + (j + 0.5) * cellSize - outlineSize / 2)
      .attr('y', transform.y + (i + 0.5) * cellSize - outlineSize / 2)
      .attr('width', outlineSize)
      .attr('height', outlineSize);
    const cell = cellOf(shown, i, j);
    const lines = tooltipLines(shown, cell);
    tooltip.show(lines, pointer.x, pointer.y);
    // Report only changes: a React consumer should not re-render per pointer move within one cell.
    if (!reported || reported.i !== i || reported.j !== j || !Object.is(reported.value, cell.value)) {
      reported = cell;
      options.onHover?.(cell);
    }
  }

  function clearHover(): void {
    hovered = null;
    outline.attr('visibility', 'hidden');
    tooltip.hide();
    if (reported) {
      reported = null;
      options.onHover?.(null);
    }
  }

  /** Hover (mouse) and tap (touch, pen): the entry under the pointer, through the zoom. */
  function pointAt(event: PointerEvent | MouseEvent): void {
    if (!shown || !layout) return;
    const box = canvas.node()!.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    const x = ((event.clientX - box.left) / box.width) * layout.side;
    const y = ((event.clientY - box.top) / box.height) * layout.side;
    const [ux, uy] = zoom.transform.invert([x, y]);
    const cell = cellAt(ux, uy, layout.side, shown.d);
    if (!cell) {
      clearHover();
      return;
    }
    pointer = { x: layout.marginLeft + x, y: layout.titleHeight + layout.marginTop + y };
    hovered = cell;
    refreshHover();
  }
  canvas.on('pointermove', pointAt).on('pointerdown', pointAt);
  canvas.on('pointerleave', (event: PointerEvent) => {
    // A tap's pointer leaves as the finger lifts: keep its entry shown until the next tap.
    if (event.pointerType === 'mouse') clearHover();
  });

  const stopObserving = observeWidth(node, (next) => {
    width = next;
    render();
  });

  return {
    update(data) {
      const { d, values } = data;
      if (!Number.isInteger(d) || d < 0) throw new Error(`invalid heatmap d: ${d}`);
      if (values.length < d * d) throw new Error(`invalid heatmap values: length ${values.length} < d * d = ${d * d}`);
      const scale = data.scale ?? 'linear';
      const colours = colourValues(values, d, scale);
      const extent = shownExtent(colours, d, data.hideDiagonal);
      if (shown && shown.d !== d) zoom.reset();
      shown = {
        values,
        colours,
        scale,
        d,
        labels: featureLabels(d, data.labels),
        hideDiagonal: data.hideDiagonal,
        title: data.title,
        extent,
        bound: scale === 'corr' ? 1 : (data.bound ?? symmetricBound(extent)),
      };
      root
        .attr('data-d', String(d))
        .attr('data-min', extent ? String(extent.min) : '')
        .attr('data-max', extent ? String(extent.max) : '')
        .attr('data-bound', String(shown.bound))
        .attr('data-scale', scale)
        .attr('data-hide-diagonal', String(data.hideDiagonal));
      paintCellImage(cellImage, shown, ramp);
      render();
    },
    destroy() {
      stopObserving();
      zoom.destroy();
      canvas.on('pointermove', null).on('pointerdown', null).on('pointerleave', null);
      root.remove();
      shown = null;
      layout = null;
      hovered = null;
    },
  };
}
