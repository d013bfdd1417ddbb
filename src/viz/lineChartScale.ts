/**
 * The numbers behind the line chart, kept apart from its DOM so they can be tested in Node: which points
 * an axis kind can show, the domain to fit them, integer-only ticks and the point nearest the pointer.
 *
 *   plottable({ x: 0, y: 0 }, 'linear', 'log')   // false: log(0) has no place on the axis
 *   axisDomain([1e-6, 0.3], 'log')               // [1e-6, 0.3], niced by the caller's scale
 *   nearestIndex([10, 50], [20, 20], 45, 25)     // 1
 */

export type AxisKind = 'linear' | 'log';

export interface Point {
  x: number;
  y: number;
}

/** Whether v has a place on an axis of this kind: finite, and positive on a log axis. */
export function onAxis(v: number, kind: AxisKind): boolean {
  return Number.isFinite(v) && (kind === 'linear' || v > 0);
}

/** Whether a point can be drawn: both coordinates on their axes. Others are skipped, never drawn at 0. */
export function plottable(point: Point, xKind: AxisKind, yKind: AxisKind): boolean {
  return onAxis(point.x, xKind) && onAxis(point.y, yKind);
}

/**
 * [min, max] of the values that fit an axis of this kind, widened when empty or a single value so the
 * scale never degenerates: linear [0, 1] or [v - 1, v + 1]; log [1, 10] or [v / 10, v * 10].
 */
export function axisDomain(values: Iterable<number>, kind: AxisKind): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!onAxis(v, kind)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return kind === 'log' ? [1, 10] : [0, 1];
  if (min === max) return kind === 'log' ? [min / 10, max * 10] : [min - 1, max + 1];
  return [min, max];
}

/** Ticks reduced to integers when every x is one (iterations, eigenvalue ranks): no 'iteration 2.5'. */
export function integerTicksIfIntegral(ticks: readonly number[], xs: Iterable<number>): number[] {
  for (const x of xs) if (!Number.isInteger(x)) return [...ticks];
  return ticks.filter((t) => Number.isInteger(t));
}

/** Index of the point (xs[k], ys[k]) nearest (px, py) in Euclidean distance, or -1 when there is none. */
export function nearestIndex(xs: ArrayLike<number>, ys: ArrayLike<number>, px: number, py: number): number {
  let best = -1;
  let bestDistance = Infinity;
  for (let k = 0; k < xs.length; k++) {
    const dx = xs[k]! - px;
    const dy = ys[k]! - py;
    const distance = dx * dx + dy * dy;
    if (distance < bestDistance) {
      bestDistance = distance;
      best = k;
    }
  }
  return best;
}

/**
 * Whether a tick of a base-10 log axis gets a label when the axis has `tickTotal` ticks but room for
 * about `count` labels: d3's rule, labelling mantissas up to 10 * count / tickTotal (1, then 2 and 5 ...).
 */
export function logTickLabelled(v: number, tickTotal: number, count: number): boolean {
  const limit = Math.max(1, (10 * count) / Math.max(1, tickTotal));
  let mantissa = v / 10 ** Math.round(Math.log10(v));
  if (mantissa * 10 < 9.5) mantissa *= 10;
  return mantissa <= limit;
}
