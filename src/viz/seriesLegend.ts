/**
 * The line chart's legend: an HTML list of line swatches and labels above the plot. HTML rather than SVG
 * so that long lists (one spectrum line per iteration) wrap with the container.
 *
 *   const legend = createSeriesLegend(root, 'error-chart-legend');
 *   legend.update([{ id: 'test', label: 'test MSE', color: '#4e79a7', dashed: false, opacity: 1 }]);
 */
import * as d3 from 'd3';

export interface LegendEntry {
  id: string;
  label: string;
  color: string;
  dashed: boolean;
  opacity: number;
}

const SWATCH_WIDTH = 18;

export function createSeriesLegend(
  parent: d3.Selection<HTMLDivElement, unknown, null, undefined>,
  testId: string,
): { readonly element: HTMLUListElement; update(entries: readonly LegendEntry[]): void } {
  const list = parent.append('ul').attr('class', 'rfm-viz-legend').attr('data-testid', testId);
  return {
    element: list.node()!,
    update(entries) {
      list
        .selectAll<HTMLLIElement, LegendEntry>('li')
        .data(entries, (entry) => entry.id)
        .join((enter) => {
          const li = enter.append('li');
          li.append('svg')
            .attr('width', SWATCH_WIDTH)
            .attr('height', 8)
            .attr('aria-hidden', 'true')
            .append('line')
            .attr('x1', 0)
            .attr('x2', SWATCH_WIDTH)
            .attr('y1', 4)
            .attr('y2', 4)
            .attr('stroke-width', 2);
          li.append('span');
          return li;
        })
        .attr('data-series', (entry) => entry.id)
        .call((li) => {
          li.select('line')
            .attr('stroke', (entry) => entry.color)
            .attr('stroke-opacity', (entry) => entry.opacity)
            .attr('stroke-dasharray', (entry) => (entry.dashed ? '5 3' : null));
          li.select('span').text((entry) => entry.label);
        });
    },
  };
}
