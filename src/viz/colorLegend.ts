/**
 * The heatmap's colour legend: a vertical bar of the diverging scale over [-bound, bound] with its ends
 * and zero labelled, dark marks at the actual min and max of the shown entries, and a grey key for the
 * hidden diagonal. SVG, drawn inside a group the heatmap places to the right of its cells.
 *
 *   const legend = createColorLegend(group);
 *   legend.update({ bound: 0.8, extent: { min: -0.3, max: 0.8 }, height: 400, showNeutral: true });
 */
import * as d3 from 'd3';
import { NEUTRAL_GREY, divergingInterpolator } from './colors';
import { formatValue } from './format';
import type { Extent } from './heatmapScale';
import { legendScale, legendTicks, type MatrixScale } from './matrixScale';

/** Bar width, px. */
const BAR = 12;
/** Horizontal room the legend takes, bar and tick labels included, px. */
export const COLOR_LEGEND_WIDTH = BAR + 50;
/** Vertical room the grey key takes below the bar, px. */
export const NEUTRAL_KEY_HEIGHT = 26;

export interface ColorLegendData {
  bound: number;
  extent: Extent | null;
  /** Bar height, px. */
  height: number;
  /** Show the grey key (the diagonal is hidden). */
  showNeutral: boolean;
  /** Colour scale (default linear): the bar is uniform in it, so ticks sit where their colours are. */
  scale?: MatrixScale;
}

/** Every legend needs its own gradient id: several heatmaps can share a page. */
let gradientCount = 0;

export function createColorLegend(parent: d3.Selection<SVGGElement, unknown, null, undefined>): {
  update(data: ColorLegendData): void;
} {
  const gradientId = `rfm-color-legend-${++gradientCount}`;
  parent
    .append('defs')
    .append('linearGradient')
    .attr('id', gradientId)
    // Bottom to top: -bound (blue) at the bottom, +bound (red) at the top.
    .attr('x1', 0)
    .attr('y1', 1)
    .attr('x2', 0)
    .attr('y2', 0)
    .selectAll('stop')
    .data(d3.range(11).map((k) => k / 10))
    .join('stop')
    .attr('offset', (t) => t)
    .attr('stop-color', (t) => divergingInterpolator(t));
  const bar = parent.append('rect').attr('width', BAR).attr('fill', `url(#${gradientId})`);
  const axis = parent.append('g').attr('transform', `translate(${BAR},0)`);
  const marks = parent.append('g').attr('stroke', '#222').attr('stroke-width', 1.5);
  const neutralKey = parent.append('g');
  neutralKey.append('rect').attr('width', BAR).attr('height', BAR).attr('fill', NEUTRAL_GREY);
  neutralKey
    .append('text')
    .attr('x', BAR + 4)
    .attr('y', 10)
    .attr('font-size', 10)
    .text('diagonal');

  return {
    update({ bound, extent, height, showNeutral, scale: kind = 'linear' }) {
      bar.attr('height', height);
      const scale = legendScale(bound, kind, [height, 0]);
      axis.call(
        d3
          .axisRight(scale)
          .tickValues(legendTicks(bound, kind))
          .tickFormat((v) => formatValue(+v))
          .tickSize(3),
      );
      axis.select('.domain').attr('stroke', 'none');
      marks
        .selectAll('line')
        .data(extent ? [extent.min, extent.max] : [])
        .join('line')
        .attr('x1', -2)
        .attr('x2', BAR + 2)
        .attr('y1', (v) => scale(v))
        .attr('y2', (v) => scale(v));
      neutralKey.attr('transform', `translate(0,${height + 8})`).attr('visibility', showNeutral ? 'visible' : 'hidden');
    },
  };
}
