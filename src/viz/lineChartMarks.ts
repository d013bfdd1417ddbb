/**
 * What the line chart (./lineChart.ts) draws inside its plot once the scales are set: gridlines, one path per series
 * (gaps where a log axis cannot show a point), a dot per point for short series, and the labelled dashed
 * markers of the annotations. The data-* attributes the end-to-end tests read are set here.
 */
import * as d3 from 'd3';
import type { LineAnnotation, LineMark, LineSeries } from './lineChart';
import { plottable, type AxisKind, type Point } from './lineChartScale';

/** Series with at most this many drawable points also get a dot per point (iterations are few; spectra are not). */
const MAX_MARKED_POINTS = 30;

type Scale = d3.ScaleContinuousNumeric<number, number>;
type Layer = d3.Selection<SVGGElement, unknown, null, undefined>;

export function drawAnnotations(
  annotationLayer: Layer,
  annotations: readonly LineAnnotation[],
  x: Scale,
  plotWidth: number,
  plotHeight: number,
): void {
  const annotation = annotationLayer
    .selectAll<SVGGElement, LineAnnotation>('g')
    .data(annotations)
    .join((enter) => {
      const g = enter.append('g').attr('class', 'rfm-viz-annotation');
      g.append('line');
      g.append('text').attr('y', -6);
      return g;
    })
    .attr('transform', (a) => `translate(${x(a.x)},0)`)
    .attr('data-annotation', (a) => a.id ?? null);
  annotation.select('line').attr('y1', -3).attr('y2', plotHeight);
  // The first label sits above the plot; later ones inside it, one row each, so that markers close
  // together (the baseline and a best iteration at 1) do not print over each other.
  annotation.select('text').attr('y', (_, i) => (i === 0 ? -6 : 12 + 14 * (i - 1)));
  // Labels near the right edge hang to the left of their marker so they stay inside the plot.
  annotation
    .select('text')
    .attr('text-anchor', (a) => (x(a.x) > plotWidth * 0.6 ? 'end' : 'start'))
    .attr('x', (a) => (x(a.x) > plotWidth * 0.6 ? -4 : 4))
    .text((a) => a.label);
}

export function drawSeries(
  { lineLayer, markerLayer }: { lineLayer: Layer; markerLayer: Layer },
  series: readonly LineSeries[],
  visible: readonly Point[][],
  { x, y, xKind, yKind }: { x: Scale; y: Scale; xKind: AxisKind; yKind: AxisKind },
  colorOf: (series: LineSeries, k: number) => string,
): void {
  const line = d3
    .line<Point>()
    .defined((p) => plottable(p, xKind, yKind))
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  lineLayer
    .selectAll<SVGPathElement, LineSeries>('path')
    .data(series, (s) => s.id)
    .join('path')
    .attr('data-series', (s) => s.id)
    .attr('data-last-y', (s) => (s.points.length > 0 ? String(s.points[s.points.length - 1]!.y) : ''))
    .attr('stroke', (s, k) => colorOf(s, k))
    .attr('stroke-opacity', (s) => s.opacity ?? 1)
    .attr('stroke-dasharray', (s) => (s.dashed ? '5 3' : null))
    .attr('d', (s) => line(s.points as Point[]) ?? '');
  const stacked = new Map<string, number>();
  markerLayer
    .selectAll<SVGGElement, LineSeries>('g')
    .data(series, (s) => s.id)
    .join('g')
    .attr('fill', (s, k) => colorOf(s, k))
    .attr('fill-opacity', (s) => s.opacity ?? 1)
    .each(function (_, k) {
      const points = visible[k] ?? [];
      d3.select(this)
        .selectAll('circle')
        .data(points.length <= MAX_MARKED_POINTS ? points : [])
        .join('circle')
        .attr('r', 2.5)
        .attr('cx', (p) => x(p.x))
        .attr('cy', (p) => y(p.y));
      // Marked points (a spike's peak): a triangle pointing down at the point, in the series' colour; marks
      // of several series at one spot stack upwards, so none hides another.
      const marks = (series[k]?.marks ?? []).filter((m) => plottable(m, xKind, yKind));
      const lift = marks.map((m) => {
        const spot = `${Math.round(x(m.x) / 8)},${Math.round(y(m.y) / 8)}`;
        const below = stacked.get(spot) ?? 0;
        stacked.set(spot, below + 1);
        return below * MARK_HEIGHT;
      });
      d3.select(this)
        .selectAll<SVGPathElement, LineMark>('path.rfm-viz-mark')
        .data(marks)
        .join((enter) => {
          const path = enter.append('path').attr('class', 'rfm-viz-mark').attr('d', MARK_PATH);
          path.append('title');
          return path;
        })
        .attr('data-mark', series[k]!.id)
        .attr('data-x', (m) => String(m.x))
        .attr('stroke', 'white')
        .attr('transform', (m, i) => `translate(${x(m.x)},${y(m.y) - lift[i]!})`)
        .select('title')
        .text((m) => m.label);
    });
}

/** A downward triangle whose tip sits 2 px above the marked point, and its height with a gap. */
const MARK_PATH = 'M0,-2 L-6,-12 L6,-12 Z';
const MARK_HEIGHT = 11;

/** Gridlines at the given (labelled) ticks only, so a log axis is not striped with nine lines a decade. */
export function drawGrid(
  { xGrid, yGrid }: { xGrid: Layer; yGrid: Layer },
  xTicks: readonly number[],
  yTicks: readonly number[],
  { x, y, plotWidth, plotHeight }: { x: Scale; y: Scale; plotWidth: number; plotHeight: number },
): void {
  xGrid
    .selectAll('line')
    .data(xTicks)
    .join('line')
    .attr('x1', (v) => x(v))
    .attr('x2', (v) => x(v))
    .attr('y1', 0)
    .attr('y2', plotHeight);
  yGrid
    .selectAll('line')
    .data(yTicks)
    .join('line')
    .attr('x1', 0)
    .attr('x2', plotWidth)
    .attr('y1', (v) => y(v))
    .attr('y2', (v) => y(v));
}

/** A point on screen, with the series and point it came from, for the nearest-point tooltip. */
export interface ScreenPoints {
  xs: number[];
  ys: number[];
  series: number[];
  point: number[];
}

/** Every drawable point's screen position (a log axis skips what it cannot show). */
export function screenPoints(
  series: readonly LineSeries[],
  { x, y, xKind, yKind }: { x: Scale; y: Scale; xKind: AxisKind; yKind: AxisKind },
): ScreenPoints {
  const screen: ScreenPoints = { xs: [], ys: [], series: [], point: [] };
  series.forEach((s, k) =>
    s.points.forEach((p, index) => {
      if (!plottable(p, xKind, yKind)) return;
      screen.xs.push(x(p.x));
      screen.ys.push(y(p.y));
      screen.series.push(k);
      screen.point.push(index);
    }),
  );
  return screen;
}
