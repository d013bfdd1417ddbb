/**
 * The numbers behind the heatmap, kept apart from its DOM so they can be tested in Node: which entries of
 * M are shown, the symmetric colour domain, feature labels and ticks, and which cell a pointer is over.
 *
 *   const extent = shownExtent(values, d, true);   // { min, max } over off-diagonal entries, or null
 *   const bound = symmetricBound(extent);          // colour domain is [-bound, bound]
 *   cellAt(x, y, side, d);                         // { i, j } under a pointer at (x, y) in the square
 */
import * as d3 from 'd3';

export interface Extent {
  min: number;
  max: number;
}

/** Up to this many features the axes name every one; above it they show numbered ticks. */
export const MAX_LABELLED_FEATURES = 30;

/**
 * Min and max of the finite entries a person sees in M [d, d] (row-major): all of them, or only the
 * off-diagonal ones when the diagonal is hidden. Null when nothing is shown (d = 0, or d = 1 with the
 * diagonal hidden, or no finite entry).
 */
export function shownExtent(values: ArrayLike<number>, d: number, hideDiagonal: boolean): Extent | null {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < d; i++) {
    const row = i * d;
    for (let j = 0; j < d; j++) {
      if (hideDiagonal && i === j) continue;
      const v = values[row + j]!;
      if (!Number.isFinite(v)) continue;
      if (v < min) min = v;
      if (v > max) max = v;
    }
  }
  return min <= max ? { min, max } : null;
}

/**
 * Half-width of the colour domain [-bound, bound]: the largest magnitude shown, so that zero is always
 * the neutral middle colour. 1 when nothing is shown or everything is zero (a degenerate domain would
 * divide by zero).
 */
export function symmetricBound(extent: Extent | null): number {
  if (!extent) return 1;
  const bound = Math.max(Math.abs(extent.min), Math.abs(extent.max));
  return bound > 0 ? bound : 1;
}

/** Feature names used when the caller gives none: x1 .. xd, the usual mathematical numbering. */
export function featureLabels(d: number, labels?: readonly string[]): string[] {
  return Array.from({ length: d }, (_, i) => labels?.[i] ?? `x${i + 1}`);
}

/** The cell {i: row, j: column} under point (x, y) of a square of side `side` showing d x d cells. */
export function cellAt(x: number, y: number, side: number, d: number): { i: number; j: number } | null {
  if (d <= 0 || side <= 0 || x < 0 || y < 0 || x >= side || y >= side) return null;
  const i = Math.min(d - 1, Math.floor((y / side) * d));
  const j = Math.min(d - 1, Math.floor((x / side) * d));
  return { i, j };
}

/**
 * Indices (0-based) of the features an axis marks for a square of `side` px: every feature when
 * d <= MAX_LABELLED_FEATURES, else round feature numbers (1-based, as in x1..xd) at least ~40 px apart.
 */
export function axisFeatureIndices(d: number, side: number): number[] {
  if (d <= MAX_LABELLED_FEATURES) return d3.range(d);
  const count = Math.max(2, Math.floor(side / 60));
  return d3
    .ticks(1, d, count)
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= d)
    .map((n) => n - 1);
}

/**
 * A label cut to `maxChars` characters for an axis, the ellipsis in the middle: column names often differ
 * only at the end (sepal_length, sepal_width). Tooltips keep the full label.
 */
export function truncateLabel(label: string, maxChars: number): string {
  if (label.length <= maxChars) return label;
  const tail = Math.floor((maxChars - 1) / 2);
  const head = Math.max(1, maxChars - 1 - tail);
  return `${label.slice(0, head)}…${label.slice(label.length - tail)}`;
}

/** Axis labels longer than this are cut (see truncateLabel). */
export const MAX_LABEL_CHARS = 12;
/** Approximate width of one 10px sans-serif character, for sizing label margins. */
const CHAR_PX = 6;
const MIN_SIDE = 60;
const TITLE_HEIGHT = 20;

export interface HeatmapLayout {
  /** Height of the title row (0 without a title), px. */
  titleHeight: number;
  /** Room above the cells for column labels, px. */
  marginTop: number;
  /** Room left of the cells for row labels, px. */
  marginLeft: number;
  /** Side of the square of cells, px. */
  side: number;
  /** Column labels run bottom-to-top because they would not fit across their cells. */
  verticalColumnLabels: boolean;
}

/**
 * Where the heatmap's parts go in a container `width` px wide: the square of cells takes what the labels
 * and legend leave, between MIN_SIDE and `maxSide`.
 */
export function heatmapLayout(input: {
  width: number;
  d: number;
  labels: readonly string[];
  hasTitle: boolean;
  maxSide: number;
  legendWidth: number;
}): HeatmapLayout {
  const { width, d, labels, hasTitle, maxSide, legendWidth } = input;
  const labelled = d <= MAX_LABELLED_FEATURES;
  const longest = labels.reduce((most, label) => Math.max(most, label.length), 1);
  const labelChars = labelled ? Math.min(MAX_LABEL_CHARS, longest) : String(d).length;
  const labelPx = labelChars * CHAR_PX;
  const marginLeft = labelPx + 10;
  const side = Math.max(MIN_SIDE, Math.min(maxSide, width - marginLeft - legendWidth - 4));
  const verticalColumnLabels = labelled && d > 0 && labelPx + 4 > side / d;
  return {
    titleHeight: hasTitle ? TITLE_HEIGHT : 0,
    marginTop: verticalColumnLabels ? labelPx + 10 : 20,
    marginLeft,
    side,
    verticalColumnLabels,
  };
}
