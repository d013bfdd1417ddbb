/**
 * A multi-series line chart with a linear or log y axis (and optionally log x): the RFM error curves per
 * iteration and the kernel eigenvalue spectrum (one line per iteration). Points a log axis cannot show
 * (zero, negative, NaN) are skipped and leave a gap; they never crash the chart or land at the edge.
 *
 * Hovering the plot shows the point nearest the pointer; annotations draw a labelled dashed vertical
 * marker (e.g. iteration 0, "baseline (Laplace kernel)"). The width follows the container.
 *
 * Attributes for end-to-end tests (testId from the options, default 'line-chart'):
 *   root     [data-testid=testId] data-series-count
 *   series   path[data-series=id] with data-last-y: the series' last y as given, even where a log axis
 *            cannot draw it ('' when the series has no points)
 *   tooltip  [data-testid=`${testId}-tooltip`]: three lines, the series label, '<xLabel> = 3' and
 *            '<yLabel> = 0.01234' (4 significant digits); hidden unless hovering
 *   legend   ul[data-testid=`${testId}-legend`] > li[data-series=id] (only with legend: true)
 *   marks    path[data-mark=series id] with data-x: a series' marked points (a triangle above each, titled)
 *
 *   const chart = createLineChart(node, { xLabel: 'iteration', yLabel: 'test MSE', yScale: 'log',
 *     legend: true, testId: 'error-chart' });
 *   chart.update({
 *     series: [{ id: 'test', label: 'test', points: [{ x: 0, y: 0.8 }, { x: 1, y: 0.2 }] }],
 *     annotations: [{ x: 0, label: 'baseline (Laplace kernel)' }],
 *   });
 *   chart.destroy();
 */
import * as d3 from 'd3';
import { formatTick, formatValue } from './format';
import {
  axisDomain,
  integerTicksIfIntegral,
  logTickLabelled,
  nearestIndex,
  plottable,
  type AxisKind,
  type Point,
} from './lineChartScale';
import { drawAnnotations, drawGrid, drawSeries, screenPoints, type ScreenPoints } from './lineChartMarks';
import { containerWidth, observeWidth } from './observeWidth';
import { createSeriesLegend } from './seriesLegend';
import { createTooltip } from './tooltip';
import './theme.css';

export interface LineSeries {
  /** Stable key: the path keeps its identity across updates. */
  id: string;
  label: string;
  points: readonly Point[];
  /** CSS colour; default the Tableau 10 colour of the series' position. */
  color?: string;
  dashed?: boolean;
  /** Stroke opacity, 0..1 (default 1). */
  opacity?: number;
  /** Points to mark on the line (a loss spike's peak), each with a label shown as its title. */
  marks?: readonly LineMark[];
}

export interface LineMark extends Point {
  label: string;
}

export interface LineAnnotation {
  x: number;
  label: string;
  /** data-annotation of the marker, for tests and styling (e.g. 'best' for the best iteration). */
  id?: string;
}

export interface LineChartData {
  series: readonly LineSeries[];
  annotations?: readonly LineAnnotation[];
  /** Extra y values the axis must include: charts side by side pass the same values to share one y axis. */
  yExtent?: readonly number[];
}

export interface LineChartOptions {
  xLabel: string;
  yLabel: string;
  yScale: AxisKind;
  xScale?: AxisKind;
  /** Show a legend of series labels above the plot (default false). */
  legend?: boolean;
  /** data-testid of the root element (default 'line-chart'). */
  testId?: string;
  /** Height of the plot's SVG in px, legend excluded (default 240). */
  height?: number;
}

export interface LineChart {
  update(data: LineChartData): void;
  destroy(): void;
}

const CHAR_PX = 6;
/** The top margin holds annotation labels, above the lines they would otherwise cross. */
const MARGIN = { top: 18, right: 16, bottom: 36 };

function scaleOf(kind: AxisKind): d3.ScaleContinuousNumeric<number, number> {
  return kind === 'log' ? d3.scaleLog() : d3.scaleLinear();
}

/** Tick labels; a log axis labels only some ticks, so it is not striped with nine labels a decade. */
function tickFormatter(
  kind: AxisKind,
  ticks: readonly number[],
  count: number,
  format: (v: number) => string,
): (v: number) => string {
  return kind === 'log' ? (v) => (logTickLabelled(v, ticks.length, count) ? format(v) : '') : format;
}

export function createLineChart(node: HTMLElement, options: LineChartOptions): LineChart {
  const xKind: AxisKind = options.xScale ?? 'linear';
  const yKind: AxisKind = options.yScale;
  for (const [name, kind] of [
    ['xScale', xKind],
    ['yScale', yKind],
  ] as const) {
    if (kind !== 'linear' && kind !== 'log') throw new Error(`invalid ${name}: ${String(kind)}`);
  }
  const testId = options.testId ?? 'line-chart';
  const height = options.height ?? 240;

  const root = d3
    .select(node)
    .append('div')
    .attr('class', 'rfm-viz rfm-line-chart')
    .attr('data-testid', testId)
    .style('position', 'relative');
  const legend = options.legend ? createSeriesLegend(root, `${testId}-legend`) : null;
  const svg = root.append('svg').attr('role', 'img').attr('aria-label', `${options.yLabel} against ${options.xLabel}`);
  const plot = svg.append('g');
  const xGrid = plot.append('g').attr('class', 'rfm-viz-grid');
  const yGrid = plot.append('g').attr('class', 'rfm-viz-grid');
  const xAxis = plot.append('g');
  const yAxis = plot.append('g');
  const xTitle = svg
    .append('text')
    .attr('class', 'rfm-viz-axis-label')
    .attr('text-anchor', 'middle')
    .text(options.xLabel);
  const yTitle = svg
    .append('text')
    .attr('class', 'rfm-viz-axis-label')
    .attr('text-anchor', 'middle')
    .attr('transform', 'rotate(-90)')
    .text(options.yLabel);
  const annotationLayer = plot.append('g');
  const lineLayer = plot.append('g').attr('fill', 'none').attr('stroke-width', 1.75).attr('stroke-linejoin', 'round');
  const markerLayer = plot.append('g');
  const focus = plot
    .append('circle')
    .attr('r', 4)
    .attr('fill', 'white')
    .attr('stroke-width', 2)
    .attr('visibility', 'hidden')
    .attr('pointer-events', 'none');
  const hoverArea = plot.append('rect').attr('fill', 'transparent');
  const tooltip = createTooltip(root.node()!, `${testId}-tooltip`);

  let data: LineChartData = { series: [] };
  let width = containerWidth(node);
  let screen: ScreenPoints = { xs: [], ys: [], series: [], point: [] };
  let pointer: { x: number; y: number } | null = null;
  let offset = { left: 0, top: 0 };

  const colorOf = (series: LineSeries, k: number) => series.color ?? d3.schemeTableau10[k % 10]!;

  function render(): void {
    const { series } = data;
    const annotations = (data.annotations ?? []).filter((a) => plottable({ x: a.x, y: 1 }, xKind, 'linear'));
    const visible = series.map((s) => s.points.filter((p) => plottable(p, xKind, yKind)));
    const allX = [...visible.flat().map((p) => p.x), ...annotations.map((a) => a.x)];

    const plotHeight = Math.max(40, height - MARGIN.top - MARGIN.bottom);
    const y = scaleOf(yKind)
      .domain(axisDomain([...visible.flat().map((p) => p.y), ...(data.yExtent ?? [])], yKind))
      .range([plotHeight, 0])
      .nice();
    const yTickCount = Math.max(2, Math.round(plotHeight / 40));
    const yTicks = y.ticks(yTickCount);
    const yFormat = tickFormatter(yKind, yTicks, yTickCount, formatValue);
    const left = (d3.max(yTicks, (v) => yFormat(v).length) ?? 1) * CHAR_PX + 30;
    const plotWidth = Math.max(40, width - left - MARGIN.right);
    const x = scaleOf(xKind).domain(axisDomain(allX, xKind)).range([0, plotWidth]);
    const xTickCount = Math.max(2, Math.round(plotWidth / 70));
    const xTicks =
      xKind === 'log'
        ? x.ticks(xTickCount)
        : integerTicksIfIntegral(
            x.ticks(xTickCount),
            visible.flat().map((p) => p.x),
          );
    const xFormat = tickFormatter(xKind, xTicks, xTickCount, formatTick);
    offset = { left, top: MARGIN.top };

    svg.attr('width', width).attr('height', height);
    plot.attr('transform', `translate(${left},${MARGIN.top})`);
    xAxis.attr('transform', `translate(0,${plotHeight})`).call(
      d3
        .axisBottom(x)
        .tickValues(xTicks)
        .tickFormat((v) => xFormat(+v))
        .tickSizeOuter(0),
    );
    yAxis.call(
      d3
        .axisLeft(y)
        .tickValues(yTicks)
        .tickFormat((v) => yFormat(+v))
        .tickSizeOuter(0),
    );
    xTitle.attr('x', left + plotWidth / 2).attr('y', height - 4);
    yTitle.attr('x', -(MARGIN.top + plotHeight / 2)).attr('y', 12);
    drawGrid(
      { xGrid, yGrid },
      xTicks.filter((v) => xFormat(v) !== ''),
      yTicks.filter((v) => yFormat(v) !== ''),
      {
        x,
        y,
        plotWidth,
        plotHeight,
      },
    );
    drawAnnotations(annotationLayer, annotations, x, plotWidth, plotHeight);
    drawSeries({ lineLayer, markerLayer }, series, visible, { x, y, xKind, yKind }, colorOf);

    legend?.update(
      series.map((s, k) => ({
        id: s.id,
        label: s.label,
        color: colorOf(s, k),
        dashed: Boolean(s.dashed),
        opacity: s.opacity ?? 1,
      })),
    );

    screen = screenPoints(series, { x, y, xKind, yKind });
    hoverArea.attr('width', plotWidth).attr('height', plotHeight);
    root.attr('data-series-count', String(series.length));
    refreshHover();
  }

  function refreshHover(): void {
    const k = pointer ? nearestIndex(screen.xs, screen.ys, pointer.x, pointer.y) : -1;
    const series = data.series[screen.series[k] ?? -1];
    const point = series?.points[screen.point[k] ?? -1];
    if (!pointer || !series || !point) {
      focus.attr('visibility', 'hidden');
      tooltip.hide();
      return;
    }
    const cx = screen.xs[k]!;
    const cy = screen.ys[k]!;
    focus
      .attr('visibility', 'visible')
      .attr('cx', cx)
      .attr('cy', cy)
      .attr('stroke', colorOf(series, screen.series[k]!));
    // The SVG sits below the legend (when there is one); the tooltip is placed relative to the root.
    const svgTop = svg.node()!.getBoundingClientRect().top - root.node()!.getBoundingClientRect().top;
    tooltip.show(
      [series.label, `${options.xLabel} = ${formatTick(point.x, 4)}`, `${options.yLabel} = ${formatValue(point.y, 4)}`],
      offset.left + cx,
      svgTop + offset.top + cy,
    );
  }

  hoverArea.on('pointermove', (event: PointerEvent) => {
    const [px, py] = d3.pointer(event, hoverArea.node());
    pointer = { x: px, y: py };
    refreshHover();
  });
  hoverArea.on('pointerleave', () => {
    pointer = null;
    refreshHover();
  });

  const stopObserving = observeWidth(node, (next) => {
    width = next;
    render();
  });

  return {
    update(next) {
      data = next;
      render();
    },
    destroy() {
      stopObserving();
      hoverArea.on('pointermove', null).on('pointerleave', null);
      root.remove();
      pointer = null;
    },
  };
}
