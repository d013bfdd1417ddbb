/**
 * A small rectangular heatmap for the text experiment: rows are context positions (-k .. -1), columns the
 * characters of the vocabulary, each cell one diagonal entry of M. The entries are non-negative (M is
 * positive semi-definite), so the colour scale is sequential from 0 to the largest entry. k * V is at most
 * a few thousand cells, so they are SVG rects, updated in place (never re-mounted).
 *
 * Attributes for end-to-end tests: root [data-testid="text-feature-heatmap"] data-rows, data-columns,
 * data-max; tooltip [data-testid="text-feature-tooltip"].
 *
 *   const heatmap = createPositionHeatmap(node);
 *   heatmap.update({ values, rows: ['-8', ..., '-1'], columns: ['␣', 'a', ...], title: 'diag(M)' });
 *   heatmap.destroy();
 */
import * as d3 from 'd3';
import { formatValue } from '../../../viz/format';
import { containerWidth, observeWidth } from '../../../viz/observeWidth';
import { createTooltip } from '../../../viz/tooltip';

export interface PositionHeatmapData {
  /** [rows, columns] row-major, non-negative. */
  values: ArrayLike<number>;
  rows: readonly string[];
  columns: readonly string[];
  title?: string;
  /** Tooltip lines for a cell (default: the value). */
  describe?: (row: number, column: number, value: number) => string[];
}

export interface PositionHeatmap {
  update(data: PositionHeatmapData): void;
  destroy(): void;
}

const MARGIN = { top: 34, left: 30, right: 64, bottom: 6 };
const MAX_CELL = 22;
const LEGEND_HEIGHT = 120;

export function createPositionHeatmap(node: HTMLElement): PositionHeatmap {
  const root = d3
    .select(node)
    .append('div')
    .attr('class', 'rfm-viz text-heatmap')
    .attr('data-testid', 'text-feature-heatmap')
    .style('position', 'relative');
  const svg = root
    .append('svg')
    .attr('role', 'img')
    .attr('aria-label', 'Weights by position and character: no values yet');
  const title = svg.append('text').attr('class', 'rfm-viz-title').attr('x', 0).attr('y', 13);
  const plot = svg.append('g');
  const cellLayer = plot.append('g');
  const rowAxis = plot.append('g').attr('class', 'text-heatmap-rows');
  const columnAxis = plot.append('g').attr('class', 'text-heatmap-columns');
  const outline = plot.append('rect').attr('fill', 'none').attr('stroke', '#222').attr('visibility', 'hidden');
  const legend = plot.append('g');
  const gradientId = `text-heatmap-gradient-${Math.random().toString(36).slice(2)}`;
  const gradient = svg.append('defs').append('linearGradient').attr('id', gradientId);
  gradient.attr('x1', 0).attr('x2', 0).attr('y1', 1).attr('y2', 0);
  gradient
    .selectAll('stop')
    .data(d3.range(0, 1.001, 0.1))
    .join('stop')
    .attr('offset', (t) => t)
    .attr('stop-color', (t) => d3.interpolateOranges(t));
  legend.append('rect').attr('width', 10).attr('height', LEGEND_HEIGHT).attr('fill', `url(#${gradientId})`);
  const legendAxis = legend.append('g').attr('transform', 'translate(10,0)');
  const tooltip = createTooltip(root.node()!, 'text-feature-tooltip');

  let data: PositionHeatmapData | null = null;
  let width = containerWidth(node);

  function render(): void {
    if (!data) return;
    const { values, rows, columns } = data;
    const max = d3.max(Array.from(values)) ?? 0;
    const cell = Math.max(6, Math.min(MAX_CELL, (width - MARGIN.left - MARGIN.right) / Math.max(1, columns.length)));
    const plotWidth = cell * columns.length;
    const plotHeight = cell * rows.length;
    const top = MARGIN.top;
    svg.attr('width', MARGIN.left + plotWidth + MARGIN.right);
    svg.attr('height', top + Math.max(plotHeight, LEGEND_HEIGHT) + MARGIN.bottom);
    svg.attr('aria-label', `${data.title ?? 'weights'}: ${rows.length} positions by ${columns.length} characters`);
    title.text(data.title ?? '');
    plot.attr('transform', `translate(${MARGIN.left},${top})`);
    const color = (v: number) => (max > 0 ? d3.interpolateOranges(Math.max(0, v) / max) : '#fff');

    const cells = Array.from(values, (value, index) => ({
      row: Math.floor(index / columns.length),
      column: index % columns.length,
      value,
    }));
    cellLayer
      .selectAll<SVGRectElement, (typeof cells)[number]>('rect')
      .data(cells)
      .join('rect')
      .attr('x', (c) => c.column * cell)
      .attr('y', (c) => c.row * cell)
      .attr('width', cell)
      .attr('height', cell)
      .attr('fill', (c) => color(c.value))
      .on('pointermove', (event: PointerEvent, c) => {
        const [x, y] = d3.pointer(event, root.node());
        outline
          .attr('visibility', 'visible')
          .attr('x', c.column * cell)
          .attr('y', c.row * cell)
          .attr('width', cell)
          .attr('height', cell);
        const lines = data?.describe?.(c.row, c.column, c.value) ?? [formatValue(c.value)];
        tooltip.show(lines, x, y);
      })
      .on('pointerleave', () => {
        outline.attr('visibility', 'hidden');
        tooltip.hide();
      });

    const rowScale = d3.scaleBand<number>().domain(d3.range(rows.length)).range([0, plotHeight]);
    const columnScale = d3.scaleBand<number>().domain(d3.range(columns.length)).range([0, plotWidth]);
    rowAxis.call(
      d3
        .axisLeft(rowScale)
        .tickFormat((i) => rows[i] ?? '')
        .tickSize(0)
        .tickPadding(4),
    );
    columnAxis.call(
      d3
        .axisTop(columnScale)
        .tickFormat((i) => columns[i] ?? '')
        .tickSize(0)
        .tickPadding(4),
    );
    for (const g of [rowAxis, columnAxis]) g.select('.domain').attr('stroke', 'none');

    legend.attr('transform', `translate(${plotWidth + 12},0)`);
    legendAxis.call(
      d3
        .axisRight(
          d3
            .scaleLinear()
            .domain([0, max > 0 ? max : 1])
            .range([LEGEND_HEIGHT, 0]),
        )
        .ticks(4)
        .tickFormat((v) => formatValue(+v, 2))
        .tickSize(3),
    );
    root
      .attr('data-rows', String(rows.length))
      .attr('data-columns', String(columns.length))
      .attr('data-max', String(max));
  }

  const stopObserving = observeWidth(node, (next) => {
    width = next;
    render();
  });

  return {
    update(next) {
      if (next.values.length !== next.rows.length * next.columns.length)
        throw new Error(`expected ${next.rows.length} x ${next.columns.length} values, got ${next.values.length}`);
      data = next;
      width = containerWidth(node);
      render();
    },
    destroy() {
      stopObserving();
      cellLayer.selectAll('rect').on('pointermove', null).on('pointerleave', null);
      root.remove();
      data = null;
    },
  };
}
