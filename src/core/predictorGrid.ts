/**
 * The grid the predictor panel draws the learned function on (docs/predictor.md): one or two chosen input
 * coordinates vary over the data's range, every other coordinate is held at its training mean (a slice of
 * the function through the data's centre when d > 2). Pure arrays, no tfjs: the worker builds the grid
 * here, evaluates the model on it, and projects the data points onto the same axes.
 */

/** Points along each axis of a grid (a curve for one axis, a square of cells for two). */
export const PREDICTOR_RESOLUTION = { curve: 240, surface: 60 } as const;

/** A slice of the input space: the coordinates that vary (0-based) and how finely. */
export interface GridSpec {
  /** One coordinate (a curve) or two (a surface), 0-based, distinct, each < d. */
  axes: readonly number[];
  /** Points per axis, >= 2. */
  resolution: number;
}

export interface PredictorGrid {
  /** The value of each axis at its grid points, ascending; axis k has `resolution` points. */
  axisValues: Float32Array[];
  /**
   * The grid's inputs [resolution^axes, d], row-major. With two axes the first one varies fastest:
   * point (i, j) (i along the first axis, j along the second) is row j * resolution + i.
   */
  inputs: Float32Array;
  rows: number;
  /** Where the coordinates that do not vary are held: the training mean of each, [d]. */
  fixed: Float32Array;
}

/** Throws on axes that are not distinct coordinates of x [., d], or a resolution under 2. */
export function checkGridSpec(spec: GridSpec, d: number): void {
  const { axes, resolution } = spec;
  if (axes.length < 1 || axes.length > 2) throw new Error(`a predictor grid has 1 or 2 axes, not ${axes.length}`);
  if (axes.some((a) => !Number.isInteger(a) || a < 0 || a >= d))
    throw new Error(`the grid's axes ${axes.join(', ')} are not coordinates of ${d}-dimensional inputs`);
  if (axes.length === 2 && axes[0] === axes[1]) throw new Error('the grid needs two different coordinates');
  if (!Number.isInteger(resolution) || resolution < 2) throw new Error(`grid resolution ${resolution} is under 2`);
}

/** Column means of x [n, d]; zeros when n = 0. */
export function coordinateMeans(x: Float32Array, n: number, d: number): Float32Array {
  const sums = new Float64Array(d);
  for (let i = 0; i < n; i++) for (let a = 0; a < d; a++) sums[a]! += x[i * d + a]!;
  return Float32Array.from(sums, (s) => (n > 0 ? s / n : 0));
}

/**
 * [low, high] of coordinate `a` over the given point sets [., d], widened by 5% of the span on each side
 * (so edge points are not drawn on the frame); a span of 0 widens to +-1.
 */
export function coordinateRange(
  sets: readonly { x: Float32Array; n: number }[],
  d: number,
  a: number,
): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const { x, n } of sets)
    for (let i = 0; i < n; i++) {
      const v = x[i * d + a]!;
      if (v < low) low = v;
      if (v > high) high = v;
    }
  if (!Number.isFinite(low)) return [-1, 1];
  const pad = high > low ? 0.05 * (high - low) : 1;
  return [low - pad, high + pad];
}

/** `count` evenly spaced values from low to high, both included. */
export function evenlySpaced(low: number, high: number, count: number): Float32Array {
  return Float32Array.from({ length: count }, (_, i) => low + ((high - low) * i) / (count - 1));
}

/**
 * The grid over `spec.axes`, each spanning its range in the training and test points, the other
 * coordinates at their training means.
 */
export function buildPredictorGrid(
  spec: GridSpec,
  train: { x: Float32Array; n: number },
  test: { x: Float32Array; n: number },
  d: number,
): PredictorGrid {
  checkGridSpec(spec, d);
  const { axes, resolution } = spec;
  const fixed = coordinateMeans(train.x, train.n, d);
  const axisValues = axes.map((a) => {
    const [low, high] = coordinateRange([train, test], d, a);
    return evenlySpaced(low, high, resolution);
  });
  const rows = resolution ** axes.length;
  const inputs = new Float32Array(rows * d);
  for (let r = 0; r < rows; r++) {
    inputs.set(fixed, r * d);
    inputs[r * d + axes[0]!] = axisValues[0]![r % resolution]!;
    if (axes.length === 2) inputs[r * d + axes[1]!] = axisValues[1]![Math.floor(r / resolution)]!;
  }
  return { axisValues, inputs, rows, fixed };
}

/** Coordinates `axes` of each point of x [n, d], row-major [n, axes.length]. */
export function projectPoints(x: Float32Array, n: number, d: number, axes: readonly number[]): Float32Array {
  const k = axes.length;
  const out = new Float32Array(n * k);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) out[i * k + j] = x[i * d + axes[j]!]!;
  return out;
}

/**
 * What the panel draws of c outputs [rows, c]: the output itself when c = 1 (regression), the index of the
 * largest output when `classes` (one-hot classification: the decision surface).
 */
export function shownValues(outputs: Float32Array, rows: number, c: number, classes: boolean): Float32Array {
  const out = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    if (!classes) {
      out[r] = outputs[r * c]!;
      continue;
    }
    let best = 0;
    for (let k = 1; k < c; k++) if (outputs[r * c + k]! > outputs[r * c + best]!) best = k;
    out[r] = best;
  }
  return out;
}
