/**
 * The learned function (docs/predictor.md). One axis: the predicted curve over a grid, the true function
 * dashed where it is known, training points filled and test points hollow. Two axes: the function as a
 * surface of cells (the value on a diverging scale, or the predicted class, like TensorFlow Playground's
 * decision surface) with the points on top, coloured the same way. The width follows the container.
 *
 * Attributes for end-to-end tests (testId from the options, default 'predictor-chart'):
 *   root    [data-testid=testId] data-mode ('curve' | 'surface'), data-iteration
 *   svg     role=img with an aria-label saying what is drawn
 *   curve   path[data-series=prediction], path[data-series=truth] (one axis)
 *   cells   image.predictor-cells-image, one pixel per grid point (two axes), data-rows / data-cols
 *   points  g[data-points=train|test] > circle
 *
 *   const chart = createPredictorChart(node);
 *   chart.update({ iteration: 2, axisNames: ['x1'], axisValues: [xs], values, truth, task: 'value', ... });
 *   chart.destroy();
 */
import * as d3 from 'd3';
import { createColorLegend, COLOR_LEGEND_WIDTH } from './colorLegend';
import { divergingColor } from './colors';
import { formatValue } from './format';
import { containerWidth, observeWidth } from './observeWidth';
import { absoluteBound, extentOf } from './predictorExtents';
import { surfaceDataUrl } from './predictorSurface';
import './theme.css';
import './predictorChart.css';

export interface PredictorChartPoints {
  /** [n, axes], row-major. */
  x: ArrayLike<number>;
  /** The target or class index of each point, [n]. */
  value: ArrayLike<number>;
  n: number;
}

export interface PredictorChartData {
  iteration: number;
  axisNames: readonly string[];
  /** One axis (a curve) or two (a surface, the first horizontal); each ascending. */
  axisValues: readonly ArrayLike<number>[];
  /** Drawn value per grid point (with two axes the first varies fastest). */
  values: ArrayLike<number>;
  truth: ArrayLike<number> | null;
  task: 'value' | 'class';
  classLabels: readonly string[] | null;
  train: PredictorChartPoints;
  test: PredictorChartPoints;
}

export interface PredictorChart {
  update(data: PredictorChartData): void;
  destroy(): void;
}

const MARGIN = { top: 12, right: 14, bottom: 38, left: 52 };
const CURVE_HEIGHT = 260;
const MAX_SURFACE = 380;
const CLASS_COLORS = d3.schemeTableau10;
const PREDICTION = '#1f77b4';
const TRAIN = '#ff7f0e';

const pointsOf = (p: PredictorChartPoints, k: number) =>
  Array.from({ length: p.n }, (_, i) => ({
    x: p.x[i * k]!,
    y: k === 2 ? p.x[i * k + 1]! : p.value[i]!,
    v: p.value[i]!,
  }));

export function createPredictorChart(node: HTMLElement, options: { testId?: string } = {}): PredictorChart {
  const root = d3
    .select(node)
    .append('div')
    .attr('class', 'rfm-viz predictor-chart')
    .attr('data-testid', options.testId ?? 'predictor-chart');
  // Named from the start: the panel mounts it before the worker answers with a first surface, and a role=img
  // without a name in that moment was a serious axe violation (seen when a scan fell in it).
  const svg = root.append('svg').attr('role', 'img').attr('aria-label', 'The learned function: not drawn yet.');
  const plot = svg.append('g').attr('transform', `translate(${MARGIN.left},${MARGIN.top})`);
  const cells = plot.append('g').attr('class', 'predictor-cells');
  const xAxis = plot.append('g');
  const yAxis = plot.append('g');
  // Test points lie on the true f (their targets are clean): the curves go over them, training points on top.
  const testLayer = plot.append('g').attr('data-points', 'test');
  const lines = plot.append('g').attr('fill', 'none');
  const trainLayer = plot.append('g').attr('data-points', 'train');
  const xLabel = plot.append('text').attr('class', 'rfm-viz-axis-label').attr('text-anchor', 'middle');
  const yLabel = plot.append('text').attr('class', 'rfm-viz-axis-label').attr('text-anchor', 'middle');
  const legendGroup = svg.append('g');
  const legend = createColorLegend(legendGroup);
  const key = root.append('ul').attr('class', 'rfm-viz-legend');
  let last: PredictorChartData | null = null;
  // Kept from the observer below: reading the layout on each update forced a synchronous layout per surface.
  let width = containerWidth(node);

  const draw = (data: PredictorChartData) => {
    const surface = data.axisValues.length === 2;
    const legendRoom = surface && data.task === 'value' ? COLOR_LEGEND_WIDTH + 8 : 0;
    const innerW = Math.max(120, width - MARGIN.left - MARGIN.right - legendRoom);
    const side = Math.min(innerW, MAX_SURFACE);
    const plotW = surface ? side : innerW;
    const plotH = surface ? side : CURVE_HEIGHT - MARGIN.top - MARGIN.bottom;
    svg
      .attr('width', MARGIN.left + plotW + legendRoom + MARGIN.right)
      .attr('height', MARGIN.top + plotH + MARGIN.bottom);
    root.attr('data-mode', surface ? 'surface' : 'curve').attr('data-iteration', data.iteration);

    const xs = data.axisValues[0]!;
    const x = d3
      .scaleLinear()
      .domain([xs[0]!, xs[xs.length - 1]!])
      .range([0, plotW]);
    const bound = absoluteBound(data.values, data.train.value, data.test.value);
    const colorOf = (v: number) =>
      data.task === 'class' ? CLASS_COLORS[Math.round(v) % CLASS_COLORS.length]! : divergingColor(v, bound);
    let y: d3.ScaleLinear<number, number>;
    if (surface) {
      const ys = data.axisValues[1]!;
      y = d3
        .scaleLinear()
        .domain([ys[0]!, ys[ys.length - 1]!])
        .range([plotH, 0]);
      drawCells(cells, data, x, y, colorOf);
      lines.selectAll('path').remove();
    } else {
      const domain = extentOf(data.values, data.truth ?? [], data.train.value, data.test.value);
      y = d3.scaleLinear().domain(domain).nice().range([plotH, 0]);
      cells.selectAll('image').remove();
      drawCurves(lines, data, x, y);
    }
    xAxis.attr('transform', `translate(0,${plotH})`).call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(plotW / 70))));
    yAxis.call(
      d3
        .axisLeft(y)
        .ticks(6)
        .tickFormat((v) => formatValue(+v)),
    );
    xLabel
      .attr('x', plotW / 2)
      .attr('y', plotH + 32)
      .text(data.axisNames[0] ?? '');
    yLabel
      .attr('transform', `translate(-40,${plotH / 2}) rotate(-90)`)
      .text(surface ? (data.axisNames[1] ?? '') : data.task === 'class' ? 'class' : 'f(x)');
    const k = data.axisValues.length;
    drawPoints(trainLayer, pointsOf(data.train, k), x, y, surface, colorOf, true);
    drawPoints(testLayer, pointsOf(data.test, k), x, y, surface, colorOf, false);
    legendGroup
      .attr('transform', `translate(${MARGIN.left + plotW + 14},${MARGIN.top})`)
      .attr('visibility', legendRoom > 0 ? 'visible' : 'hidden');
    if (legendRoom > 0) legend.update({ bound, extent: null, height: plotH, showNeutral: false });
    svg.attr('aria-label', describe(data));
    key
      .selectAll('li')
      .data(keyEntries(data))
      .join((enter) => {
        const li = enter.append('li');
        li.append('i');
        li.append('span');
        return li;
      })
      .call((li) => li.select('i').attr('style', (e) => e.style))
      .call((li) => li.select('span').text((e) => e.label));
  };

  const stopObserving = observeWidth(node, (next) => {
    width = next;
    if (last) draw(last);
  });
  return {
    update(data) {
      last = data;
      draw(data);
    },
    destroy() {
      stopObserving();
      root.remove();
    },
  };
}

type Group = d3.Selection<SVGGElement, unknown, null, undefined>;

function drawCells(
  group: Group,
  data: PredictorChartData,
  x: d3.ScaleLinear<number, number>,
  y: d3.ScaleLinear<number, number>,
  colorOf: (v: number) => string,
): void {
  const [xs, ys] = [data.axisValues[0]!, data.axisValues[1]!];
  const res = xs.length;
  // A pixel per grid point, centred on it and as wide as the grid's spacing.
  const w = Math.abs(x(xs[1]!) - x(xs[0]!));
  const h = Math.abs(y(ys[1]!) - y(ys[0]!));
  const url = surfaceDataUrl(data.values, res, colorOf);
  group
    .selectAll('image')
    .data(url ? [url] : [])
    .join('image')
    .attr('class', 'predictor-cells-image')
    .attr('data-rows', res)
    .attr('data-cols', res)
    .attr('preserveAspectRatio', 'none')
    .attr('style', 'image-rendering: pixelated')
    .attr('x', x(xs[0]!) - w / 2)
    .attr('y', y(ys[res - 1]!) - h / 2)
    .attr('width', res * w)
    .attr('height', res * h)
    .attr('opacity', data.task === 'class' ? 0.45 : 1)
    .attr('href', (url) => url);
}

function drawCurves(
  group: Group,
  data: PredictorChartData,
  x: d3.ScaleLinear<number, number>,
  y: d3.ScaleLinear<number, number>,
): void {
  const xs = data.axisValues[0]!;
  const line = (values: ArrayLike<number>) =>
    d3
      .line<number>()
      .defined((i) => Number.isFinite(values[i]!))
      .x((i) => x(xs[i]!))
      .y((i) => y(values[i]!))(d3.range(xs.length)) ?? '';
  const series = [
    ...(data.truth ? [{ id: 'truth', d: line(data.truth), stroke: '#555', dash: '5 4' }] : []),
    { id: 'prediction', d: line(data.values), stroke: PREDICTION, dash: null },
  ];
  group
    .selectAll<SVGPathElement, (typeof series)[number]>('path')
    .data(series, (s) => s.id)
    .join('path')
    .attr('data-series', (s) => s.id)
    .attr('d', (s) => s.d)
    .attr('stroke', (s) => s.stroke)
    .attr('stroke-width', (s) => (s.id === 'prediction' ? 1.8 : 1.4))
    .attr('stroke-dasharray', (s) => s.dash);
}

function drawPoints(
  group: Group,
  points: { x: number; y: number; v: number }[],
  x: d3.ScaleLinear<number, number>,
  y: d3.ScaleLinear<number, number>,
  surface: boolean,
  colorOf: (v: number) => string,
  train: boolean,
): void {
  const fill = (p: { v: number }) => (surface ? colorOf(p.v) : train ? TRAIN : 'white');
  group
    .selectAll('circle')
    .data(points)
    .join('circle')
    .attr('cx', (p) => x(p.x))
    .attr('cy', (p) => y(p.y))
    .attr('r', train ? 2.6 : 2.2)
    .attr('fill', (p) => (train ? fill(p) : 'white'))
    .attr('stroke', (p) => (surface ? (train ? '#222' : colorOf(p.v)) : train ? 'none' : '#aaa'))
    .attr('stroke-width', train ? 0.7 : 1.2);
}

function keyEntries(data: PredictorChartData): { label: string; style: string }[] {
  const swatch = (color: string, extra = '') => `background:${color};${extra}`;
  const entries = [];
  if (data.axisValues.length === 1) {
    entries.push({ label: 'learned f', style: swatch(PREDICTION) });
    if (data.truth) entries.push({ label: 'true f', style: swatch('#555') });
  } else if (data.task === 'class') {
    (data.classLabels ?? []).forEach((label, k) =>
      entries.push({ label: `class ${label}`, style: swatch(CLASS_COLORS[k % CLASS_COLORS.length]!) }),
    );
  }
  entries.push({
    label: `train points (${data.train.n})`,
    style: swatch(data.axisValues.length === 1 ? TRAIN : '#222'),
  });
  if (data.test.n > 0)
    entries.push({ label: `test points (${data.test.n})`, style: swatch('white', 'border:1px solid #777') });
  return entries;
}

function describe(data: PredictorChartData): string {
  const [a, b] = data.axisNames;
  const what = data.task === 'class' ? 'predicted class' : 'learned function';
  const over = data.axisValues.length === 2 ? `over ${a} (horizontal) and ${b} (vertical)` : `against ${a}`;
  return `The ${what} at iteration ${data.iteration} ${over}, with ${data.train.n} training and ${data.test.n} test points${data.truth ? ' and the true function' : ''}.`;
}
