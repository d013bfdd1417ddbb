/**
 * The heatmap's feature axes (columns on top, rows on the left) for the part of M in view: at zoom 1 every
 * feature or round feature numbers (axisFeatureIndices); zoomed in, the features whose centres are inside
 * the visible window, so labels never spill past the cells.
 */
import * as d3 from 'd3';
import { MAX_LABELLED_FEATURES, MAX_LABEL_CHARS, axisFeatureIndices, truncateLabel } from './heatmapScale';

type Group = d3.Selection<SVGGElement, unknown, null, undefined>;

export interface AxesInput {
  d: number;
  labels: readonly string[];
  side: number;
  /** The zoom: a feature at position p (0..d along the axis, unzoomed px p * side / d) shows at p * k + offset. */
  transform: { k: number; x: number; y: number };
  verticalColumnLabels: boolean;
}

/** Indices of the features marked on an axis whose visible window is [lo, hi) in feature units. */
export function visibleFeatureIndices(d: number, side: number, k: number, lo: number, hi: number): number[] {
  const first = Math.max(0, Math.floor(lo));
  const last = Math.min(d - 1, Math.ceil(hi) - 1);
  const count = last - first + 1;
  if (count <= 0) return [];
  // Every feature in view once its cells are wide enough for a number; else round numbers in view.
  if (d <= MAX_LABELLED_FEATURES || (side * k) / d >= 20) return d3.range(first, last + 1);
  const marked = axisFeatureIndices(d, side * k);
  return marked.filter((i) => i + 0.5 >= lo && i + 0.5 <= hi);
}

export function drawHeatmapAxes(columnAxis: Group, rowAxis: Group, input: AxesInput): void {
  const { d, labels, side, transform, verticalColumnLabels } = input;
  const base = d3
    .scaleLinear()
    .domain([0, Math.max(1, d)])
    .range([0, side]);
  const columns = base.copy().range([transform.x, transform.x + side * transform.k]);
  const rows = base.copy().range([transform.y, transform.y + side * transform.k]);
  // The margins are sized for names only up to MAX_LABELLED_FEATURES; beyond, numbers (hover names them).
  const labelled = d <= MAX_LABELLED_FEATURES;
  const tickText = (index: number) =>
    labelled ? truncateLabel(labels[index] ?? '', MAX_LABEL_CHARS) : String(index + 1);
  const draw = (group: Group, make: typeof d3.axisTop, scale: d3.ScaleLinear<number, number>) => {
    const marked = visibleFeatureIndices(d, side, transform.k, scale.invert(0), scale.invert(side));
    group.call(
      make(scale)
        .tickValues(marked.map((index) => index + 0.5))
        .tickFormat((value) => tickText(Math.floor(+value)))
        .tickSize(3)
        .tickSizeOuter(0),
    );
    group.select('.domain').attr('stroke', 'none');
  };
  draw(columnAxis, d3.axisTop, columns);
  draw(rowAxis, d3.axisLeft, rows);
  columnAxis.selectAll<SVGTextElement, unknown>('.tick text').each(function () {
    const text = d3.select(this);
    if (verticalColumnLabels) {
      text.attr('transform', 'rotate(-90)').attr('text-anchor', 'start').attr('x', 6).attr('y', 0).attr('dy', '0.32em');
    } else {
      text.attr('transform', null).attr('text-anchor', null).attr('x', null).attr('dy', '0em');
    }
  });
}
