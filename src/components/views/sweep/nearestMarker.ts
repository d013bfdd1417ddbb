/**
 * Which point of a line chart a click was nearest to, horizontally: the chart (viz/lineChart) draws a
 * dot per point bound to its { x, y } datum, so a click anywhere in the plot picks the column of the
 * nearest dot. Returns that point's x, or null when the chart has no dots.
 */
import * as d3 from 'd3';
import type { Point } from '../../../viz/lineChartScale';

const isPoint = (v: unknown): v is Point =>
  typeof v === 'object' && v !== null && typeof (v as Point).x === 'number' && typeof (v as Point).y === 'number';

export function nearestMarkerX(node: HTMLElement, clientX: number): number | null {
  let best: number | null = null;
  let bestDistance = Infinity;
  for (const circle of node.querySelectorAll('circle')) {
    const datum: unknown = d3.select(circle).datum();
    if (!isPoint(datum)) continue;
    const box = circle.getBoundingClientRect();
    const distance = Math.abs(box.left + box.width / 2 - clientX);
    if (distance < bestDistance) [best, bestDistance] = [datum.x, distance];
  }
  return best;
}
