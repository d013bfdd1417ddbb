/**
 * The cells of a small labelled grid (the phase transition): one group per item. The confusion matrix, with up
 * to 61 x 61 cells, draws a rect per cell and counts only where they fit (confusionMatrix.ts).
 */
import type * as d3 from 'd3';

/** Joins one <g> per item into `parent`, each with a rect, a centred text and a title (its tooltip). */
export function joinLabelledCells<T>(
  parent: d3.Selection<SVGGElement, unknown, null, undefined>,
  items: readonly T[],
): d3.Selection<SVGGElement, T, SVGGElement, unknown> {
  return parent
    .selectAll<SVGGElement, T>('g')
    .data(items)
    .join((enter) => {
      const g = enter.append('g');
      g.append('rect');
      g.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em');
      g.append('title');
      return g;
    });
}
